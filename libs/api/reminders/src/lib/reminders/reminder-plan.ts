import type { Evaluation } from '@mezzo/compliance-engine';
import type { ReminderKind, ReminderSwitch } from '@mezzo/shared-contracts';

/**
 * The deadline reminder due for a cycle with `daysLeft` days to go: the 7-day one from 7 days on,
 * the 30-day one from 30, the 90-day one from 90. A scan that did not run on the exact day catches
 * up with the reminder of the bracket it is in; an earlier bracket's reminder is then superseded,
 * not sent late on top of it.
 */
export function deadlineKind(daysLeft: number): ReminderKind | null {
  if (daysLeft <= 7) return 'deadline-7d';
  if (daysLeft <= 30) return 'deadline-30d';
  if (daysLeft <= 90) return 'deadline-90d';
  return null;
}

/** The settings switch that turns a kind of reminder off: the overdue notice is a deadline reminder. */
export function reminderSwitch(kind: ReminderKind): ReminderSwitch {
  return kind === 'advocacy-missing' ? 'advocacy' : 'deadlines';
}

export interface ReminderSwitches {
  remindDeadlines: boolean;
  remindAdvocacy: boolean;
}

/**
 * The reminders a license's standing calls for today, before checking what was already sent, each
 * with the end of the cycle it is about: the deadline and advocacy ones for the current cycle, the
 * overdue one (deadline reminders' switch) for the ended cycle before it.
 */
export function dueReminders(
  standing: { evaluation: Evaluation; overdue: Evaluation | null },
  switches: ReminderSwitches,
): { kind: ReminderKind; cycleEnd: string }[] {
  const ev = standing.evaluation;
  const due: { kind: ReminderKind; cycleEnd: string }[] = [];
  if (switches.remindDeadlines && standing.overdue)
    due.push({ kind: 'overdue', cycleEnd: standing.overdue.cycle.end });
  if (switches.remindDeadlines && ev.status !== 'met') {
    const kind = deadlineKind(ev.cycle.daysLeft);
    if (kind) due.push({ kind, cycleEnd: ev.cycle.end });
  }
  if (switches.remindAdvocacy && ev.advocacy.status === 'missing')
    due.push({ kind: 'advocacy-missing', cycleEnd: ev.cycle.end });
  return due;
}

/**
 * The evaluation a reminder of `kind` is about when its job runs (settings, credits or the
 * licensee's renewal may have changed since the scan), or null when it no longer applies.
 */
export function stillDue(
  kind: ReminderKind,
  cycleEnd: string,
  standing: { evaluation: Evaluation; overdue: Evaluation | null },
  switches: ReminderSwitches,
): Evaluation | null {
  const ev = kind === 'overdue' ? standing.overdue : standing.evaluation;
  if (!ev || ev.cycle.end !== cycleEnd) return null;
  const due =
    kind === 'advocacy-missing'
      ? switches.remindAdvocacy && ev.advocacy.status === 'missing'
      : switches.remindDeadlines && ev.status !== 'met';
  return due ? ev : null;
}

export interface SendJobData {
  userId: string;
  licenseId: string;
  cycleEnd: string;
  kind: ReminderKind;
  /** The scan's date: the email describes the cycle as of that day. */
  asOf: string;
  /**
   * Advocacy notices only: the person's other licenses due one the same day, each with its cycle's
   * end. One email names them all; each keeps its own ledger row.
   */
  also?: { licenseId: string; cycleEnd: string }[];
}
