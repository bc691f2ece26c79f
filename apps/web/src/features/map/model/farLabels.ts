import { NODE_HEIGHT, NODE_WIDTH } from '../layout/geometry';

/**
 * The far-zoom picture's labels (nodes/FarPicture.tsx): each card's key and title in as many lines
 * as fit, at a size that reads on screen whatever the zoom. The same rule as the far cards' CSS
 * (nodes.css, "far zoom"): a font of 10.5 px on screen, between 12 and 60 px of the map (9 px, up to
 * 56 so that a seven-character key fits its card, for the key alone when very far), the text clamped to three lines and to
 * the card.
 */
export interface FarLabelMetrics {
  /** The font size in map units, in steps (`farFontStep`): a zoom within the same step changes nothing. */
  font: number;
  /** Only the key is shown (very far out). */
  tiny: boolean;
  /** Characters that fit on a line of the card at this zoom. */
  perLine: number;
  /** Lines that fit in the card at this zoom (at most 3). */
  lines: number;
}

/** Below this zoom only the key is shown (MapCanvas's `TINY_ZOOM`). */
export const TINY_ZOOM = 0.17;
/** The card's inner width and height, inside its padding (8 px each side). */
const INNER_WIDTH = NODE_WIDTH - 16;
const INNER_HEIGHT = NODE_HEIGHT - 12;
/** An average character of the map's sans-serif font, in ems (mixed case, digits and spaces). */
const CHAR_EM = 0.56;
const LINE_EM = 1.12;

const clamp = (low: number, value: number, high: number) => Math.min(high, Math.max(low, value));

/** The label's font size in map units (what `font-size` is, inside the zoomed viewport). */
export function farFontSize(zoom: number): number {
  return zoom < TINY_ZOOM ? clamp(12, 9 / zoom, 56) : clamp(12, 10.5 / zoom, 60);
}

/**
 * The font size in steps of a quarter: between two steps the labels grow and shrink a little with the
 * map instead of being set again. Setting them again means shaping 2,000 labels' text anew, a long frame
 * at the end of a zoom (docs/performance.md, "Map").
 */
export function farFontStep(size: number): number {
  return Math.round(1.25 ** Math.round(Math.log(size) / Math.log(1.25)));
}

export function farLabelMetrics(zoom: number): FarLabelMetrics {
  const font = farFontStep(farFontSize(zoom));
  const tiny = zoom < TINY_ZOOM;
  return {
    font,
    tiny,
    perLine: Math.max(3, Math.floor(INNER_WIDTH / (font * CHAR_EM))),
    lines: tiny ? 1 : clamp(1, Math.floor(INNER_HEIGHT / (font * LINE_EM)), 3),
  };
}

/**
 * The lines of one card's label: the key, then the title's words, wrapped at `perLine` characters
 * (a word longer than a line is cut), and an ellipsis on the last line when the title goes on.
 * Very far out, the key alone, never cut: it is what tells the cards apart there.
 */
export function farLabelLines(key: string, title: string, metrics: FarLabelMetrics): string[] {
  if (metrics.tiny) return [key];
  const { perLine, lines: most } = metrics;
  const words = `${key} ${title}`.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    let word = words[i];
    while (word.length > perLine) {
      // A word longer than a line: the part that fits ends this line (or fills one of its own).
      const room = line ? perLine - line.length - 1 : perLine;
      if (room < 3) {
        lines.push(line);
        line = '';
        if (lines.length === most) return ellipsis(lines, perLine);
        continue;
      }
      lines.push(line ? `${line} ${word.slice(0, room)}` : word.slice(0, room));
      line = '';
      word = word.slice(room);
      if (lines.length === most) return ellipsis(lines, perLine);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= perLine) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
    if (lines.length === most) return ellipsis(lines, perLine);
  }
  if (line) lines.push(line);
  return lines.length > most ? ellipsis(lines.slice(0, most), perLine) : lines;
}

/** The last line ends in an ellipsis (a full line gives its last character for it): the title goes on. */
function ellipsis(lines: string[], perLine: number): string[] {
  if (lines.length === 0) return lines;
  const last = lines[lines.length - 1];
  const room = last.length < perLine ? last : last.slice(0, -1).trimEnd();
  return [...lines.slice(0, -1), `${room}…`];
}

/**
 * `farLabelLines` for one set of metrics, remembered per key and title: the picture's labels are
 * laid out again whenever a card changes (a drag moves one card a frame), and only the moved card's
 * position is new — its lines, and the other 1,999 cards', are not.
 */
export function farLabelWrapper(metrics: FarLabelMetrics): (key: string, title: string) => string[] {
  const made = new Map<string, string[]>();
  return (key, title) => {
    const id = `${key}\u0000${title}`;
    let lines = made.get(id);
    if (!lines) made.set(id, (lines = farLabelLines(key, title, metrics)));
    return lines;
  };
}
