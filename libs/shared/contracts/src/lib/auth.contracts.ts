/**
 * Accounts and sessions. Routes are under `/api`.
 *
 * POST /auth/register        RegisterRequest      → 201 SessionResponse (+ refresh cookie)   409 email_taken
 * POST /auth/sign-in         SignInRequest        → 200 SessionResponse (+ refresh cookie)   401 invalid_credentials, 429 rate_limited
 * POST /auth/refresh         (refresh cookie)     → 200 SessionResponse (+ rotated cookie)   401 token_invalid | refresh_reused
 * POST /auth/sign-out        (refresh cookie)     → 204 (cookie cleared, session family revoked)
 * POST /auth/sign-out-everywhere (Bearer)         → 204 (cookie cleared, every session of the user revoked)
 * POST /auth/password/change ChangePasswordRequest (Bearer) → 204                          401 invalid_credentials
 * POST /auth/password/forgot ForgotPasswordRequest → 202 (always; a link is emailed when the account exists)
 * POST /auth/password/reset  ResetPasswordRequest → 204                                     400 invalid_reset_token
 * POST /auth/password/reset/check CheckResetTokenRequest → 204 (the link still works; nothing used) 400 invalid_reset_token
 * GET  /me                   (Bearer)             → 200 UserDto
 * PATCH /me                  UpdateProfileRequest (Bearer) → 200 UserDto                  400 validation_failed
 * GET  /me/email             (Bearer)             → 200 EmailChangeStatusDto (the pending change, or null)
 * POST /me/email             ChangeEmailRequest (Bearer) → 202 (always the same; see ChangeEmailRequest)
 *                                                  400 validation_failed (same address), 401 invalid_credentials, 429 rate_limited
 * DELETE /me/email           (Bearer)             → 204 (any pending change cancelled: its link answers 400)
 * POST /me/email/confirm     ConfirmEmailChangeRequest (no session needed) → 200 EmailChangedDto
 *                                                  400 invalid_email_change_token, 409 email_taken, 429 rate_limited
 * POST /me/email/revert      RevertEmailChangeRequest (no session needed) → 200 EmailRevertedDto
 *                                                  400 invalid_email_revert_token, 409 email_taken, 429 rate_limited
 *
 * The access token goes in `Authorization: Bearer …`; the refresh token lives only in the httpOnly
 * cookie `mz_refresh` (path /api/auth), never in a body.
 */
export const REFRESH_COOKIE = 'mz_refresh';
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** A person's name: at most 120 characters, some letters, no control or text-direction characters. */
export const PERSON_NAME_MAX_LENGTH = 120;
export const PERSON_NAME_PATTERN =
  /^(?=.*\p{L})[^\p{Cc}\u202A-\u202E\u2066-\u2069]*$/u;

export interface RegisterRequest {
  name: string;
  email: string;
  password: string;
}

export interface SignInRequest {
  email: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface ForgotPasswordRequest {
  email: string;
}

/** Whether a reset link still works, asked when its page opens; the token is not used up. */
export interface CheckResetTokenRequest {
  token: string;
}

export interface ResetPasswordRequest {
  token: string;
  newPassword: string;
}

export interface SessionResponse {
  user: UserDto;
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export type OrganizationKind = 'provider' | 'association';
export type MembershipRole = 'owner' | 'admin' | 'member';

export interface MembershipDto {
  organizationId: string;
  organizationName: string;
  kind: OrganizationKind;
  role: MembershipRole;
}

export interface UserDto {
  id: string;
  name: string;
  email: string;
  isPlatformAdmin: boolean;
  createdAt: string;
  memberships: MembershipDto[];
}

/**
 * PATCH /me: the name shown in the app and printed as "Licensee" on the audit packet (same rules as
 * at registration: 1 to 120 characters once trimmed). The email is changed with POST /me/email,
 * which checks the new address by email first.
 */
export interface UpdateProfileRequest {
  name: string;
}

/**
 * POST /me/email: asks to change the sign-in email. The current password is required. A link is
 * sent to the new address and nothing changes until it is opened (within
 * EMAIL_CHANGE_TTL_HOURS); until then the old address signs in. The answer is 202 whether or not
 * the new address already has an account (that account's holder is told by email instead of
 * getting a link), so the form cannot be used to find out who uses Mezzo. A newer request
 * replaces an older one: only the latest link works.
 */
export interface ChangeEmailRequest {
  email: string;
  password: string;
}

/** How long an email-change link works. */
export const EMAIL_CHANGE_TTL_HOURS = 24;

/**
 * POST /me/email/confirm: the token from the link. No session is needed (the link may be opened
 * on another device): the token proves the new address, the request proved the password.
 */
export interface ConfirmEmailChangeRequest {
  token: string;
}

/**
 * A change of sign-in email asked for and not confirmed yet: the address the link went to, and
 * when the link stops working (ISO 8601). Until then the account signs in with its current email.
 */
export interface PendingEmailChangeDto {
  email: string;
  expiresAt: string;
}

/**
 * GET /me/email: the caller's pending change, or null when there is none (never asked, confirmed,
 * cancelled, or expired). A request for an address that already has an account shows as pending
 * like any other, so this cannot be used to find out who uses Mezzo either.
 */
export interface EmailChangeStatusDto {
  pending: PendingEmailChangeDto | null;
}

/** The sign-in email now in force; the old address is told of the change by email. */
export interface EmailChangedDto {
  email: string;
}

/** How long the "this wasn't me" link sent to the old address after a change works. */
export const EMAIL_REVERT_TTL_DAYS = 7;

/**
 * POST /me/email/revert: the token from the link in the notice sent to the OLD address once a
 * change is confirmed ("If this wasn't you, undo it"). No session is needed: whoever changed the
 * email may hold every session. It sets the sign-in email back to the old address, ends every
 * session, voids the password (whoever made the change knew it) and emails the old address a link
 * to choose a new one. It works once, within EMAIL_REVERT_TTL_DAYS, and only while the account
 * still signs in with the address that change set.
 */
export interface RevertEmailChangeRequest {
  token: string;
}

/** The sign-in email in force again (the old address), which was sent a password-reset link. */
export interface EmailRevertedDto {
  email: string;
}

/** DELETE /me: the password confirms that the person at the keyboard means it. */
export interface DeleteAccountRequest {
  password: string;
}

/** GET /me/export: everything Mezzo holds about the caller, as JSON. */
export interface AccountExportDto {
  exportedAt: string;
  user: UserDto;
  licenses: unknown[];
  credits: unknown[];
  creditHistory: unknown[];
  /** The certificates' details (file name, type, size, SHA-256); the bytes download one by one. */
  certificates: unknown[];
  settings: unknown;
  /**
   * Email-change records that hold an address: the change waiting for its link, and the undo
   * link sent to the previous address after a change (its addresses and expiry; never a token).
   */
  emailChange: {
    pending: { email: string; expiresAt: string } | null;
    undoable: {
      previousEmail: string;
      changedTo: string;
      expiresAt: string;
    } | null;
  };
}
