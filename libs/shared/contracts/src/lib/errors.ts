/** Every error body the API sends: `{ statusCode, code, message, fields? }`. */
export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  /** Field path → messages, for input that failed validation. */
  fields?: Record<string, string[]>;
  /** Request id, to quote to support. */
  requestId?: string;
}

/** Stable error codes. Clients switch on these; the texts may change. */
export const ERROR_CODES = [
  'validation_failed',
  'invalid_json',
  'not_found',
  'unauthenticated',
  'token_invalid',
  'token_expired',
  'session_ended',
  'forbidden',
  'email_taken',
  'invalid_credentials',
  'invalid_reset_token',
  'invalid_email_change_token',
  'invalid_email_revert_token',
  'invalid_unsubscribe_token',
  'refresh_reused',
  'rate_limited',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What a person reads for each code (web uses these; the API's `message` may be more specific). */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  validation_failed: 'Some fields need your attention.',
  invalid_json: 'The request could not be read.',
  not_found: 'We could not find that.',
  unauthenticated: 'Please sign in to continue.',
  token_invalid: 'Your session is no longer valid. Please sign in again.',
  token_expired: 'Your session has expired. Please sign in again.',
  session_ended: 'This session was signed out. Please sign in again.',
  forbidden: 'You do not have permission to do that.',
  email_taken: 'An account with this email already exists.',
  invalid_credentials: 'The email or password is not correct.',
  invalid_reset_token:
    'This reset link is invalid or has expired. Please ask for a new one.',
  invalid_email_change_token:
    'This confirmation link is invalid, has expired or was already used. Please ask for a new one.',
  invalid_email_revert_token:
    'This link no longer works: it has expired or was already used. Please contact Mezzo support.',
  invalid_unsubscribe_token:
    'This unsubscribe link is not valid. Turn reminder emails off in your settings instead.',
  refresh_reused:
    'Your session was signed out for safety. Please sign in again.',
  rate_limited: 'Too many attempts. Please wait a few minutes and try again.',
  conflict: 'Someone else changed this in the meantime. Reload and try again.',
  payload_too_large: 'That file is too large.',
  unsupported_media_type: 'That file type is not supported.',
  internal_error: 'Something went wrong on our side. Please try again.',
};
