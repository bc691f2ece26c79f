import { useState } from 'react';
import { ROLES, type Role } from '../../api/auth.queries';
import { absoluteLink, useInviteMember, type CreatedInvite } from '../../api/members.queries';
import { OneTimeLink } from '../../ui/CopyButton';
import { describeError } from '../../ui/errors';
import { Field, FormError } from '../../ui/Field';
import { useFormat } from '../../ui/format';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../auth/permissions';
import { UnitPicker } from './UnitPicker';

/** Invite by email with a role (a contributor with its units); the one-time link is shown once, to copy. */
export function InviteForm() {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('contributor');
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const invite = useInviteMember();
  const format = useFormat();
  const needsUnits = role === 'contributor' && unitIds.length === 0;

  return (
    <section className="card" aria-label="Invite a member">
      <h2>Invite a member</h2>
      <p className="muted">
        Throughline sends no email: you get a one-time link to pass on yourself. It works once and expires.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          invite.mutate(
            { email: email.trim(), role, ...(role === 'contributor' ? { unitIds } : {}) },
            {
              onSuccess: (result) => {
                setCreated(result);
                setEmail('');
                setUnitIds([]);
              },
            },
          );
        }}
      >
        <div className="form-row">
          <Field label="Email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          <label className="field">
            <span className="field-label">Role</span>
            <select value={role} onChange={(e) => setRole(e.target.value as Role)} aria-label="Role">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </label>
          {role === 'contributor' && (
            <div className="field">
              <span className="field-label">Business units</span>
              <UnitPicker label="Business units of the invite" value={unitIds} onChange={setUnitIds} />
            </div>
          )}
          <button type="submit" className="btn btn-primary" disabled={invite.isPending || needsUnits}>
            {invite.isPending ? 'Inviting…' : 'Invite'}
          </button>
        </div>
        <p className="field-hint">
          {ROLE_LABELS[role]}: {ROLE_DESCRIPTIONS[role]}.
          {needsUnits && ' Choose the units whose work this contributor looks after.'}
        </p>
        <FormError message={invite.error ? describeError(invite.error) : null} />
      </form>
      {created && (
        <div className="invite-created" data-testid="invite-created" role="status">
          <p>
            Invitation for <strong>{created.email}</strong> as {ROLE_LABELS[created.role]}: send them this link. It
            works once, until {format.dateTime(created.expiresAt)}, and will not be shown again.
          </p>
          <OneTimeLink url={absoluteLink(created.link)} label={`Invitation link for ${created.email}`} />
        </div>
      )}
    </section>
  );
}
