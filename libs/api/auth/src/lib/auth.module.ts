import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, type AppConfig } from '@mezzo/api-config';
import { PermissionsGuard } from '@mezzo/api-core';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { EmailChangeController } from './email-change.controller';
import { EmailChangeService } from './email-change.service';
import { EmailRevertService } from './email-revert.service';
import { AccessTokenStrategy } from './passport/access-token.strategy';
import { AccessTokenVerifier } from './passport/access-token.verifier';
import { JwtAuthGuard } from './passport/jwt-auth.guard';
import { SessionStatus } from './passport/session-status';
import { RateLimiter } from './rate-limiter.service';
import { SessionsService } from './sessions.service';

/**
 * Accounts and sessions. Registers the global guards: authentication first (deny by default,
 * @Public() opts out), then the permission check.
 */
@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.auth.jwtSecret,
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController, AccountController, EmailChangeController],
  providers: [
    AuthService,
    AccountService,
    EmailChangeService,
    EmailRevertService,
    SessionsService,
    RateLimiter,
    AccessTokenVerifier,
    SessionStatus,
    AccessTokenStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: PermissionsGuard },
  ],
  exports: [RateLimiter],
})
export class AuthModule {}
