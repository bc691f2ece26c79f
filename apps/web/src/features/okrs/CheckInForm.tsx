import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useAddCheckIn } from '../../api/nodes.queries';
import { describeError } from '../../ui/errors';
import { useToast } from '../../ui/toast';

/** Value, confidence 0–1 and a note; the key result's `current` becomes the value (docs/domain.md, "Check-ins"). */
export function CheckInForm({ keyResult, onDone }: { keyResult: { id: string; key: string }; onDone: () => void }) {
  const [value, setValue] = useState('');
  const [confidence, setConfidence] = useState('');
  const [note, setNote] = useState('');
  const add = useAddCheckIn(keyResult.id);
  const client = useQueryClient();
  const toast = useToast();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { value: Number(value), confidence: confidence === '' ? null : Number(confidence), note },
      {
        onSuccess: () => {
          toast(`Check-in recorded for ${keyResult.key}`, 'success');
          // The key result's `current` moved: the page's list of key results is stale.
          void client.invalidateQueries({ queryKey: ['nodes', 'okrs'] });
          onDone();
        },
        onError: (e) => toast(describeError(e), 'error'),
      },
    );
  };
  return (
    <form className="form-row okr-check-in" onSubmit={submit} aria-label={`Check in on ${keyResult.key}`}>
      <label className="field">
        <span className="field-label">Value</span>
        <input type="number" step="any" required value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Confidence (0–1)</span>
        <input
          type="number"
          step="0.05"
          min="0"
          max="1"
          value={confidence}
          onChange={(e) => setConfidence(e.target.value)}
        />
      </label>
      <label className="field okr-note">
        <span className="field-label">Note</span>
        <input value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" className="btn btn-primary" disabled={value === '' || add.isPending}>
        Record check-in
      </button>
      <button type="button" className="btn" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
