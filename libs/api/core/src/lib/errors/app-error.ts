import type { ErrorCode } from '@mezzo/shared-contracts';

/** A typed error domain code throws; the exception filter turns it into the API's error body. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string[]>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static notFound(what = 'Resource'): AppError {
    return new AppError(404, 'not_found', `${what} not found`);
  }

  static validation(
    fields: Record<string, string[]>,
    message = 'Some fields are invalid',
  ): AppError {
    return new AppError(400, 'validation_failed', message, fields);
  }

  static forbidden(
    message = 'You do not have permission to do that',
  ): AppError {
    return new AppError(403, 'forbidden', message);
  }

  static conflict(
    message: string,
    code: ErrorCode = 'conflict',
    fields?: Record<string, string[]>,
  ): AppError {
    return new AppError(409, code, message, fields);
  }

  static unauthenticated(
    code: ErrorCode = 'unauthenticated',
    message = 'Authentication required',
  ): AppError {
    return new AppError(401, code, message);
  }

  static rateLimited(retryAfterSeconds: number): AppError {
    return new AppError(
      429,
      'rate_limited',
      'Too many attempts; try again later',
      undefined,
      {
        'Retry-After': String(retryAfterSeconds),
      },
    );
  }
}
