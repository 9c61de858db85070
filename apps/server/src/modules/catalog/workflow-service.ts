import type { Workflow, WorkflowDefinition, WorkflowIssue } from '@motcua/contracts/catalog';
import {
  defaultWorkflow,
  legalLimitHours,
  totalAllottedHours,
  unitReferences,
  validateWorkflow,
} from '@motcua/domain/catalog/workflow';
import type { AccessContext, ServiceContext } from '../../platform/access-context';
import { AppError, invalid, notFound } from '../../platform/app-error';
import { recordAudit } from '../../platform/audit-log';
import { inTransaction } from '../../platform/database';
import { agencyLabels } from '../org/agency-service';
import { isUuid } from './catalog-service';
import { committedChange } from './search-index-cache';
import * as store from './store';

/**
 * Internal workflows per procedure and implementing agency. Replacing a workflow adds a version (the
 * history is kept); an agency without one gets the generated default. Checked against the legal limit
 * of the procedure's latest version.
 */

async function requireProcedure(ctx: ServiceContext, access: AccessContext, id: string) {
  const procedure = isUuid(id) ? await store.procedureById(ctx.db, id) : undefined;
  if (!procedure) throw notFound('thủ tục hành chính', 'PROCEDURE_NOT_FOUND');
  const [edit, review] = await Promise.all([access.scope('catalog.edit'), access.scope('catalog.review')]);
  if (!edit.has(procedure.ownerAgencyId) && !review.has(procedure.ownerAgencyId))
    throw notFound('thủ tục hành chính', 'PROCEDURE_NOT_FOUND');
  const all = await store.versionsOf(ctx.db, procedure.id);
  return { procedure, latest: all[all.length - 1]! };
}

function limitOf(version: store.VersionRow) {
  return legalLimitHours(version.content.channels.map((c) => c.processingTime));
}

function view(
  procedureId: string,
  agencyId: string,
  version: store.VersionRow,
  row: store.WorkflowRow | null,
): Workflow {
  const { limitHours, basis } = limitOf(version);
  const definition = row ? row.definition : (defaultWorkflow(agencyId, limitHours) as WorkflowDefinition);
  return {
    procedureId,
    agencyId,
    version: row?.number ?? null,
    generated: row === null,
    definition,
    totals: { allottedHours: totalAllottedHours(definition), limitHours, limitBasis: basis },
    createdAt: row ? new Date(row.createdAt).toISOString() : null,
    createdBy: row?.createdBy ?? null,
  };
}

/** GET …/workflows — the current workflow of each implementing agency (generated when none is stored). */
export async function listWorkflows(
  ctx: ServiceContext,
  access: AccessContext,
  procedureId: string,
): Promise<Workflow[]> {
  const { procedure, latest } = await requireProcedure(ctx, access, procedureId);
  const rows = await store.workflowsOf(ctx.db, procedure.id);
  return latest.agencyIds.map((agencyId) => {
    const mine = rows.filter((r) => r.agencyId === agencyId);
    return view(procedure.id, agencyId, latest, mine[mine.length - 1] ?? null);
  });
}

export async function getWorkflow(
  ctx: ServiceContext,
  access: AccessContext,
  procedureId: string,
  agencyId: string,
): Promise<{ current: Workflow; history: Workflow[] }> {
  const { procedure, latest } = await requireProcedure(ctx, access, procedureId);
  assertImplementing(latest, agencyId);
  const rows = await store.workflowsOf(ctx.db, procedure.id, agencyId);
  return {
    current: view(procedure.id, agencyId, latest, rows[rows.length - 1] ?? null),
    history: rows.map((r) => view(procedure.id, agencyId, latest, r)),
  };
}

function assertImplementing(version: store.VersionRow, agencyId: string): void {
  if (!version.agencyIds.includes(agencyId))
    throw new AppError('AGENCY_NOT_IMPLEMENTING', 404, 'Cơ quan này không thực hiện thủ tục', {
      path: ['agencyId'],
    });
}

/** Every problem of a workflow: structure, time limit (domain) and the existence of each unit (org). */
export async function workflowIssues(
  ctx: ServiceContext,
  definition: WorkflowDefinition,
  limitHours: number | null,
): Promise<WorkflowIssue[]> {
  const issues = validateWorkflow(definition, limitHours);
  const refs = unitReferences(definition);
  const known = await agencyLabels(
    ctx,
    refs.map((r) => r.unitId),
  );
  for (const ref of refs)
    if (!known.has(ref.unitId))
      issues.push({
        path: ref.path,
        code: 'UNIT_NOT_FOUND',
        message: 'Không tìm thấy đơn vị chịu trách nhiệm của bước này',
      });
  return issues;
}

export async function validateWorkflowDraft(
  ctx: ServiceContext,
  access: AccessContext,
  procedureId: string,
  agencyId: string,
  definition: WorkflowDefinition,
) {
  const { latest } = await requireProcedure(ctx, access, procedureId);
  assertImplementing(latest, agencyId);
  const { limitHours, basis } = limitOf(latest);
  const issues = await workflowIssues(ctx, definition, limitHours);
  return {
    valid: issues.length === 0,
    issues,
    totals: { allottedHours: totalAllottedHours(definition), limitHours, limitBasis: basis },
  };
}

export async function replaceWorkflow(
  ctx: ServiceContext,
  access: AccessContext,
  procedureId: string,
  agencyId: string,
  definition: WorkflowDefinition,
): Promise<Workflow> {
  const { procedure, latest } = await requireProcedure(ctx, access, procedureId);
  await access.assertInScope('catalog.edit', procedure.ownerAgencyId);
  assertImplementing(latest, agencyId);
  const issues = await workflowIssues(ctx, definition, limitOf(latest).limitHours);
  if (issues.length > 0)
    throw invalid('WORKFLOW_INVALID', `Quy trình nội bộ có ${issues.length} lỗi`, { issues });
  // Intake keeps the workflows it read for as long as the catalogue's generation holds: this process's
  // next reception must see the new one without waiting for the database's announcement.
  const row = await committedChange(
    ctx.db,
    inTransaction(ctx.db, async (tx) => {
      const existing = await store.workflowsOf(tx, procedure.id, agencyId);
      const inserted = await store.insertWorkflow(tx, {
        procedureId: procedure.id,
        agencyId,
        number: (existing[existing.length - 1]?.number ?? 0) + 1,
        definition,
        at: ctx.now(),
        by: access.actor.name,
      });
      await recordAudit(
        tx,
        access.actor,
        {
          action: 'catalog.workflow.replace',
          targetType: 'workflow',
          targetId: inserted.id,
          agencyId: procedure.ownerAgencyId,
          details: {
            procedureId: procedure.id,
            agencyId,
            number: inserted.number,
            steps: definition.steps.length,
            allottedHours: totalAllottedHours(definition),
          },
        },
        ctx.now(),
      );
      return inserted;
    }),
  );
  return view(procedure.id, agencyId, latest, row);
}
