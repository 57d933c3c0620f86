import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import {
  ERROR_CODES,
  type ApiErrorBody,
  type ErrorCode,
} from '@mezzo/shared-contracts';
import type { Request, Response } from 'express';
import { AppError } from './app-error';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/**
 * The one place errors become HTTP: every body is `{ statusCode, code, message, fields? }`.
 * Unknown errors are logged and answered with a generic 500 that leaks nothing.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const { body, headers } = this.toBody(exception);
    if (body.statusCode >= 500)
      this.logger.error(
        { err: exception, requestId: req.id },
        'Unhandled error',
      );
    body.requestId = typeof req.id === 'string' ? req.id : undefined;
    if (res.headersSent) return;
    for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
    // A route's `@Header('Content-Type', …)` is set before its handler runs (the calendar feed's
    // text/calendar): the error body is JSON and says so, whatever the route would have sent.
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): {
    body: ApiErrorBody;
    headers?: Record<string, string>;
  } {
    if (exception instanceof AppError) {
      return {
        body: {
          statusCode: exception.status,
          code: exception.code,
          message: exception.message,
          fields: exception.fields,
        },
        headers: exception.headers,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Express could not decode a path parameter (a stray "%" or a broken UTF-8 sequence): name
      // the address as the field, like any other validation failure.
      if (
        status === 400 &&
        exception.message.startsWith('Failed to decode param')
      ) {
        return {
          body: {
            statusCode: 400,
            code: 'validation_failed',
            message: 'The address contains malformed percent-encoding',
            fields: {
              path: [
                'contains malformed percent-encoding (a "%" not followed by two hex digits of valid UTF-8)',
              ],
            },
          },
        };
      }
      const response = exception.getResponse();
      const given =
        typeof response === 'object' && response !== null
          ? (response as { code?: string }).code
          : undefined;
      const code: ErrorCode =
        given && (ERROR_CODES as readonly string[]).includes(given)
          ? (given as ErrorCode)
          : (STATUS_CODES[status] ??
            (status >= 500 ? 'internal_error' : 'validation_failed'));
      const message =
        status === 404
          ? 'Not found'
          : status >= 500
            ? 'Internal error'
            : exception.message;
      return { body: { statusCode: status, code, message } };
    }
    return {
      body: {
        statusCode: 500,
        code: 'internal_error',
        message: 'Something went wrong on our side',
      },
    };
  }
}
