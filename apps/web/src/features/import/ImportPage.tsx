import { useQuery, useQueryClient } from '@tanstack/react-query';
import { SHEET_KINDS, type SheetKind } from '@throughline/domain';
import { useState } from 'react';
import { ApiError } from '../../api/http';
import {
  csvHeader,
  mappingQuery,
  uploadSheet,
  type SheetImportResult,
  type SheetProblem,
} from '../../api/import.queries';
import { describeError } from '../../ui/errors';
import { DiffView } from './DiffView';
import { ExportLinks } from './ExportLinks';
import { fieldLabel } from './fieldLabels';
import './import.css';

export const SHEET_LABELS: Record<SheetKind, string> = {
  projects: 'Projects',
  bau: 'BAU activities',
  assets: 'Assets',
  objectives: 'Objectives',
  key_results: 'Key results',
  links: 'Links',
};

type Stage =
  | { step: 'idle' }
  | { step: 'sending'; dryRun: boolean; progress: number }
  | { step: 'checked'; result: SheetImportResult }
  | { step: 'refused'; problems: SheetProblem[]; message: string }
  | { step: 'applied'; result: SheetImportResult };

/**
 * `/import` (issue 13, a PMO's or admin's): a CSV or XLSX of one sheet kind, its columns mapped to
 * fields (the organisation's remembered mapping preselected), a dry run showing what would be
 * created and changed — or every refused cell by line and column — then the import itself. The
 * spreadsheet exports sit beside it.
 */
export function ImportPage() {
  const client = useQueryClient();
  const [kind, setKind] = useState<SheetKind>('projects');
  const [file, setFile] = useState<File | null>(null);
  const [columns, setColumns] = useState<string[]>([]);
  const [chosenFields, setChosenFields] = useState<Record<string, string>>({});
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const info = useQuery(mappingQuery(kind));

  // The user's choices, over the remembered mapping (which preselects the columns it names).
  const remembered = info.data?.mapping ?? {};
  const mapping = Object.fromEntries(columns.map((c) => [c, chosenFields[c] ?? remembered[c] ?? '']));

  const pick = async (picked: File | null) => {
    setFile(picked);
    setStage({ step: 'idle' });
    setColumns(picked && !/\.xlsx$/i.test(picked.name) ? await csvHeader(picked) : []);
  };

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setStage({ step: 'sending', dryRun, progress: 0 });
    const chosen = Object.values(mapping).some(Boolean)
      ? Object.fromEntries(Object.entries(mapping).filter(([, f]) => f))
      : undefined;
    try {
      const result = await uploadSheet(file, {
        kind,
        dryRun,
        mapping: chosen,
        onProgress: (progress) => setStage({ step: 'sending', dryRun, progress }),
      });
      if (!chosen) {
        setColumns(result.columns);
        setChosenFields(Object.fromEntries(result.columns.map((c) => [c, result.mapping[c] ?? ''])));
      }
      setStage({ step: dryRun ? 'checked' : 'applied', result });
      if (!dryRun) await client.invalidateQueries();
    } catch (error) {
      const problems =
        error instanceof ApiError && error.body.code === 'IMPORT_INVALID' && Array.isArray(error.body.details)
          ? (error.body.details as SheetProblem[])
          : [];
      setStage({ step: 'refused', problems, message: describeError(error) });
    }
  };

  const fields = info.data?.fields ?? [];
  const sending = stage.step === 'sending';
  return (
    <div className="page">
      <div className="page-inner import-page">
        <h1 className="page-title">Import a spreadsheet</h1>
        <p className="page-lead">
          One sheet kind per file, CSV or XLSX, first row the column names. Check it first: nothing is written until you
          import, and a file with a bad row is not imported at all.
        </p>
        <section className="card form-row import-form" aria-label="The file">
          <label className="field">
            <span className="field-label">Sheet kind</span>
            <select
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as SheetKind);
                setStage({ step: 'idle' });
              }}
            >
              {SHEET_KINDS.map((k) => (
                <option key={k} value={k}>
                  {SHEET_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">File</span>
            <input type="file" accept=".csv,.xlsx,text/csv" onChange={(e) => void pick(e.target.files?.[0] ?? null)} />
          </label>
        </section>

        {columns.length > 0 && (
          <section className="card" aria-label="Column mapping">
            <h2>Columns</h2>
            <p className="muted">
              Each column of the file and the field it fills; a column named like a field is matched for you. Fields
              marked “required” must have a column.
            </p>
            <table className="table import-mapping">
              <thead>
                <tr>
                  <th>Column in the file</th>
                  <th>Field</th>
                </tr>
              </thead>
              <tbody>
                {columns.map((column) => (
                  <tr key={column}>
                    <td>{column}</td>
                    <td>
                      <select
                        aria-label={`Field for ${column}`}
                        value={mapping[column] ?? ''}
                        onChange={(e) => setChosenFields({ ...chosenFields, [column]: e.target.value })}
                      >
                        <option value="">(ignore)</option>
                        {fields.map((f) => (
                          <option key={f.field} value={f.field} title={f.rule}>
                            {fieldLabel(f.field)}
                            {f.required ? ' (required)' : ''}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}

        <div className="import-actions">
          <button type="button" className="btn" disabled={!file || sending} onClick={() => void send(true)}>
            Check (dry run)
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!file || sending || stage.step !== 'checked'}
            onClick={() => void send(false)}
          >
            Import
          </button>
        </div>

        {sending && (
          <div className="import-progress">
            <progress aria-label="Upload" max={1} value={stage.progress} />
            <span>{stage.progress < 1 ? `Uploading… ${Math.round(stage.progress * 100)}%` : 'Reading the file…'}</span>
          </div>
        )}
        {stage.step === 'checked' && stage.result.diff && <DiffView result={stage.result} diff={stage.result.diff} />}
        {stage.step === 'applied' && stage.result.summary && (
          <p className="import-done" role="status" data-testid="import-done">
            Imported {stage.result.rows} rows: {stage.result.summary.nodes.created + stage.result.summary.links.created}{' '}
            created, {stage.result.summary.nodes.updated + stage.result.summary.links.updated} changed. The mapping is
            remembered for the next {SHEET_LABELS[kind].toLowerCase()} file.
          </p>
        )}
        {stage.step === 'refused' && <Problems message={stage.message} problems={stage.problems} />}

        <ExportLinks />
      </div>
    </div>
  );
}

function Problems({ message, problems }: { message: string; problems: SheetProblem[] }) {
  return (
    <section className="import-problems" aria-label="Problems" data-testid="import-problems">
      <p role="alert">{message}</p>
      {problems.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>Line</th>
              <th>Column</th>
              <th>Problem</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i} data-testid="problem-row">
                <td>{p.line || '—'}</td>
                <td>{p.column ?? p.field ?? '—'}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
