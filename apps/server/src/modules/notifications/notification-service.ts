import type {
  Notification,
  NotificationList,
  NotificationListQuery,
  NotificationRead,
  NotificationsReadAll,
} from '@motcua/contracts/notification';
import type { AccessContext, ServiceContext } from '../../platform/access-context';
import { notFound, unauthenticated } from '../../platform/app-error';
import type { Db } from '../../platform/database';
import * as store from './store';

/**
 * In-app notifications. Other modules call `notify` inside their own transaction, so a notification
 * exists exactly when the change it announces commits; people read only their own.
 */

export interface NotificationMessage {
  /** What happened, dotted: `dossier.received`, `dossier.supplement-requested`, `dossier.due-soon`… */
  kind: string;
  /** Vietnamese, short (the list shows it alone). */
  title: string;
  /** Vietnamese, one or two sentences. */
  body: string;
  /** A path inside MotCua to open: starts with one `/`, never another site. */
  link?: string | null;
  dossierId?: string | null;
  /** The agency the notification is about (filters, and who may later be told it was read). */
  agencyId?: string | null;
}

const maxTitle = 200;
const maxBody = 2000;

/**
 * One notification per distinct recipient (user ids), written with `tx`; `at` is the service's clock
 * (`ctx.now()`). Returns the new notifications' ids. A malformed message is a programming error.
 */
export async function notify(
  tx: Db,
  recipients: readonly string[],
  message: NotificationMessage,
  at: Date,
): Promise<string[]> {
  const title = message.title.normalize('NFC').trim();
  const body = message.body.normalize('NFC').trim();
  if (!/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/.test(message.kind) || message.kind.length > 100)
    throw new Error(`notify: kind "${message.kind}" must be dotted lowercase words`);
  if (title === '' || title.length > maxTitle)
    throw new Error(`notify: title must be 1–${maxTitle} characters`);
  if (body === '' || body.length > maxBody) throw new Error(`notify: body must be 1–${maxBody} characters`);
  const link = message.link ?? null;
  if (link !== null && !/^\/(?![/\\])\S*$/.test(link))
    throw new Error(`notify: link "${link}" must be a path inside MotCua`);
  return store.insertNotifications(
    tx,
    [...new Set(recipients)].map((recipientId) => ({
      recipientId,
      agencyId: message.agencyId ?? null,
      kind: message.kind,
      title,
      body,
      link,
      dossierId: message.dossierId ?? null,
      createdAt: at,
    })),
  );
}

/** GET /api/notifications */
export async function listNotifications(
  ctx: ServiceContext,
  access: AccessContext,
  query: NotificationListQuery,
): Promise<NotificationList> {
  const me = userOf(access);
  if (query.before !== undefined && !(await store.notificationOf(ctx.db, me, query.before)))
    throw notificationNotFound();
  const rows = await store.notificationsOf(ctx.db, me, {
    limit: query.limit + 1,
    unreadOnly: query.unreadOnly,
    ...(query.before === undefined ? {} : { before: query.before }),
  });
  return {
    notifications: rows.slice(0, query.limit).map(toNotification),
    unreadCount: await store.unreadCountOf(ctx.db, me),
    hasMore: rows.length > query.limit,
  };
}

/** POST /api/notifications/:id/read — another person's notification does not exist for the caller. */
export async function markNotificationRead(
  ctx: ServiceContext,
  access: AccessContext,
  id: string,
): Promise<NotificationRead> {
  const me = userOf(access);
  const row = await store.markRead(ctx.db, me, id, ctx.now());
  if (!row) throw notificationNotFound();
  return { notification: toNotification(row), unreadCount: await store.unreadCountOf(ctx.db, me) };
}

/** POST /api/notifications/read-all */
export async function markAllNotificationsRead(
  ctx: ServiceContext,
  access: AccessContext,
): Promise<NotificationsReadAll> {
  const me = userOf(access);
  const updated = await store.markAllRead(ctx.db, me, ctx.now());
  return { updated, unreadCount: await store.unreadCountOf(ctx.db, me) };
}

function userOf(access: AccessContext): string {
  if (access.userId === null) throw unauthenticated();
  return access.userId;
}

const notificationNotFound = () => notFound('thông báo', 'NOTIFICATION_NOT_FOUND');

function toNotification(row: store.NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    dossierId: row.dossierId,
    agencyId: row.agencyId,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
