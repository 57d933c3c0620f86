import {
  createTestApp,
  registerUser,
  TEST_PASSWORD,
  type ReceivedMail,
  type TestApp,
} from '@mezzo/api-testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AuthModule } from './auth.module';

const CONFIRM_SUBJECT = 'Confirm your new Mezzo sign-in email';
const CHANGED_SUBJECT = 'Your Mezzo sign-in email was changed';
const IN_USE_SUBJECT = 'Your email is already on a Mezzo account';
const LINK = /http:\/\/mezzo\.test\/account\/email\?token=([A-Za-z0-9_%-]+)/;

describe('changing the sign-in email (HTTP, PostgreSQL, SMTP)', () => {
  let t: TestApp;
  let db: DataSource;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

  beforeAll(async () => {
    t = await createTestApp([AuthModule], { SIGN_IN_LIMIT_PER_ACCOUNT: '5' });
    db = t.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(() => t.close());

  const register = async (who: string, name = `${who} Person`) => {
    tokens[who] = await registerUser(t, who, name);
  };
  const ask = (who: string, email: string, password = TEST_PASSWORD) =>
    request(t.server)
      .post('/api/me/email')
      .set(as(who))
      .send({ email, password });
  const confirm = (token: unknown) =>
    request(t.server).post('/api/me/email/confirm').send({ token });
  /** GET /api/me/email, checked to answer 200: the caller's pending change or null. */
  const pendingOf = async (who: string) =>
    (await request(t.server).get('/api/me/email').set(as(who)).expect(200))
      .body as { pending: { email: string; expiresAt: string } | null };
  const cancel = (who: string) =>
    request(t.server).delete('/api/me/email').set(as(who));
  const signIn = (email: string) =>
    request(t.server)
      .post('/api/auth/sign-in')
      .send({ email, password: TEST_PASSWORD });
  const me = async (who: string) =>
    (await request(t.server).get('/api/me').set(as(who)).expect(200)).body as {
      email: string;
    };
  const mailsTo = (address: string, subject?: string): ReceivedMail[] =>
    t.smtp.messages.filter(
      (m) =>
        m.envelope.to.includes(address) &&
        (subject === undefined || m.subject === subject),
    );
  /** The token of the newest confirmation link sent to `address`. */
  const linkSentTo = async (address: string, count = 1): Promise<string> => {
    await t.smtp.waitFor(
      () => mailsTo(address, CONFIRM_SUBJECT).length >= count,
    );
    const mail = mailsTo(address, CONFIRM_SUBJECT).at(-1)!;
    const link = LINK.exec(mail.text ?? '');
    expect(link).not.toBeNull();
    return decodeURIComponent(link![1]);
  };

  it('changes the email only once the link sent to the new address is opened, and tells the old address', async () => {
    await register('mover', 'Morgan Mover');
    const asked = await ask('mover', '  New.Mover@Example.org ').expect(202);
    expect(asked.body).toEqual({});

    const token = await linkSentTo('new.mover@example.org');
    const mail = mailsTo('new.mover@example.org', CONFIRM_SUBJECT)[0];
    expect(mail.text).toContain('Morgan Mover');
    expect(mail.text).toContain('new.mover@example.org');
    expect(mail.text).toContain('expires in 24 hours');
    // The old address is not named to whoever reads the new one.
    expect(
      (mail.text ?? '').replaceAll('new.mover@example.org', ''),
    ).not.toContain('mover@example.org');

    // Nothing has changed yet: the old address still signs in, the new one does not.
    expect((await me('mover')).email).toBe('mover@example.org');
    await signIn('mover@example.org').expect(200);
    await signIn('new.mover@example.org').expect(401);
    expect(mailsTo('mover@example.org', CHANGED_SUBJECT)).toHaveLength(0);

    // No session needed: the link may be opened on another device.
    const done = await confirm(token).expect(200);
    expect(done.body).toEqual({ email: 'new.mover@example.org' });
    expect((await me('mover')).email).toBe('new.mover@example.org');

    const told = await t.smtp.waitFor(
      (m) =>
        m.envelope.to.includes('mover@example.org') &&
        m.subject === CHANGED_SUBJECT,
    );
    expect(told.text).toContain(
      'Your Mezzo sign-in email was changed to new.mover@example.org.',
    );
    expect(told.text).toContain('Morgan Mover');

    // Sign-in follows the new address, in any letter case; the old one is refused.
    await signIn('mover@example.org').expect(401);
    const again = await signIn('NEW.Mover@example.ORG').expect(200);
    expect(again.body.user.email).toBe('new.mover@example.org');

    // The link works once.
    const reused = await confirm(token).expect(400);
    expect(reused.body).toMatchObject({
      code: 'invalid_email_change_token',
      fields: { token: ['is invalid or expired'] },
    });
    // The old address is held for the undo link sent to it (7 days): nobody can register it.
    const held = await request(t.server)
      .post('/api/auth/register')
      .send({
        name: 'Someone Else',
        email: 'mover@example.org',
        password: TEST_PASSWORD,
      })
      .expect(409);
    expect(held.body.code).toBe('email_taken');
  });

  it('refuses a wrong password (401 on the field) and the current address (400 on the field), and sends nothing', async () => {
    await register('careful');
    const wrong = await ask(
      'careful',
      'careful.new@example.org',
      'not my password',
    ).expect(401);
    expect(wrong.body).toMatchObject({
      code: 'invalid_credentials',
      fields: { password: ['is not correct'] },
    });
    const same = await ask('careful', ' CAREFUL@example.org').expect(400);
    expect(same.body).toMatchObject({
      code: 'validation_failed',
      fields: { email: ['is already your sign-in email'] },
    });
    expect(mailsTo('careful.new@example.org')).toHaveLength(0);
    expect(mailsTo('careful@example.org')).toHaveLength(0);
    expect((await me('careful')).email).toBe('careful@example.org');
  });

  it('refuses malformed input with 400 and a message per field, and an anonymous caller with 401', async () => {
    await register('typo');
    const refused = async (body: object) => {
      const res = await request(t.server)
        .post('/api/me/email')
        .set(as('typo'))
        .send(body)
        .expect(400);
      expect(res.body.code).toBe('validation_failed');
      return res.body.fields as Record<string, string[]>;
    };
    expect(
      (await refused({ email: 'not-an-email', password: 'x' }))['email'],
    ).toContain('email must be a valid email address');
    expect(
      await refused({ email: '"a b"@example.org', password: 'x' }),
    ).toEqual({
      email: ['email must be a plain address such as name@example.org'],
    });
    expect(await refused({ email: 'typo.new@example.org' })).toEqual({
      password: ['password is required'],
    });
    expect(
      Object.keys(
        await refused({
          email: 'typo.new@example.org',
          password: TEST_PASSWORD,
          userId: 'someone-else',
        }),
      ),
    ).toEqual(['userId']);
    await request(t.server)
      .post('/api/me/email')
      .send({ email: 'typo.new@example.org', password: TEST_PASSWORD })
      .expect(401);
    for (const token of [undefined, '', 42, 'x'.repeat(201)]) {
      const res = await confirm(token).expect(400);
      expect(res.body.code).toBe('validation_failed');
      expect(Object.keys(res.body.fields)).toEqual(['token']);
    }
    const unknown = await confirm('no-such-token').expect(400);
    expect(unknown.body.code).toBe('invalid_email_change_token');
    expect(mailsTo('typo.new@example.org')).toHaveLength(0);
  });

  it("answers the same 202 for an address that has an account, tells that account's holder, and changes nothing", async () => {
    await register('taken', 'Tara Taken');
    await register('seeker');
    // An earlier request, to a free address: the newer one replaces it.
    await ask('seeker', 'seeker.free@example.org').expect(202);
    const earlier = await linkSentTo('seeker.free@example.org');

    const res = await ask('seeker', 'TAKEN@example.org').expect(202);
    expect(res.body).toEqual({});
    const notice = await t.smtp.waitFor(
      (m) =>
        m.envelope.to.includes('taken@example.org') &&
        m.subject === IN_USE_SUBJECT,
    );
    expect(notice.text).toContain('Hi Tara Taken,');
    expect(notice.text).toContain('nothing changed');
    expect(notice.text).not.toMatch(LINK);
    expect(notice.text).not.toContain('seeker');
    expect(mailsTo('taken@example.org', CONFIRM_SUBJECT)).toHaveLength(0);

    expect((await confirm(earlier).expect(400)).body.code).toBe(
      'invalid_email_change_token',
    );
    expect((await me('seeker')).email).toBe('seeker@example.org');
    expect((await me('taken')).email).toBe('taken@example.org');
    // Shown as pending like a free address (no other keys, a 24 h expiry), so the status cannot
    // tell what the 202 keeps quiet; no link to it exists, so it can never be confirmed.
    const { pending } = await pendingOf('seeker');
    expect(Object.keys(pending ?? {}).sort()).toEqual(['email', 'expiresAt']);
    expect(pending?.email).toBe('taken@example.org');
    expect(
      Math.abs(Date.parse(pending!.expiresAt) - Date.now() - 24 * 3_600_000),
    ).toBeLessThan(60_000);
    // The holder of that address sees nothing of it.
    expect(await pendingOf('taken')).toEqual({ pending: null });
  });

  it('keeps only the newest request: an older link stops working', async () => {
    await register('doubter');
    await ask('doubter', 'doubter.first@example.org').expect(202);
    const first = await linkSentTo('doubter.first@example.org');
    await ask('doubter', 'doubter.second@example.org').expect(202);
    const second = await linkSentTo('doubter.second@example.org');
    expect((await confirm(first).expect(400)).body.code).toBe(
      'invalid_email_change_token',
    );
    expect((await confirm(second).expect(200)).body.email).toBe(
      'doubter.second@example.org',
    );
  });

  it('shows the pending change to its owner only, until the link is opened', async () => {
    await register('waiter');
    await register('neighbour');
    expect(await pendingOf('waiter')).toEqual({ pending: null });
    const before = Date.now();
    await ask('waiter', ' Waiter.New@Example.org').expect(202);
    const token = await linkSentTo('waiter.new@example.org');
    const shown = await pendingOf('waiter');
    expect(shown).toEqual({
      pending: {
        email: 'waiter.new@example.org',
        expiresAt: expect.any(String),
      },
    });
    const expiresAt = Date.parse(shown.pending!.expiresAt);
    expect(shown.pending!.expiresAt).toBe(new Date(expiresAt).toISOString());
    expect(expiresAt - before).toBeGreaterThan(24 * 3_600_000 - 60_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
    // Another account sees only its own (none).
    expect(await pendingOf('neighbour')).toEqual({ pending: null });

    // A newer request replaces what is shown.
    await ask('waiter', 'waiter.other@example.org').expect(202);
    const newer = await linkSentTo('waiter.other@example.org');
    expect((await pendingOf('waiter')).pending?.email).toBe(
      'waiter.other@example.org',
    );
    expect((await confirm(token).expect(400)).body.code).toBe(
      'invalid_email_change_token',
    );
    await confirm(newer).expect(200);
    expect(await pendingOf('waiter')).toEqual({ pending: null });
  });

  it('does not show an expired change', async () => {
    await register('lapsed');
    await ask('lapsed', 'lapsed.new@example.org').expect(202);
    await linkSentTo('lapsed.new@example.org');
    expect((await pendingOf('lapsed')).pending?.email).toBe(
      'lapsed.new@example.org',
    );
    await db.query(
      `UPDATE email_changes SET expires_at = now() - interval '1 second' WHERE email = $1`,
      ['lapsed.new@example.org'],
    );
    expect(await pendingOf('lapsed')).toEqual({ pending: null });
  });

  it("cancels the caller's pending change: its link stops working and the email stays", async () => {
    await register('changer');
    await register('meddler');
    await ask('changer', 'changer.new@example.org').expect(202);
    const token = await linkSentTo('changer.new@example.org');

    // Another account's DELETE cancels only its own (nothing), not this one.
    const other = await cancel('meddler').expect(204);
    expect(other.body).toEqual({});
    expect((await pendingOf('changer')).pending?.email).toBe(
      'changer.new@example.org',
    );

    await cancel('changer').expect(204);
    expect(await pendingOf('changer')).toEqual({ pending: null });
    const dead = await confirm(token).expect(400);
    expect(dead.body).toMatchObject({
      statusCode: 400,
      code: 'invalid_email_change_token',
      fields: { token: ['is invalid or expired'] },
    });
    expect((await me('changer')).email).toBe('changer@example.org');
    await signIn('changer@example.org').expect(200);
    await signIn('changer.new@example.org').expect(401);
    expect(mailsTo('changer@example.org', CHANGED_SUBJECT)).toHaveLength(0);
    // Nothing left to cancel is no error.
    await cancel('changer').expect(204);
  });

  it('shows and cancels nothing without a valid session (401)', async () => {
    await register('guarded');
    await ask('guarded', 'guarded.new@example.org').expect(202);
    const token = await linkSentTo('guarded.new@example.org');
    for (const [headers, code] of [
      [{}, 'unauthenticated'],
      [{ Authorization: `Bearer ${tokens['guarded']}x` }, 'token_invalid'],
    ] as const) {
      const shown = await request(t.server)
        .get('/api/me/email')
        .set(headers)
        .expect(401);
      expect(shown.body).toMatchObject({ statusCode: 401, code });
      expect(JSON.stringify(shown.body)).not.toContain('guarded.new');
      const cancelled = await request(t.server)
        .delete('/api/me/email')
        .set(headers)
        .expect(401);
      expect(cancelled.body).toMatchObject({ statusCode: 401, code });
    }
    expect((await pendingOf('guarded')).pending?.email).toBe(
      'guarded.new@example.org',
    );
    await confirm(token).expect(200);
  });

  it('refuses an expired link and changes nothing', async () => {
    await register('late');
    await ask('late', 'late.new@example.org').expect(202);
    const token = await linkSentTo('late.new@example.org');
    const [row] = (await db.query(
      `SELECT EXTRACT(EPOCH FROM expires_at - created_at) AS ttl FROM email_changes WHERE email = $1`,
      ['late.new@example.org'],
    )) as { ttl: string }[];
    expect(Math.abs(Number(row.ttl) - 24 * 3600)).toBeLessThan(60);
    await db.query(
      `UPDATE email_changes SET expires_at = now() - interval '1 second' WHERE email = $1`,
      ['late.new@example.org'],
    );
    const res = await confirm(token).expect(400);
    expect(res.body.code).toBe('invalid_email_change_token');
    expect((await me('late')).email).toBe('late@example.org');
    await signIn('late@example.org').expect(200);
    expect(mailsTo('late@example.org', CHANGED_SUBJECT)).toHaveLength(0);
  });

  it('answers 409 email_taken when another account took the address in the meantime, and changes nothing', async () => {
    await register('slow');
    await ask('slow', 'quick@example.org').expect(202);
    const token = await linkSentTo('quick@example.org');
    await register('quick');
    const res = await confirm(token).expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'email_taken' });
    expect((await me('slow')).email).toBe('slow@example.org');
    expect((await me('quick')).email).toBe('quick@example.org');
    await signIn('slow@example.org').expect(200);
    expect(mailsTo('slow@example.org', CHANGED_SUBJECT)).toHaveLength(0);
    // The same answer again, not a 500 or a dead link: the request still stands.
    await confirm(token).expect(409);
  });

  it('stops reset links sent to the old address once the change is confirmed', async () => {
    await register('resetter');
    await request(t.server)
      .post('/api/auth/password/forgot')
      .send({ email: 'resetter@example.org' })
      .expect(202);
    const resetMail = await t.smtp.waitFor(
      (m) =>
        m.envelope.to.includes('resetter@example.org') &&
        m.subject === 'Reset your Mezzo password',
    );
    const resetToken = decodeURIComponent(
      /reset-password\?token=([A-Za-z0-9_%-]+)/.exec(resetMail.text ?? '')![1],
    );
    await ask('resetter', 'resetter.new@example.org').expect(202);
    await confirm(await linkSentTo('resetter.new@example.org')).expect(200);
    const reset = await request(t.server)
      .post('/api/auth/password/reset')
      .send({ token: resetToken, newPassword: 'taken over, or so I hoped' })
      .expect(400);
    expect(reset.body.code).toBe('invalid_reset_token');
    await signIn('resetter.new@example.org').expect(200);
  });

  it('forgets a pending change with the account', async () => {
    await register('goner');
    await ask('goner', 'goner.new@example.org').expect(202);
    const token = await linkSentTo('goner.new@example.org');
    await request(t.server)
      .delete('/api/me')
      .set(as('goner'))
      .send({ password: TEST_PASSWORD })
      .expect(204);
    expect((await confirm(token).expect(400)).body.code).toBe(
      'invalid_email_change_token',
    );
    await signIn('goner.new@example.org').expect(401);
  });

  it('limits requests per account (429 with Retry-After), right password or not', async () => {
    await register('spammer');
    for (let i = 0; i < 4; i++)
      await ask('spammer', `spam${i}@example.org`, 'wrong password').expect(
        401,
      );
    await ask('spammer', 'spam4@example.org').expect(202);
    const res = await ask('spammer', 'spam5@example.org').expect(429);
    expect(res.body.code).toBe('rate_limited');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(mailsTo('spam5@example.org')).toHaveLength(0);
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await request(t.server).get('/api/openapi.json').expect(200))
      .body as {
      paths: Record<
        string,
        Record<string, { security?: unknown[]; responses: object }>
      >;
    };
    const ask = doc.paths['/api/me/email']['post'];
    const status = doc.paths['/api/me/email']['get'];
    const cancel = doc.paths['/api/me/email']['delete'];
    const confirm = doc.paths['/api/me/email/confirm']['post'];
    expect(Object.keys(ask.responses)).toEqual(['202']);
    expect(ask.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(status.responses)).toEqual(['200']);
    expect(status.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(cancel.responses)).toEqual(['204']);
    expect(cancel.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(confirm.responses)).toEqual(['200']);
    expect(confirm.security).toBeUndefined();
  });
});

describe('confirming an email change: limit per IP address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp([AuthModule], { SIGN_IN_LIMIT_PER_IP: '3' });
  });
  afterAll(() => t.close());

  // The app trusts loopback proxies, so X-Forwarded-For sets the client address seen by the limiter.
  const confirmFrom = (ip: string, token: unknown) =>
    request(t.server)
      .post('/api/me/email/confirm')
      .set('X-Forwarded-For', ip)
      .send({ token });
  /** Registers `who`, asks to move it to `who.new@example.org`, and answers the link's token. */
  const pendingChange = async (who: string): Promise<string> => {
    const access = await registerUser(t, who);
    await request(t.server)
      .post('/api/me/email')
      .set({ Authorization: `Bearer ${access}` })
      .send({ email: `${who}.new@example.org`, password: TEST_PASSWORD })
      .expect(202);
    const mail = await t.smtp.waitFor(
      (m) =>
        m.envelope.to.includes(`${who}.new@example.org`) &&
        m.subject === CONFIRM_SUBJECT,
    );
    return decodeURIComponent(LINK.exec(mail.text ?? '')![1]);
  };

  it('answers 429 with Retry-After once one address has tried too many dead links, even for a good one', async () => {
    const guesser = '203.0.113.20';
    const good = await pendingChange('target');
    for (let i = 0; i < 3; i++)
      expect(
        (await confirmFrom(guesser, `guess-${i}`).expect(400)).body.code,
      ).toBe('invalid_email_change_token');
    const refused = await confirmFrom(guesser, 'guess-3').expect(429);
    expect(refused.body).toMatchObject({
      statusCode: 429,
      code: 'rate_limited',
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Once the budget is spent, a real link from there is refused too (and left as it was)...
    await confirmFrom(guesser, good).expect(429);
    // ...and works from any other address.
    const done = await confirmFrom('198.51.100.20', good).expect(200);
    expect(done.body).toEqual({ email: 'target.new@example.org' });
  });

  it('does not count links that exist against the address, only dead ones', async () => {
    const office = '203.0.113.30';
    // Twice the limit of real confirmations from one address (an office behind NAT).
    for (let i = 0; i < 6; i++) {
      const token = await pendingChange(`staff${i}`);
      await confirmFrom(office, token).expect(200);
    }
    // A 409 (the address taken meanwhile) is a real link too.
    const slow = await pendingChange('slowpoke');
    await registerUser(t, 'slowpoke.new');
    for (let i = 0; i < 4; i++) await confirmFrom(office, slow).expect(409);
    // The dead links still add up to the limit.
    for (let i = 0; i < 3; i++)
      await confirmFrom(office, `typo-${i}`).expect(400);
    await confirmFrom(office, 'typo-3').expect(429);
  });
});
