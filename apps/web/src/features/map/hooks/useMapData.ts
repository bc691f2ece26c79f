import { useQuery } from '@tanstack/react-query';
import type { BusinessUnitRecord, NodeRollup } from '@throughline/domain';
import { useCallback, useEffect, useState } from 'react';
import { auditQuery } from '../../../api/audit.queries';
import { businessUnitsQuery } from '../../../api/businessUnits.queries';
import { rollupsQuery } from '../../../api/coverage.queries';
import { graphViewQuery } from '../../../api/graph.queries';
import { useToast } from '../../../ui/toast';
import { prewarmLayout } from '../layout/layoutClient';
import { MAX_VIEW_NODES, viewParams, type MapUrlState } from '../useMapUrl';

const NO_ROLLUPS: ReadonlyMap<string, NodeRollup> = new Map();
const NO_UNITS: BusinessUnitRecord[] = [];

/**
 * The server state the map draws: the view the URL asks for, the business units, and — once the
 * view is in — the audit and the roll-ups that decorate it.
 */
export function useMapData(url: MapUrlState) {
  const toast = useToast();
  const graphView = useQuery(graphViewQuery(viewParams(url)));
  useEffect(prewarmLayout, []);
  const units = useQuery(businessUnitsQuery());
  // The audit and roll-ups decorate the map; they wait until the first view is laid out (or failed) so
  // as not to compete with it on the way in: on a large organisation each is a second of the API's and
  // PostgreSQL's CPU, on the same cores as the browser's layout (badges, rings and bars appear a moment
  // after the nodes). Once started they stay on for every later view.
  const [laidOutOnce, setLaidOutOnce] = useState(false);
  // Two frames later: the laid-out view's render and the fit's are painted before the requests go out.
  const startDecorating = useCallback(
    () => void requestAnimationFrame(() => requestAnimationFrame(() => setLaidOutOnce(true))),
    [],
  );
  const decorate = laidOutOnce || graphView.isError;
  const audit = useQuery({ ...auditQuery(), enabled: decorate });
  const rollups = useQuery({ ...rollupsQuery(), enabled: decorate });
  const viewReady = graphView.isSuccess && !graphView.isPlaceholderData;

  // An organisation too big to draw whole opens on its strategy, delivery collapsed into counts
  // (the API's `auto` scope decides); say so once, and how to see more.
  const openedOnStrategy = url.scope === null && viewReady && graphView.data?.scope === 'strategy';
  useEffect(() => {
    if (openedOnStrategy) {
      toast(
        `This organisation has more than ${MAX_VIEW_NODES.toLocaleString()} nodes: showing its strategy. Expand a node, or pick a unit.`,
        'info',
      );
    }
  }, [openedOnStrategy, toast]);

  return {
    /** The view's request: pending, failed, or its nodes and links (the previous view's while a new one loads). */
    graphView,
    /** The view is the one the URL asks for (not a placeholder while it loads). */
    viewReady,
    /** Called once the view is laid out: the audit and roll-ups may be asked for. */
    startDecorating,
    units: units.data ?? NO_UNITS,
    audit,
    rollups: rollups.data ?? NO_ROLLUPS,
  };
}

export type MapData = ReturnType<typeof useMapData>;
