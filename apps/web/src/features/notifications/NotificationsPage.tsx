import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Notification } from '../../api/notifications.queries';
import { notificationsQuery, useMarkRead } from '../../api/notifications.queries';
import { useAcknowledgeDependency } from '../../api/proposals.queries';
import { describeError } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { useToast } from '../../ui/toast';
import './notifications.css';

const TITLES: Record<Notification['kind'], string> = {
  proposal_approved: 'Your proposal was approved',
  proposal_rejected: 'Your proposal was rejected',
  dependency_to_acknowledge: 'A dependency on your unit waits for you',
  dependency_acknowledged: 'Your dependency was acknowledged',
};

/** `/notifications`: decisions on my proposals and the cross-unit dependencies I am asked to acknowledge. */
export function NotificationsPage() {
  const list = useQuery(notificationsQuery());
  const markRead = useMarkRead();
  const items = list.data?.items ?? [];
  // Opening the list reads it: the badge clears, while what was new stays marked until you leave.
  const [newOnArrival, setNewOnArrival] = useState<ReadonlySet<string> | null>(null);
  if (list.data && !newOnArrival) setNewOnArrival(new Set(list.data.items.filter((n) => !n.readAt).map((n) => n.id)));
  const marked = useRef(false);
  const { mutate: markAll } = markRead;
  useEffect(() => {
    if (!list.data?.unread || marked.current) return;
    marked.current = true;
    markAll({ all: true });
  }, [list.data, markAll]);
  return (
    <div className="page">
      <div className="page-inner">
        <h1 className="page-title">Notifications</h1>
        <p className="page-lead">
          Decisions on the links you proposed, and dependencies other units declared on yours.
        </p>
        {list.isPending && <p className="muted">Loading…</p>}
        {list.error && (
          <p className="form-error" role="alert">
            {describeError(list.error)}
          </p>
        )}
        {list.data && items.length === 0 && <p className="muted">Nothing yet.</p>}
        {items.length > 0 && (
          <ul className="card notification-list" data-testid="notifications">
            {items.map((n) => (
              <Item key={n.id} notification={n} isNew={!n.readAt || !!newOnArrival?.has(n.id)} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function Item({ notification: n, isNew }: { notification: Notification; isNew: boolean }) {
  const format = useFormat();
  const acknowledge = useAcknowledgeDependency();
  const markRead = useMarkRead();
  const toast = useToast();
  const onAcknowledge = () =>
    acknowledge.mutate(
      { id: n.linkId! },
      {
        onSuccess: () => {
          toast('Dependency acknowledged: it now counts as agreed', 'success');
          markRead.mutate({ ids: [n.id] });
        },
        onError: (e) => toast(describeError(e), 'error'),
      },
    );
  return (
    <li className={`notification${isNew ? ' is-unread' : ''}`} data-testid="notification" data-kind={n.kind}>
      <span className="notification-dot" aria-hidden="true" />
      <div className="notification-body">
        <div className="muted notification-meta">
          {TITLES[n.kind]} · {format.dateTime(n.createdAt)}
          {isNew && <span className="sr-only"> (new)</span>}
        </div>
        <div className="notification-message">{n.message}</div>
        {n.comment && <p className="notification-comment">“{n.comment}”</p>}
      </div>
      <div className="notification-actions">
        {n.fromNodeId && <Link to={`/map?sel=${encodeURIComponent(n.fromNodeId)}`}>On the map</Link>}
        {n.kind === 'dependency_to_acknowledge' && n.linkId && (
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={acknowledge.isPending}
            onClick={onAcknowledge}
          >
            Acknowledge
          </button>
        )}
      </div>
    </li>
  );
}
