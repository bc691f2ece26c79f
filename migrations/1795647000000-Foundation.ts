import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tenant table and the default organisation every request works in until accounts
 * exist. The health check reads `organisations`, so it proves the schema is in place,
 * not merely that a socket answers.
 */
export class Foundation1795647000000 implements MigrationInterface {
  name = 'Foundation1795647000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organisations (
        id          uuid        NOT NULL DEFAULT gen_random_uuid(),
        slug        text        NOT NULL,
        name        text        NOT NULL,
        settings    jsonb       NOT NULL DEFAULT '{}'::jsonb,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organisations_pk PRIMARY KEY (id),
        CONSTRAINT organisations_slug_uq UNIQUE (slug),
        CONSTRAINT organisations_slug_chk CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        CONSTRAINT organisations_name_chk CHECK (length(name) BETWEEN 1 AND 200)
      )`);
    await db.query(`INSERT INTO organisations (slug, name) VALUES ('default', 'Northwind Energy')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE organisations`);
  }
}
