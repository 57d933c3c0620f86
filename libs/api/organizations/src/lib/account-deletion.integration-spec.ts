import { AuthModule } from '@mezzo/api-auth';
import {
  createTestApp,
  registerUser,
  TEST_PASSWORD,
  type TestApp,
} from '@mezzo/api-testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { OrganizationsModule } from './organizations.module';

/** Account deletion (libs/api/auth) as it meets organisations: it must never dead-end. */
describe('deleting an account that belongs to organisations (HTTP, PostgreSQL)', () => {
  let t: TestApp;
  let db: DataSource;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

  const createOrg = async (who: string, name: string) =>
    (
      await request(t.server)
        .post('/api/organizations')
        .set(as(who))
        .send({ name, kind: 'association' })
        .expect(201)
    ).body.id as string;
  const inviteAndAccept = async (
    orgId: string,
    inviter: string,
    who: string,
  ) => {
    await request(t.server)
      .post(`/api/organizations/${orgId}/invitations`)
      .set(as(inviter))
      .send({ email: `${who}@example.org`, role: 'member' })
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
  const deleteAccount = (who: string) =>
    request(t.server)
      .delete('/api/me')
      .set(as(who))
      .send({ password: TEST_PASSWORD });
  const count = async (sql: string, params: unknown[]) =>
    Number(((await db.query(sql, params)) as { n: string }[])[0].n);

  beforeAll(async () => {
    t = await createTestApp([AuthModule, OrganizationsModule]);
    db = t.app.get<DataSource>(getDataSourceToken());
    for (const who of ['solo', 'friend', 'boss', 'staff', 'aide', 'leaver'])
      tokens[who] = await registerUser(t, who, `${who} Person`);
  });
  afterAll(() => t.close());

  it('deletes an organisation the user is alone in, with its invitations, along with the account', async () => {
    const orgId = await createOrg('solo', 'Solo Practice');
    await request(t.server)
      .post(`/api/organizations/${orgId}/invitations`)
      .set(as('solo'))
      .send({ email: 'friend@example.org', role: 'admin' })
      .expect(202);
    await deleteAccount('solo').expect(204);
    const params = [orgId];
    expect(
      await count(
        'SELECT count(*) AS n FROM organizations WHERE id = $1',
        params,
      ),
    ).toBe(0);
    expect(
      await count(
        'SELECT count(*) AS n FROM organization_invitations WHERE organization_id = $1',
        params,
      ),
    ).toBe(0);
    expect(
      (await request(t.server).get('/api/me/invitations').set(as('friend')))
        .body,
    ).toEqual([]);
  });

  it('refuses while the user is the only owner of an organisation with other members, saying what to do', async () => {
    const orgId = await createOrg('boss', 'Garden State CE');
    await inviteAndAccept(orgId, 'boss', 'staff');
    await inviteAndAccept(orgId, 'boss', 'aide');
    const refused = await deleteAccount('boss').expect(409);
    expect(refused.body).toMatchObject({
      code: 'sole_owner',
      message:
        'You are the only owner of Garden State CE, which has 2 other members. ' +
        'Make one of them an owner of Garden State CE, or remove them, then delete your account again. ' +
        'Organisations where you are the only member are deleted with your account.',
    });
    await request(t.server).get('/api/me').set(as('boss')).expect(200);

    // Doing what it says lets the deletion through, and the organisation lives on.
    const staffId = (await request(t.server).get('/api/me').set(as('staff')))
      .body.id;
    await request(t.server)
      .patch(`/api/organizations/${orgId}/members/${staffId}`)
      .set(as('boss'))
      .send({ role: 'owner' })
      .expect(200);
    await deleteAccount('boss').expect(204);
    const org = await request(t.server)
      .get(`/api/organizations/${orgId}`)
      .set(as('staff'))
      .expect(200);
    expect(org.body.myRole).toBe('owner');
  });

  it('names every organisation that holds the deletion up', async () => {
    const a = await createOrg('staff', 'Alpha Chapter');
    const b = await createOrg('staff', 'Beta, Inc.');
    await inviteAndAccept(a, 'staff', 'aide');
    await inviteAndAccept(b, 'staff', 'aide');
    const refused = await deleteAccount('staff').expect(409);
    // Garden State CE has a single owner too (staff), with aide as its other member.
    expect(refused.body.message).toBe(
      'You are the only owner of Alpha Chapter (1 other member), Beta, Inc. (1 other member) and Garden State CE (1 other member). ' +
        'In each, make another member an owner, or remove the other members, then delete your account again. ' +
        'Organisations where you are the only member are deleted with your account.',
    );
  });

  it('removes invitations addressed to the deleted account', async () => {
    const orgId = await createOrg('aide', 'Aide Network');
    await request(t.server)
      .post(`/api/organizations/${orgId}/invitations`)
      .set(as('aide'))
      .send({ email: 'leaver@example.org', role: 'member' })
      .expect(202);
    await deleteAccount('leaver').expect(204);
    expect(
      (
        await request(t.server)
          .get(`/api/organizations/${orgId}/invitations`)
          .set(as('aide'))
          .expect(200)
      ).body,
    ).toEqual([]);
  });
});
