import { ParseUUIDPipe } from '@nestjs/common';
import { AppError } from '../errors/app-error';

/**
 * An email address the mailer sends to (MailerService checks every recipient with it): one plain
 * `local@domain`, no quotes, spaces, brackets or lists. `IsEmail` also accepts RFC forms such as
 * `"a b"@example.org`, so sign-up and invitations check this too, or the mail would never go.
 */
export const PLAIN_EMAIL = /^[^\s@<>()[\],;:"\\]+@[^\s@<>()[\],;:"\\]+$/;
export const PLAIN_EMAIL_MESSAGE =
  'email must be a plain address such as name@example.org';

/** The largest PostgreSQL `integer` (version columns): beyond it the query fails, not the check. */
export const MAX_INT4 = 2147483647;
/** The last page a list may be asked for: far beyond any list; a bigger one overflows the offset. */
export const MAX_PAGE = 100000;

/** Calendar dates travel as `YYYY-MM-DD`. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** class-transformer helpers for DTOs: trim (and upper-case) strings, leave anything else to validation. */
export const trimString = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
export const upperString = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

/**
 * class-transformer helper for a boolean query parameter: `true`/`false` become booleans, anything
 * else is left for `IsBoolean` to refuse (`?deleted=garbage` used to read as false, silently).
 */
export const queryBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** True for a date that exists on the calendar (`2025-02-30` does not). */
export function isRealDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return (
    ISO_DATE_PATTERN.test(value) &&
    !Number.isNaN(d.getTime()) &&
    d.toISOString().slice(0, 10) === value
  );
}

/** Today's date in UTC, `YYYY-MM-DD`. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * A UUID route parameter. A malformed id answers 404, exactly like someone else's real id, so the
 * answer never tells whether an object exists.
 */
export function uuidParam(what = 'Resource'): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => AppError.notFound(what) });
}
