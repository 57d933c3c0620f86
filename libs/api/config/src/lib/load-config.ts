import { hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppConfig, RunMode } from './config.types';

/** Thrown at boot when the environment is not usable; lists every problem at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
] as const;
const MIN_SECRET_LENGTH = 32;
/** HKDF `info` of the unsubscribe-link key; a new label (`v2`) would be a new key. */
const UNSUBSCRIBE_KEY_LABEL = 'mezzo/unsubscribe-link/v1';

/**
 * Reads and validates the environment. The only code in the API that reads `process.env`.
 * In production secrets are required; locally a secret is generated once and kept in DATA_DIR.
 */
export function loadConfig(
  env: Env = process.env,
  cwd: string = process.cwd(),
): AppConfig {
  const problems: string[] = [];
  const mode = parseMode(env['NODE_ENV'], problems);
  const port = parseInteger(
    env,
    'PORT',
    3000,
    { min: 0, max: 65535 },
    problems,
  );
  const dataDir = resolve(cwd, env['DATA_DIR'] ?? '.data');

  const databaseUrl = env['DATABASE_URL'] ?? '';
  if (!databaseUrl)
    problems.push(
      'DATABASE_URL is required (postgres://user:pass@host:5432/db)',
    );
  else if (!/^postgres(ql)?:\/\//.test(databaseUrl))
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');

  const appUrl = (env['APP_URL'] ?? `http://localhost:${port}`).replace(
    /\/+$/,
    '',
  );
  if (!isHttpUrl(appUrl)) problems.push('APP_URL must be an http(s) URL');

  const logLevel = (env['LOG_LEVEL'] ??
    (mode === 'test' ? 'warn' : 'info')) as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const smtpUrl = env['SMTP_URL'] || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl))
    problems.push('SMTP_URL must start with smtp:// or smtps://');

  const supportEmail = (env['SUPPORT_EMAIL'] ?? 'support@mezzo.local').trim();
  if (!/^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/.test(supportEmail))
    problems.push(
      'SUPPORT_EMAIL must be an email address (support@example.org)',
    );

  const workers = (env['WORKERS'] ?? '1').toLowerCase();
  if (!['1', 'true', '0', 'false'].includes(workers))
    problems.push('WORKERS must be 1 (reminder workers run in the API) or 0');

  const jwtSecret = secret(env, 'JWT_SECRET', mode, dataDir, problems);
  const cookieSecret = secret(env, 'COOKIE_SECRET', mode, dataDir, problems);

  const config: AppConfig = {
    mode,
    port,
    appUrl,
    databaseUrl,
    dataDir,
    webDistDir: resolveWebDist(env['WEB_DIST_DIR'], cwd),
    seedDemo: env['SEED_DEMO'] === '1' || env['SEED_DEMO'] === 'true',
    runWorkers: workers === '1' || workers === 'true',
    logLevel,
    auth: {
      jwtSecret,
      cookieSecret,
      accessTokenTtlSeconds: parseInteger(
        env,
        'ACCESS_TOKEN_TTL_SECONDS',
        900,
        { min: 10, max: 86400 },
        problems,
      ),
      refreshTokenTtlDays: parseInteger(
        env,
        'REFRESH_TOKEN_TTL_DAYS',
        30,
        { min: 1, max: 365 },
        problems,
      ),
      resetTokenTtlMinutes: parseInteger(
        env,
        'RESET_TOKEN_TTL_MINUTES',
        60,
        { min: 5, max: 1440 },
        problems,
      ),
      signInLimitPerIp: parseInteger(
        env,
        'SIGN_IN_LIMIT_PER_IP',
        30,
        { min: 1, max: 100000 },
        problems,
      ),
      signInLimitPerAccount: parseInteger(
        env,
        'SIGN_IN_LIMIT_PER_ACCOUNT',
        8,
        { min: 1, max: 1000 },
        problems,
      ),
      signInWindowSeconds: parseInteger(
        env,
        'SIGN_IN_WINDOW_SECONDS',
        900,
        { min: 1, max: 86400 },
        problems,
      ),
      secureCookies: mode === 'production' && appUrl.startsWith('https://'),
      unsubscribeKey: deriveKey(cookieSecret, UNSUBSCRIBE_KEY_LABEL),
    },
    mail: {
      smtpUrl,
      from: env['MAIL_FROM'] ?? 'Mezzo <no-reply@mezzo.local>',
      outboxDir: join(dataDir, 'outbox'),
    },
    supportEmail,
    certificates: { s3: s3Config(env, problems) },
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

function s3Config(
  env: Env,
  problems: string[],
): AppConfig['certificates']['s3'] {
  const bucket = env['S3_BUCKET'];
  const others = [
    'S3_ENDPOINT',
    'S3_REGION',
    'S3_ACCESS_KEY_ID',
    'S3_SECRET_ACCESS_KEY',
    'S3_FORCE_PATH_STYLE',
  ].filter((k) => env[k]);
  if (!bucket) {
    if (others.length)
      problems.push(`${others.join(', ')} set without S3_BUCKET`);
    return undefined;
  }
  const endpoint = env['S3_ENDPOINT'] || undefined;
  if (endpoint && !isHttpUrl(endpoint))
    problems.push('S3_ENDPOINT must be an http(s) URL');
  const accessKeyId = env['S3_ACCESS_KEY_ID'] || undefined;
  const secretAccessKey = env['S3_SECRET_ACCESS_KEY'] || undefined;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey))
    problems.push(
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together',
    );
  const pathStyle = (env['S3_FORCE_PATH_STYLE'] ?? 'false').toLowerCase();
  if (!['true', '1', 'false', '0'].includes(pathStyle))
    problems.push('S3_FORCE_PATH_STYLE must be true or false');
  return {
    bucket,
    endpoint,
    region: env['S3_REGION'] || 'us-east-1',
    accessKeyId,
    secretAccessKey,
    forcePathStyle: pathStyle === 'true' || pathStyle === '1',
  };
}

function parseMode(value: string | undefined, problems: string[]): RunMode {
  const mode = value ?? 'development';
  if (mode === 'development' || mode === 'test' || mode === 'production')
    return mode;
  problems.push('NODE_ENV must be development, test or production');
  return 'development';
}

function parseInteger(
  env: Env,
  name: string,
  fallback: number,
  range: { min: number; max: number },
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    problems.push(
      `${name} must be a whole number from ${range.min} to ${range.max}`,
    );
    return fallback;
  }
  return value;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A secret from the environment; in production it must be set and long enough. Locally a random
 * one is generated on first boot and kept in DATA_DIR/secrets.json, so sessions survive restarts.
 */
function secret(
  env: Env,
  name: string,
  mode: RunMode,
  dataDir: string,
  problems: string[],
): string {
  const given = env[name];
  if (given) {
    if (given.length < MIN_SECRET_LENGTH)
      problems.push(`${name} must be at least ${MIN_SECRET_LENGTH} characters`);
    return given;
  }
  if (mode === 'production') {
    problems.push(`${name} is required in production (no default)`);
    return '';
  }
  return localSecret(dataDir, name);
}

/** A 32-byte key for one purpose, derived from a configured secret (HKDF-SHA256, RFC 5869). */
function deriveKey(secret: string, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, '', label, 32));
}

function localSecret(dataDir: string, name: string): string {
  const file = join(dataDir, 'secrets.json');
  const stored: Record<string, string> = existsSync(file)
    ? JSON.parse(readFileSync(file, 'utf8'))
    : {};
  if (!stored[name]) {
    stored[name] = randomBytes(48).toString('base64url');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return stored[name];
}

function resolveWebDist(
  given: string | undefined,
  cwd: string,
): string | undefined {
  const dir = resolve(cwd, given ?? 'dist/apps/web/browser');
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}
