import {
  createTestApp,
  registerUser,
  TEST_PASSWORD,
  type ReceivedMail,
  type TestApp,
} from '@mezzo/api-testing';
import { REFRESH_COOKIE } from '@mezzo/shared-contracts';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AuthModule } from './auth.module';
import { sha256 } from './secrets';

const CONFIRM_SUBJECT = 'Confirm your new Mezzo sign-in email';
const CHANGED_SUBJECT = 'Your Mezzo sign-in email was changed';
const NEW_PASSWORD_SUBJECT = 'Choose a new Mezzo password';
const RESET_SUBJECT = 'Reset your Mezzo password';
const CONFIRM_LINK =
  /http:\/\/mezzo\.test\/account\/email\?token=([A-Za-z0-9_%-]+)/;
const REVERT_LINK =
  /http:\/\/mezzo\.test\/account\/email\/revert\?token=([A-Za-z0-9_%-]+)/;
const RESET_LINK =
  /http:\/\/mezzo\.test\/reset-password\?token=([A-Za-z0-9_%-]+)/;

function refreshCookie(res: request.Response): string {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = cookies.find((c) => c.startsWith(`${REFRESH_COOKIE}=`));
  if (!cookie) throw new Error('no refresh cookie');
  return cookie.split(';')[0];
}

/** Helpers over one test app: mail read from its SMTP server, changes made over HTTP. */
function helpers(t: () => TestApp) {
  const mailsTo = (address: string, subject?: string): ReceivedMail[] =>
    t().smtp.messages.filter(
      (m) =>
        m.envelope.to.includes(address) &&
        (subject === undefined || m.subject === subject),
    );
  /** The token of a link in the `count`-th mail with this subject to `address` (newest by default). */
  const tokenIn = async (
    address: string,
    subject: string,
    link: RegExp,
    count = 1,
  ): Promise<string> => {
    await t().smtp.waitFor(() => mailsTo(address, subject).length >= count);
    const mail = mailsTo(address, subject).at(-1)!;
    const found = link.exec(mail.text ?? '');
    if (!found) throw new Error(`no link in "${subject}" to ${address}`);
    return decodeURIComponent(found[1]);
  };
  /**
   * Moves the account signed in with `access` from its address to `to` (asked with the password,
   * confirmed by the link), and answers the undo link's token from the notice to `from`.
   */
  const change = async (
    access: string,
    from: string,
    to: string,
  ): Promise<string> => {
    const notices = mailsTo(from, CHANGED_SUBJECT).length;
    const links = mailsTo(to, CONFIRM_SUBJECT).length;
    await request(t().server)
      .post('/api/me/email')
      .set({ Authorization: `Bearer ${access}` })
      .send({ email: to, password: TEST_PASSWORD })
      .expect(202);
    const confirmToken = await tokenIn(
      to,
      CONFIRM_SUBJECT,
      CONFIRM_LINK,
      links + 1,
    );
    await request(t().server)
      .post('/api/me/email/confirm')
      .send({ token: confirmToken })
      .expect(200);
    return tokenIn(from, CHANGED_SUBJECT, REVERT_LINK, notices + 1);
  };
  return { mailsTo, tokenIn, change };
}

describe('undoing a confirmed email change from the old address (HTTP, PostgreSQL, SMTP)', () => {
  let t: TestApp;
  let db: DataSource;
  const { mailsTo, tokenIn, change } = helpers(() => t);

  beforeAll(async () => {
    t = await createTestApp([AuthModule]);
    db = t.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(() => t.close());

  const revert = (token: unknown) =>
    request(t.server).post('/api/me/email/revert').send({ token });
  const signIn = (email: string, password = TEST_PASSWORD) =>
    request(t.server).post('/api/auth/sign-in').send({ email, password });
  const emailOf = async (userId: string): Promise<string> =>
    (
      (await db.query(`SELECT email FROM users WHERE id = $1`, [userId])) as {
        email: string;
      }[]
    )[0].email;
  const idOf = async (access: string): Promise<string> =>
    (
      await request(t.server)
        .get('/api/me')
        .set({ Authorization: `Bearer ${access}` })
        .expect(200)
    ).body.id as string;

  it('sets the email back, ends every session, voids the password, drops pending changes and reset links, and sends a link to choose a new password', async () => {
    const ownerAccess = await registerUser(t, 'owner', 'Olu Owner');
    const ownerId = await idOf(ownerAccess);
    // A second device of the owner's, with its refresh cookie.
    const laptop = await signIn('owner@example.org').expect(200);
    const laptopCookie = refreshCookie(laptop);
    const laptopAuth = {
      Authorization: `Bearer ${laptop.body.accessToken as string}`,
    };

    // Someone with the password moves the account to an address of theirs.
    const token = await change(
      ownerAccess,
      'owner@example.org',
      'thief@example.org',
    );
    const notice = mailsTo('owner@example.org', CHANGED_SUBJECT)[0];
    expect(notice.text).toContain(
      'Your Mezzo sign-in email was changed to thief@example.org.',
    );
    expect(notice.text).toContain("If this wasn't you");
    expect(notice.text).toContain('The link works once, for 7 days.');
    expect(notice.html).toMatch(REVERT_LINK);
    // Stored as its SHA-256 only, for 7 days, tied to both addresses.
    const [row] = (await db.query(
      `SELECT token_hash, old_email, new_email,
              EXTRACT(EPOCH FROM expires_at - created_at) AS ttl
         FROM email_reverts WHERE user_id = $1`,
      [ownerId],
    )) as {
      token_hash: string;
      old_email: string;
      new_email: string;
      ttl: string;
    }[];
    expect(row).toMatchObject({
      token_hash: sha256(token),
      old_email: 'owner@example.org',
      new_email: 'thief@example.org',
    });
    expect(Math.abs(Number(row.ttl) - 7 * 86_400)).toBeLessThan(60);

    // They sign in with it, ask for a reset link and start another change.
    const thief = await signIn('thief@example.org').expect(200);
    const thiefAuth = {
      Authorization: `Bearer ${thief.body.accessToken as string}`,
    };
    await request(t.server)
      .post('/api/auth/password/forgot')
      .send({ email: 'thief@example.org' })
      .expect(202);
    const thiefReset = await tokenIn(
      'thief@example.org',
      RESET_SUBJECT,
      RESET_LINK,
    );
    await request(t.server)
      .post('/api/me/email')
      .set(thiefAuth)
      .send({ email: 'thief.two@example.org', password: TEST_PASSWORD })
      .expect(202);
    const thiefConfirm = await tokenIn(
      'thief.two@example.org',
      CONFIRM_SUBJECT,
      CONFIRM_LINK,
    );
    // Every session is in use (and so known live to this process) right before the undo.
    for (const auth of [
      { Authorization: `Bearer ${ownerAccess}` },
      laptopAuth,
      thiefAuth,
    ])
      await request(t.server).get('/api/me').set(auth).expect(200);

    // The owner opens the link from the notice, on a device with no session.
    const undone = await revert(token).expect(200);
    expect(undone.body).toEqual({ email: 'owner@example.org' });
    expect(await emailOf(ownerId)).toBe('owner@example.org');

    // Every session has ended, at once: access tokens and refresh cookies alike.
    for (const auth of [
      { Authorization: `Bearer ${ownerAccess}` },
      laptopAuth,
      thiefAuth,
    ]) {
      const refused = await request(t.server)
        .get('/api/me')
        .set(auth)
        .expect(401);
      expect(refused.body.code).toBe('session_ended');
    }
    for (const cookie of [laptopCookie, refreshCookie(thief)])
      await request(t.server)
        .post('/api/auth/refresh')
        .set('Cookie', cookie)
        .expect(401);

    // Neither address signs in with the old password; the pending change and reset link are dead.
    expect((await signIn('owner@example.org').expect(401)).body.code).toBe(
      'invalid_credentials',
    );
    await signIn('thief@example.org').expect(401);
    expect(
      (
        await request(t.server)
          .post('/api/auth/password/reset')
          .send({ token: thiefReset, newPassword: 'mine now, or so I hoped' })
          .expect(400)
      ).body.code,
    ).toBe('invalid_reset_token');
    expect(
      (
        await request(t.server)
          .post('/api/me/email/confirm')
          .send({ token: thiefConfirm })
          .expect(400)
      ).body.code,
    ).toBe('invalid_email_change_token');

    // The restored address gets a link to choose a new password, which signs in again.
    const mail = await t.smtp.waitFor(
      (m) =>
        m.envelope.to.includes('owner@example.org') &&
        m.subject === NEW_PASSWORD_SUBJECT,
    );
    expect(mail.text).toContain('Hi Olu Owner,');
    expect(mail.text).toContain('that password no longer works');
    expect(mailsTo('thief@example.org', NEW_PASSWORD_SUBJECT)).toHaveLength(0);
    const resetToken = decodeURIComponent(RESET_LINK.exec(mail.text ?? '')![1]);
    await request(t.server)
      .post('/api/auth/password/reset')
      .send({ token: resetToken, newPassword: 'a brand new passphrase' })
      .expect(204);
    const back = await signIn(
      'owner@example.org',
      'a brand new passphrase',
    ).expect(200);
    expect(back.body.user.email).toBe('owner@example.org');

    // The link works once.
    const again = await revert(token).expect(400);
    expect(again.body).toMatchObject({
      statusCode: 400,
      code: 'invalid_email_revert_token',
      fields: { token: ['is invalid or expired'] },
    });
    expect(await emailOf(ownerId)).toBe('owner@example.org');
  });

  it('refuses an expired link and changes nothing', async () => {
    const access = await registerUser(t, 'slowreader');
    const id = await idOf(access);
    const token = await change(
      access,
      'slowreader@example.org',
      'slowreader.new@example.org',
    );
    await db.query(
      `UPDATE email_reverts SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [id],
    );
    expect((await revert(token).expect(400)).body.code).toBe(
      'invalid_email_revert_token',
    );
    expect(await emailOf(id)).toBe('slowreader.new@example.org');
    await request(t.server)
      .get('/api/me')
      .set({ Authorization: `Bearer ${access}` })
      .expect(200);
    await signIn('slowreader.new@example.org').expect(200);
    expect(
      mailsTo('slowreader@example.org', NEW_PASSWORD_SUBJECT),
    ).toHaveLength(0);
  });

  it('keeps the oldest open link: a later change gets none, and that link restores the first address', async () => {
    const access = await registerUser(t, 'hopper');
    const id = await idOf(access);
    const first = await change(
      access,
      'hopper@example.org',
      'hopper.b@example.org',
    );
    // Changed again within the 7 days (the taker covering their tracks): no new link, and the
    // notice to the intermediate address says the first link still undoes it.
    await request(t.server)
      .post('/api/me/email')
      .set({ Authorization: `Bearer ${access}` })
      .send({ email: 'hopper.c@example.org', password: TEST_PASSWORD })
      .expect(202);
    const confirmC = await tokenIn(
      'hopper.c@example.org',
      CONFIRM_SUBJECT,
      CONFIRM_LINK,
    );
    await request(t.server)
      .post('/api/me/email/confirm')
      .send({ token: confirmC })
      .expect(200);
    await t.smtp.waitFor(
      () => mailsTo('hopper.b@example.org', CHANGED_SUBJECT).length >= 1,
    );
    const notice = mailsTo('hopper.b@example.org', CHANGED_SUBJECT)[0];
    expect(notice.text).not.toMatch(REVERT_LINK);
    expect(notice.text).toContain('the undo link sent then');
    expect(
      await db.query(`SELECT old_email FROM email_reverts WHERE user_id = $1`, [
        id,
      ]),
    ).toEqual([{ old_email: 'hopper@example.org' }]);
    // The first link restores the owner's address, whatever the account was moved to since.
    expect((await revert(first).expect(200)).body).toEqual({
      email: 'hopper@example.org',
    });
    expect(await emailOf(id)).toBe('hopper@example.org');
    // Used already.
    expect((await revert(first).expect(400)).body.code).toBe(
      'invalid_email_revert_token',
    );
  });

  it('holds the old address while its link is open: nobody else can register it or move to it', async () => {
    const access = await registerUser(t, 'held');
    const other = await registerUser(t, 'grabber');
    await change(access, 'held@example.org', 'held.new@example.org');
    // Registering it: taken.
    const reg = await request(t.server)
      .post('/api/auth/register')
      .send({
        email: 'held@example.org',
        name: 'Gra Bber',
        password: TEST_PASSWORD,
      })
      .expect(409);
    expect(reg.body.code).toBe('email_taken');
    // Another account asking to move to it: the same 202, but no link goes out (and no notice).
    const before = mailsTo('held@example.org').length;
    await request(t.server)
      .post('/api/me/email')
      .set({ Authorization: `Bearer ${other}` })
      .send({ email: 'held@example.org', password: TEST_PASSWORD })
      .expect(202);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo('held@example.org')).toHaveLength(before);
    // The owner may move back to it (their own reservation).
    await request(t.server)
      .post('/api/me/email')
      .set({ Authorization: `Bearer ${access}` })
      .send({ email: 'held@example.org', password: TEST_PASSWORD })
      .expect(202);
    await tokenIn('held@example.org', CONFIRM_SUBJECT, CONFIRM_LINK);
  });

  it('refuses to confirm a change to an address held for another account', async () => {
    const mover = await registerUser(t, 'mover');
    // The mover asks for an address nobody has yet, and gets a link.
    await request(t.server)
      .post('/api/me/email')
      .set({ Authorization: `Bearer ${mover}` })
      .send({ email: 'spot@example.org', password: TEST_PASSWORD })
      .expect(202);
    const moverToken = await tokenIn(
      'spot@example.org',
      CONFIRM_SUBJECT,
      CONFIRM_LINK,
    );
    // Before the link is opened, someone registers that address and moves away from it: it is
    // now held for their undo link.
    const spot = await registerUser(t, 'spot');
    await change(spot, 'spot@example.org', 'spot.new@example.org');
    const res = await request(t.server)
      .post('/api/me/email/confirm')
      .send({ token: moverToken })
      .expect(409);
    expect(res.body.code).toBe('email_taken');
  });

  it('lists the pending change and the open undo link in the account export, addresses only', async () => {
    const access = await registerUser(t, 'exporter');
    const auth = { Authorization: `Bearer ${access}` };
    const exported = async () =>
      (await request(t.server).get('/api/me/export').set(auth).expect(200))
        .body;
    await change(access, 'exporter@example.org', 'exporter.new@example.org');
    // A second request, not confirmed: pending beside the undo link of the first.
    await request(t.server)
      .post('/api/me/email')
      .set(auth)
      .send({ email: 'exporter.third@example.org', password: TEST_PASSWORD })
      .expect(202);
    const body = await exported();
    expect(body.emailChange).toEqual({
      pending: {
        email: 'exporter.third@example.org',
        expiresAt: expect.any(String),
      },
      undoable: {
        previousEmail: 'exporter@example.org',
        changedTo: 'exporter.new@example.org',
        expiresAt: expect.any(String),
      },
    });
    // No token or hash of either link.
    const hashes = (await db.query(
      `SELECT token_hash FROM email_reverts UNION ALL SELECT token_hash FROM email_changes`,
    )) as { token_hash: string }[];
    const text = JSON.stringify(body);
    for (const { token_hash } of hashes) expect(text).not.toContain(token_hash);
  });

  it('answers 409 email_taken if another account signs in with the old address anyway, and changes nothing', async () => {
    const access = await registerUser(t, 'squatted');
    const id = await idOf(access);
    const token = await change(
      access,
      'squatted@example.org',
      'squatted.new@example.org',
    );
    // The address is held for the link; only a direct write (support, an import) could take it.
    await registerUser(t, 'squatter');
    await db.query(
      `UPDATE users SET email = 'squatted@example.org' WHERE email = 'squatter@example.org'`,
    );
    const res = await revert(token).expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'email_taken' });
    expect(await emailOf(id)).toBe('squatted.new@example.org');
    await request(t.server)
      .get('/api/me')
      .set({ Authorization: `Bearer ${access}` })
      .expect(200);
    await signIn('squatted.new@example.org').expect(200);
    expect(mailsTo('squatted@example.org', NEW_PASSWORD_SUBJECT)).toHaveLength(
      0,
    );
    // The same answer again: the link still stands.
    await revert(token).expect(409);
  });

  it('refuses malformed input with 400 and a message on the token field, never a 500', async () => {
    for (const token of [
      undefined,
      '',
      42,
      null,
      ['a'],
      { a: 1 },
      'x'.repeat(201),
    ]) {
      const res = await revert(token).expect(400);
      expect(res.body.code).toBe('validation_failed');
      expect(Object.keys(res.body.fields)).toEqual(['token']);
    }
    const extra = await request(t.server)
      .post('/api/me/email/revert')
      .send({ token: 'abc', userId: 'someone' })
      .expect(400);
    expect(Object.keys(extra.body.fields)).toEqual(['userId']);
    for (const token of ['no-such-token', 'x'.repeat(200), '\u00e9\u{1F600}'])
      expect((await revert(token).expect(400)).body.code).toBe(
        'invalid_email_revert_token',
      );
  });

  it('documents the route as public in the OpenAPI document', async () => {
    const doc = (await request(t.server).get('/api/openapi.json').expect(200))
      .body as {
      paths: Record<
        string,
        Record<string, { security?: unknown[]; responses: object }>
      >;
    };
    const op = doc.paths['/api/me/email/revert']['post'];
    expect(Object.keys(op.responses)).toEqual(['200']);
    expect(op.security).toBeUndefined();
  });
});

describe('undoing an email change: limit per IP address', () => {
  let t: TestApp;
  const { change } = helpers(() => t);
  beforeAll(async () => {
    t = await createTestApp([AuthModule], { SIGN_IN_LIMIT_PER_IP: '3' });
  });
  afterAll(() => t.close());

  // The app trusts loopback proxies, so X-Forwarded-For sets the client address seen by the limiter.
  const revertFrom = (ip: string, token: unknown) =>
    request(t.server)
      .post('/api/me/email/revert')
      .set('X-Forwarded-For', ip)
      .send({ token });
  /** Registers `who`, moves it to `who.new@example.org`, and answers the undo link's token. */
  const changed = async (who: string): Promise<string> =>
    change(
      await registerUser(t, who),
      `${who}@example.org`,
      `${who}.new@example.org`,
    );

  it('answers 429 with Retry-After once one address has tried too many dead links, even for a good one', async () => {
    const guesser = '203.0.113.40';
    const good = await changed('target');
    for (let i = 0; i < 3; i++)
      expect(
        (await revertFrom(guesser, `guess-${i}`).expect(400)).body.code,
      ).toBe('invalid_email_revert_token');
    const refused = await revertFrom(guesser, 'guess-3').expect(429);
    expect(refused.body).toMatchObject({
      statusCode: 429,
      code: 'rate_limited',
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Once the budget is spent, a real link from there is refused too (and left as it was)...
    await revertFrom(guesser, good).expect(429);
    // ...and works from any other address.
    const done = await revertFrom('198.51.100.40', good).expect(200);
    expect(done.body).toEqual({ email: 'target@example.org' });
  });

  it('does not count links that exist against the address, only dead ones', async () => {
    const office = '203.0.113.50';
    // Twice the limit of real undos from one address.
    for (let i = 0; i < 6; i++)
      await revertFrom(office, await changed(`staff${i}`)).expect(200);
    // A 409 (the old address taken meanwhile) is a real link too.
    const squatted = await changed('squatted');
    // Held for the link: only a direct write can take it (see the 409 test above).
    await registerUser(t, 'squatter');
    await t.app
      .get<DataSource>(getDataSourceToken())
      .query(
        `UPDATE users SET email = 'squatted@example.org' WHERE email = 'squatter@example.org'`,
      );
    for (let i = 0; i < 4; i++) await revertFrom(office, squatted).expect(409);
    // The dead links still add up to the limit.
    for (let i = 0; i < 3; i++)
      await revertFrom(office, `typo-${i}`).expect(400);
    await revertFrom(office, 'typo-3').expect(429);
  }, 60_000);
});
