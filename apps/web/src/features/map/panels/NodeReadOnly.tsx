import type { BusinessUnitRecord, NodeRecord } from '@throughline/domain';
import { useFormat, type Format } from '../../../ui/format';
import { COMMON_FIELDS, kindFieldSpecs, toFormValues, type FieldSpec, type FormValues } from './nodeForm';
import { readOnlyReason } from './readOnly';
import './panels.css';

interface NodeReadOnlyProps {
  record: NodeRecord;
  units: readonly BusinessUnitRecord[];
}

/**
 * A node's fields as text, for a member who may not change it: the same fields in the same order
 * as the form (so nothing is hidden), no inputs, and a line saying who may change it.
 */
export function NodeReadOnly({ record, units }: NodeReadOnlyProps) {
  const format = useFormat();
  const values = toFormValues(record);
  const kindFields = kindFieldSpecs(record.kind);
  const item = (spec: FieldSpec) => (
    <div key={spec.name} className={`field field-${spec.name} field-read-only`}>
      <dt>{spec.label}</dt>
      <dd>{shown(spec, values, units, format)}</dd>
    </div>
  );
  return (
    <div className="node-read-only">
      <p className="read-only-reason" role="note" data-testid="read-only-reason">
        {readOnlyReason(record, units)}
      </p>
      <dl className="node-form">
        {COMMON_FIELDS.slice(0, 6).map(item)}
        {kindFields.map(item)}
        {COMMON_FIELDS.slice(6).map(item)}
      </dl>
      <div className="panel-footer">
        <span className="muted">
          Version {record.version} · {record.updatedBy}
        </span>
      </div>
    </div>
  );
}

/** A field's value as a person reads it: dates and money in the organisation's locale and currency, units named. */
function shown(spec: FieldSpec, values: FormValues, units: readonly BusinessUnitRecord[], format: Format): string {
  const value = values[spec.name] ?? '';
  if (value === '') return '—';
  if (spec.input === 'unit') {
    const unit = units.find((u) => u.id === value);
    return unit ? `${unit.key} — ${unit.name}` : '—';
  }
  if (spec.input === 'date') return format.date(value);
  if (spec.money) return format.money(value);
  if (spec.input === 'number' && spec.name !== 'confidence') return format.number(Number(value));
  return spec.input === 'select' ? value.replace('_', ' ') : value;
}
