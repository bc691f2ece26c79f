import type { BusinessUnitRecord, GraphNode } from '@throughline/domain';
import { useFormat } from '../../ui/format';
import type { MapUrlState } from './useMapUrl';

/** What the printed map is of, and when: shown on paper only (map.css, "print"). */
export function printTitle(
  scope: MapUrlState['scope'],
  unit: Pick<BusinessUnitRecord, 'key' | 'name'> | undefined,
  root: Pick<GraphNode, 'key' | 'title'> | undefined,
): string {
  if (scope === 'chain' && root) return `Strategy map: the chain of ${root.key} ${root.title}`;
  if (scope === 'business_unit' && unit) return `Strategy map: ${unit.name} (${unit.key}) and what it serves`;
  if (scope === 'strategy') return 'Strategy map: strategy only, delivery as counts';
  return 'Strategy map: the whole organisation';
}

export function PrintTitle({
  scope,
  unit,
  root,
  nodes,
}: {
  scope: MapUrlState['scope'];
  unit: Pick<BusinessUnitRecord, 'key' | 'name'> | undefined;
  root: Pick<GraphNode, 'key' | 'title'> | undefined;
  nodes: number;
}) {
  const format = useFormat();
  return (
    <div className="map-print-title" data-testid="map-print-title">
      <strong>{printTitle(scope, unit, root)}</strong>
      <span>
        {nodes} nodes · printed {format.date(new Date().toISOString())}
      </span>
    </div>
  );
}
