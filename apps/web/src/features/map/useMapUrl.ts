import {
  AUDIT_SEVERITIES,
  GRAPH_SCOPES,
  NODE_HEALTHS,
  NODE_KINDS,
  NODE_STATUSES,
  type AuditSeverity,
  type GraphScope,
} from '@throughline/domain';
import { useCallback, useMemo } from 'react';
import type { GraphViewParams } from '../../api/graph.queries';
import { useSearchParams, type SearchPatch } from '../../app/useSearchParams';
import type { MapFilters } from './model/filters';
import { GROUP_BYS, type GroupBy, type Grouping } from './model/groups';

/** What is drawn: one of the API's scopes (a `chain` may start at any node). */
export type MapScope = GraphScope;

/** The largest view the map lays out at once (docs/performance.md, Floors: never more than ~2,000 nodes). */
export const MAX_VIEW_NODES = 2000;

export interface MapUrlState {
  /** `null` until chosen: the whole organisation if it fits, else its strategy (the API's `auto`). */
  scope: MapScope | null;
  rootId?: string;
  unitId?: string;
  limit?: number;
  filters: MapFilters;
  selectedId?: string;
  traceId?: string;
  auditOpen: boolean;
  severity?: AuditSeverity;
  /** Boxes around the nodes of each theme, programme or business unit (issue 11). */
  groupBy?: GroupBy;
  /** Swimlanes: strategy on top, delivery work in one lane per business unit. */
  lanes: boolean;
}

/** How the map is grouped: lanes, else boxes by `groupBy`, else not at all. */
export function groupingOf(url: Pick<MapUrlState, 'groupBy' | 'lanes'>): Grouping | null {
  return url.lanes ? 'lanes' : (url.groupBy ?? null);
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

export function parseMapUrl(params: URLSearchParams): MapUrlState {
  const limit = Number(params.get('limit'));
  return {
    scope: oneOf(GRAPH_SCOPES, params.get('scope')) ?? null,
    rootId: params.get('root') ?? undefined,
    unitId: params.get('unit') ?? undefined,
    limit: Number.isInteger(limit) && limit > 0 ? Math.min(limit, MAX_VIEW_NODES) : undefined,
    filters: {
      businessUnitId: params.get('bu') ?? undefined,
      kind: oneOf(NODE_KINDS, params.get('kind')),
      health: oneOf(NODE_HEALTHS, params.get('health')),
      status: oneOf(NODE_STATUSES, params.get('status')),
      themeId: params.get('theme') ?? undefined,
    },
    selectedId: params.get('sel') ?? undefined,
    traceId: params.get('trace') ?? undefined,
    auditOpen: params.get('audit') === '1',
    severity: oneOf(AUDIT_SEVERITIES, params.get('severity')),
    groupBy: oneOf(GROUP_BYS, params.get('group')),
    lanes: params.get('lanes') === '1',
  };
}

/** The API request behind a URL's view. */
export function viewParams(url: MapUrlState): GraphViewParams {
  switch (url.scope) {
    case null:
      return { scope: 'auto', limit: url.limit ?? MAX_VIEW_NODES };
    case 'all':
      return { scope: 'all', limit: url.limit ?? MAX_VIEW_NODES };
    case 'chain':
      return { scope: 'chain', rootId: url.rootId };
    case 'business_unit':
      return { scope: 'business_unit', businessUnitId: url.unitId };
    case 'strategy':
      return { scope: 'strategy' };
  }
}

/**
 * A view's identity for layouts and manual moves: the scope and the filters that change which
 * nodes are drawn (selection, trace and panels do not).
 */
export function viewKey(url: MapUrlState): string {
  const f = url.filters;
  return [
    url.scope ?? 'auto',
    url.rootId,
    url.unitId,
    url.limit,
    f.themeId && `theme=${f.themeId}`,
    f.businessUnitId && `bu=${f.businessUnitId}`,
    f.kind && `kind=${f.kind}`,
    f.health && `health=${f.health}`,
    f.status && `status=${f.status}`,
    // Grouped and swimlane views are laid out differently: a layout (and the moves in it) of their own.
    groupingOf(url) && `group=${groupingOf(url)}`,
  ]
    .filter(Boolean)
    .join('|');
}

export interface MapUrlPatch {
  scope?: MapScope | null;
  rootId?: string | null;
  unitId?: string | null;
  limit?: number | null;
  filters?: Partial<Record<keyof MapFilters, string | null>>;
  selectedId?: string | null;
  traceId?: string | null;
  auditOpen?: boolean;
  severity?: AuditSeverity | null;
  groupBy?: GroupBy | null;
  lanes?: boolean;
}

function toSearchPatch(patch: MapUrlPatch): SearchPatch {
  const out: SearchPatch = {};
  if ('scope' in patch) out.scope = patch.scope;
  if ('rootId' in patch) out.root = patch.rootId;
  if ('unitId' in patch) out.unit = patch.unitId;
  if ('limit' in patch) out.limit = patch.limit ? String(patch.limit) : null;
  if ('selectedId' in patch) out.sel = patch.selectedId;
  if ('traceId' in patch) out.trace = patch.traceId;
  if ('auditOpen' in patch) out.audit = patch.auditOpen ? '1' : null;
  if ('severity' in patch) out.severity = patch.severity;
  if ('groupBy' in patch) out.group = patch.groupBy;
  if ('lanes' in patch) out.lanes = patch.lanes ? '1' : null;
  const names: Record<keyof MapFilters, string> = {
    businessUnitId: 'bu',
    kind: 'kind',
    health: 'health',
    status: 'status',
    themeId: 'theme',
  };
  for (const [name, value] of Object.entries(patch.filters ?? {})) out[names[name as keyof MapFilters]] = value;
  return out;
}

/** The map's state in the URL, parsed, and a setter taking the same shape. */
export function useMapUrl(): [MapUrlState, (patch: MapUrlPatch, options?: { push?: boolean }) => void] {
  const [params, update] = useSearchParams();
  const state = useMemo(() => parseMapUrl(params), [params]);
  const set = useCallback(
    (patch: MapUrlPatch, options?: { push?: boolean }) => update(toSearchPatch(patch), options),
    [update],
  );
  return [state, set];
}
