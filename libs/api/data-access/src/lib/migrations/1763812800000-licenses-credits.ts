import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The licensee's licenses, credit log and the credit history (issue #4). */
export class LicensesCredits1763812800000 implements MigrationInterface {
  name = 'LicensesCredits1763812800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "credits" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "title" text NOT NULL, "provider" text, "completed_on" date NOT NULL, "hours" numeric(7,2) NOT NULL, "format" text NOT NULL, "topics" text array NOT NULL DEFAULT '{}', "practice_clinical" numeric(7,2) NOT NULL, "practice_macro" numeric(7,2) NOT NULL, "practice_general" numeric(7,2) NOT NULL, "macro_areas" text array NOT NULL DEFAULT '{}', "approvals" jsonb NOT NULL DEFAULT '[]', "deleted_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "credits_practice_check" CHECK (practice_clinical >= 0 AND practice_macro >= 0 AND practice_general >= 0 AND practice_clinical + practice_macro + practice_general = hours), CONSTRAINT "credits_hours_check" CHECK (hours > 0), CONSTRAINT "PK_45cea097fd0ee625d2e840ed99c" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "credits_user_completed_idx" ON "credits"  ("user_id", "completed_on") `,
    );
    await q.query(
      `CREATE TABLE "credit_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "credit_id" uuid NOT NULL, "actor_id" uuid NOT NULL, "actor_name" text NOT NULL, "action" text NOT NULL, "snapshot" jsonb NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "credit_events_action_check" CHECK (action IN ('created', 'updated', 'deleted', 'restored')), CONSTRAINT "PK_780dafc9e3a1e3e7b97e8488919" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "credit_events_credit_idx" ON "credit_events"  ("credit_id") `,
    );
    await q.query(
      `CREATE TABLE "licenses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "jurisdiction" text NOT NULL, "license_type" text NOT NULL, "number" text NOT NULL, "issued_on" date NOT NULL, "birth_date" date, "roles" text array NOT NULL DEFAULT '{}', "retired_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "licenses_jurisdiction_check" CHECK (jurisdiction ~ '^[A-Z]{2}$'), CONSTRAINT "PK_da5021501ce80efa03de6f40086" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "licenses_user_idx" ON "licenses"  ("user_id") `,
    );
    await q.query(
      `ALTER TABLE "credits" ADD CONSTRAINT "credits_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "credit_events" ADD CONSTRAINT "credit_events_credit_fk" FOREIGN KEY ("credit_id") REFERENCES "credits"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "licenses" ADD CONSTRAINT "licenses_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "licenses" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "credit_events" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "credits" CASCADE`);
  }
}
