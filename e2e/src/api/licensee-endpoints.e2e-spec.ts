import PDFDocument from 'pdfkit';
import { baseUrl, call, uniqueEmail } from '../support/http';

/**
 * Every licensee endpoint of the built product, black box: the happy path, another user's id
 * (404, never 403: ids do not leak), and bad input (400 with field messages, or the documented
 * 401/409/413/415). The journey itself is in licensee.e2e-spec.ts; this suite is the checklist.
 */
const password = 'an e2e password for endpoints';

function makePdf(lines: string[]): Promise<Buffer> {
  return new Promise((ok) => {
    const doc = new PDFDocument();
    const parts: Buffer[] = [];
    doc.on('data', (c: Buffer) => parts.push(c));
    doc.on('end', () => ok(Buffer.concat(parts)));
    for (const l of lines) doc.text(l);
    doc.end();
  });
}

async function upload(
  path: string,
  token: string,
  bytes: Buffer,
  name: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${baseUrl()}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown>,
  };
}

async function get(
  path: string,
  token: string,
): Promise<{
  status: number;
  type: string | null;
  bytes: Buffer;
  headers: Headers;
}> {
  const res = await fetch(`${baseUrl()}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    bytes: Buffer.from(await res.arrayBuffer()),
    headers: res.headers,
  };
}

const emails: Record<string, string> = {};

async function signUp(tag: string): Promise<string> {
  emails[tag] = uniqueEmail(tag);
  const res = await call<{ accessToken: string }>(
    'POST',
    '/api/auth/register',
    {
      body: { name: `E2E ${tag}`, email: emails[tag], password },
    },
  );
  expect(res.status).toBe(201);
  return res.body.accessToken;
}

const credit = {
  title: 'Ethics and boundaries',
  provider: 'Garden State CE',
  completedOn: '2025-03-10',
  hours: 3,
  format: 'live-online',
  topics: ['ethics'],
  practice: { clinical: 0, macro: 0, general: 3 },
  approvals: [{ body: 'ACE', number: '1234' }],
};

describe('every licensee endpoint, against the built product', () => {
  let me: string;
  let them: string;
  let licenseId: string;
  let creditId: string;
  let certificateId: string;

  beforeAll(async () => {
    [me, them] = await Promise.all([
      signUp('endpoints-me'),
      signUp('endpoints-them'),
    ]);
  });

  it('GET /rule-sets lists what can be chosen, with the anchor the form needs', async () => {
    const res = await call<
      { jurisdiction: string; licenseType: string; anchor: string }[]
    >('GET', '/api/rule-sets', { token: me });
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(50);
    expect(res.body).toContainEqual(
      expect.objectContaining({
        jurisdiction: 'NJ',
        licenseType: 'LCSW',
        anchor: 'fixed',
      }),
    );
    expect((await call('GET', '/api/rule-sets')).status).toBe(401);
  });

  it('POST /licenses creates; bad input answers 400 naming the field', async () => {
    const valid = {
      jurisdiction: 'NJ',
      licenseType: 'LCSW',
      number: 'EP-1',
      issuedOn: '2018-03-10',
    };
    for (const [change, field] of [
      [{ number: '' }, 'number'],
      [{ issuedOn: 'March 2018' }, 'issuedOn'],
      [{ issuedOn: '2018-02-30' }, 'issuedOn'],
      [{ jurisdiction: 'ZZ' }, 'jurisdiction'],
      [{ licenseType: 'ASTRONAUT' }, 'licenseType'],
    ] as const) {
      const bad = await call<{
        code: string;
        fields: Record<string, string[]>;
      }>('POST', '/api/licenses', {
        token: me,
        body: { ...valid, ...change },
      });
      expect({
        change,
        status: bad.status,
        code: bad.body.code,
        fields: Object.keys(bad.body.fields ?? {}),
      }).toEqual({
        change,
        status: 400,
        code: 'validation_failed',
        fields: expect.arrayContaining([field]),
      });
    }
    const ok = await call<{ id: string; version: number }>(
      'POST',
      '/api/licenses',
      { token: me, body: valid },
    );
    expect(ok.status).toBe(201);
    licenseId = ok.body.id;
  });

  it('GET /licenses and /licenses/:id show my own only', async () => {
    const mine = await call<{ id: string }[]>('GET', '/api/licenses', {
      token: me,
    });
    expect(mine.body.map((l) => l.id)).toEqual([licenseId]);
    const theirs = await call<unknown[]>('GET', '/api/licenses', {
      token: them,
    });
    expect(theirs.body).toEqual([]);
    expect(
      (await call('GET', `/api/licenses/${licenseId}`, { token: me })).status,
    ).toBe(200);
    expect(
      (await call('GET', `/api/licenses/${licenseId}`, { token: them })).status,
    ).toBe(404);
    expect(
      (await call('GET', '/api/licenses/not-a-uuid', { token: me })).status,
    ).toBe(404);
  });

  it('PATCH /licenses/:id checks the version (409) and the fields (400)', async () => {
    const current = await call<{ version: number }>(
      'GET',
      `/api/licenses/${licenseId}`,
      { token: me },
    );
    const v = current.body.version;
    expect(
      (
        await call('PATCH', `/api/licenses/${licenseId}`, {
          token: them,
          body: { version: v, number: 'X' },
        })
      ).status,
    ).toBe(404);
    const bad = await call<{ fields: Record<string, string[]> }>(
      'PATCH',
      `/api/licenses/${licenseId}`,
      {
        token: me,
        body: { version: v, issuedOn: 'yesterday' },
      },
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toContain('issuedOn');
    const ok = await call<{ number: string; version: number }>(
      'PATCH',
      `/api/licenses/${licenseId}`,
      {
        token: me,
        body: { version: v, number: 'EP-2' },
      },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.number).toBe('EP-2');
    const stale = await call<{ code: string }>(
      'PATCH',
      `/api/licenses/${licenseId}`,
      {
        token: me,
        body: { version: v, number: 'EP-3' },
      },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('conflict');
  });

  it('POST/GET/PATCH/DELETE /credits, restore and history, with 404 for others and 400 for bad input', async () => {
    const created = await call<{ id: string; version: number }>(
      'POST',
      '/api/credits',
      { token: me, body: credit },
    );
    expect(created.status).toBe(201);
    creditId = created.body.id;

    const split = await call<{ fields: Record<string, string[]> }>(
      'POST',
      '/api/credits',
      {
        token: me,
        body: { ...credit, practice: { clinical: 1, macro: 0, general: 0 } },
      },
    );
    expect(split.status).toBe(400);
    expect(Object.keys(split.body.fields).join(' ')).toContain('practice');

    const page = await call<{ items: { id: string }[]; total: number }>(
      'GET',
      '/api/credits?page=1&pageSize=10',
      { token: me },
    );
    expect(page.body.total).toBe(1);
    expect(
      (await call('GET', '/api/credits?page=0&pageSize=1000', { token: me }))
        .status,
    ).toBe(400);
    expect(
      (await call<{ total: number }>('GET', '/api/credits', { token: them }))
        .body.total,
    ).toBe(0);

    for (const [method, path, body] of [
      ['GET', `/api/credits/${creditId}`, undefined],
      [
        'PATCH',
        `/api/credits/${creditId}`,
        { version: 1, title: 'Theirs now' },
      ],
      ['DELETE', `/api/credits/${creditId}`, undefined],
      ['POST', `/api/credits/${creditId}/restore`, undefined],
      ['GET', `/api/credits/${creditId}/history`, undefined],
    ] as const) {
      expect({
        method,
        path,
        status: (await call(method, path, { token: them, body })).status,
      }).toEqual({
        method,
        path,
        status: 404,
      });
    }

    const edited = await call<{ title: string; version: number }>(
      'PATCH',
      `/api/credits/${creditId}`,
      {
        token: me,
        body: {
          version: created.body.version,
          title: 'Ethics, boundaries and dual roles',
        },
      },
    );
    expect(edited.status).toBe(200);
    expect(
      (
        await call('PATCH', `/api/credits/${creditId}`, {
          token: me,
          body: { version: created.body.version, title: 'Lost update' },
        })
      ).status,
    ).toBe(409);

    expect(
      (await call('DELETE', `/api/credits/${creditId}`, { token: me })).status,
    ).toBe(204);
    const deleted = await call<{ total: number }>(
      'GET',
      '/api/credits?deleted=true',
      { token: me },
    );
    expect(deleted.body.total).toBe(1);
    expect(
      (await call('POST', `/api/credits/${creditId}/restore`, { token: me }))
        .status,
    ).toBe(200);
    const history = await call<{ action: string }[]>(
      'GET',
      `/api/credits/${creditId}/history`,
      { token: me },
    );
    expect(history.body.map((e) => e.action)).toEqual([
      'created',
      'updated',
      'deleted',
      'restored',
    ]);

    const csv = await get('/api/credits/export.csv', me);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect(csv.bytes.toString()).toContain('Ethics, boundaries and dual roles');
  });

  it('certificates: upload, list, download (hash checked), delete; others get 404; 413 and 415', async () => {
    const pdf = await makePdf([
      'Certificate of Completion',
      'Course title: Ethics and boundaries',
    ]);
    const up = await upload(
      `/api/credits/${creditId}/certificates`,
      me,
      pdf,
      'ethics.pdf',
    );
    expect(up.status).toBe(201);
    certificateId = String(up.body['id']);
    expect(
      (
        await upload(
          `/api/credits/${creditId}/certificates`,
          them,
          pdf,
          'x.pdf',
        )
      ).status,
    ).toBe(404);
    const wrongType = await upload(
      `/api/credits/${creditId}/certificates`,
      me,
      Buffer.from('GIF89a fake'),
      'cert.pdf',
    );
    expect(wrongType.status).toBe(415);
    expect(wrongType.body['code']).toBe('unsupported_media_type');
    const tooBig = await upload(
      `/api/credits/${creditId}/certificates`,
      me,
      Buffer.alloc(10 * 1024 * 1024 + 1, 0x25),
      'big.pdf',
    );
    expect(tooBig.status).toBe(413);
    expect(tooBig.body['code']).toBe('payload_too_large');

    const list = await call<{ id: string; sha256: string }[]>(
      'GET',
      `/api/credits/${creditId}/certificates`,
      { token: me },
    );
    expect(list.body.map((c) => c.id)).toEqual([certificateId]);
    expect(
      (
        await call('GET', `/api/credits/${creditId}/certificates`, {
          token: them,
        })
      ).status,
    ).toBe(404);

    const file = await get(`/api/certificates/${certificateId}/download`, me);
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/pdf');
    expect(file.bytes.equals(pdf)).toBe(true);
    expect(file.headers.get('x-content-sha256')).toBe(list.body[0].sha256);
    expect(
      (await get(`/api/certificates/${certificateId}/download`, them)).status,
    ).toBe(404);

    const prefill = await upload(
      '/api/certificates/prefill',
      me,
      Buffer.from('not a pdf'),
      'x.pdf',
    );
    expect(prefill.status).toBe(415);
  });

  it('audit packet PDF and ZIP, transcript export and import; 404 for others', async () => {
    for (const ext of ['pdf', 'zip']) {
      const mine = await get(
        `/api/licenses/${licenseId}/audit-packet.${ext}?asOf=2026-05-01`,
        me,
      );
      expect(mine.status).toBe(200);
      expect(mine.bytes.subarray(0, 2).toString('latin1')).toBe(
        ext === 'pdf' ? '%P' : 'PK',
      );
      expect(
        (await get(`/api/licenses/${licenseId}/audit-packet.${ext}`, them))
          .status,
      ).toBe(404);
    }
    expect(
      (
        await get(
          `/api/licenses/${licenseId}/audit-packet.pdf?asOf=someday`,
          me,
        )
      ).status,
    ).toBe(400);

    const exported = await call<{ jurisdiction: string; credits: unknown[] }>(
      'GET',
      `/api/licenses/${licenseId}/transcript`,
      { token: me },
    );
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({
      jurisdiction: 'NJ',
      licenseType: 'LCSW',
    });
    expect(exported.body.credits).toHaveLength(1);
    expect(
      (
        await call('GET', `/api/licenses/${licenseId}/transcript`, {
          token: them,
        })
      ).status,
    ).toBe(404);

    // Importing my own export adds nothing; a broken transcript names the field.
    const again = await call<{ created: number; skipped: number }>(
      'POST',
      `/api/licenses/${licenseId}/transcript`,
      {
        token: me,
        body: exported.body,
      },
    );
    expect(again.body).toEqual({ created: 0, skipped: 1 });
    const broken = await call<{ fields: Record<string, string[]> }>(
      'POST',
      `/api/licenses/${licenseId}/transcript`,
      {
        token: me,
        body: { ...exported.body, credits: [{ id: 'x', hours: -1 }] },
      },
    );
    expect(broken.status).toBe(400);
    // Field paths are dotted, as on every endpoint (docs/TRANSCRIPT.md).
    expect(broken.body.fields['credits.0.hours']).toEqual(['must be >= 0']);
    expect(broken.body.fields['credits.0.title']).toEqual(['is required']);
    expect(
      (
        await call('POST', `/api/licenses/${licenseId}/transcript`, {
          token: them,
          body: exported.body,
        })
      ).status,
    ).toBe(404);
  });

  it('settings: read, change, and 400 for a floor outside 0–100', async () => {
    const before = await call<{ advocacyFloorPercent: number | null }>(
      'GET',
      '/api/me/settings',
      { token: me },
    );
    expect(before.body.advocacyFloorPercent).toBeNull();
    const bad = await call<{ fields: Record<string, string[]> }>(
      'PATCH',
      '/api/me/settings',
      {
        token: me,
        body: { advocacyFloorPercent: 140, reminders: { deadlines: 'yes' } },
      },
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(
      expect.arrayContaining(['advocacyFloorPercent']),
    );
    const ok = await call<{
      advocacyFloorPercent: number;
      reminders: { advocacy: boolean };
    }>('PATCH', '/api/me/settings', {
      token: me,
      body: { advocacyFloorPercent: 25, reminders: { advocacy: false } },
    });
    expect(ok.body).toMatchObject({
      advocacyFloorPercent: 25,
      reminders: { advocacy: false },
    });
    // The floor is applied to the balance at once (25% of NJ's 40 hours).
    const view = await call<{
      evaluation: { advocacy: { floorHours: number } };
    }>('GET', `/api/licenses/${licenseId}/compliance?asOf=2026-05-01`, {
      token: me,
    });
    expect(view.body.evaluation.advocacy.floorHours).toBe(10);
  });

  it('retires a license (404 for others), then deletes the account only with the password', async () => {
    expect(
      (await call('POST', `/api/licenses/${licenseId}/retire`, { token: them }))
        .status,
    ).toBe(404);
    const retired = await call<{ retiredAt: string | null }>(
      'POST',
      `/api/licenses/${licenseId}/retire`,
      { token: me },
    );
    expect(retired.status).toBe(200);
    expect(retired.body.retiredAt).not.toBeNull();
    expect(
      (await call<unknown[]>('GET', '/api/licenses', { token: me })).body,
    ).toEqual([]);

    expect(
      (await call('DELETE', '/api/me', { token: me, body: {} })).status,
    ).toBe(400);
    expect(
      (
        await call('DELETE', '/api/me', {
          token: me,
          body: { password: 'wrong' },
        })
      ).status,
    ).toBe(401);
    expect(
      (await call('DELETE', '/api/me', { token: me, body: { password } }))
        .status,
    ).toBe(204);
    // Everything went with it, including the certificate.
    expect(
      (await call('GET', `/api/credits/${creditId}`, { token: them })).status,
    ).toBe(404);
    const signIn = await call('POST', '/api/auth/sign-in', {
      body: { email: emails['endpoints-me'], password },
    });
    expect(signIn.status).toBe(401);
  });
});
