import { NODE_HEIGHT, NODE_WIDTH } from '../layout/geometry';
import type { MapNode } from '../nodes/types';
import type { DiffMark } from '../hooks/useDiffOverlay';
import { farLabelLines, type FarLabelMetrics } from './farLabels';

/**
 * The far-zoom picture of a large view (nodes/FarPicture.tsx): every card as a rectangle in one of a
 * few SVG paths, one per look, and its label. As cards, 2,000 boxes cost Chromium a paint chunk and
 * a hit-test box each on every frame of a pan (`Layerize` ~40 ms, `HitTest` ~10 ms a move); as one
 * picture they cost what a picture costs (docs/performance.md, "Map").
 */
export interface PictureShape {
  /** The CSS classes of this look: `far-card kind-project`, `far-ring is-error`, … */
  className: string;
  d: string;
}

export interface PictureLabel {
  id: string;
  /** The card's centre. */
  x: number;
  y: number;
  /** The key, which the first line starts with (drawn bold in the kind's colour). */
  key: string;
  lines: string[];
  dimmed: boolean;
}

/** Group boxes and lanes stay React Flow nodes: the picture is of cards only. */
export const isCard = (node: MapNode | { type?: string }) => node.type !== 'group';

const rect = (x: number, y: number) => `M${x} ${y}h${NODE_WIDTH}v${NODE_HEIGHT}h${-NODE_WIDTH}z`;

/**
 * The cards' rectangles by look: the body (kind, finished or not, dimmed or not), then the rings
 * drawn over it — the audit's error, a trace's or finding's light, the snapshot diff's mark.
 */
export function pictureShapes(cards: readonly MapNode[], diff: ReadonlyMap<string, DiffMark>): PictureShape[] {
  const looks = new Map<string, string[]>();
  const add = (className: string, d: string) => {
    let parts = looks.get(className);
    if (!parts) looks.set(className, (parts = []));
    parts.push(d);
  };
  const rings: [string, string][] = [];
  for (const card of cards) {
    const { node, findings } = card.data;
    const d = rect(Math.round(card.position.x), Math.round(card.position.y));
    const muted = node.status === 'done' || node.status === 'cancelled';
    const dimmed = card.className === 'is-dimmed';
    add(`far-card kind-${node.kind}${muted ? ' is-muted' : ''}${dimmed ? ' is-dimmed' : ''}`, d);
    if (findings.errors > 0) rings.push([`far-ring is-error${dimmed ? ' is-dimmed' : ''}`, d]);
    if (card.className === 'is-lit') rings.push(['far-ring is-lit', d]);
    const mark = diff.get(card.id);
    if (mark) rings.push([`far-ring is-${mark}`, d]);
  }
  for (const [className, d] of rings) add(className, d);
  return [...looks].map(([className, parts]) => ({ className, d: parts.join('') }));
}

/** Each card's label, wrapped for the zoom the picture is drawn at. */
export function pictureLabels(
  cards: readonly MapNode[],
  metrics: FarLabelMetrics,
  wrap: (key: string, title: string) => string[] = (key, title) => farLabelLines(key, title, metrics),
): PictureLabel[] {
  return cards.map((card) => {
    const { node } = card.data;
    return {
      id: card.id,
      x: Math.round(card.position.x + NODE_WIDTH / 2),
      y: Math.round(card.position.y + NODE_HEIGHT / 2),
      key: node.key,
      lines: wrap(node.key, node.title),
      dimmed: card.className === 'is-dimmed',
    };
  });
}
