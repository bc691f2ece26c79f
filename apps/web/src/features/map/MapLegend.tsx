import { LINK_KINDS, NODE_KIND_LABELS, type LinkKind, type NodeKind } from '@throughline/domain';
import { useState } from 'react';
import { KIND_COLOURS, LINK_COLOURS } from '../../ui/kindColours';
import { LINK_VERB } from './model/linkWords';
import './legend.css';

const KINDS = Object.keys(KIND_COLOURS) as NodeKind[];

/** A link's line as the map draws it: solid chain links, dotted dependencies, dashed proposals. */
function Line({ kind, proposed = false }: { kind: LinkKind; proposed?: boolean }) {
  const dash = kind === 'depends_on' ? '2 4' : proposed ? '7 5' : undefined;
  return (
    <svg width="44" height="10" aria-hidden="true">
      <line x1="2" y1="5" x2="42" y2="5" stroke={LINK_COLOURS[kind]} strokeWidth="2" strokeDasharray={dash} />
    </svg>
  );
}

/**
 * What the map's colours, lines, dots and rings mean, one click away (and `?`). Closed by default;
 * it sits at the top right of the map, clear of the controls and the minimap.
 */
export function MapLegend({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  return (
    <div className="map-legend-wrap">
      <button
        type="button"
        className={`btn btn-small legend-toggle${open ? ' is-active' : ''}`}
        aria-expanded={open}
        aria-controls="map-legend"
        onClick={onToggle}
        title="What the colours, lines and rings mean (?)"
      >
        Legend
      </button>
      {open && <LegendBody />}
    </div>
  );
}

function LegendBody() {
  return (
    <section id="map-legend" className="map-legend" aria-label="Legend" data-testid="legend">
      <h3>Cards</h3>
      <ul className="legend-kinds">
        {KINDS.map((kind) => (
          <li key={kind}>
            <span className="legend-swatch" style={{ background: KIND_COLOURS[kind] }} />
            {NODE_KIND_LABELS[kind]}
          </li>
        ))}
      </ul>
      <h3>Links</h3>
      <ul>
        {LINK_KINDS.map((kind) => (
          <li key={kind}>
            <Line kind={kind} /> {LINK_VERB[kind]}
          </li>
        ))}
        <li>
          <Line kind="contributes_to" proposed /> proposed: counts nowhere until a PMO approves it
        </li>
      </ul>
      <h3>Health</h3>
      <ul>
        <li>
          <span className="tl-dot health-green" /> reported by the owner (green, amber, red; grey: not reported)
        </li>
        <li>
          <span className="tl-dot health-green" />
          <span className="tl-dot tl-dot-derived health-red" /> a second dot: the health derived from its delivery, when
          it differs
        </li>
      </ul>
      <h3>Rings and marks</h3>
      <ul>
        <li>
          <span className="legend-ring is-error" /> an audit error on this node
        </li>
        <li>
          <span className="legend-badge">2</span> its open findings (errors and warnings)
        </li>
        <li>
          <span className="legend-ring is-lit" /> in the trace or finding you picked
        </li>
        <li>
          <span className="legend-ring is-proposed" /> a dashed card: proposed work, not started
        </li>
      </ul>
      <h3>Keys (with the map focused)</h3>
      <dl className="legend-keys">
        <dt>↓ ↑</dt>
        <dd>to what delivers the selected card, to what it serves</dd>
        <dt>← →</dt>
        <dd>to the cards beside it under the same parent (the nearest card when no link leads there)</dd>
        <dt>Space</dt>
        <dd>select or let go</dd>
        <dt>Enter</dt>
        <dd>open it in the inspector</dd>
        <dt>T, L, Delete</dt>
        <dd>trace, link to…, delete</dd>
        <dt>/ and ?</dt>
        <dd>search, this legend</dd>
      </dl>
      <p className="muted">
        Drag from a card’s top or bottom edge and drop on another card to link them, or use “Link to…”. Zoomed out,
        cards show their key and title.
      </p>
    </section>
  );
}

/** Whether the legend is open: local to the screen, toggled by its button and `?`. */
export function useLegend() {
  const [open, setOpen] = useState(false);
  return { open, toggle: () => setOpen((o) => !o) };
}
