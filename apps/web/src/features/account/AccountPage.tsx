import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../auth/permissions';
import { useSignedIn } from '../auth/session';
import { PasswordCard } from './PasswordCard';
import { TotpCard } from './TotpCard';
import './account.css';

/** `/account`: who you are here, your password and your second factor. */
export function AccountPage() {
  const session = useSignedIn();
  const units = session.unitIds.length;
  return (
    <div className="page">
      <div className="page-inner">
        <h1 className="page-title">Your account</h1>
        <p className="page-lead">
          {session.user.name} · {session.user.email}
        </p>
        <section className="card" aria-label="Your role">
          <h2>
            {ROLE_LABELS[session.role]} in {session.organisation.name}
          </h2>
          <p className="muted">
            You may: {ROLE_DESCRIPTIONS[session.role]}.
            {session.role === 'contributor' &&
              (units > 0
                ? ` You look after ${units} business unit${units === 1 ? '' : 's'}.`
                : ' You have no business unit yet: ask an admin to give you one.')}
          </p>
        </section>
        <PasswordCard />
        <TotpCard required={session.organisation.requireTotp ?? false} />
      </div>
    </div>
  );
}
