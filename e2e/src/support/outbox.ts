import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The mail the API wrote to its local outbox (no SMTP server in e2e runs), as text: one .eml file
 * per message, quoted-printable undone so that links read whole. Enough for the ASCII messages
 * Mezzo sends; not a MIME parser.
 */
export interface OutboxMail {
  file: string;
  to: string;
  subject: string;
  text: string;
}

function decodeQuotedPrintable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    );
}

function header(text: string, name: string): string {
  return new RegExp(`^${name}: (.*)$`, 'im').exec(text)?.[1]?.trim() ?? '';
}

/** Every message so far, oldest first (file names sort by time of sending). */
export function outbox(): OutboxMail[] {
  const dir = process.env['E2E_OUTBOX_DIR'];
  if (!dir) throw new Error('E2E_OUTBOX_DIR is not set (the e2e global setup)');
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
  } catch {
    return [];
  }
  return files.sort().map((file) => {
    const text = decodeQuotedPrintable(readFileSync(join(dir, file), 'utf8'));
    return {
      file,
      to: header(text, 'To'),
      subject: header(text, 'Subject'),
      text,
    };
  });
}

/** The newest message to `address` with this subject, waiting up to `timeoutMs` for it. */
export async function waitForMail(
  address: string,
  subject: string,
  timeoutMs = 10_000,
): Promise<OutboxMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = outbox()
      .filter((m) => m.to.includes(address) && m.subject === subject)
      .at(-1);
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(`No mail "${subject}" to ${address} in the outbox`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}
