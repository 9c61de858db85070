import { z } from 'zod';
import { uuid } from './primitives';

/** One in-app notification, as its recipient sees it. Instants are ISO 8601 (UTC). */
export const notificationSchema = z.object({
  id: z.string(),
  /** What happened, for the icon and filters: `dossier.received`, `dossier.due-soon`, … */
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** A path inside MotCua (`/office/dossiers/…`) to open, if any. */
  link: z.string().nullable(),
  dossierId: z.string().nullable(),
  agencyId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

/** GET /api/notifications?before=<id>&limit=&unreadOnly= — the caller's own, newest first. */
export const notificationListQuerySchema = z.object({
  /** The last notification of the previous page. */
  before: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  unreadOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const notificationListSchema = z.object({
  notifications: z.array(notificationSchema),
  /** All of the caller's unread notifications, not only this page's. */
  unreadCount: z.number().int(),
  hasMore: z.boolean(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

/** POST /api/notifications/:id/read */
export const notificationParamsSchema = z.object({ id: uuid });
export const notificationReadSchema = z.object({
  notification: notificationSchema,
  unreadCount: z.number().int(),
});
export type NotificationRead = z.infer<typeof notificationReadSchema>;

/** POST /api/notifications/read-all */
export const notificationsReadAllSchema = z.object({
  /** How many were unread until now. */
  updated: z.number().int(),
  unreadCount: z.number().int(),
});
export type NotificationsReadAll = z.infer<typeof notificationsReadAllSchema>;
