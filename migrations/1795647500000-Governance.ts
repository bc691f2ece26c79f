import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12, governance: decisions on proposals carry a comment and know who proposed them, objectives name the
 * business units accountable for them, and members get notifications.
 *
 * - `links.proposed_by_id`: the member who proposed the link (null for links made before accounts, imported or
 *   seeded), so that nobody decides their own proposal and the proposer can be told of the decision. The name in
 *   `proposed_by` stays the record of who it was; the id is cleared if the user goes.
 * - `links.decision_comment`: the decider's comment (a rejection must say why: the service requires it).
 * - `nodes.accountable_unit_ids`: an objective's accountable units. An array rather than a join table: it is read
 *   with the node everywhere (REST, interchange, topology) and written whole; the units' existence is checked by
 *   the services and a unit still named here cannot be deleted (BusinessUnitsService counts it as in use).
 * - `notifications`: a tenant table (RLS as every other), one row per member told of something. The link and its
 *   ends are remembered by id for the inbox; the link reference is cleared if the link is deleted, the message
 *   stays readable.
 */
export class Governance1795647500000 implements MigrationInterface {
  name = 'Governance1795647500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE links
        ADD COLUMN proposed_by_id uuid,
        ADD COLUMN decision_comment text,
        ADD CONSTRAINT links_proposed_by_fk FOREIGN KEY (proposed_by_id) REFERENCES users (id) ON DELETE SET NULL,
        ADD CONSTRAINT links_decision_comment_chk CHECK (decision_comment IS NULL OR length(decision_comment) <= 2000)`);
    await db.query(`
      ALTER TABLE nodes
        ADD COLUMN accountable_unit_ids uuid[] NOT NULL DEFAULT '{}',
        ADD CONSTRAINT nodes_accountable_units_kind_chk CHECK (cardinality(accountable_unit_ids) = 0 OR kind = 'objective'),
        ADD CONSTRAINT nodes_accountable_units_count_chk CHECK (cardinality(accountable_unit_ids) <= 100)`);
    await db.query(`CREATE INDEX nodes_accountable_units_idx ON nodes USING gin (accountable_unit_ids)`);

    await db.query(`
      CREATE TABLE notifications (
        id            uuid        NOT NULL DEFAULT gen_random_uuid(),
        org_id        uuid        NOT NULL,
        user_id       uuid        NOT NULL,
        kind          text        NOT NULL,
        link_id       uuid,
        from_node_id  uuid,
        to_node_id    uuid,
        message       text        NOT NULL,
        comment       text,
        created_at    timestamptz NOT NULL DEFAULT now(),
        read_at       timestamptz,
        CONSTRAINT notifications_pk PRIMARY KEY (id),
        CONSTRAINT notifications_org_fk FOREIGN KEY (org_id) REFERENCES organisations (id) ON DELETE CASCADE,
        CONSTRAINT notifications_member_fk FOREIGN KEY (org_id, user_id)
          REFERENCES memberships (org_id, user_id) ON DELETE CASCADE,
        CONSTRAINT notifications_link_fk FOREIGN KEY (link_id) REFERENCES links (id) ON DELETE SET NULL,
        CONSTRAINT notifications_kind_chk CHECK (kind IN
          ('proposal_approved', 'proposal_rejected', 'dependency_to_acknowledge', 'dependency_acknowledged')),
        CONSTRAINT notifications_message_chk CHECK (length(message) BETWEEN 1 AND 1000),
        CONSTRAINT notifications_comment_chk CHECK (comment IS NULL OR length(comment) <= 2000)
      )`);
    await db.query(`CREATE INDEX notifications_user_idx ON notifications (org_id, user_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX notifications_link_idx ON notifications (link_id)`);
    await db.query(`ALTER TABLE notifications ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE notifications FORCE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY notifications_tenant ON notifications
        USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid)
        WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid)`);
    await db.query(
      `CREATE POLICY notifications_owner_all ON notifications TO CURRENT_USER USING (true) WITH CHECK (true)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notifications`);
    await db.query(`DROP INDEX nodes_accountable_units_idx`);
    await db.query(`
      ALTER TABLE nodes
        DROP CONSTRAINT nodes_accountable_units_count_chk,
        DROP CONSTRAINT nodes_accountable_units_kind_chk,
        DROP COLUMN accountable_unit_ids`);
    await db.query(`
      ALTER TABLE links
        DROP CONSTRAINT links_decision_comment_chk,
        DROP CONSTRAINT links_proposed_by_fk,
        DROP COLUMN decision_comment,
        DROP COLUMN proposed_by_id`);
  }
}
