import { NODE_KIND_LABELS, todayIso, type BusinessUnitRecord, type GraphNode } from '@throughline/domain';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useFormat } from '../../../ui/format';
import { useToast } from '../../../ui/toast';
import { useSession } from '../../auth/session';
import type { Positions } from '../layout/geometry';
import type { DrawnGraph } from '../model/filters';
import type { MapUrlState } from '../useMapUrl';
import { exportMapImage, type ImageFormat } from '../exportImage';
import type { SvgExportInput } from '../model/svgExport';

/**
 * Exports the drawn view as SVG or PNG, drawn from the layout (`model/svgExport.ts`); a failure is
 * said in a toast. `getInput` is read when asked, so exporting never re-renders the map.
 */
export function useExportImage(getInput: () => SvgExportInput) {
  const toast = useToast();
  const [exporting, setExporting] = useState(false);
  // An event handler: it returns nothing to await, and a failure ends in the toast, never a rejection.
  const exportImage = useCallback(
    (format: ImageFormat) => {
      setExporting(true);
      void exportMapImage(format, getInput())
        .catch((error: unknown) => {
          toast(`Export failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
        })
        .finally(() => setExporting(false));
    },
    [getInput, toast],
  );
  return { exporting, exportImage };
}

interface ViewForExport {
  drawn: DrawnGraph;
  positions: Positions;
  url: MapUrlState;
  units: readonly BusinessUnitRecord[];
  nodesById: ReadonlyMap<string, GraphNode>;
}

/** The view in words for the export's subtitle: the date, what is drawn and the filters. */
export function describeView(view: ViewForExport, date: string): string {
  const { url, units, nodesById, drawn } = view;
  const unit = (id: string | null | undefined) => units.find((u) => u.id === id);
  const scope =
    url.scope === 'strategy'
      ? 'Strategy only'
      : url.scope === 'chain'
        ? `Chain of ${(url.rootId && nodesById.get(url.rootId)?.key) ?? 'a node'}`
        : url.scope === 'business_unit'
          ? `${unit(url.unitId)?.name ?? 'A business unit'} and what it serves`
          : 'Whole organisation';
  const { businessUnitId, kind, health, status, themeId } = url.filters;
  const filters = [
    businessUnitId && `unit ${unit(businessUnitId)?.key ?? ''}`,
    kind && NODE_KIND_LABELS[kind],
    health && `health ${health}`,
    status && `status ${status.replace('_', ' ')}`,
    themeId && `theme ${nodesById.get(themeId)?.key ?? ''}`,
  ].filter(Boolean);
  return [
    date,
    scope,
    ...(filters.length ? [`filtered: ${filters.join(', ')}`] : []),
    `${drawn.nodes.length} nodes, ${drawn.links.length} links`,
  ].join(' · ');
}

/** The map's export: what is drawn now, with the organisation's name and the date in its locale. */
export function useMapExport(view: ViewForExport) {
  const format = useFormat();
  const { session } = useSession();
  const latest = useRef({ view, format, session });
  useLayoutEffect(() => {
    latest.current = { view, format, session };
  });
  const getInput = useCallback((): SvgExportInput => {
    const { view: v, format: f, session: s } = latest.current;
    return {
      nodes: v.drawn.nodes,
      links: v.drawn.links,
      positions: v.positions,
      title: `${s?.organisation.name ?? 'Throughline'} — strategy map`,
      subtitle: describeView(v, f.date(todayIso())),
    };
  }, []);
  return useExportImage(getInput);
}
