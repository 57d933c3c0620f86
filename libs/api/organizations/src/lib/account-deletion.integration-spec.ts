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

  it('hands an organisation it owned alone to its longest-standing admin, else member, and tells them', async () => {
    const orgId = await createOrg('boss', 'Garden State CE');
    await inviteAndAccept(orgId, 'boss', 'staff');
    await inviteAndAccept(orgId, 'boss', 'aide');
    const aideId = (await request(t.server).get('/api/me').set(as('aide'))).body
      .id;
    // aide joined later but is an admin: admins come before members.
    await request(t.server)
      .patch(`/api/organizations/${orgId}/members/${aideId}`)
      .set(as('boss'))
      .send({ role: 'admin' })
      .expect(200);
    await deleteAccount('boss').expect(204);
    await request(t.server).get('/api/me').set(as('boss')).expect(401);
    const roles = async (who: string) =>
      (
        await request(t.server)
          .get(`/api/organizations/${orgId}`)
          .set(as(who))
          .expect(200)
      ).body.myRole;
    expect(await roles('aide')).toBe('owner');
    expect(await roles('staff')).toBe('member');
    const mail = await t.smtp.waitFor(
      (m) =>
        m.envelope.to.includes('aide@example.org') &&
        m.subject === 'You are now an owner of Garden State CE on Mezzo',
    );
    expect(mail.text).toContain('boss Person deleted their Mezzo account.');
  });

  it('with no admin, the member who joined first takes over; a co-owned organisation is left as it is', async () => {
    const alpha = await createOrg('staff', 'Alpha Chapter');
    await inviteAndAccept(alpha, 'staff', 'friend');
    await inviteAndAccept(alpha, 'staff', 'aide');
    const beta = await createOrg('staff', 'Beta, Inc.');
    await inviteAndAccept(beta, 'staff', 'aide');
    const aideId = (await request(t.server).get('/api/me').set(as('aide'))).body
      .id;
    await request(t.server)
      .patch(`/api/organizations/${beta}/members/${aideId}`)
      .set(as('staff'))
      .send({ role: 'owner' })
      .expect(200);
    await deleteAccount('staff').expect(204);
    const role = async (who: string, org: string) =>
      (
        await request(t.server)
          .get(`/api/organizations/${org}`)
          .set(as(who))
          .expect(200)
      ).body.myRole;
    expect(await role('friend', alpha)).toBe('owner');
    expect(await role('aide', alpha)).toBe('member');
    expect(await role('aide', beta)).toBe('owner');
    expect(
      await count(
        `SELECT count(*) AS n FROM memberships WHERE organization_id = $1 AND role = 'owner'`,
        [beta],
      ),
    ).toBe(1);
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
