import type { InterchangeDiff, SectionDiff } from '@throughline/domain';
import type { SheetImportResult } from '../../api/import.queries';
import { fieldLabel } from './fieldLabels';

/** The sections shown, in the document's order; the governance ones only when the dry run has them. */
const SECTIONS: { key: keyof InterchangeDiff; label: string }[] = [
  { key: 'okrCycles', label: 'OKR cycles' },
  { key: 'nodes', label: 'Nodes' },
  { key: 'links', label: 'Links' },
  { key: 'waivers', label: 'Waivers' },
  { key: 'raid', label: 'RAID items' },
];

/** A cell's value as the diff shows it. */
export function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The dry run's answer: counts per section, then what would be created and what would change, field by field. */
export function DiffView({ result, diff }: { result: SheetImportResult; diff: InterchangeDiff }) {
  const sections = SECTIONS.flatMap(({ key, label }) => {
    const section = diff[key];
    return section && total(section) > 0 ? [{ key, label, section }] : [];
  });
  return (
    <section className="card import-diff" aria-label="Dry run" data-testid="import-diff">
      <h2>What the import would do</h2>
      <p className="muted">
        {result.rows} rows read from the {result.format.toUpperCase()} file (mapping{' '}
        {result.mappingSource === 'remembered'
          ? 'remembered'
          : result.mappingSource === 'guessed'
            ? 'guessed from the headers'
            : 'as chosen'}
        ). Nothing has been written yet.
      </p>
      <table className="table import-counts" data-testid="diff-counts">
        <thead>
          <tr>
            <th />
            <th>To create</th>
            <th>To change</th>
            <th>Unchanged</th>
          </tr>
        </thead>
        <tbody>
          {sections.map(({ key, label, section }) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td>{section.created}</td>
              <td>{section.updated}</td>
              <td>{section.unchanged}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sections.map(({ key, label, section }) => (
        <SectionList key={key} label={label} section={section} />
      ))}
    </section>
  );
}

const total = (s: SectionDiff) => s.created + s.updated + s.unchanged;

function SectionList({ label, section }: { label: string; section: SectionDiff }) {
  if (section.creates.length === 0 && section.updates.length === 0) return null;
  return (
    <table className="table import-changes">
      <caption>
        {label}
        {section.truncated ? ' (the first 500 of each list)' : ''}
      </caption>
      <thead>
        <tr>
          <th>Key</th>
          <th>Change</th>
          <th>Field</th>
          <th>Before</th>
          <th>After</th>
        </tr>
      </thead>
      <tbody>
        {section.creates.map((key) => (
          <tr key={`c-${key}`} data-testid="diff-create">
            <td>{key}</td>
            <td>create</td>
            <td colSpan={3} />
          </tr>
        ))}
        {section.updates.flatMap(({ key, changes }) =>
          changes.map((c) => (
            <tr key={`u-${key}-${c.field}`} data-testid="diff-update">
              <td>{key}</td>
              <td>change</td>
              <td>{fieldLabel(c.field)}</td>
              <td>{shown(c.before)}</td>
              <td>{shown(c.after)}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
