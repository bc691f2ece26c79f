import { text, oneOf, type FieldRule } from '../shapes/field-rules.js';

/** The RAID log (docs/domain.md, "RAID log"): risks, actions, issues and decisions about nodes and links. */
export const RAID_TYPES = ['risk', 'action', 'issue', 'decision'] as const;
export type RaidType = (typeof RAID_TYPES)[number];

export const RAID_STATUSES = ['open', 'in_progress', 'closed'] as const;
export type RaidStatus = (typeof RAID_STATUSES)[number];

/** A risk is red when likelihood × impact reaches this (on 1–5 scales). */
export const RED_RISK_SCORE = 15;

/** The most attachments one item may have (nodes and links together). */
export const MAX_RAID_ATTACHMENTS = 50;

export const RAID_FIELD_RULES = {
  type: oneOf(RAID_TYPES, { required: true }),
  title: text(200, { minLength: 1, required: true }),
  description: text(4000),
  owner: text(200, { minLength: 1, nullable: true }),
  status: oneOf(RAID_STATUSES),
  dueDate: { type: 'date', nullable: true },
  likelihood: { type: 'integer', min: 1, max: 5, nullable: true },
  impact: { type: 'integer', min: 1, max: 5, nullable: true },
  decidedOn: { type: 'date', nullable: true },
  decidedBy: text(200, { minLength: 1, nullable: true }),
} satisfies Record<string, FieldRule>;

/** A RAID item's own fields, in RAID_FIELD_RULES' order: what the REST API writes and the interchange carries. */
export type RaidField = keyof typeof RAID_FIELD_RULES;
export const RAID_FIELDS = Object.keys(RAID_FIELD_RULES) as RaidField[];
/** An item's own fields' values, as stored (no id, version, attachments or what is derived from them). */
export type RaidValues = Pick<RaidItem, RaidField>;

export interface RaidAttachment {
  id: string;
  nodeId: string | null;
  linkId: string | null;
  /** What it was attached to, written when attached ("PRJ-1 Smart meters", "PRJ-1 → KR-1 contributes to"). */
  label: string;
  /** When the node or link was deleted; the item stays, detached. */
  detachedAt: string | null;
}

export interface RaidItem {
  id: string;
  type: RaidType;
  title: string;
  description: string;
  owner: string | null;
  status: RaidStatus;
  dueDate: string | null;
  likelihood: number | null;
  impact: number | null;
  /** likelihood × impact for a risk, else null. */
  score: number | null;
  /** An open (not closed) risk scoring at least 15. */
  red: boolean;
  /** Not closed and due before today (UTC). */
  overdue: boolean;
  decidedOn: string | null;
  decidedBy: string | null;
  attachments: RaidAttachment[];
  /** Some node or link it was attached to has been deleted. */
  detached: boolean;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

export function riskScore(item: { type: string; likelihood: number | null; impact: number | null }): number | null {
  return item.type === 'risk' && item.likelihood !== null && item.impact !== null
    ? item.likelihood * item.impact
    : null;
}

export function isRedRisk(item: {
  type: string;
  status: string;
  likelihood: number | null;
  impact: number | null;
}): boolean {
  return item.status !== 'closed' && (riskScore(item) ?? 0) >= RED_RISK_SCORE;
}

/** `today` is a calendar date (YYYY-MM-DD, UTC); dates compare as text. */
export function isOverdue(item: { status: string; dueDate: string | null }, today: string): boolean {
  return item.status !== 'closed' && item.dueDate !== null && item.dueDate < today;
}

/**
 * The 5×5 risk matrix of the open risks: `cells[impact - 1][likelihood - 1]` lists their ids (rows by impact,
 * columns by likelihood).
 */
export function riskMatrix(items: readonly Pick<RaidItem, 'id' | 'type' | 'status' | 'likelihood' | 'impact'>[]) {
  const cells: string[][][] = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => []));
  for (const item of items) {
    if (item.type !== 'risk' || item.status === 'closed' || item.likelihood === null || item.impact === null) continue;
    cells[item.impact - 1][item.likelihood - 1].push(item.id);
  }
  return cells;
}
