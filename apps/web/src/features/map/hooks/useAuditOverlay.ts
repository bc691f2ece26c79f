import type { AuditFinding, AuditSeverity } from '@throughline/domain';
import { useCallback, useMemo, useState } from 'react';
import type { DrawnGraph } from '../model/filters';
import { findingHighlight } from '../model/findings';
import type { MapUrlState } from '../useMapUrl';
import type { Reveal } from './useReveal';
import type { SetMapUrl } from './useSelection';

/**
 * The audit over the map: whether the findings panel is open and at which severity (in the URL),
 * and the finding picked in it, which the map lights (its nodes and the path that explains it).
 */
export function useAuditOverlay(url: MapUrlState, setUrl: SetMapUrl, graph: DrawnGraph, reveal: Reveal) {
  const [finding, setFinding] = useState<AuditFinding | null>(null);
  const highlight = useMemo(
    () => (finding ? findingHighlight(finding, graph.nodes, graph.links) : null),
    [finding, graph],
  );

  /** Lights a finding, leaving trace mode, and shows its nodes (the first one selected). */
  const pick = useCallback(
    (f: AuditFinding) => {
      setFinding(f);
      const ids = findingHighlight(f, graph.nodes, graph.links).nodeIds;
      reveal([...ids], { select: f.nodeIds[0] ?? null, also: { traceId: null } });
    },
    [graph, reveal],
  );
  const clear = useCallback(() => setFinding(null), []);
  const toggle = useCallback(() => setUrl({ auditOpen: !url.auditOpen }), [url.auditOpen, setUrl]);
  const close = useCallback(() => {
    setFinding(null);
    setUrl({ auditOpen: false });
  }, [setUrl]);
  const setSeverity = useCallback((severity: AuditSeverity | null) => setUrl({ severity }), [setUrl]);

  return { open: url.auditOpen, severity: url.severity, finding, highlight, pick, clear, toggle, close, setSeverity };
}

export type AuditOverlay = ReturnType<typeof useAuditOverlay>;
