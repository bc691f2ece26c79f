import type { AuditRuleId } from './audit/audit-types.js';
import type { NodeHealth, NodeKind, NodeStatus } from './kinds.js';
import type { LinkKind, LinkState } from './links.js';
import type { KindFields } from './nodes.js';
import type { RaidStatus, RaidType } from './raid/raid.js';

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
  /** Key results: the name of the OKR cycle it belongs to (in the document or the organisation); null for none. */
  cycle?: string | null;
}

/** An OKR cycle (docs/domain.md, "OKR cycles"), known by its name. */
export interface InterchangeOkrCycle {
  name: string;
  startsOn: string;
  endsOn: string;
}

/**
 * A waiver of an audit finding, by the finding's rule and nodes (keys, in the finding's order) — its id is computed
 * from the node ids on import, so the waiver follows the organisation it is imported into. `linkKind` tells apart two
 * dangling proposals between the same nodes.
 */
export interface InterchangeWaiver {
  rule: AuditRuleId;
  nodes: string[];
  linkKind?: LinkKind;
  path: string[];
  reason: string;
  expiresOn: string;
}

/**
 * What a RAID item is attached to: a node by key, a link by its ends and kind, or — when that was deleted — only
 * the label it was shown with (`detached`).
 */
export type InterchangeRaidAttachment =
  { node: string } | { link: { from: string; to: string; kind: LinkKind } } | { detached: string };

/** A RAID item (docs/domain.md, "RAID log"), matched on import by its type and title. */
export interface InterchangeRaidItem {
  type: RaidType;
  title: string;
  description?: string;
  owner?: string | null;
  status?: RaidStatus;
  dueDate?: string | null;
  likelihood?: number | null;
  impact?: number | null;
  decidedOn?: string | null;
  decidedBy?: string | null;
  attachments?: InterchangeRaidAttachment[];
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
  /** Optional sections (older documents have none); the export always writes them. */
  okrCycles?: InterchangeOkrCycle[];
  waivers?: InterchangeWaiver[];
  raid?: InterchangeRaidItem[];
}
