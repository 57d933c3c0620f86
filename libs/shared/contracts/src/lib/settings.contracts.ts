/**
 * A licensee's notification settings and calendar feed. Routes under `/api`.
 *
 * GET    /me/settings                          → 200 SettingsDto                        (Bearer, account:read)
 * PATCH  /me/settings   UpdateSettingsRequest  → 200 SettingsDto   400 fields           (Bearer, account:write)
 * POST   /me/calendar-token                    → 201 CalendarTokenResponse              (Bearer, account:write)
 *        a new feed URL; the previous one stops working at once
 * DELETE /me/calendar-token                    → 204                                     (Bearer, account:write)
 * GET    /calendar/:token.ics                  → 200 text/calendar (RFC 5545)  404 unknown or revoked token
 *        public: the token in the URL is the credential
 * POST   /reminders/unsubscribe?token=…         → 200 text/html      400 invalid_unsubscribe_token
 *        public, RFC 8058 one-click (the URL of a reminder email's List-Unsubscribe header): turns
 *        off the switch the token names (deadlines or advocacy); any body; idempotent
 * GET    /reminders/unsubscribe?token=…         → 200 text/html page with a button that POSTs  400 page
 *        changes nothing (link scanners fetch it)
 */
export interface SettingsDto {
  /** Macro share below which the advocacy balance is `thin`, in percent; null = the default (10%). */
  advocacyFloorPercent: number | null;
  reminders: {
    /** Emails 90, 30 and 7 days before a renewal deadline whose requirements are not met. */
    deadlines: boolean;
    /** One email per cycle when no macro/advocacy hours were logged. */
    advocacy: boolean;
  };
  calendar: {
    enabled: boolean;
    /** When the current feed URL was issued (ISO timestamp), or null. */
    createdAt: string | null;
  };
}

export interface UpdateSettingsRequest {
  /** 0–100 with at most 2 decimals, or null for the default. */
  advocacyFloorPercent?: number | null;
  reminders?: { deadlines?: boolean; advocacy?: boolean };
}

/** The switch a reminder email's unsubscribe link turns off: a key of `SettingsDto.reminders`. */
export type ReminderSwitch = keyof SettingsDto['reminders'];

export interface CalendarTokenResponse {
  /** The feed URL to subscribe to; shown once (only a hash of its token is kept). */
  url: string;
}

/**
 * The reminder emails Mezzo sends; each is sent at most once per license and cycle. `overdue`: once,
 * after a cycle ends short (the deadline reminders' switch turns it off too).
 */
export const REMINDER_KINDS = [
  'deadline-90d',
  'deadline-30d',
  'deadline-7d',
  'advocacy-missing',
  'overdue',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Deadline reminders go out this many days before the cycle ends (a missed day is caught up). */
export const DEADLINE_REMINDER_DAYS = [90, 30, 7] as const;

/** GET /help (public): where people write for help. */
export interface HelpInfo {
  supportEmail: string;
}
