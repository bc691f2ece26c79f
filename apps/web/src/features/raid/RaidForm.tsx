import { RAID_STATUSES, RAID_TYPES, type RaidItem, type RaidStatus, type RaidType } from '@throughline/domain';
import { useState, type FormEvent } from 'react';
import { useSaveRaidItem, type RaidInput } from '../../api/raid.queries';
import { describeError } from '../../ui/errors';
import { Modal } from '../../ui/Modal';
import { useToast } from '../../ui/toast';
import { AttachmentPicker, type PickedAttachment } from './AttachmentPicker';
import { STATUS_LABELS, TYPE_LABELS } from './labels';

/** Log or edit a RAID item: risks get likelihood and impact, decisions the day and who decided. */
export function RaidForm({ item, onClose }: { item: RaidItem | null; onClose: () => void }) {
  const [type, setType] = useState<RaidType>(item?.type ?? 'risk');
  const [title, setTitle] = useState(item?.title ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [owner, setOwner] = useState(item?.owner ?? '');
  const [status, setStatus] = useState<RaidStatus>(item?.status ?? 'open');
  const [dueDate, setDueDate] = useState(item?.dueDate ?? '');
  const [likelihood, setLikelihood] = useState(item?.likelihood ?? 3);
  const [impact, setImpact] = useState(item?.impact ?? 3);
  const [decidedOn, setDecidedOn] = useState(item?.decidedOn ?? '');
  const [decidedBy, setDecidedBy] = useState(item?.decidedBy ?? '');
  const [attached, setAttached] = useState<PickedAttachment[]>(
    (item?.attachments ?? [])
      .filter((a) => !a.detachedAt)
      .map((a) => ({ nodeId: a.nodeId ?? undefined, linkId: a.linkId ?? undefined, label: a.label })),
  );
  const save = useSaveRaidItem();
  const toast = useToast();
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const input: RaidInput = {
      type,
      title: title.trim(),
      description,
      owner: owner.trim() || null,
      status,
      dueDate: dueDate || null,
      likelihood: type === 'risk' ? likelihood : null,
      impact: type === 'risk' ? impact : null,
      decidedOn: type === 'decision' ? decidedOn || null : null,
      decidedBy: type === 'decision' ? decidedBy.trim() || null : null,
      attachments: attached.map((a) => (a.linkId ? { linkId: a.linkId } : { nodeId: a.nodeId! })),
      ...(item ? { version: item.version } : {}),
    };
    save.mutate(
      { id: item?.id ?? null, input },
      {
        onSuccess: (saved) => {
          toast(`${TYPE_LABELS[saved.type]} “${saved.title}” saved`, 'success');
          onClose();
        },
        onError: (e) => toast(describeError(e), 'error'),
      },
    );
  };
  const pick = (p: PickedAttachment) =>
    setAttached((list) => (list.some((a) => a.nodeId === p.nodeId && a.linkId === p.linkId) ? list : [...list, p]));
  const score = (
    <div className="form-row">
      <NumberSelect label="Likelihood" value={likelihood} onChange={setLikelihood} />
      <NumberSelect label="Impact" value={impact} onChange={setImpact} />
      <span className={`raid-score${likelihood * impact >= 15 ? ' is-red' : ''}`}>Score {likelihood * impact}</span>
    </div>
  );
  return (
    <Modal
      title={item ? `Edit ${TYPE_LABELS[item.type].toLowerCase()}` : 'New RAID item'}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!title.trim() || save.isPending}
            onClick={() => submit()}
          >
            Save
          </button>
        </>
      }
    >
      <form className="raid-form" onSubmit={submit}>
        <div className="form-row">
          <Select label="Type" value={type} options={RAID_TYPES} labels={TYPE_LABELS} onChange={setType} />
          <Select label="Status" value={status} options={RAID_STATUSES} labels={STATUS_LABELS} onChange={setStatus} />
        </div>
        <Text label="Title" value={title} onChange={setTitle} maxLength={200} />
        <label className="field">
          <span className="field-label">Description</span>
          <textarea value={description} onChange={(e) => setDescription(e.target.value)} maxLength={4000} rows={3} />
        </label>
        <div className="form-row">
          <Text label="Owner" value={owner} onChange={setOwner} maxLength={200} />
          <Text label="Due date" type="date" value={dueDate} onChange={setDueDate} />
        </div>
        {type === 'risk' && score}
        {type === 'decision' && (
          <div className="form-row">
            <Text label="Decided on" type="date" value={decidedOn} onChange={setDecidedOn} />
            <Text label="Decided by" value={decidedBy} onChange={setDecidedBy} maxLength={200} />
          </div>
        )}
        <ul className="raid-attached" aria-label="Attached to">
          {attached.map((a) => (
            <li key={a.nodeId ?? a.linkId}>
              {a.label}{' '}
              <button
                type="button"
                className="btn btn-small"
                aria-label={`Detach ${a.label}`}
                onClick={() => setAttached((list) => list.filter((x) => x !== a))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <AttachmentPicker onPick={pick} />
      </form>
    </Modal>
  );
}

function Text(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  type?: string;
  maxLength?: number;
}) {
  return (
    <label className="field">
      <span className="field-label">{props.label}</span>
      <input
        type={props.type ?? 'text'}
        value={props.value}
        maxLength={props.maxLength}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}

function Select<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  labels: Record<T, string>;
  onChange: (v: T) => void;
}) {
  return (
    <label className="field">
      <span className="field-label">{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.labels[o]}
          </option>
        ))}
      </select>
    </label>
  );
}

function NumberSelect({ label, value, onChange }: { label: string; value: number; onChange: (v: number) => void }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {[1, 2, 3, 4, 5].map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}
