import type { NodeHealth, NodeKind, NodeStatus } from '../kinds.js';
import type { LinkKind, LinkState } from '../links.js';
import type { AuditSettings } from './audit-types.js';

/**
 * What the audit, coverage and impact computations read: the organisation's topology and the few
 * fields the rules look at, nothing else. The API loads it in one consistent snapshot; tests build
 * it by hand. Plain data, so the same functions run in the API, in a benchmark or in the browser.
 */
export interface AuditNode {
  id: string;
  key: string;
  kind: NodeKind;
  status: NodeStatus;
  health: NodeHealth;
  businessUnitId: string | null;
  /** Whether an accountable owner is named (blank text counts as none). */
  hasOwner: boolean;
  /** Objectives only. `YYYY-MM-DD`. */
  targetDate?: string | null;
  /** `YYYY-MM-DD`. */
  endDate?: string | null;
  /** When the node was created (ISO timestamp): a key result without check-ins is as old as this. */
  createdAt: string;
  /** Key results only: the date (`YYYY-MM-DD`) of the newest check-in, if any. */
  lastCheckInAt?: string | null;
  budget?: number | null;
  annualCost?: number | null;
  annualValue?: number | null;
  baseline?: number | null;
  target?: number | null;
  current?: number | null;
  /** Shown by coverage beside strategy nodes; the audit does not need it. */
  title?: string;
  /** The owner's name (the dashboard's accountable people); the audit reads only `hasOwner`. */
  owner?: string | null;
  /** `YYYY-MM-DD`; the dashboard annualises change budgets over start and end. */
  startDate?: string | null;
  /** Themes and objectives: 1 = highest (the dashboard orders by it). */
  priority?: number | null;
  /** Objectives only: the business units accountable for it (docs/domain.md, "Coverage"). */
  accountableUnitIds?: readonly string[];
}

export interface AuditLink {
  from: string;
  to: string;
  kind: LinkKind;
  state: LinkState;
  weight: number | null;
  /** ISO timestamp. Only rules about proposed links read it, so a loader may omit it for the others. */
  createdAt?: string;
}

export interface AuditGraph {
  nodes: AuditNode[];
  /**
   * Approved and proposed links; rejected ones may be left out (no rule reads them). Read once,
   * when the graph is indexed, so a loader may hand over a lazy sequence and spare memory.
   */
  links: Iterable<AuditLink>;
  settings: AuditSettings;
  /** The audit's clock, injected so tests and snapshots control time. */
  now: Date;
}
