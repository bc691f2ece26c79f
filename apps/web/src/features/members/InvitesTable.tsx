import { useQuery } from '@tanstack/react-query';
import { businessUnitsQuery } from '../../api/businessUnits.queries';
import { invitesQuery, useRevokeInvite } from '../../api/members.queries';
import { describeError } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { useToast } from '../../ui/toast';
import { ROLE_LABELS } from '../auth/permissions';

/** Invitations not yet accepted; revoking one makes its link useless. */
export function InvitesTable() {
  const invites = useQuery(invitesQuery());
  const units = useQuery(businessUnitsQuery());
  const revoke = useRevokeInvite();
  const toast = useToast();
  const format = useFormat();
  const keyOf = (id: string) => units.data?.find((u) => u.id === id)?.key ?? '?';
  const pending = invites.data ?? [];
  if (pending.length === 0) return null;
  return (
    <section className="card" aria-label="Pending invitations">
      <h2>Pending invitations ({pending.length})</h2>
      <table className="table" data-testid="invites-table">
        <thead>
          <tr>
            <th>Email</th>
            <th>Role</th>
            <th>Business units</th>
            <th>Expires</th>
            <th aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {pending.map((invite) => (
            <tr key={invite.id}>
              <td>{invite.email}</td>
              <td>{ROLE_LABELS[invite.role]}</td>
              <td>{invite.unitIds.length ? invite.unitIds.map(keyOf).join(', ') : <span className="muted">—</span>}</td>
              <td>{format.dateTime(invite.expiresAt)}</td>
              <td>
                <div className="row-actions">
                  <button
                    type="button"
                    className="btn btn-small btn-danger-outline"
                    disabled={revoke.isPending}
                    onClick={() =>
                      revoke.mutate(invite.id, {
                        onSuccess: () => toast(`Invitation for ${invite.email} revoked`, 'success'),
                        onError: (error) => toast(describeError(error), 'error'),
                      })
                    }
                  >
                    Revoke
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
