import {
  assertWebUrl,
  escapeHtml,
  type RenderedEmail,
  EMAIL_BODY_STYLE,
} from '@mezzo/api-notifications';

export interface EmailChangedEmailInput {
  name: string;
  /** The address the account signs in with from now on. */
  newEmail: string;
  /**
   * Absolute http(s) link to the page that undoes the change, token included; absent when an
   * earlier change's undo link is still open (that one wins, and restores the earlier address).
   */
  revertUrl?: string;
  /** How long that link works. */
  revertExpiresInDays: number;
  /** Where to write when the link cannot be used (`SUPPORT_EMAIL`). */
  supportEmail: string;
}

/**
 * "Your sign-in email was changed to …", sent to the OLD address once the change is confirmed, so
 * that someone whose account was taken over learns of it where they still read their mail, and
 * can undo it from there: the link sets the email back, signs out every device and sends this
 * address a link to choose a new password.
 */
export function emailChangedEmail({
  name,
  newEmail,
  revertUrl,
  revertExpiresInDays,
  supportEmail,
}: EmailChangedEmailInput): RenderedEmail {
  if (revertUrl !== undefined) assertWebUrl(revertUrl, 'revertUrl');
  if (!Number.isInteger(revertExpiresInDays) || revertExpiresInDays <= 0)
    throw new RangeError(
      `revertExpiresInDays must be a positive whole number, got ${revertExpiresInDays}`,
    );
  const greetingName = name.trim() || 'there';
  const days =
    revertExpiresInDays === 1 ? '1 day' : `${revertExpiresInDays} days`;
  const subject = 'Your Mezzo sign-in email was changed';
  const what = `Your Mezzo sign-in email was changed to ${newEmail}. From now on you sign in with that address, and Mezzo's emails go there; this address no longer signs in.`;
  const ifYou = 'If this was you, there is nothing to do.';
  // Without a link of its own, an earlier change's undo link is open (sent to the address before
  // this one): it restores that address.
  const ifNot =
    revertUrl === undefined
      ? `If this wasn't you, someone who knows your password changed it. The account's email was also changed in the ${days} before, and the undo link sent then (to the address before this one) sets it back to that address, signs out every device and asks for a new password. If you cannot use that link, write to Mezzo support at ${supportEmail} and keep this email.`
      : "If this wasn't you, someone who knows your password changed it. Undo it with this link:";
  const undoes = `The link works once, for ${days}. It makes this address your sign-in email again, signs out every device, and sends you a link to choose a new password (the old one stops working). If it no longer works, write to Mezzo support at ${supportEmail} and keep this email.`;
  const link = revertUrl === undefined ? [] : ['', revertUrl, '', undoes];
  const text = [
    `Hi ${greetingName},`,
    '',
    what,
    '',
    ifYou,
    '',
    ifNot,
    ...link,
    '',
    'The Mezzo team',
  ].join('\n');
  const href = revertUrl === undefined ? '' : escapeHtml(revertUrl);
  const linkHtml =
    revertUrl === undefined
      ? ''
      : `
    <p>
      <a href="${href}" style="display: inline-block; padding: 10px 18px; background: #b91c1c; color: #ffffff; text-decoration: none; border-radius: 4px;">This wasn't me: undo the change</a>
    </p>
    <p>If the button doesn't work, copy this link into your browser:<br><a href="${href}">${href}</a></p>
    <p>${escapeHtml(undoes)}</p>`;
  const html = `<!doctype html>
<html lang="en">
  <body style="${EMAIL_BODY_STYLE}">
    <p>Hi ${escapeHtml(greetingName)},</p>
    <p>${escapeHtml(what)}</p>
    <p>${escapeHtml(ifYou)}</p>
    <p>${escapeHtml(ifNot)}</p>${linkHtml}
    <p>The Mezzo team</p>
  </body>
</html>
`;
  return { subject, text, html };
}
