import { Controller, Get, Module } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import {
  createTestApp,
  registerUser,
  TEST_JWT_SECRET,
  type TestApp,
} from '@mezzo/api-testing';
import { REFRESH_COOKIE } from '@mezzo/shared-contracts';
import request from 'supertest';
import { AuthModule } from './auth.module';

/** A route that declares no access rule: the guards must refuse it. */
@Controller('unguarded')
class UnguardedController {
  @Get()
  get() {
    return { leaked: true };
  }
}
@Module({ controllers: [UnguardedController] })
class UnguardedModule {}

const password = 'correct horse battery';

function refreshCookie(res: request.Response): string {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = cookies.find((c) => c.startsWith(`${REFRESH_COOKIE}=`));
  if (!cookie) throw new Error('no refresh cookie');
  return cookie.split(';')[0];
}

describe('accounts and sessions (HTTP, PostgreSQL, SMTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp([AuthModule, UnguardedModule], {
      SIGN_IN_LIMIT_PER_ACCOUNT: '3',
    });
  });
  afterAll(() => t.close());

  const register = (email: string, name = 'Sam Worker') =>
    request(t.server)
      .post('/api/auth/register')
      .send({ name, email, password });

  it('registers, returns a session with an httpOnly SameSite refresh cookie, and answers /me', async () => {
    const res = await register('sam@example.org').expect(201);
    expect(res.body.user).toMatchObject({
      name: 'Sam Worker',
      email: 'sam@example.org',
      isPlatformAdmin: false,
      memberships: [],
    });
    expect(res.body.user.passwordHash).toBeUndefined();
    const cookie = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .join(';');
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    const me = await request(t.server)
      .get('/api/me')
      .set('Authorization', `Bearer ${res.body.accessToken}`)
      .expect(200);
    expect(me.body.email).toBe('sam@example.org');
  });

  it('answers malformed or missing fields with 400 and a message per field', async () => {
    const res = await request(t.server)
      .post('/api/auth/register')
      .send({ email: 'not-an-email', password: 'short', role: 'admin' })
      .expect(400);
    expect(res.body.code).toBe('validation_failed');
    expect(Object.keys(res.body.fields).sort()).toEqual([
      'email',
      'name',
      'password',
      'role',
    ]);
    const bad = await request(t.server)
      .post('/api/auth/sign-in')
      .set('Content-Type', 'application/json')
      .send('{"email":')
      .expect(400);
    expect(bad.body.code).toBe('invalid_json');
    // JSON, but not an object: said as such, not "not valid JSON".
    for (const body of ['"x"', '1', 'null', ' true ']) {
      const scalar = await request(t.server)
        .post('/api/auth/sign-in')
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(400);
      expect(scalar.body).toMatchObject({
        code: 'validation_failed',
        message: 'The request body must be a JSON object',
        fields: { '': ['must be a JSON object'] },
      });
    }
  });

  it('refuses an address the mailer could not write to (quoted, with spaces) at sign-up', async () => {
    const res = await register('"a b"@example.org').expect(400);
    expect(res.body.fields).toEqual({
      email: ['email must be a plain address such as name@example.org'],
    });
  });

  it('refuses a second account with the same email (409 email_taken)', async () => {
    await register('dup@example.org').expect(201);
    const res = await register('DUP@example.org').expect(409);
    expect(res.body).toMatchObject({
      code: 'email_taken',
      fields: { email: ['is already registered'] },
    });
  });

  it('answers a wrong password and an unknown email alike (401, generic message)', async () => {
    await register('wrong@example.org').expect(201);
    const a = await request(t.server)
      .post('/api/auth/sign-in')
      .send({ email: 'wrong@example.org', password: 'not the password' })
      .expect(401);
    const b = await request(t.server)
      .post('/api/auth/sign-in')
      .send({ email: 'nobody@example.org', password: 'not the password' })
      .expect(401);
    expect(a.body.code).toBe('invalid_credentials');
    expect(a.body.message).toBe(b.body.message);
  });

  it('limits sign-in attempts per account (429 with Retry-After)', async () => {
    await register('limited@example.org').expect(201);
    for (let i = 0; i < 3; i++) {
      await request(t.server)
        .post('/api/auth/sign-in')
        .send({ email: 'limited@example.org', password: 'guess number ' + i })
        .expect(401);
    }
    const res = await request(t.server)
      .post('/api/auth/sign-in')
      .send({ email: 'limited@example.org', password })
      .expect(429);
    expect(res.body.code).toBe('rate_limited');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses tampered, expired and missing access tokens with 401', async () => {
    const { body } = await register('tokens@example.org').expect(201);
    const [h, p] = body.accessToken.split('.');
    const tampered = `${h}.${p}.${'A'.repeat(43)}`;
    expect(
      (
        await request(t.server)
          .get('/api/me')
          .set('Authorization', `Bearer ${tampered}`)
          .expect(401)
      ).body.code,
    ).toBe('token_invalid');
    const expired = new JwtService({ secret: TEST_JWT_SECRET }).sign({
      sub: body.user.id,
      adm: false,
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    expect(
      (
        await request(t.server)
          .get('/api/me')
          .set('Authorization', `Bearer ${expired}`)
          .expect(401)
      ).body.code,
    ).toBe('token_expired');
    const forged = new JwtService({
      secret: 'another-secret-another-secret-another-secret',
    }).sign({ sub: body.user.id, adm: true });
    expect(
      (
        await request(t.server)
          .get('/api/me')
          .set('Authorization', `Bearer ${forged}`)
          .expect(401)
      ).body.code,
    ).toBe('token_invalid');
    expect((await request(t.server).get('/api/me').expect(401)).body.code).toBe(
      'unauthenticated',
    );
  });

  it('refuses a route that declares no access rule, even to a signed-in user', async () => {
    const { body } = await register('deny@example.org').expect(201);
    expect(
      (
        await request(t.server)
          .get('/api/unguarded')
          .set('Authorization', `Bearer ${body.accessToken}`)
          .expect(403)
      ).body.code,
    ).toBe('forbidden');
  });

  it('rotates the refresh token, and reuse of a rotated one revokes the whole family', async () => {
    const first = await register('rotate@example.org').expect(201);
    const c1 = refreshCookie(first);
    const second = await request(t.server)
      .post('/api/auth/refresh')
      .set('Cookie', c1)
      .expect(200);
    const c2 = refreshCookie(second);
    expect(c2).not.toBe(c1);
    const reused = await request(t.server)
      .post('/api/auth/refresh')
      .set('Cookie', c1)
      .expect(401);
    expect(reused.body.code).toBe('refresh_reused');
    // The newer token of the same family no longer works either.
    expect(
      (
        await request(t.server)
          .post('/api/auth/refresh')
          .set('Cookie', c2)
          .expect(401)
      ).body.code,
    ).toBe('token_invalid');
  });

  it('signs out: the refresh cookie and the access token stop working', async () => {
    const res = await register('out@example.org').expect(201);
    const cookie = refreshCookie(res);
    const auth = { Authorization: `Bearer ${res.body.accessToken}` };
    await request(t.server).get('/api/me').set(auth).expect(200);
    await request(t.server)
      .post('/api/auth/sign-out')
      .set('Cookie', cookie)
      .expect(204);
    await request(t.server)
      .post('/api/auth/refresh')
      .set('Cookie', cookie)
      .expect(401);
    const refused = await request(t.server)
      .get('/api/me')
      .set(auth)
      .expect(401);
    expect(refused.body.code).toBe('session_ended');
  });

  it('changes the password: the old one stops working and other sessions end', async () => {
    const res = await register('change@example.org').expect(201);
    const other = refreshCookie(
      await request(t.server)
        .post('/api/auth/sign-in')
        .send({ email: 'change@example.org', password })
        .expect(200),
    );
    const auth = { Authorization: `Bearer ${res.body.accessToken}` };
    const wrong = await request(t.server)
      .post('/api/auth/password/change')
      .set(auth)
      .send({
        currentPassword: 'nope nope nope',
        newPassword: 'a brand new secret',
      })
      .expect(401);
    expect(wrong.body.fields).toEqual({ currentPassword: ['is not correct'] });
    const same = await request(t.server)
      .post('/api/auth/password/change')
      .set(auth)
      .send({ currentPassword: password, newPassword: password })
      .expect(400);
    expect(same.body.fields).toEqual({
      newPassword: ['must differ from the current password'],
    });
    await request(t.server)
      .post('/api/auth/password/change')
      .set(auth)
      .send({ currentPassword: password, newPassword: 'a brand new secret' })
      .expect(204);
    const told = await t.smtp.waitFor((m) =>
      m.envelope.to.includes('change@example.org'),
    );
    expect(told.subject).toBe('Your Mezzo password was changed');
    expect(told.text).toContain('changed from its account page');
    expect(told.text).toContain('http://mezzo.test/forgot-password');
    await request(t.server)
      .post('/api/auth/sign-in')
      .send({ email: 'change@example.org', password })
      .expect(401);
    await request(t.server)
      .post('/api/auth/sign-in')
      .send({ email: 'change@example.org', password: 'a brand new secret' })
      .expect(200);
    await request(t.server)
      .post('/api/auth/refresh')
      .set('Cookie', other)
      .expect(401);
    // The old session's access token ends with it; the new session (its cookie) goes on.
    expect(
      (await request(t.server).get('/api/me').set(auth).expect(401)).body.code,
    ).toBe('session_ended');
  });

  it("signs out everywhere: every session of the user ends, this one included, and nobody else's", async () => {
    const here = await register('everywhere@example.org').expect(201);
    const hereCookie = refreshCookie(here);
    const elsewhereRes = await request(t.server)
      .post('/api/auth/sign-in')
      .send({ email: 'everywhere@example.org', password })
      .expect(200);
    const elsewhere = refreshCookie(elsewhereRes);
    const bystanderRes = await register('bystander@example.org').expect(201);
    const bystander = refreshCookie(bystanderRes);
    // Both devices' access tokens work before.
    for (const session of [here, elsewhereRes])
      await request(t.server)
        .get('/api/me')
        .set('Authorization', `Bearer ${session.body.accessToken}`)
        .expect(200);
    await request(t.server).post('/api/auth/sign-out-everywhere').expect(401);
    const res = await request(t.server)
      .post('/api/auth/sign-out-everywhere')
      .set('Authorization', `Bearer ${here.body.accessToken}`)
      .set('Cookie', hereCookie)
      .expect(204);
    const cleared = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith(`${REFRESH_COOKIE}=;`));
    expect(cleared).toMatch(/Path=\/api\/auth/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
    for (const cookie of [elsewhere, hereCookie]) {
      const refused = await request(t.server)
        .post('/api/auth/refresh')
        .set('Cookie', cookie)
        .expect(401);
      expect(refused.body.code).toBe('token_invalid');
    }
    await request(t.server)
      .post('/api/auth/refresh')
      .set('Cookie', bystander)
      .expect(200);
    // The access tokens of every ended session are refused at once, not only at their expiry.
    for (const session of [here, elsewhereRes]) {
      const refused = await request(t.server)
        .get('/api/me')
        .set('Authorization', `Bearer ${session.body.accessToken}`)
        .expect(401);
      expect(refused.body.code).toBe('session_ended');
    }
    await request(t.server)
      .get('/api/me')
      .set('Authorization', `Bearer ${bystanderRes.body.accessToken}`)
      .expect(200);
    // Signing in again starts a session that works.
    const again = await request(t.server)
      .post('/api/auth/sign-in')
      .send({ email: 'everywhere@example.org', password })
      .expect(200);
    await request(t.server)
      .post('/api/auth/refresh')
      .set('Cookie', refreshCookie(again))
      .expect(200);
  });

  it('changes the name: /me and the next refresh show the new one', async () => {
    const first = await register('rename@example.org', 'Old Name').expect(201);
    const auth = { Authorization: `Bearer ${first.body.accessToken}` };
    const res = await request(t.server)
      .patch('/api/me')
      .set(auth)
      .send({ name: '  Dr. Renée O’Brien-Nakamura  ' })
      .expect(200);
    expect(res.body).toMatchObject({
      id: first.body.user.id,
      name: 'Dr. Renée O’Brien-Nakamura',
      email: 'rename@example.org',
      memberships: [],
    });
    expect(res.body.passwordHash).toBeUndefined();
    expect(
      (await request(t.server).get('/api/me').set(auth).expect(200)).body.name,
    ).toBe('Dr. Renée O’Brien-Nakamura');
    const refreshed = await request(t.server)
      .post('/api/auth/refresh')
      .set('Cookie', refreshCookie(first))
      .expect(200);
    expect(refreshed.body.user.name).toBe('Dr. Renée O’Brien-Nakamura');
  });

  it('refuses a missing, blank, too long or non-string name and unknown fields with 400 on the field', async () => {
    const token = await registerUser(t, 'badname', 'Kept Name');
    const auth = { Authorization: `Bearer ${token}` };
    const refused = async (body: object, field: string) => {
      const res = await request(t.server)
        .patch('/api/me')
        .set(auth)
        .send(body)
        .expect(400);
      expect(res.body.code).toBe('validation_failed');
      expect(Object.keys(res.body.fields)).toEqual([field]);
      return res.body.fields[field] as string[];
    };
    expect(await refused({}, 'name')).toContain('name is required');
    expect(await refused({ name: '' }, 'name')).toContain('name is required');
    expect(await refused({ name: '   ' }, 'name')).toContain(
      'name is required',
    );
    expect(await refused({ name: 'x'.repeat(121) }, 'name')).toContain(
      'name must be shorter than or equal to 120 characters',
    );
    expect(await refused({ name: 42 }, 'name')).toContain(
      'name must be a string',
    );
    expect(await refused({ name: ['Al'] }, 'name')).toContain(
      'name must be a string',
    );
    // A name has letters, and no control characters or bidi overrides that disguise text.
    for (const name of ['\u0007', '\u200b\u200b', '12345', 'Ann\u202Eevil'])
      expect(await refused({ name }, 'name')).toEqual([
        'name must contain letters and no control characters',
      ]);
    for (const name of ['Zoë Ñúñez', 'Nguyễn Thị Hương', 'میلاد\u200cپور'])
      await request(t.server)
        .patch('/api/me')
        .set(auth)
        .send({ name })
        .expect(200);
    await refused({ name: 'Fine Name', email: 'new@example.org' }, 'email');
    await refused(
      { name: 'Fine Name', isPlatformAdmin: true },
      'isPlatformAdmin',
    );
    await request(t.server)
      .patch('/api/me')
      .set(auth)
      .send({ name: 'x'.repeat(120) })
      .expect(200);
    await request(t.server)
      .patch('/api/me')
      .send({ name: 'No Token' })
      .expect(401);
    const me = await request(t.server).get('/api/me').set(auth).expect(200);
    expect(me.body).toMatchObject({
      name: 'x'.repeat(120),
      email: 'badname@example.org',
      isPlatformAdmin: false,
    });
  });

  it('resets a forgotten password through a one-time link received by email', async () => {
    await register('forgot@example.org', 'Fran Forgot').expect(201);
    await request(t.server)
      .post('/api/auth/password/forgot')
      .send({ email: 'forgot@example.org' })
      .expect(202);
    // Unknown emails get the same answer and no mail.
    await request(t.server)
      .post('/api/auth/password/forgot')
      .send({ email: 'ghost@example.org' })
      .expect(202);
    const mail = await t.smtp.waitFor((m) =>
      m.envelope.to.includes('forgot@example.org'),
    );
    expect(mail.text).toContain('Fran Forgot');
    const link =
      /http:\/\/mezzo\.test\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(
        mail.text ?? '',
      );
    expect(link).not.toBeNull();
    const token = decodeURIComponent(link![1]);
    // The page checks the link when it opens; checking does not use it up.
    const check = (value: unknown) =>
      request(t.server)
        .post('/api/auth/password/reset/check')
        .send({ token: value });
    await check(token).expect(204);
    await check(token).expect(204);
    expect((await check('not-a-token').expect(400)).body.code).toBe(
      'invalid_reset_token',
    );
    expect((await check('').expect(400)).body).toMatchObject({
      code: 'validation_failed',
      fields: { token: ['token is required'] },
    });
    await request(t.server)
      .post('/api/auth/password/reset')
      .send({ token, newPassword: 'reset to this one' })
      .expect(204);
    const again = await request(t.server)
      .post('/api/auth/password/reset')
      .send({ token, newPassword: 'and again please' })
      .expect(400);
    expect(again.body.code).toBe('invalid_reset_token');
    // A used link is dead for the check too.
    expect((await check(token).expect(400)).body).toMatchObject({
      code: 'invalid_reset_token',
      message: 'This reset link is invalid or has expired',
    });
    await request(t.server)
      .post('/api/auth/sign-in')
      .send({ email: 'forgot@example.org', password: 'reset to this one' })
      .expect(200);
    const told = await t.smtp.waitFor(
      (m) =>
        m.envelope.to.includes('forgot@example.org') &&
        m.subject === 'Your Mezzo password was changed',
    );
    expect(told.text).toContain('reset with an emailed link');
    expect(
      t.smtp.messages.some((m) => m.envelope.to.includes('ghost@example.org')),
    ).toBe(false);
  });

  it('serves health and the OpenAPI document openly', async () => {
    expect(
      (await request(t.server).get('/api/health').expect(200)).body,
    ).toEqual({ status: 'ok', database: 'up' });
    // Where to get help: open to anyone, from the config.
    expect((await request(t.server).get('/api/help').expect(200)).body).toEqual(
      { supportEmail: 'support@mezzo.local' },
    );
    const doc = (await request(t.server).get('/api/openapi.json').expect(200))
      .body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/register',
        '/api/auth/sign-in',
        '/api/me',
        '/api/help',
      ]),
    );
  });

  it('answers unknown routes with the standard 404 body', async () => {
    const res = await request(t.server).get('/api/no-such-thing').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'not_found' });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('exports everything held about the caller as JSON', async () => {
    const { body } = await register('export@example.org', 'Exa Port').expect(
      201,
    );
    const res = await request(t.server)
      .get('/api/me/export')
      .set('Authorization', `Bearer ${body.accessToken}`)
      .expect(200);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    expect(res.body).toMatchObject({
      user: { email: 'export@example.org', name: 'Exa Port' },
      licenses: [],
      credits: [],
      creditHistory: [],
      emailChange: { pending: null, undoable: null },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|argon2/);
  });

  it('deletes the account only with the password, and then nothing of it works', async () => {
    const { body } = await register('leaving@example.org').expect(201);
    const auth = { Authorization: `Bearer ${body.accessToken}` };
    const wrong = await request(t.server)
      .delete('/api/me')
      .set(auth)
      .send({ password: 'not my password' })
      .expect(401);
    expect(wrong.body.fields).toEqual({ password: ['is not correct'] });
    await request(t.server).delete('/api/me').set(auth).send({}).expect(400);
    await request(t.server)
      .delete('/api/me')
      .set(auth)
      .send({ password })
      .expect(204);
    await request(t.server)
      .post('/api/auth/sign-in')
      .send({ email: 'leaving@example.org', password })
      .expect(401);
    // Its sessions ended with it: the access token is refused at once.
    expect(
      (await request(t.server).get('/api/me').set(auth).expect(401)).body.code,
    ).toBe('session_ended');
    await register('leaving@example.org').expect(201);
  });
});

describe('sign-in limit per IP address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp([AuthModule], {
      SIGN_IN_LIMIT_PER_IP: '4',
      SIGN_IN_LIMIT_PER_ACCOUNT: '100',
    });
  });
  afterAll(() => t.close());

  it('answers 429 once one address has made too many attempts, whatever the accounts', async () => {
    for (let i = 0; i < 4; i++) {
      await request(t.server)
        .post('/api/auth/sign-in')
        .send({ email: `someone${i}@example.org`, password: 'whatever it is' })
        .expect(401);
    }
    const res = await request(t.server)
      .post('/api/auth/sign-in')
      .send({ email: 'fifth@example.org', password: 'whatever it is' })
      .expect(429);
    expect(res.body.code).toBe('rate_limited');
  });

  // The app trusts loopback proxies, so X-Forwarded-For sets the client address seen by the limiter.
  const signIn = (ip: string, email: string, pw: string) =>
    request(t.server)
      .post('/api/auth/sign-in')
      .set('X-Forwarded-For', ip)
      .send({ email, password: pw });

  it('does not count successful sign-ins against the address, only failures', async () => {
    const office = '203.0.113.10';
    for (const email of ['nurse@example.org', 'doctor@example.org']) {
      await request(t.server)
        .post('/api/auth/register')
        .send({ name: 'Staff', email, password })
        .expect(201);
    }
    // Ten times the per-IP limit of successful sign-ins from one address, across accounts.
    for (let i = 0; i < 40; i++) {
      await signIn(
        office,
        i % 2 ? 'nurse@example.org' : 'doctor@example.org',
        password,
      ).expect(200);
    }
    // Successes in between give back only their own attempt: the failures still add up to 4.
    for (let i = 0; i < 3; i++)
      await signIn(office, 'nurse@example.org', 'wrong ' + i).expect(401);
    await signIn(office, 'doctor@example.org', password).expect(200);
    await signIn(office, 'nobody@example.org', 'wrong 3').expect(401);
    const refused = await signIn(office, 'nurse@example.org', 'wrong 4').expect(
      429,
    );
    expect(refused.body.code).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Once the address has spent its failure budget, even a right password from it is refused for
    // the rest of the window (otherwise 200 vs 429 would reveal a right guess)...
    const locked = await signIn(office, 'doctor@example.org', password).expect(
      429,
    );
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // ...while the same account signs in from any other address.
    await signIn('198.51.100.7', 'doctor@example.org', password).expect(200);
  });

  it('counts dead reset links against the address, for the check and the reset alike', async () => {
    const from = (ip: string, path: string, body: object) =>
      request(t.server).post(path).set('X-Forwarded-For', ip).send(body);
    const guesser = '203.0.113.77';
    for (let i = 0; i < 2; i++)
      await from(guesser, '/api/auth/password/reset/check', {
        token: `guess-${i}`,
      }).expect(400);
    for (let i = 2; i < 4; i++)
      await from(guesser, '/api/auth/password/reset', {
        token: `guess-${i}`,
        newPassword: 'a new password here',
      }).expect(400);
    const refused = await from(guesser, '/api/auth/password/reset/check', {
      token: 'guess-4',
    }).expect(429);
    expect(refused.body.code).toBe('rate_limited');
    await from(guesser, '/api/auth/password/reset', {
      token: 'guess-5',
      newPassword: 'a new password here',
    }).expect(429);
    // Another address is not affected.
    await from('198.51.100.8', '/api/auth/password/reset/check', {
      token: 'guess-6',
    }).expect(400);
  });

  it('lets no more than the limit of a concurrent burst of wrong passwords be checked', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        signIn('203.0.113.66', `burst${i}@example.org`, 'wrong guess'),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(16);
  });
});
