import { KEY_PREFIXES, type BusinessUnitRecord, type NodeKind } from '@throughline/domain';
import { memo, useId } from 'react';
import { COMMON_FIELDS, kindFieldSpecs, type FieldName, type FieldSpec, type FormValues } from './nodeForm';
import './panels.css';

interface NodeFormProps {
  kind: NodeKind;
  values: FormValues;
  errors: Partial<Record<FieldName, string>>;
  units: readonly BusinessUnitRecord[];
  onChange: (name: FieldName, value: string) => void;
  disabled?: boolean;
}

/** The key's hint names the kind's own prefix ("e.g. OBJ-12" for an objective, not PRJ-31 for all). */
function withKindHint(spec: FieldSpec, kind: NodeKind): FieldSpec {
  return spec.name === 'key'
    ? { ...spec, hint: `Leave empty for the next free key (e.g. ${KEY_PREFIXES[kind]}-12)` }
    : spec;
}

/** Every field of a node of `kind`: the common ones, then its kind's own. */
export const NodeForm = memo(function NodeForm({ kind, values, errors, units, onChange, disabled }: NodeFormProps) {
  const kindFields = kindFieldSpecs(kind);
  return (
    <div className="node-form">
      {COMMON_FIELDS.slice(0, 6).map((spec) => (
        <Field key={spec.name} spec={withKindHint(spec, kind)} {...{ values, errors, units, onChange, disabled }} />
      ))}
      {kindFields.length > 0 && (
        <fieldset className="node-form-kind">
          <legend>Details</legend>
          {kindFields.map((spec) => (
            <Field key={spec.name} spec={spec} {...{ values, errors, units, onChange, disabled }} />
          ))}
        </fieldset>
      )}
      {COMMON_FIELDS.slice(6).map((spec) => (
        <Field key={spec.name} spec={spec} {...{ values, errors, units, onChange, disabled }} />
      ))}
    </div>
  );
});

interface FieldProps extends Omit<NodeFormProps, 'kind'> {
  spec: FieldSpec;
}

function Field({ spec, values, errors, units, onChange, disabled }: FieldProps) {
  const id = useId();
  const value = values[spec.name] ?? '';
  const error = errors[spec.name];
  const common = {
    id,
    name: spec.name,
    disabled,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error || spec.hint ? `${id}-note` : undefined,
  };
  let input;
  switch (spec.input) {
    case 'textarea':
      input = <textarea {...common} rows={3} value={value} onChange={(e) => onChange(spec.name, e.target.value)} />;
      break;
    case 'select':
      input = (
        <select {...common} value={value} onChange={(e) => onChange(spec.name, e.target.value)}>
          <option value="">—</option>
          {spec.options?.map((o) => (
            <option key={o} value={o}>
              {o.replace('_', ' ')}
            </option>
          ))}
        </select>
      );
      break;
    case 'unit':
      input = (
        <select {...common} value={value} onChange={(e) => onChange(spec.name, e.target.value)}>
          <option value="">None</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.key} — {u.name}
            </option>
          ))}
        </select>
      );
      break;
    case 'number':
      input = (
        <input
          {...common}
          type="number"
          inputMode="decimal"
          min={spec.min}
          max={spec.max}
          step={spec.step ?? 'any'}
          value={value}
          onChange={(e) => onChange(spec.name, e.target.value)}
        />
      );
      break;
    case 'date':
    case 'text':
      input = (
        <input {...common} type={spec.input} value={value} onChange={(e) => onChange(spec.name, e.target.value)} />
      );
      break;
  }
  return (
    <div className={`field field-${spec.name}${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{spec.label}</label>
      {input}
      {(error || spec.hint) && (
        <small id={`${id}-note`} className={error ? 'field-error' : 'field-hint'}>
          {error ?? spec.hint}
        </small>
      )}
    </div>
  );
}
