import { useQueryClient } from '@tanstack/react-query';
import type { BusinessUnitRecord, NodeKind, NodeRecord } from '@throughline/domain';
import { useState } from 'react';
import { nodeKeys, useCreateNode, useUpdateNode } from '../../api/nodes.queries';
import { describeError } from '../../ui/errors';
import { FormError } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { useToast } from '../../ui/toast';
import { NodeForm } from '../map/panels/NodeForm';
import {
  changedFields,
  newNodeValues,
  toFormValues,
  toNodeFields,
  validateForm,
  type FieldName,
  type FormValues,
} from '../map/panels/nodeForm';

export const KIND_NAMES: Record<string, string> = {
  programme: 'programme',
  project: 'project',
  bau: 'BAU activity',
  asset: 'asset',
};

/**
 * Adds or edits one work item with the same fields, limits and checks as the map's panel (the
 * shapes of libs/domain through nodeForm). The unit list holds only the units this member may use.
 */
export function WorkDialog(props: {
  kind: NodeKind;
  node?: NodeRecord;
  units: readonly BusinessUnitRecord[];
  onClose: () => void;
}) {
  const { kind, node } = props;
  const base: FormValues = node
    ? toFormValues(node)
    : { ...newNodeValues(kind), businessUnitId: props.units[0]?.id ?? '' };
  const [values, setValues] = useState<FormValues>(base);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const create = useCreateNode();
  const update = useUpdateNode();
  const client = useQueryClient();
  const toast = useToast();
  const pending = create.isPending || update.isPending;
  const done = (message: string) => {
    void client.invalidateQueries({ queryKey: [...nodeKeys.all, 'unit-work'] });
    toast(message, 'success');
    props.onClose();
  };
  const save = () => {
    const problems = validateForm(kind, values);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setFailure(null);
    const onError = (e: unknown) => setFailure(describeError(e));
    if (!node)
      create.mutate(
        { kind, ...toNodeFields(kind, values), title: (values.title ?? '').trim() },
        { onSuccess: (created) => done(`${created.key} created`), onError },
      );
    else {
      const changed = changedFields(base, values);
      if (changed.length === 0) return props.onClose();
      update.mutate(
        { id: node.id, version: node.version, fields: toNodeFields(kind, values, changed) },
        { onSuccess: (saved) => done(`${saved.key} saved`), onError },
      );
    }
  };
  const title = node ? `Edit ${node.key}` : `New ${KIND_NAMES[kind] ?? kind}`;
  return (
    <Modal
      title={title}
      onClose={props.onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={props.onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={pending} onClick={save}>
            {node ? 'Save' : `Create ${KIND_NAMES[kind] ?? kind}`}
          </button>
        </>
      }
    >
      <div className="work-dialog" data-testid="work-dialog">
        <NodeForm
          kind={kind}
          values={values}
          errors={errors}
          units={props.units}
          onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
          disabled={pending}
        />
        <FormError message={failure} />
      </div>
    </Modal>
  );
}
