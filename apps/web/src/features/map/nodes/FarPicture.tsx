import { EdgeLabelRenderer } from '@xyflow/react';
import { memo, useContext, useMemo } from 'react';
import { MapOverlayContext } from '../hooks/useDiffOverlay';
import { farLabelMetrics, farLabelWrapper } from '../model/farLabels';
import { isCard, pictureLabels, pictureShapes } from '../model/farPicture';
import type { MapNode } from './types';
import './farPicture.css';

/**
 * A large view zoomed out, drawn as one picture: each card a rectangle in its kind's colour with its
 * key and title, its rings (error, light, diff) — what the far cards show, at a fraction of their cost.
 * It sits in React Flow's label layer, inside the viewport's transform, above the far links and below
 * the cards. The card under the pointer, the selected one and one being dragged are real cards on top
 * of it (hooks/useFarPicture.ts), so everything a card does works at this zoom too.
 *
 * `zoom` is the zoom the picture was last drawn for (it changes when a gesture rests, zoomStyle.ts):
 * the labels are set and wrapped again only when their font's step changes (model/farLabels.ts).
 */
export const FarPicture = memo(function FarPicture({ nodes, zoom }: { nodes: MapNode[]; zoom: number }) {
  const { diff } = useContext(MapOverlayContext);
  const cards = useMemo(() => nodes.filter(isCard), [nodes]);
  const { font, tiny, perLine, lines } = farLabelMetrics(zoom);
  const shapes = useMemo(() => pictureShapes(cards, diff), [cards, diff]);
  const wrap = useMemo(() => farLabelWrapper({ font, tiny, perLine, lines }), [font, tiny, perLine, lines]);
  const labels = useMemo(
    () => pictureLabels(cards, { font, tiny, perLine, lines }, wrap),
    [cards, font, tiny, perLine, lines, wrap],
  );
  return (
    <EdgeLabelRenderer>
      <svg className="far-picture" aria-hidden="true" data-testid="far-picture" data-cards={cards.length}>
        {shapes.map((s) => (
          <path key={s.className} className={s.className} d={s.d} />
        ))}
        <g className="far-labels" fontSize={font}>
          {labels.map((l) => (
            <Label key={l.id} x={l.x} y={l.y} cardKey={l.key} text={l.lines.join('\n')} dimmed={l.dimmed} />
          ))}
        </g>
      </svg>
    </EdgeLabelRenderer>
  );
});

/**
 * One card's label, centred on the card: the key (bold) and the title in lines (`text`, one per line).
 * Plain values only, so a label whose card did not change is not drawn again when others do.
 */
const Label = memo(function Label({
  x,
  y,
  cardKey: key,
  text,
  dimmed,
}: {
  x: number;
  y: number;
  cardKey: string;
  text: string;
  dimmed: boolean;
}) {
  // Far out a label is its key alone: one element, not three (2,000 labels: 4,000 elements fewer to make).
  if (text === key) {
    return (
      <text x={x} y={y} className={dimmed ? 'far-key is-dimmed' : 'far-key'} data-key={key}>
        {key}
      </text>
    );
  }
  const lines = text.split('\n');
  return (
    <text x={x} y={y} className={dimmed ? 'is-dimmed' : undefined} data-key={key}>
      {lines.map((line, i) => {
        const dy = i === 0 ? `${-(lines.length - 1) * 0.56}em` : '1.12em';
        if (i === 0 && line.startsWith(key)) {
          return (
            <tspan key={i} x={x} dy={dy}>
              <tspan className="far-key">{key}</tspan>
              {line.slice(key.length)}
            </tspan>
          );
        }
        return (
          <tspan key={i} x={x} dy={dy}>
            {line}
          </tspan>
        );
      })}
    </text>
  );
});
