import type { NodeHealth, NodeKind } from './kinds.js';

/**
 * Roll-up of one strategy node (DOMAIN.md, "Coverage" → "Roll-up"): its progress (0–1, or
 * null when nothing measurable sits below it) and its reported health beside the health derived
 * from its delivery. Part of `GET /api/coverage`; the map's progress bars read it.
 */
export interface NodeRollup {
  nodeId: string;
  key: string;
  kind: Extract<NodeKind, 'theme' | 'objective' | 'key_result'>;
  progress: number | null;
  reportedHealth: NodeHealth;
  derivedHealth: NodeHealth;
}
