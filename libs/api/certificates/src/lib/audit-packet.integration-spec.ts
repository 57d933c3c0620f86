import { AuthModule } from '@mezzo/api-auth';
import { CreditsModule } from '@mezzo/api-credits';
import { LicensesModule } from '@mezzo/api-licenses';
import {
  createTestApp,
  pdfText,
  type TestApp,
  registerUser,
} from '@mezzo/api-testing';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { CertificatesModule } from './certificates.module';

const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** File names in a ZIP, read from its central directory (no unzip library needed). */
function zipEntries(zip: Buffer): string[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50)
      throw new Error('bad central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    names.push(zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

const binary = (
  r: request.Response,
  cb: (err: Error | null, body: Buffer) => void,
) => {
  const parts: Buffer[] = [];
  r.on('data', (d: Buffer) => parts.push(d));
  r.on('end', () => cb(null, Buffer.concat(parts)));
};

describe('audit packet with certificates (HTTP, PostgreSQL, disk)', () => {
  let t: TestApp;
  let dataDir: string;
  let auth: Record<string, string>;
  let other: Record<string, string>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mezzo-audit-'));
    t = await createTestApp([
      AuthModule,
      LicensesModule,
      CreditsModule,
      CertificatesModule.forRoot({ dataDir }),
    ]);
    auth = {
      Authorization: `Bearer ${await registerUser(t, 'audit', 'Audit Person')}`,
    };
    other = {
      Authorization: `Bearer ${await registerUser(t, 'other', 'Other')}`,
    };
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('zips the transcript PDF with every certificate of the cycle, and prints their hashes', async () => {
    const lic = (
      await request(t.server)
        .post('/api/licenses')
        .set(auth)
        .send({
          jurisdiction: 'NJ',
          licenseType: 'LCSW',
          number: 'Z-1',
          issuedOn: '2018-03-10',
        })
        .expect(201)
    ).body;
    const credit = (
      await request(t.server)
        .post('/api/credits')
        .set(auth)
        .send({
          title: 'Ethics & law',
          completedOn: '2025-03-01',
          hours: 5,
          format: 'live-online',
          topics: ['ethics'],
          practice: { clinical: 0, macro: 0, general: 5 },
        })
        .expect(201)
    ).body;
    await request(t.server)
      .post(`/api/credits/${credit.id}/certificates`)
      .set(auth)
      .attach('file', TINY_PNG, 'cert.png')
      .expect(201);

    const zip = await request(t.server)
      .get(`/api/licenses/${lic.id}/audit-packet.zip?asOf=2026-05-01`)
      .set(auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const base = 'mezzo-nj-lcsw-2024-09-01-2026-08-31';
    expect(zipEntries(zip.body as Buffer).sort()).toEqual([
      `${base}/certificates/2025-03-01 Ethics  law - cert.png`,
      `${base}/transcript.pdf`,
    ]);

    const pdf = await request(t.server)
      .get(`/api/licenses/${lic.id}/audit-packet.pdf?asOf=2026-05-01`)
      .set(auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = (await pdfText(pdf.body as Buffer)).replace(/\s+/g, '');
    expect(text).toContain(createHash('sha256').update(TINY_PNG).digest('hex'));

    await request(t.server)
      .get(`/api/licenses/${lic.id}/audit-packet.zip`)
      .set(other)
      .expect(404);

    // asOf is held to the compliance view's rules: a date that exists, within 1950–2200.
    for (const asOf of ['2025-02-30', '9999-12-31', '2025-1-1']) {
      const bad = await request(t.server)
        .get(`/api/licenses/${lic.id}/audit-packet.zip?asOf=${asOf}`)
        .set(auth)
        .expect(400);
      expect(bad.body).toMatchObject({ code: 'validation_failed' });
      expect(Object.keys(bad.body.fields)).toEqual(['asOf']);
    }
  });
});
