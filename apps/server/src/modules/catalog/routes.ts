import {
  abolishProcedureSchema,
  adminProcedureListQuerySchema,
  adminProcedureListSchema,
  announceVersionSchema,
  createProcedureFieldSchema,
  createProcedureSchema,
  exportQuerySchema,
  importJobParamsSchema,
  importJobSchema,
  procedureDetailSchema,
  procedureFieldListSchema,
  procedureFieldSchema,
  procedureParamsSchema,
  procedureVersionSchema,
  publicProcedureSchema,
  publishVersionSchema,
  replaceWorkflowSchema,
  returnVersionSchema,
  searchQuerySchema,
  searchResultSchema,
  startImportSchema,
  synonymInputSchema,
  synonymListSchema,
  synonymSchema,
  updateVersionSchema,
  versionParamsSchema,
  workflowHistorySchema,
  workflowListSchema,
  workflowParamsSchema,
  workflowSchema,
  workflowValidationSchema,
} from '@motcua/contracts/catalog';
import { z } from 'zod';
import type { ServiceContext } from '../../platform/access-context';
import type { HttpApp } from '../../platform/http-app';
import * as catalog from './catalog-service';
import * as importer from './import-service';
import * as search from './search-service';
import * as workflows from './workflow-service';

const edit = { permission: 'catalog.edit' } as const;
const review = { permission: 'catalog.review' } as const;
const IMPORT_BODY_LIMIT = 40 * 1024 * 1024;

/** The catalogue module in the application: its routes and the import worker. */
export function catalogRoutes(app: HttpApp, ctx: ServiceContext, publicPerMinute: number): void {
  importer.registerImportJobs(ctx);
  const publicRead = {
    access: 'public' as const,
    rateLimit: { max: publicPerMinute, timeWindow: '1 minute' },
  };

  // ── public ──
  app.get(
    '/api/catalog/search',
    { schema: { querystring: searchQuerySchema, response: { 200: searchResultSchema } }, config: publicRead },
    async (req) => search.searchProcedures(ctx, req.query),
  );
  app.get(
    '/api/catalog/procedures/:id',
    {
      schema: { params: procedureParamsSchema, response: { 200: publicProcedureSchema } },
      config: publicRead,
    },
    async (req) => catalog.getPublicProcedure(ctx, req.params.id),
  );
  app.get(
    '/api/catalog/fields',
    { schema: { response: { 200: procedureFieldListSchema } }, config: publicRead },
    async () => ({ fields: await search.listFields(ctx) }),
  );
  app.post(
    '/api/catalog/fields',
    {
      schema: { body: createProcedureFieldSchema, response: { 201: procedureFieldSchema } },
      config: { access: edit },
    },
    async (req, reply) => {
      reply.status(201);
      return search.createField(ctx, req.access, req.body);
    },
  );

  // ── synonyms ──
  app.get(
    '/api/catalog/synonyms',
    { schema: { response: { 200: synonymListSchema } }, config: { access: edit } },
    async () => ({ synonyms: await search.listSynonyms(ctx) }),
  );
  app.post(
    '/api/catalog/synonyms',
    { schema: { body: synonymInputSchema, response: { 201: synonymSchema } }, config: { access: edit } },
    async (req, reply) => {
      reply.status(201);
      return search.createSynonym(ctx, req.access, req.body);
    },
  );
  app.put(
    '/api/catalog/synonyms/:id',
    {
      schema: { params: procedureParamsSchema, body: synonymInputSchema, response: { 200: synonymSchema } },
      config: { access: edit },
    },
    async (req) => search.updateSynonym(ctx, req.access, req.params.id, req.body),
  );
  app.delete(
    '/api/catalog/synonyms/:id',
    { schema: { params: procedureParamsSchema }, config: { access: edit } },
    async (req, reply) => {
      await search.deleteSynonym(ctx, req.access, req.params.id);
      return reply.status(204).send();
    },
  );

  // ── admin: procedures and versions (reads: editors and reviewers, checked by scope in the service) ──
  app.get(
    '/api/catalog/admin/procedures',
    {
      schema: { querystring: adminProcedureListQuerySchema, response: { 200: adminProcedureListSchema } },
      config: { access: 'authenticated' },
    },
    async (req) => catalog.listProcedures(ctx, req.access, req.query),
  );
  app.post(
    '/api/catalog/admin/procedures',
    {
      schema: { body: createProcedureSchema, response: { 201: procedureDetailSchema } },
      config: { access: edit },
    },
    async (req, reply) => {
      reply.status(201);
      return catalog.createProcedure(ctx, req.access, req.body);
    },
  );
  app.get(
    '/api/catalog/admin/procedures/:id',
    {
      schema: { params: procedureParamsSchema, response: { 200: procedureDetailSchema } },
      config: { access: 'authenticated' },
    },
    async (req) => catalog.getProcedureDetail(ctx, req.access, req.params.id),
  );
  app.post(
    '/api/catalog/admin/procedures/:id/amend',
    {
      schema: { params: procedureParamsSchema, response: { 201: procedureVersionSchema } },
      config: { access: edit },
    },
    async (req, reply) => {
      reply.status(201);
      return catalog.amendProcedure(ctx, req.access, req.params.id);
    },
  );
  app.post(
    '/api/catalog/admin/procedures/:id/abolish',
    {
      schema: {
        params: procedureParamsSchema,
        body: abolishProcedureSchema,
        response: { 200: procedureVersionSchema },
      },
      config: { access: edit },
    },
    async (req) => catalog.abolishProcedure(ctx, req.access, req.params.id, req.body),
  );
  app.get(
    '/api/catalog/admin/versions/:id',
    {
      schema: { params: versionParamsSchema, response: { 200: procedureVersionSchema } },
      config: { access: 'authenticated' },
    },
    async (req) => catalog.getVersion(ctx, req.access, req.params.id),
  );
  app.put(
    '/api/catalog/admin/versions/:id',
    {
      schema: {
        params: versionParamsSchema,
        body: updateVersionSchema,
        response: { 200: procedureVersionSchema },
      },
      config: { access: edit },
    },
    async (req) => catalog.updateVersionContent(ctx, req.access, req.params.id, req.body.content),
  );
  const transition = (
    path: string,
    access: typeof edit | typeof review,
    body: z.ZodType,
    toInput: (body: never) => catalog.TransitionInput,
  ) =>
    app.post(
      `/api/catalog/admin/versions/:id/${path}`,
      {
        schema: { params: versionParamsSchema, body, response: { 200: procedureVersionSchema } },
        config: { access },
      },
      async (req) => catalog.transitionVersion(ctx, req.access, req.params.id, toInput(req.body as never)),
    );
  const empty = z.object({}).optional();
  transition('submit', edit, empty, () => ({ action: 'submit' }));
  transition('approve', review, empty, () => ({ action: 'approve' }));
  transition('return', review, returnVersionSchema, (b: z.infer<typeof returnVersionSchema>) => ({
    action: 'return',
    reason: b.reason,
  }));
  transition('announce', edit, announceVersionSchema, (b: z.infer<typeof announceVersionSchema>) => ({
    action: 'announce',
    ...b,
  }));
  transition('publish', edit, publishVersionSchema, (b: z.infer<typeof publishVersionSchema>) => ({
    action: 'publish',
    effectiveFrom: b.effectiveFrom,
  }));

  // ── admin: workflows ──
  app.get(
    '/api/catalog/admin/procedures/:id/workflows',
    {
      schema: { params: procedureParamsSchema, response: { 200: workflowListSchema } },
      config: { access: 'authenticated' },
    },
    async (req) => ({ workflows: await workflows.listWorkflows(ctx, req.access, req.params.id) }),
  );
  app.get(
    '/api/catalog/admin/procedures/:id/workflows/:agencyId',
    {
      schema: { params: workflowParamsSchema, response: { 200: workflowHistorySchema } },
      config: { access: 'authenticated' },
    },
    async (req) => workflows.getWorkflow(ctx, req.access, req.params.id, req.params.agencyId),
  );
  app.put(
    '/api/catalog/admin/procedures/:id/workflows/:agencyId',
    {
      schema: {
        params: workflowParamsSchema,
        body: replaceWorkflowSchema,
        response: { 200: workflowSchema },
      },
      config: { access: edit },
    },
    async (req) =>
      workflows.replaceWorkflow(ctx, req.access, req.params.id, req.params.agencyId, req.body.definition),
  );
  app.post(
    '/api/catalog/admin/procedures/:id/workflows/:agencyId/validate',
    {
      schema: {
        params: workflowParamsSchema,
        body: replaceWorkflowSchema,
        response: { 200: workflowValidationSchema },
      },
      config: { access: edit },
    },
    async (req) =>
      workflows.validateWorkflowDraft(
        ctx,
        req.access,
        req.params.id,
        req.params.agencyId,
        req.body.definition,
      ),
  );

  // ── import / export ──
  app.post(
    '/api/catalog/admin/imports',
    {
      schema: { body: startImportSchema, response: { 202: importJobSchema } },
      config: { access: edit },
      bodyLimit: IMPORT_BODY_LIMIT,
    },
    async (req, reply) => {
      reply.status(202);
      return importer.startImport(ctx, req.access, req.body);
    },
  );
  app.get(
    '/api/catalog/admin/imports/:id',
    {
      schema: { params: importJobParamsSchema, response: { 200: importJobSchema } },
      config: { access: edit },
    },
    async (req) => importer.getImportJob(ctx, req.access, req.params.id),
  );
  app.get(
    '/api/catalog/admin/exports',
    { schema: { querystring: exportQuerySchema }, config: { access: 'authenticated' } },
    async (req, reply) => {
      const stamp = new Date(ctx.now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
      if (req.query.format === 'xlsx') {
        const buffer = await importer.exportWorkbook(ctx, req.access, req.query);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="danh-muc-tthc-${stamp}.xlsx"`)
          .send(buffer);
      }
      const records = await importer.exportRecords(ctx, req.access, req.query);
      return reply
        .header('content-disposition', `attachment; filename="danh-muc-tthc-${stamp}.json"`)
        .send({ format: 'national-catalogue', exportedAt: ctx.now().toISOString(), records });
    },
  );
}
