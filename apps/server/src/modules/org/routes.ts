import {
  agencyDetailSchema,
  agencyListQuerySchema,
  agencyListSchema,
  agencySchema,
  createAgencySchema,
  createDeskSchema,
  deskListSchema,
  deskSchema,
  dissolveAgencySchema,
  mergeAgenciesSchema,
  renameAgencySchema,
  updateAgencySchema,
  updateDeskSchema,
} from '@motcua/contracts/org';
import { localDate } from '@motcua/contracts/primitives';
import { z } from 'zod';
import type { ServiceContext } from '../../platform/access-context';
import type { HttpApp } from '../../platform/http-app';
import * as org from './agency-service';

const idParams = z.object({ id: z.string().max(64) });
const manage = { permission: 'org.manage' } as const;

export function orgRoutes(app: HttpApp, ctx: ServiceContext, publicPerMinute: number): void {
  const publicRead = {
    access: 'public' as const,
    rateLimit: { max: publicPerMinute, timeWindow: '1 minute' },
  };

  app.get(
    '/api/org/agencies',
    {
      schema: { querystring: agencyListQuerySchema, response: { 200: agencyListSchema } },
      config: publicRead,
    },
    async (req) => ({
      agencies: await org.listAgencies(ctx, req.query),
    }),
  );

  app.get(
    '/api/org/agencies/:id',
    {
      schema: {
        params: idParams,
        querystring: z.object({ asOf: localDate.optional() }),
        response: { 200: agencyDetailSchema },
      },
      config: publicRead,
    },
    async (req) => org.getAgency(ctx, req.params.id, req.query.asOf),
  );

  app.post(
    '/api/org/agencies',
    { schema: { body: createAgencySchema, response: { 201: agencySchema } }, config: { access: manage } },
    async (req, reply) => {
      reply.status(201);
      return org.createAgency(ctx, req.access, req.body);
    },
  );

  app.patch(
    '/api/org/agencies/:id',
    {
      schema: { params: idParams, body: updateAgencySchema, response: { 200: agencySchema } },
      config: { access: manage },
    },
    async (req) => org.updateAgency(ctx, req.access, req.params.id, req.body),
  );

  app.post(
    '/api/org/agencies/:id/renames',
    {
      schema: { params: idParams, body: renameAgencySchema, response: { 200: agencyDetailSchema } },
      config: { access: manage },
    },
    async (req) => org.renameAgency(ctx, req.access, req.params.id, req.body),
  );

  app.post(
    '/api/org/agencies/:id/dissolve',
    {
      schema: { params: idParams, body: dissolveAgencySchema, response: { 200: agencySchema } },
      config: { access: manage },
    },
    async (req) => org.dissolveAgency(ctx, req.access, req.params.id, req.body.effectiveDate),
  );

  app.post(
    '/api/org/mergers',
    {
      schema: {
        body: mergeAgenciesSchema,
        response: { 201: z.object({ agency: agencySchema, endedDeskIds: z.array(z.string()) }) },
      },
      config: { access: manage },
    },
    async (req, reply) => {
      reply.status(201);
      return org.mergeAgencies(ctx, req.access, req.body);
    },
  );

  app.get(
    '/api/org/desks',
    {
      schema: {
        querystring: z.object({ agencyId: z.string().max(64).optional(), activeOn: localDate.optional() }),
        response: { 200: deskListSchema },
      },
      config: publicRead,
    },
    async (req) => ({ desks: await org.listDesks(ctx, req.query) }),
  );

  app.get(
    '/api/org/desks/:id',
    { schema: { params: idParams, response: { 200: deskSchema } }, config: publicRead },
    async (req) => org.getDesk(ctx, req.params.id),
  );

  app.post(
    '/api/org/desks',
    { schema: { body: createDeskSchema, response: { 201: deskSchema } }, config: { access: manage } },
    async (req, reply) => {
      reply.status(201);
      return org.createDesk(ctx, req.access, req.body);
    },
  );

  app.patch(
    '/api/org/desks/:id',
    {
      schema: { params: idParams, body: updateDeskSchema, response: { 200: deskSchema } },
      config: { access: manage },
    },
    async (req) => org.updateDesk(ctx, req.access, req.params.id, req.body),
  );
}
