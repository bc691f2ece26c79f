import {
  NODE_KINDS,
  isWorkKind,
  type AuditReport,
  type AuditReportWithWaivers,
  type WaivedFinding,
} from '@throughline/domain';
import { useMemo } from 'react';
import { useMapPermissions } from './hooks/useMapPermissions';
import type { UseQueryResult } from '@tanstack/react-query';
import { FindingsPanel } from '../audit/FindingsPanel';
import type { AuditOverlay } from './hooks/useAuditOverlay';
import type { Selection } from './hooks/useSelection';
import { Palette } from './toolbar/Palette';
import { WaivedFindings } from './WaivedFindings';
import './map.css';

interface MapSidebarProps {
  selection: Pick<Selection, 'newKind' | 'startNew'>;
  audit: AuditOverlay;
  report: UseQueryResult<AuditReport>;
  onUnwaive: (finding: WaivedFinding) => void;
}

/** The left of the map: the palette, and the audit's findings while the overlay is open. */
export function MapSidebar({ selection, audit, report, onUnwaive }: MapSidebarProps) {
  const permissions = useMapPermissions();
  // A contributor adds work of its own units (the form offers those units); strategy is a PMO's.
  const kinds = useMemo(
    () => NODE_KINDS.filter((kind) => (isWorkKind(kind) ? permissions.addWork : permissions.editNode({ kind }))),
    [permissions],
  );
  return (
    <div className="map-left">
      <Palette onPick={selection.startNew} active={selection.newKind} kinds={kinds} />
      {audit.open && (
        <FindingsPanel
          report={report.data}
          loading={report.isPending}
          error={report.isError ? report.error.message : null}
          severity={audit.severity}
          focusedId={audit.finding?.id ?? null}
          onSeverity={audit.setSeverity}
          onPick={audit.pick}
          onClose={audit.close}
        />
      )}
      {audit.open && (
        <WaivedFindings
          waived={(report.data as AuditReportWithWaivers | undefined)?.waived ?? []}
          canUnwaive={permissions.waive}
          onShow={audit.pick}
          onUnwaive={onUnwaive}
        />
      )}
    </div>
  );
}
