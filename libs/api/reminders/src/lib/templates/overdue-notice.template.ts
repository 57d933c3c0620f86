import { escapeHtml, type RenderedEmail } from '@mezzo/api-notifications';
import type { Evaluation } from '@mezzo/compliance-engine';
import {
  formatHours,
  licenseName,
  longDate,
  closingHtml,
  closingText,
  openingHtml,
} from './wording';
import type { DeadlineReminderInput } from './deadline-reminder.template';

/** The email's last sentence before the settings link (text and html). */
const FOOTNOTE =
  'Mezzo sends this once per cycle. You can turn deadline reminders off in your';

/**
 * Once, after a cycle ends short (the license's `overdue` standing): what was missing, and the two
 * ways out, logging credits that were not in Mezzo, or telling Mezzo the license was renewed.
 * `evaluation` is the ended cycle's.
 */
export function overdueNoticeEmail({
  recipientName,
  license,
  evaluation: ev,
  appUrl,
  unsubscribeUrl,
}: DeadlineReminderInput & { evaluation: Evaluation }): RenderedEmail {
  const name = licenseName(license);
  const link = `${appUrl}/licenses/${license.id}`;
  const greeting = recipientName.trim() || 'there';
  const intro = `The renewal cycle of your ${name} license (no. ${license.number}) ended on ${longDate(ev.cycle.end)} with ${formatHours(ev.totals.remainingHours)} of its ${formatHours(ev.totals.requiredHours)} required hours still missing in Mezzo (the cycle ran ${longDate(ev.cycle.start)} to ${longDate(ev.cycle.end)}).`;
  const needs = ev.plan.map((p) => p.description);
  const ways = [
    'If you completed CE in that cycle that is not in Mezzo yet, log it: the shortfall shrinks as you do.',
    'If you have renewed the license, open it and choose "I renewed this license": Mezzo then moves on to the new cycle.',
    'If you have not renewed, your board may offer a late renewal or a way to make up the hours: check its rules before you practise.',
  ];
  const subject = `${name} renewal overdue: ${formatHours(ev.totals.remainingHours)} h were missing on ${longDate(ev.cycle.end)}`;
  const text = [
    `Hi ${greeting},`,
    '',
    intro,
    '',
    'Missing:',
    ...needs.map((n) => `- ${n}`),
    '',
    ...ways,
    '',
    link,
    '',
    ...closingText(FOOTNOTE, appUrl, unsubscribeUrl),
  ].join('\n');
  const html = `${openingHtml(greeting)}    <p>${escapeHtml(intro)}</p>
    <p><strong>Missing:</strong></p>
    <ul>
${needs.map((n) => `      <li>${escapeHtml(n)}</li>`).join('\n')}
    </ul>
${ways.map((w) => `    <p>${escapeHtml(w)}</p>`).join('\n')}
${closingHtml(link, `Open your ${name} license`, FOOTNOTE, appUrl, unsubscribeUrl)}  </body>
</html>
`;
  return { subject, text, html };
}
