import {
  LINK_KINDS,
  allowedLinkKinds,
  kindInSentence,
  kindWithArticle,
  type LinkKind,
  type NodeKind,
} from '@throughline/domain';

/**
 * The link matrix of libs/domain said in a PMO's words: what a link of each kind means, what a node
 * of each kind can link to, and why a pair cannot be linked. Derived from `allowedLinkKinds`, so the
 * words never drift from the rule the API applies.
 */

/** What `from` does to `to`, as a verb phrase: "moves", "is part of"… */
export const LINK_VERB: Record<LinkKind, string> = {
  contributes_to: 'moves',
  part_of: 'is part of',
  delivers: 'builds or changes',
  depends_on: 'needs',
};

const LINK_INFINITIVE: Record<LinkKind, string> = {
  contributes_to: 'move',
  part_of: 'be part of',
  delivers: 'build or change',
  depends_on: 'depend on',
};

/** What a link kind means, for the picker's choices. */
export const LINK_MEANING: Record<LinkKind, string> = {
  contributes_to: 'contributes to it: its progress moves this result or objective',
  part_of: 'is part of it: the project belongs to this programme',
  delivers: 'delivers it: the work builds or changes this asset',
  depends_on: 'depends on it: needs it done first (often across business units)',
};

const KINDS: readonly NodeKind[] = ['theme', 'objective', 'key_result', 'programme', 'project', 'bau', 'asset'];

function plural(kind: NodeKind): string {
  const noun = kindInSentence(kind);
  return noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** What a node of this kind can link to, in one sentence ("A project can move …"). */
export function whatItCanLinkTo(kind: NodeKind): string {
  const phrases = LINK_KINDS.flatMap((link) => {
    const targets = KINDS.filter((to) => allowedLinkKinds(kind, to).includes(link));
    return targets.length ? [`${LINK_INFINITIVE[link]} ${list(targets.map(plural))}`] : [];
  });
  const subject = kindWithArticle(kind).replace(/^a/, 'A');
  if (phrases.length === 0) return `${subject} is the top of the chain: objectives link to it, it links to nothing.`;
  return `${subject} can ${phrases.length > 1 ? `${phrases.slice(0, -1).join('; ')}; or ${phrases[phrases.length - 1]}` : phrases[0]}.`;
}

interface End {
  kind: NodeKind;
  key?: string;
}

const named = (end: End) => (end.key ? `${end.key} (${kindWithArticle(end.kind)})` : kindWithArticle(end.kind));

/**
 * Why no link can go from `from` to `to`, in plain words, with the way round that would work when
 * there is one. Null when some kind fits.
 */
export function whyNoLink(from: End, to: End): string | null {
  if (allowedLinkKinds(from.kind, to.kind).length > 0) return null;
  const reverse = allowedLinkKinds(to.kind, from.kind);
  const head = `${named(from)} cannot link to ${named(to)}.`;
  if (reverse.length > 0) {
    const verb = LINK_VERB[reverse[0]];
    const there = to.key ?? `the ${kindInSentence(to.kind)}`;
    const here = from.key ?? `the ${kindInSentence(from.kind)}`;
    return `${head} It works the other way round (${kindWithArticle(to.kind)} ${verb} ${kindWithArticle(from.kind)}): link from ${there} to ${here} instead.`;
  }
  return `${head} ${whatItCanLinkTo(from.kind)}`;
}

/** The API's link refusals (by code) in plain words; null to keep the API's own message. */
export function plainLinkError(code: string | undefined, from: End, to: End): string | null {
  if (code === 'LINK_NOT_ALLOWED') return whyNoLink(from, to);
  if (code === 'LINK_SELF') return 'A node cannot link to itself.';
  if (code === 'LINK_CYCLE')
    return `${to.key ?? 'That node'} already sits below ${from.key ?? 'this one'} in the chain, so this link would make a loop.`;
  if (code === 'LINK_DUPLICATE')
    return `${from.key ?? 'These nodes'} and ${to.key ?? 'that node'} are already linked this way.`;
  return null;
}
