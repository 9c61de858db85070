import type { WorkingCalendar } from '@motcua/domain/calendar/working-calendar';
import { dossierProgress } from '@motcua/domain/dossier/dossier-clock';
import type { DossierRules } from '@motcua/domain/dossier/dossier-rules';
import type { DossierState } from '@motcua/domain/dossier/dossier-state';
import { nationalStatusCode } from '@motcua/domain/dossier/dossier-status';
import type { DossierProjection } from './store';

/** Every agency a dossier involves: who may see it (staff scope) is decided on this list. */
export function involvedAgencies(state: DossierState, deskAgencyId: string | null): string[] {
  const ids = new Set<string>([state.receivingAgencyId]);
  if (deskAgencyId) ids.add(deskAgencyId);
  const wf = state.workflow;
  if (wf) {
    ids.add(wf.leadAgencyId);
    for (const step of wf.steps) {
      if (step.kind === 'task') ids.add(step.unitId);
      else
        for (const b of step.branches) {
          ids.add(b.agencyId);
          for (const t of b.steps) ids.add(t.unitId);
        }
    }
  }
  for (const p of state.interAgency?.participants ?? []) ids.add(p.agencyId);
  for (const c of state.consultations) ids.add(c.agencyId);
  for (const e of state.extensions) ids.add(e.agencyId);
  return [...ids];
}

const at = (ms: number | null) => (ms === null ? null : new Date(ms));

/** The projection row of a dossier's state (the same function serves live commands and the rebuild). */
export function projectionOf(
  state: DossierState,
  deskAgencyId: string | null,
  calendar: WorkingCalendar,
  rules: DossierRules,
  now: number,
): DossierProjection {
  const step = state.step && state.workflow?.steps[state.step.index];
  const task = step && step.kind === 'task' ? step : null;
  const progress = dossierProgress(state, calendar, rules, now);
  return {
    receivingAgencyId: state.receivingAgencyId,
    id: state.dossierId,
    code: state.code,
    version: state.version,
    status: state.status,
    nationalStatus: nationalStatusCode(state.status),
    channel: state.channel,
    procedureId: state.procedure!.procedureId,
    procedureVersionId: state.procedure!.versionId,
    procedureName: state.procedure!.name,
    deskId: state.deskId,
    deskAgencyId,
    agencyIds: involvedAgencies(state, deskAgencyId),
    applicantName: state.applicant?.name ?? '',
    applicantAccountId: state.applicant?.accountId ?? null,
    stepKey: state.step?.key ?? null,
    stepUnitId: task?.unitId ?? null,
    stepRole: task?.role ?? null,
    stepDueAt: at(state.step?.dueAt ?? null),
    assigneeUserId: state.assignee?.userId ?? null,
    submittedAt: new Date(state.submittedAt!),
    acceptedAt: at(state.acceptedAt),
    appointmentAt: at(state.appointmentAt),
    finishedAt: at(state.finishedAt),
    returnedAt: at(state.returned?.at ?? null),
    liveStatus: progress.kind === 'open' ? progress.status : null,
    supplementRequests: state.supplements.filter((r) => r.stage === 'processing').length,
    extended: state.extensions.length > 0,
    digitised: state.components.length > 0 && state.components.every((c) => c.digitised || c.fromDataStore),
    paidOnline: state.payment.paidOnline,
    state,
    updatedAt: new Date(state.updatedAt ?? now),
  };
}
