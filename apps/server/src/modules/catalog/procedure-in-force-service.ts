import type { ChannelKind, ProcedureContent } from '@motcua/contracts/catalog';
import type { ProcessingTime } from '@motcua/domain/calendar/due-date';
import { defaultWorkflow, legalLimitHours, type WorkflowDefinition } from '@motcua/domain/catalog/workflow';
import type { ServiceContext } from '../../platform/access-context';
import { isUuid } from './catalog-service';
import * as store from './store';

/**
 * What the dossier engine asks the catalogue: the procedure version in force at the instant a dossier is
 * received (a dossier is always judged by it), and the internal workflow of the handling agency in force
 * at that instant (the latest stored version created by then, or the generated default).
 */
export interface ProcedureInForce {
  procedureId: string;
  versionId: string;
  nationalCode: string;
  name: string;
  fieldCode: string;
  fieldName: string;
  implementingAgencyIds: string[];
  content: ProcedureContent;
}

export async function procedureInForce(
  ctx: ServiceContext,
  procedureIdOrCode: string,
  at: Date,
): Promise<ProcedureInForce | null> {
  let procedureId = procedureIdOrCode;
  if (!isUuid(procedureIdOrCode)) {
    const published = await store.publishedByNationalCode(ctx.db, procedureIdOrCode, at);
    if (!published) return null;
    procedureId = published.procedureId;
  }
  const row = await store.versionInForce(ctx.db, procedureId, at);
  if (!row) return null;
  const field = await store.fieldByCode(ctx.db, row.fieldCode);
  return {
    procedureId,
    versionId: row.id,
    nationalCode: row.nationalCode,
    name: row.name,
    fieldCode: row.fieldCode,
    fieldName: field?.name ?? row.fieldCode,
    implementingAgencyIds: row.agencyIds,
    content: row.content,
  };
}

/** The legal limit for a channel: that channel's processing time, or `null` if the law states none. */
export function processingTimeFor(content: ProcedureContent, channel: ChannelKind): ProcessingTime | null {
  const spec = content.channels.find((c) => c.channel === channel) ?? content.channels[0];
  return spec?.processingTime ?? null;
}

export async function workflowInForce(
  ctx: ServiceContext,
  procedure: ProcedureInForce,
  agencyId: string,
  at: Date,
): Promise<{ definition: WorkflowDefinition; version: number | null }> {
  const rows = await store.workflowsOf(ctx.db, procedure.procedureId, agencyId);
  const inForce = rows.filter((r) => new Date(r.createdAt).getTime() <= at.getTime());
  const latest = inForce[inForce.length - 1];
  if (latest) return { definition: latest.definition as WorkflowDefinition, version: latest.number };
  const { limitHours } = legalLimitHours(procedure.content.channels.map((c) => c.processingTime));
  return { definition: defaultWorkflow(agencyId, limitHours), version: null };
}
