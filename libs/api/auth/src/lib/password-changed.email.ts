import {
  assertWebUrl,
  escapeHtml,
  type RenderedEmail,
  EMAIL_BODY_STYLE,
} from '@mezzo/api-notifications';

export interface PasswordChangedEmailInput {
  name: string;
  /** How it changed: from the account page, or by a reset link. */
  how: 'changed' | 'reset';
  /** Where to ask for a reset link if it was not them. */
  forgotUrl: string;
}

/**
 * "Your password was changed": sent after every change or reset, so that someone whose account
 * was taken over learns of it and can take it back with a reset link.
 */
export function passwordChangedEmail({
  name,
  how,
  forgotUrl,
}: PasswordChangedEmailInput): RenderedEmail {
  assertWebUrl(forgotUrl, 'forgotUrl');
  const greetingName = name.trim() || 'there';
  const what =
    how === 'reset'
      ? 'The password of your Mezzo account was reset with an emailed link.'
      : 'The password of your Mezzo account was changed from its account page.';
  const subject = 'Your Mezzo password was changed';
  const text = [
    `Hi ${greetingName},`,
    '',
    what,
    'Every other signed-in device was signed out.',
    '',
    'If this was you, there is nothing to do.',
    'If it was not, ask for a reset link at once and choose a new password:',
    '',
    forgotUrl,
    '',
    'The Mezzo team',
  ].join('\n');
  const href = escapeHtml(forgotUrl);
  const html = `<!doctype html>
<html lang="en">
  <body style="${EMAIL_BODY_STYLE}">
    <p>Hi ${escapeHtml(greetingName)},</p>
    <p>${escapeHtml(what)} Every other signed-in device was signed out.</p>
    <p>If this was you, there is nothing to do. If it was not, <a href="${href}">ask for a reset link</a> at once and choose a new password.</p>
    <p>The Mezzo team</p>
  </body>
</html>`;
  return { subject, text, html };
}
