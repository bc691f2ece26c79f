import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { authApi } from '../../api/auth.queries';
import { describeError } from '../../ui/errors';
import { AuthCard, Field, FormError, PASSWORD_HINT, PASSWORD_MIN } from './AuthCard';
import { startSession } from './session';

/** Creates an organisation with its first admin (you) and signs you in. */
export function SignUpPage() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form, setForm] = useState({ organisationName: '', name: '', email: '', password: '' });
  const set = (field: keyof typeof form) => (e: ChangeEvent<HTMLInputElement>) =>
    setForm((f) => ({ ...f, [field]: e.target.value }));
  const signUp = useMutation({
    mutationFn: authApi.signUp,
    onSuccess: (session) => {
      startSession(client, session);
      void navigate('/', { replace: true });
    },
  });
  return (
    <AuthCard
      title="Create your organisation"
      footer={
        <>
          Already have an account? <Link to="/log-in">Log in</Link>
        </>
      }
    >
      <form
        className="auth-form"
        onSubmit={(e) => {
          e.preventDefault();
          signUp.mutate({
            organisationName: form.organisationName.trim(),
            name: form.name.trim(),
            email: form.email.trim(),
            password: form.password,
          });
        }}
      >
        <Field
          label="Organisation name"
          required
          maxLength={200}
          autoFocus
          value={form.organisationName}
          onChange={set('organisationName')}
        />
        <Field
          label="Your name"
          required
          maxLength={200}
          autoComplete="name"
          value={form.name}
          onChange={set('name')}
        />
        <Field label="Email" type="email" required autoComplete="email" value={form.email} onChange={set('email')} />
        <Field
          label="Password"
          type="password"
          required
          minLength={PASSWORD_MIN}
          autoComplete="new-password"
          hint={PASSWORD_HINT}
          value={form.password}
          onChange={set('password')}
        />
        <FormError message={signUp.error ? describeError(signUp.error) : null} />
        <button type="submit" className="btn btn-primary auth-submit" disabled={signUp.isPending}>
          {signUp.isPending ? 'Creating…' : 'Create organisation'}
        </button>
        <p className="muted auth-note">You will be its admin, and can invite your colleagues next.</p>
      </form>
    </AuthCard>
  );
}
