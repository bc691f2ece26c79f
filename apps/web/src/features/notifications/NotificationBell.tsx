import { useQuery } from '@tanstack/react-query';
import { NavLink } from 'react-router';
import { notificationsQuery } from '../../api/notifications.queries';
import './notifications.css';

/** The header's bell: a badge with the unread count (decisions on my proposals, dependencies to acknowledge). */
export function NotificationBell() {
  const { data } = useQuery(notificationsQuery());
  const unread = data?.unread ?? 0;
  return (
    <NavLink
      to="/notifications"
      className="header-bell"
      data-testid="notification-bell"
      aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
      title="Notifications"
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread > 0 && (
        <span className="badge" data-testid="notification-badge">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </NavLink>
  );
}
