import { kindWithArticle, isWorkKind, kindInSentence, type NodeKind } from '@throughline/domain';
import { DomainError } from '../platform/errors/domain-error.js';
import { currentPrincipal, type Principal } from './roles.js';

/**
 * The rules of docs/domain.md that depend on the object, not only the route: what a `contributor` may change. The
 * guard has already let only `admin`, `pmo` and `contributor` reach a write; `admin` and `pmo` may do every write
 * these rules guard. Each `decide…` is a pure function (unit-tested); each `assert…` applies it to the request's
 * principal and throws 403 FORBIDDEN. With no principal (no HTTP request: the demo seeder, background work) nothing
 * is refused here — the guard is what keeps anonymous requests out.
 */

interface NodeRef {
  key?: string;
  kind: NodeKind;
  businessUnitId: string | null;
}

/** Why `principal` may not create, change or delete `node` (as it is, or as it would become), or undefined. */
export function decideNodeWrite(principal: Principal, node: NodeRef): string | undefined {
  if (principal.role !== 'contributor') return undefined;
  const name = node.key ?? `a new ${kindInSentence(node.kind)}`;
  if (!isWorkKind(node.kind)) {
    return node.key
      ? `A contributor may not change strategy: ${node.key} is ${kindWithArticle(node.kind)}.`
      : `A contributor may not add ${kindWithArticle(node.kind)}: strategy is a PMO lead's or an admin's.`;
  }
  if (!node.businessUnitId || !principal.unitIds.includes(node.businessUnitId)) {
    return `A contributor changes only its own units' work: ${name} is not in one of them.`;
  }
  return undefined;
}

/**
 * A check-in on a key result: its owner, or a pmo/admin. The owner is a free-text name (docs/domain.md, "owner"),
 * so a contributor owns a key result whose owner reads as its name or its email, ignoring case and outer spaces.
 */
export function decideCheckIn(
  principal: Principal,
  keyResult: { key: string; owner: string | null },
): string | undefined {
  if (principal.role !== 'contributor') return undefined;
  const owner = keyResult.owner?.trim().toLowerCase();
  if (owner && (owner === principal.name.trim().toLowerCase() || owner === principal.email.toLowerCase())) {
    return undefined;
  }
  return `Only ${keyResult.key}'s owner, a pmo or an admin may check in on it.`;
}

/** A contributor proposes links from its own units' work only (to anything the link matrix allows). */
export function decideLinkFrom(principal: Principal, from: NodeRef): string | undefined {
  if (principal.role !== 'contributor') return undefined;
  if (!isWorkKind(from.kind) || !from.businessUnitId || !principal.unitIds.includes(from.businessUnitId)) {
    return `A contributor proposes links from its own units' work only; ${from.key ?? 'the source'} is not.`;
  }
  return undefined;
}

/** A contributor edits or withdraws a link only while it is a proposal from its own units' work. */
export function decideLinkChange(principal: Principal, state: string, from: NodeRef): string | undefined {
  if (principal.role !== 'contributor') return undefined;
  if (state !== 'proposed') return `A contributor may not change a link that is already ${state}.`;
  return decideLinkFrom(principal, from);
}

/** The state of a new link: a contributor's is always `proposed`; a pmo/admin link is approved unless it asks to propose. */
export function newLinkState(requested: 'proposed' | undefined): 'proposed' | 'approved' {
  return currentPrincipal()?.role === 'contributor' ? 'proposed' : (requested ?? 'approved');
}

export function assertMayWriteNode(node: NodeRef): void {
  refuseIf((p) => decideNodeWrite(p, node));
}

export function assertMayCheckIn(keyResult: { key: string; owner: string | null }): void {
  refuseIf((p) => decideCheckIn(p, keyResult));
}

export function assertMayLinkFrom(from: NodeRef): void {
  refuseIf((p) => decideLinkFrom(p, from));
}

export function assertMayChangeLink(state: string, from: NodeRef): void {
  refuseIf((p) => decideLinkChange(p, state, from));
}

function refuseIf(decide: (principal: Principal) => string | undefined): void {
  const principal = currentPrincipal();
  const reason = principal && decide(principal);
  if (reason) throw new DomainError('FORBIDDEN', reason);
}
