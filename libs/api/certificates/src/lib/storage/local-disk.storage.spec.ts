import { createHash } from 'node:crypto';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDiskCertificateStorage } from './local-disk.storage';

describe('LocalDiskCertificateStorage', () => {
  let dir: string;
  let storage: LocalDiskCertificateStorage;
  const bytes = Buffer.from('%PDF-1.4 certificate bytes');
  const sha = createHash('sha256').update(bytes).digest('hex');
  const file = () => join(dir, 'certificates', sha.slice(0, 2), sha);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mezzo-disk-'));
    storage = new LocalDiskCertificateStorage(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stores under <dataDir>/certificates/<prefix>/<sha256> and leaves no temporary file', async () => {
    const key = await storage.put(sha, bytes);
    expect(readFileSync(file())).toEqual(bytes);
    expect(readdirSync(join(dir, 'certificates', sha.slice(0, 2)))).toEqual([
      sha,
    ]);
    expect(await storage.get(key)).toEqual(bytes);
  });

  it('stores the same content once, and replaces a damaged copy', async () => {
    const key = await storage.put(sha, bytes);
    expect(await storage.put(sha, bytes)).toBe(key);
    writeFileSync(file(), Buffer.alloc(bytes.length)); // same size, wrong bytes
    await storage.put(sha, bytes);
    expect(readFileSync(file())).toEqual(bytes);
  });

  it('answers null for missing bytes, deletes idempotently, and refuses foreign keys', async () => {
    const key = await storage.put(sha, bytes);
    await storage.delete(key);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await expect(storage.get('certificates/../../etc/passwd')).rejects.toThrow(
      /Not a certificate key/,
    );
    await expect(storage.put('not-a-hash', bytes)).rejects.toThrow();
  });
});
