import { HttpErrorResponse } from '@angular/common/http';
import { ERROR_MESSAGES } from '@mezzo/shared-contracts';
import { OFFLINE_MESSAGE, apiError, errorMessage } from './api-error';

const httpError = (status: number, error: unknown) =>
  new HttpErrorResponse({ status, error, url: '/api/x' });

describe('errorMessage', () => {
  it('uses the readable message for the API error code', () => {
    const err = httpError(409, {
      statusCode: 409,
      code: 'email_taken',
      message: 'Duplicate key …',
    });
    expect(errorMessage(err)).toBe(ERROR_MESSAGES.email_taken);
  });

  it('says the API cannot be reached on a network error (status 0)', () => {
    const err = new HttpErrorResponse({
      status: 0,
      error: new ProgressEvent('error'),
    });
    expect(errorMessage(err)).toBe(OFFLINE_MESSAGE);
    expect(OFFLINE_MESSAGE).toBe('Cannot reach Mezzo. Check your connection.');
  });

  it('treats a gateway error without our body as unreachable', () => {
    expect(errorMessage(httpError(502, '<html>Bad gateway</html>'))).toBe(
      OFFLINE_MESSAGE,
    );
  });

  it('falls back by status when the body is not ours', () => {
    expect(errorMessage(httpError(500, 'oops'))).toBe(
      ERROR_MESSAGES.internal_error,
    );
    expect(errorMessage(httpError(429, null))).toBe(
      ERROR_MESSAGES.rate_limited,
    );
    expect(errorMessage(httpError(418, { code: 'not_a_code' }))).toBe(
      'Something went wrong. Please try again.',
    );
  });

  it('handles errors that are not HTTP errors', () => {
    expect(errorMessage(new Error('boom'))).toBe(
      'Something went wrong. Please try again.',
    );
  });
});

describe('apiError', () => {
  it('reads the body, keeping well-formed fields only', () => {
    const good = httpError(400, {
      statusCode: 400,
      code: 'validation_failed',
      message: 'Invalid',
      fields: { email: ['Enter an email.'] },
      requestId: 'r1',
    });
    expect(apiError(good)).toEqual({
      statusCode: 400,
      code: 'validation_failed',
      message: 'Invalid',
      fields: { email: ['Enter an email.'] },
      requestId: 'r1',
    });
    const badFields = httpError(400, {
      code: 'validation_failed',
      fields: { email: 'x' },
    });
    expect(apiError(badFields)?.fields).toBeUndefined();
    expect(apiError(httpError(400, 'text'))).toBeNull();
  });
});
