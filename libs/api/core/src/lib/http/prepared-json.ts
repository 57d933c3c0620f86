import { createHash } from 'node:crypto';
import type { Response } from 'express';

/**
 * A response body serialised once, with its entity tag: a cached answer that is sent many times is
 * not stringified, encoded and hashed again on every request.
 */
export interface PreparedJson {
  readonly body: Buffer;
  /** Weak entity tag of the body, like Express's own: `W/"<length>-<sha1>"`. */
  readonly etag: string;
}

export function prepareJson(value: unknown): PreparedJson {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  const hash = createHash('sha1').update(body).digest('base64').slice(0, 27);
  return { body, etag: `W/"${body.length.toString(16)}-${hash}"` };
}

/**
 * Sends a prepared body as JSON. Express still answers a matching If-None-Match with 304 (it skips
 * only its own hashing because the tag is already set).
 */
export function sendPreparedJson(res: Response, prepared: PreparedJson): void {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('ETag', prepared.etag);
  res.send(prepared.body);
}
