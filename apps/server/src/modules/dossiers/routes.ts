import {
  applicantLookupQuerySchema,
  applicantLookupSchema,
  assigneeListSchema,
  dossierCodeParamsSchema,
  dossierCommandRequestSchema,
  dossierDetailSchema,
  dossierFormParamsSchema,
  dossierListQuerySchema,
  dossierListSchema,
  dossierParamsSchema,
  dossierQueueCountsSchema,
  publicDossierSchema,
  receiveDossierSchema,
  submitDossierSchema,
  trackingBookQuerySchema,
} from '@motcua/contracts/dossier';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from '../../platform/access-context';
import { invalid, unauthenticated } from '../../platform/app-error';
import type { HttpApp } from '../../platform/http-app';
import { executeCommand } from './command-service';
import type { Officer } from './dossier-context';
import { renderDossierForm, renderTrackingBook } from './form-service';
import { type IntakeResult, receiveAtDesk, submitOnline } from './intake-service';
import {
  assigneesOf,
  getDossier,
  listDossiers,
  lookupApplicants,
  publicLookup,
  queueCounts,
  writtenDossier,
} from './query-service';

const createdSchema = z.object({
  dossierId: z.string(),
  version: z.number().int().optional(),
  code: z.string().optional(),
});

/** The answer to a submission: the new dossier as committed, or a replayed one as it is now. */
function answerOf(ctx: ServiceContext, req: FastifyRequest, result: IntakeResult) {
  return result.written
    ? writtenDossier(ctx, req.access, result.written)
    : getDossier(ctx, req.access, result.dossierId, { justWritten: false });
}

function officerOf(req: FastifyRequest): Officer {
  const user = req.caller.user;
  if (!user) throw unauthenticated();
  return { userId: user.id, fullName: user.fullName, kind: user.kind };
}

function idempotencyKey(req: FastifyRequest): string | undefined {
  const value = req.headers['idempotency-key'];
  if (value === undefined) return undefined;
  const key = Array.isArray(value) ? value[0]! : value;
  if (!/^[\w.:-]{8,128}$/.test(key))
    throw invalid(
      'INVALID_IDEMPOTENCY_KEY',
      'Idempotency-Key phải gồm 8–128 ký tự chữ, số, ".", ":", "_" hoặc "-"',
    );
  return key;
}

export function dossierRoutes(
  app: HttpApp,
  ctx: ServiceContext,
  options: { publicPerMinute: number; publicUrl: string },
): void {
  const { publicPerMinute, publicUrl } = options;
  app.get(
    '/api/dossiers/tracking-book',
    { schema: { querystring: trackingBookQuerySchema }, config: { access: { permission: 'dossier.read' } } },
    async (req, reply) => {
      const book = await renderTrackingBook(ctx, req.access, req.query);
      return reply
        .header('content-type', book.contentType)
        .header('content-disposition', `attachment; filename="${book.filename}"`)
        .send(book.body);
    },
  );

  app.get(
    '/api/dossiers/queues',
    {
      schema: { response: { 200: dossierQueueCountsSchema } },
      config: { access: { permission: 'dossier.read' } },
    },
    async (req) => ({ queues: await queueCounts(ctx, req.access) }),
  );

  app.get(
    '/api/dossiers/applicants',
    {
      schema: { querystring: applicantLookupQuerySchema, response: { 200: applicantLookupSchema } },
      config: { access: { permission: 'dossier.receive' } },
    },
    async (req) => ({ applicants: await lookupApplicants(ctx, req.access, req.query.q) }),
  );

  app.get(
    '/api/dossiers/:id/assignees',
    {
      schema: { params: dossierParamsSchema, response: { 200: assigneeListSchema } },
      config: { access: { permission: 'dossier.read' } },
    },
    async (req) => ({ staff: await assigneesOf(ctx, req.access, req.params.id) }),
  );

  app.get(
    '/api/dossiers/:id/forms/:form',
    { schema: { params: dossierFormParamsSchema }, config: { access: 'authenticated' } },
    async (req, reply) => {
      const form = await renderDossierForm(ctx, req.access, req.params.id, req.params.form, publicUrl);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${form.filename}"`)
        .send(form.pdf);
    },
  );

  app.post(
    '/api/dossiers',
    {
      schema: {
        body: receiveDossierSchema,
        response: { 201: dossierDetailSchema, 200: dossierDetailSchema },
      },
      config: { access: { permission: 'dossier.receive' } },
    },
    async (req, reply) => {
      const result = await receiveAtDesk(ctx, req.access, officerOf(req), req.body, idempotencyKey(req));
      reply.status(result.created ? 201 : 200);
      return answerOf(ctx, req, result);
    },
  );

  app.post(
    '/api/portal/dossiers',
    {
      schema: { body: submitDossierSchema, response: { 201: dossierDetailSchema, 200: dossierDetailSchema } },
      config: { access: 'authenticated' },
    },
    async (req, reply) => {
      const user = req.caller.user!;
      const result = await submitOnline(
        ctx,
        req.access,
        { ...officerOf(req), email: user.email, phone: user.phone, idNumber: user.identityNumber },
        req.body,
        idempotencyKey(req),
      );
      reply.status(result.created ? 201 : 200);
      return answerOf(ctx, req, result);
    },
  );

  app.post(
    '/api/dossiers/:id/commands',
    {
      schema: {
        params: dossierParamsSchema,
        body: dossierCommandRequestSchema,
        response: { 200: createdSchema },
      },
      config: { access: 'authenticated' },
    },
    async (req) =>
      executeCommand(ctx, req.access, officerOf(req), req.params.id, req.body.version, req.body.command),
  );

  app.get(
    '/api/dossiers',
    {
      schema: { querystring: dossierListQuerySchema, response: { 200: dossierListSchema } },
      config: { access: 'authenticated' },
    },
    async (req) => listDossiers(ctx, req.access, req.query),
  );

  app.get(
    '/api/dossiers/:id',
    {
      schema: { params: dossierParamsSchema, response: { 200: dossierDetailSchema } },
      config: { access: 'authenticated' },
    },
    async (req) => getDossier(ctx, req.access, req.params.id),
  );

  app.get(
    '/api/public/dossiers/:code',
    {
      schema: { params: dossierCodeParamsSchema, response: { 200: publicDossierSchema } },
      config: { access: 'public', rateLimit: { max: publicPerMinute, timeWindow: '1 minute' } },
    },
    async (req) => publicLookup(ctx, req.params.code),
  );
}
