import type { GraphLink, GraphNode } from '@throughline/domain';
import { useEffect, useRef } from 'react';
import { useWindowKeydown } from '../../../ui/useWindowKeydown';
import { NODE_HEIGHT, NODE_WIDTH, type Positions, type XY } from '../layout/geometry';
import { nextNode } from '../model/keyboardNav';
import type { Direction } from '../model/spatial';
import { isTyping } from '../toolbar/SearchBox';
import type { AuditOverlay } from './useAuditOverlay';
import type { MapEditing } from './useMapEditing';
import type { Selection } from './useSelection';
import type { Trace } from './useTrace';

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

interface KeyboardDeps {
  /** A dialog is open: it has the keyboard. */
  blocked: boolean;
  selection: Pick<Selection, 'selectedId' | 'selectedEdge' | 'newKind' | 'select' | 'selectEdge' | 'closeNew'>;
  trace: Pick<Trace, 'traceId' | 'trace' | 'leave'>;
  audit: Pick<AuditOverlay, 'finding' | 'clear'>;
  editing: Pick<MapEditing, 'requestDeleteSelection'>;
  drawn: readonly GraphNode[];
  /** The drawn links: the arrows follow the chain (`nextNode`). */
  links?: readonly Pick<GraphLink, 'from' | 'to' | 'kind'>[];
  positions: Positions;
  /** Centres the map on a point (React Flow's `setCenter`, zoomed in enough to read). */
  centreOn: (at: XY) => void;
  /** `?` the legend, Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo, `L` "Link to…" the selection. */
  shortcuts?: {
    legend?: () => void;
    undo?: () => void;
    redo?: () => void;
    link?: (id: string) => void;
    /** Escape's first say (an overlay to close): true when it used the key. */
    escape?: () => boolean;
  };
}

/** The first node in reading order (top to bottom, then left to right), not in key order. */
export function readingOrderFirst(candidates: readonly { id: string; at: XY }[]): string | null {
  let best: { id: string; at: XY } | null = null;
  for (const c of candidates) {
    if (!best || c.at.y < best.at.y - 1 || (Math.abs(c.at.y - best.at.y) <= 1 && c.at.x < best.at.x)) best = c;
  }
  return best?.id ?? null;
}

/** A key pressed on the map itself (its one Tab stop or inside it), not on a button or a panel. */
function onMap(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    !!target.closest('[data-testid=map-canvas]') &&
    !target.closest('button, a, input, select, textarea, [role=button], [role=tab]')
  );
}

/**
 * The map's keys (the search box has `/`): arrows move the selection along the links (down to
 * what delivers it, up to what it serves, left and right to its siblings; the nearest node that
 * way when no link leads there), Space on the map selects (the last node the arrows left, else the
 * first in reading order) or deselects, Enter opens the selection in the inspector, `T` traces, `L` links, `?` the legend, Ctrl+Z / Ctrl+Shift+Z undo and redo, Delete asks to delete the selected link or node, and Escape leaves trace mode,
 * clears the finding, closes the new-node form, deselects the link, then the node — one per press.
 */
export function useMapKeyboard(deps: KeyboardDeps) {
  const { blocked, selection, trace, audit, editing, drawn, links = [], positions, centreOn, shortcuts = {} } = deps;
  const { selectedId, selectedEdge, newKind, select, selectEdge, closeNew } = selection;
  // The node Space brings back after Space let it go.
  const lastSelected = useRef<string | null>(null);
  useEffect(() => {
    if (selectedId) lastSelected.current = selectedId;
  }, [selectedId]);
  const drawnPositions = () => {
    const at: Positions = {};
    for (const n of drawn) if (positions[n.id]) at[n.id] = positions[n.id];
    return at;
  };
  const firstInReadingOrder = (at: Positions) =>
    readingOrderFirst(Object.entries(at).map(([id, xy]) => ({ id, at: xy })));
  const moveTo = (next: string, at: Positions) => {
    select(next);
    centreOn({ x: at[next].x + NODE_WIDTH / 2, y: at[next].y + NODE_HEIGHT / 2 });
  };
  useWindowKeydown((e) => {
    if (isTyping(e.target) || blocked) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'z' && !e.shiftKey && shortcuts.undo) shortcuts.undo();
    else if (mod && (e.key.toLowerCase() === 'y' || (e.key.toLowerCase() === 'z' && e.shiftKey)) && shortcuts.redo)
      shortcuts.redo();
    else if (mod || e.altKey) return;
    else if (e.key === '?' && shortcuts.legend) shortcuts.legend();
    else if (e.key === 'l' && selectedId && shortcuts.link) shortcuts.link(selectedId);
    else if (e.key === 'Delete' || e.key === 'Backspace') {
      if (!editing.requestDeleteSelection(selectedEdge, selectedId)) return;
    } else if (e.key === 'Escape') {
      if (shortcuts.escape?.()) {
        // closed an overlay
      } else if (trace.traceId) trace.leave();
      else if (audit.finding) audit.clear();
      else if (newKind) closeNew();
      else if (selectedEdge) selectEdge(null);
      else if (selectedId) select(null);
      else return;
    } else if (ARROWS[e.key]) {
      const at = drawnPositions();
      const next =
        selectedId && at[selectedId] ? nextNode(selectedId, ARROWS[e.key], links, at) : firstInReadingOrder(at);
      if (!next) return;
      moveTo(next, at);
    } else if (e.key === ' ' && onMap(e.target)) {
      // On the map only: elsewhere Space presses buttons and ticks boxes.
      if (selectedId) select(null);
      else {
        const at = drawnPositions();
        const next = lastSelected.current && at[lastSelected.current] ? lastSelected.current : firstInReadingOrder(at);
        if (!next) return;
        moveTo(next, at);
      }
    } else if (e.key === 'Enter' && selectedId && !(e.target instanceof HTMLButtonElement)) {
      // Enter opens the selected node: the inspector takes the focus.
      document.querySelector<HTMLElement>('[data-testid=node-panel] [role=tab]')?.focus();
    } else if (e.key === 't' && selectedId) {
      trace.trace(selectedId);
    } else return;
    e.preventDefault();
  });
}
