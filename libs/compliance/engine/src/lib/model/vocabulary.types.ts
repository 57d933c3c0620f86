/** Shared vocabulary (PRODUCT.md §3). Kept as const arrays so code, schema and UI list the same values. */

/**
 * How a credit was earned. The first four are courses; `teaching` and `publication` the licensee's own
 * work; the activities after `other` are the ones boards cap by kind (AZ R4-6-802(B): Board meeting
 * attendance ≤ 6 h, Board or ARC service ≤ 10 h; WA WAC 246-809-610(5): panel, board or council
 * service, community service, research and peer consultation ≤ 6 h together; CO: ≤ 20 PDH per
 * category of volunteer service, consultation and supervision). Added 2026-11-23, after `other`, so
 * the earlier codes keep their bit.
 */
export const FORMATS = [
  'live-in-person',
  'live-online',
  'self-study',
  'academic',
  'teaching',
  'publication',
  'other',
  'board-meeting',
  'board-service',
  'professional-service',
  'volunteer-service',
  'consultation',
  'supervision-activity',
  'research',
] as const;
export type Format = (typeof FORMATS)[number];

/** Formats that count as "live" (synchronous) for `format:live` minimums. */
export const LIVE_FORMATS: readonly Format[] = ['live-in-person', 'live-online'];

export const PRACTICE_LEVELS = ['clinical', 'macro', 'general'] as const;
export type PracticeLevel = (typeof PRACTICE_LEVELS)[number];

export const MACRO_AREAS = [
  'policy-advocacy',
  'community-practice',
  'administration-leadership',
  'research-evaluation',
] as const;
export type MacroArea = (typeof MACRO_AREAS)[number];

export const TOPICS = [
  'ethics',
  'boundaries',
  'laws-and-rules',
  'cultural-competence',
  'anti-oppression',
  'implicit-bias',
  'supervision',
  'suicide-prevention',
  'domestic-violence',
  'human-trafficking',
  'child-abuse-reporting',
  'elder-abuse',
  'medical-errors',
  'pain-management',
  'telehealth',
  'hiv-aids',
  'substance-use',
  'dementia',
  'sexual-harassment',
  'public-health-priority',
  'health-equity',
  'aging-long-term-care',
  'pediatric-head-trauma',
  // A language course (e.g. Spanish, ASL) taken to serve clients in their language: OR caps it at 25%
  // of the hours (OAR 877-025-0006(8)).
  'language-course',
] as const;
export type Topic = (typeof TOPICS)[number];

/**
 * Approval bodies the rule sets name, with the other spellings licensees write for them. Rule sets
 * compare codes case-insensitively; an alias is read as its code (`ASWB ACE` → `ACE`). Bodies not
 * listed here are still accepted as written wherever a rule set names them or lists none.
 */
export const APPROVAL_BODIES: readonly { code: string; label: string; aliases: readonly string[] }[] = [
  { code: 'ACE', label: 'ASWB Approved Continuing Education (ACE)', aliases: ['ASWB ACE', 'ASWB-ACE', 'ASWB', 'ASWB Approved Continuing Education', 'Approved Continuing Education'] },
  { code: 'NASW', label: 'National Association of Social Workers (NASW, national or chapter)', aliases: ['National Association of Social Workers'] },
  { code: 'board', label: "The licensing state's own social work board", aliases: ['state board', 'licensing board', 'state licensing board'] },
  { code: 'other-state-board', label: "Another state's social work board", aliases: ['another state board', 'other state board'] },
  { code: 'NYSED', label: 'New York State Education Department approved provider (NYSED)', aliases: ['NYS Education Department', 'New York State Education Department', 'NYSED approved provider'] },
  { code: 'MICEC', label: 'Michigan Social Work Continuing Education Collaborative (MICEC)', aliases: ['Michigan Social Work Continuing Education Collaborative'] },
  { code: 'CSWE', label: 'Council on Social Work Education (CSWE) accredited program', aliases: ['Council on Social Work Education'] },
  { code: 'CSWA', label: 'Clinical Social Work Association (CSWA)', aliases: ['Clinical Social Work Association'] },
  { code: 'NBCC', label: 'National Board for Certified Counselors (NBCC)', aliases: ['National Board for Certified Counselors'] },
  { code: 'APA', label: 'American Psychological Association (APA)', aliases: ['American Psychological Association'] },
  { code: 'ANCC', label: 'American Nurses Credentialing Center (ANCC)', aliases: ['American Nurses Credentialing Center'] },
  { code: 'COAMFTE', label: 'Commission on Accreditation for Marriage and Family Therapy Education (COAMFTE)', aliases: [] },
  { code: 'CACREP', label: 'Council for Accreditation of Counseling and Related Educational Programs (CACREP)', aliases: [] },
  { code: 'CRCC', label: 'Commission on Rehabilitation Counselor Certification (CRCC)', aliases: [] },
  { code: 'accredited-university', label: 'A regionally accredited college or university', aliases: ['university', 'accredited university', 'college'] },
  // Not an approval: the training's sponsor, which WA, OR and WI cap (WAC 246-809-610(4), OAR
  // 877-025-0006(3), MPSW 19.03(1)(f)).
  // Record it alone when no organization above approved the training.
  {
    code: 'employer',
    label: 'Your employer (in-house or agency training that no other body listed here approved)',
    aliases: ['agency', 'in-house', 'in house', 'in-house training', 'agency training', 'agency-sponsored', 'employer-sponsored', 'in-service'],
  },
];

/** Lower-cased code per lower-cased code or alias (whitespace collapsed). */
const BODY_BY_NAME = new Map<string, string>();
for (const b of APPROVAL_BODIES) {
  BODY_BY_NAME.set(b.code.toLowerCase(), b.code.toLowerCase());
  for (const a of b.aliases) BODY_BY_NAME.set(a.toLowerCase(), b.code.toLowerCase());
}

/** A lower-cased approval body as the rule sets compare it: a known alias becomes its code; others are trimmed. */
export function canonicalBody(lower: string): string {
  const name = lower.trim().replace(/\s+/g, ' ');
  return BODY_BY_NAME.get(name) ?? name;
}
