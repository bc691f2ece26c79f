import {
  LINK_KIND_LABELS,
  NODE_KIND_LABELS,
  allowedLinkKinds,
  isChainLinkKind,
  type LinkKind,
  type NodeKind,
} from '@throughline/domain';
import { whyNoLink } from './linkWords';

export interface EndRef {
  id: string;
  kind: NodeKind;
  key?: string;
}

export interface LinkRef {
  from: string;
  to: string;
  kind: LinkKind;
}

export type ConnectionVerdict = { ok: true; kinds: LinkKind[] } | { ok: false; reason: string };

/**
 * Whether a link may be drawn from `from` to `to`, and with which kinds. The kind matrix comes from
 * `libs/domain`, exactly as the API applies it, said in plain words (`linkWords.ts`); on top of that the
 * map refuses what it can already see would fail: a link that exists, or one closing a loop in the
 * strategy chain. The API stays the judge of what the map cannot see.
 */
export function judgeConnection(from: EndRef, to: EndRef, links: readonly LinkRef[]): ConnectionVerdict {
  const fits = allowedLinkKinds(from.kind, to.kind);
  if (from.id === to.id) return { ok: false, reason: 'A node cannot link to itself.' };
  if (fits.length === 0) return { ok: false, reason: whyNoLink(from, to) ?? '' };

  const existing = new Set(links.filter((l) => l.from === from.id && l.to === to.id).map((l) => l.kind));
  const fresh = fits.filter((k) => !existing.has(k));
  if (fresh.length === 0) {
    return {
      ok: false,
      reason: `${name(from)} already ${fits.map((k) => LINK_KIND_LABELS[k]).join(' and ')} ${name(to)}.`,
    };
  }

  const loops = reaches(to.id, from.id, links);
  const possible = loops ? fresh.filter((k) => !isChainLinkKind(k)) : fresh;
  if (possible.length === 0) {
    return {
      ok: false,
      reason: `${name(to)} already sits below ${name(from)} in the chain; this link would make a loop.`,
    };
  }
  return { ok: true, kinds: possible };
}

/** Whether `start` reaches `goal` by following chain links forwards (up the chain). */
function reaches(start: string, goal: string, links: readonly LinkRef[]): boolean {
  const up = new Map<string, string[]>();
  for (const l of links) {
    if (!isChainLinkKind(l.kind)) continue;
    up.set(l.from, [...(up.get(l.from) ?? []), l.to]);
  }
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length) {
    const id = queue.shift()!;
    if (id === goal) return true;
    for (const next of up.get(id) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}

function label(kind: NodeKind): string {
  const text = NODE_KIND_LABELS[kind];
  return /^[A-Z][a-z]/.test(text) ? text.toLowerCase() : text;
}

function name(end: EndRef): string {
  return end.key ?? `the ${label(end.kind)}`;
}
