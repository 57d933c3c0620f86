import { escapeHtml, type RenderedEmail } from '@mezzo/api-notifications';
import type { Evaluation } from '@mezzo/compliance-engine';
import {
  licenseName,
  longDate,
  closingHtml,
  closingText,
  openingHtml,
} from './wording';

/** The email's last sentence before the settings link (text and html). */
const FOOTNOTE =
  'Mezzo sends this notice once per cycle. You can turn advocacy notices off in your';

export interface AdvocacyNoticeInput {
  recipientName: string;
  license: { id: string; jurisdiction: string; licenseType: string };
  evaluation: Evaluation;
  appUrl: string;
  /** The signed one-click link that turns advocacy notices off (also the List-Unsubscribe URL). */
  unsubscribeUrl: string;
  /**
   * The person's other licenses with no macro CE in their current cycle, due the same day: one
   * notice names them all rather than one email per license.
   */
  others?: readonly AdvocacyLicense[];
}

export interface AdvocacyLicense {
  license: { id: string; jurisdiction: string; licenseType: string };
  evaluation: Evaluation;
}

const WHY = [
  "Social work practice runs from work with individuals to work with communities and whole policy systems. The profession's code of ethics asks every social worker, clinical or not, to take part in social and political action.",
  'Renewal rules pull the other way: boards require ethics and clinical topics, and no state requires any macro or advocacy content. Left alone, a CE portfolio drifts clinical.',
  'Macro CE (policy and advocacy, community practice, administration and leadership, research and evaluation) keeps your practice connected to the conditions your clients live in.',
];

/**
 * Once per cycle, when no macro/advocacy hours were logged in the license's current cycle; one
 * email for several licenses when `others` are due too.
 */
export function advocacyNoticeEmail(input: AdvocacyNoticeInput): RenderedEmail {
  if (input.others && input.others.length > 0)
    return advocacyDigestEmail(input);
  const {
    recipientName,
    license,
    evaluation: ev,
    appUrl,
    unsubscribeUrl,
  } = input;
  const name = licenseName(license);
  const link = `${appUrl}/licenses/${license.id}`;
  const greeting = recipientName.trim() || 'there';
  const intro = `None of the CE you logged for your ${name} license in this cycle (${ev.cycle.start} to ${ev.cycle.end}, renewal on ${longDate(ev.cycle.end)}) is macro or advocacy content.`;
  const counts = stateWords(
    license.jurisdiction,
    ev.advocacy.macroCountsTowardRenewal,
  );
  const note = ev.advocacy.note.trim();
  const subject = `No advocacy or macro CE yet this cycle for your ${name}`;
  const text = [
    `Hi ${greeting},`,
    '',
    intro,
    '',
    'Why it matters:',
    ...WHY.map((w) => `- ${w}`),
    '',
    counts,
    ...(note
      ? ['', `What the ${license.jurisdiction} rules say: ${note}`]
      : []),
    '',
    'See your clinical / macro / general balance for this cycle:',
    link,
    '',
    ...closingText(FOOTNOTE, appUrl, unsubscribeUrl),
  ].join('\n');
  const html = `${openingHtml(greeting)}    <p>${escapeHtml(intro)}</p>
    <p><strong>Why it matters</strong></p>
    <ul>
${WHY.map((w) => `      <li>${escapeHtml(w)}</li>`).join('\n')}
    </ul>
    <p>${escapeHtml(counts)}</p>
${note ? `    <p>What the ${escapeHtml(license.jurisdiction)} rules say: ${escapeHtml(note)}</p>\n` : ''}${closingHtml(link, 'See your balance', FOOTNOTE, appUrl, unsubscribeUrl)}  </body>
</html>
`;
  return { subject, text, html };
}

/** The notice for several licenses: which ones, why it matters once, then each one's rules and link. */
function advocacyDigestEmail({
  recipientName,
  license,
  evaluation,
  appUrl,
  unsubscribeUrl,
  others = [],
}: AdvocacyNoticeInput): RenderedEmail {
  const all = [{ license, evaluation }, ...others];
  const names = all.map((a) => licenseName(a.license));
  const greeting = recipientName.trim() || 'there';
  const subject = `No advocacy or macro CE yet this cycle for your ${andList(names)}`;
  const intro = `None of the CE you logged in the current cycle of these ${all.length} licenses is macro or advocacy content:`;
  const cycles = all.map(
    ({ evaluation: ev }, i) =>
      `${names[i]}: ${ev.cycle.start} to ${ev.cycle.end}, renewal on ${longDate(ev.cycle.end)}`,
  );
  const blocks = all.map(({ license: l, evaluation: ev }, i) => {
    const note = ev.advocacy.note.trim();
    return {
      name: names[i],
      counts: stateWords(l.jurisdiction, ev.advocacy.macroCountsTowardRenewal),
      rules: note ? `What the ${l.jurisdiction} rules say: ${note}` : '',
      link: `${appUrl}/licenses/${l.id}`,
    };
  });
  const footnote =
    'Mezzo sends this notice once per cycle of each license. You can turn advocacy notices off in your';
  const text = [
    `Hi ${greeting},`,
    '',
    intro,
    ...cycles.map((c) => `- ${c}`),
    '',
    'Why it matters:',
    ...WHY.map((w) => `- ${w}`),
    ...blocks.flatMap((b) => [
      '',
      `${b.name}:`,
      b.counts,
      ...(b.rules ? [b.rules] : []),
      `See its clinical / macro / general balance: ${b.link}`,
    ]),
    '',
    ...closingText(footnote, appUrl, unsubscribeUrl),
  ].join('\n');
  const html = `${openingHtml(greeting)}    <p>${escapeHtml(intro)}</p>
    <ul>
${cycles.map((c) => `      <li>${escapeHtml(c)}</li>`).join('\n')}
    </ul>
    <p><strong>Why it matters</strong></p>
    <ul>
${WHY.map((w) => `      <li>${escapeHtml(w)}</li>`).join('\n')}
    </ul>
${blocks
  .map(
    (b) => `    <p><strong>${escapeHtml(b.name)}</strong></p>
    <p>${escapeHtml(b.counts)}</p>
${b.rules ? `    <p>${escapeHtml(b.rules)}</p>\n` : ''}    <p><a href="${escapeHtml(b.link)}">See the ${escapeHtml(b.name)} balance</a></p>
`,
  )
  .join(
    '',
  )}${closingHtml(`${appUrl}/licenses`, 'See your licenses', footnote, appUrl, unsubscribeUrl)}  </body>
</html>
`;
  return { subject, text, html };
}

/** "A", "A and B", "A, B and C". */
function andList(items: readonly string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function stateWords(
  jurisdiction: string,
  counts: Evaluation['advocacy']['macroCountsTowardRenewal'],
): string {
  if (counts === 'no')
    return `Note: ${jurisdiction} does not count macro hours toward this renewal. Take macro CE beyond your required hours, not instead of them.`;
  if (counts === 'capped')
    return `Note: ${jurisdiction} caps the macro or non-clinical hours that count toward this renewal. Mezzo's plan shows how many more would still count.`;
  return `Macro hours count toward your ${jurisdiction} renewal like any other accepted CE.`;
}
