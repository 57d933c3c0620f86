import { getDataSourceToken } from '@nestjs/typeorm';
import { AuthModule } from '@mezzo/api-auth';
import { CreditsModule } from '@mezzo/api-credits';
import {
  createDataSource,
  pendingSchemaChanges,
  ReminderDeliveriesRepository,
} from '@mezzo/api-data-access';
import { LicensesModule } from '@mezzo/api-licenses';
import { MailerService } from '@mezzo/api-notifications';
import { createTestApp, type TestApp } from '@mezzo/api-testing';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { RemindersModule } from '../reminders.module';
import { ReminderSender } from './reminder-sender.service';
import { RemindersService } from './reminders.service';

const njLcsw = {
  jurisdiction: 'NJ',
  licenseType: 'LCSW',
  number: '44SC00012345',
  issuedOn: '2018-03-10',
};
// NJ LCSW cycles end on Aug 31 of even years: 2026-08-01 is 30 days before 2026-08-31.
const DAY_30 = '2026-08-01';
const CYCLE_END = '2026-08-31';

describe('reminders (pg-boss on PostgreSQL, real SMTP)', () => {
  let t: TestApp;
  let reminders: RemindersService;
  const token: Record<string, string> = {};
  const email = (who: string) => `${who}@example.org`;
  const as = (who: string) => ({ Authorization: `Bearer ${token[who]}` });
  const mailTo = (who: string) =>
    t.smtp.messages.filter((m) => m.to === email(who));

  async function licensee(
    who: string,
    reminderSwitches?: { deadlines?: boolean; advocacy?: boolean },
  ): Promise<string> {
    const res = await request(t.server)
      .post('/api/auth/register')
      .send({ name: who, email: email(who), password: 'long enough password' })
      .expect(201);
    token[who] = res.body.accessToken;
    if (reminderSwitches)
      await request(t.server)
        .patch('/api/me/settings')
        .set(as(who))
        .send({ reminders: reminderSwitches })
        .expect(200);
    return (
      await request(t.server)
        .post('/api/licenses')
        .set(as(who))
        .send(njLcsw)
        .expect(201)
    ).body.id;
  }

  async function scan(today: string): Promise<number> {
    const { queued } = await reminders.scanNow(today);
    await reminders.whenIdle();
    return queued;
  }

  beforeAll(async () => {
    t = await createTestApp([
      AuthModule,
      LicensesModule,
      CreditsModule,
      RemindersModule.forRoot({
        runWorkers: true,
        retryDelaySeconds: 1,
        pollingIntervalSeconds: 0.5,
        // These tests scan on dates of their own, never today's.
        scanOnStart: false,
      }),
    ]);
    reminders = t.app.get(RemindersService);
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  it('catches up a 90-day reminder the scan missed, with the days actually left', async () => {
    const id = await licensee('bob', { advocacy: false });
    await scan('2026-06-15');
    const [mail, ...more] = mailTo('bob');
    expect(more).toEqual([]);
    expect(mail.subject).toBe('NJ LCSW renewal in 77 days: 40 h still needed');
    expect(mail.text).toContain('Days left: 77');
    expect(mail.text).toContain(`http://mezzo.test/licenses/${id}`);
  });

  it('sends one deadline reminder 30 days before the end of an unmet cycle, and never twice', async () => {
    const id = await licensee('ann', { advocacy: false });
    await request(t.server)
      .post('/api/credits')
      .set(as('ann'))
      .send({
        title: 'Ethics <in> practice',
        completedOn: '2025-03-10',
        hours: 2,
        format: 'live-online',
        topics: ['ethics'],
        practice: { clinical: 0, macro: 0, general: 2 },
      })
      .expect(201);
    expect(await scan(DAY_30)).toBeGreaterThanOrEqual(1);
    const mail = await t.smtp.waitFor((m) => m.to === email('ann'));
    expect(mail.subject).toBe('NJ LCSW renewal in 30 days: 38 h still needed');
    expect(mail.text).toContain(
      'Your NJ LCSW license (no. 44SC00012345) is due for renewal on August 31, 2026, in 30 days.',
    );
    expect(mail.text).toContain('- 3 more hours of Ethics');
    expect(mail.text).toContain('Days left: 30');
    expect(mail.text).toContain(`\nhttp://mezzo.test/licenses/${id}\n`);
    expect(mail.html).toContain(`href="http://mezzo.test/licenses/${id}"`);
    expect(mailTo('ann')).toHaveLength(1);

    expect(await scan(DAY_30)).toBe(0);
    expect(await scan('2026-08-05')).toBe(0); // same bracket: already sent
    expect(mailTo('ann')).toHaveLength(1);

    await scan('2026-08-26'); // 5 days left: the 7-day reminder
    expect(mailTo('ann').map((m) => m.subject)).toEqual([
      'NJ LCSW renewal in 30 days: 38 h still needed',
      'NJ LCSW renewal in 5 days: 38 h still needed',
    ]);
    const ledger = await t.app.get(ReminderDeliveriesRepository).forLicense(id);
    expect(
      ledger.map((r) => [r.cycleEnd, r.kind, r.status, r.attempts]),
    ).toEqual([
      [CYCLE_END, 'deadline-30d', 'sent', 1],
      [CYCLE_END, 'deadline-7d', 'sent', 1],
    ]);
  });

  it('does not remind again of a deadline already reminded of when the license is retired and added again', async () => {
    const first = await licensee('kit', { advocacy: false });
    await scan(DAY_30);
    expect(mailTo('kit')).toHaveLength(1);
    await request(t.server)
      .post(`/api/licenses/${first}/retire`)
      .set(as('kit'))
      .expect(200);
    const again = (
      await request(t.server)
        .post('/api/licenses')
        .set(as('kit'))
        .send({ ...njLcsw, number: ' 44sc00012345' })
        .expect(201)
    ).body.id as string;
    expect(again).not.toBe(first);
    expect(await scan(DAY_30)).toBe(0);
    expect(mailTo('kit')).toHaveLength(1);
    // The next reminder of that deadline still comes, once, for the license now tracked.
    await scan('2026-08-26');
    expect(mailTo('kit').map((m) => m.subject)).toEqual([
      'NJ LCSW renewal in 30 days: 40 h still needed',
      'NJ LCSW renewal in 5 days: 40 h still needed',
    ]);
    expect(
      (await t.app.get(ReminderDeliveriesRepository).forLicense(again)).map(
        (r) => r.kind,
      ),
    ).toEqual(['deadline-7d']);
  });

  it('sends nothing of a kind the licensee turned off', async () => {
    await licensee('dee', { deadlines: false, advocacy: false });
    await scan(DAY_30);
    expect(mailTo('dee')).toEqual([]);
  });

  it('sends the advocacy notice once per cycle when no macro hours were logged', async () => {
    const id = await licensee('eve', { deadlines: false });
    await scan(DAY_30);
    await scan('2026-08-20');
    const mails = mailTo('eve');
    expect(mails.map((m) => m.subject)).toEqual([
      'No advocacy or macro CE yet this cycle for your NJ LCSW',
    ]);
    expect(mails[0].text).toContain('social and political action');
    expect(mails[0].text).toContain('Macro hours count toward your NJ renewal');
    expect(mails[0].text).toContain('What the NJ rules say:');
    expect(mails[0].text).toContain(`http://mezzo.test/licenses/${id}`);
  });

  it("sends one advocacy notice for all of a licensee's licenses due one the same day", async () => {
    const lcsw = await licensee('max', { deadlines: false });
    const lsw = (
      await request(t.server)
        .post('/api/licenses')
        .set(as('max'))
        .send({ ...njLcsw, licenseType: 'LSW', number: '44SS00054321' })
        .expect(201)
    ).body.id as string;
    await scan(DAY_30);
    const [mail, ...more] = mailTo('max');
    expect(more).toEqual([]);
    expect(mail.subject).toMatch(
      /^No advocacy or macro CE yet this cycle for your NJ (LCSW and NJ LSW|LSW and NJ LCSW)$/,
    );
    expect(mail.text).toContain(`http://mezzo.test/licenses/${lcsw}`);
    expect(mail.text).toContain(`http://mezzo.test/licenses/${lsw}`);
    const ledger = t.app.get(ReminderDeliveriesRepository);
    for (const id of [lcsw, lsw])
      expect(
        (await ledger.forLicense(id)).map((r) => [r.kind, r.status]),
      ).toEqual([['advocacy-missing', 'sent']]);
    // Each license's notice is settled: nothing more this cycle.
    expect(await scan('2026-08-20')).toBe(0);
    expect(mailTo('max')).toHaveLength(1);
  });

  it('sends one overdue notice after a cycle ends short, and none once the licensee says they renewed', async () => {
    const db = t.app.get<DataSource>(getDataSourceToken());
    // Tracked in Mezzo since before the cycle ended.
    const tracked = async (who: string) => {
      const id = await licensee(who, { advocacy: false });
      await db.query(
        `UPDATE licenses SET created_at = '2020-01-01T00:00:00Z' WHERE id = $1`,
        [id],
      );
      return id;
    };
    const id = await tracked('ora');
    await scan('2026-09-03');
    await scan('2026-09-04');
    const mails = mailTo('ora');
    expect(mails.map((m) => m.subject)).toEqual([
      'NJ LCSW renewal overdue: 40 h were missing on August 31, 2026',
    ]);
    expect(mails[0].text).toContain(
      'The renewal cycle of your NJ LCSW license (no. 44SC00012345) ended on August 31, 2026 with 40 of its 40 required hours still missing in Mezzo',
    );
    expect(mails[0].text).toContain(`http://mezzo.test/licenses/${id}`);
    const ledger = await t.app.get(ReminderDeliveriesRepository).forLicense(id);
    expect(ledger.map((r) => [r.cycleEnd, r.kind, r.status])).toEqual([
      [CYCLE_END, 'overdue', 'sent'],
    ]);

    const renewed = await tracked('pat');
    const version = (
      await request(t.server)
        .get(`/api/licenses/${renewed}`)
        .set(as('pat'))
        .expect(200)
    ).body.version;
    await request(t.server)
      .put(`/api/licenses/${renewed}/renewed-through`)
      .set(as('pat'))
      .send({ renewedThrough: CYCLE_END, version })
      .expect(200);
    await scan('2026-09-05');
    expect(mailTo('pat')).toEqual([]);
  });

  it('sends no reminder for a license whose cycle is met and balanced', async () => {
    const id = await licensee('fay');
    const credit = (
      title: string,
      hours: number,
      topics: string[],
      practice: { clinical: number; macro: number; general: number },
    ) =>
      request(t.server)
        .post('/api/credits')
        .set(as('fay'))
        .send({
          title,
          completedOn: '2025-03-10',
          hours,
          format: 'live-in-person',
          topics,
          practice,
          ...(practice.macro ? { macroAreas: ['policy-advocacy'] } : {}),
        })
        .expect(201);
    await credit('Clinical', 20, [], { clinical: 20, macro: 0, general: 0 });
    await credit('Ethics', 5, ['ethics'], {
      clinical: 0,
      macro: 0,
      general: 5,
    });
    await credit('Culture', 3, ['cultural-competence'], {
      clinical: 0,
      macro: 0,
      general: 3,
    });
    await credit('Policy', 12, [], { clinical: 0, macro: 12, general: 0 });
    const ev = (
      await request(t.server)
        .get(`/api/licenses/${id}/compliance?asOf=${DAY_30}`)
        .set(as('fay'))
        .expect(200)
    ).body.evaluation;
    expect([ev.status, ev.advocacy.status]).toEqual(['met', 'balanced']);
    await scan(DAY_30);
    expect(mailTo('fay')).toEqual([]);
  });

  describe('one-click unsubscribe (RFC 8058)', () => {
    /** The List-Unsubscribe URL of a received mail, as path and query for supertest. */
    const unsubscribeUrl = (mail: { headers: Record<string, string> }) => {
      const header = mail.headers['list-unsubscribe'];
      expect(header).toMatch(
        /^<http:\/\/mezzo\.test\/api\/reminders\/unsubscribe\?token=[A-Za-z0-9_-]{67}>$/,
      );
      expect(mail.headers['list-unsubscribe-post']).toBe(
        'List-Unsubscribe=One-Click',
      );
      const url = new URL(header.slice(1, -1));
      return { href: url.href, path: `${url.pathname}${url.search}` };
    };
    const switches = async (who: string) =>
      (await request(t.server).get('/api/me/settings').set(as(who)).expect(200))
        .body.reminders;
    /** What Gmail and Yahoo send: a form-encoded POST, without cookies or sign-in. */
    const oneClick = (path: string) =>
      request(t.server)
        .post(path)
        .type('form')
        .send('List-Unsubscribe=One-Click');

    it('puts the headers on every reminder; a POST to the URL turns off that kind only, a GET nothing', async () => {
      await licensee('uma');
      await licensee('vin');
      await scan('2026-06-15');
      // The two are sent by separate jobs: in either order.
      const first = mailTo('uma');
      expect(first.map((m) => m.subject).sort()).toEqual([
        'NJ LCSW renewal in 77 days: 40 h still needed',
        'No advocacy or macro CE yet this cycle for your NJ LCSW',
      ]);
      const [deadlineMail, advocacyMail] = [
        'NJ LCSW renewal',
        'No advocacy',
      ].map((start) => {
        const mail = first.find((m) => m.subject.startsWith(start));
        if (!mail) throw new Error(`no mail "${start}…"`);
        return mail;
      });
      const deadline = unsubscribeUrl(deadlineMail);
      const advocacy = unsubscribeUrl(advocacyMail);
      expect(deadline.href).not.toBe(advocacy.href);
      // Vin's links are Vin's own.
      expect(mailTo('vin').map((m) => unsubscribeUrl(m).href)).not.toContain(
        deadline.href,
      );
      // The footer link a person can click is the same URL.
      for (const [mail, url] of [
        [deadlineMail, deadline],
        [advocacyMail, advocacy],
      ] as const) {
        expect(mail.text).toContain(
          `\nUnsubscribe from these emails: ${url.href}\n`,
        );
        expect(mail.html).toContain(
          `<a href="${url.href}">Unsubscribe from these emails</a>`,
        );
      }

      // A GET (a link scanner, or a person's click) only shows a page whose button POSTs.
      const page = await request(t.server).get(deadline.path).expect(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect(page.text).toContain(
        `<form method="post" action="${deadline.path}">`,
      );
      expect(page.text).toContain(
        '<button type="submit">Unsubscribe from deadline reminders</button>',
      );
      await request(t.server).get(advocacy.path).expect(200);
      expect(await switches('uma')).toEqual({
        deadlines: true,
        advocacy: true,
      });

      // Advocacy off: the deadline reminders still come.
      const done = await oneClick(advocacy.path).expect(200);
      expect(done.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(done.text).toContain(
        '<p role="status">You will no longer get advocacy notices from Mezzo.</p>',
      );
      expect(await switches('uma')).toEqual({
        deadlines: true,
        advocacy: false,
      });
      await scan(DAY_30);
      const second = mailTo('uma').slice(2);
      expect(second.map((m) => m.subject)).toEqual([
        'NJ LCSW renewal in 30 days: 40 h still needed',
      ]);
      expect(unsubscribeUrl(second[0]).href).toBe(deadline.href);

      // Deadlines off too, by the button of the page (the same POST, as a browser sends it); twice is fine.
      await oneClick(deadline.path).expect(200);
      await request(t.server).post(deadline.path).expect(200);
      expect(await switches('uma')).toEqual({
        deadlines: false,
        advocacy: false,
      });
      await scan('2026-08-26');
      expect(mailTo('uma')).toHaveLength(3);
      // Nobody else's settings moved; Vin still gets the 7-day reminder.
      expect(await switches('vin')).toEqual({
        deadlines: true,
        advocacy: true,
      });
      expect(mailTo('vin').map((m) => m.subject)).toContain(
        'NJ LCSW renewal in 5 days: 40 h still needed',
      );
    });

    it("an overdue notice's link turns off the deadline switch it belongs to, not advocacy", async () => {
      const id = await licensee('wyn');
      // Tracked in Mezzo since before the cycle ended, so that it is overdue after it.
      await t.app
        .get<DataSource>(getDataSourceToken())
        .query(
          `UPDATE licenses SET created_at = '2020-01-01T00:00:00Z' WHERE id = $1`,
          [id],
        );
      await scan('2026-09-03');
      const overdue = mailTo('wyn').find((m) => m.subject.includes('overdue'));
      if (!overdue) throw new Error('no overdue notice');
      await oneClick(unsubscribeUrl(overdue).path).expect(200);
      expect(await switches('wyn')).toEqual({
        deadlines: false,
        advocacy: true,
      });
    });

    it('answers 400 with the error body for a bad token, never 500, and changes nothing', async () => {
      await licensee('xia', { advocacy: false });
      await scan(DAY_30);
      const { path } = unsubscribeUrl(mailTo('xia')[0]);
      const token = new URL(path, 'http://x').searchParams.get('token') ?? '';
      // Another character in the middle (the user id), at the end (the MAC), a token cut short.
      const swap = (i: number) =>
        token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      const bad = [
        `?token=${swap(10)}`,
        `?token=${swap(66)}`,
        `?token=${token.slice(0, -1)}`,
        `?token=${token}A`,
        `?token=${token}&token=${token}`,
        '?token=',
        '',
        '?token=%E0%A4%A',
        '?token[a]=b',
        '?token=%00',
      ];
      for (const query of bad) {
        const res = await oneClick(`/api/reminders/unsubscribe${query}`);
        expect([query, res.status]).toEqual([query, 400]);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.body).toMatchObject({ statusCode: 400 });
        const page = await request(t.server).get(
          `/api/reminders/unsubscribe${query}`,
        );
        expect([query, page.status]).toEqual([query, 400]);
      }
      const tampered = await oneClick(
        `/api/reminders/unsubscribe?token=${swap(10)}`,
      );
      expect(tampered.body).toEqual({
        statusCode: 400,
        code: 'invalid_unsubscribe_token',
        message: 'The unsubscribe link is not valid',
        fields: { token: ['is not a valid unsubscribe token'] },
        requestId: expect.any(String),
      });
      const page = await request(t.server).get(
        `/api/reminders/unsubscribe?token=${swap(10)}`,
      );
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.text).toContain('This unsubscribe link is not valid');
      expect(page.text).not.toContain('<form');
      expect(await switches('xia')).toEqual({
        deadlines: true,
        advocacy: false,
      });
    });

    it('takes any body, and answers 200 for a user deleted since the email went out', async () => {
      await licensee('yul', { advocacy: false });
      await scan(DAY_30);
      const { path } = unsubscribeUrl(mailTo('yul')[0]);
      for (const [body, type] of [
        ['{not json', 'application/json'],
        ['List-Unsubscribe=One-Click', 'text/plain'],
        ['\u0000\ud800', 'application/octet-stream'],
        [
          '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n',
          'multipart/form-data; boundary=x',
        ],
      ]) {
        await request(t.server)
          .post(path)
          .set('Content-Type', type)
          .send(body)
          .expect(200);
      }
      expect(await switches('yul')).toEqual({
        deadlines: false,
        advocacy: false,
      });
      // The exemption is this route's only: elsewhere a form is still refused.
      await request(t.server)
        .patch('/api/me/settings')
        .set(as('yul'))
        .type('form')
        .send('advocacyFloorPercent=33')
        .expect(415);

      const id = (
        await request(t.server).get('/api/me').set(as('yul')).expect(200)
      ).body.id;
      await t.app
        .get<DataSource>(getDataSourceToken())
        .query('DELETE FROM users WHERE id = $1', [id]);
      await oneClick(path).expect(200);
      const rows = await t.app
        .get<DataSource>(getDataSourceToken())
        .query('SELECT 1 FROM user_settings WHERE user_id = $1', [id]);
      expect(rows).toEqual([]);
    });
  });

  it('retries a send that failed, and the email arrives exactly once', async () => {
    const id = await licensee('gus', { advocacy: false });
    const mailer = t.app.get(MailerService);
    const realSend = mailer.send.bind(mailer);
    let failures = 0;
    jest.spyOn(mailer, 'send').mockImplementation(async (message) => {
      if (message.to === email('gus') && failures++ === 0)
        throw new Error('SMTP server unavailable');
      return realSend(message);
    });
    await reminders.scanNow(DAY_30);
    await t.smtp.waitFor((m) => m.to === email('gus'), 15_000);
    await reminders.whenIdle();
    expect(failures).toBe(2);
    expect(mailTo('gus')).toHaveLength(1);
    const [row] = await t.app.get(ReminderDeliveriesRepository).forLicense(id);
    expect([row.kind, row.status, row.attempts]).toEqual([
      'deadline-30d',
      'sent',
      2,
    ]);
  });

  it('sends once when the same reminder job runs twice at the same moment, and never after a crash mid-send', async () => {
    const id = await licensee('hal', { advocacy: false });
    const sender = t.app.get(ReminderSender);
    const job = {
      userId: '',
      licenseId: id,
      cycleEnd: CYCLE_END,
      kind: 'deadline-30d' as const,
      asOf: DAY_30,
    };
    const me = await request(t.server)
      .get('/api/me')
      .set(as('hal'))
      .expect(200);
    job.userId = me.body.id;
    const results = await Promise.all([sender.handle(job), sender.handle(job)]);
    expect(results.sort()).toEqual([false, true]);
    expect(await sender.handle(job)).toBe(false);
    expect(mailTo('hal')).toHaveLength(1);

    // A row left 'sending' by a process that died mid-send is not sent again.
    const deliveries = t.app.get(ReminderDeliveriesRepository);
    const crashed = {
      ...job,
      kind: 'deadline-7d' as const,
      asOf: '2026-08-26',
    };
    expect(await deliveries.claim(job.userId, crashed)).toBe(true);
    expect(await sender.handle(crashed)).toBe(false);
    expect(mailTo('hal')).toHaveLength(1);
  });

  it('schedules the daily scan, scans once as the workers start, and stops pg-boss when the app closes', async () => {
    const ds = t.app.get<DataSource>(getDataSourceToken());
    expect(
      await ds.query(`SELECT name, cron, timezone FROM pgboss.schedule`),
    ).toEqual([
      { name: 'reminders.scan', cron: '0 14 * * *', timezone: 'UTC' },
    ]);

    // By default the workers also scan as they start: the schedule alone would wait for 14:00 UTC.
    const other = await createTestApp([
      RemindersModule.forRoot({
        runWorkers: true,
        pollingIntervalSeconds: 0.5,
      }),
    ]);
    const otherDs = other.app.get<DataSource>(getDataSourceToken());
    const until = Date.now() + 15_000;
    let scans: { state: string }[] = [];
    while (Date.now() < until) {
      scans = await otherDs.query(
        `SELECT state FROM pgboss.job WHERE name = 'reminders.scan'`,
      );
      if (scans.length === 1 && scans[0].state === 'completed') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(scans).toEqual([{ state: 'completed' }]);
    const connections = async (): Promise<number> =>
      (
        await ds.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'mezzo-reminders'`,
          [other.db.name],
        )
      )[0].n;
    expect(await connections()).toBeGreaterThan(0);
    await other.app.close();
    expect(await connections()).toBe(0);
    await other.smtp.stop();
    await other.db.drop();
  });

  it("keeps pg-boss's own schema out of the TypeORM schema check", async () => {
    const ds = t.app.get<DataSource>(getDataSourceToken());
    const [{ count }] = await ds.query(
      `SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = 'pgboss'`,
    );
    expect(count).toBeGreaterThan(0);
    const check = createDataSource(t.db.url, { poolSize: 1 });
    await check.initialize();
    try {
      expect(await pendingSchemaChanges(check)).toEqual([]);
    } finally {
      await check.destroy();
    }
  });
});
