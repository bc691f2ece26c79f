import { NODE_KIND_LABELS, WORK_KINDS, withArticle, type NodeKind } from './kinds.js';

/** The link kinds of docs/domain.md. */
export const LINK_KINDS = ['contributes_to', 'part_of', 'delivers', 'depends_on'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const LINK_STATES = ['proposed', 'approved', 'rejected'] as const;
export type LinkState = (typeof LINK_STATES)[number];

/**
 * The link kinds that make up the chain from strategy to delivery. They must never form a
 * cycle; `depends_on` may (the audit flags such cycles instead).
 */
export const CHAIN_LINK_KINDS = ['contributes_to', 'part_of', 'delivers'] as const satisfies readonly LinkKind[];
export type ChainLinkKind = (typeof CHAIN_LINK_KINDS)[number];

export function isChainLinkKind(kind: LinkKind): kind is ChainLinkKind {
  return (CHAIN_LINK_KINDS as readonly LinkKind[]).includes(kind);
}

export function isLinkKind(value: unknown): value is LinkKind {
  return typeof value === 'string' && (LINK_KINDS as readonly string[]).includes(value);
}

const WORK = WORK_KINDS as readonly NodeKind[];

/**
 * The allowed-link matrix of docs/domain.md: for each link kind, the (from, to) kind pairs it may join.
 * Written as the table reads, so a reviewer can hold it against the spec line by line.
 */
export const LINK_RULES: Record<LinkKind, readonly (readonly [from: readonly NodeKind[], to: readonly NodeKind[]])[]> =
  {
    contributes_to: [
      [['objective'], ['theme']],
      [['objective'], ['objective']],
      [['key_result'], ['objective']],
      [WORK, ['key_result', 'objective']],
    ],
    part_of: [[['project'], ['programme']]],
    delivers: [[['project', 'programme'], ['asset']]],
    depends_on: [[WORK, WORK]],
  };

export const LINK_KIND_LABELS: Record<LinkKind, string> = {
  contributes_to: 'contributes to',
  part_of: 'is part of',
  delivers: 'delivers',
  depends_on: 'depends on',
};

/** Whether the matrix allows a link of `kind` from a node of `from` kind to one of `to` kind. */
export function isLinkAllowed(kind: LinkKind, from: NodeKind, to: NodeKind): boolean {
  return LINK_RULES[kind].some(([froms, tos]) => froms.includes(from) && tos.includes(to));
}

/** Every link kind that may join `from` → `to`, in the order of the matrix (the map offers these). */
export function allowedLinkKinds(from: NodeKind, to: NodeKind): LinkKind[] {
  return LINK_KINDS.filter((kind) => isLinkAllowed(kind, from, to));
}

/** The first kind the map should offer by default when several fit. */
export function defaultLinkKind(from: NodeKind, to: NodeKind): LinkKind | undefined {
  return allowedLinkKinds(from, to)[0];
}

export type LinkCheck = { ok: true } | { ok: false; code: 'LINK_SELF' | 'LINK_NOT_ALLOWED'; message: string };

/**
 * The checks a link can fail without looking at the rest of the graph: a self-link, or a kind
 * pair outside the matrix. The API and the map both call this, so the same words reach the user
 * whether the map refuses a drop or the API refuses a request.
 */
export function checkLink(
  kind: LinkKind,
  from: { id: string; kind: NodeKind },
  to: { id: string; kind: NodeKind },
): LinkCheck {
  if (from.id === to.id) {
    return { ok: false, code: 'LINK_SELF', message: 'A node cannot link to itself.' };
  }
  if (!isLinkAllowed(kind, from.kind, to.kind)) {
    return { ok: false, code: 'LINK_NOT_ALLOWED', message: describeRefusal(kind, from.kind, to.kind) };
  }
  return { ok: true };
}

function describeRefusal(kind: LinkKind, from: NodeKind, to: NodeKind): string {
  const fromLabel = withArticle(NODE_KIND_LABELS[from]);
  const toLabel = withArticle(NODE_KIND_LABELS[to]);
  const fits = allowedLinkKinds(from, to);
  const allowed = LINK_RULES[kind].map(([froms, tos]) => `${froms.join('/')} → ${tos.join('/')}`).join('; ');
  const hint = fits.length
    ? ` ${capitalise(fromLabel)} can link to ${toLabel} with: ${fits.join(', ')}.`
    : ` No link kind joins ${fromLabel} to ${toLabel}.`;
  return `A ${kind} link cannot go from ${fromLabel} to ${toLabel} (allowed: ${allowed}).${hint}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
