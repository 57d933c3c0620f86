import { createHash } from 'node:crypto';
import { startS3StandIn, type S3StandIn } from '../../testing/s3-stand-in';
import { S3CertificateStorage } from './s3.storage';

describe('S3CertificateStorage against a local S3 stand-in', () => {
  let s3: S3StandIn;
  let storage: S3CertificateStorage;
  const bytes = Buffer.from('%PDF-1.4 pretend certificate');
  const sha = createHash('sha256').update(bytes).digest('hex');

  beforeAll(async () => {
    s3 = await startS3StandIn();
    storage = new S3CertificateStorage({
      bucket: 'mezzo-certs',
      endpoint: s3.endpoint,
      region: 'us-east-1',
      accessKeyId: 'test-key',
      secretAccessKey: 'test-secret',
      forcePathStyle: true,
    });
  });
  afterAll(async () => {
    storage.onModuleDestroy();
    await s3.close();
  });

  it('puts the object at a path-style, content-addressed key, signed, with its SHA-256', async () => {
    const key = await storage.put(sha, bytes, 'application/pdf');
    expect(key).toBe(`certificates/${sha.slice(0, 2)}/${sha}`);
    const put = s3.seen.find((s) => s.method === 'PUT')!;
    expect(put.url.split('?')[0]).toBe(`/mezzo-certs/${key}`);
    expect(put.headers['authorization']).toMatch(
      /^AWS4-HMAC-SHA256 Credential=test-key\/\d{8}\/us-east-1\/s3\/aws4_request/,
    );
    expect(put.headers['x-amz-checksum-sha256']).toBe(
      createHash('sha256').update(bytes).digest('base64'),
    );
    expect(s3.objects.get(`/mezzo-certs/${key}`)).toEqual({
      body: bytes,
      type: 'application/pdf',
    });
  });

  it('gets the bytes back, and null for a missing key', async () => {
    const key = `certificates/${sha.slice(0, 2)}/${sha}`;
    expect(await storage.get(key)).toEqual(bytes);
    const missing = 'f'.repeat(64);
    expect(await storage.get(`certificates/ff/${missing}`)).toBeNull();
  });

  it('deletes the object and refuses keys that are not certificate keys', async () => {
    const key = `certificates/${sha.slice(0, 2)}/${sha}`;
    await storage.delete(key);
    expect(s3.objects.size).toBe(0);
    await expect(storage.get('../secrets')).rejects.toThrow(
      /Not a certificate key/,
    );
  });
});
