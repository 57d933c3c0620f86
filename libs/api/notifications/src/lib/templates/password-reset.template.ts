import { EMAIL_BODY_STYLE } from './email-style';
import { escapeHtml } from './escape-html';
import { RenderedEmail } from './rendered-email';
import { assertWebUrl } from './web-url';

export interface PasswordResetEmailInput {
  /** The account holder's name as they gave it; empty falls back to a neutral greeting. */
  name: string;
  /** Absolute http(s) link to the reset page, token included. */
  resetUrl: string;
  expiresInMinutes: number;
  /**
   * Why the link is sent: `asked` (the default) on "forgot password"; `email-restored` after a
   * change of sign-in email was undone from the old address, when the old password no longer
   * works and the owner must choose a new one.
   */
  reason?: 'asked' | 'email-restored';
}

const WORDING = {
  asked: {
    subject: 'Reset your Mezzo password',
    why: 'We received a request to reset the password for your Mezzo account.',
    after:
      "If you didn't ask for this, you can ignore this email: your password stays the same.",
  },
  'email-restored': {
    subject: 'Choose a new Mezzo password',
    why: 'Your Mezzo sign-in email is this address again, and every device was signed out. Whoever changed it knew your password, so that password no longer works: choose a new one to sign in.',
    after:
      'If the link has expired, ask for a new one with "Forgot your password?" on the sign-in page.',
  },
} as const;

export function passwordResetEmail({
  name,
  resetUrl,
  expiresInMinutes,
  reason = 'asked',
}: PasswordResetEmailInput): RenderedEmail {
  assertWebUrl(resetUrl, 'resetUrl');
  if (!Number.isInteger(expiresInMinutes) || expiresInMinutes <= 0) {
    throw new RangeError(
      `expiresInMinutes must be a positive whole number, got ${expiresInMinutes}`,
    );
  }
  const greetingName = name.trim() || 'there';
  const expiry = formatDuration(expiresInMinutes);
  const { subject, why, after } = WORDING[reason];

  const text = [
    `Hi ${greetingName},`,
    '',
    why,
    'To choose a new password, open this link:',
    '',
    resetUrl,
    '',
    `The link expires in ${expiry}.`,
    '',
    after,
    '',
    'The Mezzo team',
  ].join('\n');

  const href = escapeHtml(resetUrl);
  const html = `<!doctype html>
<html lang="en">
  <body style="${EMAIL_BODY_STYLE}">
    <p>Hi ${escapeHtml(greetingName)},</p>
    <p>${escapeHtml(why)}</p>
    <p>
      <a href="${href}" style="display: inline-block; padding: 10px 18px; background: #1d4ed8; color: #ffffff; text-decoration: none; border-radius: 4px;">Choose a new password</a>
    </p>
    <p>If the button doesn't work, copy this link into your browser:<br><a href="${href}">${href}</a></p>
    <p>The link expires in ${expiry}.</p>
    <p>${escapeHtml(after)}</p>
    <p>The Mezzo team</p>
  </body>
</html>
`;

  return { subject, text, html };
}

function formatDuration(minutes: number): string {
  if (minutes % 60 === 0) {
    const hours = minutes / 60;
    return hours === 1 ? '1 hour' : `${hours} hours`;
  }
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
