import { escapeHtml } from '@mezzo/api-notifications';
import type { ReminderSwitch } from '@mezzo/shared-contracts';

/**
 * The small pages a person sees at the unsubscribe link, served by the API itself: no script, no
 * sign-in, one form. The GET page only asks; its button POSTs, as a mail provider's one-click does.
 */
const WHAT: Record<ReminderSwitch, { name: string; covers: string }> = {
  deadlines: {
    name: 'deadline reminders',
    covers:
      'the emails 90, 30 and 7 days before a renewal deadline, and the notice after a renewal cycle ends short',
  },
  advocacy: {
    name: 'advocacy notices',
    covers:
      'the email once per renewal cycle when none of your CE is advocacy or macro content',
  },
};

/** Headers of every page: the token is in the URL, so it must not leak through caches or referrers. */
export const UNSUBSCRIBE_PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
};

/** GET with a valid token: what the link turns off, and a button that does it. Changes nothing. */
export function confirmUnsubscribePage(
  reminder: ReminderSwitch,
  token: string,
  appUrl: string,
): string {
  const { name, covers } = WHAT[reminder];
  const action = `/api/reminders/unsubscribe?token=${encodeURIComponent(token)}`;
  return page(
    `Unsubscribe from ${name}`,
    `    <h1>Unsubscribe from ${name}?</h1>
    <p>Mezzo will stop sending you ${escapeHtml(covers)}. Your other emails and your licenses stay as they are.</p>
    <form method="post" action="${escapeHtml(action)}">
      <input type="hidden" name="List-Unsubscribe" value="One-Click">
      <button type="submit">Unsubscribe from ${name}</button>
    </form>
    <p>Changed your mind? Close this page, or choose which emails you get in your <a href="${escapeHtml(`${appUrl}/settings`)}">settings</a>.</p>
`,
  );
}

/** After the POST: said in a status region, with the way back. */
export function unsubscribedPage(
  reminder: ReminderSwitch,
  appUrl: string,
): string {
  const { name } = WHAT[reminder];
  return page(
    `Unsubscribed from ${name}`,
    `    <h1>Unsubscribed</h1>
    <p role="status">You will no longer get ${name} from Mezzo.</p>
    <p>You can turn them back on at any time in your <a href="${escapeHtml(`${appUrl}/settings`)}">settings</a>.</p>
`,
  );
}

/** GET with a token that is not one of ours (cut short by a mail client, or altered). */
export function invalidUnsubscribeLinkPage(appUrl: string): string {
  return page(
    'Unsubscribe link not valid',
    `    <h1>This unsubscribe link is not valid</h1>
    <p role="alert">It may have been cut short when it was copied. Open it again from the email, or turn reminder emails off in your <a href="${escapeHtml(`${appUrl}/settings`)}">settings</a>.</p>
`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex">
    <title>${escapeHtml(title)} – Mezzo</title>
    <style>
      body { font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1f2937; background: #ffffff; margin: 0; }
      main { max-width: 36rem; margin: 0 auto; padding: 2rem 1rem; }
      h1 { font-size: 1.5rem; line-height: 1.3; }
      a { color: #1d4ed8; }
      button { font: inherit; padding: 0.625rem 1.125rem; min-height: 44px; color: #ffffff; background: #1d4ed8; border: 0; border-radius: 4px; cursor: pointer; }
      button:hover { background: #1e40af; }
      a:focus-visible, button:focus-visible { outline: 3px solid #1e3a8a; outline-offset: 2px; }
    </style>
  </head>
  <body>
    <main>
${body}    </main>
  </body>
</html>
`;
}
