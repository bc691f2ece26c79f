import { NODE_KINDS, NODE_KIND_LABELS, type NodeKind } from '@throughline/domain';
import { useState } from 'react';

/** Downloads: one node kind as CSV or XLSX, and the audit's open findings as CSV (formula cells escaped by the API). */
export function ExportLinks() {
  const [kind, setKind] = useState<NodeKind>('project');
  return (
    <section className="card import-exports" aria-label="Exports">
      <h2>Export</h2>
      <label className="field">
        <span className="field-label">Node kind</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as NodeKind)}>
          {NODE_KINDS.map((k) => (
            <option key={k} value={k}>
              {NODE_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <a className="btn" href={`/api/portfolio/export.csv?kind=${kind}`} download>
        Download CSV
      </a>
      <a className="btn" href={`/api/portfolio/export.xlsx?kind=${kind}`} download>
        Download XLSX
      </a>
      <a className="btn" href="/api/audit/findings.csv" download>
        Audit findings (CSV)
      </a>
    </section>
  );
}
