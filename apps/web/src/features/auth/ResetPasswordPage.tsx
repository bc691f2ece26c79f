import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { authApi } from '../../api/auth.queries';
import { describeError } from '../../ui/errors';
import { AuthCard, Field, FormError, PASSWORD_HINT, PASSWORD_MIN } from './AuthCard';

/** `/reset-password/:token`: the one-time link an admin issued; sets a new password, then log in. */
export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const reset = useMutation({ mutationFn: (value: string) => authApi.resetPassword(token, value) });
  const mismatch = again.length > 0 && again !== password;

  if (reset.isSuccess)
    return (
      <AuthCard title="Password changed" footer={<Link to="/log-in">Log in</Link>}>
        <p>Your new password is set. Log in with it now.</p>
      </AuthCard>
    );
  return (
    <AuthCard title="Choose a new password" footer={<Link to="/log-in">Back to log in</Link>}>
      <form
        className="auth-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!mismatch) reset.mutate(password);
        }}
      >
        <Field
          label="New password"
          type="password"
          required
          minLength={PASSWORD_MIN}
          autoComplete="new-password"
          hint={PASSWORD_HINT}
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Field
          label="The same again"
          type="password"
          required
          autoComplete="new-password"
          value={again}
          onChange={(e) => setAgain(e.target.value)}
        />
        <FormError message={mismatch ? 'The two passwords differ.' : reset.error ? describeError(reset.error) : null} />
        <button type="submit" className="btn btn-primary auth-submit" disabled={reset.isPending || mismatch}>
          {reset.isPending ? 'Saving…' : 'Set password'}
        </button>
      </form>
    </AuthCard>
  );
}
