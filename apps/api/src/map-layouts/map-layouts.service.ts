import { Injectable } from '@nestjs/common';
import { Db } from '../platform/database/db.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { MapLayoutsRepository, type StoredPosition } from './map-layouts.repository.js';

/** At most this many positions in one save: a whole 2,000-node view, and room to spare. */
export const MAX_POSITIONS = 5_000;
/** |x| and |y| at most this: far past any laid-out map, short of numbers that break the canvas. */
export const MAX_COORDINATE = 1e6;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface MapLayout {
  view: string;
  positions: Record<string, { x: number; y: number }>;
  updatedBy: string | null;
  updatedAt: string | null;
}

/**
 * The organisation's arrangement of each map view (issue 11; docs/domain.md, "Map positions"): where a PMO put the
 * cards. Everyone reads it; a PMO or admin changes it (access/permissions.ts). Presentation only: no change-log
 * entry, no version — the last move wins, as on a shared whiteboard.
 */
@Injectable()
export class MapLayoutsService {
  constructor(
    private readonly db: Db,
    private readonly repository: MapLayoutsRepository,
  ) {}

  async get(view: string): Promise<MapLayout> {
    const stored = await this.repository.get(view);
    return {
      view,
      positions: Object.fromEntries(stored.positions.map((p) => [p.nodeId, { x: p.x, y: p.y }])),
      updatedBy: stored.updatedBy,
      updatedAt: stored.updatedAt?.toISOString() ?? null,
    };
  }

  /** Upserts the given nodes' positions in one transaction; all or nothing. */
  async put(view: string, positions: unknown): Promise<MapLayout> {
    const checked = checkPositions(positions);
    await this.db.transaction(async () => {
      const known = await this.repository.existingNodes(checked.map((p) => p.nodeId));
      const unknown = checked.filter((p) => !known.has(p.nodeId)).map((p) => p.nodeId);
      if (unknown.length) {
        throw new DomainError('INVALID_FIELD', `No node ${unknown[0]} in this organisation.`, [
          { field: 'positions', problems: unknown.slice(0, 20).map((id) => `no node ${id}`) },
        ]);
      }
      try {
        await this.repository.upsert(view, checked);
      } catch (error) {
        // A node deleted between the check and the write (the foreign key): as unknown as it now is.
        if ((error as { driverError?: { code?: string }; code?: string }).driverError?.code === '23503')
          throw new DomainError('INVALID_FIELD', 'A node of these positions was deleted meanwhile.', [
            { field: 'positions', problems: ['a node was deleted meanwhile'] },
          ]);
        throw error;
      }
    });
    return this.get(view);
  }

  /** Back to the automatic layout for everyone. */
  clear(view: string): Promise<void> {
    return this.repository.clear(view);
  }
}

/**
 * `positions` as rows, or a 422 naming what is wrong: an object of at most MAX_POSITIONS node ids, each `{x, y}`
 * finite (JSON's `1e400` parses to Infinity) and within ±MAX_COORDINATE.
 */
export function checkPositions(positions: unknown): StoredPosition[] {
  const refuse = (problem: string): never => {
    throw new DomainError('INVALID_FIELD', `positions: ${problem}.`, [{ field: 'positions', problems: [problem] }]);
  };
  if (!positions || typeof positions !== 'object' || Array.isArray(positions))
    return refuse('must be an object of node ids');
  const entries = Object.entries(positions as Record<string, unknown>);
  if (entries.length > MAX_POSITIONS) refuse(`at most ${MAX_POSITIONS} positions at once (got ${entries.length})`);
  // By the id in lower case: one node named twice (`ABC…`, `abc…`) is one row, the later place winning.
  const byId = new Map<string, StoredPosition>();
  for (const [nodeId, at] of entries) {
    if (!UUID.test(nodeId)) refuse(`${JSON.stringify(nodeId.slice(0, 60))} is not a node id`);
    const { x, y } = (at ?? {}) as { x?: unknown; y?: unknown };
    const keys = at && typeof at === 'object' ? Object.keys(at) : [];
    if (keys.length !== 2 || !keys.includes('x') || !keys.includes('y')) refuse(`${nodeId} must be { x, y }`);
    for (const value of [x, y]) {
      if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > MAX_COORDINATE)
        refuse(`${nodeId}: x and y must be numbers within ±${MAX_COORDINATE}`);
    }
    const id = nodeId.toLowerCase();
    byId.set(id, { nodeId: id, x: x as number, y: y as number });
  }
  return [...byId.values()];
}
