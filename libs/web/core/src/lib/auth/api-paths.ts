/** Where the API lives: same origin, under `/api` (see @mezzo/shared-contracts auth.contracts). */
export const API_PREFIX = '/api';

export const AUTH_PATHS = {
  register: '/api/auth/register',
  signIn: '/api/auth/sign-in',
  refresh: '/api/auth/refresh',
  signOut: '/api/auth/sign-out',
  changePassword: '/api/auth/password/change',
  forgotPassword: '/api/auth/password/forgot',
  resetPassword: '/api/auth/password/reset',
  checkResetToken: '/api/auth/password/reset/check',
  me: '/api/me',
} as const;

/**
 * Routes that open or close a session. A 401 from them is an answer about the credentials or the
 * refresh cookie, so it never triggers a token refresh. (Change password and /me are Bearer routes:
 * an expired access token there is refreshed like anywhere else.)
 */
const SESSION_PATHS: readonly string[] = [
  AUTH_PATHS.register,
  AUTH_PATHS.signIn,
  AUTH_PATHS.refresh,
  AUTH_PATHS.signOut,
  AUTH_PATHS.forgotPassword,
  AUTH_PATHS.resetPassword,
  AUTH_PATHS.checkResetToken,
];

/** True for relative URLs of our own API; the token is never sent anywhere else. */
export function isApiUrl(url: string): boolean {
  return (
    url === API_PREFIX ||
    url.startsWith(`${API_PREFIX}/`) ||
    url.startsWith(`${API_PREFIX}?`)
  );
}

export function isSessionUrl(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0];
  return SESSION_PATHS.includes(path);
}
