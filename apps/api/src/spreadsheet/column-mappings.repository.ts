import { Injectable } from '@nestjs/common';
import type { ColumnMapping, SheetKind } from '@throughline/domain';
import { requestContext } from '../platform/request-context/request-context.js';
import { Db } from '../platform/database/db.js';

/**
 * The organisation's remembered column mappings, one per sheet kind, in `organisations.settings`
 * under `spreadsheetMappings` (a few hundred bytes each): no table of their own, so no new RLS
 * policy — the organisation's row is already isolated — and they go with the organisation when it is deleted.
 */
@Injectable()
export class ColumnMappingsRepository {
  constructor(private readonly db: Db) {}

  async get(kind: SheetKind): Promise<ColumnMapping | undefined> {
    const row = await this.db.one<{ mapping: ColumnMapping | null }>(
      `SELECT settings -> 'spreadsheetMappings' -> $2::text AS mapping FROM organisations WHERE id = $1`,
      [requestContext.orgId(), kind],
    );
    return row?.mapping ?? undefined;
  }

  async put(kind: SheetKind, mapping: ColumnMapping): Promise<void> {
    await this.db.query(
      `UPDATE organisations
          SET settings = settings || jsonb_build_object('spreadsheetMappings',
                coalesce(settings -> 'spreadsheetMappings', '{}'::jsonb) || jsonb_build_object($2::text, $3::jsonb))
        WHERE id = $1`,
      [requestContext.orgId(), kind, JSON.stringify(mapping)],
    );
  }
}
