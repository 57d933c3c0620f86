import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';

export const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Paths never written to logs: credentials, tokens, cookies, secrets. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.jwtSecret',
  '*.cookieSecret',
];

/** Structured JSON logs (pino) with a request id taken from X-Request-Id or generated. */
export function loggerParams(level: string): Params {
  return {
    // Nest 11's router wants named wildcards; nestjs-pino's default '*' logs a warning.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level,
      genReqId: (req: IncomingMessage, res) => {
        // configureApp assigns the id first, so error responses and logs quote the same one.
        const assigned = (req as IncomingMessage & { id?: unknown }).id;
        if (typeof assigned === 'string') return assigned;
        const given = req.headers['x-request-id'];
        const id =
          typeof given === 'string' && REQUEST_ID.test(given)
            ? given
            : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: redactPath(req.url),
        }),
      },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500
          ? 'error'
          : res.statusCode >= 400
            ? 'warn'
            : 'info',
      autoLogging: { ignore: (req) => req.url === '/api/health' },
    },
  };
}

/** The path without its query string, and without the secret of a private calendar-feed URL. */
export function redactPath(url: string | undefined): string | undefined {
  return url
    ?.split('?')[0]
    .replace(/^\/api\/calendar\/[^/]+$/, '/api/calendar/[redacted]');
}
