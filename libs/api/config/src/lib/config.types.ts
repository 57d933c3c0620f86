export type RunMode = 'development' | 'test' | 'production';

/** Everything the API reads from its environment, validated once at boot. */
export interface AppConfig {
  mode: RunMode;
  port: number;
  /** Public URL of the app, used in emailed links. */
  appUrl: string;
  databaseUrl: string;
  /** Folder for local state: generated secrets, mail outbox, uploaded files. */
  dataDir: string;
  /** Built Angular app served at `/`; absent = API only. */
  webDistDir?: string;
  /** Load the demo accounts at boot (idempotent); `npm start` turns it on. */
  seedDemo: boolean;
  /**
   * Run the reminder workers (pg-boss schedule and jobs) inside the API process. Off when a separate
   * worker process (`dist/apps/api/worker.js`) runs them, so the API only answers requests.
   */
  runWorkers: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  auth: {
    jwtSecret: string;
    cookieSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    resetTokenTtlMinutes: number;
    /** Per window: failed sign-ins allowed per IP (a success gives its slot back); attempts per account. */
    signInLimitPerIp: number;
    signInLimitPerAccount: number;
    signInWindowSeconds: number;
    /** Secure cookies (HTTPS only) — on in production. */
    secureCookies: boolean;
    /**
     * HMAC-SHA256 key of the reminder emails' one-click unsubscribe links (32 bytes), derived from
     * COOKIE_SECRET with HKDF under its own label, so no key is shared between two uses and no new
     * setting is needed. Not from JWT_SECRET: rotating that one to sign everybody out must not
     * break the unsubscribe links in mail already sent. Rotating COOKIE_SECRET does.
     */
    unsubscribeKey: Buffer;
  };
  mail: { smtpUrl?: string; from: string; outboxDir: string };
  /**
   * Where people write for help (`SUPPORT_EMAIL`): shown on the Help page and in the emails that
   * send someone to support (a taken-over account whose undo link no longer works).
   */
  supportEmail: string;
  /** Certificate files: local disk under dataDir/certificates unless S3 is configured. */
  certificates: {
    s3?: {
      bucket: string;
      endpoint?: string;
      region: string;
      accessKeyId?: string;
      secretAccessKey?: string;
      forcePathStyle: boolean;
    };
  };
}
