import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { UserSettingsEntity } from '../entities';

export type UserSettingsPatch = Partial<
  Pick<
    UserSettingsEntity,
    'advocacyFloorPercent' | 'remindDeadlines' | 'remindAdvocacy'
  >
>;

/** A licensee's notification settings; reads of a user without a row return null (the defaults). */
@Injectable()
export class UserSettingsRepository {
  constructor(
    @InjectRepository(UserSettingsEntity)
    private readonly settings: Repository<UserSettingsEntity>,
  ) {}

  find(userId: string): Promise<UserSettingsEntity | null> {
    return this.settings.findOneBy({ userId });
  }

  async update(
    userId: string,
    patch: UserSettingsPatch,
  ): Promise<UserSettingsEntity> {
    await this.ensure(userId);
    if (Object.keys(patch).length)
      await this.settings.update({ userId }, patch);
    return this.settings.findOneByOrFail({ userId });
  }

  /** Replaces the calendar token (null revokes it): the previous token stops working at once. */
  async setCalendarToken(
    userId: string,
    tokenHash: string | null,
  ): Promise<void> {
    await this.ensure(userId);
    await this.settings.update(
      { userId },
      {
        calendarTokenHash: tokenHash,
        calendarTokenCreatedAt: tokenHash ? new Date() : null,
      },
    );
  }

  async userIdForCalendarToken(tokenHash: string): Promise<string | null> {
    const row = await this.settings.findOne({
      select: { userId: true },
      where: { calendarTokenHash: tokenHash },
    });
    return row?.userId ?? null;
  }

  private async ensure(userId: string): Promise<void> {
    await this.settings
      .createQueryBuilder()
      .insert()
      .into(UserSettingsEntity)
      .values({ userId })
      .orIgnore()
      .execute();
  }
}
