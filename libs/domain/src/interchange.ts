import type { NodeHealth, NodeKind, NodeStatus } from './kinds.js';
import type { LinkKind, LinkState } from './links.js';
import type { KindFields } from './nodes.js';

/**
 * The interchange document of docs/domain.md: an organisation's whole portfolio as one JSON
 * document, referring to business units and link ends by key. Round-trip safe: export →
 * import into an empty organisation → export gives the same document.
 */
export const INTERCHANGE_FORMAT = 'throughline/v1';

export interface InterchangeBusinessUnit {
  key: string;
  name: string;
  parent: string | null;
}

export interface InterchangeNode extends KindFields {
  key: string;
  kind: NodeKind;
  title: string;
  description?: string;
  businessUnit?: string | null;
  owner?: string | null;
  status?: NodeStatus;
  health?: NodeHealth;
  startDate?: string | null;
  endDate?: string | null;
  tags?: string[];
  /** Objectives: the keys of the business units accountable for it (docs/domain.md, "Coverage"). */
  accountableUnits?: string[];
}

export interface InterchangeLink {
  from: string;
  to: string;
  kind: LinkKind;
  weight?: number | null;
  rationale?: string;
  state?: LinkState;
}

export interface InterchangeCheckIn {
  node: string;
  at: string;
  value: number;
  confidence?: number | null;
  note?: string;
}

export interface InterchangeDocument {
  format: typeof INTERCHANGE_FORMAT;
  businessUnits: InterchangeBusinessUnit[];
  nodes: InterchangeNode[];
  links: InterchangeLink[];
  checkIns: InterchangeCheckIn[];
}
