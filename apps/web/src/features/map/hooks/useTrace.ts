import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { traceQuery } from '../../../api/graph.queries';
import type { Positions } from '../layout/geometry';
import { summariseTrace, traceHighlight } from '../model/trace';
import type { MapUrlState } from '../useMapUrl';
import type { SetMapUrl } from './useSelection';

interface TraceDeps {
  url: MapUrlState;
  setUrl: SetMapUrl;
  positions: Positions;
  laidOut: boolean;
  zoomTo: (ids: readonly string[]) => void;
  /** Called when a trace starts (the audit's finding gives way to it). */
  onStart: () => void;
}

/**
 * Trace mode: the node in the URL's `trace`, its chain up to the themes and its delivery from the
 * API, lit on the map and framed once per traced node, and a breadcrumb of it.
 */
export function useTrace({ url, setUrl, positions, laidOut, zoomTo, onStart }: TraceDeps) {
  const traceId = url.traceId ?? null;
  const tracing = useQuery({ ...traceQuery(traceId ?? '', 'both'), enabled: !!traceId });
  const highlight = useMemo(() => (tracing.data ? traceHighlight(tracing.data) : null), [tracing.data]);
  const summary = useMemo(() => (tracing.data ? summariseTrace(tracing.data) : null), [tracing.data]);

  // Trace mode frames the chain it lights, once per traced node (not again on a refetch).
  const framed = useRef<string | null>(null);
  useEffect(() => {
    if (!traceId) framed.current = null;
    if (!tracing.data || !laidOut || framed.current === tracing.data.rootId) return;
    framed.current = tracing.data.rootId;
    const shown = tracing.data.nodes.map((n) => n.id).filter((id) => positions[id]);
    if (shown.length) zoomTo(shown);
  }, [traceId, tracing.data, laidOut, positions, zoomTo]);

  /** Traces a node (and selects it). */
  const trace = useCallback(
    (id: string) => {
      onStart();
      setUrl({ traceId: id, selectedId: id });
    },
    [onStart, setUrl],
  );
  const leave = useCallback(() => setUrl({ traceId: null }), [setUrl]);
  /** The toolbar's button: leaves trace mode, or traces the selected node. */
  const selectedId = url.selectedId;
  const toggle = useCallback(() => {
    if (traceId) leave();
    else if (selectedId) trace(selectedId);
  }, [traceId, selectedId, leave, trace]);

  return {
    traceId,
    /** The trace's nodes and links, while in trace mode and once they are in (else null). */
    highlight: traceId ? highlight : null,
    summary,
    loading: tracing.isPending,
    trace,
    leave,
    toggle,
  };
}

export type Trace = ReturnType<typeof useTrace>;
