import {
  NODE_HEALTHS,
  NODE_KINDS,
  NODE_KIND_LABELS,
  NODE_STATUSES,
  type BusinessUnitRecord,
  type GraphNode,
} from '@throughline/domain';
import { memo } from 'react';
import type { MapFilters } from '../model/filters';
import './toolbar.css';

interface FilterBarProps {
  filters: MapFilters;
  units: readonly BusinessUnitRecord[];
  themes: readonly GraphNode[];
  onChange: (name: keyof MapFilters, value: string | null) => void;
}

/** Unit, kind, health, status and theme; each one is a query parameter, so the filtered map can be shared. */
export const FilterBar = memo(function FilterBar({ filters, units, themes, onChange }: FilterBarProps) {
  const active = Object.values(filters).filter(Boolean).length;
  return (
    <div className="filter-bar" role="group" aria-label="Filters">
      <label>
        <span>Unit</span>
        <select
          aria-label="Business unit"
          value={filters.businessUnitId ?? ''}
          onChange={(e) => onChange('businessUnitId', e.target.value || null)}
        >
          <option value="">All units</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.key} — {u.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Kind</span>
        <select aria-label="Kind" value={filters.kind ?? ''} onChange={(e) => onChange('kind', e.target.value || null)}>
          <option value="">All kinds</option>
          {NODE_KINDS.map((k) => (
            <option key={k} value={k}>
              {NODE_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Health</span>
        <select
          aria-label="Health"
          value={filters.health ?? ''}
          onChange={(e) => onChange('health', e.target.value || null)}
        >
          <option value="">Any health</option>
          {NODE_HEALTHS.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Status</span>
        <select
          aria-label="Status"
          value={filters.status ?? ''}
          onChange={(e) => onChange('status', e.target.value || null)}
        >
          <option value="">Any status</option>
          {NODE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s.replace('_', ' ')}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Theme</span>
        <select
          aria-label="Theme"
          value={filters.themeId ?? ''}
          onChange={(e) => onChange('themeId', e.target.value || null)}
        >
          <option value="">All themes</option>
          {themes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.key} — {t.title}
            </option>
          ))}
        </select>
      </label>
      {active > 0 && (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => (Object.keys(filters) as (keyof MapFilters)[]).forEach((k) => onChange(k, null))}
        >
          Clear {active}
        </button>
      )}
    </div>
  );
});
