import type { UserSettingsEntity } from '@mezzo/api-data-access';
import type { SettingsDto } from '@mezzo/shared-contracts';

/** A user without a settings row has the defaults: every reminder on, default floor, no feed. */
export function toSettingsDto(s: UserSettingsEntity | null): SettingsDto {
  return {
    advocacyFloorPercent: s?.advocacyFloorPercent ?? null,
    reminders: {
      deadlines: s?.remindDeadlines ?? true,
      advocacy: s?.remindAdvocacy ?? true,
    },
    calendar: {
      enabled: !!s?.calendarTokenHash,
      createdAt: s?.calendarTokenHash
        ? (s.calendarTokenCreatedAt?.toISOString() ?? null)
        : null,
    },
  };
}
