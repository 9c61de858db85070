import type {
  Notification,
  NotificationList,
  NotificationRead,
  NotificationsReadAll,
} from '@motcua/contracts/notification';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, messageOf, pathWithQuery } from '../api/client';
import { notificationText as t } from '../i18n/vi/portal-dossier';
import { commonText } from '../i18n/vi/shared-strings';
import { usePageTitle } from '../page-title';
import { CitizenGate } from './citizen-gate';
import { formatDateTime } from './dossier-format';
import { portalKeys } from './portal-queries';

const PAGE = 20;

/** A notification about a dossier opens the portal's page of it; other links only when inside the portal. */
function portalLink(n: Notification): string | null {
  if (n.dossierId) return `/portal/dossiers/${encodeURIComponent(n.dossierId)}`;
  if (n.link && (n.link.startsWith('/portal/') || n.link.startsWith('/tra-cuu/'))) return n.link;
  return null;
}

function NotificationItem({ n, onRead }: { n: Notification; onRead: (id: string) => void }) {
  const link = portalLink(n);
  return (
    <li className={n.readAt ? 'portal-card notification' : 'portal-card notification notification-unread'}>
      <h2 className="notification-title">
        {!n.readAt && <span className="badge badge-required">{t.unread}</span>} {n.title}
      </h2>
      <p>{n.body}</p>
      <p className="fact-note">
        <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
      </p>
      <p className="button-row">
        {link && (
          <Link to={link} onClick={() => (n.readAt ? undefined : onRead(n.id))}>
            {t.open}
          </Link>
        )}
        {!n.readAt && (
          <button type="button" className="link-button" onClick={() => onRead(n.id)}>
            {t.markRead}
          </button>
        )}
      </p>
    </li>
  );
}

/** One page of the inbox, after the notification `before` (the first page: none). */
function InboxPage({
  before,
  isLast,
  onMore,
  onRead,
  onMarkAll,
}: {
  before: string | undefined;
  isLast: boolean;
  onMore: (before: string) => void;
  onRead: (id: string) => void;
  onMarkAll: () => void;
}) {
  const page = useQuery({
    queryKey: [...portalKeys.notifications, before ?? 'first'],
    queryFn: () => api.get<NotificationList>(pathWithQuery('/api/notifications', { limit: PAGE, before })),
  });
  if (page.isPending)
    return (
      <p className="page-loading" role="status">
        {commonText.loading}
      </p>
    );
  if (page.isError)
    return (
      <div className="notice notice-error" role="alert">
        <p>
          {t.loadFailed} {messageOf(page.error)}
        </p>
        <button type="button" className="button" onClick={() => void page.refetch()}>
          {commonText.retry}
        </button>
      </div>
    );
  const { notifications, unreadCount, hasMore } = page.data;
  const last = notifications.at(-1);
  return (
    <>
      {before === undefined && (
        <>
          <p role="status">{t.unreadCount(unreadCount)}</p>
          {unreadCount > 0 && (
            <button type="button" className="button" onClick={onMarkAll}>
              {t.markAllRead}
            </button>
          )}
          {notifications.length === 0 && <p className="portal-card">{t.empty}</p>}
        </>
      )}
      {notifications.length > 0 && (
        <ul className="notification-list">
          {notifications.map((n) => (
            <NotificationItem key={n.id} n={n} onRead={onRead} />
          ))}
        </ul>
      )}
      {isLast && hasMore && last && (
        <button type="button" className="button" onClick={() => onMore(last.id)}>
          {t.loadMore}
        </button>
      )}
    </>
  );
}

function Inbox() {
  const queryClient = useQueryClient();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const refresh = (unreadCount: number) => {
    queryClient.setQueryData(portalKeys.unread, unreadCount);
    void queryClient.invalidateQueries({ queryKey: portalKeys.notifications });
  };
  const markRead = (id: string) =>
    void api
      .post<NotificationRead>(`/api/notifications/${encodeURIComponent(id)}/read`)
      .then((r) => refresh(r.unreadCount));
  const markAll = () =>
    void api.post<NotificationsReadAll>('/api/notifications/read-all').then((r) => refresh(r.unreadCount));
  return (
    <>
      {cursors.map((before, i) => (
        <InboxPage
          key={before ?? 'first'}
          before={before}
          isLast={i === cursors.length - 1}
          onMore={(next) => setCursors((c) => [...c, next])}
          onRead={markRead}
          onMarkAll={markAll}
        />
      ))}
    </>
  );
}

/** `/portal/notifications`: the citizen's in-app notifications, newest first. */
export function NotificationsPage() {
  usePageTitle(t.title);
  return (
    <>
      <h1>{t.title}</h1>
      <CitizenGate>{() => <Inbox />}</CitizenGate>
    </>
  );
}
