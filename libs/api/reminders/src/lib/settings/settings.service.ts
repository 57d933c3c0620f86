import { Inject, Injectable } from '@nestjs/common';
import { newToken, sha256 } from '@mezzo/api-auth';
import { APP_CONFIG, type AppConfig } from '@mezzo/api-config';
import {
  UserSettingsRepository,
  type UserSettingsPatch,
} from '@mezzo/api-data-access';
import type {
  CalendarTokenResponse,
  SettingsDto,
} from '@mezzo/shared-contracts';
import type { UpdateSettingsDto } from './settings.dto';
import { toSettingsDto } from './settings.mapper';

/** The signed-in licensee's notification settings and calendar feed token. */
@Injectable()
export class SettingsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: UserSettingsRepository,
  ) {}

  async get(userId: string): Promise<SettingsDto> {
    return toSettingsDto(await this.settings.find(userId));
  }

  async update(userId: string, input: UpdateSettingsDto): Promise<SettingsDto> {
    const patch: UserSettingsPatch = {};
    if (input.advocacyFloorPercent !== undefined)
      patch.advocacyFloorPercent = input.advocacyFloorPercent;
    if (input.reminders?.deadlines !== undefined)
      patch.remindDeadlines = input.reminders.deadlines;
    if (input.reminders?.advocacy !== undefined)
      patch.remindAdvocacy = input.reminders.advocacy;
    return toSettingsDto(await this.settings.update(userId, patch));
  }

  /** A new 256-bit feed token; only its SHA-256 is kept, and the previous token stops working. */
  async issueCalendarToken(userId: string): Promise<CalendarTokenResponse> {
    const token = newToken();
    await this.settings.setCalendarToken(userId, sha256(token));
    return { url: `${this.config.appUrl}/api/calendar/${token}.ics` };
  }

  async revokeCalendarToken(userId: string): Promise<void> {
    await this.settings.setCalendarToken(userId, null);
  }
}
