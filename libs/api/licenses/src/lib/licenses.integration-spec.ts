import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AuthModule } from '@mezzo/api-auth';
import { ConfigModule } from '@mezzo/api-config';
import { CoreModule, configureApp } from '@mezzo/api-core';
import { CreditsModule } from '@mezzo/api-credits';
import {
  DataAccessModule,
  isUniqueViolation,
  LicensesRepository,
  UserSettingsRepository,
} from '@mezzo/api-data-access';
import { DataSource } from 'typeorm';
import { NotificationsModule } from '@mezzo/api-notifications';
import {
  createTestApp,
  pdfText,
  type TestApp,
  registerUser,
} from '@mezzo/api-testing';
import request from 'supertest';
import { findLicenseType } from '@mezzo/compliance-rules';
import { LicensesModule } from './licenses.module';
import { ComplianceService } from './compliance.service';
import { LicensesService } from './licenses.service';

const njLcsw = {
  jurisdiction: 'nj',
  licenseType: 'lcsw',
  number: '44SC00012345',
  issuedOn: '2018-03-10',
};
const credit = (over: Record<string, unknown>) => ({
  title: 'Course',
  completedOn: '2025-02-14',
  hours: 3,
  format: 'live-online',
  topics: [],
  practice: { clinical: 3, macro: 0, general: 0 },
  ...over,
});

describe('licenses and compliance (HTTP, PostgreSQL, engine, rule sets)', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${token[who]}` });

  beforeAll(async () => {
    t = await createTestApp([AuthModule, LicensesModule, CreditsModule]);
    for (const who of [
      'cam',
      'dee',
      'nm',
      'nc',
      'twin',
      'tom',
      'fuzz',
      'rei',
      'big',
      'race',
      'okla',
      'late',
    ])
      token[who] = await registerUser(t, who);
  });
  afterAll(() => t.close());

  it('lists the license types a licensee can choose, with what each cycle needs', async () => {
    const res = await request(t.server)
      .get('/api/rule-sets')
      .set(as('cam'))
      .expect(200);
    const nj = res.body.find(
      (o: { jurisdiction: string; licenseType: string }) =>
        o.jurisdiction === 'NJ' && o.licenseType === 'LCSW',
    );
    expect(nj).toMatchObject({
      jurisdictionName: 'New Jersey',
      totalHours: 40,
      cycleMonths: 24,
    });
    expect(
      new Set(res.body.map((o: { jurisdiction: string }) => o.jurisdiction))
        .size,
    ).toBe(26);
  });

  it('lists the approval bodies the rule sets name, with their other spellings and who accepts them', async () => {
    const res = await request(t.server)
      .get('/api/approval-bodies')
      .set(as('cam'))
      .expect(200);
    const ace = res.body.find((b: { code: string }) => b.code === 'ACE');
    expect(ace).toMatchObject({
      label: expect.stringContaining('ASWB'),
      aliases: expect.arrayContaining(['ASWB ACE']),
    });
    expect(ace.acceptedBy).toEqual(expect.arrayContaining(['MI']));
    const nysed = res.body.find((b: { code: string }) => b.code === 'NYSED');
    expect(nysed.acceptedBy).toEqual(['NY']);
    await request(t.server).get('/api/approval-bodies').expect(401);
  });

  it('adds a license with codes normalised and its cycle derived from the rules', async () => {
    const res = await request(t.server)
      .post('/api/licenses')
      .set(as('cam'))
      .send(njLcsw)
      .expect(201);
    expect(res.body).toMatchObject({
      jurisdiction: 'NJ',
      licenseType: 'LCSW',
      version: 1,
      retiredAt: null,
    });
    expect(res.body.cycle.end).toMatch(/^\d{4}-08-31$/);
    expect(res.body.status).toBe('in-progress');
  });

  it('refuses unknown jurisdictions and types naming the known ones, and asks for a birth date where cycles follow it', async () => {
    const type = await request(t.server)
      .post('/api/licenses')
      .set(as('cam'))
      .send({ ...njLcsw, licenseType: 'LPC' })
      .expect(400);
    expect(type.body.fields.licenseType[0]).toMatch(/CSW, LCSW, LSW/);
    const juris = await request(t.server)
      .post('/api/licenses')
      .set(as('cam'))
      .send({ ...njLcsw, jurisdiction: 'ZZ' })
      .expect(400);
    expect(juris.body.fields.jurisdiction[0]).toMatch(/no rules for ZZ/);
    const tx = await request(t.server)
      .post('/api/licenses')
      .set(as('cam'))
      .send({ ...njLcsw, jurisdiction: 'TX', licenseType: 'LCSW' })
      .expect(400);
    expect(tx.body.fields.birthDate[0]).toMatch(/birth month/);
    await request(t.server)
      .post('/api/licenses')
      .set(as('cam'))
      .send({
        ...njLcsw,
        jurisdiction: 'TX',
        licenseType: 'LCSW',
        birthDate: '1980-05-02',
      })
      .expect(201);
    const bad = await request(t.server)
      .post('/api/licenses')
      .set(as('cam'))
      .send({ ...njLcsw, issuedOn: '2018-02-31', roles: ['wizard'] })
      .expect(400);
    // Shape and rule-set mistakes surface together, in one answer.
    expect(bad.body.fields).toEqual({
      issuedOn: ['issuedOn is not a real calendar date'],
      roles: [expect.stringContaining('each role must be one of')],
    });
    const several = await request(t.server)
      .post('/api/licenses')
      .set(as('cam'))
      .send({
        jurisdiction: 'TX',
        licenseType: 'LCSW',
        number: '',
        issuedOn: '2099-01-01',
      })
      .expect(400);
    expect(several.body.code).toBe('validation_failed');
    expect(Object.keys(several.body.fields).sort()).toEqual([
      'birthDate',
      'issuedOn',
      'number',
    ]);
    expect(several.body.fields.birthDate).toEqual([
      expect.stringMatching(/birth month: birthDate is required$/),
    ]);
    expect(several.body.fields.issuedOn).toEqual([
      'issuedOn cannot be in the future',
    ]);
    const typeAndShape = await request(t.server)
      .post('/api/licenses')
      .set(as('cam'))
      .send({ ...njLcsw, licenseType: 'LPC', birthDate: 'May 2nd' })
      .expect(400);
    expect(typeAndShape.body.fields).toEqual({
      licenseType: [expect.stringMatching(/CSW, LCSW, LSW/)],
      birthDate: ['birthDate must be a date YYYY-MM-DD'],
    });
  });

  it('asks for the renewal date where the rules leave the years to the license (NM), and evaluates that cycle', async () => {
    const options = await request(t.server)
      .get('/api/rule-sets')
      .set(as('nm'))
      .expect(200);
    const need = (j: string, lt: string) =>
      options.body.find(
        (o: { jurisdiction: string; licenseType: string }) =>
          o.jurisdiction === j && o.licenseType === lt,
      )?.needsRenewalDate;
    expect([
      need('NM', 'LCSW'),
      need('TN', 'LCSW'),
      need('NJ', 'LCSW'),
    ]).toEqual([true, true, false]);

    const nm = {
      jurisdiction: 'NM',
      licenseType: 'LCSW',
      number: 'NM-1',
      issuedOn: '2019-08-01',
    };
    const missing = await request(t.server)
      .post('/api/licenses')
      .set(as('nm'))
      .send(nm)
      .expect(400);
    expect(missing.body.fields.renewsOn[0]).toContain('renewsOn');
    const before = await request(t.server)
      .post('/api/licenses')
      .set(as('nm'))
      .send({ ...nm, renewsOn: '2019-01-01' })
      .expect(400);
    expect(before.body.fields.renewsOn).toEqual([
      'renewsOn must be a real date after issuedOn',
    ]);

    // Odd years: May 2026 lies in the cycle ending 2027-06-30.
    const odd = await request(t.server)
      .post('/api/licenses')
      .set(as('nm'))
      .send({ ...nm, renewsOn: '2027-06-30' })
      .expect(201);
    expect(odd.body.renewsOn).toBe('2027-06-30');
    const view = await request(t.server)
      .get(`/api/licenses/${odd.body.id}/compliance?asOf=2026-05-01`)
      .set(as('nm'))
      .expect(200);
    expect(view.body.evaluation.cycle).toMatchObject({
      start: '2025-07-01',
      end: '2027-06-30',
    });

    // Moving the renewal date to an even year moves the cycle at once (the cache key holds the version).
    const moved = await request(t.server)
      .patch(`/api/licenses/${odd.body.id}`)
      .set(as('nm'))
      .send({ version: odd.body.version, renewsOn: '2026-06-30' })
      .expect(200);
    expect(moved.body.renewsOn).toBe('2026-06-30');
    const again = await request(t.server)
      .get(`/api/licenses/${odd.body.id}/compliance?asOf=2026-05-01`)
      .set(as('nm'))
      .expect(200);
    expect(again.body.evaluation.cycle).toMatchObject({
      start: '2024-07-01',
      end: '2026-06-30',
    });
    const exported = await request(t.server)
      .get(`/api/licenses/${odd.body.id}/transcript`)
      .set(as('nm'))
      .expect(200);
    expect(exported.body.cycle.end.slice(5)).toBe('06-30');

    // TN earns CE in the two calendar years before the renewal year: a license renewing on
    // 2027-06-30 has its deadline on 2026-12-31, not after the license has lapsed.
    const tn = await request(t.server)
      .post('/api/licenses')
      .set(as('nm'))
      .send({
        jurisdiction: 'TN',
        licenseType: 'LCSW',
        number: 'TN-1',
        issuedOn: '2020-06-10',
        renewsOn: '2027-06-30',
      })
      .expect(201);
    const tnView = await request(t.server)
      .get(`/api/licenses/${tn.body.id}/compliance?asOf=2026-05-01`)
      .set(as('nm'))
      .expect(200);
    expect(tnView.body.evaluation.cycle).toMatchObject({
      start: '2025-01-01',
      end: '2026-12-31',
    });
    expect(tnView.body.evaluation.requirements[0].note).toBeUndefined();
    // Holding a second Tennessee license: each needs its own credits, except ethics and rules hours,
    // which the view says since it counts every credit toward both.
    await request(t.server)
      .post('/api/licenses')
      .set(as('nm'))
      .send({
        jurisdiction: 'TN',
        licenseType: 'LAPSW',
        number: 'TN-2',
        issuedOn: '2020-06-10',
        renewsOn: '2027-06-30',
      })
      .expect(201);
    const dual = await request(t.server)
      .get(`/api/licenses/${tn.body.id}/compliance?asOf=2026-05-01`)
      .set(as('nm'))
      .expect(200);
    expect(dual.body.evaluation.requirements[0].note).toMatch(
      /^Also holding LAPSW: each license's hours must come from different credits, except hours on ethics or laws and rules/,
    );
  });

  it('places a licensee-anchored cycle by the renewal date on the license (NC: a shorter first period needs 30 h)', async () => {
    const options = await request(t.server)
      .get('/api/rule-sets')
      .set(as('nc'))
      .expect(200);
    const accepts = (j: string, lt: string) =>
      options.body.find(
        (o: { jurisdiction: string; licenseType: string }) =>
          o.jurisdiction === j && o.licenseType === lt,
      )?.acceptsRenewalDate;
    expect([
      accepts('NC', 'LCSW'),
      accepts('TX', 'LCSW'),
      accepts('NM', 'LCSW'),
      accepts('NJ', 'LCSW'),
    ]).toEqual([true, true, true, false]);

    const nc = {
      jurisdiction: 'NC',
      licenseType: 'LCSW',
      number: 'NC-1',
      issuedOn: '2025-03-10',
    };
    // Without a renewal date: two years from the issue date, 40 h.
    const derived = await request(t.server)
      .post('/api/licenses')
      .set(as('nc'))
      .send(nc)
      .expect(201);
    const derivedView = await request(t.server)
      .get(`/api/licenses/${derived.body.id}/compliance?asOf=2026-11-22`)
      .set(as('nc'))
      .expect(200);
    expect(derivedView.body.evaluation.cycle).toMatchObject({
      start: '2025-03-10',
      end: '2027-03-09',
    });
    expect(derivedView.body.evaluation.totals.requiredHours).toBe(40);

    // The license says it expires on 2027-01-31: a first period under two years, 30 h (4 of ethics).
    const dated = await request(t.server)
      .patch(`/api/licenses/${derived.body.id}`)
      .set(as('nc'))
      .send({ version: derived.body.version, renewsOn: '2027-01-31' })
      .expect(200);
    expect(dated.body.renewsOn).toBe('2027-01-31');
    const view = await request(t.server)
      .get(`/api/licenses/${derived.body.id}/compliance?asOf=2026-11-22`)
      .set(as('nc'))
      .expect(200);
    expect(view.body.evaluation.cycle).toMatchObject({
      start: '2025-03-10',
      end: '2027-01-31',
      firstRenewal: true,
      index: 1,
    });
    expect(view.body.evaluation.totals.requiredHours).toBe(30);
    expect(
      view.body.evaluation.requirements.find(
        (r: { code: string }) => r.code === 'topic:ethics',
      ).requiredHours,
    ).toBe(4);
    // The next cycle is a full one ending on the same day, two years on.
    const next = await request(t.server)
      .get(`/api/licenses/${derived.body.id}/compliance?asOf=2027-06-01`)
      .set(as('nc'))
      .expect(200);
    expect(next.body.evaluation.cycle).toMatchObject({
      start: '2027-02-01',
      end: '2029-01-31',
      firstRenewal: false,
      index: 2,
    });
    expect(next.body.evaluation.totals.requiredHours).toBe(40);
    // The exported transcript carries that cycle, so the CLI gives the same answer.
    const exported = await request(t.server)
      .get(`/api/licenses/${derived.body.id}/transcript`)
      .set(as('nc'))
      .expect(200);
    expect(exported.body.cycle).toMatchObject({ end: '2027-01-31', index: 1 });

    // A statewide fixed date ignores a renewal date: NJ renews every even August 31.
    const nj = await request(t.server)
      .post('/api/licenses')
      .set(as('nc'))
      .send({ ...njLcsw, renewsOn: '2027-01-31' })
      .expect(201);
    const njView = await request(t.server)
      .get(`/api/licenses/${nj.body.id}/compliance?asOf=2026-11-22`)
      .set(as('nc'))
      .expect(200);
    expect(njView.body.evaluation.cycle.end).toBe('2028-08-31');
  });

  it('refuses a second active copy of the same license with 409, and allows it once the first is retired', async () => {
    const first = (
      await request(t.server)
        .post('/api/licenses')
        .set(as('twin'))
        .send(njLcsw)
        .expect(201)
    ).body;
    const again = await request(t.server)
      .post('/api/licenses')
      .set(as('twin'))
      .send({
        ...njLcsw,
        jurisdiction: 'nj',
        number: ` ${njLcsw.number.toLowerCase()} `,
      })
      .expect(409);
    expect(again.body).toMatchObject({
      code: 'conflict',
      fields: { number: ['You already track this license'] },
    });
    // Another user may track the same number (a shared demo, a typo): only one's own copies clash.
    await request(t.server)
      .post('/api/licenses')
      .set(as('tom'))
      .send(njLcsw)
      .expect(201);
    const other = (
      await request(t.server)
        .post('/api/licenses')
        .set(as('twin'))
        .send({ ...njLcsw, number: 'OTHER-1' })
        .expect(201)
    ).body;
    await request(t.server)
      .patch(`/api/licenses/${other.id}`)
      .set(as('twin'))
      .send({ version: other.version, number: njLcsw.number })
      .expect(409);
    await request(t.server)
      .post(`/api/licenses/${first.id}/retire`)
      .set(as('twin'))
      .expect(200);
    const second = (
      await request(t.server)
        .post('/api/licenses')
        .set(as('twin'))
        .send(njLcsw)
        .expect(201)
    ).body;
    // The retired first copy cannot come back while the second is tracked.
    const back = await request(t.server)
      .post(`/api/licenses/${first.id}/reinstate`)
      .set(as('twin'))
      .expect(409);
    expect(back.body.fields).toEqual({
      number: ['You already track this license'],
    });
    await request(t.server)
      .post(`/api/licenses/${second.id}/retire`)
      .set(as('twin'))
      .expect(200);
    await request(t.server)
      .post(`/api/licenses/${first.id}/reinstate`)
      .set(as('twin'))
      .expect(200);
  });

  it('adds one license when the same one is sent eight times at once (a double tap)', async () => {
    const body = { ...njLcsw, number: 'RACE-1' };
    const statuses = (
      await Promise.all(
        Array.from({ length: 8 }, () =>
          request(t.server).post('/api/licenses').set(as('race')).send(body),
        ),
      )
    ).map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    const active = (
      await request(t.server).get('/api/licenses').set(as('race')).expect(200)
    ).body as { number: string }[];
    expect(active.filter((l) => l.number === 'RACE-1')).toHaveLength(1);
    // Whether those requests interleave is up to the scheduler: the database's own refusal, which
    // settles the race when they do, is checked directly (a write that skips the service's check).
    const twin = active.find((l) => l.number === 'RACE-1') as {
      number: string;
      issuedOn: string;
    };
    const [{ user_id: userId }] = await t.app
      .get(DataSource)
      .query(`SELECT user_id FROM licenses WHERE number = 'RACE-1'`);
    const write = t.app.get(LicensesRepository).create(userId, {
      jurisdiction: 'NJ',
      licenseType: 'LCSW',
      number: ' race-1',
      issuedOn: twin.issuedOn,
      birthDate: null,
      renewsOn: null,
      roles: [],
    });
    const refusal = await write.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(refusal)).toBe(true);
  });

  it('retires copies made before the database refused them, keeping the oldest (migration)', async () => {
    const db = t.app.get(DataSource);
    const migration = db.migrations.find(
      (m) => m.name === 'LicenseActiveUnique1763856000000',
    );
    if (!migration) throw new Error('migration not registered');
    // As the migration runner does: each migration in its own transaction.
    const up = async () => {
      await runner.startTransaction();
      try {
        await migration.up(runner);
        await runner.commitTransaction();
      } catch (e) {
        await runner.rollbackTransaction();
        throw e;
      }
    };
    const runner = db.createQueryRunner();
    try {
      await migration.down(runner);
      const lic = (
        await request(t.server)
          .post('/api/licenses')
          .set(as('race'))
          .send({ ...njLcsw, number: 'OLD-TWIN' })
          .expect(201)
      ).body;
      await db.query(
        `INSERT INTO licenses (user_id, jurisdiction, license_type, number, issued_on, version, created_at)
         SELECT user_id, jurisdiction, license_type, lower(number), issued_on, 1, created_at + interval '1 second'
           FROM licenses WHERE id = $1`,
        [lic.id],
      );
      await up();
    } finally {
      // Whatever happened above, the rest of the file runs with the index in place.
      const [{ present }] = await runner.query(
        `SELECT to_regclass('licenses_active_number_key') IS NOT NULL AS present`,
      );
      if (!present) await up();
      await runner.release();
    }
    const all = (
      await request(t.server)
        .get('/api/licenses?includeRetired=true')
        .set(as('race'))
        .expect(200)
    ).body as { number: string; retiredAt: string | null }[];
    const twins = all.filter((l) => l.number.toUpperCase() === 'OLD-TWIN');
    expect(twins.map((l) => [l.number, l.retiredAt === null])).toEqual(
      expect.arrayContaining([
        ['OLD-TWIN', true],
        ['old-twin', false],
      ]),
    );
    expect(twins).toHaveLength(2);
  });

  it('keeps the version when an edit changes nothing', async () => {
    const lic = (
      await request(t.server)
        .post('/api/licenses')
        .set(as('race'))
        .send({ ...njLcsw, number: 'SAME-1' })
        .expect(201)
    ).body;
    const same = await request(t.server)
      .patch(`/api/licenses/${lic.id}`)
      .set(as('race'))
      .send({ version: lic.version, number: 'SAME-1' })
      .expect(200);
    expect(same.body.version).toBe(lic.version);
    // A stale version is still refused, change or not.
    await request(t.server)
      .patch(`/api/licenses/${lic.id}`)
      .set(as('race'))
      .send({ version: lic.version + 5 })
      .expect(409);
  });

  it('reinstates a retired license: tracked again, version bumped; others get 404', async () => {
    const lic = (
      await request(t.server)
        .post('/api/licenses')
        .set(as('rei'))
        .send({ ...njLcsw, number: 'BACK-1' })
        .expect(201)
    ).body;
    const retired = (
      await request(t.server)
        .post(`/api/licenses/${lic.id}/retire`)
        .set(as('rei'))
        .expect(200)
    ).body;
    expect(retired.retiredAt).not.toBeNull();
    await request(t.server)
      .post(`/api/licenses/${lic.id}/reinstate`)
      .set(as('tom'))
      .expect(404);
    const back = await request(t.server)
      .post(`/api/licenses/${lic.id}/reinstate`)
      .set(as('rei'))
      .expect(200);
    expect(back.body).toMatchObject({
      id: lic.id,
      retiredAt: null,
      version: retired.version + 1,
    });
    const active = (
      await request(t.server).get('/api/licenses').set(as('rei')).expect(200)
    ).body as { id: string }[];
    expect(active.map((l) => l.id)).toContain(lic.id);
    // Reinstating an active license changes nothing.
    const again = await request(t.server)
      .post(`/api/licenses/${lic.id}/reinstate`)
      .set(as('rei'))
      .expect(200);
    expect(again.body.version).toBe(back.body.version);
    await request(t.server)
      .post(`/api/licenses/${lic.id}/retire`)
      .set(as('rei'))
      .expect(200);
  });

  it('edits with a version check and retires', async () => {
    const lic = (
      await request(t.server)
        .post('/api/licenses')
        .set(as('dee'))
        .send(njLcsw)
        .expect(201)
    ).body;
    const edited = await request(t.server)
      .patch(`/api/licenses/${lic.id}`)
      .set(as('dee'))
      .send({ version: 1, number: 'NEW-1', roles: ['supervisor'] })
      .expect(200);
    expect(edited.body).toMatchObject({
      number: 'NEW-1',
      roles: ['supervisor'],
      version: 2,
    });
    await request(t.server)
      .patch(`/api/licenses/${lic.id}`)
      .set(as('dee'))
      .send({ version: 1, number: 'STALE' })
      .expect(409);
    await request(t.server)
      .post(`/api/licenses/${lic.id}/retire`)
      .set(as('dee'))
      .expect(200);
    expect(
      (await request(t.server).get('/api/licenses').set(as('dee')).expect(200))
        .body,
    ).toEqual([]);
    expect(
      (
        await request(t.server)
          .get('/api/licenses?includeRetired=true')
          .set(as('dee'))
          .expect(200)
      ).body,
    ).toHaveLength(1);
    const garbage = await request(t.server)
      .get('/api/licenses?includeRetired=yes')
      .set(as('dee'))
      .expect(400);
    expect(garbage.body.fields).toEqual({
      includeRetired: ['includeRetired must be true or false'],
    });
  });

  it("answers 404 for another user's license", async () => {
    const lic = (
      await request(t.server)
        .post('/api/licenses')
        .set(as('cam'))
        .send({ ...njLcsw, number: '44SC00012346' })
        .expect(201)
    ).body;
    await request(t.server)
      .get(`/api/licenses/${lic.id}`)
      .set(as('dee'))
      .expect(404);
    await request(t.server)
      .get(`/api/licenses/${lic.id}/compliance`)
      .set(as('dee'))
      .expect(404);
    await request(t.server)
      .patch(`/api/licenses/${lic.id}`)
      .set(as('dee'))
      .send({ version: 1, number: 'x' })
      .expect(404);
    await request(t.server)
      .post(`/api/licenses/${lic.id}/retire`)
      .set(as('dee'))
      .expect(404);
  });

  it('evaluates a license against every logged credit, with the advocacy balance beside compliance', async () => {
    const lic = (
      await request(t.server)
        .post('/api/licenses')
        .set(as('dee'))
        .send(njLcsw)
        .expect(201)
    ).body;
    await request(t.server)
      .post('/api/credits')
      .set(as('dee'))
      .send(credit({ title: 'Clinical assessment', completedOn: '2025-01-10' }))
      .expect(201);
    await request(t.server)
      .post('/api/credits')
      .set(as('dee'))
      .send(
        credit({
          title: 'Ethics',
          topics: ['ethics'],
          completedOn: '2025-03-10',
          practice: { clinical: 0, macro: 0, general: 3 },
        }),
      )
      .expect(201);
    await request(t.server)
      .post('/api/credits')
      .set(as('dee'))
      .send(
        credit({
          title: 'Policy advocacy',
          completedOn: '2025-05-10',
          hours: 1,
          practice: { clinical: 0, macro: 1, general: 0 },
          macroAreas: ['policy-advocacy'],
        }),
      )
      .expect(201);
    await request(t.server)
      .post('/api/credits')
      .set(as('dee'))
      .send(credit({ title: 'Long ago', completedOn: '2019-01-10' }))
      .expect(201);
    const res = await request(t.server)
      .get(`/api/licenses/${lic.id}/compliance?asOf=2026-05-01`)
      .set(as('dee'))
      .expect(200);
    const ev = res.body.evaluation;
    expect(ev.cycle).toMatchObject({ start: '2024-09-01', end: '2026-08-31' });
    expect(ev.status).toBe('in-progress');
    // The board and the notes of the version that judged the cycle.
    const version = findLicenseType('NJ', 'LCSW')?.licenseType.versions.find(
      (v) => v.version === ev.ruleSet.version,
    );
    expect(version?.notes?.length).toBeGreaterThan(0);
    expect(res.body.rules).toEqual({
      board: {
        name: 'New Jersey State Board of Social Work Examiners',
        url: expect.stringMatching(/^https:\/\//),
      },
      notes: version?.notes,
    });
    expect(ev.totals).toMatchObject({
      requiredHours: 40,
      countedHours: 7,
      remainingHours: 33,
    });
    expect(ev.advocacy).toMatchObject({
      macroHours: 1,
      clinicalHours: 3,
      generalHours: 3,
      status: 'thin',
    });
    expect(ev.excluded).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reason: 'outside-cycle', hours: 3 }),
      ]),
    );
    expect(
      Object.values(res.body.credits).map(
        (c) => (c as { title: string }).title,
      ),
    ).toEqual(expect.arrayContaining(['Ethics', 'Long ago']));
    await request(t.server)
      .get(`/api/licenses/${lic.id}/compliance?asOf=yesterday`)
      .set(as('dee'))
      .expect(400);
  });

  it('never serves a stale view: adding, editing or deleting a credit shows at once', async () => {
    const lic = (
      await request(t.server)
        .post('/api/licenses')
        .set(as('cam'))
        .send({ ...njLcsw, number: '44SC00012347' })
        .expect(201)
    ).body;
    const counted = async () =>
      (
        await request(t.server)
          .get(`/api/licenses/${lic.id}/compliance?asOf=2026-05-01`)
          .set(as('cam'))
          .expect(200)
      ).body.evaluation.totals.countedHours;
    const before = await counted();
    expect(await counted()).toBe(before); // served from the cache
    const c = (
      await request(t.server)
        .post('/api/credits')
        .set(as('cam'))
        .send(
          credit({
            completedOn: '2025-06-01',
            hours: 2,
            practice: { clinical: 2, macro: 0, general: 0 },
          }),
        )
        .expect(201)
    ).body;
    expect(await counted()).toBe(before + 2);
    await request(t.server)
      .patch(`/api/credits/${c.id}`)
      .set(as('cam'))
      .send({
        version: 1,
        hours: 5,
        practice: { clinical: 5, macro: 0, general: 0 },
      })
      .expect(200);
    expect(await counted()).toBe(before + 5);
    await request(t.server)
      .delete(`/api/credits/${c.id}`)
      .set(as('cam'))
      .expect(204);
    expect(await counted()).toBe(before);
    await request(t.server)
      .post(`/api/credits/${c.id}/restore`)
      .set(as('cam'))
      .expect(200);
    expect(await counted()).toBe(before + 5);
  });

  it('produces the audit packet PDF of the cycle: licensee, license, credits and what each served', async () => {
    const lic = (
      await request(t.server)
        .post('/api/licenses')
        .set(as('dee'))
        .send({ ...njLcsw, number: 'AUDIT-7' })
        .expect(201)
    ).body;
    const res = await request(t.server)
      .get(`/api/licenses/${lic.id}/audit-packet.pdf?asOf=2026-05-01`)
      .set(as('dee'))
      .buffer(true)
      .parse((r, cb) => {
        const parts: Buffer[] = [];
        r.on('data', (d: Buffer) => parts.push(d));
        r.on('end', () => cb(null, Buffer.concat(parts)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      /mezzo-nj-lcsw-2024-09-01-2026-08-31\.pdf/,
    );
    const text = await pdfText(res.body as Buffer);
    expect(text).toContain('AUDIT-7');
    expect(text).toContain('2024-09-01 to 2026-08-31');
    expect(text).toContain('Policy advocacy');
    // Completed before the cycle: not among its credits, only named (by title) as not counted.
    const [credits, notCounted] = text
      .replace(/\s+/g, ' ')
      .split('Hours not counted');
    expect(credits).not.toContain('Long ago');
    expect(notCounted).toContain(
      '2019-01-10 Long ago — 3 h: Completed outside the renewal cycle',
    );
    await request(t.server)
      .get(`/api/licenses/${lic.id}/audit-packet.pdf`)
      .set(as('cam'))
      .expect(404);
  });

  it('prints names and titles in any script in the audit packet PDF, and names uncounted credits by title', async () => {
    const zoe = {
      Authorization: `Bearer ${await registerUser(t, 'zoe', 'Zoë Ñúñez Ωmega')}`,
    };
    const lic = (
      await request(t.server)
        .post('/api/licenses')
        .set(zoe)
        .send({ ...njLcsw, number: 'UNI-1' })
        .expect(201)
    ).body;
    const title =
      'Trauma care with Łódź refugees — Nguyễn Thị Hương, 心理 and 🙂 after them';
    const inCycle = (
      await request(t.server)
        .post('/api/credits')
        .set(zoe)
        .send(
          credit({
            title,
            provider: 'Ωmega CE',
            format: 'live-in-person',
            completedOn: '2025-03-01',
          }),
        )
        .expect(201)
    ).body;
    const old = (
      await request(t.server)
        .post('/api/credits')
        .set(zoe)
        .send(
          credit({
            title: 'Old course',
            hours: 1,
            practice: { clinical: 1, macro: 0, general: 0 },
            completedOn: '2023-02-01',
          }),
        )
        .expect(201)
    ).body;
    const res = await request(t.server)
      .get(`/api/licenses/${lic.id}/audit-packet.pdf?asOf=2026-05-01`)
      .set(zoe)
      .buffer(true)
      .parse((r, cb) => {
        const parts: Buffer[] = [];
        r.on('data', (d: Buffer) => parts.push(d));
        r.on('end', () => cb(null, Buffer.concat(parts)));
      })
      .expect(200);
    // Words as printed; line breaks and runs of spaces as one space.
    const text = (await pdfText(res.body as Buffer)).replace(/\s+/g, ' ');
    expect(text).toContain('Licensee: Zoë Ñúñez Ωmega <zoe@example.org>');
    // Latin, Vietnamese and Greek print as written; the CJK word and the emoji, which the font
    // lacks, each become a replacement mark without garbling what follows them.
    expect(text).toContain(
      '2025-03-01 Trauma care with Łódź refugees — Nguyễn Thị Hương, \uFFFD\uFFFD and \uFFFD after them',
    );
    expect(text).toContain(
      'Provider: Ωmega CE | Format: Live, in person | Hours: 3',
    );
    const [, notCounted] = text.split('Hours not counted');
    expect(notCounted).toContain(
      '2023-02-01 Old course — 1 h: Completed outside the renewal cycle',
    );
    expect(text).not.toContain(old.id);
    expect(text).not.toContain(inCycle.id);
  });

  it('exports and imports the transcript JSON; importing the same file twice adds nothing', async () => {
    const email = 'eve@example.org';
    const reg = await request(t.server)
      .post('/api/auth/register')
      .send({ name: 'Eve', email, password: 'long enough password' });
    const eve = { Authorization: `Bearer ${reg.body.accessToken}` };
    const lic = (
      await request(t.server)
        .post('/api/licenses')
        .set(eve)
        .send(njLcsw)
        .expect(201)
    ).body;
    const transcript = {
      jurisdiction: 'NJ',
      licenseType: 'LCSW',
      credits: [
        {
          id: 'a',
          title: 'Imported ethics',
          completedOn: '2025-04-01',
          hours: 5,
          format: 'live-online',
          topics: ['ethics'],
          practice: { clinical: 0, macro: 0, general: 5 },
        },
        {
          id: 'b',
          title: 'Imported policy',
          provider: 'NASW',
          completedOn: '2025-05-01',
          hours: 2,
          format: 'live-in-person',
          topics: [],
          practice: { clinical: 0, macro: 2, general: 0 },
          macroAreas: ['policy-advocacy'],
        },
      ],
    };
    expect(
      (
        await request(t.server)
          .post(`/api/licenses/${lic.id}/transcript`)
          .set(eve)
          .send(transcript)
          .expect(200)
      ).body,
    ).toEqual({ created: 2, skipped: 0 });
    expect(
      (
        await request(t.server)
          .post(`/api/licenses/${lic.id}/transcript`)
          .set(eve)
          .send(transcript)
          .expect(200)
      ).body,
    ).toEqual({ created: 0, skipped: 2 });
    const bad = await request(t.server)
      .post(`/api/licenses/${lic.id}/transcript`)
      .set(eve)
      .send({
        ...transcript,
        credits: [
          { ...transcript.credits[0], hours: 'three' },
          { ...transcript.credits[1], title: 'Not saved either' },
        ],
      })
      .expect(400);
    expect(Object.keys(bad.body.fields)).toEqual(['credits.0.hours']);
    const exported = (
      await request(t.server)
        .get(`/api/licenses/${lic.id}/transcript`)
        .set(eve)
        .expect(200)
    ).body;
    expect(exported).toMatchObject({
      jurisdiction: 'NJ',
      licenseType: 'LCSW',
      license: { issuedOn: '2018-03-10' },
    });
    expect(
      exported.credits.map((c: { title: string }) => c.title).sort(),
    ).toEqual(['Imported ethics', 'Imported policy']);
    const other = await request(t.server)
      .post(`/api/licenses/${lic.id}/transcript`)
      .set(eve)
      .send({ ...transcript, jurisdiction: 'NY' })
      .expect(400);
    expect(Object.keys(other.body.fields)).toEqual(['jurisdiction']);
    const otherType = await request(t.server)
      .post(`/api/licenses/${lic.id}/transcript`)
      .set(eve)
      .send({ ...transcript, licenseType: 'LSW' })
      .expect(400);
    expect(Object.keys(otherType.body.fields)).toEqual(['licenseType']);
    // Keys named like built-in properties are unknown fields like any other (they were a 500).
    for (const key of ['constructor', 'toString', 'hasOwnProperty']) {
      const odd = await request(t.server)
        .post(`/api/licenses/${lic.id}/transcript`)
        .set(eve)
        .send({ [key]: 1, ...transcript })
        .expect(400);
      expect(Object.keys(odd.body.fields)).toEqual([key]);
    }
    const notAnObject = await request(t.server)
      .post(`/api/licenses/${lic.id}/transcript`)
      .set(eve)
      .send([transcript])
      .expect(400);
    expect(notAnObject.body.fields).toEqual({ transcript: ['must be object'] });
    await request(t.server)
      .get(`/api/licenses/${lic.id}/transcript`)
      .set(as('cam'))
      .expect(404);
  });

  it('imports a long career in one file, and the same file sent four times at once adds it once', async () => {
    const lic = (
      await request(t.server)
        .post('/api/licenses')
        .set(as('big'))
        .send({ ...njLcsw, number: 'IMPORT-BIG' })
        .expect(201)
    ).body;
    const credit = (i: number) => ({
      id: `c${i}`,
      title: `A long-career course with a long enough title, number ${i}`,
      provider: 'A provider with a long name, Inc.',
      completedOn: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
      hours: 1 + (i % 4),
      format: 'live-online',
      topics: ['ethics'],
      practice: { clinical: 0, macro: 0, general: 1 + (i % 4) },
      approvals: [{ body: 'ACE', number: `${1000 + i}` }],
    });
    // Over the 1 MB every other body may carry: what an export of ~5,000 credits weighs.
    const big = {
      jurisdiction: 'NJ',
      licenseType: 'LCSW',
      credits: Array.from({ length: 5000 }, (_, i) => credit(i)),
    };
    expect(JSON.stringify(big).length).toBeGreaterThan(1024 * 1024);
    const first = await request(t.server)
      .post(`/api/licenses/${lic.id}/transcript`)
      .set(as('big'))
      .send(big)
      .expect(200);
    expect(first.body).toEqual({ created: 5000, skipped: 0 });

    const small = {
      jurisdiction: 'NJ',
      licenseType: 'LCSW',
      credits: Array.from({ length: 40 }, (_, i) => ({
        ...credit(i),
        title: `Sent four times at once ${i}`,
      })),
    };
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() =>
        request(t.server)
          .post(`/api/licenses/${lic.id}/transcript`)
          .set(as('big'))
          .send(small)
          .expect(200),
      ),
    );
    expect(
      answers.reduce((sum, a) => sum + (a.body.created as number), 0),
    ).toBe(40);
    const page = await request(t.server)
      .get('/api/credits?pageSize=1')
      .set(as('big'))
      .expect(200);
    expect(page.body.total).toBe(5040);
  }, 120_000);

  it('imports only credits POST /credits would log, naming every problem at once and writing nothing', async () => {
    const lic = (
      await request(t.server)
        .post('/api/licenses')
        .set(as('fuzz'))
        .send({ ...njLcsw, number: 'IMPORT-1' })
        .expect(201)
    ).body;
    const good = {
      id: 'ok',
      title: 'Fine course',
      completedOn: '2025-04-01',
      hours: 2,
      format: 'live-online',
      topics: ['ethics'],
      practice: { clinical: 2, macro: 0, general: 0 },
    };
    const general = (hours: number) => ({
      hours,
      practice: { clinical: 0, macro: 0, general: hours },
    });
    const credits = [
      { ...good, id: '0', ...general(0) },
      { ...good, id: '1', ...general(0.001), practice: general(0).practice },
      { ...good, id: '2', ...general(5000) },
      { ...good, id: '3', ...general(1.005), practice: general(1).practice },
      { ...good, id: '4', title: '  ' },
      { ...good, id: '5', completedOn: '0000-01-01' },
      { ...good, id: '6', completedOn: '1900-01-01' },
      { ...good, id: '7', topics: ['ethics', 'ethics'] },
      { ...good, id: '8', macroAreas: ['policy-advocacy'] },
      { ...good, id: '9', approvals: [{ body: 'A'.repeat(200) }] },
      good,
    ];
    const res = await request(t.server)
      .post(`/api/licenses/${lic.id}/transcript`)
      .set(as('fuzz'))
      .send({ jurisdiction: 'NJ', licenseType: 'LCSW', credits })
      .expect(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.fields).toEqual({
      'credits.0.hours': ['hours must be more than 0'],
      'credits.1.hours': ['hours must have at most 2 decimals'],
      'credits.2.hours': ['hours must be at most 200'],
      'credits.3.hours': ['hours must have at most 2 decimals'],
      'credits.4.title': ['title is required'],
      'credits.5.completedOn': ['completedOn must be on or after 1950-01-01'],
      'credits.6.completedOn': ['completedOn must be on or after 1950-01-01'],
      'credits.7.topics': ['topics must not list a topic twice'],
      'credits.8.macroAreas': [
        'macro areas need macro hours in the practice split',
      ],
      'credits.9.approvals.0.body': [
        'body must be shorter than or equal to 80 characters',
      ],
    });
    const log = await request(t.server)
      .get('/api/credits')
      .set(as('fuzz'))
      .expect(200);
    expect(log.body.total).toBe(0);
    // The same rules let a good credit in, stored as POST /credits stores it (trimmed).
    const ok = await request(t.server)
      .post(`/api/licenses/${lic.id}/transcript`)
      .set(as('fuzz'))
      .send({
        jurisdiction: 'NJ',
        licenseType: 'LCSW',
        credits: [{ ...good, title: ' Fine course ' }],
      })
      .expect(200);
    expect(ok.body).toEqual({ created: 1, skipped: 0 });
    const after = await request(t.server)
      .get('/api/credits')
      .set(as('fuzz'))
      .expect(200);
    expect(after.body.items).toMatchObject([{ title: 'Fine course' }]);
  });

  it('documents the transcript import body in the OpenAPI document', async () => {
    const doc = (await request(t.server).get('/api/openapi.json').expect(200))
      .body;
    const body =
      doc.paths['/api/licenses/{id}/transcript'].post.requestBody.content[
        'application/json'
      ].schema;
    expect(body).toMatchObject({
      type: 'object',
      required: ['jurisdiction', 'licenseType', 'credits'],
    });
    expect(body.properties.credits.items.properties.hours).toMatchObject({
      type: 'number',
    });
    // Draft-07 references would point into the OpenAPI document, where they resolve to nothing.
    expect(JSON.stringify(body)).not.toContain('#/definitions');
  });

  it('refuses null for the fields an edit cannot clear, changing nothing; birthDate may be cleared', async () => {
    const lic = (
      await request(t.server)
        .post('/api/licenses')
        .set(as('fuzz'))
        .send({ ...njLcsw, number: 'NULLS-1', birthDate: '1980-05-02' })
        .expect(201)
    ).body;
    const refusals: [string, string][] = [
      ['jurisdiction', 'jurisdiction is required'],
      ['licenseType', 'licenseType is required'],
      ['number', 'number is required'],
      ['issuedOn', 'issuedOn is required'],
      ['roles', 'roles must not be null; send [] for none'],
    ];
    for (const [field, message] of refusals) {
      const res = await request(t.server)
        .patch(`/api/licenses/${lic.id}`)
        .set(as('fuzz'))
        .send({ version: 1, [field]: null });
      expect({ field, status: res.status, fields: res.body.fields }).toEqual({
        field,
        status: 400,
        fields: { [field]: [message] },
      });
    }
    expect(
      (
        await request(t.server)
          .get(`/api/licenses/${lic.id}`)
          .set(as('fuzz'))
          .expect(200)
      ).body,
    ).toMatchObject({ version: 1, number: 'NULLS-1', birthDate: '1980-05-02' });
    const cleared = await request(t.server)
      .patch(`/api/licenses/${lic.id}`)
      .set(as('fuzz'))
      .send({ version: 1, birthDate: null, renewsOn: null })
      .expect(200);
    expect(cleared.body).toMatchObject({
      version: 2,
      birthDate: null,
      renewsOn: null,
      number: 'NULLS-1',
    });
    const huge = await request(t.server)
      .patch(`/api/licenses/${lic.id}`)
      .set(as('fuzz'))
      .send({ version: 2147483648, number: 'HUGE' })
      .expect(400);
    expect(huge.body.fields).toEqual({
      version: ['version must be at most 2147483647'],
    });
  });

  it('keeps license dates within sane bounds', async () => {
    const post = (over: Record<string, unknown>) =>
      request(t.server)
        .post('/api/licenses')
        .set(as('fuzz'))
        .send({ ...njLcsw, number: 'Y0', ...over });
    for (const [over, field, message] of [
      [{ issuedOn: '0000-01-01' }, 'issuedOn', /on or after 1950-01-01/],
      [{ issuedOn: '1000-01-01' }, 'issuedOn', /on or after 1950-01-01/],
      [{ issuedOn: '1949-12-31' }, 'issuedOn', /on or after 1950-01-01/],
      [{ birthDate: '0000-01-01' }, 'birthDate', /on or after 1900-01-01/],
      [{ renewsOn: '9999-12-31' }, 'renewsOn', /within 10 years/],
    ] as const) {
      const res = await post(over);
      expect({ over, status: res.status }).toEqual({ over, status: 400 });
      expect(Object.keys(res.body.fields)).toEqual([field]);
      expect(res.body.fields[field][0]).toMatch(message);
    }
    const lic = (await post({ issuedOn: '1950-01-01' }).expect(201)).body;
    for (const [over, field] of [
      [{ issuedOn: '0000-01-01' }, 'issuedOn'],
      [{ birthDate: '0000-01-01' }, 'birthDate'],
      [{ renewsOn: '0000-01-01' }, 'renewsOn'],
      [{ renewsOn: '9999-12-31' }, 'renewsOn'],
    ] as const) {
      const res = await request(t.server)
        .patch(`/api/licenses/${lic.id}`)
        .set(as('fuzz'))
        .send({ version: 1, ...over });
      expect({ over, status: res.status }).toEqual({ over, status: 400 });
      expect(Object.keys(res.body.fields)).toEqual([field]);
    }
  });

  it('answers 400 on asOf for a date that does not exist or is out of range', async () => {
    const lic = (
      await request(t.server)
        .post('/api/licenses')
        .set(as('fuzz'))
        .send({ ...njLcsw, number: 'ASOF-1' })
        .expect(201)
    ).body;
    for (const path of ['compliance', 'audit-packet.pdf']) {
      for (const [asOf, message] of [
        ['2025-02-30', 'asOf is not a real calendar date'],
        ['9999-12-31', 'asOf must be between 1950-01-01 and 2200-12-31'],
        ['1949-12-31', 'asOf must be between 1950-01-01 and 2200-12-31'],
      ]) {
        const res = await request(t.server)
          .get(`/api/licenses/${lic.id}/${path}?asOf=${asOf}`)
          .set(as('fuzz'));
        expect({ path, asOf, status: res.status, body: res.body }).toEqual({
          path,
          asOf,
          status: 400,
          body: expect.objectContaining({ fields: { asOf: [message] } }),
        });
      }
      for (const asOf of ['1950-01-01', '2200-12-31'])
        await request(t.server)
          .get(`/api/licenses/${lic.id}/${path}?asOf=${asOf}`)
          .set(as('fuzz'))
          .expect(200);
    }
    // The ZIP route (certificates module) checks only the shape; the service refuses the rest.
    await expect(
      t.app.get(LicensesService).auditPacket('nobody', lic.id, '2025-02-30'),
    ).rejects.toMatchObject({
      status: 400,
      fields: { asOf: ['asOf is not a real calendar date'] },
    });
  });

  it('shows an ended cycle left short as overdue until the licensee says they renewed', async () => {
    const db = t.app.get(DataSource);
    const create = async (over: Record<string, unknown>) =>
      (
        await request(t.server)
          .post('/api/licenses')
          .set(as('late'))
          .send({ ...njLcsw, ...over })
          .expect(201)
      ).body;
    const lic = await create({ number: 'LATE-1' });
    // Added today: the cycle that ended before today was not tracked in Mezzo, so it is not overdue.
    expect(lic).toMatchObject({ overdue: null, renewedThrough: null });
    expect(lic.status).toBe('in-progress');
    // As if added years ago.
    await db.query(
      `UPDATE licenses SET created_at = '2000-01-01T12:00:00Z' WHERE id = $1`,
      [lic.id],
    );
    await request(t.server)
      .post('/api/credits')
      .set(as('late'))
      .send(
        credit({
          title: 'Ethics',
          topics: ['ethics'],
          practice: { clinical: 0, macro: 0, general: 3 },
          completedOn: '2023-05-10',
        }),
      )
      .expect(201);
    const view = async (asOf: string) =>
      (
        await request(t.server)
          .get(`/api/licenses/${lic.id}/compliance?asOf=${asOf}`)
          .set(as('late'))
          .expect(200)
      ).body;

    // Ten days into the 2024–2026 cycle, the 2022–2024 one ended 37 hours short.
    const late = await view('2024-09-10');
    expect(late.evaluation.cycle).toMatchObject({
      start: '2024-09-01',
      end: '2026-08-31',
    });
    expect(late.evaluation.status).toBe('in-progress');
    expect(late.overdue.cycle).toMatchObject({
      start: '2022-09-01',
      end: '2024-08-31',
      daysLeft: 0,
    });
    expect(late.overdue.status).toBe('overdue');
    expect(late.overdue.totals).toEqual({
      requiredHours: 40,
      countedHours: 3,
      remainingHours: 37,
    });
    expect(late.overdue.requirements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'topic:ethics',
          allocations: [{ creditId: expect.any(String), hours: 3 }],
        }),
      ]),
    );
    expect(Object.values(late.credits)).toEqual([
      expect.objectContaining({ title: 'Ethics' }),
    ]);
    expect(late.license).toMatchObject({
      status: 'overdue',
      overdue: {
        start: '2022-09-01',
        end: '2024-08-31',
        requiredHours: 40,
        countedHours: 3,
        remainingHours: 37,
      },
    });
    // One cycle back only: two years on, the cycle that just ended is the one reported.
    expect((await view('2026-09-10')).overdue.cycle.end).toBe('2026-08-31');
    // On its last day the 2022–2024 cycle is still running: the overdue one is the cycle before.
    expect((await view('2024-08-31')).overdue.cycle.end).toBe('2022-08-31');

    // Today: the cycle before today's is short too, and the list says so.
    const listed = (
      await request(t.server).get('/api/licenses').set(as('late')).expect(200)
    ).body.find((l: { id: string }) => l.id === lic.id);
    expect(listed.status).toBe('overdue');
    const endedOn = listed.overdue.end;
    expect(endedOn).toBe(
      (await request(t.server).get(`/api/licenses/${lic.id}`).set(as('late')))
        .body.overdue.end,
    );

    const put = (body: Record<string, unknown>) =>
      request(t.server)
        .put(`/api/licenses/${lic.id}/renewed-through`)
        .set(as('late'))
        .send(body);
    for (const [body, message] of [
      [
        { renewedThrough: '2026-02-30', version: lic.version },
        'renewedThrough is not a real calendar date',
      ],
      [
        { renewedThrough: '2017-12-31', version: lic.version },
        "renewedThrough must be on or after the license's issue date (2018-03-10)",
      ],
      [
        { renewedThrough: 'soon', version: lic.version },
        'renewedThrough must be a date YYYY-MM-DD, or null',
      ],
      [
        { version: lic.version },
        'renewedThrough is required: a date YYYY-MM-DD, or null',
      ],
    ] as const) {
      const res = await put(body);
      expect({ body, status: res.status, fields: res.body.fields }).toEqual({
        body,
        status: 400,
        fields: { renewedThrough: [message] },
      });
    }
    await put({ renewedThrough: endedOn, version: lic.version + 7 }).expect(
      409,
    );
    expect((await view('2024-09-10')).overdue).not.toBeNull();

    const renewed = (
      await put({ renewedThrough: endedOn, version: lic.version }).expect(200)
    ).body;
    expect(renewed).toMatchObject({
      renewedThrough: endedOn,
      overdue: null,
      status: 'in-progress',
      version: lic.version + 1,
    });
    // Renewing for the later cycle covers the earlier one too; the cached view is rebuilt.
    expect((await view('2024-09-10')).overdue).toBeNull();
    expect((await view('2024-09-10')).license.status).toBe('in-progress');

    // Withdrawn: overdue again.
    const withdrawn = (
      await put({ renewedThrough: null, version: renewed.version }).expect(200)
    ).body;
    expect(withdrawn).toMatchObject({
      renewedThrough: null,
      status: 'overdue',
    });
    expect((await view('2024-09-10')).overdue.cycle.end).toBe('2024-08-31');
    // Confirming only the earlier cycle leaves the later one overdue.
    const earlier = (
      await put({
        renewedThrough: '2024-08-31',
        version: withdrawn.version,
      }).expect(200)
    ).body;
    expect(earlier.overdue.end).toBe(endedOn);
    expect((await view('2024-09-10')).overdue).toBeNull();

    // A license issued after the cycle ended had no earlier cycle to be short in.
    const fresh = await create({ number: 'LATE-2', issuedOn: '2025-01-15' });
    await db.query(
      `UPDATE licenses SET created_at = '2000-01-01T12:00:00Z' WHERE id = $1`,
      [fresh.id],
    );
    const first = (
      await request(t.server)
        .get(`/api/licenses/${fresh.id}/compliance?asOf=2025-03-01`)
        .set(as('late'))
        .expect(200)
    ).body;
    expect(first.evaluation.cycle.start).toBe('2025-01-15');
    expect(first.overdue).toBeNull();
  });

  it("applies the licensee's advocacy floor setting to the balance at once", async () => {
    // The setting's HTTP route belongs to the reminders module; here it is set where it is stored.
    const userId = (await request(t.server).get('/api/me').set(as('dee'))).body
      .id;
    const setFloor = (advocacyFloorPercent: number | null) =>
      t.app
        .get(UserSettingsRepository)
        .update(userId, { advocacyFloorPercent });
    const lic = (
      await request(t.server)
        .post('/api/licenses')
        .set(as('dee'))
        .send({ ...njLcsw, number: 'FLOOR-1' })
        .expect(201)
    ).body;
    const advocacy = async () =>
      (
        await request(t.server)
          .get(`/api/licenses/${lic.id}/compliance?asOf=2026-05-01`)
          .set(as('dee'))
          .expect(200)
      ).body.evaluation.advocacy;
    expect(await advocacy()).toMatchObject({ floorHours: 4, status: 'thin' }); // default: 10% of 40 h, 1 h macro logged
    await setFloor(2.5);
    expect(await advocacy()).toMatchObject({
      floorHours: 1,
      status: 'balanced',
    });
    await setFloor(null);
    expect(await advocacy()).toMatchObject({ floorHours: 4, status: 'thin' });
  });

  it('asks more of someone holding two Oklahoma licenses (6 Category I hours more), and less once one is retired', async () => {
    const add = async (body: Record<string, unknown>) =>
      (
        await request(t.server)
          .post('/api/licenses')
          .set(as('okla'))
          .send({ issuedOn: '2012-04-01', ...body })
          .expect(201)
      ).body;
    const adm = await add({
      jurisdiction: 'OK',
      licenseType: 'LSW-Adm',
      number: 'ADM-1',
    });
    const nj = await add({ ...njLcsw, number: 'NJ-OKLA' });
    for (const [completedOn, hours, format, topics] of [
      ['2025-02-20', 3, 'live-online', ['ethics']],
      ['2025-05-15', 13, 'live-in-person', []],
    ] as const)
      await request(t.server)
        .post('/api/credits')
        .set(as('okla'))
        .send(
          credit({
            completedOn,
            hours,
            format,
            topics,
            practice: { clinical: 0, macro: hours, general: 0 },
            approvals: [{ body: 'ACE' }],
          }),
        )
        .expect(201);
    const view = async (id: string) =>
      (
        await request(t.server)
          .get(`/api/licenses/${id}/compliance?asOf=2025-12-31`)
          .set(as('okla'))
          .expect(200)
      ).body.evaluation;
    const required = (e: {
      requirements: { code: string; requiredHours: number }[];
    }) => e.requirements.map((r) => [r.code, r.requiredHours]);
    expect(required(await view(adm.id))).toEqual([
      ['total', 16],
      ['topic:ethics', 3],
      ['format:live', 8],
    ]);
    expect((await view(adm.id)).status).toBe('met');
    const lcsw = await add({
      jurisdiction: 'OK',
      licenseType: 'LCSW',
      number: 'LCSW-1',
    });
    // The cached view of LSW-Adm must not survive the new license: it is another input.
    const dual = await view(adm.id);
    expect(required(dual)).toEqual([
      ['total', 22],
      ['topic:ethics', 3],
      ['format:live', 14],
    ]);
    expect(dual.status).toBe('in-progress'); // the cycle's last day
    expect(dual.requirements[0].note).toMatch(
      /^Includes 6 h for 1 other license held \(LCSW\): OAC 675:15-1-3\(a\)/,
    );
    expect(required(await view(lcsw.id))[0]).toEqual(['total', 22]);
    // Another jurisdiction's licenses do not count, and its rules have no such rule.
    expect(required(await view(nj.id))[0]).toEqual(['total', 40]);
    // A license issued after the evaluated cycle was not held in it. Types sort by code unit
    // (LSW-Adm before LSWA), in the database's statement as in the service.
    const lswa = await add({
      jurisdiction: 'OK',
      licenseType: 'LSWA',
      number: 'LSWA-1',
      issuedOn: '2026-02-01',
    });
    expect(required(await view(adm.id))[0]).toEqual(['total', 22]);
    const later = (
      await request(t.server)
        .get(`/api/licenses/${lcsw.id}/compliance?asOf=2026-03-01`)
        .set(as('okla'))
        .expect(200)
    ).body.evaluation;
    expect(later.requirements[0]).toMatchObject({ requiredHours: 28 });
    expect(later.requirements[0].note).toMatch(
      /^Includes 12 h for 2 other licenses held \(LSW-Adm, LSWA\)/,
    );
    // Reminders, the calendar feed and the license list evaluate with the same other licenses.
    const userId = (await request(t.server).get('/api/me').set(as('okla'))).body
      .id;
    const in2026 = await t.app
      .get(LicensesService)
      .evaluateActive(userId, '2026-03-01');
    expect(
      in2026.map((a) => [
        a.license.licenseType,
        a.evaluation.requirements[0].note ?? '',
      ]),
    ).toEqual([
      ['LCSW', ''],
      ['LCSW', later.requirements[0].note],
      ['LSW-Adm', expect.stringMatching(/\(LCSW, LSWA\)/)],
      ['LSWA', expect.stringMatching(/\(LCSW, LSW-Adm\)/)],
    ]);
    // The audit packet's path looks the other licenses up itself.
    const entity = await t.app
      .get(LicensesRepository)
      .findOwned(userId, adm.id);
    const packetEvaluation = await t.app
      .get(ComplianceService)
      .evaluateLicense(entity!, '2025-12-31');
    expect(packetEvaluation.evaluation.totals.requiredHours).toBe(22);
    await request(t.server)
      .post(`/api/licenses/${lswa.id}/retire`)
      .set(as('okla'))
      .expect(200);
    const active = await t.app
      .get(LicensesService)
      .evaluateActive(userId, '2025-12-31');
    expect(
      active.map((a) => [
        a.license.licenseType,
        a.evaluation.totals.requiredHours,
      ]),
    ).toEqual([
      ['LCSW', 40],
      ['LCSW', 22],
      ['LSW-Adm', 22],
    ]);
    const exportedResponse = await request(t.server)
      .get(`/api/licenses/${adm.id}/transcript`)
      .set(as('okla'))
      .expect(200);
    expect(exportedResponse.headers['content-disposition']).toBe(
      'attachment; filename="mezzo-ok-lsw-adm-adm-1-transcript.json"',
    );
    const exported = exportedResponse.body;
    expect(exported.license.otherLicenses).toEqual(['LCSW']);
    await request(t.server)
      .post(`/api/licenses/${lcsw.id}/retire`)
      .set(as('okla'))
      .expect(200);
    expect(required(await view(adm.id))[0]).toEqual(['total', 16]);
    expect((await view(adm.id)).status).toBe('met');
    await request(t.server)
      .get(`/api/licenses/${adm.id}`)
      .set(as('okla'))
      .expect(200);
  });

  describe('with a second replica on the same database', () => {
    let replica: INestApplication;
    let other: ReturnType<INestApplication['getHttpServer']>;

    beforeAll(async () => {
      // Another API process: its own caches, the same PostgreSQL.
      const moduleRef = await Test.createTestingModule({
        imports: [
          ConfigModule.forRoot(t.config),
          DataAccessModule.forRoot({ url: t.db.url, poolSize: 2 }),
          NotificationsModule.forRoot({
            smtpUrl: t.config.mail.smtpUrl,
            from: t.config.mail.from,
            outboxDir: t.config.mail.outboxDir,
          }),
          CoreModule,
          AuthModule,
          LicensesModule,
          CreditsModule,
        ],
      }).compile();
      replica = moduleRef.createNestApplication({ logger: false });
      configureApp(replica, t.config);
      await replica.init();
      other = replica.getHttpServer();
    });
    afterAll(() => replica.close());

    it('never serves a view another replica has changed: credits, license, advocacy floor', async () => {
      const userId = (await request(t.server).get('/api/me').set(as('cam')))
        .body.id;
      const lic = (
        await request(t.server)
          .post('/api/licenses')
          .set(as('cam'))
          .send({ ...njLcsw, number: 'REPLICA-1' })
          .expect(201)
      ).body;
      const view = async (server: typeof other) =>
        (
          await request(server)
            .get(`/api/licenses/${lic.id}/compliance?asOf=2026-05-01`)
            .set(as('cam'))
            .expect(200)
        ).body;
      // Both replicas have the view cached.
      const first = await view(t.server);
      expect(await view(other)).toEqual(first);
      expect(await view(other)).toEqual(first);

      const c = (
        await request(other)
          .post('/api/credits')
          .set(as('cam'))
          .send(
            credit({
              title: 'Written on the replica',
              completedOn: '2025-07-01',
              hours: 1,
              practice: { clinical: 0, macro: 1, general: 0 },
              macroAreas: ['policy-advocacy'],
            }),
          )
          .expect(201)
      ).body;
      const afterCredit = await view(t.server);
      expect(afterCredit.evaluation.totals.countedHours).toBe(
        first.evaluation.totals.countedHours + 1,
      );
      expect(afterCredit.credits[c.id]?.title).toBe('Written on the replica');

      await request(t.server)
        .patch(`/api/credits/${c.id}`)
        .set(as('cam'))
        .send({ version: 1, title: 'Renamed on the first' })
        .expect(200);
      expect((await view(other)).credits[c.id]?.title).toBe(
        'Renamed on the first',
      );

      await request(other)
        .patch(`/api/licenses/${lic.id}`)
        .set(as('cam'))
        .send({ version: 1, number: 'REPLICA-2' })
        .expect(200);
      expect((await view(t.server)).license).toMatchObject({
        number: 'REPLICA-2',
        version: 2,
      });

      const floorBefore = (await view(other)).evaluation.advocacy.floorHours;
      await replica
        .get(UserSettingsRepository)
        .update(userId, { advocacyFloorPercent: 50 });
      expect((await view(t.server)).evaluation.advocacy.floorHours).toBe(20);
      await t.app
        .get(UserSettingsRepository)
        .update(userId, { advocacyFloorPercent: null });
      expect((await view(other)).evaluation.advocacy.floorHours).toBe(
        floorBefore,
      );
    });

    it('answers 304 to a client that has the current view, and 200 once it changed', async () => {
      const lic = (
        await request(t.server)
          .post('/api/licenses')
          .set(as('cam'))
          .send({ ...njLcsw, number: 'ETAG-1' })
          .expect(201)
      ).body;
      const url = `/api/licenses/${lic.id}/compliance?asOf=2026-05-01`;
      const first = await request(t.server).get(url).set(as('cam')).expect(200);
      expect(first.headers['content-type']).toBe(
        'application/json; charset=utf-8',
      );
      const etag = first.headers['etag'];
      expect(etag).toMatch(/^W\/"/);
      await request(other)
        .get(url)
        .set(as('cam'))
        .set('If-None-Match', etag)
        .expect(304);
      await request(other)
        .patch(`/api/licenses/${lic.id}`)
        .set(as('cam'))
        .send({ version: 1, number: 'ETAG-2' })
        .expect(200);
      const changed = await request(t.server)
        .get(url)
        .set(as('cam'))
        .set('If-None-Match', etag)
        .expect(200);
      expect(changed.body.license.number).toBe('ETAG-2');
      expect(changed.headers['etag']).not.toBe(etag);
    });
  });
});
