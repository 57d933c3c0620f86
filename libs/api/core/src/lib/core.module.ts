import { Global, Module } from '@nestjs/common';
import { AccountErasure } from './account/account-erasure';
import { HealthController } from './health/health.controller';
import { HelpController } from './health/help.controller';

/** Global: every module can reach the account-erasure registry without importing Core. */
@Global()
@Module({
  controllers: [HealthController, HelpController],
  providers: [AccountErasure],
  exports: [AccountErasure],
})
export class CoreModule {}
