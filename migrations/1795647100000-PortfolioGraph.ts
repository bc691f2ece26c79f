import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The portfolio graph: business units, one `nodes` table for all seven kinds, typed `links`,
 * key-result check-ins and the change log.
 *
 * Tenancy is structural, not a convention: every table carries `org_id`, nodes are unique on
 * `(org_id, id)` and everything that points at a node does so through `(org_id, <node>)`, so a
 * link or check-in joining two organisations cannot exist even by mistake.
 *
 * Links also carry the kinds of their ends, checked against the nodes by a composite foreign
 * key (`(org_id, from_id, from_kind)` → `nodes (org_id, id, kind)`), so the allowed-link matrix
 * of docs/domain.md is a CHECK the database enforces, not only a rule in the API.
 */
export class PortfolioGraph1795647100000 implements MigrationInterface {
  name = 'PortfolioGraph1795647100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE business_units (
        id          uuid        NOT NULL DEFAULT gen_random_uuid(),
        org_id      uuid        NOT NULL,
        key         text        NOT NULL,
        name        text        NOT NULL,
        parent_id   uuid,
        version     integer     NOT NULL DEFAULT 1,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT business_units_pk PRIMARY KEY (id),
        CONSTRAINT business_units_org_fk FOREIGN KEY (org_id) REFERENCES organisations (id) ON DELETE CASCADE,
        CONSTRAINT business_units_org_id_uq UNIQUE (org_id, id),
        CONSTRAINT business_units_org_key_uq UNIQUE (org_id, key),
        CONSTRAINT business_units_parent_fk FOREIGN KEY (org_id, parent_id) REFERENCES business_units (org_id, id),
        CONSTRAINT business_units_key_chk CHECK (key ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),
        CONSTRAINT business_units_name_chk CHECK (length(name) BETWEEN 1 AND 200),
        CONSTRAINT business_units_not_own_parent_chk CHECK (parent_id IS DISTINCT FROM id)
      )`);

    await db.query(`
      CREATE TABLE nodes (
        id                  uuid        NOT NULL DEFAULT gen_random_uuid(),
        org_id              uuid        NOT NULL,
        key                 text        NOT NULL,
        kind                text        NOT NULL,
        title               text        NOT NULL,
        description         text        NOT NULL DEFAULT '',
        business_unit_id    uuid,
        owner               text,
        status              text        NOT NULL DEFAULT 'active',
        health              text        NOT NULL DEFAULT 'unknown',
        start_date          date,
        end_date            date,
        tags                text[]      NOT NULL DEFAULT '{}',
        -- theme, objective
        priority            integer,
        -- objective
        target_date         date,
        -- key_result
        unit                text,
        baseline            numeric,
        target              numeric,
        current             numeric,
        direction           text,
        confidence          numeric,
        -- programme, project
        budget              numeric(18, 2),
        stage               text,
        -- project
        effort              numeric,
        delivery_confidence text,
        -- bau
        kpi                 text,
        cadence             text,
        annual_cost         numeric(18, 2),
        -- asset
        asset_type          text,
        lifecycle           text,
        annual_value        numeric(18, 2),
        version             integer     NOT NULL DEFAULT 1,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        created_by          text        NOT NULL DEFAULT 'system',
        updated_by          text        NOT NULL DEFAULT 'system',
        CONSTRAINT nodes_pk PRIMARY KEY (id),
        CONSTRAINT nodes_org_fk FOREIGN KEY (org_id) REFERENCES organisations (id) ON DELETE CASCADE,
        CONSTRAINT nodes_org_id_uq UNIQUE (org_id, id),
        CONSTRAINT nodes_org_id_kind_uq UNIQUE (org_id, id, kind),
        CONSTRAINT nodes_org_key_uq UNIQUE (org_id, key),
        CONSTRAINT nodes_business_unit_fk FOREIGN KEY (org_id, business_unit_id) REFERENCES business_units (org_id, id),
        CONSTRAINT nodes_key_chk CHECK (key ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),
        CONSTRAINT nodes_kind_chk CHECK (kind IN ('theme', 'objective', 'key_result', 'programme', 'project', 'bau', 'asset')),
        CONSTRAINT nodes_title_chk CHECK (length(title) BETWEEN 1 AND 300),
        CONSTRAINT nodes_status_chk CHECK (status IN ('proposed', 'active', 'on_hold', 'done', 'cancelled')),
        CONSTRAINT nodes_health_chk CHECK (health IN ('green', 'amber', 'red', 'unknown')),
        CONSTRAINT nodes_dates_chk CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
        -- Each kind-specific column belongs to its kinds only (e.g. a theme has no budget).
        CONSTRAINT nodes_priority_kind_chk CHECK (priority IS NULL OR kind IN ('theme', 'objective')),
        CONSTRAINT nodes_target_date_kind_chk CHECK (target_date IS NULL OR kind = 'objective'),
        CONSTRAINT nodes_key_result_fields_kind_chk CHECK (kind = 'key_result' OR
          (unit IS NULL AND baseline IS NULL AND target IS NULL AND current IS NULL AND direction IS NULL AND confidence IS NULL)),
        CONSTRAINT nodes_budget_kind_chk CHECK ((budget IS NULL AND stage IS NULL) OR kind IN ('programme', 'project')),
        CONSTRAINT nodes_project_fields_kind_chk CHECK ((effort IS NULL AND delivery_confidence IS NULL) OR kind = 'project'),
        CONSTRAINT nodes_bau_fields_kind_chk CHECK ((kpi IS NULL AND cadence IS NULL AND annual_cost IS NULL) OR kind = 'bau'),
        CONSTRAINT nodes_asset_fields_kind_chk CHECK ((asset_type IS NULL AND lifecycle IS NULL AND annual_value IS NULL) OR kind = 'asset'),
        -- A key result is measurable: it has a target and a direction.
        CONSTRAINT nodes_key_result_target_chk CHECK (kind <> 'key_result' OR (target IS NOT NULL AND direction IS NOT NULL)),
        CONSTRAINT nodes_priority_chk CHECK (priority IS NULL OR priority >= 1),
        CONSTRAINT nodes_direction_chk CHECK (direction IS NULL OR direction IN ('increase', 'decrease')),
        CONSTRAINT nodes_confidence_chk CHECK (confidence IS NULL OR confidence BETWEEN 0 AND 1),
        CONSTRAINT nodes_money_chk CHECK (coalesce(budget, 0) >= 0 AND coalesce(annual_cost, 0) >= 0 AND coalesce(annual_value, 0) >= 0),
        CONSTRAINT nodes_effort_chk CHECK (effort IS NULL OR effort >= 0),
        CONSTRAINT nodes_delivery_confidence_chk CHECK (delivery_confidence IS NULL OR delivery_confidence IN ('green', 'amber', 'red')),
        CONSTRAINT nodes_lifecycle_chk CHECK (lifecycle IS NULL OR lifecycle IN ('idea', 'build', 'run', 'retire'))
      )`);
    await db.query(`CREATE INDEX nodes_org_kind_idx ON nodes (org_id, kind)`);
    await db.query(`CREATE INDEX nodes_org_business_unit_idx ON nodes (org_id, business_unit_id)`);
    await db.query(`CREATE INDEX nodes_org_updated_idx ON nodes (org_id, updated_at, id)`);

    await db.query(`
      CREATE TABLE links (
        id          uuid        NOT NULL DEFAULT gen_random_uuid(),
        org_id      uuid        NOT NULL,
        from_id     uuid        NOT NULL,
        from_kind   text        NOT NULL,
        to_id       uuid        NOT NULL,
        to_kind     text        NOT NULL,
        kind        text        NOT NULL,
        weight      numeric,
        rationale   text        NOT NULL DEFAULT '',
        state       text        NOT NULL DEFAULT 'approved',
        proposed_by text        NOT NULL DEFAULT 'system',
        proposed_at timestamptz NOT NULL DEFAULT now(),
        decided_by  text,
        decided_at  timestamptz,
        version     integer     NOT NULL DEFAULT 1,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT links_pk PRIMARY KEY (id),
        CONSTRAINT links_org_fk FOREIGN KEY (org_id) REFERENCES organisations (id) ON DELETE CASCADE,
        CONSTRAINT links_from_fk FOREIGN KEY (org_id, from_id, from_kind) REFERENCES nodes (org_id, id, kind) ON DELETE CASCADE,
        CONSTRAINT links_to_fk FOREIGN KEY (org_id, to_id, to_kind) REFERENCES nodes (org_id, id, kind) ON DELETE CASCADE,
        CONSTRAINT links_unique_uq UNIQUE (org_id, from_id, to_id, kind),
        CONSTRAINT links_no_self_chk CHECK (from_id <> to_id),
        CONSTRAINT links_state_chk CHECK (state IN ('proposed', 'approved', 'rejected')),
        CONSTRAINT links_weight_chk CHECK (weight IS NULL OR weight BETWEEN 0 AND 100),
        CONSTRAINT links_decision_chk CHECK ((state = 'proposed') = (decided_at IS NULL)),
        -- The allowed-link matrix of docs/domain.md (libs/domain/src/links.ts; a test holds the two together).
        CONSTRAINT links_kind_matrix_chk CHECK (
          (kind = 'contributes_to' AND (
              (from_kind = 'objective' AND to_kind IN ('theme', 'objective'))
           OR (from_kind = 'key_result' AND to_kind = 'objective')
           OR (from_kind IN ('programme', 'project', 'bau', 'asset') AND to_kind IN ('key_result', 'objective'))))
          OR (kind = 'part_of' AND from_kind = 'project' AND to_kind = 'programme')
          OR (kind = 'delivers' AND from_kind IN ('project', 'programme') AND to_kind = 'asset')
          OR (kind = 'depends_on' AND from_kind IN ('programme', 'project', 'bau', 'asset')
                                  AND to_kind IN ('programme', 'project', 'bau', 'asset')))
      )`);
    // Covering indexes in both directions: chain traversals become index-only scans.
    await db.query(`CREATE INDEX links_org_to_kind_idx ON links (org_id, to_id, kind) INCLUDE (from_id, state)`);
    await db.query(`CREATE INDEX links_org_from_kind_idx ON links (org_id, from_id, kind) INCLUDE (to_id, state)`);

    await db.query(`
      CREATE TABLE key_result_check_ins (
        id          uuid        NOT NULL DEFAULT gen_random_uuid(),
        org_id      uuid        NOT NULL,
        node_id     uuid        NOT NULL,
        node_kind   text        NOT NULL DEFAULT 'key_result',
        at          date        NOT NULL,
        value       numeric     NOT NULL,
        confidence  numeric,
        note        text        NOT NULL DEFAULT '',
        created_by  text        NOT NULL DEFAULT 'system',
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT key_result_check_ins_pk PRIMARY KEY (id),
        CONSTRAINT key_result_check_ins_org_fk FOREIGN KEY (org_id) REFERENCES organisations (id) ON DELETE CASCADE,
        CONSTRAINT key_result_check_ins_node_fk FOREIGN KEY (org_id, node_id, node_kind) REFERENCES nodes (org_id, id, kind) ON DELETE CASCADE,
        CONSTRAINT key_result_check_ins_kind_chk CHECK (node_kind = 'key_result'),
        CONSTRAINT key_result_check_ins_confidence_chk CHECK (confidence IS NULL OR confidence BETWEEN 0 AND 1),
        -- One reading of a value per key result and day: the identity import uses, so importing twice changes nothing.
        CONSTRAINT key_result_check_ins_reading_uq UNIQUE (org_id, node_id, at, value)
      )`);
    await db.query(
      `CREATE INDEX key_result_check_ins_org_node_at_idx ON key_result_check_ins (org_id, node_id, at DESC, created_at DESC)`,
    );

    await db.query(`
      CREATE TABLE change_log (
        id          bigint      GENERATED ALWAYS AS IDENTITY,
        org_id      uuid        NOT NULL,
        at          timestamptz NOT NULL DEFAULT now(),
        actor       text        NOT NULL,
        request_id  text,
        action      text        NOT NULL,
        entity_type text        NOT NULL,
        entity_id   uuid        NOT NULL,
        -- The nodes the entry concerns (a node: itself; a link: both ends; a check-in: its key result),
        -- so a node's history also shows the links and check-ins that touched it.
        node_ids    uuid[]      NOT NULL DEFAULT '{}',
        before      jsonb,
        after       jsonb,
        CONSTRAINT change_log_pk PRIMARY KEY (id),
        CONSTRAINT change_log_org_fk FOREIGN KEY (org_id) REFERENCES organisations (id) ON DELETE CASCADE,
        CONSTRAINT change_log_action_chk CHECK (action IN ('create', 'update', 'delete')),
        CONSTRAINT change_log_entity_type_chk CHECK (entity_type IN ('node', 'link', 'business_unit', 'check_in', 'waiver'))
      )`);
    await db.query(`CREATE INDEX change_log_org_entity_idx ON change_log (org_id, entity_id, id)`);
    await db.query(`CREATE INDEX change_log_node_ids_idx ON change_log USING gin (node_ids)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE change_log`);
    await db.query(`DROP TABLE key_result_check_ins`);
    await db.query(`DROP TABLE links`);
    await db.query(`DROP TABLE nodes`);
    await db.query(`DROP TABLE business_units`);
  }
}
