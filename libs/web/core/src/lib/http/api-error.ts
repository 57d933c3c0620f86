import { HttpErrorResponse } from '@angular/common/http';
import {
  ERROR_CODES,
  ERROR_MESSAGES,
  type ApiErrorBody,
  type ErrorCode,
} from '@mezzo/shared-contracts';

export const OFFLINE_MESSAGE = 'Cannot reach Mezzo. Check your connection.';
const FALLBACK_MESSAGE = 'Something went wrong. Please try again.';

function isErrorCode(value: unknown): value is ErrorCode {
  return (
    typeof value === 'string' &&
    (ERROR_CODES as readonly string[]).includes(value)
  );
}

function isFieldMap(value: unknown): value is Record<string, string[]> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every(
      (messages) =>
        Array.isArray(messages) && messages.every((m) => typeof m === 'string'),
    )
  );
}

/** The API's error body, when the response carries one in the agreed shape. */
export function apiError(err: unknown): ApiErrorBody | null {
  if (!(err instanceof HttpErrorResponse)) return null;
  const body: unknown = err.error;
  if (typeof body !== 'object' || body === null) return null;
  const { code, message, fields, statusCode, requestId } = body as Record<
    string,
    unknown
  >;
  if (!isErrorCode(code)) return null;
  return {
    statusCode: typeof statusCode === 'number' ? statusCode : err.status,
    code,
    message: typeof message === 'string' ? message : ERROR_MESSAGES[code],
    fields: isFieldMap(fields) ? fields : undefined,
    requestId: typeof requestId === 'string' ? requestId : undefined,
  };
}

export function errorCode(err: unknown): ErrorCode | null {
  return apiError(err)?.code ?? null;
}

/** A sentence a person can act on, for any error an HTTP call can end with. */
export function errorMessage(err: unknown): string {
  const body = apiError(err);
  if (body) return ERROR_MESSAGES[body.code];
  if (err instanceof HttpErrorResponse) {
    // Status 0: the request never got an answer (offline, DNS, CORS, aborted). 502–504 without our
    // error body come from a proxy in front of an API that is down.
    if (
      err.status === 0 ||
      err.status === 502 ||
      err.status === 503 ||
      err.status === 504
    ) {
      return OFFLINE_MESSAGE;
    }
    if (err.status === 429) return ERROR_MESSAGES.rate_limited;
    if (err.status === 404) return ERROR_MESSAGES.not_found;
    if (err.status >= 500) return ERROR_MESSAGES.internal_error;
  }
  return FALLBACK_MESSAGE;
}
