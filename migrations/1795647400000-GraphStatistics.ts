import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `refresh_graph_statistics()`: ANALYZE of the graph tables for the API's request role, which
 * does not own them and so may not run ANALYZE itself (PostgreSQL skips the tables with a
 * warning). A large import calls it inside its transaction: without fresh statistics the reads
 * after it are planned for empty tables (docs/reliability.md). SECURITY DEFINER, like the
 * account functions, so it runs as the tables' owner; it takes no argument and touches no row.
 */
export class GraphStatistics1795647400000 implements MigrationInterface {
  name = 'GraphStatistics1795647400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION refresh_graph_statistics() RETURNS void
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        BEGIN
          ANALYZE public.nodes, public.links, public.key_result_check_ins;
        END $$`);
    await db.query(`REVOKE ALL ON FUNCTION refresh_graph_statistics() FROM PUBLIC`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION refresh_graph_statistics()`);
  }
}
