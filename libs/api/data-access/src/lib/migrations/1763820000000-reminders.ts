import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A licensee's notification settings (reminder kinds, advocacy floor, calendar feed token hash) and
 * the reminder ledger that keeps each reminder to one email (issue #4). pg-boss keeps its job tables
 * in its own `pgboss` schema, which it creates itself; it is not part of these migrations.
 */
export class Reminders1763820000000 implements MigrationInterface {
  name = 'Reminders1763820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "user_settings" ("user_id" uuid NOT NULL, "advocacy_floor_percent" numeric(5,2), "remind_deadlines" boolean NOT NULL DEFAULT true, "remind_advocacy" boolean NOT NULL DEFAULT true, "calendar_token_hash" text, "calendar_token_created_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "user_settings_floor_check" CHECK (advocacy_floor_percent IS NULL OR (advocacy_floor_percent >= 0 AND advocacy_floor_percent <= 100)), CONSTRAINT "PK_4ed056b9344e6f7d8d46ec4b302" PRIMARY KEY ("user_id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "user_settings_calendar_token_key" ON "user_settings"  ("calendar_token_hash") `,
    );
    await q.query(
      `CREATE TABLE "reminder_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "license_id" uuid NOT NULL, "cycle_end" date NOT NULL, "kind" text NOT NULL, "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT '1', "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "reminder_deliveries_license_cycle_kind_key" UNIQUE ("license_id", "cycle_end", "kind"), CONSTRAINT "reminder_deliveries_status_check" CHECK (status IN ('sending', 'sent', 'failed')), CONSTRAINT "reminder_deliveries_kind_check" CHECK (kind IN ('deadline-90d', 'deadline-30d', 'deadline-7d', 'advocacy-missing')), CONSTRAINT "PK_27a51a312a6045e6390716e6de0" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "reminder_deliveries_user_idx" ON "reminder_deliveries"  ("user_id") `,
    );
    await q.query(
      `ALTER TABLE "user_settings" ADD CONSTRAINT "user_settings_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_license_fk" FOREIGN KEY ("license_id") REFERENCES "licenses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "reminder_deliveries" CASCADE`);
    await q.query(`DROP TABLE IF EXISTS "user_settings" CASCADE`);
  }
}
