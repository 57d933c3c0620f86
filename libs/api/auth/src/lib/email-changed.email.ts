import { escapeHtml, type RenderedEmail } from '@mezzo/api-notifications';

export interface EmailChangedEmailInput {
  name: string;
  /** The address the account signs in with from now on. */
  newEmail: string;
}

/**
 * "Your sign-in email was changed to …", sent to the OLD address once the change is confirmed, so
 * that someone whose account was taken over learns of it where they still read their mail.
 */
export function emailChangedEmail({
  name,
  newEmail,
}: EmailChangedEmailInput): RenderedEmail {
  const greetingName = name.trim() || 'there';
  const subject = 'Your Mezzo sign-in email was changed';
  const what = `Your Mezzo sign-in email was changed to ${newEmail}. From now on you sign in with that address, and Mezzo's emails go there; this address no longer signs in.`;
  const ifNot =
    'If this was you, there is nothing to do. If it was not, someone who knows your password has changed it: contact Mezzo support at once and keep this email.';
  const text = [
    `Hi ${greetingName},`,
    '',
    what,
    '',
    ifNot,
    '',
    'The Mezzo team',
  ].join('\n');
  const html = `<!doctype html>
<html lang="en">
  <body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1f2937;">
    <p>Hi ${escapeHtml(greetingName)},</p>
    <p>${escapeHtml(what)}</p>
    <p>${escapeHtml(ifNot)}</p>
    <p>The Mezzo team</p>
  </body>
</html>
`;
  return { subject, text, html };
}
