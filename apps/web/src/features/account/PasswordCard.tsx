import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { authApi } from '../../api/auth.queries';
import { describeError, errorCode } from '../../ui/errors';
import { Field, FormError } from '../../ui/Field';
import { useToast } from '../../ui/toast';

const EMPTY = { currentPassword: '', newPassword: '', again: '' };

export function PasswordCard() {
  const [form, setForm] = useState(EMPTY);
  const toast = useToast();
  const change = useMutation({
    mutationFn: authApi.changePassword,
    onSuccess: () => {
      setForm(EMPTY);
      toast('Password changed', 'success');
    },
  });
  const mismatch = form.again.length > 0 && form.again !== form.newPassword;
  const error = mismatch
    ? 'The two new passwords differ.'
    : errorCode(change.error) === 'INVALID_CREDENTIALS'
      ? 'Your current password is not right.'
      : change.error
        ? describeError(change.error)
        : null;
  return (
    <section className="card" aria-label="Password">
      <h2>Password</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!mismatch) change.mutate({ currentPassword: form.currentPassword, newPassword: form.newPassword });
        }}
      >
        <div className="form-row">
          <Field
            label="Current password"
            type="password"
            autoComplete="current-password"
            required
            value={form.currentPassword}
            onChange={(e) => setForm({ ...form, currentPassword: e.target.value })}
          />
          <Field
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            hint="At least 10 characters; common passwords are refused."
            value={form.newPassword}
            onChange={(e) => setForm({ ...form, newPassword: e.target.value })}
          />
          <Field
            label="New password again"
            type="password"
            autoComplete="new-password"
            required
            value={form.again}
            onChange={(e) => setForm({ ...form, again: e.target.value })}
          />
        </div>
        <FormError message={error} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={change.isPending || mismatch}>
            {change.isPending ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </section>
  );
}
