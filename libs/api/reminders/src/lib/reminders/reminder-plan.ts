import type { Evaluation } from '@mezzo/compliance-engine';
import type { ReminderKind } from '@mezzo/shared-contracts';

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

export interface ReminderSwitches {
  remindDeadlines: boolean;
  remindAdvocacy: boolean;
}

/** The reminders a license's evaluation calls for today, before checking what was already sent. */
export function dueReminders(
  ev: Evaluation,
  switches: ReminderSwitches,
): ReminderKind[] {
  const kinds: ReminderKind[] = [];
  if (switches.remindDeadlines && ev.status !== 'met') {
    const kind = deadlineKind(ev.cycle.daysLeft);
    if (kind) kinds.push(kind);
  }
  if (switches.remindAdvocacy && ev.advocacy.status === 'missing')
    kinds.push('advocacy-missing');
  return kinds;
}

/** Whether a reminder queued earlier still applies when its job runs (settings or credits may have changed). */
export function stillDue(
  kind: ReminderKind,
  ev: Evaluation,
  switches: ReminderSwitches,
): boolean {
  return kind === 'advocacy-missing'
    ? switches.remindAdvocacy && ev.advocacy.status === 'missing'
    : switches.remindDeadlines && ev.status !== 'met';
}

export interface SendJobData {
  userId: string;
  licenseId: string;
  cycleEnd: string;
  kind: ReminderKind;
  /** The scan's date: the email describes the cycle as of that day. */
  asOf: string;
}
