import { AuthModule } from '@mezzo/api-auth';
import { createTestApp, registerUser, type TestApp } from '@mezzo/api-testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { OrganizationsModule } from './organizations.module';

/** The token in an invitation email's link to the web app. */
const LINK = /http:\/\/mezzo\.test\/invitations\?token=([A-Za-z0-9_%-]+)/;

describe('invitations to organisations (HTTP, PostgreSQL, SMTP)', () => {
  let t: TestApp;
  let db: DataSource;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  let orgId: string;

  const invite = (inviter: string, email: string, role = 'member') =>
    request(t.server)
      .post(`/api/organizations/${orgId}/invitations`)
      .set(as(inviter))
      .send({ email, role });
  const pendingOf = async (who: string) =>
    (
      await request(t.server)
        .get('/api/me/invitations')
        .set(as(who))
        .expect(200)
    ).body as {
      id: string;
      organizationId: string;
      organizationName: string;
      role: string;
      invitedByName: string | null;
      expiresAt: string;
    }[];
  const memberEmails = async () =>
    (
      (
        await request(t.server)
          .get(`/api/organizations/${orgId}/members`)
          .set(as('owner'))
          .expect(200)
      ).body.items as { email: string }[]
    ).map((m) => m.email);
  const mailTo = (email: string) =>
    t.smtp.messages.filter((m) => m.envelope.to.includes(email));

  beforeAll(async () => {
    t = await createTestApp([AuthModule, OrganizationsModule]);
    db = t.app.get<DataSource>(getDataSourceToken());
    for (const who of ['owner', 'admin', 'member', 'sam', 'kim', 'outsider'])
      tokens[who] = await registerUser(t, who, `${who} Person`);
    orgId = (
      await request(t.server)
        .post('/api/organizations')
        .set(as('owner'))
        .send({ name: 'Garden State CE', kind: 'provider' })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  it('answers the same 202 for an address with an account and one without, and adds nobody', async () => {
    const known = await invite('owner', 'sam@example.org').expect(202);
    const unknown = await invite('owner', 'nobody@example.org').expect(202);
    const shape = (b: Record<string, unknown>) => ({
      keys: Object.keys(b).sort(),
      role: b['role'],
      expiresInDays: Math.round(
        (Date.parse(String(b['expiresAt'])) - Date.now()) / 86_400_000,
      ),
    });
    expect(shape(known.body)).toEqual(shape(unknown.body));
    expect(shape(known.body)).toEqual({
      keys: ['email', 'expiresAt', 'role'],
      role: 'member',
      expiresInDays: 14,
    });
    // The old direct-add route now invites too, with the same answer.
    const alias = await request(t.server)
      .post(`/api/organizations/${orgId}/members`)
      .set(as('owner'))
      .send({ email: 'ghost@example.org', role: 'owner' })
      .expect(202);
    expect(shape(alias.body)).toEqual({ ...shape(known.body), role: 'owner' });
    expect(await memberEmails()).toEqual(['owner@example.org']);
    await request(t.server)
      .get(`/api/organizations/${orgId}`)
      .set(as('sam'))
      .expect(404);
  });

  it('emails the address a link whose token finds the invitation for that address only', async () => {
    const mail = await t.smtp.waitFor((m) =>
      m.envelope.to.includes('sam@example.org'),
    );
    expect(mail.subject).toBe(
      'Garden State CE invites you to join them on Mezzo',
    );
    expect(mail.text).toContain(
      'owner Person invites you to join Garden State CE',
    );
    const token = decodeURIComponent(LINK.exec(mail.text ?? '')![1]);
    const found = await request(t.server)
      .post('/api/me/invitations/lookup')
      .set(as('sam'))
      .send({ token })
      .expect(200);
    expect(found.body).toMatchObject({
      organizationId: orgId,
      organizationName: 'Garden State CE',
      role: 'member',
      invitedByName: 'owner Person',
    });
    // Forwarded to someone else, the link opens nothing.
    await request(t.server)
      .post('/api/me/invitations/lookup')
      .set(as('kim'))
      .send({ token })
      .expect(404);
    await request(t.server)
      .post('/api/me/invitations/lookup')
      .set(as('sam'))
      .send({ token: 'not-a-real-token' })
      .expect(404);
    const bad = await request(t.server)
      .post('/api/me/invitations/lookup')
      .set(as('sam'))
      .send({})
      .expect(400);
    expect(Object.keys(bad.body.fields)).toEqual(['token']);
    // An address without an account is invited to Mezzo all the same.
    const other = await t.smtp.waitFor((m) =>
      m.envelope.to.includes('nobody@example.org'),
    );
    expect(other.text).toMatch(LINK);
  });

  it('refreshes a pending invitation when the same address is invited again', async () => {
    const before = mailTo('sam@example.org').length;
    await invite('owner', 'SAM@Example.org', 'admin').expect(202);
    const mails = await (async () => {
      await t.smtp.waitFor(() => mailTo('sam@example.org').length > before);
      return mailTo('sam@example.org');
    })();
    const oldToken = decodeURIComponent(LINK.exec(mails[0].text ?? '')![1]);
    const newToken = decodeURIComponent(
      LINK.exec(mails[mails.length - 1].text ?? '')![1],
    );
    const mine = await pendingOf('sam');
    expect(mine).toHaveLength(1);
    expect(mine[0].role).toBe('admin');
    await request(t.server)
      .post('/api/me/invitations/lookup')
      .set(as('sam'))
      .send({ token: oldToken })
      .expect(404);
    await request(t.server)
      .post('/api/me/invitations/lookup')
      .set(as('sam'))
      .send({ token: newToken })
      .expect(200);
    const open = await request(t.server)
      .get(`/api/organizations/${orgId}/invitations`)
      .set(as('owner'))
      .expect(200);
    expect(
      (open.body as { email: string; role: string }[]).map(
        (i) => `${i.email}:${i.role}`,
      ),
    ).toEqual([
      'ghost@example.org:owner',
      'nobody@example.org:member',
      'sam@example.org:admin',
    ]);
  });

  it('makes the invitee a member with the invited role when they accept, once', async () => {
    const [invitation] = await pendingOf('sam');
    // Someone else cannot answer it, whatever they try.
    for (const action of ['accept', 'decline'])
      await request(t.server)
        .post(`/api/me/invitations/${invitation.id}/${action}`)
        .set(as('kim'))
        .expect(404);
    const accepted = await request(t.server)
      .post(`/api/me/invitations/${invitation.id}/accept`)
      .set(as('sam'))
      .expect(200);
    expect(accepted.body).toMatchObject({
      id: orgId,
      name: 'Garden State CE',
      myRole: 'admin',
    });
    expect(await memberEmails()).toEqual([
      'owner@example.org',
      'sam@example.org',
    ]);
    expect(await pendingOf('sam')).toEqual([]);
    await request(t.server)
      .post(`/api/me/invitations/${invitation.id}/accept`)
      .set(as('sam'))
      .expect(404);
  });

  it('lets an owner invite an owner, which takes effect only on acceptance', async () => {
    await invite('owner', 'kim@example.org', 'owner').expect(202);
    await request(t.server)
      .get(`/api/organizations/${orgId}`)
      .set(as('kim'))
      .expect(404);
    const [invitation] = await pendingOf('kim');
    expect(invitation.role).toBe('owner');
    expect(
      (
        await request(t.server)
          .post(`/api/me/invitations/${invitation.id}/accept`)
          .set(as('kim'))
          .expect(200)
      ).body.myRole,
    ).toBe('owner');
  });

  it('declining joins nothing, and the invitation is gone', async () => {
    await invite('owner', 'member@example.org').expect(202);
    const [invitation] = await pendingOf('member');
    await request(t.server)
      .post(`/api/me/invitations/${invitation.id}/decline`)
      .set(as('member'))
      .expect(204);
    expect(await pendingOf('member')).toEqual([]);
    await request(t.server)
      .post(`/api/me/invitations/${invitation.id}/accept`)
      .set(as('member'))
      .expect(404);
    expect(await memberEmails()).not.toContain('member@example.org');
  });

  it('an expired invitation is no longer listed and cannot be answered', async () => {
    await invite('owner', 'admin@example.org', 'admin').expect(202);
    const [invitation] = await pendingOf('admin');
    await db.query(
      `UPDATE organization_invitations SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [invitation.id],
    );
    expect(await pendingOf('admin')).toEqual([]);
    for (const action of ['accept', 'decline'])
      await request(t.server)
        .post(`/api/me/invitations/${invitation.id}/${action}`)
        .set(as('admin'))
        .expect(404);
    await request(t.server)
      .post('/api/me/invitations/not-a-uuid/accept')
      .set(as('admin'))
      .expect(404);
    expect(await memberEmails()).not.toContain('admin@example.org');
  });

  it('documents the invitation routes, with the old direct add marked deprecated', async () => {
    const doc = (await request(t.server).get('/api/openapi.json').expect(200))
      .body as {
      paths: Record<
        string,
        Record<
          string,
          { deprecated?: boolean; responses: Record<string, unknown> }
        >
      >;
    };
    const invite = doc.paths['/api/organizations/{id}/invitations']['post'];
    const alias = doc.paths['/api/organizations/{id}/members']['post'];
    expect(Object.keys(invite.responses)).toEqual(['202']);
    expect(alias.deprecated).toBe(true);
    expect(Object.keys(alias.responses)).toEqual(['202']);
    expect(
      Object.keys(
        doc.paths['/api/organizations/{id}/invitations/{invitationId}'][
          'delete'
        ].responses,
      ),
    ).toEqual(['204']);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/me/invitations',
        '/api/me/invitations/lookup',
        '/api/me/invitations/{id}/accept',
        '/api/me/invitations/{id}/decline',
      ]),
    );
  });

  it('lets only owners and admins invite: 403 for a member, 404 for an outsider', async () => {
    await invite('owner', 'member@example.org').expect(202);
    const [invitation] = await pendingOf('member');
    await request(t.server)
      .post(`/api/me/invitations/${invitation.id}/accept`)
      .set(as('member'))
      .expect(200);
    const before = t.smtp.messages.length;
    await invite('member', 'outsider@example.org').expect(403);
    await invite('outsider', 'outsider@example.org').expect(404);
    await request(t.server)
      .get(`/api/organizations/${orgId}/invitations`)
      .set(as('member'))
      .expect(403);
    // An admin may invite, but not an owner.
    await invite('sam', 'outsider@example.org', 'owner').expect(403);
    expect(await pendingOf('outsider')).toEqual([]);
    expect(t.smtp.messages.length).toBe(before);
    const bad = await invite('owner', 'not an email', 'boss').expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['email', 'role']);
    // Valid by RFC 5322 but not a plain address: the mailer would never deliver the invitation.
    const quoted = await invite('owner', '"a b"@example.org', 'member').expect(
      400,
    );
    expect(quoted.body.fields).toEqual({
      email: ['email must be a plain address such as name@example.org'],
    });
  });

  it('lets owners and admins withdraw an open invitation, whose link then opens nothing', async () => {
    const listed = async () =>
      (
        await request(t.server)
          .get(`/api/organizations/${orgId}/invitations`)
          .set(as('owner'))
          .expect(200)
      ).body as { id: string; email: string; role: string }[];
    const withdraw = (who: string, id: string, org = orgId) =>
      request(t.server)
        .delete(`/api/organizations/${org}/invitations/${id}`)
        .set(as(who));
    const earlier = new Set(t.smtp.messages);
    await invite('owner', 'outsider@example.org').expect(202);
    const mail = await t.smtp.waitFor(
      (m) => !earlier.has(m) && m.envelope.to.includes('outsider@example.org'),
    );
    const token = decodeURIComponent(LINK.exec(mail.text ?? '')![1]);
    const invitation = (await listed()).find(
      (i) => i.email === 'outsider@example.org',
    )!;
    expect(invitation).toMatchObject({ role: 'member' });
    expect(invitation.id).toEqual((await pendingOf('outsider'))[0].id);

    // A plain member may not; someone outside the organisation learns nothing.
    await withdraw('member', invitation.id).expect(403);
    await withdraw('admin', invitation.id).expect(404);
    // An admin may withdraw a member's invitation, not an invitation to be an owner.
    await invite('owner', 'nobody@example.org', 'owner').expect(202);
    const toOwner = (await listed()).find(
      (i) => i.email === 'nobody@example.org',
    )!;
    await withdraw('sam', toOwner.id).expect(403);
    await withdraw('owner', toOwner.id).expect(204);
    await withdraw('sam', invitation.id).expect(204);
    const left = (await listed()).map((i) => i.email);
    expect(left).not.toContain('outsider@example.org');
    expect(left).not.toContain('nobody@example.org');

    // The invitee no longer sees it, and neither its link nor its id answers.
    expect(await pendingOf('outsider')).toEqual([]);
    await request(t.server)
      .post('/api/me/invitations/lookup')
      .set(as('outsider'))
      .send({ token })
      .expect(404);
    for (const action of ['accept', 'decline'])
      await request(t.server)
        .post(`/api/me/invitations/${invitation.id}/${action}`)
        .set(as('outsider'))
        .expect(404);
    expect(await memberEmails()).not.toContain('outsider@example.org');
    await withdraw('owner', invitation.id).expect(404);
    await withdraw('owner', 'not-a-uuid').expect(404);

    // Another organisation's invitation is not this one's to withdraw.
    const otherOrg = (
      await request(t.server)
        .post('/api/organizations')
        .set(as('outsider'))
        .send({ name: 'Other CE', kind: 'association' })
        .expect(201)
    ).body.id as string;
    await request(t.server)
      .post(`/api/organizations/${otherOrg}/invitations`)
      .set(as('outsider'))
      .send({ email: 'kim@example.org', role: 'member' })
      .expect(202);
    const [theirs] = (
      await request(t.server)
        .get(`/api/organizations/${otherOrg}/invitations`)
        .set(as('outsider'))
        .expect(200)
    ).body as { id: string }[];
    await withdraw('owner', theirs.id).expect(404);
    expect((await pendingOf('kim')).map((i) => i.id)).toContain(theirs.id);

    // The address can be invited again, with a new link.
    await invite('owner', 'outsider@example.org').expect(202);
    const again = await pendingOf('outsider');
    expect(again).toHaveLength(1);
    expect(again[0].id).not.toBe(invitation.id);
  });
});
