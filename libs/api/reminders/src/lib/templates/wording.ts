import { EMAIL_BODY_STYLE, escapeHtml } from '@mezzo/api-notifications';
import type { ComplianceStatus } from '@mezzo/compliance-engine';

/** The footer link's words, in the html and the text part. */
export const UNSUBSCRIBE_LABEL = 'Unsubscribe from these emails';

/** "NJ LCSW". */
export function licenseName(l: {
  jurisdiction: string;
  licenseType: string;
}): string {
  return `${l.jurisdiction} ${l.licenseType}`;
}

/** 3 → "3", 1.5 → "1.5", 2.25 → "2.25". */
export function formatHours(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}

export function statusWords(status: ComplianceStatus): string {
  return status === 'met'
    ? 'met'
    : status === 'overdue'
      ? 'overdue'
      : 'in progress';
}

export function daysWords(days: number): string {
  return days <= 0 ? 'today' : days === 1 ? 'in 1 day' : `in ${days} days`;
}

/** "31 August 2026", in UTC (the date is a calendar date, not an instant). */
export function longDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-US', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The start of a reminder email's html, up to the greeting. */
export function openingHtml(greeting: string): string {
  return `<!doctype html>
<html lang="en">
  <body style="${EMAIL_BODY_STYLE}">
    <p>Hi ${escapeHtml(greeting)},</p>
`;
}

/**
 * The end of a reminder email's text: `footnote` ending with the settings link, the unsubscribe link
 * (the List-Unsubscribe URL), and the sign-off. The html's is `closingHtml`.
 */
export function closingText(
  footnote: string,
  appUrl: string,
  unsubscribeUrl: string,
): string[] {
  return [
    `${footnote} settings: ${appUrl}/settings`,
    `${UNSUBSCRIBE_LABEL}: ${unsubscribeUrl}`,
    '',
    'The Mezzo team',
  ];
}

/**
 * The end of a reminder email's html: the button to `link`, the link spelled out for clients that
 * drop the button, `footnote` ending in a link to the settings, the unsubscribe link (the URL of
 * the `List-Unsubscribe` header: a page whose button turns this kind of email off), and the
 * sign-off.
 */
export function closingHtml(
  link: string,
  label: string,
  footnote: string,
  appUrl: string,
  unsubscribeUrl: string,
): string {
  const href = escapeHtml(link);
  return `    <p>
      <a href="${href}" style="display: inline-block; padding: 10px 18px; background: #1d4ed8; color: #ffffff; text-decoration: none; border-radius: 4px;">${escapeHtml(label)}</a>
    </p>
    <p>If the button doesn't work, copy this link into your browser:<br><a href="${href}">${href}</a></p>
    <p style="font-size: 13px; color: #4b5563;">${escapeHtml(footnote)} <a href="${escapeHtml(`${appUrl}/settings`)}">settings</a>.</p>
    <p style="font-size: 13px; color: #4b5563;"><a href="${escapeHtml(unsubscribeUrl)}">${UNSUBSCRIBE_LABEL}</a></p>
    <p>The Mezzo team</p>
`;
}
