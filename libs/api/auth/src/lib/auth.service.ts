import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@mezzo/api-config';
import { AppError } from '@mezzo/api-core';
import {
  EmailRevertsRepository,
  PasswordResetTokensRepository,
  UsersRepository,
  type UserEntity,
} from '@mezzo/api-data-access';
import { MailerService, passwordResetEmail } from '@mezzo/api-notifications';
import { passwordChangedEmail } from './password-changed.email';
import type { RegisterDto, SignInDto } from './dto/auth.dto';
import { RateLimiter } from './rate-limiter.service';
import {
  dummyPasswordHash,
  hashPassword,
  newToken,
  sha256,
  verifyPassword,
} from './secrets';
import { SessionsService, type IssuedSession } from './sessions.service';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly resets: PasswordResetTokensRepository,
    private readonly reverts: EmailRevertsRepository,
    private readonly sessions: SessionsService,
    private readonly limiter: RateLimiter,
    private readonly mailer: MailerService,
  ) {}

  async register(input: RegisterDto): Promise<IssuedSession> {
    // An address an account was just moved away from is held for that account's undo link.
    if (await this.reverts.isReserved(input.email))
      throw AppError.conflict(
        'An account with this email already exists',
        'email_taken',
        { email: ['is already registered'] },
      );
    const user = await this.users.create({
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
    });
    if (!user)
      throw AppError.conflict(
        'An account with this email already exists',
        'email_taken',
        { email: ['is already registered'] },
      );
    return this.sessions.start(user);
  }

  /**
   * Limited per IP and per account; the answer never says which of email or password was wrong.
   *
   * The per-IP limit counts failed attempts only (wrong password, unknown account, or refused by the
   * per-account limit), so that successful sign-ins from one address (an office or hospital behind
   * NAT) never use up its budget. Each attempt reserves a slot atomically before the password is
   * checked, so a burst of concurrent wrong passwords cannot get more than the limit through; the
   * slot is given back once the password proves right (so only sign-ins still in flight hold one).
   * Once an address has spent its failure budget it is refused (429) for the rest of the window
   * whatever the password, so the limit cannot be used to tell a right password from a wrong one.
   * The per-account limit counts every attempt and starts over after a successful sign-in.
   */
  async signIn(input: SignInDto, ip: string): Promise<IssuedSession> {
    const { signInLimitPerIp, signInLimitPerAccount, signInWindowSeconds } =
      this.config.auth;
    const accountKey = `sign-in:account:${input.email.toLowerCase()}`;
    const ipHit = await this.limiter.consume(
      `sign-in:ip:${ip}`,
      signInLimitPerIp,
      signInWindowSeconds,
    );
    await this.limiter.consume(
      accountKey,
      signInLimitPerAccount,
      signInWindowSeconds,
    );
    const user = await this.users.findByEmail(input.email);
    const ok = await verifyPassword(
      user?.passwordHash ?? (await dummyPasswordHash()),
      input.password,
    );
    if (!user || !ok)
      throw AppError.unauthenticated(
        'invalid_credentials',
        'The email or password is not correct',
      );
    await this.limiter.refund(ipHit);
    await this.limiter.clear(accountKey);
    return this.sessions.start(user);
  }

  /** Changes the password and signs out every other session; returns a fresh session for this one. */
  async changePassword(
    userId: string,
    currentPassword: string,
    newPassword: string,
  ): Promise<IssuedSession> {
    const user = await this.requireUser(userId);
    await this.limiter.consume(
      `change-password:${userId}`,
      this.config.auth.signInLimitPerAccount,
      this.config.auth.signInWindowSeconds,
    );
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new AppError(
        401,
        'invalid_credentials',
        'The current password is not correct',
        { currentPassword: ['is not correct'] },
      );
    }
    // Checked once the current password is known to be right, so it tells nothing new.
    if (newPassword === currentPassword)
      throw AppError.validation({
        newPassword: ['must differ from the current password'],
      });
    await this.users.updatePasswordHash(
      user.id,
      await hashPassword(newPassword),
    );
    await this.sessions.endAll(user.id);
    await this.tellPasswordChanged(user, 'changed');
    return this.sessions.start(user);
  }

  /** Best effort: the change stands even when the mail cannot be sent (the failure is logged). */
  private async tellPasswordChanged(
    user: Pick<UserEntity, 'email' | 'name'>,
    how: 'changed' | 'reset',
  ): Promise<void> {
    try {
      await this.mailer.send({
        to: user.email,
        ...passwordChangedEmail({
          name: user.name,
          how,
          forgotUrl: `${this.config.appUrl}/forgot-password`,
        }),
      });
    } catch (err) {
      this.logger.error(
        { err: (err as Error).message },
        'Password-changed email could not be sent',
      );
    }
  }

  /** Always succeeds from the caller's view, so it cannot be used to find out who has an account. */
  async forgotPassword(email: string, ip: string): Promise<void> {
    await this.limiter.consume(
      `forgot:ip:${ip}`,
      this.config.auth.signInLimitPerIp,
      this.config.auth.signInWindowSeconds,
    );
    const user = await this.users.findByEmail(email);
    if (!user) return;
    await this.sendResetLink(user);
  }

  /**
   * Emails the account's address a link to choose a new password (valid RESET_TOKEN_TTL_MINUTES,
   * once): on "forgot password" (`asked`), and after a change of sign-in email was undone
   * (`email-restored`, when the old password no longer works). The send is best effort, so the
   * caller's answer does not depend on it; storing the token is not.
   */
  async sendResetLink(
    user: Pick<UserEntity, 'id' | 'email' | 'name'>,
    reason: 'asked' | 'email-restored' = 'asked',
  ): Promise<void> {
    const token = newToken();
    const ttl = this.config.auth.resetTokenTtlMinutes;
    await this.resets.insert({
      userId: user.id,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + ttl * 60_000),
    });
    const resetUrl = `${this.config.appUrl}/reset-password?token=${encodeURIComponent(token)}`;
    try {
      await this.mailer.send({
        to: user.email,
        ...passwordResetEmail({
          name: user.name,
          resetUrl,
          expiresInMinutes: ttl,
          reason,
        }),
      });
    } catch (err) {
      // The user sees the same answer either way; the failure is ours to see in the logs.
      this.logger.error(
        { err: (err as Error).message },
        'Password reset email could not be sent',
      );
    }
  }

  /** 400 `invalid_reset_token` (as `resetPassword` answers) unless the link still works. */
  async checkResetToken(token: string, ip: string): Promise<void> {
    const usable = await this.limitBadResetLinks(ip, () =>
      this.resets.isUsable(sha256(token)),
    );
    if (!usable) throw invalidResetToken();
  }

  async resetPassword(
    token: string,
    newPassword: string,
    ip: string,
  ): Promise<void> {
    const userId = await this.limitBadResetLinks(ip, () =>
      this.resets.consume(sha256(token)),
    );
    if (!userId) throw invalidResetToken();
    await this.users.updatePasswordHash(
      userId,
      await hashPassword(newPassword),
    );
    await this.resets.invalidateAllForUser(userId);
    await this.sessions.endAll(userId);
    const user = await this.users.findById(userId);
    if (user) await this.tellPasswordChanged(user, 'reset');
  }

  /**
   * Dead reset links (unknown, used or expired) count against the IP address, as dead email-change
   * links do: 429 `rate_limited` past the sign-in limit; a working link costs nothing.
   */
  private limitBadResetLinks<T>(ip: string, attempt: () => Promise<T>) {
    return this.limiter.failuresOnly(
      `reset-link:ip:${ip}`,
      this.config.auth.signInLimitPerIp,
      this.config.auth.signInWindowSeconds,
      attempt,
      (result) => !result,
    );
  }

  async requireUser(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user)
      throw AppError.unauthenticated(
        'token_invalid',
        'The account no longer exists',
      );
    return user;
  }
}

function invalidResetToken(): AppError {
  return new AppError(
    400,
    'invalid_reset_token',
    'This reset link is invalid or has expired',
    { token: ['is invalid or expired'] },
  );
}
