import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { PLAIN_EMAIL } from '@mezzo/api-core';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type StreamTransport from 'nodemailer/lib/stream-transport';
import { MailDeliveryError } from './mail-delivery.error';
import { MailMessage } from './mail-message';
import { DEFAULT_OUTBOX_DIR, MAIL_OPTIONS, MailOptions } from './mail-options';

/**
 * nodemailer waits minutes by default; a request that sends mail (a password reset) should fail
 * in seconds instead. Values given in the URL's query string (`?socketTimeout=…`) win.
 */
const SMTP_TIMEOUTS_MS = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 30_000,
};

type Delivery =
  | {
      kind: 'smtp';
      transporter: Transporter<SMTPTransport.SentMessageInfo>;
      target: string;
    }
  | {
      kind: 'outbox';
      transporter: Transporter<StreamTransport.SentMessageInfo>;
      dir: string;
    };

/**
 * Sends mail over SMTP when `smtpUrl` is configured, otherwise writes each message as an .eml
 * file to the outbox directory (local mode). Logs recipient and subject only: bodies can carry
 * reset tokens.
 */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly logger = new Logger(MailerService.name);
  private readonly delivery: Delivery;
  private sequence = 0;

  constructor(@Inject(MAIL_OPTIONS) private readonly options: MailOptions) {
    this.delivery = options.smtpUrl
      ? smtpDelivery(options.smtpUrl)
      : outboxDelivery(options.outboxDir);
    this.logger.log(
      this.delivery.kind === 'smtp'
        ? `Mail goes over SMTP to ${this.delivery.target}`
        : `No SMTP URL configured: mail is written to ${this.delivery.dir}`,
    );
  }

  async send(message: MailMessage): Promise<void> {
    const { to, subject } = message;
    const delivery = this.delivery;
    try {
      // One bare addr-spec: no display name, list, group, comment or line break.
      if (!PLAIN_EMAIL.test(to)) {
        // nodemailer reads `a@x\r\nBcc: b@y` or `a@x, b@y` as several recipients; `to` is one.
        throw new Error('the recipient is not a single plain email address');
      }
      const mail = {
        from: this.options.from,
        to,
        subject,
        text: message.text,
        html: message.html,
        ...oneClickUnsubscribe(message.unsubscribeUrl),
      };
      if (delivery.kind === 'smtp') {
        const info = await delivery.transporter.sendMail(mail);
        this.logger.log(
          `Mail to ${to} "${subject}" sent over SMTP (${info.messageId})`,
        );
      } else {
        const info = await delivery.transporter.sendMail(mail);
        const file = join(delivery.dir, this.nextFileName());
        await mkdir(delivery.dir, { recursive: true });
        await writeFile(file, info.message as Buffer, { flag: 'wx' });
        this.logger.log(`Mail to ${to} "${subject}" written to ${file}`);
      }
    } catch (cause) {
      const error = new MailDeliveryError(to, subject, delivery.kind, {
        cause,
      });
      this.logger.error(error.message);
      throw error;
    }
  }

  onModuleDestroy(): void {
    this.delivery.transporter.close();
  }

  /** `2026-11-22T10-58-59-123Z-0001-3f9a1c.eml`: sorts by time, then by send order within a millisecond. */
  private nextFileName(): string {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    this.sequence = (this.sequence + 1) % 10_000;
    return `${stamp}-${String(this.sequence).padStart(4, '0')}-${randomBytes(3).toString('hex')}.eml`;
  }
}

/**
 * RFC 8058 headers for `url`: nodemailer's `list` option writes `List-Unsubscribe: <url>`; the
 * `List-Unsubscribe-Post` header tells the provider a POST to it is enough. No `mailto:` beside
 * it: there is no mailbox that would act on one.
 */
function oneClickUnsubscribe(url: string | undefined): {
  list?: { unsubscribe: string };
  headers?: Record<string, string>;
} {
  if (url === undefined) return {};
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  // It goes between the angle brackets of a header as it is: printable ASCII, no space or bracket.
  if (
    !parsed ||
    (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') ||
    /[^\x21-\x7e]|[<>"]/.test(url)
  )
    throw new Error('the unsubscribe URL is not a plain http(s) URL');
  return {
    list: { unsubscribe: url },
    headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

function smtpDelivery(smtpUrl: string): Delivery {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new Error('MailOptions.smtpUrl is not a valid URL');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    // The URL may hold a password: name the problem, never the value.
    throw new Error(
      `MailOptions.smtpUrl must start with smtp:// or smtps://, not ${url.protocol}//`,
    );
  }
  for (const [key, value] of Object.entries(SMTP_TIMEOUTS_MS)) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, String(value));
  }
  return {
    kind: 'smtp',
    transporter: createTransport(url.toString()),
    target: `${url.protocol}//${url.host}`,
  };
}

function outboxDelivery(outboxDir = DEFAULT_OUTBOX_DIR): Delivery {
  return {
    kind: 'outbox',
    transporter: createTransport({
      streamTransport: true,
      buffer: true,
      newline: 'windows',
    }),
    dir: resolve(outboxDir),
  };
}
