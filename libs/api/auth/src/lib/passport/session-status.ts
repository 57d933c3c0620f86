import { Injectable } from '@nestjs/common';
import { RefreshTokensRepository } from '@mezzo/api-data-access';

/** How long a session known to be live is trusted without asking the database again. */
export const SESSION_RECHECK_MS = 5_000;
/** Sessions remembered (oldest dropped beyond this). */
const CAPACITY = 10_000;

interface Known {
  userId: string;
  live: boolean;
  /** Date.now() of the last check; ended sessions never come back, so theirs is never re-read. */
  checkedAt: number;
}

/**
 * Whether the session (refresh-token family) an access token was issued from is still live, so that
 * signing out, "sign out everywhere", a password change or a reused refresh token end the access
 * tokens issued from those sessions too, not only their refresh tokens.
 *
 * Access tokens are otherwise checked without the database. A live session is re-read at most every
 * `SESSION_RECHECK_MS` per API process; this process forgets it at once when it ends a session
 * itself, so the device that signs out (or is signed out by this process) is refused on its next
 * request, and other processes follow within that delay.
 */
@Injectable()
export class SessionStatus {
  private readonly known = new Map<string, Known>();

  constructor(private readonly tokens: RefreshTokensRepository) {}

  /** True or false when known and fresh, else a promise of the database's answer. */
  isLive(sessionId: string, userId: string): boolean | Promise<boolean> {
    const known = this.known.get(sessionId);
    if (
      known &&
      known.userId === userId &&
      (!known.live || Date.now() - known.checkedAt < SESSION_RECHECK_MS)
    ) {
      return known.live;
    }
    return this.tokens.familyLive(sessionId, userId).then((live) => {
      this.remember(sessionId, userId, live);
      return live;
    });
  }

  /** A session this process just ended. */
  ended(sessionId: string, userId: string): void {
    this.remember(sessionId, userId, false);
  }

  /** Every session of a user this process just ended: the ones it knows of are refused at once. */
  endedForUser(userId: string): void {
    for (const known of this.known.values())
      if (known.userId === userId) known.live = false;
  }

  private remember(sessionId: string, userId: string, live: boolean): void {
    this.known.delete(sessionId);
    if (this.known.size >= CAPACITY) {
      const oldest = this.known.keys().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
    this.known.set(sessionId, { userId, live, checkedAt: Date.now() });
  }
}
