import PDFDocument from 'pdfkit';
import { baseUrl, call, uniqueEmail } from '../support/http';

const password = 'an e2e password';

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

async function signUp(tag: string): Promise<string> {
  const res = await call<{ accessToken: string }>(
    'POST',
    '/api/auth/register',
    { body: { name: `E2E ${tag}`, email: uniqueEmail(tag), password } },
  );
  return res.body.accessToken;
}

describe("the licensee's API against the built product", () => {
  let me: string;
  let them: string;
  let licenseId: string;
  let creditId: string;

  beforeAll(async () => {
    [me, them] = await Promise.all([signUp('me'), signUp('them')]);
  });

  it('adds an NJ LCSW license and logs credits, one of them macro', async () => {
    const lic = await call<{ id: string; status: string }>(
      'POST',
      '/api/licenses',
      {
        token: me,
        body: {
          jurisdiction: 'NJ',
          licenseType: 'LCSW',
          number: 'E2E-1',
          issuedOn: '2018-03-10',
        },
      },
    );
    expect(lic.status).toBe(201);
    licenseId = lic.body.id;
    const credits = [
      {
        title: 'Clinical assessment',
        completedOn: '2025-01-10',
        hours: 6,
        format: 'live-in-person',
        topics: [],
        practice: { clinical: 6, macro: 0, general: 0 },
      },
      {
        title: 'Ethics',
        completedOn: '2025-03-10',
        hours: 5,
        format: 'live-online',
        topics: ['ethics'],
        practice: { clinical: 0, macro: 0, general: 5 },
      },
      {
        title: 'Testifying on budget bills',
        completedOn: '2025-05-10',
        hours: 1,
        format: 'live-online',
        topics: [],
        practice: { clinical: 0, macro: 1, general: 0 },
        macroAreas: ['policy-advocacy'],
      },
    ];
    for (const body of credits) {
      const res = await call<{ id: string }>('POST', '/api/credits', {
        token: me,
        body,
      });
      expect(res.status).toBe(201);
      creditId = res.body.id;
    }
  });

  it('shows compliance with a thin advocacy flag and a plan', async () => {
    const res = await call<{
      evaluation: {
        status: string;
        advocacy: { status: string };
        plan: unknown[];
        totals: { countedHours: number };
      };
    }>('GET', `/api/licenses/${licenseId}/compliance?asOf=2026-05-01`, {
      token: me,
    });
    expect(res.status).toBe(200);
    expect(res.body.evaluation).toMatchObject({
      status: 'in-progress',
      advocacy: { status: 'thin' },
      totals: { countedHours: 12 },
    });
    expect(res.body.evaluation.plan.length).toBeGreaterThan(0);
  });

  it("answers 404 for another user's license and credit", async () => {
    for (const path of [
      `/api/licenses/${licenseId}`,
      `/api/licenses/${licenseId}/compliance`,
      `/api/credits/${creditId}`,
      `/api/credits/${creditId}/history`,
      `/api/licenses/${licenseId}/audit-packet.pdf`,
    ]) {
      expect({
        path,
        status: (await call('GET', path, { token: them })).status,
      }).toEqual({ path, status: 404 });
    }
    expect(
      (
        await call('PATCH', `/api/credits/${creditId}`, {
          token: them,
          body: { version: 1, title: 'x' },
        })
      ).status,
    ).toBe(404);
  });

  it('answers bad input with 400 and field messages', async () => {
    const res = await call<{ code: string; fields: Record<string, string[]> }>(
      'POST',
      '/api/credits',
      {
        token: me,
        body: {
          title: '',
          completedOn: 'soon',
          hours: 0,
          format: 'vr',
          topics: ['x'],
          practice: { clinical: -1, macro: 0, general: 0 },
        },
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(Object.keys(res.body.fields)).toEqual(
      expect.arrayContaining([
        'title',
        'completedOn',
        'hours',
        'format',
        'topics',
        'practice.clinical',
      ]),
    );
  });

  it('takes a certificate PDF, refuses a wrong type (415) and a file too large (413), and prefills from a PDF', async () => {
    const pdf = await makePdf([
      'Certificate of Completion',
      'Course title: Ethics in Telehealth Practice',
      'Date of completion: February 14, 2025',
      '3.0 CE hours, live webinar',
      'Garden State CE, #1234, is approved to offer social work continuing education by the Association of Social Work Boards (ASWB) Approved Continuing Education (ACE) program.',
    ]);
    const ok = await upload(
      `/api/credits/${creditId}/certificates`,
      me,
      pdf,
      'certificate.pdf',
    );
    expect(ok.status).toBe(201);
    expect(ok.body['mediaType']).toBe('application/pdf');
    expect(
      (
        await upload(
          `/api/credits/${creditId}/certificates`,
          me,
          Buffer.from('just text, not a pdf'),
          'fake.pdf',
        )
      ).status,
    ).toBe(415);
    expect(
      (
        await upload(
          `/api/credits/${creditId}/certificates`,
          me,
          Buffer.alloc(10 * 1024 * 1024 + 1, 0x25),
          'huge.pdf',
        )
      ).status,
    ).toBe(413);
    expect(
      (
        await upload(
          `/api/credits/${creditId}/certificates`,
          them,
          pdf,
          'theirs.pdf',
        )
      ).status,
    ).toBe(404);
    const prefill = await upload(
      '/api/certificates/prefill',
      me,
      pdf,
      'certificate.pdf',
    );
    expect(prefill.status).toBe(200);
    expect(prefill.body).toMatchObject({
      title: 'Ethics in Telehealth Practice',
      hours: 3,
      completedOn: '2025-02-14',
      aceProviderNumber: '1234',
    });
  });

  it('downloads the audit packet as PDF and ZIP', async () => {
    for (const [ext, type] of [
      ['pdf', 'application/pdf'],
      ['zip', 'application/zip'],
    ]) {
      const res = await fetch(
        `${baseUrl()}/api/licenses/${licenseId}/audit-packet.${ext}?asOf=2026-05-01`,
        { headers: { Authorization: `Bearer ${me}` } },
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(500);
    }
  });

  it('serves a private calendar feed that stops when revoked', async () => {
    const token = await call<{ url: string }>(
      'POST',
      '/api/me/calendar-token',
      { token: me },
    );
    expect(token.status).toBe(201);
    const path = new URL(token.body.url).pathname;
    const feed = await fetch(`${baseUrl()}${path}`);
    expect(feed.status).toBe(200);
    const text = await feed.text();
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain('NJ LCSW');
    expect(
      (await call('DELETE', '/api/me/calendar-token', { token: me })).status,
    ).toBe(204);
    expect((await fetch(`${baseUrl()}${path}`)).status).toBe(404);
  });

  it('exports the credit log as CSV and all my data as JSON', async () => {
    const csv = await fetch(`${baseUrl()}/api/credits/export.csv`, {
      headers: { Authorization: `Bearer ${me}` },
    });
    expect(csv.status).toBe(200);
    expect((await csv.text()).split('\n').filter(Boolean)).toHaveLength(4);
    const all = await call<{ licenses: unknown[]; credits: unknown[] }>(
      'GET',
      '/api/me/export',
      { token: me },
    );
    expect(all.body.licenses).toHaveLength(1);
    expect(all.body.credits).toHaveLength(3);
  });
});
