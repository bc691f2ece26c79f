import {
  NODE_HEALTHS,
  NODE_KINDS,
  NODE_KIND_LABELS,
  NODE_STATUSES,
  type BusinessUnitRecord,
  type GraphNode,
} from '@throughline/domain';
import { memo, useEffect, useId, useRef, useState } from 'react';
import type { MapFilters } from '../model/filters';
import './toolbar.css';

interface FilterBarProps {
  filters: MapFilters;
  units: readonly BusinessUnitRecord[];
  themes: readonly GraphNode[];
  onChange: (name: keyof MapFilters, value: string | null) => void;
}

/**
 * Unit, kind, health, status and theme; each one is a query parameter, so the filtered map can be shared. Behind one
 * "Filters" button (with how many are on, and which), opening a panel of labelled selects: five selects in the
 * toolbar itself were squeezed to unreadable stubs at 1280 px ("All uni", "Any l").
 */
export const FilterBar = memo(function FilterBar({ filters, units, themes, onChange }: FilterBarProps) {
  const active = Object.values(filters).filter(Boolean).length;
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  // A click elsewhere or Escape closes the panel. Escape is caught before the map's own keys see it (there it
  // would also drop the selection), and gives the focus back to the button unless it is elsewhere on purpose.
  useEffect(() => {
    if (!open) return;
    const away = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      setOpen(false);
      const focused = document.activeElement;
      if (!focused || focused === document.body || menu.current?.contains(focused)) toggle.current?.focus();
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('keydown', escape, true);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('keydown', escape, true);
    };
  }, [open]);
  const summary = describeFilters(filters, units, themes);
  return (
    <div className="filter-menu" ref={menu}>
      <button
        ref={toggle}
        type="button"
        className={`btn${active > 0 ? ' is-active' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        title={summary || 'Filter the map by unit, kind, health, status or theme'}
        onClick={() => setOpen((was) => !was)}
        data-testid="filters-toggle"
      >
        Filters{active > 0 ? ` · ${active}` : ''}
      </button>
      {active > 0 && (
        <button
          type="button"
          className="btn btn-small"
          title={`Clear: ${summary}`}
          onClick={() => (Object.keys(filters) as (keyof MapFilters)[]).forEach((k) => onChange(k, null))}
        >
          Clear {active}
        </button>
      )}
      {open && (
        <div className="filter-bar" id={panelId} role="group" aria-label="Filters">
          <label>
            <span>Business unit</span>
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
            <select
              aria-label="Kind"
              value={filters.kind ?? ''}
              onChange={(e) => onChange('kind', e.target.value || null)}
            >
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
        </div>
      )}
    </div>
  );
});

/** The filters that are on, in words ("Unit NET; Health red"): the button's title, so a glance says what is hidden. */
export function describeFilters(
  filters: MapFilters,
  units: readonly BusinessUnitRecord[],
  themes: readonly GraphNode[],
): string {
  const parts: string[] = [];
  if (filters.businessUnitId)
    parts.push(`Unit ${units.find((u) => u.id === filters.businessUnitId)?.key ?? filters.businessUnitId}`);
  if (filters.kind) parts.push(`Kind ${NODE_KIND_LABELS[filters.kind]}`);
  if (filters.health) parts.push(`Health ${filters.health}`);
  if (filters.status) parts.push(`Status ${filters.status.replace('_', ' ')}`);
  if (filters.themeId) parts.push(`Theme ${themes.find((t) => t.id === filters.themeId)?.key ?? filters.themeId}`);
  return parts.join('; ');
}
