import {
  LINK_KINDS,
  NODE_KIND_LABELS,
  type GraphLink,
  type GraphNode,
  type NodeHealth,
  type NodeKind,
} from '@throughline/domain';
import { Position, getBezierPath, getSmoothStepPath } from '@xyflow/react';
import { KIND_COLOURS, LINK_COLOURS } from '../../../ui/kindColours';
import { NODE_HEIGHT, NODE_WIDTH, type Positions } from '../layout/geometry';
import { LINK_VERB } from './linkWords';

/** The muted ink of app.css (`--muted`): a file drawn for other programs cannot read CSS properties. */
const MUTED = '#5c6b7a';

/**
 * The drawn view as a real SVG document for a board pack: rectangles, text and paths drawn from the
 * layout (never HTML in `foreignObject`, which vector editors cannot open), with a title, the date,
 * the filters and a legend. Pure: the same view gives the same document (the date is given).
 */
export interface SvgExportInput {
  nodes: readonly GraphNode[];
  links: readonly GraphLink[];
  positions: Positions;
  title: string;
  /** E.g. "30 Nov 2026 · Whole organisation · unit NET". */
  subtitle: string;
}

const PAD = 40;
const HEADER = 120;
const HEALTH: Record<NodeHealth, string> = { green: '#16a34a', amber: '#d97706', red: '#dc2626', unknown: '#94a3b8' };
const FONT = 'font-family="\'Segoe UI\', Helvetica, Arial, sans-serif"';

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Up to `lines` lines of about `width` characters, the last one cut with an ellipsis. */
export function wrap(text: string, width: number, lines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= width) line = next;
    else {
      if (line) out.push(line);
      line = word.length > width ? `${word.slice(0, width - 1)}…` : word;
    }
    if (out.length === lines) break;
  }
  if (out.length < lines && line) out.push(line);
  if (out.length === lines && out.join(' ').length < text.trim().length) {
    const last = out[lines - 1];
    out[lines - 1] = last.length >= width ? `${last.slice(0, width - 1)}…` : `${last}…`;
  }
  return out.slice(0, lines);
}

function card(node: GraphNode, x: number, y: number): string {
  const colour = KIND_COLOURS[node.kind];
  const [first, second] = wrap(node.title, 30, 2);
  const dashed = node.status === 'proposed' ? ' stroke-dasharray="6 4"' : '';
  return [
    `<g transform="translate(${x} ${y})">`,
    `<rect width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="9" fill="#ffffff" stroke="#cfd7e1"${dashed}/>`,
    `<rect width="${NODE_WIDTH}" height="6" rx="3" fill="${colour}"/>`,
    `<text x="12" y="28" font-size="13" font-weight="700" fill="${colour}">${escapeXml(node.key)}</text>`,
    `<circle cx="${NODE_WIDTH - 16}" cy="24" r="6" fill="${HEALTH[node.health]}"><title>Health: ${node.health}</title></circle>`,
    `<text x="12" y="52" font-size="14" font-weight="600" fill="#1b2430">${escapeXml(first ?? '')}</text>`,
    second ? `<text x="12" y="70" font-size="14" font-weight="600" fill="#1b2430">${escapeXml(second)}</text>` : '',
    `<text x="12" y="102" font-size="12" fill="${MUTED}">${escapeXml(node.owner ?? 'No owner')}</text>`,
    '</g>',
  ].join('');
}

function edge(link: GraphLink, positions: Positions): string {
  const a = positions[link.from];
  const b = positions[link.to];
  if (!a || !b) return '';
  const dependency = link.kind === 'depends_on';
  const [path] = dependency
    ? getSmoothStepPath({
        sourceX: a.x + NODE_WIDTH,
        sourceY: a.y + NODE_HEIGHT / 2,
        sourcePosition: Position.Right,
        targetX: b.x,
        targetY: b.y + NODE_HEIGHT / 2,
        targetPosition: Position.Left,
        borderRadius: 10,
        offset: 24,
      })
    : getBezierPath({
        sourceX: a.x + NODE_WIDTH / 2,
        sourceY: a.y,
        sourcePosition: Position.Top,
        targetX: b.x + NODE_WIDTH / 2,
        targetY: b.y + NODE_HEIGHT,
        targetPosition: Position.Bottom,
      });
  const dash = dependency ? ' stroke-dasharray="2 4"' : link.state === 'proposed' ? ' stroke-dasharray="7 5"' : '';
  return `<path d="${path}" fill="none" stroke="${LINK_COLOURS[link.kind]}" stroke-width="1.6"${dash} marker-end="url(#arrow-${link.kind})"/>`;
}

function legend(x: number, y: number): string {
  const kinds = (Object.keys(KIND_COLOURS) as NodeKind[]).map(
    (kind, i) =>
      `<rect x="${x + i * 118}" y="${y}" width="12" height="12" rx="2" fill="${KIND_COLOURS[kind]}"/>` +
      `<text x="${x + i * 118 + 18}" y="${y + 11}" font-size="12" fill="#1b2430">${escapeXml(NODE_KIND_LABELS[kind])}</text>`,
  );
  const lines = LINK_KINDS.map((kind, i) => {
    const lx = x + i * 150;
    const dash = kind === 'depends_on' ? ' stroke-dasharray="2 4"' : '';
    return (
      `<line x1="${lx}" y1="${y + 30}" x2="${lx + 30}" y2="${y + 30}" stroke="${LINK_COLOURS[kind]}" stroke-width="2"${dash}/>` +
      `<text x="${lx + 36}" y="${y + 34}" font-size="12" fill="#1b2430">${escapeXml(LINK_VERB[kind])}</text>`
    );
  });
  const proposedX = x + LINK_KINDS.length * 150;
  lines.push(
    `<line x1="${proposedX}" y1="${y + 30}" x2="${proposedX + 30}" y2="${y + 30}" stroke="${LINK_COLOURS.contributes_to}" stroke-width="2" stroke-dasharray="7 5"/>` +
      `<text x="${proposedX + 36}" y="${y + 34}" font-size="12" fill="#1b2430">proposed (not yet approved)</text>`,
  );
  return `<g class="legend">${kinds.join('')}${lines.join('')}</g>`;
}

/** The SVG document and its size. */
export function mapToSvg(input: SvgExportInput): { svg: string; width: number; height: number } {
  const placed = input.nodes.filter((n) => input.positions[n.id]);
  if (placed.length === 0) throw new Error('Nothing on the map to export');
  const xs = placed.map((n) => input.positions[n.id].x);
  const ys = placed.map((n) => input.positions[n.id].y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const width = Math.max(Math.max(...xs) - minX + NODE_WIDTH + 2 * PAD, 1000);
  const height = Math.max(...ys) - minY + NODE_HEIGHT + 2 * PAD + HEADER;
  const dx = PAD - minX;
  const dy = PAD + HEADER - minY;
  const ids = new Set(placed.map((n) => n.id));
  const markers = LINK_KINDS.map(
    (kind) =>
      `<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="${LINK_COLOURS[kind]}"/></marker>`,
  ).join('');
  const edges = input.links
    .filter((l) => ids.has(l.from) && ids.has(l.to) && l.state !== 'rejected')
    .map((l) => edge(l, input.positions))
    .join('');
  const cards = placed.map((n) => card(n, input.positions[n.id].x, input.positions[n.id].y)).join('');
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}>`,
    `<title>${escapeXml(input.title)}</title>`,
    `<defs>${markers}</defs>`,
    `<rect width="${width}" height="${height}" fill="#f4f6f9"/>`,
    `<text x="${PAD}" y="${PAD + 6}" font-size="24" font-weight="700" fill="#1b2430">${escapeXml(input.title)}</text>`,
    `<text x="${PAD}" y="${PAD + 30}" font-size="14" fill="${MUTED}">${escapeXml(input.subtitle)}</text>`,
    legend(PAD, PAD + 50),
    `<g transform="translate(${dx} ${dy})">${edges}${cards}</g>`,
    '</svg>',
  ].join('');
  return { svg, width, height };
}
