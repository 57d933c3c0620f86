import { AuthModule } from '@mezzo/api-auth';
import { createTestApp, type TestApp, registerUser } from '@mezzo/api-testing';
import request from 'supertest';
import { CreditsModule } from './credits.module';

const macroCredit = {
  title: 'Housing policy advocacy',
  provider: 'NASW-NJ',
  completedOn: '2025-02-14',
  hours: 3,
  format: 'live-online',
  topics: ['ethics'],
  practice: { clinical: 0, macro: 3, general: 0 },
  macroAreas: ['policy-advocacy'],
  approvals: [{ body: 'ACE', number: '1234' }],
};

describe('credit log (HTTP, PostgreSQL)', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${token[who]}` });

  beforeAll(async () => {
    t = await createTestApp([AuthModule, CreditsModule]);
    for (const who of ['ana', 'ben'])
      token[who] = await registerUser(t, who, who.toUpperCase());
  });
  afterAll(() => t.close());

  /** The actions in a credit's history, oldest first. */
  const actions = async (id: string): Promise<string[]> =>
    (
      await request(t.server)
        .get(`/api/credits/${id}/history`)
        .set(as('ana'))
        .expect(200)
    ).body.map((e: { action: string }) => e.action);

  /** The macro credit, logged by `who`: its body as the API answers it. */
  const logCredit = async (who: string) =>
    (
      await request(t.server)
        .post('/api/credits')
        .set(as(who))
        .send(macroCredit)
        .expect(201)
    ).body;

  it('logs a credit and returns it with version 1', async () => {
    const res = await request(t.server)
      .post('/api/credits')
      .set(as('ana'))
      .send(macroCredit)
      .expect(201);
    expect(res.body).toMatchObject({
      ...macroCredit,
      version: 1,
      deletedAt: null,
    });
  });

  it('logs service and practice activities with their own format (boards cap them by kind)', async () => {
    const board = {
      ...macroCredit,
      title: 'Board of Behavioral Health Examiners meeting',
      format: 'board-meeting',
      approvals: [],
    };
    const res = await request(t.server)
      .post('/api/credits')
      .set(as('ana'))
      .send(board)
      .expect(201);
    expect(res.body).toMatchObject({ format: 'board-meeting', version: 1 });
    const read = await request(t.server)
      .get(`/api/credits/${res.body.id}`)
      .set(as('ana'))
      .expect(200);
    expect(read.body.format).toBe('board-meeting');
  });

  it('refuses a practice split that does not add up, unknown codes and future dates, field by field', async () => {
    const res = await request(t.server)
      .post('/api/credits')
      .set(as('ana'))
      .send({ ...macroCredit, practice: { clinical: 1, macro: 1, general: 0 } })
      .expect(400);
    expect(res.body.fields.practice[0]).toMatch(/must equal hours \(3\)/);
    const codes = await request(t.server)
      .post('/api/credits')
      .set(as('ana'))
      .send({
        ...macroCredit,
        format: 'podcast',
        topics: ['astrology'],
        hours: -1,
      })
      .expect(400);
    expect(Object.keys(codes.body.fields).sort()).toEqual([
      'format',
      'hours',
      'topics',
    ]);
    const future = await request(t.server)
      .post('/api/credits')
      .set(as('ana'))
      .send({ ...macroCredit, completedOn: '2999-01-01' })
      .expect(400);
    expect(future.body.fields).toEqual({
      completedOn: ['completedOn cannot be in the future'],
    });
    const unreal = await request(t.server)
      .post('/api/credits')
      .set(as('ana'))
      .send({ ...macroCredit, completedOn: '2025-02-30' })
      .expect(400);
    expect(unreal.body.fields.completedOn).toEqual([
      'completedOn is not a real calendar date',
    ]);
    // One message per field, saying what is wrong first, not every rule the value breaks.
    const typed = await request(t.server)
      .post('/api/credits')
      .set(as('ana'))
      .send({
        ...macroCredit,
        hours: '3',
        topics: ['ethics', 'ethics'],
        practice: { clinical: 0, macro: 1.333, general: -1 },
      })
      .expect(400);
    expect(typed.body.fields).toEqual({
      hours: ['hours must be a number'],
      topics: ['topics must not list a topic twice'],
      'practice.macro': ['macro must have at most 2 decimals'],
      'practice.general': ['general must not be less than 0'],
    });
    const limits = await request(t.server)
      .post('/api/credits')
      .set(as('ana'))
      .send({ ...macroCredit, hours: 0 })
      .expect(400);
    expect(limits.body.fields.hours).toEqual(['hours must be more than 0']);
    const big = await request(t.server)
      .post('/api/credits')
      .set(as('ana'))
      .send({ ...macroCredit, hours: 201 })
      .expect(400);
    expect(big.body.fields.hours).toEqual(['hours must be at most 200']);
  });

  it('asks for practice and topics when they are left out', async () => {
    const { practice: _p, ...noPractice } = macroCredit;
    const { topics: _t, ...noTopics } = macroCredit;
    const missingPractice = await request(t.server)
      .post('/api/credits')
      .set(as('ana'))
      .send(noPractice)
      .expect(400);
    expect(missingPractice.body).toMatchObject({
      code: 'validation_failed',
      fields: { practice: ['practice is required'] },
    });
    const missingTopics = await request(t.server)
      .post('/api/credits')
      .set(as('ana'))
      .send(noTopics)
      .expect(400);
    expect(missingTopics.body.fields).toEqual({
      topics: ['topics is required'],
    });
  });

  it('refuses null for every field an edit cannot clear, on that field; null provider clears it', async () => {
    const created = await logCredit('ana');
    const refusals: [string, string][] = [
      ['title', 'title is required'],
      ['completedOn', 'completedOn is required'],
      ['hours', 'hours is required'],
      ['format', 'format is required'],
      ['topics', 'topics is required'],
      ['practice', 'practice is required'],
      ['macroAreas', 'macroAreas must not be null; send [] for none'],
      ['approvals', 'approvals must not be null; send [] for none'],
    ];
    for (const [field, message] of refusals) {
      const res = await request(t.server)
        .patch(`/api/credits/${created.id}`)
        .set(as('ana'))
        .send({ version: 1, [field]: null });
      expect({ field, status: res.status, body: res.body }).toMatchObject({
        field,
        status: 400,
        body: { code: 'validation_failed', fields: { [field]: [message] } },
      });
      expect(Object.keys(res.body.fields)).toEqual([field]);
    }
    const unchanged = await request(t.server)
      .get(`/api/credits/${created.id}`)
      .set(as('ana'))
      .expect(200);
    expect(unchanged.body).toMatchObject({ ...macroCredit, version: 1 });
    const cleared = await request(t.server)
      .patch(`/api/credits/${created.id}`)
      .set(as('ana'))
      .send({ version: 1, provider: null })
      .expect(200);
    expect(cleared.body).toMatchObject({
      ...macroCredit,
      provider: null,
      version: 2,
    });
  });

  it('refuses versions and pages beyond what PostgreSQL counts', async () => {
    const created = await logCredit('ana');
    for (const version of [1e308, 9007199254740992, 2147483648]) {
      const res = await request(t.server)
        .patch(`/api/credits/${created.id}`)
        .set(as('ana'))
        .send({ version, title: 'Too far' })
        .expect(400);
      expect(res.body.fields).toEqual({
        version: ['version must be at most 2147483647'],
      });
    }
    const page = await request(t.server)
      .get('/api/credits?page=1e20')
      .set(as('ana'))
      .expect(400);
    expect(page.body.fields).toEqual({
      page: ['page must be at most 100000'],
    });
    await request(t.server)
      .get('/api/credits?page=100000')
      .set(as('ana'))
      .expect(200);
  });

  it('detects a concurrent edit instead of overwriting it', async () => {
    const created = await logCredit('ana');
    const first = await request(t.server)
      .patch(`/api/credits/${created.id}`)
      .set(as('ana'))
      .send({ version: 1, title: 'Renamed once' })
      .expect(200);
    expect(first.body).toMatchObject({ title: 'Renamed once', version: 2 });
    const second = await request(t.server)
      .patch(`/api/credits/${created.id}`)
      .set(as('ana'))
      .send({ version: 1, title: 'Lost update' })
      .expect(409);
    expect(second.body.code).toBe('conflict');
    expect(
      (await request(t.server).get(`/api/credits/${created.id}`).set(as('ana')))
        .body.title,
    ).toBe('Renamed once');
  });

  it('keeps the version and the history when an edit changes nothing', async () => {
    const created = await logCredit('ana');
    for (let i = 0; i < 2; i++) {
      const same = await request(t.server)
        .patch(`/api/credits/${created.id}`)
        .set(as('ana'))
        .send({
          version: 1,
          title: macroCredit.title,
          // The same topics in another order are the same credit.
          topics: [...macroCredit.topics].reverse(),
        })
        .expect(200);
      expect(same.body).toMatchObject({ version: 1, title: macroCredit.title });
    }
    expect(await actions(created.id)).toEqual(['created']);
    // A stale version is still refused, change or not.
    await request(t.server)
      .patch(`/api/credits/${created.id}`)
      .set(as('ana'))
      .send({ version: 3 })
      .expect(409);
  });

  it('deletes softly, restores, and keeps the history of who changed what', async () => {
    const created = await logCredit('ana');
    await request(t.server)
      .patch(`/api/credits/${created.id}`)
      .set(as('ana'))
      .send({
        version: 1,
        hours: 4,
        practice: { clinical: 1, macro: 3, general: 0 },
      })
      .expect(200);
    await request(t.server)
      .delete(`/api/credits/${created.id}`)
      .set(as('ana'))
      .expect(204);
    const live = await request(t.server)
      .get('/api/credits?pageSize=100')
      .set(as('ana'))
      .expect(200);
    expect(live.body.items.map((c: { id: string }) => c.id)).not.toContain(
      created.id,
    );
    const deleted = await request(t.server)
      .get('/api/credits?deleted=true')
      .set(as('ana'))
      .expect(200);
    expect(deleted.body.items.map((c: { id: string }) => c.id)).toContain(
      created.id,
    );
    // Neither true nor false: refused, not silently read as false.
    const garbage = await request(t.server)
      .get('/api/credits?deleted=garbage')
      .set(as('ana'))
      .expect(400);
    expect(garbage.body.fields).toEqual({
      deleted: ['deleted must be true or false'],
    });
    await request(t.server)
      .get('/api/credits?deleted=false')
      .set(as('ana'))
      .expect(200);
    await request(t.server)
      .patch(`/api/credits/${created.id}`)
      .set(as('ana'))
      .send({ version: 3, title: 'x' })
      .expect(409);
    const restored = await request(t.server)
      .post(`/api/credits/${created.id}/restore`)
      .set(as('ana'))
      .expect(200);
    expect(restored.body.deletedAt).toBeNull();
    const history = await request(t.server)
      .get(`/api/credits/${created.id}/history`)
      .set(as('ana'))
      .expect(200);
    expect(history.body.map((e: { action: string }) => e.action)).toEqual([
      'created',
      'updated',
      'deleted',
      'restored',
    ]);
    expect(history.body[0].snapshot.hours).toBe(3);
    expect(history.body[1].snapshot.hours).toBe(4);
    expect(history.body[1].actor.name).toBe('ANA');
  });

  it("answers 404 for another user's credit, on every route", async () => {
    const created = await logCredit('ana');
    await request(t.server)
      .get(`/api/credits/${created.id}`)
      .set(as('ben'))
      .expect(404);
    await request(t.server)
      .patch(`/api/credits/${created.id}`)
      .set(as('ben'))
      .send({ version: 1, title: 'mine now' })
      .expect(404);
    await request(t.server)
      .delete(`/api/credits/${created.id}`)
      .set(as('ben'))
      .expect(404);
    await request(t.server)
      .post(`/api/credits/${created.id}/restore`)
      .set(as('ben'))
      .expect(404);
    await request(t.server)
      .get(`/api/credits/${created.id}/history`)
      .set(as('ben'))
      .expect(404);
    expect(
      (await request(t.server).get('/api/credits').set(as('ben')).expect(200))
        .body.total,
    ).toBe(0);
    await request(t.server)
      .get('/api/credits/not-a-uuid')
      .set(as('ana'))
      .expect(404);
  });

  it('pages the log newest completion first', async () => {
    for (const day of ['2025-03-01', '2025-04-01', '2025-05-01']) {
      await request(t.server)
        .post('/api/credits')
        .set(as('ben'))
        .send({ ...macroCredit, completedOn: day })
        .expect(201);
    }
    const page = await request(t.server)
      .get('/api/credits?page=1&pageSize=2')
      .set(as('ben'))
      .expect(200);
    expect(page.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(
      page.body.items.map((c: { completedOn: string }) => c.completedOn),
    ).toEqual(['2025-05-01', '2025-04-01']);
  });

  it('exports live credits as CSV with formula cells neutralised', async () => {
    await request(t.server)
      .post('/api/credits')
      .set(as('ben'))
      .send({ ...macroCredit, title: '=HYPERLINK("evil")' })
      .expect(201);
    await request(t.server)
      .post('/api/credits')
      .set(as('ben'))
      .send({ ...macroCredit, title: 'Zoë Ñúñez on Łódź' })
      .expect(201);
    const res = await request(t.server)
      .get('/api/credits/export.csv')
      .set(as('ben'))
      .buffer(true)
      .parse((r, cb) => {
        const parts: Buffer[] = [];
        r.on('data', (d: Buffer) => parts.push(d));
        r.on('end', () => cb(null, Buffer.concat(parts)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = res.body as Buffer;
    // The UTF-8 byte-order mark first, so Excel reads the file as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe(
      'id,title,provider,completed_on,hours,format,topics,clinical_hours,macro_hours,general_hours,macro_areas,approvals',
    );
    expect(lines).toHaveLength(6);
    expect(text).toContain(`"'=HYPERLINK(""evil"")"`);
    expect(text).toContain(',Zoë Ñúñez on Łódź,');
  });
});
