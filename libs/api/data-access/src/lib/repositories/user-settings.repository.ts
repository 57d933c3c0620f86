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

  /**
   * Turns one reminder switch off, in one statement (no read first, so two unsubscribes at once
   * cannot undo each other). Returns false, changing nothing, when the user no longer exists.
   */
  async turnOff(
    userId: string,
    reminder: 'remindDeadlines' | 'remindAdvocacy',
  ): Promise<boolean> {
    // From a fixed map, never from input: the column name is SQL text.
    const column = {
      remindDeadlines: 'remind_deadlines',
      remindAdvocacy: 'remind_advocacy',
    }[reminder];
    const rows: unknown[] = await this.settings.manager.query(
      `INSERT INTO user_settings (user_id, ${column})
       SELECT id, false FROM users WHERE id = $1
       ON CONFLICT (user_id) DO UPDATE SET ${column} = false, updated_at = now()
       RETURNING user_id`,
      [userId],
    );
    return rows.length > 0;
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
