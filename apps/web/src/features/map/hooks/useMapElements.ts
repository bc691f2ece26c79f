import { useMemo } from 'react';
import type { Positions } from '../layout/geometry';
import { buildEdges, buildNodeData, buildNodes, countFindings } from '../model/elements';
import type { DrawnGraph } from '../model/filters';
import type { Highlight } from '../model/trace';
import type { MapData } from './useMapData';
import type { Selection } from './useSelection';

/**
 * React Flow's nodes and edges for what is drawn: each node's data (unit, roll-up, findings) built
 * once per change of those, positions, selection and highlight applied on top.
 */
export function useMapElements(
  drawn: DrawnGraph,
  data: Pick<MapData, 'units' | 'rollups' | 'audit'>,
  positions: Positions,
  { selectedId, selectedEdge }: Pick<Selection, 'selectedId' | 'selectedEdge'>,
  /** What is lit (a trace, else a finding); null: nothing is, nothing is dimmed. */
  highlight: Highlight | null,
) {
  const { units, rollups } = data;
  const audit = data.audit.data;
  const unitsById = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const findingsByNode = useMemo(() => countFindings(audit?.findings ?? []), [audit]);
  const nodeData = useMemo(
    () => buildNodeData(drawn.nodes, unitsById, rollups, findingsByNode),
    [drawn.nodes, unitsById, rollups, findingsByNode],
  );
  const nodes = useMemo(
    () => buildNodes(drawn.nodes, nodeData, positions, { selectedId, highlight }),
    [drawn.nodes, nodeData, positions, selectedId, highlight],
  );
  const edges = useMemo(() => buildEdges(drawn.links, highlight, selectedEdge), [drawn.links, highlight, selectedEdge]);
  return { nodes, edges };
}
