import { EMAIL_BODY_STYLE } from './email-style';
import { escapeHtml } from './escape-html';
import { RenderedEmail } from './rendered-email';
import { assertWebUrl } from './web-url';

export interface OrganizationInvitationEmailInput {
  organizationName: string;
  /** The inviter's name as they gave it; empty falls back to a neutral wording. */
  inviterName: string;
  role: 'owner' | 'admin' | 'member';
  /** Absolute http(s) link to the web app's invitations page, token included. */
  invitationUrl: string;
  /** The address invited: the account to sign in with (or create) to answer. */
  email: string;
  expiresInDays: number;
}

const ROLE_WORDS = {
  owner: 'an owner',
  admin: 'an admin',
  member: 'a member',
} as const;

/**
 * Sent to any address, with or without a Mezzo account: it must read well to both, and nothing
 * happens until the person answers.
 */
export function organizationInvitationEmail({
  organizationName,
  inviterName,
  role,
  invitationUrl,
  email,
  expiresInDays,
}: OrganizationInvitationEmailInput): RenderedEmail {
  assertWebUrl(invitationUrl, 'invitationUrl');
  if (!Number.isInteger(expiresInDays) || expiresInDays <= 0) {
    throw new RangeError(
      `expiresInDays must be a positive whole number, got ${expiresInDays}`,
    );
  }
  const org = organizationName.trim();
  const inviter = inviterName.trim() || 'Someone';
  const as = ROLE_WORDS[role];
  const days = expiresInDays === 1 ? '1 day' : `${expiresInDays} days`;
  const subject = `${org} invites you to join them on Mezzo`;

  const text = [
    'Hello,',
    '',
    `${inviter} invites you to join ${org} on Mezzo as ${as}.`,
    '',
    `To accept or decline, sign in to Mezzo with ${email} (or create an account with that address) and open:`,
    '',
    invitationUrl,
    '',
    `The invitation expires in ${days}. Nothing changes unless you accept it.`,
    '',
    "If you don't know this organisation, you can ignore this email.",
    '',
    'The Mezzo team',
  ].join('\n');

  const href = escapeHtml(invitationUrl);
  const html = `<!doctype html>
<html lang="en">
  <body style="${EMAIL_BODY_STYLE}">
    <p>Hello,</p>
    <p>${escapeHtml(inviter)} invites you to join <strong>${escapeHtml(org)}</strong> on Mezzo as ${as}.</p>
    <p>To accept or decline, sign in to Mezzo with ${escapeHtml(email)} (or create an account with that address).</p>
    <p>
      <a href="${href}" style="display: inline-block; padding: 10px 18px; background: #1d4ed8; color: #ffffff; text-decoration: none; border-radius: 4px;">See the invitation</a>
    </p>
    <p>If the button doesn't work, copy this link into your browser:<br><a href="${href}">${href}</a></p>
    <p>The invitation expires in ${days}. Nothing changes unless you accept it.</p>
    <p>If you don't know this organisation, you can ignore this email.</p>
    <p>The Mezzo team</p>
  </body>
</html>
`;

  return { subject, text, html };
}
