import { getDataSourceToken } from '@nestjs/typeorm';
import { AuthModule, sha256 } from '@mezzo/api-auth';
import { CreditsModule } from '@mezzo/api-credits';
import { LicensesModule } from '@mezzo/api-licenses';
import { createTestApp, type TestApp, registerUser } from '@mezzo/api-testing';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { RemindersModule } from '../reminders.module';

const njLcsw = {
  jurisdiction: 'NJ',
  licenseType: 'LCSW',
  number: '44SC00012345',
  issuedOn: '2018-03-10',
};

/** RFC 5545 content lines, unfolded; throws on a line that is not NAME[;PARAM…]:VALUE or on unbalanced BEGIN/END. */
function parseICalendar(body: string): {
  lines: string[];
  components: { name: string; props: string[] }[];
} {
  expect(body).toMatch(/\r\n$/);
  const lines = body
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .slice(0, -1);
  const stack: { name: string; props: string[] }[] = [];
  const components: { name: string; props: string[] }[] = [];
  for (const line of lines) {
    if (!/^[A-Z][A-Z0-9-]*(;[A-Z0-9-]+=[^:;]*)*:/.test(line))
      throw new Error(`Not an iCalendar content line: ${line}`);
    const [, begin] = /^BEGIN:(.+)$/.exec(line) ?? [];
    const [, end] = /^END:(.+)$/.exec(line) ?? [];
    if (begin) stack.push({ name: begin, props: [] });
    else if (end) {
      const open = stack.pop();
      if (open?.name !== end)
        throw new Error(`END:${end} closes ${open?.name}`);
      components.push(open);
    } else stack[stack.length - 1]?.props.push(line);
  }
  expect(stack).toEqual([]);
  return { lines, components };
}

describe('notification settings and the calendar feed (HTTP, PostgreSQL)', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${token[who]}` });

  beforeAll(async () => {
    // No queue needed here: the module must work without starting pg-boss.
    t = await createTestApp([
      AuthModule,
      LicensesModule,
      CreditsModule,
      RemindersModule.forRoot({ runWorkers: false }),
    ]);
    for (const who of ['ivy', 'jon']) token[who] = await registerUser(t, who);
  });
  afterAll(() => t.close());

  it('starts from the defaults and keeps what the licensee changes', async () => {
    const initial = await request(t.server)
      .get('/api/me/settings')
      .set(as('ivy'))
      .expect(200);
    expect(initial.body).toEqual({
      advocacyFloorPercent: null,
      reminders: { deadlines: true, advocacy: true },
      calendar: { enabled: false, createdAt: null },
    });
    const changed = await request(t.server)
      .patch('/api/me/settings')
      .set(as('ivy'))
      .send({ advocacyFloorPercent: 12.5, reminders: { advocacy: false } })
      .expect(200);
    expect(changed.body).toEqual({
      advocacyFloorPercent: 12.5,
      reminders: { deadlines: true, advocacy: false },
      calendar: { enabled: false, createdAt: null },
    });
    await request(t.server)
      .patch('/api/me/settings')
      .set(as('ivy'))
      .send({ reminders: { deadlines: false } })
      .expect(200);
    const reread = await request(t.server)
      .get('/api/me/settings')
      .set(as('ivy'))
      .expect(200);
    expect(reread.body).toMatchObject({
      advocacyFloorPercent: 12.5,
      reminders: { deadlines: false, advocacy: false },
    });
    const reset = await request(t.server)
      .patch('/api/me/settings')
      .set(as('ivy'))
      .send({ advocacyFloorPercent: null })
      .expect(200);
    expect(reset.body.advocacyFloorPercent).toBeNull();
    // Another user's settings are untouched.
    expect(
      (
        await request(t.server)
          .get('/api/me/settings')
          .set(as('jon'))
          .expect(200)
      ).body.reminders,
    ).toEqual({ deadlines: true, advocacy: true });
  });

  it.each([
    [{ advocacyFloorPercent: 100.5 }, 'advocacyFloorPercent', /at most 100/],
    [{ advocacyFloorPercent: -1 }, 'advocacyFloorPercent', /at least 0/],
    [{ advocacyFloorPercent: 12.345 }, 'advocacyFloorPercent', /2 decimals/],
    // Exponent forms made class-validator's decimal check throw (500).
    [{ advocacyFloorPercent: 1e-7 }, 'advocacyFloorPercent', /2 decimals/],
    [{ advocacyFloorPercent: '10' }, 'advocacyFloorPercent', /number/],
    [
      { reminders: { deadlines: 'yes' } },
      'reminders.deadlines',
      /true or false/,
    ],
    [
      { reminders: { deadlines: null } },
      'reminders.deadlines',
      /true or false/,
    ],
    [{ reminders: { advocacy: null } }, 'reminders.advocacy', /true or false/],
    [{ reminders: null }, 'reminders', /must be an object/],
    [{ reminders: { weekly: true } }, 'reminders.weekly', /should not exist/],
    [{ calendarTokenHash: 'x' }, 'calendarTokenHash', /should not exist/],
  ])('refuses %j naming the field', async (body, field, message) => {
    const res = await request(t.server)
      .patch('/api/me/settings')
      .set(as('jon'))
      .send(body)
      .expect(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.fields[field]?.join(' ')).toMatch(message);
  });

  it('needs a signed-in user for settings and tokens', async () => {
    await request(t.server).get('/api/me/settings').expect(401);
    await request(t.server).patch('/api/me/settings').send({}).expect(401);
    await request(t.server).post('/api/me/calendar-token').expect(401);
    await request(t.server).delete('/api/me/calendar-token').expect(401);
  });

  it('serves an iCalendar feed of deadlines and unmet requirements at a secret URL, until it is replaced or revoked', async () => {
    const license = (
      await request(t.server)
        .post('/api/licenses')
        .set(as('jon'))
        .send(njLcsw)
        .expect(201)
    ).body;
    const retired = (
      await request(t.server)
        .post('/api/licenses')
        .set(as('jon'))
        .send({ ...njLcsw, number: 'OLD-1' })
        .expect(201)
    ).body;
    await request(t.server)
      .post(`/api/licenses/${retired.id}/retire`)
      .set(as('jon'))
      .expect(200);
    const compliance = (
      await request(t.server)
        .get(`/api/licenses/${license.id}/compliance`)
        .set(as('jon'))
        .expect(200)
    ).body.evaluation;
    const unmet = compliance.requirements.filter(
      (r: { met: boolean }) => !r.met,
    );
    expect(unmet.length).toBeGreaterThan(1);

    const issued = await request(t.server)
      .post('/api/me/calendar-token')
      .set(as('jon'))
      .expect(201);
    expect(issued.body.url).toMatch(
      /^http:\/\/mezzo\.test\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/,
    );
    const path = new URL(issued.body.url).pathname;
    const settings = await request(t.server)
      .get('/api/me/settings')
      .set(as('jon'))
      .expect(200);
    expect(settings.body.calendar.enabled).toBe(true);
    expect(Date.parse(settings.body.calendar.createdAt)).toBeGreaterThan(
      Date.now() - 60_000,
    );

    const res = await request(t.server).get(path).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const body = res.text;
    expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const { lines, components } = parseICalendar(body);
    expect(lines).toContain('VERSION:2.0');
    const events = components.filter((c) => c.name === 'VEVENT');
    expect(events).toHaveLength(1); // the retired license has none
    const end = compliance.cycle.end.replace(/-/g, '');
    expect(events[0].props).toEqual(
      expect.arrayContaining([
        `DTSTART;VALUE=DATE:${end}`,
        'SUMMARY:NJ LCSW renewal deadline',
        `UID:deadline-${license.id}-${compliance.cycle.end}@mezzo`,
      ]),
    );
    expect(events[0].props.find((p) => p.startsWith('DESCRIPTION:'))).toMatch(
      /0 of 40 h counted .*Status: in progress/,
    );
    const alarms = components.filter((c) => c.name === 'VALARM');
    expect(
      alarms.map((a) => a.props.find((p) => p.startsWith('TRIGGER'))),
    ).toEqual(['TRIGGER:-P30D', 'TRIGGER:-P7D']);
    const todos = components.filter((c) => c.name === 'VTODO');
    expect(todos).toHaveLength(unmet.length);
    for (const todo of todos)
      expect(todo.props).toContain(`DUE;VALUE=DATE:${end}`);
    expect(todos.flatMap((td) => td.props)).toEqual(
      expect.arrayContaining([
        'SUMMARY:5 h ethics still needed for NJ LCSW',
        'SUMMARY:40 h of CE in total still needed for NJ LCSW',
        `UID:requirement-${license.id}-${compliance.cycle.end}-topic-ethics@mezzo`,
      ]),
    );

    // The same UIDs on every fetch, so calendar apps update instead of duplicating.
    const uids = (text: string) =>
      parseICalendar(text).lines.filter((l) => l.startsWith('UID:'));
    expect(uids((await request(t.server).get(path).expect(200)).text)).toEqual(
      uids(body),
    );

    // A new token revokes the old one.
    const second = await request(t.server)
      .post('/api/me/calendar-token')
      .set(as('jon'))
      .expect(201);
    expect(second.body.url).not.toBe(issued.body.url);
    await request(t.server).get(path).expect(404);
    const secondPath = new URL(second.body.url).pathname;
    await request(t.server).get(secondPath).expect(200);

    await request(t.server)
      .delete('/api/me/calendar-token')
      .set(as('jon'))
      .expect(204);
    await request(t.server).get(secondPath).expect(404);
    expect(
      (
        await request(t.server)
          .get('/api/me/settings')
          .set(as('jon'))
          .expect(200)
      ).body.calendar,
    ).toEqual({ enabled: false, createdAt: null });
  });

  it('answers 404 for a token nobody holds, and for anything that is not a token', async () => {
    const missing = await request(t.server)
      .get(`/api/calendar/${'A'.repeat(43)}.ics`)
      .expect(404);
    // The error body is JSON and labelled so, not with the feed's text/calendar.
    expect(missing.headers['content-type']).toBe(
      'application/json; charset=utf-8',
    );
    expect(missing.body).toMatchObject({ statusCode: 404, code: 'not_found' });
    await request(t.server).get('/api/calendar/short.ics').expect(404);
    await request(t.server)
      .get(`/api/calendar/${'A'.repeat(43)}`)
      .expect(404);
  });

  it('keeps only a hash of the feed token', async () => {
    const { url } = (
      await request(t.server)
        .post('/api/me/calendar-token')
        .set(as('ivy'))
        .expect(201)
    ).body;
    const token = /calendar\/(.+)\.ics$/.exec(url)?.[1] ?? '';
    const rows: { calendar_token_hash: string }[] = await t.app
      .get<DataSource>(getDataSourceToken())
      .query('SELECT calendar_token_hash FROM user_settings');
    const stored = rows.map((r) => r.calendar_token_hash);
    expect(stored).not.toContain(token);
    expect(stored).toContain(sha256(token));
  });
});
