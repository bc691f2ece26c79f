import { useSignedIn } from '../auth/session';
import { TotpCard } from './TotpCard';
import './account.css';

/** All a member sees while its organisation requires a second factor it has not set up yet. */
export function TotpSetupRequired() {
  const session = useSignedIn();
  return (
    <div className="page" data-testid="totp-setup-required">
      <div className="page-inner">
        <h1 className="page-title">Set up your second factor</h1>
        <p className="page-lead">
          {session.organisation.name} asks every member to log in with a code from an authenticator app as well as a
          password. Set it up now to continue; it takes a minute.
        </p>
        <TotpCard required />
      </div>
    </div>
  );
}
