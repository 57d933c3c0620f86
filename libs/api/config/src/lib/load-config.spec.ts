import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './load-config';

const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/mezzo' };

describe('loadConfig', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mezzo-config-'))));

  it('uses defaults locally and generates secrets once, kept in the data dir', () => {
    const first = loadConfig({ ...base }, dir);
    expect(first.port).toBe(3000);
    expect(first.mode).toBe('development');
    expect(first.auth.jwtSecret.length).toBeGreaterThanOrEqual(32);
    const second = loadConfig({ ...base }, dir);
    expect(second.auth.jwtSecret).toBe(first.auth.jwtSecret);
    expect(second.auth.cookieSecret).not.toBe(first.auth.jwtSecret);
    expect(
      JSON.parse(readFileSync(join(dir, '.data', 'secrets.json'), 'utf8')),
    ).toHaveProperty('JWT_SECRET');
  });

  it('derives the unsubscribe-link key from COOKIE_SECRET: stable, its own, and not the JWT secret', () => {
    const secrets = {
      JWT_SECRET: 'j'.repeat(40),
      COOKIE_SECRET: 'c'.repeat(40),
    };
    const key = loadConfig({ ...base, ...secrets }, dir).auth.unsubscribeKey;
    expect(key).toHaveLength(32);
    expect(key.equals(Buffer.from(secrets.COOKIE_SECRET))).toBe(false);
    // The same secret gives the same key: links in mail already sent keep working after a restart.
    expect(
      loadConfig({ ...base, ...secrets }, dir).auth.unsubscribeKey.equals(key),
    ).toBe(true);
    // Signing everybody out (a new JWT secret) leaves the links alone; a new cookie secret does not.
    expect(
      loadConfig({ ...base, ...secrets, JWT_SECRET: 'k'.repeat(40) }, dir).auth
        .unsubscribeKey,
    ).toEqual(key);
    expect(
      loadConfig({ ...base, ...secrets, COOKIE_SECRET: 'd'.repeat(40) }, dir)
        .auth.unsubscribeKey,
    ).not.toEqual(key);
  });

  it('runs the reminder workers in the API unless WORKERS=0 hands them to a worker process', () => {
    expect(loadConfig({ ...base }, dir).runWorkers).toBe(true);
    expect(loadConfig({ ...base, WORKERS: '1' }, dir).runWorkers).toBe(true);
    expect(loadConfig({ ...base, WORKERS: '0' }, dir).runWorkers).toBe(false);
    expect(loadConfig({ ...base, WORKERS: 'false' }, dir).runWorkers).toBe(
      false,
    );
    expect(() => loadConfig({ ...base, WORKERS: 'some' }, dir)).toThrow(
      /WORKERS must be 1/,
    );
  });

  it('names a support address, support@mezzo.local unless SUPPORT_EMAIL says otherwise', () => {
    expect(loadConfig({ ...base }, dir).supportEmail).toBe(
      'support@mezzo.local',
    );
    expect(
      loadConfig({ ...base, SUPPORT_EMAIL: ' help@example.org ' }, dir)
        .supportEmail,
    ).toBe('help@example.org');
    for (const bad of ['help', 'Mezzo <help@example.org>', 'a@b', 'a b@c.org'])
      expect(() => loadConfig({ ...base, SUPPORT_EMAIL: bad }, dir)).toThrow(
        /SUPPORT_EMAIL must be an email address/,
      );
  });

  it('requires secrets in production and lists every problem at once', () => {
    try {
      loadConfig({ NODE_ENV: 'production', PORT: 'abc' }, dir);
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toMatch(/DATABASE_URL is required/);
      expect(problems).toMatch(/JWT_SECRET is required in production/);
      expect(problems).toMatch(/COOKIE_SECRET is required in production/);
      expect(problems).toMatch(/PORT must be a whole number/);
    }
  });

  it('rejects short secrets and bad URLs', () => {
    expect(() =>
      loadConfig({ ...base, JWT_SECRET: 'short', SMTP_URL: 'http://x' }, dir),
    ).toThrow(/JWT_SECRET must be at least 32 characters/);
    expect(() => loadConfig({ ...base, SMTP_URL: 'http://x' }, dir)).toThrow(
      /SMTP_URL must start with smtp/,
    );
  });

  it('reads overrides', () => {
    const c = loadConfig(
      {
        ...base,
        PORT: '4100',
        APP_URL: 'https://app.example/',
        SIGN_IN_LIMIT_PER_ACCOUNT: '3',
      },
      dir,
    );
    expect(c.port).toBe(4100);
    expect(c.appUrl).toBe('https://app.example');
    expect(c.auth.signInLimitPerAccount).toBe(3);
  });

  it('keeps certificates on local disk unless S3_BUCKET is set, and checks the S3 settings', () => {
    expect(loadConfig({ ...base }, dir).certificates.s3).toBeUndefined();
    const c = loadConfig(
      {
        ...base,
        S3_BUCKET: 'certs',
        S3_ENDPOINT: 'http://minio:9000',
        S3_FORCE_PATH_STYLE: 'true',
        S3_ACCESS_KEY_ID: 'a',
        S3_SECRET_ACCESS_KEY: 'b',
      },
      dir,
    );
    expect(c.certificates.s3).toEqual({
      bucket: 'certs',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      accessKeyId: 'a',
      secretAccessKey: 'b',
      forcePathStyle: true,
    });
    expect(() => loadConfig({ ...base, S3_REGION: 'eu-west-1' }, dir)).toThrow(
      /S3_REGION set without S3_BUCKET/,
    );
    expect(() =>
      loadConfig({ ...base, S3_BUCKET: 'x', S3_ACCESS_KEY_ID: 'a' }, dir),
    ).toThrow(/must be set together/);
  });
});
