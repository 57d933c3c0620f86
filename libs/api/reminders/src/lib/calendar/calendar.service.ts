import { Inject, Injectable } from '@nestjs/common';
import { sha256 } from '@mezzo/api-auth';
import { APP_CONFIG, type AppConfig } from '@mezzo/api-config';
import { AppError } from '@mezzo/api-core';
import { UserSettingsRepository } from '@mezzo/api-data-access';
import { LicensesService } from '@mezzo/api-licenses';
import { buildCalendarFeed } from './calendar-feed';

/** A feed token is 32 random bytes, base64url: anything else cannot be one. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

@Injectable()
export class CalendarService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: UserSettingsRepository,
    private readonly licenses: LicensesService,
  ) {}

  /** The feed of the user the token belongs to; an unknown or revoked token is a 404. */
  async feed(token: string, now: Date): Promise<string> {
    const userId = TOKEN.test(token)
      ? await this.settings.userIdForCalendarToken(sha256(token))
      : null;
    if (!userId) throw AppError.notFound('Calendar');
    const items = await this.licenses.evaluateActive(
      userId,
      now.toISOString().slice(0, 10),
    );
    return buildCalendarFeed(
      items.map(({ license, evaluation }) => ({
        id: license.id,
        jurisdiction: license.jurisdiction,
        licenseType: license.licenseType,
        evaluation,
      })),
      this.config.appUrl,
      now,
    );
  }
}
