import { NODE_KINDS, type NodeKind } from '@throughline/domain';
import { useState } from 'react';

/** Downloads: one node kind as CSV or XLSX, and the audit's open findings as CSV (formula cells escaped by the API). */
export function ExportLinks() {
  const [kind, setKind] = useState<NodeKind>('project');
  return (
    <section className="import-exports" aria-label="Exports">
      <h2>Export</h2>
      <label>
        Node kind
        <select value={kind} onChange={(e) => setKind(e.target.value as NodeKind)}>
          {NODE_KINDS.map((k) => (
            <option key={k} value={k}>
              {k.replace('_', ' ')}
            </option>
          ))}
        </select>
      </label>
      <a className="button" href={`/api/portfolio/export.csv?kind=${kind}`} download>
        Download CSV
      </a>
      <a className="button" href={`/api/portfolio/export.xlsx?kind=${kind}`} download>
        Download XLSX
      </a>
      <a className="button" href="/api/audit/findings.csv" download>
        Audit findings (CSV)
      </a>
    </section>
  );
}
