import type { BusinessUnitRecord, GraphNode } from '@throughline/domain';
import { memo } from 'react';
import type { MapScope } from '../useMapUrl';

interface ScopePickerProps {
  scope: MapScope | null;
  rootId?: string;
  unitId?: string;
  root: GraphNode | undefined;
  units: readonly BusinessUnitRecord[];
  onChange: (scope: MapScope, target?: string) => void;
}

/**
 * What the map draws. The whole organisation while it fits (≤ 2,000 nodes); otherwise its strategy
 * with delivery collapsed into counts, a unit's work with what it serves, or one node's chain.
 */
export const ScopePicker = memo(function ScopePicker({
  scope,
  rootId,
  unitId,
  root,
  units,
  onChange,
}: ScopePickerProps) {
  const value = scope === 'business_unit' ? `unit:${unitId}` : scope === 'chain' ? `root:${rootId}` : (scope ?? 'all');
  return (
    <label className="scope-picker">
      <span>View</span>
      <select
        aria-label="View"
        value={value}
        onChange={(e) => {
          const v = e.target.value;
          if (v.startsWith('unit:')) onChange('business_unit', v.slice(5));
          else if (v === 'all' || v === 'strategy') onChange(v);
        }}
      >
        <option value="all">Whole organisation</option>
        <option value="strategy">Strategy only (delivery as counts)</option>
        {scope === 'chain' && <option value={`root:${rootId}`}>Chain of {root?.key ?? 'a node'}</option>}
        <optgroup label="A business unit and what it serves">
          {units.map((u) => (
            <option key={u.id} value={`unit:${u.id}`}>
              {u.key} — {u.name}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
});
