import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The renewal date a licensee reads off their license, for rule sets whose fixed renewal date does
 * not say which years (NM, TN): the cycle follows the licensee's own years.
 */
export class LicenseRenewalDate1763827200000 implements MigrationInterface {
  name = 'LicenseRenewalDate1763827200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "licenses" ADD "renews_on" date`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "licenses" DROP COLUMN "renews_on"`);
  }
}
