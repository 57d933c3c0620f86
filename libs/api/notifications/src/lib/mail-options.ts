export interface MailOptions {
  /** `smtp://user:pass@host:587` or `smtps://user:pass@host:465`. Without it, mail goes to the outbox. */
  smtpUrl?: string;
  /** The From header, e.g. `Mezzo <no-reply@mezzo.example>`. */
  from: string;
  /** Where local mode writes .eml files; relative paths resolve against the working directory. Default `.data/outbox`. */
  outboxDir?: string;
}

export const MAIL_OPTIONS = Symbol('MAIL_OPTIONS');

export const DEFAULT_OUTBOX_DIR = '.data/outbox';
