import {
  calendarYearParamsSchema,
  calendarYearSchema,
  createLocalChangeSchema,
  dueDateRequestSchema,
  dueDateResultSchema,
  localChangeListSchema,
  localChangeParamsSchema,
  localChangeSchema,
} from '@motcua/contracts/calendar';
import type { ServiceContext } from '../../platform/access-context';
import type { HttpApp } from '../../platform/http-app';
import * as calendar from './calendar-service';

const manage = { permission: 'calendar.manage' } as const;

export function calendarRoutes(app: HttpApp, ctx: ServiceContext, publicPerMinute: number): void {
  const publicRead = {
    access: 'public' as const,
    rateLimit: { max: publicPerMinute, timeWindow: '1 minute' },
  };

  app.get(
    '/api/calendar/local-changes',
    { schema: { response: { 200: localChangeListSchema } }, config: { access: manage } },
    async () => ({ localChanges: await calendar.listLocalChanges(ctx) }),
  );

  app.post(
    '/api/calendar/local-changes',
    {
      schema: { body: createLocalChangeSchema, response: { 201: localChangeSchema } },
      config: { access: manage },
    },
    async (req, reply) => {
      reply.status(201);
      return calendar.createLocalChange(ctx, req.access, req.body);
    },
  );

  app.delete(
    '/api/calendar/local-changes/:id',
    { schema: { params: localChangeParamsSchema }, config: { access: manage } },
    async (req, reply) => {
      await calendar.deleteLocalChange(ctx, req.access, req.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/calendar/due',
    { schema: { body: dueDateRequestSchema, response: { 200: dueDateResultSchema } }, config: publicRead },
    async (req) => calendar.computeDueDate(ctx, req.body),
  );

  app.get(
    '/api/calendar/:year',
    {
      schema: { params: calendarYearParamsSchema, response: { 200: calendarYearSchema } },
      config: publicRead,
    },
    async (req) => calendar.calendarYear(ctx, req.params.year),
  );
}
