/**
 * A deliberately small RFC 5322 / MIME reader for tests: enough to read what nodemailer writes
 * (folded headers, RFC 2047 encoded words, multipart/alternative, quoted-printable and base64
 * parts). It is not a general mail parser; `raw` stays available for anything it does not cover.
 */

export interface ParsedMail {
  /** Header values by lower-case name, unfolded and with encoded words decoded; first occurrence wins. */
  headers: Record<string, string>;
  from: string;
  to: string;
  subject: string;
  /** The first text/plain part (or the body of a single-part text message), decoded. */
  text?: string;
  /** The first text/html part, decoded. */
  html?: string;
}

interface MimePart {
  headers: Record<string, string>;
  body: string;
}

export function parseMail(raw: string | Buffer): ParsedMail {
  const source = (typeof raw === 'string' ? raw : raw.toString('utf8')).replace(
    /\r\n/g,
    '\n',
  );
  // The line break before the end of the message (or the SMTP terminator) is not body content.
  const root = splitPart(source.endsWith('\n') ? source.slice(0, -1) : source);
  const found: { text?: string; html?: string } = {};
  collectBodies(root, found);
  return {
    headers: root.headers,
    from: root.headers['from'] ?? '',
    to: root.headers['to'] ?? '',
    subject: root.headers['subject'] ?? '',
    ...found,
  };
}

function splitPart(source: string): MimePart {
  const blank = source.indexOf('\n\n');
  const head = blank === -1 ? source : source.slice(0, blank);
  const body = blank === -1 ? '' : source.slice(blank + 2);
  return { headers: parseHeaders(head), body };
}

export function parseHeaders(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  // Unfolding (RFC 5322 §2.2.3): a line break followed by white space continues the header.
  const unfolded = head.replace(/\n(?=[ \t])/g, '');
  for (const line of unfolded.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!(name in headers)) {
      headers[name] = decodeEncodedWords(line.slice(colon + 1).trim());
    }
  }
  return headers;
}

/** RFC 2047: `=?charset?Q|B?text?=`; white space between two adjacent encoded words is dropped. */
export function decodeEncodedWords(value: string): string {
  const encodedWord = /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g;
  return value
    .replace(/(\?=)\s+(?==\?)/g, '$1')
    .replace(
      encodedWord,
      (_match, charset: string, encoding: string, text: string) => {
        const bytes =
          encoding.toUpperCase() === 'B'
            ? Buffer.from(text, 'base64')
            : decodeQuotedPrintableBytes(text.replace(/_/g, ' '));
        return decodeCharset(bytes, charset);
      },
    );
}

export function decodeQuotedPrintable(
  input: string,
  charset = 'utf-8',
): string {
  // Soft line breaks (`=` at the end of a line) join lines that the encoder wrapped.
  return decodeCharset(
    decodeQuotedPrintableBytes(input.replace(/=\r?\n/g, '')),
    charset,
  );
}

function decodeQuotedPrintableBytes(input: string): Buffer {
  const source = Buffer.from(input, 'utf8');
  const out: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const byte = source[i];
    if (
      byte === 0x3d /* = */ &&
      i + 2 < source.length &&
      isHex(source[i + 1]) &&
      isHex(source[i + 2])
    ) {
      out.push(parseInt(String.fromCharCode(source[i + 1], source[i + 2]), 16));
      i += 2;
    } else {
      out.push(byte);
    }
  }
  return Buffer.from(out);
}

function isHex(byte: number | undefined): boolean {
  return byte !== undefined && /[0-9A-Fa-f]/.test(String.fromCharCode(byte));
}

function decodeCharset(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset.trim().toLowerCase()).decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

interface ContentType {
  type: string;
  params: Record<string, string>;
}

export function parseContentType(value: string | undefined): ContentType {
  const [type, ...rest] = (value ?? 'text/plain').split(';');
  const params: Record<string, string> = {};
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq === -1) continue;
    const key = param.slice(0, eq).trim().toLowerCase();
    params[key] = param
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return { type: type.trim().toLowerCase(), params };
}

function collectBodies(
  part: MimePart,
  found: { text?: string; html?: string },
): void {
  const contentType = parseContentType(part.headers['content-type']);
  if (contentType.type.startsWith('multipart/')) {
    const boundary = contentType.params['boundary'];
    if (!boundary) return;
    for (const child of splitMultipart(part.body, boundary)) {
      collectBodies(splitPart(child), found);
    }
    return;
  }
  if (
    (part.headers['content-disposition'] ?? '')
      .toLowerCase()
      .startsWith('attachment')
  )
    return;
  const body = decodeBody(part, contentType.params['charset'] ?? 'utf-8');
  if (contentType.type === 'text/plain' && found.text === undefined)
    found.text = body;
  if (contentType.type === 'text/html' && found.html === undefined)
    found.html = body;
}

function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let current: string[] | undefined;
  for (const line of body.split('\n')) {
    const trimmed = line.trimEnd();
    if (trimmed === `${delimiter}--`) break;
    if (trimmed === delimiter) {
      if (current) parts.push(current.join('\n'));
      current = [];
    } else if (current) {
      current.push(line);
    }
  }
  if (current) parts.push(current.join('\n'));
  return parts;
}

function decodeBody(part: MimePart, charset: string): string {
  const encoding = (
    part.headers['content-transfer-encoding'] ?? '7bit'
  ).toLowerCase();
  if (encoding === 'quoted-printable')
    return decodeQuotedPrintable(part.body, charset);
  if (encoding === 'base64')
    return decodeCharset(
      Buffer.from(part.body.replace(/\s+/g, ''), 'base64'),
      charset,
    );
  return decodeCharset(Buffer.from(part.body, 'utf8'), charset);
}
