import type { PracticeLevel, Topic } from '@mezzo/compliance-engine';

interface KnownCategory {
  label: string;
  pattern: RegExp;
  topic?: Topic;
  practice?: PracticeLevel;
}

/** Category wordings seen on social-work certificates, mapped to the credit form's codes. */
const KNOWN: KnownCategory[] = [
  { label: 'Ethics', pattern: /\bethic(s|al)\b/i, topic: 'ethics' },
  { label: 'Boundaries', pattern: /\bboundar(y|ies)\b/i, topic: 'boundaries' },
  {
    label: 'Cultural Competence',
    pattern:
      /\bcultural(ly)?\s+(competen\w*|humility|responsiv\w*|diversity)|\bdiversity\b/i,
    topic: 'cultural-competence',
  },
  {
    label: 'Anti-Oppression',
    pattern: /\banti-?oppressi\w*/i,
    topic: 'anti-oppression',
  },
  {
    label: 'Implicit Bias',
    pattern: /\bimplicit bias\b/i,
    topic: 'implicit-bias',
  },
  { label: 'Supervision', pattern: /\bsupervision\b/i, topic: 'supervision' },
  {
    label: 'Suicide Prevention',
    pattern: /\bsuicid\w*/i,
    topic: 'suicide-prevention',
  },
  {
    label: 'Domestic Violence',
    pattern: /\b(domestic|intimate partner) violence\b/i,
    topic: 'domestic-violence',
  },
  {
    label: 'Human Trafficking',
    pattern: /\bhuman trafficking\b/i,
    topic: 'human-trafficking',
  },
  {
    label: 'Child Abuse Reporting',
    pattern: /\bchild abuse\b|\bmandat(ed|ory) report\w*/i,
    topic: 'child-abuse-reporting',
  },
  { label: 'Elder Abuse', pattern: /\belder abuse\b/i, topic: 'elder-abuse' },
  {
    label: 'Medical Errors',
    pattern: /\bmedical errors?\b/i,
    topic: 'medical-errors',
  },
  {
    label: 'Pain Management',
    pattern: /\bpain management\b|\bopioid/i,
    topic: 'pain-management',
  },
  {
    label: 'Telehealth',
    pattern: /\btele(health|mental health|practice)\b/i,
    topic: 'telehealth',
  },
  { label: 'HIV/AIDS', pattern: /\bHIV\b|\bAIDS\b/, topic: 'hiv-aids' },
  {
    label: 'Substance Use',
    pattern: /\bsubstance (use|abuse)\b|\baddiction\b/i,
    topic: 'substance-use',
  },
  {
    label: 'Dementia',
    pattern: /\bdementia\b|\balzheimer/i,
    topic: 'dementia',
  },
  {
    label: 'Sexual Harassment',
    pattern: /\bsexual harassment\b/i,
    topic: 'sexual-harassment',
  },
  {
    label: 'Laws and Rules',
    pattern: /\blaws? (and|&) rules\b|\bjurisprudence\b/i,
    topic: 'laws-and-rules',
  },
  {
    label: 'Health Equity',
    pattern: /\bhealth equity\b/i,
    topic: 'health-equity',
  },
  {
    label: 'Aging and Long-Term Care',
    pattern: /\baging\b|\blong-term care\b/i,
    topic: 'aging-long-term-care',
  },
  { label: 'Clinical', pattern: /\bclinical\b/i, practice: 'clinical' },
  { label: 'Macro', pattern: /\bmacro\b/i, practice: 'macro' },
  { label: 'General', pattern: /\bgeneral\b/i, practice: 'general' },
];

export interface CategoryMatch {
  label: string;
  topic?: Topic;
  practice?: PracticeLevel;
}

/** The known categories a phrase names, or the phrase itself when it names none we know. */
export function classifyCategory(phrase: string): CategoryMatch[] {
  const found = KNOWN.filter((k) => k.pattern.test(phrase)).map((k) => ({
    label: k.label,
    topic: k.topic,
    practice: k.practice,
  }));
  if (found.length) return found;
  const printed = phrase.replace(/\s+/g, ' ').trim();
  return printed.length >= 3 && printed.length <= 60
    ? [{ label: printed }]
    : [];
}

/** True when the whole line is one known category, e.g. "Ethics" or "Clinical — 3.0 hours". */
export function isCategoryLine(line: string): boolean {
  const head = line
    .replace(
      /[-–—:(]\s*\d+(\.\d+)?\s*(CE\s*)?(hours?|hrs?|credits?)\)?\s*$/i,
      '',
    )
    .trim();
  return (
    head.length > 0 &&
    head.length <= 40 &&
    KNOWN.some((k) => {
      const m = k.pattern.exec(head);
      return m !== null && m[0].length >= head.length - 2;
    })
  );
}
