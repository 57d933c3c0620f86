import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Certificate files attached to credits: metadata only, the bytes are in content-addressed storage (issue #4). */
export class Certificates1763816400000 implements MigrationInterface {
  name = 'Certificates1763816400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "certificates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "credit_id" uuid NOT NULL, "user_id" uuid NOT NULL, "file_name" text NOT NULL, "media_type" text NOT NULL, "size_bytes" integer NOT NULL, "sha256" text NOT NULL, "storage_key" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "certificates_file_name_check" CHECK (char_length(file_name) <= 200), CONSTRAINT "certificates_media_type_check" CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')), CONSTRAINT "certificates_sha256_check" CHECK (sha256 ~ '^[0-9a-f]{64}$'), CONSTRAINT "certificates_size_check" CHECK (size_bytes > 0), CONSTRAINT "PK_e4c7e31e2144300bea7d89eb165" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "certificates_credit_idx" ON "certificates"  ("credit_id") `,
    );
    await q.query(
      `CREATE INDEX "certificates_user_idx" ON "certificates"  ("user_id") `,
    );
    await q.query(
      `CREATE INDEX "certificates_sha256_idx" ON "certificates"  ("sha256") `,
    );
    await q.query(
      `ALTER TABLE "certificates" ADD CONSTRAINT "certificates_credit_fk" FOREIGN KEY ("credit_id") REFERENCES "credits"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "certificates" ADD CONSTRAINT "certificates_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "certificates" CASCADE`);
  }
}
