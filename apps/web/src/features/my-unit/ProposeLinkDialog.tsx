import type { ApiNode } from '../../api/contract';
import { useId, useState } from 'react';
import { useProposeLink } from '../../api/proposals.queries';
import { describeError } from '../../ui/errors';
import { FormError } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { useToast } from '../../ui/toast';
import { DependencyPicker } from './DependencyPicker';

/**
 * "Propose a link" from a work item to an objective or key result, with the interpretation note
 * (how this work serves that priority; required) and a weight (0–100, the share of the item's
 * effort). It waits in the PMO's inbox and counts nowhere until approved.
 */
export function ProposeLinkDialog(props: { from: ApiNode; targets: readonly ApiNode[]; onClose: () => void }) {
  const [mode, setMode] = useState<'serves' | 'depends'>('serves');
  const [toId, setToId] = useState('');
  const [dependsOn, setDependsOn] = useState<ApiNode | null>(null);
  const [note, setNote] = useState('');
  const [weight, setWeight] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const propose = useProposeLink();
  const toast = useToast();
  const ids = { target: useId(), note: useId(), weight: useId() };
  const objectives = props.targets.filter((t) => t.kind === 'objective');
  const keyResults = props.targets.filter((t) => t.kind === 'key_result');
  const weightNumber = weight.trim() === '' ? null : Number(weight);
  const weightProblem =
    weightNumber !== null && (!Number.isFinite(weightNumber) || weightNumber < 0 || weightNumber > 100)
      ? 'A weight is 0–100'
      : null;
  const serves = mode === 'serves';
  const send = () => {
    if (serves && !toId) return setFailure('Choose the objective or key result this work serves.');
    if (!serves && !dependsOn) return setFailure("Choose the other unit's work this depends on.");
    if (!note.trim())
      return setFailure(
        serves
          ? 'Write how this work serves that priority (the interpretation note).'
          : 'Write what this work needs from the other (the note).',
      );
    if (serves && weightProblem) return setFailure(weightProblem);
    setFailure(null);
    propose.mutate(
      serves
        ? { fromId: props.from.id, toId, kind: 'contributes_to', rationale: note, weight: weightNumber }
        : { fromId: props.from.id, toId: dependsOn!.id, kind: 'depends_on', rationale: note },
      {
        onSuccess: () => {
          toast(
            serves
              ? 'Link proposed: it waits for a PMO lead in the approval inbox'
              : 'Dependency declared: the other unit (or a PMO lead) acknowledges it',
            'success',
          );
          props.onClose();
        },
        onError: (e) => setFailure(describeError(e)),
      },
    );
  };
  return (
    <Modal
      title={`Propose a link from ${props.from.key}`}
      onClose={props.onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={props.onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={propose.isPending} onClick={send}>
            Propose
          </button>
        </>
      }
    >
      <div className="propose-form" data-testid="propose-dialog">
        <p className="muted">
          {props.from.key} {props.from.title} → an objective or key result. A PMO lead approves or rejects it; until
          then it counts nowhere.
        </p>
        <div className="toggle propose-mode" role="radiogroup" aria-label="What to propose">
          {(
            [
              ['serves', 'Serves an objective or key result'],
              ['depends', "Depends on another unit's work"],
            ] as const
          ).map(([m, label]) => (
            <label key={m} className={`chip${mode === m ? ' is-active' : ''}`}>
              <input type="radio" name="propose-mode" checked={mode === m} onChange={() => setMode(m)} /> {label}
            </label>
          ))}
        </div>
        {!serves && <DependencyPicker from={props.from} value={dependsOn} onPick={setDependsOn} />}
        {serves && (
          <div className="field">
            <label className="field-label" htmlFor={ids.target}>
              Serves
            </label>
            <select id={ids.target} value={toId} onChange={(e) => setToId(e.target.value)} data-autofocus>
              <option value="">Choose…</option>
              <optgroup label="Objectives">
                {objectives.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.key} — {t.title}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Key results">
                {keyResults.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.key} — {t.title}
                  </option>
                ))}
              </optgroup>
            </select>
          </div>
        )}
        <div className="field">
          <label className="field-label" htmlFor={ids.note}>
            {serves ? 'Interpretation note (required)' : 'What it needs from the other unit (required)'}
          </label>
          <textarea
            id={ids.note}
            rows={4}
            maxLength={2000}
            value={note}
            aria-describedby={`${ids.note}-hint`}
            onChange={(e) => setNote(e.target.value)}
          />
          <span className="field-hint" id={`${ids.note}-hint`}>
            {serves
              ? 'How this work serves that priority, in a sentence or two.'
              : 'The other unit sees this when it acknowledges the dependency.'}
          </span>
        </div>
        {serves && (
          <div className="field">
            <label className="field-label" htmlFor={ids.weight}>
              Weight (optional)
            </label>
            <input
              id={ids.weight}
              type="number"
              min={0}
              max={100}
              step={1}
              value={weight}
              aria-describedby={`${ids.weight}-hint`}
              onChange={(e) => setWeight(e.target.value)}
            />
            <span className="field-hint" id={`${ids.weight}-hint`}>
              0–100: the share of this item's effort that serves it.
            </span>
          </div>
        )}
        <FormError message={failure} />
      </div>
    </Modal>
  );
}
