import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "This wasn't me" links for confirmed email changes. Once a change is confirmed, the old address
 * is told, and until now could do nothing about it; one row per user (the newest change) holds
 * the link that sets the email back, tied to the addresses of that change so that it cannot undo
 * a later one.
 */
export class EmailReverts1763848800000 implements MigrationInterface {
  name = 'EmailReverts1763848800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "email_reverts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "old_email" text NOT NULL, "new_email" text NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "email_reverts_emails_lower_check" CHECK (old_email = lower(old_email) AND new_email = lower(new_email)), CONSTRAINT "PK_dae50c1ef4fa33cacc18dcbc75c" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "email_reverts_user_key" ON "email_reverts" ("user_id") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "email_reverts_token_hash_key" ON "email_reverts" ("token_hash") `,
    );
    await q.query(
      `ALTER TABLE "email_reverts" ADD CONSTRAINT "email_reverts_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "email_reverts" CASCADE`);
  }
}
