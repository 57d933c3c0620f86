import {
  assertWebUrl,
  escapeHtml,
  type RenderedEmail,
  EMAIL_BODY_STYLE,
} from '@mezzo/api-notifications';

export interface ConfirmEmailChangeEmailInput {
  /** The account holder's name; empty falls back to a neutral greeting. */
  name: string;
  /** The address asked for, which this email goes to. */
  newEmail: string;
  /** Absolute http(s) link to the confirmation page, token included. */
  confirmUrl: string;
  expiresInHours: number;
}

/**
 * "Confirm your new sign-in email", sent to the NEW address: opening the link proves the address
 * is the account holder's. The old address is not named, so that an address typed by mistake
 * learns nothing about the account.
 */
export function confirmEmailChangeEmail({
  name,
  newEmail,
  confirmUrl,
  expiresInHours,
}: ConfirmEmailChangeEmailInput): RenderedEmail {
  assertWebUrl(confirmUrl, 'confirmUrl');
  if (!Number.isInteger(expiresInHours) || expiresInHours <= 0)
    throw new RangeError(
      `expiresInHours must be a positive whole number, got ${expiresInHours}`,
    );
  const greetingName = name.trim() || 'there';
  const expiry = expiresInHours === 1 ? '1 hour' : `${expiresInHours} hours`;
  const subject = 'Confirm your new Mezzo sign-in email';
  const asked = `You asked to sign in to Mezzo with ${newEmail} from now on.`;
  const ignore =
    "If you didn't ask for this, ignore this email: nothing changes, and the account keeps its sign-in email.";
  const text = [
    `Hi ${greetingName},`,
    '',
    asked,
    'To confirm that this address is yours, open this link:',
    '',
    confirmUrl,
    '',
    `The link expires in ${expiry} and works once. Until you open it, you sign in with your current email.`,
    '',
    ignore,
    '',
    'The Mezzo team',
  ].join('\n');
  const href = escapeHtml(confirmUrl);
  const html = `<!doctype html>
<html lang="en">
  <body style="${EMAIL_BODY_STYLE}">
    <p>Hi ${escapeHtml(greetingName)},</p>
    <p>${escapeHtml(asked)}</p>
    <p>
      <a href="${href}" style="display: inline-block; padding: 10px 18px; background: #1d4ed8; color: #ffffff; text-decoration: none; border-radius: 4px;">Confirm my new email</a>
    </p>
    <p>If the button doesn't work, copy this link into your browser:<br><a href="${href}">${href}</a></p>
    <p>The link expires in ${expiry} and works once. Until you open it, you sign in with your current email.</p>
    <p>${escapeHtml(ignore)}</p>
    <p>The Mezzo team</p>
  </body>
</html>
`;
  return { subject, text, html };
}

export interface EmailInUseEmailInput {
  /** The name on the account that already signs in with the address. */
  name: string;
  /** That address, which this email goes to. */
  email: string;
  /** Where to sign in. */
  signInUrl: string;
}

/**
 * Sent to an address asked for as another account's new email when it already signs in to an
 * account. The person who asked gets the same answer as for a free address (so the form does not
 * reveal who uses Mezzo); the holder of the address learns why no confirmation link came.
 */
export function emailInUseEmail({
  name,
  email,
  signInUrl,
}: EmailInUseEmailInput): RenderedEmail {
  assertWebUrl(signInUrl, 'signInUrl');
  const greetingName = name.trim() || 'there';
  const subject = 'Your email is already on a Mezzo account';
  const what = `Someone asked to make ${email} the sign-in email of another Mezzo account. This address already signs in to your Mezzo account, and an address belongs to one account only, so nothing changed.`;
  const ifYou =
    'If it was you, sign in with this address as usual. If it was not, there is nothing to do.';
  const text = [
    `Hi ${greetingName},`,
    '',
    what,
    '',
    ifYou,
    '',
    signInUrl,
    '',
    'The Mezzo team',
  ].join('\n');
  const html = `<!doctype html>
<html lang="en">
  <body style="${EMAIL_BODY_STYLE}">
    <p>Hi ${escapeHtml(greetingName)},</p>
    <p>${escapeHtml(what)}</p>
    <p>If it was you, <a href="${escapeHtml(signInUrl)}">sign in</a> with this address as usual. If it was not, there is nothing to do.</p>
    <p>The Mezzo team</p>
  </body>
</html>
`;
  return { subject, text, html };
}
