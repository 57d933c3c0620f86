import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseUrl, call, uniqueEmail } from '../support/http';

const password = 'an e2e password';

describe('accounts over HTTP against the built API', () => {
  it('reports health with the database up', async () => {
    const res = await call('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('serves the OpenAPI document and the Swagger UI', async () => {
    const doc = await call<{ paths: Record<string, unknown> }>(
      'GET',
      '/api/openapi.json',
    );
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/sign-in', '/api/organizations']),
    );
    const ui = await fetch(`${baseUrl()}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toMatch(/swagger/i);
  });

  it('serves the web app at / and for client routes, but not for unknown API routes', async () => {
    for (const path of ['/', '/sign-in', '/dashboard']) {
      const res = await fetch(`${baseUrl()}${path}`, {
        headers: { Accept: 'text/html' },
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/<mz-root/);
    }
    expect((await call('GET', '/api/not-here')).body).toMatchObject({
      statusCode: 404,
      code: 'not_found',
    });
  });

  it('signs in the demo licensee printed by npm start', async () => {
    const res = await call<{ user: { name: string } }>(
      'POST',
      '/api/auth/sign-in',
      {
        body: {
          email: 'licensee@demo.mezzo.test',
          password: 'mezzo-demo-2026',
        },
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.user.name).toBe('Dana Licensee');
  });

  it("shows the demo licensee's credits counted in both licenses' current cycles", async () => {
    const signIn = await call<{ accessToken: string }>(
      'POST',
      '/api/auth/sign-in',
      {
        body: {
          email: 'licensee@demo.mezzo.test',
          password: 'mezzo-demo-2026',
        },
      },
    );
    const token = signIn.body.accessToken;
    const licenses = await call<{ id: string; jurisdiction: string }[]>(
      'GET',
      '/api/licenses',
      { token },
    );
    expect(licenses.body.map((l) => l.jurisdiction).sort()).toEqual([
      'NJ',
      'NY',
    ]);
    for (const license of licenses.body) {
      const view = await call<{
        evaluation: {
          totals: { countedHours: number };
          advocacy: { status: string };
        };
      }>('GET', `/api/licenses/${license.id}/compliance`, { token });
      expect(view.status).toBe(200);
      expect(view.body.evaluation.totals.countedHours).toBeGreaterThan(0);
    }
  });

  it('registers, refreshes with the cookie, signs out', async () => {
    const email = uniqueEmail('flow');
    const reg = await call<{ accessToken: string }>(
      'POST',
      '/api/auth/register',
      { body: { name: 'E2E Person', email, password } },
    );
    expect(reg.status).toBe(201);
    const cookie = (reg.headers.get('set-cookie') ?? '').split(';')[0];
    expect(cookie).toMatch(/^mz_refresh=/);
    const me = await call<{ email: string }>('GET', '/api/me', {
      token: reg.body.accessToken,
    });
    expect(me.body.email).toBe(email);
    const refreshed = await call('POST', '/api/auth/refresh', { cookie });
    expect(refreshed.status).toBe(200);
    const next = (refreshed.headers.get('set-cookie') ?? '').split(';')[0];
    expect(
      (await call('POST', '/api/auth/sign-out', { cookie: next })).status,
    ).toBe(204);
    expect(
      (await call('POST', '/api/auth/refresh', { cookie: next })).status,
    ).toBe(401);
  });

  it('renames the account and signs it out everywhere', async () => {
    const email = uniqueEmail('everywhere');
    const reg = await call<{ accessToken: string }>(
      'POST',
      '/api/auth/register',
      { body: { name: 'Typo Nmae', email, password } },
    );
    const token = reg.body.accessToken;
    const here = (reg.headers.get('set-cookie') ?? '').split(';')[0];
    const signIn = await call('POST', '/api/auth/sign-in', {
      body: { email, password },
    });
    const elsewhere = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    const renamed = await call<{ name: string }>('PATCH', '/api/me', {
      token,
      body: { name: 'Typo Name' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Typo Name');
    const blank = await call<{ fields: Record<string, string[]> }>(
      'PATCH',
      '/api/me',
      { token, body: { name: ' ' } },
    );
    expect(blank.status).toBe(400);
    expect(Object.keys(blank.body.fields)).toEqual(['name']);
    expect(
      (await call('POST', '/api/auth/sign-out-everywhere', { token })).status,
    ).toBe(204);
    for (const cookie of [here, elsewhere])
      expect((await call('POST', '/api/auth/refresh', { cookie })).status).toBe(
        401,
      );
  });

  it('answers bad input with 4xx and field messages, never 500', async () => {
    const cases: [
      string,
      string,
      { body?: unknown; raw?: string },
      number,
      string,
    ][] = [
      ['POST', '/api/auth/register', { body: {} }, 400, 'validation_failed'],
      [
        'POST',
        '/api/auth/register',
        { body: { name: 1, email: [], password: {} } },
        400,
        'validation_failed',
      ],
      [
        'POST',
        '/api/auth/sign-in',
        { raw: '{"email": "x"' },
        400,
        'invalid_json',
      ],
      [
        'POST',
        '/api/auth/sign-in',
        { raw: 'x'.repeat(2_000_000) },
        413,
        'payload_too_large',
      ],
      [
        'POST',
        '/api/auth/password/reset',
        { body: { token: 'nope', newPassword: 'long enough new' } },
        400,
        'invalid_reset_token',
      ],
      [
        'POST',
        '/api/me/email/confirm',
        { body: { token: 'nope' } },
        400,
        'invalid_email_change_token',
      ],
      [
        'POST',
        '/api/me/email/revert',
        { body: { token: 'nope' } },
        400,
        'invalid_email_revert_token',
      ],
      [
        'POST',
        '/api/me/email/revert',
        { body: { token: ['nope'] } },
        400,
        'validation_failed',
      ],
      [
        'POST',
        '/api/me/email',
        { body: { email: 'new@example.org', password: 'whatever it is' } },
        401,
        'unauthenticated',
      ],
      ['GET', '/api/me/email', {}, 401, 'unauthenticated'],
      ['DELETE', '/api/me/email', {}, 401, 'unauthenticated'],
      ['GET', '/api/organizations/%E0%A4%A', {}, 400, 'validation_failed'],
      [
        'POST',
        '/api/organizations',
        { body: { name: 'x', kind: 'provider' } },
        401,
        'unauthenticated',
      ],
    ];
    for (const [method, path, options, status, code] of cases) {
      const res = await call(method, path, options);
      expect({ path, status: res.status, code: res.body['code'] }).toEqual({
        path,
        status,
        code,
      });
    }
  });

  it('writes the reset email to the local outbox when no SMTP server is configured', async () => {
    const email = uniqueEmail('outbox');
    await call('POST', '/api/auth/register', {
      body: { name: 'Outbox Person', email, password },
    });
    expect(
      (await call('POST', '/api/auth/password/forgot', { body: { email } }))
        .status,
    ).toBe(202);
    const dir = process.env['E2E_OUTBOX_DIR'] ?? '';
    const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
    const mail = files
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .find((m) => m.includes(email));
    expect(mail).toBeDefined();
    expect(mail).toMatch(/reset-password\?token=/);
  });
});
