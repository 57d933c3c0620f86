import { AuthModule } from '@mezzo/api-auth';
import { createTestApp, type TestApp, registerUser } from '@mezzo/api-testing';
import request from 'supertest';
import { OrganizationsModule } from './organizations.module';

describe('organisations and memberships (HTTP, PostgreSQL)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

  beforeAll(async () => {
    t = await createTestApp([AuthModule, OrganizationsModule]);
    for (const who of ['owner', 'admin', 'member', 'outsider'])
      tokens[who] = await registerUser(
        t,
        who,
        `${who[0].toUpperCase()}${who.slice(1)} Person`,
      );
  });
  afterAll(() => t.close());

  let orgId: string;

  it('creates an organisation whose creator is its owner, and lists it in /me', async () => {
    const res = await request(t.server)
      .post('/api/organizations')
      .set(as('owner'))
      .send({ name: 'Garden State CE', kind: 'provider' })
      .expect(201);
    expect(res.body).toMatchObject({
      name: 'Garden State CE',
      kind: 'provider',
      myRole: 'owner',
    });
    orgId = res.body.id;
    const me = await request(t.server)
      .get('/api/me')
      .set(as('owner'))
      .expect(200);
    expect(me.body.memberships).toEqual([
      {
        organizationId: orgId,
        organizationName: 'Garden State CE',
        kind: 'provider',
        role: 'owner',
      },
    ]);
  });

  it('validates the kind and name', async () => {
    const res = await request(t.server)
      .post('/api/organizations')
      .set(as('owner'))
      .send({ name: ' ', kind: 'club' })
      .expect(400);
    expect(Object.keys(res.body.fields).sort()).toEqual(['kind', 'name']);
  });

  it('answers 404 — never the organisation — to someone who is not a member, and for malformed ids', async () => {
    expect(
      (
        await request(t.server)
          .get(`/api/organizations/${orgId}`)
          .set(as('outsider'))
          .expect(404)
      ).body.code,
    ).toBe('not_found');
    await request(t.server)
      .get(`/api/organizations/${orgId}/members`)
      .set(as('outsider'))
      .expect(404);
    await request(t.server)
      .post(`/api/organizations/${orgId}/members`)
      .set(as('outsider'))
      .send({ email: 'outsider@example.org', role: 'member' })
      .expect(404);
    await request(t.server)
      .get('/api/organizations/not-a-uuid')
      .set(as('owner'))
      .expect(404);
    expect(
      (
        await request(t.server)
          .get('/api/organizations')
          .set(as('outsider'))
          .expect(200)
      ).body,
    ).toEqual([]);
  });

  /** Invites `who` as `inviter`, then `who` accepts: the only way in besides creating. */
  const join = async (who: string, role: string, inviter: string) => {
    await request(t.server)
      .post(`/api/organizations/${orgId}/invitations`)
      .set(as(inviter))
      .send({ email: `${who}@example.org`, role })
      .expect(202);
    const mine = await request(t.server)
      .get('/api/me/invitations')
      .set(as(who))
      .expect(200);
    const invitation = (
      mine.body as { id: string; organizationId: string }[]
    ).find((i) => i.organizationId === orgId);
    await request(t.server)
      .post(`/api/me/invitations/${invitation!.id}/accept`)
      .set(as(who))
      .expect(200);
  };

  it('lets owners and admins bring members in by invitation; members cannot invite', async () => {
    await join('admin', 'admin', 'owner');
    await join('member', 'member', 'admin');
    const members = await request(t.server)
      .get(`/api/organizations/${orgId}/members`)
      .set(as('owner'))
      .expect(200);
    expect(
      (members.body.items as { email: string; role: string }[]).map(
        (m) => `${m.email}:${m.role}`,
      ),
    ).toEqual([
      'admin@example.org:admin',
      'member@example.org:member',
      'owner@example.org:owner',
    ]);
    // A plain member does not see the others' names and emails; an admin does.
    const refused = await request(t.server)
      .get(`/api/organizations/${orgId}/members`)
      .set(as('member'))
      .expect(403);
    expect(refused.body).toMatchObject({
      code: 'forbidden',
      message: 'Only owners and admins can see the member list',
    });
    await request(t.server)
      .get(`/api/organizations/${orgId}/members`)
      .set(as('admin'))
      .expect(200);
    await request(t.server)
      .post(`/api/organizations/${orgId}/invitations`)
      .set(as('admin'))
      .send({ email: 'outsider@example.org', role: 'owner' })
      .expect(403);
    await request(t.server)
      .post(`/api/organizations/${orgId}/invitations`)
      .set(as('member'))
      .send({ email: 'outsider@example.org', role: 'member' })
      .expect(403);
    const dup = await request(t.server)
      .post(`/api/organizations/${orgId}/invitations`)
      .set(as('owner'))
      .send({ email: 'Member@Example.org', role: 'member' })
      .expect(409);
    expect(dup.body.fields).toEqual({ email: ['is already a member'] });
  });

  it('pages the member list', async () => {
    const page1 = await request(t.server)
      .get(`/api/organizations/${orgId}/members?page=1&pageSize=2`)
      .set(as('owner'))
      .expect(200);
    expect(page1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.body.items).toHaveLength(2);
    const page2 = await request(t.server)
      .get(`/api/organizations/${orgId}/members?page=2&pageSize=2`)
      .set(as('owner'))
      .expect(200);
    expect(page2.body.items).toHaveLength(1);
    await request(t.server)
      .get(`/api/organizations/${orgId}/members?pageSize=1000`)
      .set(as('owner'))
      .expect(400);
    // A page past what the query's offset can hold is refused, not a database error.
    const far = await request(t.server)
      .get(`/api/organizations/${orgId}/members?page=1e20`)
      .set(as('owner'))
      .expect(400);
    expect(far.body.fields).toEqual({ page: ['page must be at most 100000'] });
  });

  it('keeps at least one owner', async () => {
    const ownerId = (await request(t.server).get('/api/me').set(as('owner')))
      .body.id;
    expect(
      (
        await request(t.server)
          .delete(`/api/organizations/${orgId}/members/${ownerId}`)
          .set(as('owner'))
          .expect(409)
      ).body.code,
    ).toBe('conflict');
    await request(t.server)
      .patch(`/api/organizations/${orgId}/members/${ownerId}`)
      .set(as('owner'))
      .send({ role: 'admin' })
      .expect(409);
  });

  it('lets a member leave, and then they no longer see it', async () => {
    const memberId = (await request(t.server).get('/api/me').set(as('member')))
      .body.id;
    // Removing someone else is refused the same way whether they belong or not: no membership oracle.
    const adminId = (await request(t.server).get('/api/me').set(as('admin')))
      .body.id;
    for (const target of [adminId, '00000000-0000-4000-8000-000000000000'])
      expect(
        (
          await request(t.server)
            .delete(`/api/organizations/${orgId}/members/${target}`)
            .set(as('member'))
            .expect(403)
        ).body.message,
      ).toBe('Only owners and admins can remove members');
    await request(t.server)
      .delete(`/api/organizations/${orgId}/members/${memberId}`)
      .set(as('member'))
      .expect(204);
    await request(t.server)
      .get(`/api/organizations/${orgId}`)
      .set(as('member'))
      .expect(404);
  });
});
