import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors/app-error';

/**
 * Checks every request's input before any handler, DTO or database sees it, so that what the
 * database or the validators cannot take answers 4xx instead of 500:
 * - a body that is neither JSON nor a multipart upload: 415 (it used to be ignored or half-read);
 * - JSON nested deeper than `MAX_DEPTH`: 400 `invalid_json` (the validators recurse and overflow);
 * - a string holding a NUL character (PostgreSQL text cannot store it) or a lone UTF-16 surrogate
 *   (not text; the email validator throws on it): 400 naming the field.
 */
export const MAX_DEPTH = 32;

/** Field problems reported at most, so a hostile body cannot make the answer huge. */
const MAX_REPORTED = 20;

const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a string, or null. */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain a NUL character';
  if (LONE_SURROGATE.test(value))
    return 'must be valid Unicode text (it holds a lone surrogate)';
  return null;
}

/**
 * Walks parsed input without recursion (a deep document cannot overflow the stack here) and
 * returns `{ tooDeep }` or the problems of its strings, keyed by dotted path as the validators
 * report fields (`credits.0.title`; the document itself is `body`).
 */
export function inputProblems(
  value: unknown,
  maxDepth = MAX_DEPTH,
): { tooDeep: boolean; fields: Record<string, string[]> } {
  const fields: Record<string, string[]> = {};
  let reported = 0;
  const stack: [unknown, string, number][] = [[value, '', 0]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [v, path, depth] = top;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem && reported < MAX_REPORTED) {
        fields[path || 'body'] = [problem];
        reported += 1;
      }
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth) return { tooDeep: true, fields: {} };
    // Pushed in reverse so that fields come out in document order.
    const entries = Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      stack.push([child, path ? `${path}.${key}` : key, depth + 1]);
    }
  }
  return { tooDeep: false, fields };
}

/** True when the request carries a body (a length above 0, or a chunked one). */
function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return (
    req.headers['transfer-encoding'] !== undefined ||
    (length !== undefined && length !== '0')
  );
}

/** The routes that take a file upload (multipart/form-data): a credit's certificates and the PDF prefill. */
export const UPLOAD_ROUTES =
  /^\/api\/(credits\/[^/]+\/certificates|certificates\/prefill)\/?$/;

/**
 * The routes that read no body and take any, read and dropped by `configureApp`: RFC 8058 one-click
 * unsubscribe, where mail providers POST `List-Unsubscribe=One-Click` form-encoded (the signed
 * token is in the URL). A 415 there would leave the licensee subscribed.
 */
export const BODY_IGNORED_ROUTE = '/api/reminders/unsubscribe';

/**
 * Before the body parsers: a body must be JSON, or multipart on an upload route, or anything on
 * the route that ignores it. A form-encoded, text or multipart body elsewhere used to be ignored (a
 * settings change answered 200 and changed nothing) or misread.
 */
export function requireJsonOrMultipart(
  req: Request,
  _res: Response,
  next: NextFunction,
): void {
  if (
    !req.path.startsWith('/api') ||
    !hasBody(req) ||
    req.path.replace(/\/$/, '').toLowerCase() === BODY_IGNORED_ROUTE
  )
    return next();
  const upload = UPLOAD_ROUTES.test(req.path);
  if (req.is(upload ? ['multipart/form-data'] : ['application/json']))
    return next();
  next(
    new AppError(
      415,
      'unsupported_media_type',
      upload
        ? 'Send the file as multipart/form-data'
        : 'Send the request body as application/json',
    ),
  );
}

/** After the JSON parser: the depth and text checks above, on the body and the query string. */
export function checkParsedInput(
  req: Request,
  _res: Response,
  next: NextFunction,
): void {
  if (!req.path.startsWith('/api')) return next();
  const body = inputProblems(req.body);
  if (body.tooDeep)
    return next(
      new AppError(
        400,
        'invalid_json',
        `The request body nests deeper than ${MAX_DEPTH} levels`,
      ),
    );
  const query = inputProblems(req.query, 4);
  const fields = { ...body.fields, ...(query.tooDeep ? {} : query.fields) };
  if (query.tooDeep) fields['query'] = ['the query string nests too deeply'];
  if (Object.keys(fields).length > 0) return next(AppError.validation(fields));
  next();
}
