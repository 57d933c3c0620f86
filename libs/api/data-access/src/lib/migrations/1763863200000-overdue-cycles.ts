import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Overdue cycles. A cycle that ended short stayed invisible: the day after its end the license
 * showed the next cycle, "in progress". `renewed_through` records the last day of the latest cycle
 * the licensee says they renewed for (an ended cycle left short is overdue until then), and the
 * reminder ledger gains the one 'overdue' email sent for such a cycle.
 */
export class OverdueCycles1763863200000 implements MigrationInterface {
  name = 'OverdueCycles1763863200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "licenses" ADD "renewed_through" date`);
    await q.query(
      `ALTER TABLE "reminder_deliveries" DROP CONSTRAINT "reminder_deliveries_kind_check"`,
    );
    await q.query(
      `ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_kind_check" CHECK (kind IN ('deadline-90d', 'deadline-30d', 'deadline-7d', 'advocacy-missing', 'overdue'))`,
    );
  }

  /** Drops the overdue deliveries with their kind (the ledger's older check refuses them). */
  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "reminder_deliveries" DROP CONSTRAINT "reminder_deliveries_kind_check"`,
    );
    await q.query(`DELETE FROM "reminder_deliveries" WHERE "kind" = 'overdue'`);
    await q.query(
      `ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_kind_check" CHECK (kind IN ('deadline-90d', 'deadline-30d', 'deadline-7d', 'advocacy-missing'))`,
    );
    await q.query(`ALTER TABLE "licenses" DROP COLUMN "renewed_through"`);
  }
}
