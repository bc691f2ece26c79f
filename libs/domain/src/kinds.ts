/**
 * The node kinds of docs/domain.md and the groups the rules speak of.
 * Everything else in Throughline (schema CHECKs, API DTOs, the map's node types)
 * is derived from these constants, so a new kind is added here first.
 */
export const NODE_KINDS = ['theme', 'objective', 'key_result', 'programme', 'project', 'bau', 'asset'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** Strategy items: what the organisation wants. */
export const STRATEGY_KINDS = ['theme', 'objective', 'key_result'] as const satisfies readonly NodeKind[];
export type StrategyKind = (typeof STRATEGY_KINDS)[number];

/** Work items: what the organisation does (change, business-as-usual and value assets). */
export const WORK_KINDS = ['programme', 'project', 'bau', 'asset'] as const satisfies readonly NodeKind[];
export type WorkKind = (typeof WORK_KINDS)[number];

/** Change work, as opposed to BAU and assets (used by the investment mix and `change-only-objective`). */
export const CHANGE_KINDS = ['programme', 'project'] as const satisfies readonly WorkKind[];

export const NODE_STATUSES = ['proposed', 'active', 'on_hold', 'done', 'cancelled'] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];

export const NODE_HEALTHS = ['green', 'amber', 'red', 'unknown'] as const;
export type NodeHealth = (typeof NODE_HEALTHS)[number];

export const KEY_RESULT_DIRECTIONS = ['increase', 'decrease'] as const;
export type KeyResultDirection = (typeof KEY_RESULT_DIRECTIONS)[number];

export const ASSET_LIFECYCLES = ['idea', 'build', 'run', 'retire'] as const;
export type AssetLifecycle = (typeof ASSET_LIFECYCLES)[number];

/** A project's delivery confidence is a RAG rating. */
export const RAG_RATINGS = ['green', 'amber', 'red'] as const;
export type RagRating = (typeof RAG_RATINGS)[number];

export function isStrategyKind(kind: NodeKind): kind is StrategyKind {
  return (STRATEGY_KINDS as readonly NodeKind[]).includes(kind);
}

export function isWorkKind(kind: NodeKind): kind is WorkKind {
  return (WORK_KINDS as readonly NodeKind[]).includes(kind);
}

export function isChangeKind(kind: NodeKind): boolean {
  return (CHANGE_KINDS as readonly NodeKind[]).includes(kind);
}

export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && (NODE_KINDS as readonly string[]).includes(value);
}

/** Human labels, shared by the API's messages and the web app. */
export const NODE_KIND_LABELS: Record<NodeKind, string> = {
  theme: 'Theme',
  objective: 'Objective',
  key_result: 'Key result',
  programme: 'Programme',
  project: 'Project',
  bau: 'BAU activity',
  asset: 'Value asset',
};

/** A node's or business unit's human key, e.g. `OBJ-7` (the schema has the same CHECK). */
export const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** The prefix of keys the API generates for new nodes of each kind (`PRJ-31`). */
export const KEY_PREFIXES: Record<NodeKind, string> = {
  theme: 'THM',
  objective: 'OBJ',
  key_result: 'KR',
  programme: 'PRG',
  project: 'PRJ',
  bau: 'BAU',
  asset: 'AST',
};

/** A label inside a sentence: a capitalised word is lower-cased ("Objective"), an acronym kept ("BAU activity"). */
function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** "a project", "an objective", "a BAU activity": for messages that name a kind. */
export function withArticle(label: string): string {
  const text = inSentence(label);
  return /^[aeiou]/i.test(text) ? `an ${text}` : `a ${text}`;
}

/** A kind named inside a sentence: "key result", "BAU activity" ("New key result", "Create BAU activity"). */
export function kindInSentence(kind: NodeKind): string {
  return inSentence(NODE_KIND_LABELS[kind]);
}

/** A kind named for a message: "an objective". */
export function kindWithArticle(kind: NodeKind): string {
  return withArticle(NODE_KIND_LABELS[kind]);
}
