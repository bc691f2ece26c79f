import {
  NODE_HEALTHS,
  NODE_KINDS,
  NODE_KIND_LABELS,
  NODE_STATUSES,
  type BusinessUnitRecord,
  type GraphNode,
} from '@throughline/domain';
import { memo, useEffect, useId, useRef, useState } from 'react';
import { useClickAway } from '../../../ui/useClickAway';
import type { MapFilters } from '../model/filters';
import './toolbar.css';

interface FilterBarProps {
  filters: MapFilters;
  units: readonly BusinessUnitRecord[];
  themes: readonly GraphNode[];
  onChange: (name: keyof MapFilters, value: string | null) => void;
}

/** One filter: its query parameter, its select's label and "all" option, its choices (with a short name for the title). */
interface FilterChoice {
  name: keyof MapFilters;
  label: string;
  short: string;
  all: string;
  options: { value: string; label: string; short: string }[];
}

/** The five filters and their choices, in the panel's order: what the selects show and the button's title words. */
function filterChoices(units: readonly BusinessUnitRecord[], themes: readonly GraphNode[]): FilterChoice[] {
  const words = (value: string) => value.replace('_', ' ');
  return [
    {
      name: 'businessUnitId',
      label: 'Business unit',
      short: 'Unit',
      all: 'All units',
      options: units.map((u) => ({ value: u.id, label: `${u.key} — ${u.name}`, short: u.key })),
    },
    {
      name: 'kind',
      label: 'Kind',
      short: 'Kind',
      all: 'All kinds',
      options: NODE_KINDS.map((k) => ({ value: k, label: NODE_KIND_LABELS[k], short: NODE_KIND_LABELS[k] })),
    },
    {
      name: 'health',
      label: 'Health',
      short: 'Health',
      all: 'Any health',
      options: NODE_HEALTHS.map((h) => ({ value: h, label: h, short: h })),
    },
    {
      name: 'status',
      label: 'Status',
      short: 'Status',
      all: 'Any status',
      options: NODE_STATUSES.map((s) => ({ value: s, label: words(s), short: words(s) })),
    },
    {
      name: 'themeId',
      label: 'Theme',
      short: 'Theme',
      all: 'All themes',
      options: themes.map((t) => ({ value: t.id, label: `${t.key} — ${t.title}`, short: t.key })),
    },
  ];
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
  useClickAway(menu, open, () => setOpen(false));
  // Escape closes the panel too, caught before the map's own keys see it (there it would also drop the selection),
  // and gives the focus back to the button unless it is elsewhere on purpose.
  useEffect(() => {
    if (!open) return;
    const escape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      setOpen(false);
      const focused = document.activeElement;
      if (!focused || focused === document.body || menu.current?.contains(focused)) toggle.current?.focus();
    };
    document.addEventListener('keydown', escape, true);
    return () => document.removeEventListener('keydown', escape, true);
  }, [open]);
  const choices = filterChoices(units, themes);
  const summary = describe(filters, choices);
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
          {choices.map((choice) => (
            <label key={choice.name}>
              <span>{choice.label}</span>
              <select
                aria-label={choice.label}
                value={filters[choice.name] ?? ''}
                onChange={(e) => onChange(choice.name, e.target.value || null)}
              >
                <option value="">{choice.all}</option>
                {choice.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
          ))}
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
  return describe(filters, filterChoices(units, themes));
}

function describe(filters: MapFilters, choices: readonly FilterChoice[]): string {
  return choices
    .flatMap(({ name, short, options }) => {
      const value = filters[name];
      return value ? [`${short} ${options.find((o) => o.value === value)?.short ?? value}`] : [];
    })
    .join('; ');
}
