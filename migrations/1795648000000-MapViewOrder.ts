import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11, speed: the map's views keep the first nodes of an organisation in layout order — strategy first, in
 * the order of the chain, then by key (apps/api/src/views/views.sql.ts `nodeOrder`). Without an index for that
 * order, the first 2,000 of a 60,000-node organisation meant sorting all 60,000 (an external sort, ~100 ms); with
 * it they are read in order and the scan stops at 2,001 (~4 ms). The expression must stay the same as `nodeOrder`'s.
 */
export class MapViewOrder1795648000000 implements MigrationInterface {
  name = 'MapViewOrder1795648000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX nodes_layout_order_idx ON nodes (
        org_id,
        array_position(ARRAY['theme','objective','key_result','programme','project','bau','asset'], kind),
        key
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX nodes_layout_order_idx`);
  }
}
