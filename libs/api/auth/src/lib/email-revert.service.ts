import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@mezzo/api-config';
import { AppError } from '@mezzo/api-core';
import {
  EmailRevertsRepository,
  type EmailRevertOutcome,
} from '@mezzo/api-data-access';
import type { EmailRevertedDto } from '@mezzo/shared-contracts';
import { AuthService } from './auth.service';
import { RateLimiter } from './rate-limiter.service';
import { hashPassword, newToken, sha256 } from './secrets';
import { SessionsService } from './sessions.service';

/**
 * "This wasn't me": the link in the notice sent to the OLD address once a change of sign-in email
 * is confirmed undoes that change. Whoever made the change knew the password (asking for a change
 * needs it) and may hold any session, so undoing it also ends every session and voids the
 * password; the restored address gets a link to choose a new one.
 */
@Injectable()
export class EmailRevertService {
  private readonly logger = new Logger(EmailRevertService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly reverts: EmailRevertsRepository,
    private readonly limiter: RateLimiter,
  ) {}

  /**
   * Limited per IP address like confirming a change, counting dead links only (a link that
   * exists, whether it undid the change or answered 409, gives its attempt back); once an address
   * has spent SIGN_IN_LIMIT_PER_IP misses in the window, every link from it gets 429 until the
   * window ends.
   */
  async revert(token: string, ip: string): Promise<EmailRevertedDto> {
    const outcome = await this.limiter.failuresOnly(
      `revert-email:ip:${ip}`,
      this.config.auth.signInLimitPerIp,
      this.config.auth.signInWindowSeconds,
      () => this.use(sha256(token)),
      (result) => result.kind === 'invalid',
    );
    if (outcome.kind === 'invalid')
      throw new AppError(
        400,
        'invalid_email_revert_token',
        'This link is invalid, has expired or was already used',
        { token: ['is invalid or expired'] },
      );
    if (outcome.kind === 'taken')
      throw AppError.conflict(
        'Another account signs in with the previous email now, so the change was not undone',
        'email_taken',
      );
    // The transaction revoked every refresh token already; this makes this process refuse the
    // access tokens of those sessions at once too (others follow within SESSION_RECHECK_MS).
    await this.sessions.endAll(outcome.userId);
    try {
      await this.auth.sendResetLink(
        { id: outcome.userId, email: outcome.email, name: outcome.name },
        'email-restored',
      );
    } catch (err) {
      // The change is undone whatever happens here; "Forgot your password?" sends another link.
      this.logger.error(
        { err: (err as Error).message },
        'Password link after undoing an email change could not be issued',
      );
    }
    return { email: outcome.email };
  }

  /**
   * The password is replaced by the hash of a secret nobody holds. It is hashed only for a link
   * that exists, so that dead links (guesses) cost no argon2 work.
   */
  private async use(tokenHash: string): Promise<EmailRevertOutcome> {
    if (!(await this.reverts.exists(tokenHash))) return { kind: 'invalid' };
    return this.reverts.revert(tokenHash, await hashPassword(newToken()));
  }
}
