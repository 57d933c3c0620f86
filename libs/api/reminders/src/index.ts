export { RemindersModule } from './lib/reminders.module';
export type { RemindersOptions } from './lib/reminders.options';
export { RemindersService } from './lib/reminders/reminders.service';
