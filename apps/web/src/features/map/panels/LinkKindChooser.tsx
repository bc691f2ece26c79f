import { LINK_KIND_LABELS, type GraphNode, type LinkKind } from '@throughline/domain';
import { useState } from 'react';
import type { NewLink } from '../../../api/links.queries';
import { Modal } from '../../../ui/Modal';
import './panels.css';

const MEANING: Record<LinkKind, string> = {
  contributes_to: 'moves it',
  part_of: 'belongs to it',
  delivers: 'builds or changes it',
  depends_on: 'needs it first',
};

interface LinkKindChooserProps {
  from: GraphNode;
  to: GraphNode;
  kinds: LinkKind[];
  onCreate: (link: NewLink) => void;
  onCancel: () => void;
}

/** When more than one kind of link fits a drop: which one, with an optional weight, approved or only proposed. */
export function LinkKindChooser({ from, to, kinds, onCreate, onCancel }: LinkKindChooserProps) {
  const [kind, setKind] = useState<LinkKind>(kinds[0]);
  const [weight, setWeight] = useState('');
  const [propose, setPropose] = useState(false);
  const weightValue = weight.trim() === '' ? null : Number(weight);
  const weightOk = weightValue === null || (Number.isFinite(weightValue) && weightValue >= 0 && weightValue <= 100);
  return (
    <Modal
      title={`Link ${from.key} → ${to.key}`}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!weightOk}
            data-autofocus
            onClick={() =>
              onCreate({
                fromId: from.id,
                toId: to.id,
                kind,
                weight: weightValue,
                state: propose ? 'proposed' : 'approved',
              })
            }
          >
            Create link
          </button>
        </>
      }
    >
      <fieldset className="kind-choice">
        <legend>{from.title} …</legend>
        {kinds.map((k) => (
          <label key={k}>
            <input type="radio" name="link-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            <strong>{LINK_KIND_LABELS[k]}</strong> {to.title} <span className="muted">({MEANING[k]})</span>
          </label>
        ))}
      </fieldset>
      <label className="field">
        Weight (0–100, optional): the share of {from.key}'s effort that serves {to.key}
        <input type="number" min={0} max={100} value={weight} onChange={(e) => setWeight(e.target.value)} />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={propose} onChange={(e) => setPropose(e.target.checked)} /> Only propose it
        (counts nowhere until approved)
      </label>
    </Modal>
  );
}
