import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@mezzo/api-config';
import { AppError } from '@mezzo/api-core';
import {
  EmailChangesRepository,
  EmailRevertsRepository,
  PasswordResetTokensRepository,
  UsersRepository,
} from '@mezzo/api-data-access';
import { MailerService, type RenderedEmail } from '@mezzo/api-notifications';
import {
  EMAIL_CHANGE_TTL_HOURS,
  EMAIL_REVERT_TTL_DAYS,
  type EmailChangedDto,
  type EmailChangeStatusDto,
} from '@mezzo/shared-contracts';
import { AuthService } from './auth.service';
import { confirmEmailChangeEmail, emailInUseEmail } from './email-change.email';
import { emailChangedEmail } from './email-changed.email';
import { RateLimiter } from './rate-limiter.service';
import { newToken, sha256, verifyPassword } from './secrets';

/**
 * Changing the sign-in email: the current password asks for it, a link sent to the new address
 * confirms it, and the old address is told. Until the link is opened nothing changes.
 */
@Injectable()
export class EmailChangeService {
  private readonly logger = new Logger(EmailChangeService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly users: UsersRepository,
    private readonly changes: EmailChangesRepository,
    private readonly reverts: EmailRevertsRepository,
    private readonly resets: PasswordResetTokensRepository,
    private readonly limiter: RateLimiter,
    private readonly mailer: MailerService,
  ) {}

  /**
   * Limited per account like a password change (it checks a password and sends an email). The
   * caller gets the same answer whether or not the new address has an account: when it has, its
   * holder is told instead of being sent a link. Either way the request replaces any earlier one.
   */
  async request(
    userId: string,
    newEmail: string,
    password: string,
  ): Promise<void> {
    const user = await this.auth.requireUser(userId);
    await this.limiter.consume(
      `change-email:${userId}`,
      this.config.auth.signInLimitPerAccount,
      this.config.auth.signInWindowSeconds,
    );
    if (!(await verifyPassword(user.passwordHash, password)))
      throw new AppError(
        401,
        'invalid_credentials',
        'The password is not correct',
        { password: ['is not correct'] },
      );
    const email = newEmail.toLowerCase();
    if (email === user.email)
      throw AppError.validation({ email: ['is already your sign-in email'] });

    const holder = await this.users.findByEmail(email);
    const token = newToken();
    // Recorded for an address that has an account too, though its link is never sent (so it can
    // never be confirmed): GET /me/email then shows the same pending change either way, and does
    // not tell the caller what the 202 keeps quiet.
    await this.changes.replacePending({
      userId: user.id,
      email,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + EMAIL_CHANGE_TTL_HOURS * 3_600_000),
    });
    // Held for another account's open undo link: as good as taken, and its owner is not to be
    // bothered (nor told apart from a free address): no link, no notice.
    if (!holder && (await this.reverts.isReserved(email, user.id))) return;
    if (holder) {
      await this.sendBestEffort(
        email,
        emailInUseEmail({
          name: holder.name,
          email,
          signInUrl: `${this.config.appUrl}/sign-in`,
        }),
        'Email-in-use notice',
      );
      return;
    }
    await this.sendBestEffort(
      email,
      confirmEmailChangeEmail({
        name: user.name,
        newEmail: email,
        confirmUrl: `${this.config.appUrl}/account/email?token=${encodeURIComponent(token)}`,
        expiresInHours: EMAIL_CHANGE_TTL_HOURS,
      }),
      'Email-change confirmation',
    );
  }

  /** The caller's own change still waiting for its link, if any (expired ones are not shown). */
  async pending(userId: string): Promise<EmailChangeStatusDto> {
    const change = await this.changes.findPending(userId);
    return {
      pending: change
        ? { email: change.email, expiresAt: change.expiresAt.toISOString() }
        : null,
    };
  }

  /** Drops the caller's pending change, if any: its link answers as a dead one from now on. */
  cancel(userId: string): Promise<void> {
    return this.changes.cancel(userId);
  }

  /**
   * Opens the link: the account signs in with the new address from now on. Sessions stay (the
   * person proved both the password and the new address); password-reset links sent to the old
   * address stop working, since that address no longer belongs to the account. The old address is
   * told, with a link that undoes the change (EmailRevertService) in case it was not its owner.
   *
   * Limited per IP address like sign-in, counting dead links only: a link that exists (changed,
   * or 409 because the address was taken meanwhile) gives its attempt back, so people confirming
   * from one office address never use up its budget, while guessing tokens is refused (429 with
   * Retry-After) after SIGN_IN_LIMIT_PER_IP misses per window. Once spent, the budget refuses
   * every link from that address until the window ends, as sign-in does.
   */
  async confirm(token: string, ip: string): Promise<EmailChangedDto> {
    const revertToken = newToken();
    const outcome = await this.limiter.failuresOnly(
      `confirm-email:ip:${ip}`,
      this.config.auth.signInLimitPerIp,
      this.config.auth.signInWindowSeconds,
      () =>
        this.changes.confirm(sha256(token), {
          tokenHash: sha256(revertToken),
          expiresAt: new Date(Date.now() + EMAIL_REVERT_TTL_DAYS * 86_400_000),
        }),
      (result) => result.kind === 'invalid',
    );
    if (outcome.kind === 'invalid')
      throw new AppError(
        400,
        'invalid_email_change_token',
        'This confirmation link is invalid, has expired or was already used',
        { token: ['is invalid or expired'] },
      );
    if (outcome.kind === 'taken')
      throw AppError.conflict(
        'Another account signs in with this email now, so the email was not changed',
        'email_taken',
      );
    await this.resets.invalidateAllForUser(outcome.userId);
    await this.sendBestEffort(
      outcome.oldEmail,
      emailChangedEmail({
        name: outcome.name,
        newEmail: outcome.newEmail,
        // An earlier change's undo link is still open (it wins): this change has none of its own.
        revertUrl: outcome.undoable
          ? `${this.config.appUrl}/account/email/revert?token=${encodeURIComponent(revertToken)}`
          : undefined,
        revertExpiresInDays: EMAIL_REVERT_TTL_DAYS,
        supportEmail: this.config.supportEmail,
      }),
      'Email-changed notice',
    );
    return { email: outcome.newEmail };
  }

  /** The change stands, and the answer is the same, even when the mail cannot be sent (logged). */
  private async sendBestEffort(
    to: string,
    email: RenderedEmail,
    what: string,
  ): Promise<void> {
    try {
      await this.mailer.send({ to, ...email });
    } catch (err) {
      this.logger.error(
        { err: (err as Error).message },
        `${what} email could not be sent`,
      );
    }
  }
}
