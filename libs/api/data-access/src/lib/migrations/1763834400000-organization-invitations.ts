import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations to join an organisation. Adding someone straight to an organisation let anyone make
 * anyone a member (or owner) without their consent; now a membership begins only when the invitee
 * accepts.
 */
export class OrganizationInvitations1763834400000 implements MigrationInterface {
  name = 'OrganizationInvitations1763834400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "organization_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "email" text NOT NULL, "role" text NOT NULL, "token_hash" text NOT NULL, "invited_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "declined_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "organization_invitations_role_check" CHECK (role IN ('owner', 'admin', 'member')), CONSTRAINT "organization_invitations_email_lower_check" CHECK (email = lower(email)), CONSTRAINT "organization_invitations_answer_check" CHECK (accepted_at IS NULL OR declined_at IS NULL), CONSTRAINT "PK_f172f12b8a9ee6584b661f57e24" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "organization_invitations_email_idx" ON "organization_invitations" ("email") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "organization_invitations_token_hash_key" ON "organization_invitations" ("token_hash") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "organization_invitations_pending_key" ON "organization_invitations" ("organization_id", "email") WHERE accepted_at IS NULL AND declined_at IS NULL`,
    );
    await q.query(
      `ALTER TABLE "organization_invitations" ADD CONSTRAINT "organization_invitations_organization_fk" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "organization_invitations" ADD CONSTRAINT "organization_invitations_invited_by_fk" FOREIGN KEY ("invited_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "organization_invitations" CASCADE`);
  }
}
