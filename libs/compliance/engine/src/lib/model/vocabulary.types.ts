/** Shared vocabulary (PRODUCT.md §3). Kept as const arrays so code, schema and UI list the same values. */

export const FORMATS = [
  'live-in-person',
  'live-online',
  'self-study',
  'academic',
  'teaching',
  'publication',
  'other',
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
] as const;
export type Topic = (typeof TOPICS)[number];
