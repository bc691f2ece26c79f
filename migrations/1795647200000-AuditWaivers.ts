import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit waivers: a PMO's decision to accept one finding of the gap audit for a while, with a
 * reason. A waiver names its finding by the finding's stable id and keeps the finding's path,
 * so it stops applying when the path changes or the expiry date passes (libs/domain, waivers.ts).
 * One row per finding and organisation; a lapsed waiver is replaced, and the change log keeps
 * every version.
 */
export class AuditWaivers1795647200000 implements MigrationInterface {
  name = 'AuditWaivers1795647200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_waivers (
        id          uuid        NOT NULL DEFAULT gen_random_uuid(),
        org_id      uuid        NOT NULL,
        finding_id  text        NOT NULL,
        rule        text        NOT NULL,
        node_ids    uuid[]      NOT NULL,
        path        text[]      NOT NULL,
        reason      text        NOT NULL,
        expires_on  date        NOT NULL,
        created_by  text        NOT NULL DEFAULT 'system',
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT audit_waivers_pk PRIMARY KEY (id),
        CONSTRAINT audit_waivers_org_fk FOREIGN KEY (org_id) REFERENCES organisations (id) ON DELETE CASCADE,
        CONSTRAINT audit_waivers_org_finding_uq UNIQUE (org_id, finding_id),
        CONSTRAINT audit_waivers_finding_id_chk CHECK (finding_id ~ '^[a-z-]+:[0-9a-f]{16}$'),
        CONSTRAINT audit_waivers_rule_chk CHECK (rule IN (
          'objective-without-delivery', 'key-result-without-work', 'orphan-work', 'missing-owner',
          'objective-without-key-results', 'theme-without-objectives', 'dependency-cycle',
          'unapproved-cross-unit-dependency', 'single-point-of-failure', 'stale-key-result',
          'health-mismatch', 'timeline-mismatch', 'over-allocated-work', 'change-only-objective',
          'dangling-proposal')),
        CONSTRAINT audit_waivers_finding_rule_chk CHECK (split_part(finding_id, ':', 1) = rule),
        CONSTRAINT audit_waivers_node_ids_chk CHECK (cardinality(node_ids) >= 1),
        CONSTRAINT audit_waivers_path_chk CHECK (cardinality(path) >= 1),
        CONSTRAINT audit_waivers_reason_chk CHECK (length(btrim(reason)) BETWEEN 1 AND 2000)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_waivers`);
  }
}
