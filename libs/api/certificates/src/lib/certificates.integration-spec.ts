import { AuthModule } from '@mezzo/api-auth';
import { CertificatesRepository } from '@mezzo/api-data-access';
import { CreditsModule } from '@mezzo/api-credits';
import { createTestApp, type TestApp, registerUser } from '@mezzo/api-testing';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CertificatesModule } from './certificates.module';

const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
const MB = 1024 * 1024;

/** A real PDF made with pdfkit, one text line per entry. */
function makePdf(lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 54 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(11);
    for (const line of lines) doc.text(line);
    doc.end();
  });
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const credit = {
  title: 'Ethics in practice',
  completedOn: '2025-02-14',
  hours: 3,
  format: 'self-study',
  topics: ['ethics'],
  practice: { clinical: 0, macro: 0, general: 3 },
};

describe('certificates (HTTP, PostgreSQL, local disk)', () => {
  let t: TestApp;
  let dataDir: string;
  let pdf: Buffer;
  const token: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${token[who]}` });
  const newCredit = async (who: string): Promise<string> =>
    (
      await request(t.server)
        .post('/api/credits')
        .set(as(who))
        .send(credit)
        .expect(201)
    ).body.id;
  const upload = (
    who: string,
    creditId: string,
    bytes: Buffer,
    filename: string,
    contentType = 'application/octet-stream',
  ) =>
    request(t.server)
      .post(`/api/credits/${creditId}/certificates`)
      .set(as(who))
      .attach('file', bytes, { filename, contentType });
  const stored = (hash: string) =>
    join(dataDir, 'certificates', hash.slice(0, 2), hash);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mezzo-certificates-'));
    t = await createTestApp([
      AuthModule,
      CreditsModule,
      CertificatesModule.forRoot({ dataDir }),
    ]);
    for (const who of ['ana', 'ben'])
      token[who] = await registerUser(t, who, who.toUpperCase());
    pdf = await makePdf(['Certificate of Completion', 'Course title: Ethics']);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('accepts a PDF, a PNG and a JPEG, typed by their bytes, and lists them', async () => {
    const creditId = await newCredit('ana');
    const a = await upload('ana', creditId, pdf, 'ethics.pdf').expect(201);
    expect(a.body).toMatchObject({
      creditId,
      fileName: 'ethics.pdf',
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: sha256(pdf),
    });
    // The client's name and Content-Type say PDF; the bytes say PNG, and the bytes win.
    const b = await upload(
      'ana',
      creditId,
      TINY_PNG,
      '../../etc/scan.pdf',
      'application/pdf',
    ).expect(201);
    expect(b.body).toMatchObject({
      mediaType: 'image/png',
      fileName: 'scan.pdf.png',
    });
    const c = await upload('ana', creditId, TINY_JPEG, 'photo.JPG').expect(201);
    expect(c.body).toMatchObject({
      mediaType: 'image/jpeg',
      fileName: 'photo.JPG',
    });
    expect(existsSync(stored(sha256(TINY_JPEG)))).toBe(true);

    const list = await request(t.server)
      .get(`/api/credits/${creditId}/certificates`)
      .set(as('ana'))
      .expect(200);
    expect(list.body.map((x: { id: string }) => x.id)).toEqual([
      a.body.id,
      b.body.id,
      c.body.id,
    ]);
    expect(Object.keys(list.body[0]).sort()).toEqual([
      'createdAt',
      'creditId',
      'fileName',
      'id',
      'mediaType',
      'sha256',
      'sizeBytes',
    ]);
  });

  it('refuses a text file named .pdf with 415, and stores nothing', async () => {
    const creditId = await newCredit('ana');
    const res = await upload(
      'ana',
      creditId,
      Buffer.from('just some notes, honest\n'),
      'certificate.pdf',
      'application/pdf',
    ).expect(415);
    expect(res.body.code).toBe('unsupported_media_type');
    const list = await request(t.server)
      .get(`/api/credits/${creditId}/certificates`)
      .set(as('ana'))
      .expect(200);
    expect(list.body).toEqual([]);
  });

  it('refuses a file of 10 MB + 1 byte with 413 and accepts exactly 10 MB', async () => {
    const creditId = await newCredit('ana');
    const big = Buffer.alloc(10 * MB + 1);
    pdf.copy(big);
    const res = await upload('ana', creditId, big, 'big.pdf').expect(413);
    expect(res.body).toMatchObject({
      code: 'payload_too_large',
      message: 'The file is larger than 10 MB',
    });
    await upload('ana', creditId, big.subarray(0, 10 * MB), 'max.pdf').expect(
      201,
    );
  });

  it('answers 400 with fields.file when no file is sent', async () => {
    const creditId = await newCredit('ana');
    const res = await request(t.server)
      .post(`/api/credits/${creditId}/certificates`)
      .set(as('ana'))
      .field('note', 'forgot the file')
      .expect(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.fields.file[0]).toMatch(/file is required/);
    const empty = await upload('ana', creditId, Buffer.alloc(0), 'x.pdf');
    expect(empty.status).toBe(400);
  });

  it('answers 400 with fields.file for a file under another field name, two files or no boundary', async () => {
    const creditId = await newCredit('ana');
    const path = `/api/credits/${creditId}/certificates`;
    const other = await request(t.server)
      .post(path)
      .set(as('ana'))
      .attach('doc', pdf, 'c.pdf')
      .expect(400);
    expect(other.body.fields.file[0]).toMatch(
      /^send one certificate as multipart field "file" \(Unexpected file field - doc\)$/,
    );
    const two = await request(t.server)
      .post(path)
      .set(as('ana'))
      .attach('file', pdf, 'a.pdf')
      .attach('file', pdf, 'b.pdf')
      .expect(400);
    expect(two.body.fields.file).toHaveLength(1);
    const noBoundary = await request(t.server)
      .post(path)
      .set(as('ana'))
      .set('Content-Type', 'multipart/form-data')
      .send('--x\r\n')
      .expect(400);
    expect(noBoundary.body.code).toBe('validation_failed');
    expect(noBoundary.body.fields.file).toHaveLength(1);
    const list = await request(t.server)
      .get(`/api/credits/${creditId}/certificates`)
      .set(as('ana'))
      .expect(200);
    expect(list.body).toEqual([]);
  });

  it('downloads the identical bytes with their type, name and hash', async () => {
    const creditId = await newCredit('ana');
    const up = await upload('ana', creditId, pdf, 'Ethics “final”.pdf').expect(
      201,
    );
    const res = await request(t.server)
      .get(`/api/certificates/${up.body.id}/download`)
      .set(as('ana'))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(res.body as Buffer, pdf)).toBe(0);
    expect(res.headers['x-content-sha256']).toBe(sha256(pdf));
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename=/,
    );
    expect(res.headers['content-disposition']).toContain(
      "filename*=UTF-8''Ethics%20%E2%80%9Cfinal%E2%80%9D.pdf",
    );
  });

  it('answers 409 when the stored bytes are corrupted (a re-upload repairs them) and 410 when they are gone', async () => {
    const creditId = await newCredit('ana');
    const bytes = await makePdf(['Corruptible certificate']);
    const up = await upload('ana', creditId, bytes, 'c.pdf').expect(201);
    writeFileSync(stored(sha256(bytes)), Buffer.from('tampered'));
    const corrupted = await request(t.server)
      .get(`/api/certificates/${up.body.id}/download`)
      .set(as('ana'))
      .expect(409);
    expect(corrupted.body.code).toBe('conflict');
    // Uploading the same file again repairs the stored copy for every certificate that uses it, and
    // answers the certificate already attached (200) rather than adding a second one.
    const again = await upload('ana', creditId, bytes, 'again.pdf').expect(200);
    expect(again.body).toMatchObject({ id: up.body.id, fileName: 'c.pdf' });
    expect(again.body).not.toHaveProperty('alreadyAttached');
    const listed = await request(t.server)
      .get(`/api/credits/${creditId}/certificates`)
      .set(as('ana'))
      .expect(200);
    expect(listed.body).toHaveLength(1);
    await request(t.server)
      .get(`/api/certificates/${up.body.id}/download`)
      .set(as('ana'))
      .expect(200);
    rmSync(stored(sha256(bytes)));
    const gone = await request(t.server)
      .get(`/api/certificates/${up.body.id}/download`)
      .set(as('ana'))
      .expect(410);
    expect(gone.body.code).toBe('not_found');
    expect(gone.body.message).toMatch(/upload it again/);
  });

  it('attaches the same file sent eight times at once once (201 for one, 200 with it for the others)', async () => {
    const creditId = await newCredit('ana');
    const bytes = await makePdf(['Sent from a shaky connection']);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        upload('ana', creditId, bytes, `tap-${i}.pdf`),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    const listed = await request(t.server)
      .get(`/api/credits/${creditId}/certificates`)
      .set(as('ana'))
      .expect(200);
    expect(listed.body).toHaveLength(1);
    expect(new Set(answers.map((a) => a.body.id))).toEqual(
      new Set([listed.body[0].id]),
    );
    // Whether those uploads interleave is up to the scheduler: the check made under the hash's lock,
    // which settles the race when they do, is exercised directly (an insert that skips the service's
    // check before it).
    const [{ user_id: userId }] = await t.app
      .get(DataSource)
      .query(`SELECT user_id FROM certificates WHERE id = $1`, [
        listed.body[0].id,
      ]);
    const late = await t.app.get(CertificatesRepository).create(
      {
        creditId,
        userId,
        fileName: 'late.pdf',
        mediaType: 'application/pdf',
        sizeBytes: bytes.length,
        sha256: sha256(bytes),
      },
      async () => sha256(bytes),
    );
    expect(late).toMatchObject({
      created: false,
      certificate: { id: listed.body[0].id },
    });
  });

  it("answers 404 for another user's credit or certificate, on every route", async () => {
    const creditId = await newCredit('ana');
    const up = await upload('ana', creditId, TINY_PNG, 'a.png').expect(201);
    await upload('ben', creditId, TINY_PNG, 'b.png').expect(404);
    await request(t.server)
      .get(`/api/credits/${creditId}/certificates`)
      .set(as('ben'))
      .expect(404);
    await request(t.server)
      .get(`/api/certificates/${up.body.id}/download`)
      .set(as('ben'))
      .expect(404);
    await request(t.server)
      .delete(`/api/certificates/${up.body.id}`)
      .set(as('ben'))
      .expect(404);
    await request(t.server)
      .get('/api/certificates/not-a-uuid/download')
      .set(as('ana'))
      .expect(404);
    await request(t.server)
      .get(`/api/certificates/${up.body.id}/download`)
      .set(as('ana'))
      .expect(200);
    await request(t.server)
      .get(`/api/credits/${creditId}/certificates`)
      .expect(401);
  });

  it('deletes a certificate but keeps bytes another certificate still uses', async () => {
    const [c1, c2] = [await newCredit('ana'), await newCredit('ben')];
    const bytes = await makePdf(['Shared certificate']);
    const file = stored(sha256(bytes));
    const first = await upload('ana', c1, bytes, 'one.pdf').expect(201);
    const second = await upload('ben', c2, bytes, 'two.pdf').expect(201);
    await request(t.server)
      .delete(`/api/certificates/${first.body.id}`)
      .set(as('ana'))
      .expect(204);
    expect(existsSync(file)).toBe(true);
    await request(t.server)
      .get(`/api/certificates/${first.body.id}/download`)
      .set(as('ana'))
      .expect(404);
    await request(t.server)
      .get(`/api/certificates/${second.body.id}/download`)
      .set(as('ben'))
      .expect(200);
    await request(t.server)
      .delete(`/api/certificates/${second.body.id}`)
      .set(as('ben'))
      .expect(204);
    expect(existsSync(file)).toBe(false);
  });

  it('erases the certificates with the account, bytes included, but keeps bytes another user still has', async () => {
    const reg = await request(t.server).post('/api/auth/register').send({
      name: 'Cy',
      email: 'cy@example.org',
      password: 'long enough password',
    });
    token['cy'] = reg.body.accessToken;
    const [mine, theirs] = [await newCredit('cy'), await newCredit('ben')];
    const own = await makePdf(['Only Cy has this one']);
    const shared = await makePdf(['Cy and Ben both have this one']);
    await upload('cy', mine, own, 'own.pdf').expect(201);
    await upload('cy', mine, shared, 'shared.pdf').expect(201);
    const bens = await upload('ben', theirs, shared, 'shared.pdf').expect(201);

    const exported = await request(t.server)
      .get('/api/me/export')
      .set(as('cy'))
      .expect(200);
    expect(
      exported.body.certificates.map(
        (c: { fileName: string; sha256: string }) => [c.fileName, c.sha256],
      ),
    ).toEqual([
      ['own.pdf', sha256(own)],
      ['shared.pdf', sha256(shared)],
    ]);

    // A wrong password erases nothing.
    await request(t.server)
      .delete('/api/me')
      .set(as('cy'))
      .send({ password: 'not the password' })
      .expect(401);
    expect(existsSync(stored(sha256(own)))).toBe(true);

    await request(t.server)
      .delete('/api/me')
      .set(as('cy'))
      .send({ password: 'long enough password' })
      .expect(204);
    expect(existsSync(stored(sha256(own)))).toBe(false);
    expect(existsSync(stored(sha256(shared)))).toBe(true);
    const rows: { n: number }[] = await t.app
      .get(DataSource)
      .query(
        "SELECT count(*)::int AS n FROM certificates WHERE file_name IN ('own.pdf', 'shared.pdf')",
      );
    // Ben's row for the shared file is the only one left.
    expect(rows[0].n).toBe(1);
    await request(t.server)
      .get(`/api/certificates/${bens.body.id}/download`)
      .set(as('ben'))
      .expect(200);
  });

  it('counts each credit’s certificates in the credit log', async () => {
    const reg = await request(t.server).post('/api/auth/register').send({
      name: 'Dee',
      email: 'dee@example.org',
      password: 'long enough password',
    });
    token['dee'] = reg.body.accessToken;
    const [withTwo, withNone] = [
      await newCredit('dee'),
      await newCredit('dee'),
    ];
    await upload('dee', withTwo, await makePdf(['First']), 'a.pdf').expect(201);
    await upload('dee', withTwo, TINY_PNG, 'b.png').expect(201);
    const log = await request(t.server)
      .get('/api/credits?page=1&pageSize=10')
      .set(as('dee'))
      .expect(200);
    const count = (id: string) =>
      log.body.items.find((c: { id: string }) => c.id === id)?.certificateCount;
    expect(count(withTwo)).toBe(2);
    expect(count(withNone)).toBe(0);
  });

  it('refuses certificates on a deleted credit', async () => {
    const creditId = await newCredit('ana');
    await request(t.server)
      .delete(`/api/credits/${creditId}`)
      .set(as('ana'))
      .expect(204);
    const res = await upload('ana', creditId, pdf, 'x.pdf').expect(409);
    expect(res.body.code).toBe('conflict');
  });

  it('prefills a credit from a certificate PDF and stores nothing', async () => {
    const certificate = await makePdf([
      'CERTIFICATE OF COMPLETION',
      'This certifies that Ana Example has successfully completed',
      'Course title: Ethics and Boundaries in Clinical Supervision',
      'Date of completion: February 14, 2025',
      'Format: Live interactive webinar',
      'Category: Ethics',
      'Riverbend Training Institute, #1234, is approved as an ACE provider to offer social work continuing education by the Association of Social Work Boards (ASWB) Approved Continuing Education (ACE) program. Regulatory boards are the final authority on courses accepted for continuing education credit. ACE provider approval period: 01/15/2024 - 01/15/2027. Social workers completing this course receive 3 continuing education credits.',
    ]);
    const before = readdirSync(dataDir, { recursive: true }).length;
    const res = await request(t.server)
      .post('/api/certificates/prefill')
      .set(as('ana'))
      .attach('file', certificate, 'certificate.pdf')
      .expect(200);
    expect(res.body).toMatchObject({
      title: 'Ethics and Boundaries in Clinical Supervision',
      provider: 'Riverbend Training Institute',
      aceProviderNumber: '1234',
      approvalPeriod: { start: '2024-01-15', end: '2027-01-15' },
      hours: 3,
      completedOn: '2025-02-14',
      format: 'live-online',
      categories: ['Ethics'],
      topics: ['ethics'],
    });
    expect(res.body.confidence.aceProviderNumber).toBeGreaterThan(0.9);
    expect(readdirSync(dataDir, { recursive: true }).length).toBe(before);
  });

  it('prefill refuses a PNG with 415 and an unreadable PDF with 400', async () => {
    const png = await request(t.server)
      .post('/api/certificates/prefill')
      .set(as('ana'))
      .attach('file', TINY_PNG, {
        filename: 'certificate.pdf',
        contentType: 'application/pdf',
      })
      .expect(415);
    expect(png.body).toMatchObject({
      code: 'unsupported_media_type',
      message: 'The file must be a PDF (this one is png)',
    });
    const broken = await request(t.server)
      .post('/api/certificates/prefill')
      .set(as('ana'))
      .attach('file', Buffer.from('%PDF-1.7\nnot really a pdf\n'), 'x.pdf')
      .expect(400);
    expect(broken.body.fields.file[0]).toMatch(/could not be read/);
  });
});
