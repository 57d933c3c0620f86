import { Global, Module } from '@nestjs/common';
import { AccountErasure } from './account/account-erasure';
import { HealthController } from './health/health.controller';

/** Global: every module can reach the account-erasure registry without importing Core. */
@Global()
@Module({
  controllers: [HealthController],
  providers: [AccountErasure],
  exports: [AccountErasure],
})
export class CoreModule {}
