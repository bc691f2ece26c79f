import type { BusinessUnitRecord, GraphNode } from '@throughline/domain';
import { useEffect, useState } from 'react';
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
  // The date is for paper: written once the browser is idle, since the first date formatter costs 50–100 ms
  // of locale data, which the map's opening should not wait for (docs/performance.md, "Map").
  const [printedOn, setPrintedOn] = useState<string | null>(null);
  useEffect(() => {
    const write = () => setPrintedOn(format.date(new Date().toISOString()));
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(write, 500);
      return () => clearTimeout(timer);
    }
    const idle = requestIdleCallback(write, { timeout: 3000 });
    return () => cancelIdleCallback(idle);
  }, [format]);
  return (
    <div className="map-print-title" data-testid="map-print-title">
      <strong>{printTitle(scope, unit, root)}</strong>
      <span>
        {nodes} nodes{printedOn && ` · printed ${printedOn}`}
      </span>
    </div>
  );
}
