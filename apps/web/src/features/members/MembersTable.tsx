import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ROLES, type Role } from '../../api/auth.queries';
import {
  absoluteLink,
  membersQuery,
  useIssuePasswordReset,
  useRemoveMember,
  useUpdateMember,
  type Member,
  type ResetLink,
} from '../../api/members.queries';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { OneTimeLink } from '../../ui/CopyButton';
import { describeError } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { Modal } from '../../ui/Modal';
import { useToast } from '../../ui/toast';
import { ROLE_LABELS } from '../auth/permissions';
import { useSignedIn } from '../auth/session';
import { UnitPicker } from './UnitPicker';

/** The organisation's members: role and units changed in place, a reset link issued, a member removed. */
export function MembersTable() {
  const members = useQuery(membersQuery());
  const session = useSignedIn();
  const update = useUpdateMember();
  const toast = useToast();
  const [removing, setRemoving] = useState<Member | null>(null);
  const [reset, setReset] = useState<{ member: Member; link: ResetLink } | null>(null);
  const remove = useRemoveMember();
  const issueReset = useIssuePasswordReset();
  const format = useFormat();

  const change = (member: Member, patch: { role?: Role; unitIds?: string[] }) =>
    update.mutate(
      { userId: member.userId, ...patch },
      {
        onSuccess: () =>
          toast(`${member.name}: ${patch.role ? `now ${ROLE_LABELS[patch.role]}` : 'units saved'}`, 'success'),
        onError: (error) => toast(describeError(error), 'error'),
      },
    );

  if (members.isPending) return <p className="muted">Loading members…</p>;
  if (members.isError) return <p className="bad">{describeError(members.error)}</p>;
  return (
    <section className="card" aria-label="Members">
      <h2>Members ({members.data.length})</h2>
      <table className="table" data-testid="members-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Role</th>
            <th>Business units</th>
            <th aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {members.data.map((member) => {
            const self = member.userId === session.user.id;
            return (
              <tr key={member.userId} data-testid="member-row" data-email={member.email}>
                <td>
                  <div className="member-name">
                    {member.name}
                    {self && <span className="pill">you</span>}
                  </div>
                  <div className="muted member-email">{member.email}</div>
                </td>
                <td>
                  <select
                    aria-label={`Role of ${member.name}`}
                    value={member.role}
                    disabled={self || update.isPending}
                    title={self ? 'Another admin can change your role' : undefined}
                    onChange={(e) => change(member, { role: e.target.value as Role })}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {member.role === 'contributor' ? (
                    <UnitPicker
                      label={`Business units of ${member.name}`}
                      value={member.unitIds}
                      disabled={update.isPending}
                      onChange={(unitIds) => change(member, { unitIds })}
                    />
                  ) : (
                    <span className="muted">
                      {member.role === 'executive' ? 'none: reads everything' : 'every unit'}
                    </span>
                  )}
                </td>
                <td>
                  <div className="row-actions">
                    {!self && (
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={issueReset.isPending}
                        onClick={() =>
                          issueReset.mutate(member.userId, {
                            onSuccess: (link) => setReset({ member, link }),
                            onError: (error) => toast(describeError(error), 'error'),
                          })
                        }
                      >
                        Reset link
                      </button>
                    )}
                    {!self && (
                      <button
                        type="button"
                        className="btn btn-small btn-danger-outline"
                        onClick={() => setRemoving(member)}
                      >
                        Remove
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.name}?`}
          confirmLabel="Remove"
          busy={remove.isPending}
          onCancel={() => setRemoving(null)}
          onConfirm={() =>
            remove.mutate(removing.userId, {
              onSuccess: () => {
                toast(`${removing.name} removed`, 'success');
                setRemoving(null);
              },
              onError: (error) => toast(describeError(error), 'error'),
            })
          }
        >
          <p>
            {removing.name} ({removing.email}) loses access to {session.organisation.name} at once. What they changed
            stays, under their name.
          </p>
        </ConfirmDialog>
      )}
      {reset && (
        <Modal
          title={`Password reset link for ${reset.member.name}`}
          onClose={() => setReset(null)}
          actions={
            <button type="button" className="btn btn-primary" onClick={() => setReset(null)}>
              Done
            </button>
          }
        >
          <p>
            Send this link to {reset.member.email}. It sets a new password once, until{' '}
            {format.dateTime(reset.link.expiresAt)}, and will not be shown again.
          </p>
          <OneTimeLink url={absoluteLink(reset.link.link)} label={`Reset link for ${reset.member.name}`} />
        </Modal>
      )}
    </section>
  );
}
