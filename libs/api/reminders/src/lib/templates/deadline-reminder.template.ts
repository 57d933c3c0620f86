import { escapeHtml, type RenderedEmail } from '@mezzo/api-notifications';
import type { Evaluation } from '@mezzo/compliance-engine';
import {
  daysWords,
  formatHours,
  licenseName,
  longDate,
  closingHtml,
  closingText,
  openingHtml,
} from './wording';

/** The email's last sentence before the settings link (text and html). */
const FOOTNOTE =
  'Mezzo reminds you 90, 30 and 7 days before a deadline. You can turn deadline reminders off in your';

export interface DeadlineReminderInput {
  recipientName: string;
  license: {
    id: string;
    jurisdiction: string;
    licenseType: string;
    number: string;
  };
  evaluation: Evaluation;
  appUrl: string;
  /** The signed one-click link that turns deadline reminders off (also the List-Unsubscribe URL). */
  unsubscribeUrl: string;
}

/** The 90/30/7-day email: what is due, the hours still needed by requirement, days left, a link. */
export function deadlineReminderEmail({
  recipientName,
  license,
  evaluation: ev,
  appUrl,
  unsubscribeUrl,
}: DeadlineReminderInput): RenderedEmail {
  const name = licenseName(license);
  const when = daysWords(ev.cycle.daysLeft);
  const link = `${appUrl}/licenses/${license.id}`;
  const greeting = recipientName.trim() || 'there';
  // Every date in one style: "August 31, 2026", never an ISO date beside it.
  const due =
    when === 'today'
      ? `today, ${longDate(ev.cycle.end)}`
      : `on ${longDate(ev.cycle.end)}, ${when}`;
  const intro = `Your ${name} license (no. ${license.number}) is due for renewal ${due}. So far ${formatHours(ev.totals.countedHours)} of the ${formatHours(ev.totals.requiredHours)} required hours count toward this cycle (${longDate(ev.cycle.start)} to ${longDate(ev.cycle.end)}).`;
  const needs = ev.plan.map((p) => p.description);
  const subject = `${name} renewal ${when}: ${formatHours(ev.totals.remainingHours)} h still needed`;
  const text = [
    `Hi ${greeting},`,
    '',
    intro,
    '',
    'Still needed:',
    ...needs.map((n) => `- ${n}`),
    '',
    `Days left: ${ev.cycle.daysLeft}`,
    '',
    'See what counts, what was excluded and why, and plan your next courses:',
    link,
    '',
    ...closingText(FOOTNOTE, appUrl, unsubscribeUrl),
  ].join('\n');
  const html = `${openingHtml(greeting)}    <p>${escapeHtml(intro)}</p>
    <p><strong>Still needed:</strong></p>
    <ul>
${needs.map((n) => `      <li>${escapeHtml(n)}</li>`).join('\n')}
    </ul>
    <p><strong>Days left: ${ev.cycle.daysLeft}</strong></p>
${closingHtml(link, `Open your ${name} license`, FOOTNOTE, appUrl, unsubscribeUrl)}  </body>
</html>
`;
  return { subject, text, html };
}
