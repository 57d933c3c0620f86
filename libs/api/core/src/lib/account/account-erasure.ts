import { Injectable, Logger } from '@nestjs/common';

/** Erases what one module keeps about a user outside the rows that cascade with the user. */
export type ErasureStep = (userId: string) => Promise<unknown>;

/**
 * Deleting an account removes the user's row, and PostgreSQL cascades every row that hangs off
 * it. What lives elsewhere (certificate bytes on disk or in S3) would be left behind, so modules
 * that keep such things register a step here, and the account deletion runs every step *before*
 * it deletes the user. A step must leave a consistent state if the deletion fails afterwards
 * (e.g. remove rows and bytes together), because the person asked for everything to go.
 */
@Injectable()
export class AccountErasure {
  private readonly logger = new Logger(AccountErasure.name);
  private readonly steps = new Map<string, ErasureStep>();

  register(name: string, step: ErasureStep): void {
    this.steps.set(name, step);
  }

  /** Runs every step in registration order; a failure stops the deletion (nothing half-erased is hidden). */
  async run(userId: string): Promise<void> {
    for (const [name, step] of this.steps) {
      await step(userId);
      this.logger.debug({ step: name }, 'account data erased');
    }
  }
}
