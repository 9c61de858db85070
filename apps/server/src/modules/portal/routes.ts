import {
  applicantProfileSchema,
  draftListQuerySchema,
  draftListSchema,
  draftParamsSchema,
  draftSchema,
  ratingAnswerSchema,
  ratingInputSchema,
  ratingParamsSchema,
  ratingSchema,
  saveDraftSchema,
} from '@motcua/contracts/portal';
import type { ServiceContext } from '../../platform/access-context';
import { forbidden, notFound } from '../../platform/app-error';
import type { HttpApp } from '../../platform/http-app';
import { deleteDraft, getDraft, listDrafts, saveDraft } from './draft-service';
import { getRating, rateDossier } from './rating-service';

/** The citizens' portal: the applicant's profile for prefilling, drafts of submissions, ratings. */
export function portalRoutes(app: HttpApp, ctx: ServiceContext): void {
  app.get(
    '/api/portal/profile',
    { schema: { response: { 200: applicantProfileSchema } }, config: { access: 'authenticated' } },
    async (req) => {
      const user = req.caller.user!;
      if (user.kind !== 'citizen') throw forbidden('Chỉ công dân, tổ chức có hồ sơ người nộp');
      return {
        fullName: user.fullName,
        idNumber: user.identityNumber,
        email: user.email,
        phone: user.phone,
      };
    },
  );

  app.get(
    '/api/portal/drafts',
    {
      schema: { querystring: draftListQuerySchema, response: { 200: draftListSchema } },
      config: { access: 'authenticated' },
    },
    async (req) => listDrafts(ctx, req.access, req.query.procedureId),
  );

  app.get(
    '/api/portal/drafts/:procedureId/:agencyId',
    {
      schema: { params: draftParamsSchema, response: { 200: draftSchema } },
      config: { access: 'authenticated' },
    },
    async (req) => {
      const draft = await getDraft(ctx, req.access, req.params);
      if (!draft) throw notFound('bản nháp', 'DRAFT_NOT_FOUND');
      return draft;
    },
  );

  app.put(
    '/api/portal/drafts/:procedureId/:agencyId',
    {
      schema: { params: draftParamsSchema, body: saveDraftSchema, response: { 200: draftSchema } },
      config: { access: 'authenticated' },
    },
    async (req) => saveDraft(ctx, req.access, req.params, req.body),
  );

  app.delete(
    '/api/portal/drafts/:procedureId/:agencyId',
    { schema: { params: draftParamsSchema }, config: { access: 'authenticated' } },
    async (req, reply) => {
      await deleteDraft(ctx, req.access, req.params);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/portal/dossiers/:id/rating',
    {
      schema: { params: ratingParamsSchema, response: { 200: ratingAnswerSchema } },
      config: { access: 'authenticated' },
    },
    async (req) => getRating(ctx, req.access, req.params.id),
  );

  app.post(
    '/api/portal/dossiers/:id/rating',
    {
      schema: { params: ratingParamsSchema, body: ratingInputSchema, response: { 201: ratingSchema } },
      config: { access: 'authenticated' },
    },
    async (req, reply) => {
      const rating = await rateDossier(ctx, req.access, req.params.id, req.body);
      return reply.status(201).send(rating);
    },
  );
}
