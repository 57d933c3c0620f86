import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pending changes of a sign-in email. The email could not be changed at all, because a new
 * address must be proved by a link sent to it before anyone signs in with it; one row per user
 * holds the request until that link is opened (or a newer request replaces it).
 */
export class EmailChanges1763841600000 implements MigrationInterface {
  name = 'EmailChanges1763841600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "email_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "email" text NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "email_changes_email_lower_check" CHECK (email = lower(email)), CONSTRAINT "PK_6626b2af49c359b24442c10bbb1" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "email_changes_user_key" ON "email_changes" ("user_id") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "email_changes_token_hash_key" ON "email_changes" ("token_hash") `,
    );
    await q.query(
      `ALTER TABLE "email_changes" ADD CONSTRAINT "email_changes_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "email_changes" CASCADE`);
  }
}
