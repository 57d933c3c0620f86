import {
  evaluate,
  type Credit,
  type Evaluation,
} from '@mezzo/compliance-engine';
import { findLicenseType } from '@mezzo/compliance-rules';
import { REMINDER_KINDS } from '@mezzo/shared-contracts';
import { buildCalendarFeed } from '../calendar/calendar-feed';
import {
  deadlineKind,
  dueReminders,
  reminderSwitch,
  stillDue,
} from '../reminders/reminder-plan';
import { advocacyNoticeEmail } from './advocacy-notice.template';
import { deadlineReminderEmail } from './deadline-reminder.template';
import { overdueNoticeEmail } from './overdue-notice.template';
import { longDate } from './wording';

function njLcsw(asOf: string, credits: Credit[] = []): Evaluation {
  const rules = findLicenseType('NJ', 'LCSW');
  if (!rules) throw new Error('NJ LCSW rules missing');
  return evaluate(
    {
      jurisdiction: rules.jurisdiction.jurisdiction,
      licenseType: rules.licenseType,
    },
    {
      jurisdiction: 'NJ',
      licenseType: 'LCSW',
      license: { issuedOn: '2018-03-10' },
      asOf,
      credits,
    },
    { today: asOf },
  );
}

const license = {
  id: '7f1d2c3b-0000-4000-8000-000000000001',
  jurisdiction: 'NJ',
  licenseType: 'LCSW',
  number: '44SC<b>1</b>',
};
const appUrl = 'https://app.mezzo.test';
const unsubscribeUrl = `${appUrl}/api/reminders/unsubscribe?token=t0k_-n`;
const unsubscribeLink = `<a href="${unsubscribeUrl}">Unsubscribe from these emails</a>`;

describe('deadline reminder email', () => {
  const email = deadlineReminderEmail({
    recipientName: 'Zoë <script>alert(1)</script>',
    license,
    evaluation: njLcsw('2026-08-01'),
    appUrl,
    unsubscribeUrl,
  });

  it('says what is due, the hours still needed by requirement, the days left and links the license', () => {
    expect(email.subject).toBe('NJ LCSW renewal in 30 days: 40 h still needed');
    expect(email.text).toContain(
      'due for renewal on August 31, 2026, in 30 days',
    );
    expect(email.text).toContain(
      'So far 0 of the 40 required hours count toward this cycle (September 1, 2024 to August 31, 2026).',
    );
    expect(email.text).toContain('- 5 more hours of Ethics');
    expect(email.text).toContain(
      '- 3 more hours of Social and cultural competence',
    );
    expect(email.text).toContain('Days left: 30');
    expect(email.text).toContain(`\n${appUrl}/licenses/${license.id}\n`);
  });

  it('escapes everything it puts into the html part', () => {
    expect(email.html).toContain(
      'Hi Zoë &lt;script&gt;alert(1)&lt;/script&gt;,',
    );
    expect(email.html).toContain('no. 44SC&lt;b&gt;1&lt;/b&gt;');
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain(`href="${appUrl}/licenses/${license.id}"`);
    expect(email.text).toContain('Hi Zoë <script>alert(1)</script>,');
  });

  it('ends with a link that unsubscribes from these emails, in both parts', () => {
    expect(email.text).toContain(
      `\nUnsubscribe from these emails: ${unsubscribeUrl}\n`,
    );
    expect(email.html).toContain(unsubscribeLink);
    const odd = deadlineReminderEmail({
      recipientName: '',
      license,
      evaluation: njLcsw('2026-08-01'),
      appUrl,
      unsubscribeUrl: `${appUrl}/u?a=1&b="2"`,
    });
    expect(odd.html).toContain(
      `<a href="${appUrl}/u?a=1&amp;b=&quot;2&quot;">Unsubscribe from these emails</a>`,
    );
  });

  it('words the last day as today', () => {
    const last = deadlineReminderEmail({
      recipientName: '',
      license,
      evaluation: njLcsw('2026-08-31'),
      appUrl,
      unsubscribeUrl,
    });
    expect(last.subject).toBe('NJ LCSW renewal today: 40 h still needed');
    expect(last.text).toContain(
      'is due for renewal today, August 31, 2026. So far',
    );
  });
});

describe('advocacy notice email', () => {
  const base = njLcsw('2026-08-01');

  it('explains why macro CE matters and what the state counts', () => {
    const { subject, text, html } = advocacyNoticeEmail({
      recipientName: 'Ada',
      license,
      evaluation: base,
      appUrl,
      unsubscribeUrl,
    });
    expect(subject).toBe(
      'No advocacy or macro CE yet this cycle for your NJ LCSW',
    );
    expect(text).toContain('social and political action');
    expect(text).toContain('Macro hours count toward your NJ renewal');
    expect(text).toContain(`What the NJ rules say: ${base.advocacy.note}`);
    expect(html).toContain('<li>');
    expect(text).toContain(`Unsubscribe from these emails: ${unsubscribeUrl}`);
    expect(html).toContain(unsubscribeLink);
  });

  it.each([
    ['no', /does not count macro hours toward this renewal/],
    ['capped', /caps the macro or non-clinical hours/],
  ] as const)(
    'notes when the state counts macro hours as %s',
    (counts, words) => {
      const evaluation: Evaluation = {
        ...base,
        advocacy: {
          ...base.advocacy,
          macroCountsTowardRenewal: counts,
          note: 'A & B',
        },
      };
      const { text, html } = advocacyNoticeEmail({
        recipientName: 'Ada',
        license,
        evaluation,
        appUrl,
        unsubscribeUrl,
      });
      expect(text).toMatch(words);
      expect(html).toContain('A &amp; B');
    },
  );
});

describe('advocacy notice email for several licenses', () => {
  const nj = njLcsw('2026-08-01');
  const ny: Evaluation = {
    ...nj,
    jurisdiction: 'NY',
    cycle: { ...nj.cycle, start: '2024-01-01', end: '2026-12-31' },
    advocacy: {
      ...nj.advocacy,
      macroCountsTowardRenewal: 'no',
      note: 'NY <rule> text',
    },
  };
  const nyLicense = { id: 'lic-ny', jurisdiction: 'NY', licenseType: 'LMSW' };
  const { subject, text, html } = advocacyNoticeEmail({
    recipientName: 'Ada',
    license,
    evaluation: nj,
    appUrl,
    unsubscribeUrl,
    others: [{ license: nyLicense, evaluation: ny }],
  });

  it("is one email naming every license, with each one's cycle, rules and link", () => {
    expect(subject).toBe(
      'No advocacy or macro CE yet this cycle for your NJ LCSW and NY LMSW',
    );
    expect(text).toContain(
      'None of the CE you logged in the current cycle of these 2 licenses is macro or advocacy content:',
    );
    expect(text).toContain(
      `- NJ LCSW: ${nj.cycle.start} to ${nj.cycle.end}, renewal on ${longDate(nj.cycle.end)}`,
    );
    expect(text).toContain(
      '- NY LMSW: 2024-01-01 to 2026-12-31, renewal on December 31, 2026',
    );
    expect(text).toContain('Macro hours count toward your NJ renewal');
    expect(text).toContain('NY does not count macro hours toward this renewal');
    expect(text).toContain(`What the NJ rules say: ${nj.advocacy.note}`);
    expect(text).toContain('What the NY rules say: NY <rule> text');
    expect(text).toContain(`${appUrl}/licenses/${license.id}`);
    expect(text).toContain(`${appUrl}/licenses/lic-ny`);
    // Why it matters is said once, not per license.
    expect(text.match(/social and political action/g)).toHaveLength(1);
    expect(text).toContain(`Unsubscribe from these emails: ${unsubscribeUrl}`);
  });

  it('escapes what it puts in the html', () => {
    expect(html).toContain('NY &lt;rule&gt; text');
    expect(html).not.toContain('<rule>');
    expect(html).toContain(`href="${appUrl}/licenses/lic-ny"`);
    expect(html).toContain(unsubscribeLink);
  });
});

describe('overdue notice email', () => {
  const ended = njLcsw('2026-08-31');
  const email = overdueNoticeEmail({
    recipientName: 'Zoë',
    license,
    evaluation: { ...ended, status: 'overdue' },
    appUrl,
    unsubscribeUrl,
  });

  it('says when the cycle ended, what was missing, and how to move on', () => {
    expect(email.subject).toBe(
      'NJ LCSW renewal overdue: 40 h were missing on August 31, 2026',
    );
    expect(email.text).toContain(
      'ended on August 31, 2026 with 40 of its 40 required hours still missing in Mezzo (the cycle ran September 1, 2024 to August 31, 2026)',
    );
    for (const p of ended.plan)
      expect(email.text).toContain(`- ${p.description}`);
    expect(email.text).toContain('I renewed this license');
    expect(email.text).toContain(`${appUrl}/licenses/${license.id}`);
    expect(email.html).toContain('44SC&lt;b&gt;1&lt;/b&gt;');
    expect(email.html).not.toContain('<b>1</b>');
    expect(email.text).toContain(
      `Unsubscribe from these emails: ${unsubscribeUrl}`,
    );
    expect(email.html).toContain(unsubscribeLink);
  });
});

describe('which reminders are due', () => {
  it.each([
    [120, null],
    [91, null],
    [90, 'deadline-90d'],
    [31, 'deadline-90d'],
    [30, 'deadline-30d'],
    [8, 'deadline-30d'],
    [7, 'deadline-7d'],
    [0, 'deadline-7d'],
  ])('%i days left → %s', (days, kind) => {
    expect(deadlineKind(days)).toBe(kind);
  });

  it('unsubscribes from the switch that turns the kind off: overdue notices go with deadline reminders', () => {
    expect(REMINDER_KINDS.map((k) => [k, reminderSwitch(k)])).toEqual([
      ['deadline-90d', 'deadlines'],
      ['deadline-30d', 'deadlines'],
      ['deadline-7d', 'deadlines'],
      ['advocacy-missing', 'advocacy'],
      ['overdue', 'deadlines'],
    ]);
  });

  it('skips a met cycle and switched-off kinds', () => {
    const open = njLcsw('2026-08-01');
    const on = { remindDeadlines: true, remindAdvocacy: true };
    const kinds = (ev: Evaluation, switches = on) =>
      dueReminders({ evaluation: ev, overdue: null }, switches).map(
        (d) => d.kind,
      );
    expect(kinds(open)).toEqual(['deadline-30d', 'advocacy-missing']);
    expect(kinds(open, { ...on, remindDeadlines: false })).toEqual([
      'advocacy-missing',
    ]);
    expect(kinds(open, { ...on, remindAdvocacy: false })).toEqual([
      'deadline-30d',
    ]);
    const met: Evaluation = { ...open, status: 'met' };
    expect(kinds(met, { ...on, remindAdvocacy: false })).toEqual([]);
    const standing = (ev: Evaluation) => ({ evaluation: ev, overdue: null });
    expect(stillDue('deadline-30d', '2026-08-31', standing(met), on)).toBe(
      null,
    );
    expect(
      stillDue('advocacy-missing', '2026-08-31', standing(open), {
        ...on,
        remindAdvocacy: false,
      }),
    ).toBe(null);
    expect(stillDue('deadline-30d', '2026-08-31', standing(open), on)).toBe(
      open,
    );
    // A job queued for a cycle the license has moved on from is not sent.
    expect(stillDue('deadline-30d', '2024-08-31', standing(open), on)).toBe(
      null,
    );
  });

  it('calls for one overdue notice about the ended cycle, under the deadline switch', () => {
    const current = njLcsw('2026-09-10');
    const overdue: Evaluation = {
      ...njLcsw('2026-08-31'),
      status: 'overdue',
    };
    const on = { remindDeadlines: true, remindAdvocacy: false };
    expect(dueReminders({ evaluation: current, overdue }, on)).toEqual([
      { kind: 'overdue', cycleEnd: '2026-08-31' },
    ]);
    expect(
      dueReminders(
        { evaluation: current, overdue },
        { ...on, remindDeadlines: false },
      ),
    ).toEqual([]);
    expect(
      stillDue('overdue', '2026-08-31', { evaluation: current, overdue }, on),
    ).toBe(overdue);
    // Renewed (no overdue cycle any more) by the time the job runs: not sent.
    expect(
      stillDue(
        'overdue',
        '2026-08-31',
        { evaluation: current, overdue: null },
        on,
      ),
    ).toBe(null);
  });
});

describe('calendar feed', () => {
  it('writes one all-day deadline event with alarms and one to-do per unmet requirement, with stable UIDs', () => {
    const evaluation = njLcsw('2026-08-01', [
      {
        id: 'c1',
        title: 'Ethics',
        completedOn: '2025-03-10',
        hours: 5,
        format: 'live-online',
        topics: ['ethics'],
        practice: { clinical: 0, macro: 0, general: 5 },
      },
    ]);
    const ics = buildCalendarFeed(
      [{ ...license, evaluation }],
      appUrl,
      new Date('2026-08-01T12:00:00Z'),
    );
    const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines).toEqual(
      expect.arrayContaining([
        'DTSTART;VALUE=DATE:20260831',
        'DTEND;VALUE=DATE:20260901',
        'TRIGGER:-P30D',
        'TRIGGER:-P7D',
        `UID:deadline-${license.id}-2026-08-31@mezzo`,
        'SUMMARY:3 h social and cultural competence still needed for NJ LCSW',
        'SUMMARY:35 h of CE in total still needed for NJ LCSW',
      ]),
    );
    // Ethics is met: no to-do for it.
    expect(lines.some((l) => l.includes('ethics still needed'))).toBe(false);
    expect(lines.filter((l) => l === 'BEGIN:VTODO')).toHaveLength(
      evaluation.requirements.filter((r) => !r.met).length,
    );
    expect(
      lines.filter((l) => l.startsWith('DUE;VALUE=DATE:20260831')),
    ).toHaveLength(evaluation.requirements.filter((r) => !r.met).length);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(
      true,
    );
  });

  it('is an empty calendar without licenses', () => {
    const ics = buildCalendarFeed([], appUrl, new Date());
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
    expect(ics).not.toContain('BEGIN:VEVENT');
  });
});
