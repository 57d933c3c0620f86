import { AddressInfo } from 'node:net';
import {
  SMTPServer,
  SMTPServerDataStream,
  SMTPServerSession,
} from 'smtp-server';
import { ParsedMail, parseMail } from './parse-mail';

export interface ReceivedMail extends ParsedMail {
  /** SMTP envelope: MAIL FROM and RCPT TO as the client sent them. */
  envelope: { from: string; to: string[] };
  /** The user name the client authenticated with, if it did. */
  authUser?: string;
  /** The message exactly as received (after SMTP dot-unstuffing). */
  raw: string;
}

export interface TestSmtpServer {
  port: number;
  /** `smtp://127.0.0.1:<port>`: no credentials, no TLS. Credentials may be added; any are accepted. */
  url: string;
  /** Every message received so far, oldest first. */
  messages: ReceivedMail[];
  /** Resolves with the first message (already received or still to come) that matches. */
  waitFor(
    predicate: (mail: ReceivedMail) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedMail>;
  stop(): Promise<void>;
}

interface Waiter {
  predicate: (mail: ReceivedMail) => boolean;
  resolve: (mail: ReceivedMail) => void;
}

/**
 * A real SMTP server on 127.0.0.1 with an ephemeral port, for tests that send mail the way
 * production does. Plain text only (STARTTLS disabled), authentication optional and any
 * credentials accepted (nodemailer sends AUTH when the URL has a user name).
 */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<Waiter>();

  const receive = (mail: ReceivedMail): void => {
    messages.push(mail);
    for (const waiter of waiters) {
      if (waiter.predicate(mail)) {
        waiters.delete(waiter);
        waiter.resolve(mail);
      }
    }
  };

  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    disableReverseLookup: true,
    closeTimeout: 1000,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const { mailFrom, rcptTo } = session.envelope;
        try {
          receive({
            ...parseMail(raw),
            envelope: {
              from: mailFrom ? mailFrom.address : '',
              to: rcptTo.map((rcpt) => rcpt.address),
            },
            authUser:
              typeof session.user === 'string' ? session.user : undefined,
            raw,
          });
          callback(null);
        } catch (error) {
          callback(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve((server.server.address() as AddressInfo).port);
    });
  });

  let stopped: Promise<void> | undefined;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor(predicate, timeoutMs = 5000) {
      const already = messages.find(predicate);
      if (already) return Promise.resolve(already);
      return new Promise<ReceivedMail>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const seen =
            messages
              .map((mail) => `"${mail.subject}" to ${mail.to}`)
              .join(', ') || 'none';
          reject(
            new Error(
              `No matching mail within ${timeoutMs} ms; received: ${seen}`,
            ),
          );
        }, timeoutMs);
        const waiter: Waiter = {
          predicate,
          resolve: (mail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        };
        waiters.add(waiter);
      });
    },
    stop() {
      stopped ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return stopped;
    },
  };
}
