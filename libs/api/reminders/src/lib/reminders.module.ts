import { Module, type DynamicModule } from '@nestjs/common';
import { ComplianceService, LicensesService } from '@mezzo/api-licenses';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarService } from './calendar/calendar.service';
import { REMINDERS_OPTIONS, type RemindersOptions } from './reminders.options';
import { ReminderSender } from './reminders/reminder-sender.service';
import { RemindersQueue } from './reminders/reminders-queue.service';
import { RemindersWorkers } from './reminders/reminders-workers';
import { RemindersService } from './reminders/reminders.service';
import { SettingsController } from './settings/settings.controller';
import { SettingsService } from './settings/settings.service';
import { UnsubscribeController } from './unsubscribe/unsubscribe.controller';
import { UnsubscribeService } from './unsubscribe/unsubscribe.service';

/**
 * Notification settings, the calendar feed and email reminders on a pg-boss queue. Register once in
 * the composition root: `RemindersModule.forRoot({ runWorkers: true })`.
 */
@Module({})
export class RemindersModule {
  static forRoot(options: RemindersOptions): DynamicModule {
    return {
      module: RemindersModule,
      controllers: [
        SettingsController,
        CalendarController,
        UnsubscribeController,
      ],
      providers: [
        { provide: REMINDERS_OPTIONS, useValue: options },
        // LicensesModule does not export its services; they are stateless, so this module has its own.
        LicensesService,
        ComplianceService,
        SettingsService,
        CalendarService,
        UnsubscribeService,
        RemindersQueue,
        RemindersService,
        ReminderSender,
        RemindersWorkers,
      ],
      exports: [RemindersService],
    };
  }
}
