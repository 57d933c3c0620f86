import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One active license per (user, jurisdiction, type, number), enforced by the database. The service
 * checked before inserting, but two requests at once (a double tap on "Add license") both passed the
 * check and both inserted: every credit then counted twice over and every reminder went out twice.
 * Copies made that way before this migration are retired (all but the oldest), which is what the
 * service would have answered; a retired copy can be looked at, and does not block.
 */
export class LicenseActiveUnique1763856000000 implements MigrationInterface {
  name = 'LicenseActiveUnique1763856000000';

  async up(q: QueryRunner): Promise<void> {
    // No insert may slip in between the clean-up and the index (an older replica still serving
    // during a rolling deploy): writes wait for this transaction, as they would for the index build.
    await q.query(`LOCK TABLE "licenses" IN SHARE ROW EXCLUSIVE MODE`);
    await q.query(
      `UPDATE "licenses" l SET "retired_at" = now(), "version" = l."version" + 1
         FROM (SELECT "id", row_number() OVER (
                 PARTITION BY "user_id", upper(btrim("jurisdiction")), upper(btrim("license_type")), upper(btrim("number"))
                 ORDER BY "created_at", "id") AS n
                 FROM "licenses" WHERE "retired_at" IS NULL) d
        WHERE l."id" = d."id" AND d.n > 1`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "licenses_active_number_key" ON "licenses" ("user_id", upper(btrim("jurisdiction")), upper(btrim("license_type")), upper(btrim("number"))) WHERE "retired_at" IS NULL`,
    );
  }

  /** Drops the index only: the copies `up` retired stay retired (their owners may reinstate them). */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "licenses_active_number_key"`);
  }
}
