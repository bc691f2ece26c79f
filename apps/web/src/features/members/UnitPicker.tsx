import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { businessUnitsQuery } from '../../api/businessUnits.queries';
import { useClickAway } from '../../ui/useClickAway';

/**
 * The business units a contributor works for, as checkboxes in a drop-down: the summary names the
 * chosen units' keys, so a table row stays one line.
 */
export function UnitPicker({
  value,
  onChange,
  disabled,
  label,
}: {
  value: string[];
  onChange: (unitIds: string[]) => void;
  disabled?: boolean;
  label: string;
}) {
  const units = useQuery(businessUnitsQuery());
  const box = useRef<HTMLDetailsElement>(null);
  // A click anywhere else closes the list, as a select's would.
  useClickAway(box, true, () => {
    if (box.current) box.current.open = false;
  });
  const all = units.data ?? [];
  const chosen = all.filter((u) => value.includes(u.id));
  const summary = chosen.length === 0 ? 'No units' : chosen.map((u) => u.key).join(', ');
  return (
    <details ref={box} className={`unit-picker${chosen.length === 0 ? ' is-empty' : ''}`} aria-disabled={disabled}>
      <summary aria-label={`${label}: ${summary}`}>{summary}</summary>
      <div className="unit-picker-list" role="group" aria-label={label}>
        {all.length === 0 && <p className="muted">No business units yet: an admin adds them in Settings.</p>}
        {all.map((unit) => (
          <label key={unit.id}>
            <input
              type="checkbox"
              disabled={disabled}
              checked={value.includes(unit.id)}
              onChange={(e) => onChange(e.target.checked ? [...value, unit.id] : value.filter((id) => id !== unit.id))}
            />
            <span>
              <strong>{unit.key}</strong> {unit.name}
            </span>
          </label>
        ))}
      </div>
    </details>
  );
}
