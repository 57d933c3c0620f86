import { baseUrl, call, uniqueEmail } from '../support/http';

/**
 * Input the validators or the database cannot take answers 4xx, on every endpoint, before any
 * handler runs: NUL characters and lone surrogates in strings, JSON nested absurdly deep, and
 * bodies that are neither JSON nor a multipart upload. Each of these used to answer 500, or (a
 * text/plain settings change) 200 while changing nothing.
 */
const password = 'an e2e password for hostile input';
let token = '';

const credit = {
  title: 'Ethics and boundaries',
  completedOn: '2025-03-10',
  hours: 3,
  format: 'live-online',
  topics: ['ethics'],
  practice: { clinical: 3, macro: 0, general: 0 },
  approvals: [{ body: 'ACE', number: '1234' }],
};

async function send(
  method: string,
  path: string,
  body: string,
  type: string | null,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (type) headers['Content-Type'] = type;
  const res = await fetch(`${baseUrl()}${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {} };
}

async function creditCount(): Promise<number> {
  const res = await call<{ total: number }>('GET', '/api/credits', { token });
  expect(res.status).toBe(200);
  return res.body.total;
}

beforeAll(async () => {
  const res = await call<{ accessToken: string }>(
    'POST',
    '/api/auth/register',
    {
      body: {
        name: 'E2E hostile',
        email: uniqueEmail('hostile'),
        password,
      },
    },
  );
  expect(res.status).toBe(201);
  token = res.body.accessToken;
});

describe('hostile input', () => {
  it('answers a malformed percent-encoded id with 400 naming the path', async () => {
    for (const path of [
      '/api/licenses/%E0%A4%A',
      '/api/credits/%zz',
      '/api/credits/%',
    ]) {
      const res = await fetch(`${baseUrl()}${path}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        code: 'validation_failed',
        fields: {
          path: [expect.stringContaining('malformed percent-encoding')],
        },
      });
    }
  });

  it('refuses a NUL character in any text field with 400 naming the field, and writes nothing', async () => {
    const before = await creditCount();
    const res = await call('POST', '/api/credits', {
      token,
      body: {
        ...credit,
        title: 'Ethics\u0000',
        approvals: [{ body: 'ACE', number: '12\u000034' }],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'validation_failed',
      fields: {
        title: ['must not contain a NUL character'],
        'approvals.0.number': ['must not contain a NUL character'],
      },
    });
    expect(await creditCount()).toBe(before);
  });

  it('refuses a lone surrogate, also on the public sign-in and register endpoints', async () => {
    // Written as raw JSON text: the escape \ud800 alone is valid JSON but not valid Unicode text.
    for (const path of ['/api/auth/sign-in', '/api/auth/register']) {
      const res = await call('POST', path, {
        raw: `{"email":"a\\ud800@example.org","password":"${password}","name":"X"}`,
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'validation_failed',
        fields: {
          email: ['must be valid Unicode text (it holds a lone surrogate)'],
        },
      });
    }
    const res = await call('POST', '/api/credits', {
      token,
      raw: JSON.stringify({ ...credit, title: 'a' }).replace(
        '"title":"a"',
        '"title":"a\\ud800b"',
      ),
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body['fields'] as object)).toEqual(['title']);
  });

  it('answers JSON nested deeper than 32 levels with 400 invalid_json', async () => {
    for (const raw of [
      '{"a":'.repeat(3000) + '1' + '}'.repeat(3000),
      '['.repeat(5000) + ']'.repeat(5000),
    ]) {
      const res = await call('POST', '/api/credits', { token, raw });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'invalid_json',
        message: 'The request body nests deeper than 32 levels',
      });
    }
  });

  it('refuses a body that is not JSON with 415 instead of ignoring it', async () => {
    const before = await call<{ advocacyFloorPercent: number }>(
      'GET',
      '/api/me/settings',
      { token },
    );
    expect(before.status).toBe(200);
    for (const [body, type] of [
      ['{"advocacyFloorPercent":33}', 'text/plain'],
      ['advocacyFloorPercent=33', 'application/x-www-form-urlencoded'],
      ['{"advocacyFloorPercent":33}', null],
    ] as const) {
      const res = await send('PATCH', '/api/me/settings', body, type);
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ code: 'unsupported_media_type' });
    }
    const after = await call('GET', '/api/me/settings', { token });
    expect(after.body).toEqual(before.body);
  });

  it('takes any body on the one-click unsubscribe route only, as mail providers send a form there', async () => {
    // RFC 8058: `List-Unsubscribe=One-Click`, form-encoded. A bad token is the answer, not the body.
    const path = `/api/reminders/unsubscribe?token=${'A'.repeat(67)}`;
    for (const [body, type] of [
      ['List-Unsubscribe=One-Click', 'application/x-www-form-urlencoded'],
      ['{not json', 'application/json'],
      ['anything', 'text/plain'],
    ] as const) {
      const res = await send('POST', path, body, type);
      expect(res).toMatchObject({
        status: 400,
        body: { code: 'invalid_unsubscribe_token' },
      });
    }
    const page = await fetch(`${baseUrl()}${path}`);
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('answers a charset or encoding it cannot read with 415, and a body that will not inflate with 400', async () => {
    for (const type of [
      'application/json; charset=latin1',
      'application/json; charset=bogus',
    ]) {
      const res = await send('PATCH', '/api/me/settings', '{}', type);
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ code: 'unsupported_media_type' });
    }
    const encoded = async (encoding: string) => {
      const res = await fetch(`${baseUrl()}/api/me/settings`, {
        method: 'PATCH',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'Content-Encoding': encoding,
        },
        body: '{"advocacyFloorPercent":20}',
      });
      return { status: res.status, body: (await res.json()) as object };
    };
    expect(await encoded('foo')).toMatchObject({
      status: 415,
      body: { code: 'unsupported_media_type' },
    });
    expect(await encoded('gzip')).toMatchObject({
      status: 400,
      body: { code: 'invalid_json' },
    });
  });

  it('takes multipart only on the upload routes, and only multipart there', async () => {
    const form = new FormData();
    form.append('advocacyFloorPercent', '33');
    const onJson = await fetch(`${baseUrl()}/api/me/settings`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}` },
      body: form,
    });
    expect(onJson.status).toBe(415);
    const onUpload = await send(
      'POST',
      '/api/certificates/prefill',
      '{"file":"x"}',
      'application/json',
    );
    expect(onUpload).toMatchObject({
      status: 415,
      body: {
        code: 'unsupported_media_type',
        message: 'Send the file as multipart/form-data',
      },
    });
  });

  it('still takes a JSON body with a charset, and requests without a body', async () => {
    const res = await send(
      'POST',
      '/api/credits',
      JSON.stringify(credit),
      'application/json; charset=utf-8',
    );
    expect(res.status).toBe(201);
    const signOut = await fetch(`${baseUrl()}/api/auth/sign-out`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(signOut.status).toBeLessThan(300);
  });
});
