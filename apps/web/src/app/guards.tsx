import { Link, Navigate, Outlet, useLocation } from 'react-router';
import type { Action } from '../features/auth/permissions';
import { can } from '../features/auth/permissions';
import { safeNext, useSession } from '../features/auth/session';

function Splash({ text }: { text: string }) {
  return (
    <div className="splash" role="status">
      {text}
    </div>
  );
}

/** Screens behind the log-in: without a session, the log-in page, which comes back here afterwards. */
export function RequireSession() {
  const { session, isPending, error } = useSession();
  const location = useLocation();
  if (isPending) return <Splash text="Loading…" />;
  if (error) return <Splash text="The server could not be reached. Reload the page to try again." />;
  if (!session) {
    const wanted = `${location.pathname}${location.search}${location.hash}`;
    const next = wanted === '/' ? '' : `?next=${encodeURIComponent(wanted)}`;
    return <Navigate to={`/log-in${next}`} replace />;
  }
  return <Outlet />;
}

/** Log-in and sign-up: someone already signed in goes where they were heading instead. */
export function SignedOutOnly() {
  const { session, isPending } = useSession();
  const location = useLocation();
  if (isPending) return <Splash text="Loading…" />;
  if (session) return <Navigate to={safeNext(new URLSearchParams(location.search).get('next'))} replace />;
  return <Outlet />;
}

/** A screen for the roles that may do `action` (admins' screens); others are told, not shown a blank. */
export function RequireAction({ action }: { action: Action }) {
  const { session } = useSession();
  if (!can(session, action))
    return (
      <div className="page">
        <div className="page-empty">
          <h1>Not available to your role</h1>
          <p className="muted">
            {action === 'approveLinks'
              ? 'Only a PMO lead or an admin decides proposals.'
              : 'Only an admin of the organisation can open this page.'}
          </p>
          <Link to="/">Back to the map</Link>
        </div>
      </div>
    );
  return <Outlet />;
}

export function NotFound() {
  return (
    <div className="page">
      <div className="page-empty">
        <h1>No such page</h1>
        <Link to="/">Back to the map</Link>
      </div>
    </div>
  );
}
