import { useQuery } from '@tanstack/react-query';
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
  const toast = useToast();
  const items = list.data?.items ?? [];
  return (
    <div className="page">
      <div className="page-inner">
        <div className="section-head">
          <h1 className="page-title">Notifications</h1>
          <button
            type="button"
            className="btn btn-small"
            disabled={!list.data?.unread || markRead.isPending}
            onClick={() => markRead.mutate({ all: true }, { onError: (e) => toast(describeError(e), 'error') })}
          >
            Mark all as read
          </button>
        </div>
        <p className="page-lead">Decisions on the links you proposed, and dependencies other units declared on yours.</p>
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
              <Item key={n.id} notification={n} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function Item({ notification: n }: { notification: Notification }) {
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
    <li className={`notification${n.readAt ? '' : ' is-unread'}`} data-testid="notification" data-kind={n.kind}>
      <span className="notification-dot" aria-hidden="true" />
      <div className="notification-body">
        <div className="muted notification-meta">
          {TITLES[n.kind]} · {format.dateTime(n.createdAt)}
          {!n.readAt && <span className="sr-only"> (unread)</span>}
        </div>
        <div className="notification-message">{n.message}</div>
        {n.comment && <p className="notification-comment">“{n.comment}”</p>}
      </div>
      <div className="notification-actions">
        {n.fromNodeId && <Link to={`/map?sel=${encodeURIComponent(n.fromNodeId)}`}>On the map</Link>}
        {n.kind === 'dependency_to_acknowledge' && n.linkId && (
          <button type="button" className="btn btn-small btn-primary" disabled={acknowledge.isPending} onClick={onAcknowledge}>
            Acknowledge
          </button>
        )}
        {!n.readAt && (
          <button type="button" className="btn btn-small" onClick={() => markRead.mutate({ ids: [n.id] })}>
            Mark read
          </button>
        )}
      </div>
    </li>
  );
}
