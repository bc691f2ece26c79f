import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  businessUnitsQuery,
  useDeleteBusinessUnit,
  useSaveBusinessUnit,
  type BusinessUnit,
  type BusinessUnitFields,
} from '../../api/businessUnits.queries';
import { membersQuery, type Member } from '../../api/members.queries';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { describeError } from '../../ui/errors';
import { FormError } from '../../ui/Field';
import { useToast } from '../../ui/toast';

interface Draft {
  key: string;
  name: string;
  parentId: string;
  ownerId: string;
}

const EMPTY: Draft = { key: '', name: '', parentId: '', ownerId: '' };

const draftOf = (unit: BusinessUnit): Draft => ({
  key: unit.key,
  name: unit.name,
  parentId: unit.parentId ?? '',
  ownerId: unit.ownerId ?? '',
});

/** The body to send; `ownerId` only to an API whose units carry one (it refuses fields it does not know). */
const fieldsOf = (draft: Draft, withOwner: boolean): BusinessUnitFields => ({
  key: draft.key.trim(),
  name: draft.name.trim(),
  parentId: draft.parentId || null,
  ...(withOwner ? { ownerId: draft.ownerId || null } : {}),
});

/** The units work belongs to, each with an owner (a member accountable for it) and a parent unit. */
export function BusinessUnitsCard() {
  const units = useQuery(businessUnitsQuery());
  const members = useQuery(membersQuery());
  const save = useSaveBusinessUnit();
  const remove = useDeleteBusinessUnit();
  const toast = useToast();
  const [adding, setAdding] = useState<Draft>(EMPTY);
  const [editing, setEditing] = useState<{ id: string; draft: Draft } | null>(null);
  const [deleting, setDeleting] = useState<BusinessUnit | null>(null);
  const list = units.data ?? [];
  // Units have an owner once the API lists one (`ownerId`, null for none); until then the column is left out.
  const withOwner = list.some((u) => 'ownerId' in u);
  const nameOf = (id: string | null | undefined) => list.find((u) => u.id === id)?.key;
  const ownerOf = (id: string | null | undefined) => members.data?.find((m) => m.userId === id)?.name;

  const row = (draft: Draft, set: (d: Draft) => void, exceptId?: string) => (
    <>
      <td>
        <input
          aria-label="Key"
          required
          maxLength={30}
          value={draft.key}
          onChange={(e) => set({ ...draft, key: e.target.value })}
        />
      </td>
      <td>
        <input
          aria-label="Name"
          required
          maxLength={200}
          value={draft.name}
          onChange={(e) => set({ ...draft, name: e.target.value })}
        />
      </td>
      <td>
        <select
          aria-label="Parent unit"
          value={draft.parentId}
          onChange={(e) => set({ ...draft, parentId: e.target.value })}
        >
          <option value="">— none —</option>
          {list
            .filter((u) => u.id !== exceptId)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.key} — {u.name}
              </option>
            ))}
        </select>
      </td>
      {withOwner && (
        <td>
          <OwnerSelect
            members={members.data ?? []}
            value={draft.ownerId}
            onChange={(ownerId) => set({ ...draft, ownerId })}
          />
        </td>
      )}
    </>
  );

  return (
    <section className="card" aria-label="Business units">
      <h2>Business units</h2>
      <p className="muted">
        Work belongs to a unit; contributors edit the work of their units. Each unit has an owner.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (editing)
            save.mutate(
              {
                id: editing.id,
                ...fieldsOf(editing.draft, withOwner),
                version: list.find((u) => u.id === editing.id)?.version,
              },
              { onSuccess: () => setEditing(null) },
            );
          else
            save.mutate(fieldsOf(adding, withOwner), {
              onSuccess: (unit) => {
                toast(`${unit.key} added`, 'success');
                setAdding(EMPTY);
              },
            });
        }}
      >
        <table className="table" data-testid="units-table">
          <thead>
            <tr>
              <th>Key</th>
              <th>Name</th>
              <th>Parent</th>
              {withOwner && <th>Owner</th>}
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {list.map((unit) =>
              editing?.id === unit.id ? (
                <tr key={unit.id} className="is-editing">
                  {row(editing.draft, (draft) => setEditing({ id: unit.id, draft }), unit.id)}
                  <td>
                    <div className="row-actions">
                      <button type="submit" className="btn btn-small btn-primary" disabled={save.isPending}>
                        Save
                      </button>
                      <button type="button" className="btn btn-small" onClick={() => setEditing(null)}>
                        Cancel
                      </button>
                    </div>
                  </td>
                </tr>
              ) : (
                <tr key={unit.id}>
                  <td>
                    <strong>{unit.key}</strong>
                  </td>
                  <td>{unit.name}</td>
                  <td>{nameOf(unit.parentId) ?? <span className="muted">—</span>}</td>
                  {withOwner && <td>{ownerOf(unit.ownerId) ?? <span className="muted">no owner</span>}</td>}
                  <td>
                    <div className="row-actions">
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={!!editing}
                        onClick={() => {
                          save.reset();
                          setEditing({ id: unit.id, draft: draftOf(unit) });
                        }}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="btn btn-small btn-danger-outline"
                        onClick={() => setDeleting(unit)}
                      >
                        Delete
                      </button>
                    </div>
                  </td>
                </tr>
              ),
            )}
            {!editing && (
              <tr className="is-new">
                {row(adding, setAdding)}
                <td>
                  <div className="row-actions">
                    <button type="submit" className="btn btn-small btn-primary" disabled={save.isPending}>
                      Add unit
                    </button>
                  </div>
                </td>
              </tr>
            )}
          </tbody>
        </table>
        <FormError message={save.error ? describeError(save.error) : null} />
      </form>
      {deleting && (
        <ConfirmDialog
          title={`Delete ${deleting.key}?`}
          confirmLabel="Delete unit"
          busy={remove.isPending}
          onCancel={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting.id, {
              onSuccess: () => {
                toast(`${deleting.key} deleted`, 'success');
                setDeleting(null);
              },
              onError: (error) => {
                toast(describeError(error), 'error');
                setDeleting(null);
              },
            })
          }
        >
          <p>
            {deleting.key} — {deleting.name}. A unit that still has work or child units cannot be deleted: move them
            first.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function OwnerSelect({
  members,
  value,
  onChange,
}: {
  members: Member[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <select aria-label="Owner" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">— no owner —</option>
      {members.map((m) => (
        <option key={m.userId} value={m.userId}>
          {m.name}
        </option>
      ))}
    </select>
  );
}
