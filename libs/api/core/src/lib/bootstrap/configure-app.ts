import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@mezzo/api-config';
import { REFRESH_COOKIE } from '@mezzo/shared-contracts';
import cookieParser from 'cookie-parser';
import express, {
  type NextFunction,
  type Request,
  type Response,
} from 'express';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors/app-error';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { REQUEST_ID, requestLogging } from '../http/logging';
import { createValidationPipe } from '../errors/validation';
import {
  BODY_IGNORED_ROUTE,
  checkParsedInput,
  requireJsonOrMultipart,
} from '../http/input-guard';

/**
 * Everything the running API and the integration tests share: the `/api` prefix, request logs,
 * cookies, validation, the error filter, security headers, OpenAPI, and the built web app at `/`.
 */
export function configureApp(app: INestApplication, config: AppConfig): void {
  const http = app.getHttpAdapter().getInstance() as express.Express;
  http.disable('x-powered-by');
  http.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.setGlobalPrefix('api');
  app.use(assignRequestId);
  app.use(requestLogging(config.logLevel));
  // A body is JSON or a multipart upload (415 otherwise); then our own JSON parser, registered
  // before Nest's, so malformed bodies get a stable error code; then the checks every field needs
  // (no NUL characters or lone surrogates, no absurd nesting) before any validator runs.
  app.use(requireJsonOrMultipart);
  // One-click unsubscribe takes any body (mail providers send a form) and reads none of it: read
  // here up to a small limit and dropped, so that no parser below can refuse it.
  app.use(
    BODY_IGNORED_ROUTE,
    express.raw({ type: () => true, limit: '64kb' }),
    mapBodyParserErrors,
    dropBody,
  );
  // A transcript carries a whole credit log (about 230 bytes a credit): what the export gives for
  // a long career must import again. Parsed here first, so the 1 MB parser below skips it.
  app.use(
    '/api/licenses/:id/transcript',
    express.json({ limit: '10mb' }),
    mapBodyParserErrors,
  );
  app.use(express.json({ limit: '1mb' }), mapBodyParserErrors);
  app.use(checkParsedInput);
  app.use(cookieParser(config.auth.cookieSecret));
  app.use(securityHeaders);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();

  const openApi = new DocumentBuilder()
    .setTitle('Mezzo API')
    .setDescription(
      'Continuing-education licensure tracking for social workers. Errors: { statusCode, code, message, fields? }.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .addCookieAuth(REFRESH_COOKIE)
    .build();
  SwaggerModule.setup(
    'api/docs',
    app,
    () => SwaggerModule.createDocument(app, openApi),
    {
      jsonDocumentUrl: 'api/openapi.json',
      yamlDocumentUrl: 'api/openapi.yaml',
    },
  );

  if (config.webDistDir) serveWeb(app, config.webDistDir);
}

function assignRequestId(
  req: Request & { id?: string },
  res: Response,
  next: NextFunction,
): void {
  const given = req.headers['x-request-id'];
  req.id =
    typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', req.id);
  next();
}

function mapBodyParserErrors(
  err: unknown,
  _req: Request,
  _res: Response,
  next: NextFunction,
): void {
  // Ours already (the input guard's 415): passed on as it is.
  if (err instanceof AppError) return next(err);
  const e = err as {
    type?: string;
    status?: number;
    message?: string;
    body?: unknown;
  } | null;
  const type = e?.type;
  if (type === 'entity.parse.failed')
    return next(
      isJson(e?.body)
        ? // `"x"`, `1` or `null`: JSON, but not the object every endpoint reads.
          AppError.validation(
            { '': ['must be a JSON object'] },
            'The request body must be a JSON object',
          )
        : new AppError(
            400,
            'invalid_json',
            'The request body is not valid JSON',
          ),
    );
  if (type === 'entity.too.large')
    return next(
      new AppError(413, 'payload_too_large', 'The request body is too large'),
    );
  if (type === 'charset.unsupported' || type === 'encoding.unsupported')
    return next(
      new AppError(
        415,
        'unsupported_media_type',
        'Send the request body as UTF-8 JSON, uncompressed or gzip/deflate',
      ),
    );
  // Any other refusal of the body parser (a body that does not inflate, a length that does not
  // match): the request could not be read, which is the client's to fix, not a 500.
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500)
    return next(
      new AppError(400, 'invalid_json', 'The request body could not be read'),
    );
  next(err);
}

function dropBody(req: Request, _res: Response, next: NextFunction): void {
  req.body = undefined;
  next();
}

function isJson(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function securityHeaders(
  _req: Request,
  res: Response,
  next: NextFunction,
): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'same-origin');
  next();
}

/**
 * The built web app: its files as they are, and index.html for any other GET that accepts HTML (the
 * app's own routes). A missing file requested by a script or a style — a path whose last segment has
 * an extension, such as a chunk of an earlier build that an open tab still asks for — is a 404, not
 * index.html served as JavaScript, so the app can tell the user to reload; a page the browser opens
 * (`Sec-Fetch-Dest: document`) still gets the app. Exported for its spec.
 */
export function serveWeb(app: INestApplication, dir: string): void {
  const statics = express.static(dir, {
    index: false,
    maxAge: '1h',
    setHeaders: noCacheForIndex,
  });
  // API requests never touch the disk.
  app.use((req: Request, res: Response, next: NextFunction) =>
    req.path.startsWith('/api') ? next() : statics(req, res, next),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (
      req.method !== 'GET' ||
      req.path.startsWith('/api') ||
      (/\.[A-Za-z0-9]+$/.test(req.path) &&
        req.get('sec-fetch-dest') !== 'document') ||
      !req.accepts('html')
    )
      return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(dir, 'index.html'));
  });
}

function noCacheForIndex(res: Response, path: string): void {
  if (path.endsWith('index.html')) res.setHeader('Cache-Control', 'no-cache');
}
