export const DEFAULT_SIGNED_IN_URL = '/dashboard';

/**
 * A `returnUrl` from the query string, if it is a path inside this app. Anything else (an absolute
 * URL, `//host`, `/\host`) would make the sign-in page an open redirect.
 */
export function safeReturnUrl(raw: string | null | undefined): string {
  if (
    !raw ||
    !raw.startsWith('/') ||
    raw.startsWith('//') ||
    raw.startsWith('/\\')
  ) {
    return DEFAULT_SIGNED_IN_URL;
  }
  if (raw === '/' || raw.startsWith('/sign-in')) return DEFAULT_SIGNED_IN_URL;
  return raw;
}
