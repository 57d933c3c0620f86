import {
  DynamicModule,
  InjectionToken,
  Module,
  ModuleMetadata,
  OptionalFactoryDependency,
} from '@nestjs/common';
import { MailerService } from './mailer.service';
import { MAIL_OPTIONS, MailOptions } from './mail-options';

@Module({})
export class NotificationsModule {
  /**
   * Register once, in the composition root. Global, so that feature modules (auth, reminders…)
   * inject MailerService without importing this module and its options again.
   */
  static forRoot(options: MailOptions): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      providers: [{ provide: MAIL_OPTIONS, useValue: options }, MailerService],
      exports: [MailerService],
    };
  }

  /** For options that come from another provider, e.g. the validated configuration. */
  static forRootAsync(options: MailOptionsAsync): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        {
          provide: MAIL_OPTIONS,
          useFactory: options.useFactory,
          inject: options.inject ?? [],
        },
        MailerService,
      ],
      exports: [MailerService],
    };
  }
}

export interface MailOptionsAsync {
  imports?: ModuleMetadata['imports'];
  inject?: (InjectionToken | OptionalFactoryDependency)[];
  useFactory: (...args: never[]) => MailOptions | Promise<MailOptions>;
}
