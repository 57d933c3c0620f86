import type { Format, PracticeLevel, Topic } from '@mezzo/compliance-engine';
import type { PrefillResultDto } from '@mezzo/shared-contracts';

/** The credit form's value, as far as a certificate can suggest it. */
export interface PrefillTarget {
  title: string;
  provider: string;
  completedOn: string;
  hours: number | null;
  format: string;
  topics: string[];
  practice: Record<PracticeLevel, number>;
  approvals: { body: string; number: string }[];
}

export interface PrefillPlan {
  /** Fields to set: only ones the licensee has left empty. */
  patch: Partial<Omit<PrefillTarget, 'approvals'>>;
  /** An approval row to add (the ACE provider number), when none names ACE yet. */
  approval: { body: string; number: string } | null;
  /** What was filled, in form order, as the form labels it. */
  filled: string[];
  /** Things to check that the certificate itself raises. */
  warnings: string[];
}

function blank(v: string): boolean {
  return v.trim() === '';
}

/**
 * Turns the server's reading of a certificate PDF into changes to the credit form. Nothing the
 * licensee typed is overwritten: a suggestion goes only into an empty field (topics are added to
 * the ones picked). The licensee confirms by saving.
 */
export function planPrefill(
  current: PrefillTarget,
  s: PrefillResultDto,
  today: string,
): PrefillPlan {
  const patch: PrefillPlan['patch'] = {};
  const filled: string[] = [];
  const warnings: string[] = [];

  if (s.title && blank(current.title)) {
    patch.title = s.title;
    filled.push('Course title');
  }
  if (s.provider && blank(current.provider)) {
    patch.provider = s.provider;
    filled.push('Provider');
  }
  if (s.completedOn && blank(current.completedOn)) {
    if (s.completedOn > today) {
      warnings.push(
        `The certificate gives a completion date in the future (${s.completedOn}); enter the date you finished the course.`,
      );
    } else {
      patch.completedOn = s.completedOn;
      filled.push('Completion date');
    }
  }
  if (s.hours && s.hours > 0 && !(current.hours && current.hours > 0)) {
    patch.hours = s.hours;
    filled.push('Hours');
  }
  if (s.format && blank(current.format)) {
    patch.format = s.format satisfies Format;
    filled.push('Format');
  }
  const newTopics = s.topics.filter((t: Topic) => !current.topics.includes(t));
  if (newTopics.length > 0) {
    patch.topics = [...current.topics, ...newTopics];
    filled.push('Topics');
  }
  const hours = patch.hours ?? current.hours ?? 0;
  const p = current.practice;
  if (
    s.practiceLevel &&
    hours > 0 &&
    (p.clinical || 0) + (p.macro || 0) + (p.general || 0) === 0
  ) {
    patch.practice = {
      clinical: s.practiceLevel === 'clinical' ? hours : 0,
      macro: s.practiceLevel === 'macro' ? hours : 0,
      general: s.practiceLevel === 'general' ? hours : 0,
    };
    filled.push('Practice split');
  }
  let approval: PrefillPlan['approval'] = null;
  if (
    s.aceProviderNumber &&
    !current.approvals.some((a) => a.body.trim().toUpperCase() === 'ACE')
  ) {
    approval = { body: 'ACE', number: s.aceProviderNumber };
    filled.push('Approval (ACE provider number)');
  }
  const date = patch.completedOn ?? current.completedOn;
  const period = s.approvalPeriod;
  if (date && period && (period.start || period.end)) {
    if (
      (period.start && date < period.start) ||
      (period.end && date > period.end)
    ) {
      warnings.push(
        `The completion date is outside the provider's ACE approval period (${period.start ?? '…'} to ${period.end ?? '…'}). A board may not accept the hours.`,
      );
    }
  }
  return { patch, approval, filled, warnings };
}
