import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { sessionKeys } from '../../api/auth.queries';
import { ORGANISATION_EXPORT_PATH, useDeleteOrganisation, type Organisation } from '../../api/organisation.queries';
import { describeError } from '../../ui/errors';
import { Field, FormError } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { useToast } from '../../ui/toast';

/** Take everything away (export), or delete the organisation for good (typed confirmation). */
export function DangerZone({ organisation }: { organisation: Organisation }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <section className="card" aria-label="Export">
        <h2>Export the organisation</h2>
        <p className="muted">
          One JSON file: the whole portfolio as an interchange document (it can be imported elsewhere) and the members
          with their roles — no passwords or second-factor secrets.
        </p>
        <a className="btn" href={ORGANISATION_EXPORT_PATH} download={`${organisation.slug}-export.json`}>
          Download export
        </a>
      </section>
      <section className="card card-danger" aria-label="Delete the organisation">
        <h2>Delete the organisation</h2>
        <p className="muted">
          Removes {organisation.name} and everything in it — nodes, links, units, members, invitations and its change
          log — at once and for good. Download an export first if you may want it back.
        </p>
        <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>
          Delete organisation…
        </button>
      </section>
      {confirming && <DeleteDialog organisation={organisation} onClose={() => setConfirming(false)} />}
    </>
  );
}

function DeleteDialog({ organisation, onClose }: { organisation: Organisation; onClose: () => void }) {
  const [typed, setTyped] = useState('');
  const remove = useDeleteOrganisation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const matches = typed.trim() === organisation.name;
  return (
    <Modal
      title={`Delete ${organisation.name}?`}
      tone="danger"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={!matches || remove.isPending}
            onClick={() =>
              remove.mutate(typed.trim(), {
                onSuccess: () => {
                  toast(`${organisation.name} has been deleted`, 'info');
                  // The session belonged to the deleted organisation: ask again (another one, or log in).
                  void client.invalidateQueries({ queryKey: sessionKeys.session });
                  void navigate('/', { replace: true });
                },
              })
            }
          >
            {remove.isPending ? 'Deleting…' : 'Delete for good'}
          </button>
        </>
      }
    >
      <p>This cannot be undone. Every member loses access at once.</p>
      <Field
        label={`Type the organisation's name, ${organisation.name}, to confirm`}
        value={typed}
        autoComplete="off"
        data-autofocus
        onChange={(e) => setTyped(e.target.value)}
      />
      <FormError message={remove.error ? describeError(remove.error) : null} />
    </Modal>
  );
}
