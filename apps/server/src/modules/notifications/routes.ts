import {
  notificationListQuerySchema,
  notificationListSchema,
  notificationParamsSchema,
  notificationReadSchema,
  notificationsReadAllSchema,
} from '@motcua/contracts/notification';
import type { ServiceContext } from '../../platform/access-context';
import type { HttpApp } from '../../platform/http-app';
import * as notifications from './notification-service';

/** Everyone signed in (staff and citizens) reads and marks only their own notifications. */
export function notificationRoutes(app: HttpApp, ctx: ServiceContext): void {
  app.get(
    '/api/notifications',
    {
      schema: { querystring: notificationListQuerySchema, response: { 200: notificationListSchema } },
      config: { access: 'authenticated' },
    },
    async (req) => notifications.listNotifications(ctx, req.access, req.query),
  );

  app.post(
    '/api/notifications/read-all',
    { schema: { response: { 200: notificationsReadAllSchema } }, config: { access: 'authenticated' } },
    async (req) => notifications.markAllNotificationsRead(ctx, req.access),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      schema: { params: notificationParamsSchema, response: { 200: notificationReadSchema } },
      config: { access: 'authenticated' },
    },
    async (req) => notifications.markNotificationRead(ctx, req.access, req.params.id),
  );
}
