import type {
  AdvocacyStatus,
  ComplianceStatus,
  ExclusionReason,
  Format,
  MacroArea,
  PracticeLevel,
  Topic,
} from '@mezzo/compliance-engine';
import type { LICENSE_ROLES } from '@mezzo/shared-contracts';

/**
 * Every code the licensee pages show, in words, in one place. Lists are written out here (not
 * imported as values from the engine) so a page never pulls the engine's code into its chunk; the
 * `Record<Union, …>` types make the compiler list any code the engine adds and we forgot.
 */
export const FORMAT_LABELS: Readonly<Record<Format, string>> = {
  'live-in-person': 'Live, in person',
  'live-online': 'Live online (synchronous)',
  'self-study': 'Self-study (asynchronous)',
  academic: 'Academic course',
  teaching: 'Teaching or presenting',
  publication: 'Publication',
  other: 'Other',
  'board-meeting': 'Attending a licensing board meeting',
  'board-service': 'Serving on a licensing board or its committees',
  'professional-service': 'Serving on a panel, board or council',
  'volunteer-service': 'Volunteer or community service',
  consultation: 'Peer consultation',
  'supervision-activity': 'Supervision (giving or receiving)',
  research: 'Research',
};

/**
 * The formats in the groups the credit form shows them in: courses, the licensee's own work, then
 * service and practice activities (the kinds some boards cap: AZ, CO, WA), then anything else.
 */
export const FORMAT_GROUPS: readonly {
  label: string;
  formats: readonly Format[];
}[] = [
  {
    label: 'Courses',
    formats: ['live-in-person', 'live-online', 'self-study', 'academic'],
  },
  { label: 'Your own work', formats: ['teaching', 'publication', 'research'] },
  {
    label: 'Service and practice',
    formats: [
      'board-meeting',
      'board-service',
      'professional-service',
      'volunteer-service',
      'consultation',
      'supervision-activity',
    ],
  },
  { label: 'Anything else', formats: ['other'] },
];

export const TOPIC_LABELS: Readonly<Record<Topic, string>> = {
  ethics: 'Ethics',
  boundaries: 'Boundaries',
  'laws-and-rules': 'Laws and rules',
  'cultural-competence': 'Cultural competence',
  'anti-oppression': 'Anti-oppression',
  'implicit-bias': 'Implicit bias',
  supervision: 'Supervision',
  'suicide-prevention': 'Suicide prevention',
  'domestic-violence': 'Domestic violence',
  'human-trafficking': 'Human trafficking',
  'child-abuse-reporting': 'Child abuse reporting',
  'elder-abuse': 'Elder abuse',
  'medical-errors': 'Medical errors',
  'pain-management': 'Pain management',
  telehealth: 'Telehealth',
  'hiv-aids': 'HIV/AIDS',
  'substance-use': 'Substance use',
  dementia: 'Dementia',
  'sexual-harassment': 'Sexual harassment',
  'public-health-priority': 'Public health priority',
  'health-equity': 'Health equity',
  'aging-long-term-care': 'Aging and long-term care',
  'pediatric-head-trauma': 'Pediatric head trauma',
  'language-course': 'Language course',
};

export const PRACTICE_LABELS: Readonly<Record<PracticeLevel, string>> = {
  clinical: 'Clinical',
  macro: 'Macro / advocacy',
  general: 'General',
};

export const MACRO_AREA_LABELS: Readonly<Record<MacroArea, string>> = {
  'policy-advocacy': 'Policy and advocacy',
  'community-practice': 'Community practice',
  'administration-leadership': 'Administration and leadership',
  'research-evaluation': 'Research and evaluation',
};

export const STATUS_LABELS: Readonly<Record<ComplianceStatus, string>> = {
  met: 'Met',
  'in-progress': 'In progress',
  overdue: 'Overdue',
};

export const ADVOCACY_LABELS: Readonly<Record<AdvocacyStatus, string>> = {
  missing: 'Missing',
  thin: 'Thin',
  balanced: 'Balanced',
};

/** What each exclusion means, said to the licensee. */
export const EXCLUSION_LABELS: Readonly<Record<ExclusionReason, string>> = {
  'outside-cycle': 'Completed outside this renewal cycle',
  'over-cap': 'Above a limit the board sets',
  'approval-not-accepted': 'Approval not recognised',
  duplicate: 'Logged twice: counted once',
  'not-credited': 'Not creditable under this board’s rules',
};

/**
 * The engine's detail of an exclusion when it says more than the label: its fixed sentences for a
 * credit outside the cycle or logged twice only repeat the label in other words.
 */
export function exclusionDetail(e: {
  reason: ExclusionReason;
  detail?: string;
}): string | null {
  if (!e.detail || e.reason === 'outside-cycle' || e.reason === 'duplicate')
    return null;
  return e.detail === EXCLUSION_LABELS[e.reason] ? null : e.detail;
}

export type LicenseRole = (typeof LICENSE_ROLES)[number];
export const ROLE_LABELS: Readonly<Record<LicenseRole, string>> = {
  supervisor: 'I am a licensed supervisor',
  'direct-care': 'I provide direct care to clients',
};

export const FORMAT_CODES = Object.keys(FORMAT_LABELS) as Format[];
export const TOPIC_CODES = Object.keys(TOPIC_LABELS) as Topic[];
export const PRACTICE_CODES = Object.keys(PRACTICE_LABELS) as PracticeLevel[];
export const MACRO_AREA_CODES = Object.keys(MACRO_AREA_LABELS) as MacroArea[];
export const ROLE_CODES = Object.keys(ROLE_LABELS) as LicenseRole[];

/** A label for any code, falling back to the code itself for one added later. */
export function labelOf(
  labels: Readonly<Record<string, string>>,
  code: string,
): string {
  return labels[code] ?? code;
}

/** "3 h", "1.5 h": hours as people write them. */
export function hours(value: number): string {
  return `${Math.round(value * 100) / 100} h`;
}

/** "in 648 days", "today", "12 days ago". */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft > 1) return `${daysLeft} days left`;
  if (daysLeft === 1) return '1 day left';
  if (daysLeft === 0) return 'Due today';
  return `${-daysLeft} ${daysLeft === -1 ? 'day' : 'days'} past the deadline`;
}

// Intl, not DatePipe: DatePipe's code and locale data would land in the app's first-load chunk.
const DATE = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const DATE_TIME = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** "Sep 1, 2026" for a calendar date (YYYY-MM-DD, no time zone shift) or a timestamp's day. */
export function dateText(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(
    /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value,
  );
  if (Number.isNaN(d.getTime())) return value;
  return /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? DATE.format(d)
    : DATE.format(
        new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate())),
      );
}

/** "Nov 22, 2026, 11:58 AM" in the person's own time zone. */
export function dateTimeText(value: string): string {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : DATE_TIME.format(d);
}
