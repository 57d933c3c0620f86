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
