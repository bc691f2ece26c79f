import { useState } from 'react';
import './panels.css';

/**
 * A link's weight, edited in place: saved on Enter or when the field is left, if it changed and
 * is a number from 0 to 100 (empty clears it).
 */
export function WeightInput({ value, onSave }: { value: number | null; onSave: (weight: number | null) => void }) {
  const [text, setText] = useState(value === null ? '' : String(value));
  const parsed = text.trim() === '' ? null : Number(text);
  const valid = parsed === null || (Number.isFinite(parsed) && parsed >= 0 && parsed <= 100);
  const save = () => {
    if (valid && parsed !== value) onSave(parsed);
  };
  return (
    <label className="weight-input" title="Weight: the share (0–100) of this work's effort that serves the target">
      weight
      <input
        type="number"
        min={0}
        max={100}
        value={text}
        aria-invalid={!valid || undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      />
    </label>
  );
}
