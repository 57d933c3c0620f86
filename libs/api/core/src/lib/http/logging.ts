import type { RequestHandler } from 'express';
import type { Params } from 'nestjs-pino';
import pino, { type DestinationStream, type LoggerOptions } from 'pino';

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
  '*.unsubscribeKey',
];

/** The pino options of every API log: level, redaction, and requests as id, method and path. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: redactPath(req.url),
      }),
    },
  };
}

/**
 * Structured JSON logs (pino) for the Nest application logger. Requests are logged by
 * `requestLogging` (configureApp), not by nestjs-pino's pino-http middleware: that one built two
 * child loggers and an AsyncLocalStorage context per request, which cost a quarter of the API's CPU
 * per request even when nothing was logged. Hence no routes here.
 */
export function loggerParams(level: string): Params {
  return { forRoutes: [], pinoHttp: loggerOptions(level) };
}

/**
 * One line per finished `/api` request (not `/api/health`): id, method, path (no query string),
 * status and time; info below 400 and for requests the client gave up on, warn for 4xx, error for
 * 5xx. A line the level leaves out is never built.
 */
export function requestLogging(
  level: string,
  destination?: DestinationStream,
): RequestHandler {
  const logger = destination
    ? pino(loggerOptions(level), destination)
    : pino(loggerOptions(level));
  if (!logger.isLevelEnabled('error')) return (_req, _res, next) => next();
  return (req, res, next) => {
    const url = req.originalUrl;
    if (!url.startsWith('/api') || url === '/api/health') return next();
    const started = Date.now();
    res.once('close', () => {
      const aborted = !res.writableFinished;
      // A client that goes away (a tab closed, a page left mid-load) is ordinary: not an error
      // that would page someone. A 5xx stays an error whether or not the client waited for it.
      const level =
        res.statusCode >= 500
          ? 'error'
          : aborted
            ? 'info'
            : res.statusCode >= 400
              ? 'warn'
              : 'info';
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          req: { id: (req as { id?: string }).id, method: req.method, url },
          res: { statusCode: res.statusCode },
          responseTime: Date.now() - started,
        },
        aborted
          ? 'request aborted'
          : res.statusCode >= 500
            ? 'request errored'
            : 'request completed',
      );
    });
    next();
  };
}

/** The path without its query string, and without the secret of a private calendar-feed URL. */
export function redactPath(url: string | undefined): string | undefined {
  return url
    ?.split('?')[0]
    .replace(/^\/api\/calendar\/[^/]+$/, '/api/calendar/[redacted]');
}
