import type { GraphNode, NodeKind, NodeRollup } from '@throughline/domain';
import type { Node } from '@xyflow/react';

/**
 * What a node on the map shows. Domain data only — no callbacks — so a node re-renders only when
 * what it shows changes; actions reach nodes through `MapActionsContext`.
 */
export type MapNodeData = {
  node: GraphNode;
  businessUnit: { key: string; name: string } | null;
  /** The coverage roll-up of a strategy node (progress and derived health), when known. */
  rollup: NodeRollup | null;
  findings: { total: number; errors: number };
};

export type MapNode<K extends NodeKind = NodeKind> = Node<MapNodeData, K>;
export type ThemeNodeType = MapNode<'theme'>;
export type ObjectiveNodeType = MapNode<'objective'>;
export type KeyResultNodeType = MapNode<'key_result'>;
export type ProgrammeNodeType = MapNode<'programme'>;
export type ProjectNodeType = MapNode<'project'>;
export type BauNodeType = MapNode<'bau'>;
export type AssetNodeType = MapNode<'asset'>;
