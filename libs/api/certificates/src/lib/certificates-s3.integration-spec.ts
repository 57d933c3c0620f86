import { AuthModule } from '@mezzo/api-auth';
import { CreditsModule } from '@mezzo/api-credits';
import { createTestApp, type TestApp, registerUser } from '@mezzo/api-testing';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startS3StandIn, type S3StandIn } from '../testing/s3-stand-in';
import { CertificatesModule } from './certificates.module';

const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('certificates (HTTP, PostgreSQL, S3-compatible storage)', () => {
  let t: TestApp;
  let s3: S3StandIn;
  let dataDir: string;
  let auth: { Authorization: string };

  beforeAll(async () => {
    s3 = await startS3StandIn();
    dataDir = mkdtempSync(join(tmpdir(), 'mezzo-certificates-s3-'));
    t = await createTestApp([
      AuthModule,
      CreditsModule,
      CertificatesModule.forRoot({
        dataDir,
        s3: {
          bucket: 'mezzo',
          endpoint: s3.endpoint,
          region: 'us-east-1',
          accessKeyId: 'k',
          secretAccessKey: 's',
          forcePathStyle: true,
        },
      }),
    ]);
    auth = { Authorization: `Bearer ${await registerUser(t, 'ana', 'Ana')}` };
  });
  afterAll(async () => {
    await t.close();
    await s3.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores, serves and deletes the bytes in the bucket, not on the disk', async () => {
    const creditId = (
      await request(t.server)
        .post('/api/credits')
        .set(auth)
        .send({
          title: 'Supervision',
          completedOn: '2025-02-14',
          hours: 1,
          format: 'self-study',
          topics: [],
          practice: { clinical: 1, macro: 0, general: 0 },
        })
        .expect(201)
    ).body.id;
    const up = await request(t.server)
      .post(`/api/credits/${creditId}/certificates`)
      .set(auth)
      .attach('file', TINY_PNG, 'scan.png')
      .expect(201);
    const sha = createHash('sha256').update(TINY_PNG).digest('hex');
    const objectPath = `/mezzo/certificates/${sha.slice(0, 2)}/${sha}`;
    expect(s3.objects.get(objectPath)?.body).toEqual(TINY_PNG);
    expect(existsSync(join(dataDir, 'certificates'))).toBe(false);

    const down = await request(t.server)
      .get(`/api/certificates/${up.body.id}/download`)
      .set(auth)
      .expect(200);
    expect(Buffer.compare(down.body as Buffer, TINY_PNG)).toBe(0);
    expect(down.headers['x-content-sha256']).toBe(sha);

    await request(t.server)
      .delete(`/api/certificates/${up.body.id}`)
      .set(auth)
      .expect(204);
    expect(s3.objects.has(objectPath)).toBe(false);
  });
});
