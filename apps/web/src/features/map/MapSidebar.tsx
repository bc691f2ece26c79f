import type { AuditReport } from '@throughline/domain';
import type { UseQueryResult } from '@tanstack/react-query';
import { FindingsPanel } from '../audit/FindingsPanel';
import type { AuditOverlay } from './hooks/useAuditOverlay';
import type { Selection } from './hooks/useSelection';
import { Palette } from './toolbar/Palette';
import './map.css';

interface MapSidebarProps {
  selection: Pick<Selection, 'newKind' | 'startNew'>;
  audit: AuditOverlay;
  report: UseQueryResult<AuditReport>;
}

/** The left of the map: the palette, and the audit's findings while the overlay is open. */
export function MapSidebar({ selection, audit, report }: MapSidebarProps) {
  return (
    <div className="map-left">
      <Palette onPick={selection.startNew} active={selection.newKind} />
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
    </div>
  );
}
