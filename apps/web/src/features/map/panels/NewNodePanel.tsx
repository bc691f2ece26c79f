import {
  kindInSentence,
  NODE_KIND_LABELS,
  type BusinessUnitRecord,
  type NodeKind,
  type NodeRecord,
} from '@throughline/domain';
import { useCallback, useState } from 'react';
import { useCreateNode } from '../../../api/nodes.queries';
import { KindIcon } from '../../../ui/KindIcon';
import { useToast } from '../../../ui/toast';
import { NodeForm } from './NodeForm';
import { newNodeValues, toNodeFields, validateForm, type FieldName, type FormValues } from './nodeForm';
import './panels.css';

interface NewNodePanelProps {
  kind: NodeKind;
  units: readonly BusinessUnitRecord[];
  onCreated: (node: NodeRecord) => void;
  onClose: () => void;
}

/** The palette's form: a new node of one kind, with every field it can have. */
export function NewNodePanel({ kind, units, onCreated, onClose }: NewNodePanelProps) {
  const create = useCreateNode();
  const toast = useToast();
  const [values, setValues] = useState<FormValues>(() => newNodeValues(kind));
  const [touched, setTouched] = useState(false);
  const errors = validateForm(kind, values);
  const onChange = useCallback((name: FieldName, value: string) => setValues((v) => ({ ...v, [name]: value })), []);

  return (
    <aside className="side-panel" aria-label={`New ${NODE_KIND_LABELS[kind]}`} data-testid="new-node-panel">
      <header className={`panel-head kind-${kind}`}>
        <span className="panel-kind">
          <KindIcon kind={kind} size={16} decorative /> New {kindInSentence(kind)}
        </span>
        <div className="panel-actions">
          <button type="button" className="btn btn-small" onClick={onClose} aria-label="Close panel">
            ×
          </button>
        </div>
      </header>
      <form
        className="panel-body"
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (Object.keys(errors).length) return;
          create.mutate(
            { ...toNodeFields(kind, values), kind, title: (values.title ?? '').trim() },
            {
              onSuccess: (node) => {
                toast(`${node.key} created — drag from its top handle to link it`, 'success');
                onCreated(node);
              },
              onError: (error) => toast(error.message, 'error'),
            },
          );
        }}
      >
        <NodeForm
          kind={kind}
          values={values}
          errors={touched ? errors : {}}
          units={units}
          onChange={onChange}
          disabled={create.isPending}
        />
        <div className="panel-footer">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : `Create ${kindInSentence(kind)}`}
          </button>
        </div>
      </form>
    </aside>
  );
}
