import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts: users, organisations and memberships, refresh-token families, reset links, rate limits. */
export class Initial1763805600000 implements MigrationInterface {
  name = 'Initial1763805600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "kind" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "organizations_kind_check" CHECK (kind IN ('provider', 'association')), CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "password_hash" text NOT NULL, "is_platform_admin" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "users_email_lower_check" CHECK (email = lower(email)), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "users_email_key" ON "users"  ("email") `,
    );
    await q.query(
      `CREATE TABLE "memberships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "memberships_role_check" CHECK (role IN ('owner', 'admin', 'member')), CONSTRAINT "PK_25d28bd932097a9e90495ede7b4" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "memberships_user_idx" ON "memberships"  ("user_id") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "memberships_org_user_key" ON "memberships"  ("organization_id", "user_id") `,
    );
    await q.query(
      `CREATE TABLE "password_reset_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d16bebd73e844c48bca50ff8d3d" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "password_reset_tokens_user_idx" ON "password_reset_tokens"  ("user_id") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "password_reset_tokens_hash_key" ON "password_reset_tokens"  ("token_hash") `,
    );
    await q.query(
      `CREATE TABLE "rate_limits" ("key" text NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "count" integer NOT NULL, CONSTRAINT "rate_limits_count_check" CHECK (count >= 0), CONSTRAINT "PK_8cb6aa4831e3e775ccf370521db" PRIMARY KEY ("key"))`,
    );
    await q.query(
      `CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "refresh_tokens_user_idx" ON "refresh_tokens"  ("user_id") `,
    );
    await q.query(
      `CREATE INDEX "refresh_tokens_family_idx" ON "refresh_tokens"  ("family_id") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "refresh_tokens_hash_key" ON "refresh_tokens"  ("token_hash") `,
    );
    await q.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_fk" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "refresh_tokens" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "rate_limits" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "password_reset_tokens" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "memberships" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "users" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "organizations" CASCADE`);
  }
}
