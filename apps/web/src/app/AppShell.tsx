import { NavLink, Outlet } from 'react-router';
import { ROLE_LABELS } from '../features/auth/permissions';
import { useLogOut, useSignedIn, useSwitchOrganisation } from '../features/auth/session';
import { useCan } from '../features/auth/useCan';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { TotpSetupRequired } from '../features/account/TotpSetupRequired';
import { DatabaseStatus } from '../ui/DatabaseStatus';
import { describeError } from '../ui/errors';
import { useToast } from '../ui/toast';
import './shell.css';

/** The header every signed-in screen shares: where you are, who you are, in which organisation. */
export function AppShell() {
  const session = useSignedIn();
  const { can } = useCan();
  const logOut = useLogOut();
  // The organisation requires a second factor this member has not set up: the API answers nothing
  // else until it is, so that is all the app shows (with the way out).
  if (session.organisation.requireTotp && !session.user.totpEnabled)
    return (
      <div className="app">
        <header className="app-header">
          <h1 className="brand">Throughline</h1>
          <span className="header-spacer" />
          <OrganisationSwitcher />
          <span className="header-user" data-testid="header-user">
            <span className="header-user-name">{session.user.name}</span>
            <span className="header-role">{ROLE_LABELS[session.role]}</span>
          </span>
          <button type="button" className="header-button" onClick={logOut}>
            Log out
          </button>
        </header>
        <main className="app-main">
          <TotpSetupRequired />
        </main>
      </div>
    );
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">Throughline</h1>
        <nav className="app-nav" aria-label="Main">
          <NavLink to={session.role === 'executive' || session.role === 'contributor' ? '/map' : '/'} end>
            Map
          </NavLink>
          <NavLink to="/dashboard">Dashboard</NavLink>
          <NavLink to="/okrs">OKRs</NavLink>
          <NavLink to="/snapshots">Snapshots</NavLink>
          <NavLink to="/raid">RAID</NavLink>
          {session.role === 'contributor' && <NavLink to="/my-unit">My unit</NavLink>}
          {can('approveLinks') && <NavLink to="/inbox">Inbox</NavLink>}
          {can('runImport') && <NavLink to="/import">Import</NavLink>}
          {can('manageMembers') && <NavLink to="/members">Members</NavLink>}
          {can('manageSettings') && <NavLink to="/settings">Settings</NavLink>}
          {can('viewChangeLog') && <NavLink to="/change-log">Change log</NavLink>}
        </nav>
        <span className="header-spacer" />
        <OrganisationSwitcher />
        <NotificationBell />
        <NavLink to="/account" className="header-user" data-testid="header-user" title="Your account">
          <span className="header-user-name">{session.user.name}</span>
          <span className="header-role">{ROLE_LABELS[session.role]}</span>
        </NavLink>
        <button type="button" className="header-button" onClick={logOut}>
          Log out
        </button>
        <DatabaseStatus />
      </header>
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}

/** The organisation you work in; a member of several switches here (everything on screen reloads). */
function OrganisationSwitcher() {
  const session = useSignedIn();
  const switchTo = useSwitchOrganisation();
  const toast = useToast();
  if (session.organisations.length < 2)
    return (
      <span className="header-org" data-testid="organisation-name" title={session.organisation.name}>
        {session.organisation.name}
      </span>
    );
  return (
    <select
      className="header-org-select"
      aria-label="Organisation"
      value={session.organisation.id}
      disabled={switchTo.isPending}
      onChange={(e) => switchTo.mutate(e.target.value, { onError: (error) => toast(describeError(error), 'error') })}
    >
      {session.organisations.map((org) => (
        <option key={org.id} value={org.id}>
          {org.name} ({ROLE_LABELS[org.role]})
        </option>
      ))}
    </select>
  );
}
