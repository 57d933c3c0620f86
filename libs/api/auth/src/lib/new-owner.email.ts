import {
  escapeHtml,
  type RenderedEmail,
  EMAIL_BODY_STYLE,
} from '@mezzo/api-notifications';

export interface NewOwnerEmailInput {
  /** The person who now owns the organisation. */
  name: string;
  organizationName: string;
  /** The owner who deleted their account. */
  formerOwner: string;
}

/** "You now own …": sent to the member an organisation passed to when its only owner left Mezzo. */
export function newOwnerEmail({
  name,
  organizationName,
  formerOwner,
}: NewOwnerEmailInput): RenderedEmail {
  const greetingName = name.trim() || 'there';
  const subject = `You are now an owner of ${organizationName} on Mezzo`;
  const what = `${formerOwner.trim() || 'Its only owner'} deleted their Mezzo account. ${organizationName} passed to you as its longest-standing admin or member, so that it keeps an owner.`;
  const text = [
    `Hi ${greetingName},`,
    '',
    what,
    'As an owner you can invite people, change their roles and remove them.',
    '',
    'The Mezzo team',
  ].join('\n');
  const html = `<!doctype html>
<html lang="en">
  <body style="${EMAIL_BODY_STYLE}">
    <p>Hi ${escapeHtml(greetingName)},</p>
    <p>${escapeHtml(what)}</p>
    <p>As an owner you can invite people, change their roles and remove them.</p>
    <p>The Mezzo team</p>
  </body>
</html>`;
  return { subject, text, html };
}
