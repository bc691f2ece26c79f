import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { authApi, demoAccountsQuery, type DemoAccount } from '../../api/auth.queries';
import { describeError, errorCode } from '../../ui/errors';
import { AuthCard, Field, FormError } from './AuthCard';
import { ROLE_LABELS } from './permissions';
import { safeNext, startSession } from './session';

/** Log in with email and password (and a TOTP code when the account has a second factor). */
export function LogInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const demo = useQuery(demoAccountsQuery());

  const logIn = useMutation({
    mutationFn: authApi.logIn,
    onSuccess: (session) => {
      startSession(client, session);
      void navigate(safeNext(params.get('next')), { replace: true });
    },
    onError: (error) => {
      if (errorCode(error) === 'TOTP_REQUIRED') setNeedsCode(true);
    },
  });

  const fill = (account: DemoAccount) => {
    setEmail(account.email);
    setPassword(account.password);
    setNeedsCode(false);
    logIn.reset();
  };

  const error =
    errorCode(logIn.error) === 'TOTP_REQUIRED'
      ? logIn.variables?.totpCode
        ? 'That code is wrong or has expired: enter the one your app shows now.'
        : null
      : errorCode(logIn.error) === 'INVALID_CREDENTIALS'
        ? 'That email and password do not match an account.'
        : logIn.error
          ? describeError(logIn.error)
          : null;

  return (
    <AuthCard
      title="Log in"
      footer={
        <>
          New to Throughline? <Link to="/sign-up">Create an organisation</Link>
        </>
      }
    >
      <form
        className="auth-form"
        onSubmit={(e) => {
          e.preventDefault();
          logIn.mutate({ email: email.trim(), password, ...(needsCode && totpCode ? { totpCode } : {}) });
        }}
      >
        <Field
          label="Email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoFocus
        />
        <Field
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {needsCode && (
          <Field
            label="Authenticator code"
            hint="The 6-digit code your authenticator app shows for Throughline."
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
            value={totpCode}
            onChange={(e) => setTotpCode(e.target.value.replace(/\D/g, ''))}
            autoFocus
          />
        )}
        <FormError message={error} />
        <button type="submit" className="btn btn-primary auth-submit" disabled={logIn.isPending}>
          {logIn.isPending ? 'Logging in…' : 'Log in'}
        </button>
        <p className="muted auth-note">Forgot your password? Ask an admin of your organisation for a reset link.</p>
      </form>
      {demo.data && demo.data.length > 0 && (
        <div className="demo-accounts" data-testid="demo-accounts">
          <h2>Demo accounts</h2>
          <p className="muted">Northwind Energy, the demo organisation: click one to fill the form.</p>
          <ul>
            {demo.data.map((account) => (
              <li key={account.email}>
                <button type="button" className="demo-account" onClick={() => fill(account)}>
                  <strong>{ROLE_LABELS[account.role]}</strong>
                  <span>{account.name}</span>
                  <span className="muted">{account.email}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </AuthCard>
  );
}
