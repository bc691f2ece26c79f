import { useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSignedIn } from '../auth/session';

/**
 * `/`: each role's home — executives the dashboard, contributors their unit's work, pmo and admin
 * the map. Only a bare `/` moves: a link into the map (`/?scope=chain…`) still opens the map. The
 * choice is made on arrival: switching organisation (and so role) leaves you where you are.
 */
export function RoleHome({ home }: { home: ReactNode }) {
  const session = useSignedIn();
  const { search, hash } = useLocation();
  const [target] = useState(() =>
    search || hash
      ? null
      : session.role === 'executive'
        ? '/dashboard'
        : session.role === 'contributor'
          ? '/my-unit'
          : null,
  );
  return target ? <Navigate to={target} replace /> : home;
}
