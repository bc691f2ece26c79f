import type { MigrationInterface, QueryRunner } from 'typeorm';

const BEFORE = `'node', 'link', 'business_unit', 'check_in', 'waiver'`;
const AFTER = `${BEFORE}, 'membership', 'invite', 'organisation'`;

/**
 * The change log also records what admins do to accounts: memberships (joined, role and units
 * changed, removed, a reset link issued), invites (sent, withdrawn) and the organisation's
 * settings — the audit trail of issue 10 covers every write, not only the portfolio's.
 */
export class AccountChangeLog1795647600000 implements MigrationInterface {
  name = 'AccountChangeLog1795647600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE change_log
        DROP CONSTRAINT change_log_entity_type_chk,
        ADD CONSTRAINT change_log_entity_type_chk CHECK (entity_type IN (${AFTER}))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM change_log WHERE entity_type IN ('membership', 'invite', 'organisation')`);
    await db.query(`
      ALTER TABLE change_log
        DROP CONSTRAINT change_log_entity_type_chk,
        ADD CONSTRAINT change_log_entity_type_chk CHECK (entity_type IN (${BEFORE}))`);
  }
}
