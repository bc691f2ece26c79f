import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { authApi, inviteQuery } from '../../api/auth.queries';
import { describeError, errorCode } from '../../ui/errors';
import { AuthCard, Field, FormError, PASSWORD_HINT, PASSWORD_MIN } from './AuthCard';
import { ROLE_LABELS } from './permissions';
import { startSession } from './session';

/** `/invite/:token`: the link an admin copied; the invited person names themself and sets a password. */
export function AcceptInvitePage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const invite = useQuery(inviteQuery(token));
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  // An account with a second factor is asked for its code too (the API says so when it is missing).
  const [needsCode, setNeedsCode] = useState(false);
  const accept = useMutation({
    mutationFn: (body: { name?: string; password: string; totpCode?: string }) => authApi.acceptInvite(token, body),
    onSuccess: (session) => {
      startSession(client, session);
      void navigate('/', { replace: true });
    },
    onError: (error) => {
      if (errorCode(error) === 'TOTP_REQUIRED') setNeedsCode(true);
    },
  });

  if (invite.isPending)
    return (
      <AuthCard title="Invitation">
        <p className="muted">Opening the invitation…</p>
      </AuthCard>
    );
  if (invite.isError)
    return (
      <AuthCard title="This invitation cannot be used" footer={<Link to="/log-in">Go to log in</Link>}>
        <p>The link is wrong, has expired or has been used already. Ask the admin who invited you for a new one.</p>
      </AuthCard>
    );
  const { organisationName, email, role, accountExists } = invite.data;
  return (
    <AuthCard title={`Join ${organisationName}`}>
      <p className="auth-lead">
        You are invited as <strong>{ROLE_LABELS[role]}</strong> with the email <strong>{email}</strong>.
        {accountExists && ' You have a Throughline account already: your password is all it takes.'}
      </p>
      <form
        className="auth-form"
        onSubmit={(e) => {
          e.preventDefault();
          accept.mutate(
            accountExists
              ? { password, ...(needsCode && totpCode ? { totpCode } : {}) }
              : { name: name.trim(), password },
          );
        }}
      >
        {accountExists ? (
          <Field
            label="Your password"
            type="password"
            required
            autoComplete="current-password"
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        ) : (
          <>
            <Field
              label="Your name"
              required
              maxLength={200}
              autoComplete="name"
              autoFocus
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
            <Field
              label="Choose a password"
              type="password"
              required
              minLength={PASSWORD_MIN}
              autoComplete="new-password"
              hint={PASSWORD_HINT}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </>
        )}
        {needsCode && (
          <Field
            label="Authenticator code"
            hint="Your account has a second factor: the 6-digit code your app shows."
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
            autoFocus
            value={totpCode}
            onChange={(e) => setTotpCode(e.target.value.replace(/\D/g, ''))}
          />
        )}
        <FormError
          message={
            errorCode(accept.error) === 'TOTP_REQUIRED'
              ? accept.variables?.totpCode
                ? 'That code is wrong or has expired: enter the one your app shows now.'
                : null
              : errorCode(accept.error) === 'INVALID_CREDENTIALS'
                ? 'That password is not right.'
                : accept.error
                  ? describeError(accept.error)
                  : null
          }
        />
        <button type="submit" className="btn btn-primary auth-submit" disabled={accept.isPending}>
          {accept.isPending ? 'Joining…' : `Join ${organisationName}`}
        </button>
      </form>
    </AuthCard>
  );
}
