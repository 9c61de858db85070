import { CalendarError } from '@motcua/domain/calendar/calendar-error';
import type { WorkingCalendar } from '@motcua/domain/calendar/working-calendar';
import { DossierError } from '@motcua/domain/dossier/dossier-error';
import type { DossierEvent } from '@motcua/domain/dossier/dossier-events';
import { type RollupDelta, rollupDeltas } from '@motcua/domain/dossier/dossier-rollup';
import type { DossierRules } from '@motcua/domain/dossier/dossier-rules';
import { type DossierState, evolve } from '@motcua/domain/dossier/dossier-state';
import { dossierSyncPayload, progressPayload } from '@motcua/domain/dossier/national-sync';
import { type SQL, sql } from 'drizzle-orm';
import type { AccessContext, ServiceContext } from '../../platform/access-context';
import { AppError, conflict } from '../../platform/app-error';
import { type AuditRecord, auditCtes } from '../../platform/audit-log';
import { type Db, uniqueViolation } from '../../platform/database';
import type { JobData } from '../../platform/job-queue';
import { toAppError as calendarAppError } from '../calendar/calendar-service';
import { attachFiles, refreshFileReaders } from '../documents/document-service';
import { notify } from '../notifications/notification-service';
import { involvedAgencies, projectionOf } from './dossier-projection';
import { forgetPublicView } from './public-view-cache';
import * as store from './store';

/** Job queues the dossier engine writes to in its transactions. */
export const NATIONAL_SYNC_QUEUE = 'dossier-national-sync';

/**
 * A domain refusal as an HTTP error: a command the state or the law does not allow is a 409/422. A date
 * given by the caller that the working calendar cannot count with (e.g. a new appointment beyond the
 * calendar's years) is bad input too, not a server failure.
 */
export function toAppError(error: unknown): unknown {
  if (error instanceof CalendarError) return calendarAppError(error);
  if (!(error instanceof DossierError)) return error;
  const status = error.code === 'ILLEGAL_TRANSITION' || error.code === 'DOSSIER_EXISTS' ? 409 : 422;
  if (error.code === 'DOSSIER_NOT_FOUND') return new AppError(error.code, 404, error.message, error.details);
  return new AppError(error.code, status, error.message, error.details);
}

/** The primary key of `dossiers.idempotency_keys` (migration 0008). */
const IDEMPOTENCY_KEYS_PKEY = 'idempotency_keys_scope_key_pk';

export const versionConflict = () =>
  conflict(
    'VERSION_CONFLICT',
    'Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại hồ sơ rồi thực hiện lại thao tác.',
  );

interface CommitInput {
  before: DossierState;
  events: readonly DossierEvent[];
  deskAgencyId: string | null;
  calendar: WorkingCalendar;
  rules: DossierRules;
  /** Names of agencies, for the national progress payloads (DonViXuLy, PhongBanXuLy). */
  agencyNames: Record<string, string>;
}

/**
 * Everything one command writes, computed without the database: its projection and counters, the
 * national-sync job, the applicant's notice and the audit entry. `writePlans` writes one or several.
 */
export interface CommitPlan {
  ctx: ServiceContext;
  access: AccessContext;
  state: DossierState;
  before: number;
  events: readonly DossierEvent[];
  projection: store.DossierProjection;
  rollupKey: { receivingAgencyId: string; procedureId: string; channel: string };
  deltas: RollupDelta[];
  files: {
    ids: string[];
    /** When no file is attached: the agencies involved changed, so earlier files get new readers. */
    refreshReaders: boolean;
    readers: {
      dossierId: string;
      receivingAgencyId: string;
      agencyIds: string[];
      applicantAccountId: string | null;
    };
  };
  syncJob: JobData;
  applicantNews: string | null;
  audit: AuditRecord;
}

/**
 * What a command decided, as a plan: `history` is every event of the dossier stored before this command
 * (none for a new dossier), for the national portal's dossier payload.
 */
export function planCommit(
  ctx: ServiceContext,
  access: AccessContext,
  input: CommitInput,
  history: readonly DossierEvent[],
): CommitPlan {
  const { before, events } = input;
  let state = before;
  const deltas: RollupDelta[] = [];
  const progress = [];
  for (const e of events) {
    const next = evolve(state, e);
    deltas.push(...rollupDeltas(state, e, next));
    progress.push(progressPayload(next, e, { agencyNames: input.agencyNames }));
    state = next;
  }
  const now = ctx.now().getTime();
  const row = projectionOf(state, input.deskAgencyId, input.calendar, input.rules, now);
  // Files named by these events become the dossier's (only the uploader's own files, or ones it already
  // has); when the agencies involved change, those of earlier events become readable by the new ones.
  const fileIds = events.flatMap(fileIdsOf);
  const refreshReaders =
    fileIds.length === 0 &&
    before.version > 0 &&
    involvedAgencies(before, input.deskAgencyId).sort().join() !== [...row.agencyIds].sort().join();
  return {
    ctx,
    access,
    state,
    before: before.version,
    events,
    projection: row,
    rollupKey: {
      receivingAgencyId: state.receivingAgencyId,
      procedureId: state.procedure!.procedureId,
      channel: state.channel,
    },
    deltas,
    files: {
      ids: fileIds,
      refreshReaders,
      readers: {
        dossierId: state.dossierId,
        receivingAgencyId: state.receivingAgencyId,
        agencyIds: row.agencyIds,
        applicantAccountId: row.applicantAccountId ?? null,
      },
    },
    // The national portal's payloads of this change, rendered now (the sender only delivers them): the
    // dossier payload (from the whole history) and a progress payload per new event.
    syncJob: {
      receivingAgencyId: state.receivingAgencyId,
      dossierId: state.dossierId,
      code: state.code,
      version: state.version,
      dossier: dossierSyncPayload([...history, ...events], { agencyNames: input.agencyNames }),
      progress,
    },
    applicantNews: newsFor(state, events),
    audit: {
      action: `dossier.${events.map((e) => e.type).join('+')}`,
      targetType: 'dossier',
      targetId: state.dossierId,
      agencyId: state.receivingAgencyId,
      details: { code: state.code, version: state.version, events: events.map((e) => e.type) },
    },
  };
}

/**
 * Writes planned commands inside the caller's transaction: files, the national-sync jobs (one
 * statement), the applicants' notices, then — last, just before the commit — the events, projections,
 * daily counters and audit entries in one statement (each audit entry locks its agency's chain until
 * the commit, so the plans must be of different agencies). Throws a version conflict when a projection
 * had moved on; either all of it commits or none. When `writtenInOneStatement(plans)`, that statement is
 * all there is, and the caller needs no transaction for it.
 */
export async function writePlans(
  tx: Db,
  plans: readonly CommitPlan[],
  /** Further common table expressions of the same statement (the submissions' Idempotency-Keys). */
  also: readonly SQL[] = [],
  /** A condition over `also` without which the statement fails (`store.expectedIntakeNumbers`). */
  require?: SQL,
): Promise<void> {
  if (plans.length === 0) return;
  for (const p of plans) {
    const by = p.access.userId ?? '';
    if (p.files.ids.length > 0)
      await attachFiles(tx, { ...p.files.readers, fileIds: p.files.ids, attachedBy: by });
    else if (p.files.refreshReaders) await refreshFileReaders(tx, p.files.readers);
  }
  const syncJobs = await plans[0]!.ctx.jobs.enqueueManyStatement(
    NATIONAL_SYNC_QUEUE,
    plans.map((p) => p.syncJob),
  );
  for (const p of plans) await tellApplicant(tx, p);
  let written: boolean;
  try {
    written = await store.writeCommands(
      tx,
      plans.map((p) => ({
        row: p.projection,
        before: p.before,
        events: p.events,
        rollupKey: p.rollupKey,
        deltas: p.deltas,
      })),
      [
        ...also,
        sql`national_sync_jobs as (${syncJobs})`,
        ...auditCtes(plans.map((p) => ({ actor: p.access.actor, entry: p.audit, at: p.ctx.now() }))),
      ],
      require,
    );
  } catch (error) {
    // The same event numbers appended by a concurrent command of the same dossier. A submission's
    // Idempotency-Key already stored is the caller's to answer (with the first submission's dossier).
    const violated = uniqueViolation(error);
    if (violated && violated.constraint !== IDEMPOTENCY_KEYS_PKEY) throw versionConflict();
    throw error;
  }
  if (!written) throw versionConflict();
  for (const p of plans) if (p.before > 0) forgetPublicView(p.ctx.db, p.projection.code);
}

/**
 * Writes what a command decided, inside the caller's transaction: the events, the projection (checked
 * against the version the command was decided on), the daily counters, the national-sync job and the
 * audit entry. Either all of it commits or none.
 */
export async function commitEvents(
  tx: Db,
  ctx: ServiceContext,
  access: AccessContext,
  input: CommitInput,
): Promise<{ state: DossierState; projection: store.DossierProjection }> {
  const history =
    input.before.version === 0
      ? []
      : await store.eventsOf(tx, input.before.receivingAgencyId, input.before.dossierId);
  const plan = planCommit(ctx, access, input, history);
  await writePlans(tx, [plan]);
  return { state: plan.state, projection: plan.projection };
}

function fileIdsOf(event: DossierEvent): string[] {
  switch (event.type) {
    case 'DossierSubmitted':
    case 'IntakeSupplementReceived':
    case 'SupplementReceived':
      return event.components.flatMap((c) => c.fileIds);
    case 'ResultIssued':
    case 'AgencyResultReceived':
      return event.documents.flatMap((d) => (d.fileId ? [d.fileId] : []));
    default:
      return [];
  }
}

const applicantNews: Partial<Record<DossierEvent['type'], string>> = {
  DossierAccepted: 'Hồ sơ đã được tiếp nhận; xem giấy tiếp nhận và ngày hẹn trả kết quả.',
  IntakeSupplementRequested: 'Hồ sơ cần bổ sung trước khi được tiếp nhận; xem các giấy tờ cần bổ sung.',
  IntakeRefused: 'Hồ sơ không được tiếp nhận; xem lý do.',
  SupplementRequested: 'Cơ quan giải quyết yêu cầu bổ sung hồ sơ; xem các giấy tờ cần bổ sung.',
  DeadlineExtended: 'Cơ quan giải quyết xin lỗi vì chậm trễ và hẹn lại ngày trả kết quả.',
  ResultIssued: 'Đã có kết quả giải quyết hồ sơ.',
  RefusedAfterAppraisal: 'Hồ sơ không được giải quyết; xem lý do.',
  EarlyReturnNotified: 'Kết quả có thể nhận sớm hơn ngày hẹn.',
  PaymentRequested: 'Cần thanh toán phí, lệ phí của hồ sơ.',
  ResultReturned: 'Kết quả đã được trả.',
  ProcessingStopped: 'Hồ sơ đã dừng xử lý; xem lý do.',
};

/** What the applicant with an account hears of these events (their own steps excepted), if anything. */
function newsFor(state: DossierState, events: readonly DossierEvent[]): string | null {
  const accountId = state.applicant?.accountId;
  if (!accountId) return null;
  const news = events
    .flatMap((e) => (e.actor.userId === accountId ? [] : [applicantNews[e.type]]))
    .filter(Boolean);
  return news.length === 0 ? null : news.join(' ');
}

/** Whether `writePlans` writes only its one statement: no files to attach, no applicant to tell. */
export function writtenInOneStatement(plans: readonly CommitPlan[]): boolean {
  return plans.every((p) => p.files.ids.length === 0 && !p.files.refreshReaders && !tellsApplicant(p));
}

/** The applicant with an account hears of each step that concerns them, in their portal inbox. */
function tellsApplicant(plan: CommitPlan): boolean {
  return Boolean(plan.state.applicant?.accountId) && plan.applicantNews !== null;
}

/** Tells the applicant with an account what changed, when it is news to them (`tellsApplicant`). */
async function tellApplicant(tx: Db, plan: CommitPlan): Promise<void> {
  const accountId = plan.state.applicant?.accountId;
  if (!accountId || plan.applicantNews === null) return;
  const { state } = plan;
  await notify(
    tx,
    [accountId],
    {
      kind: 'dossier.status',
      title: `Hồ sơ ${state.code}`,
      body: plan.applicantNews,
      link: `/portal/dossiers/${state.dossierId}`,
      dossierId: state.dossierId,
      agencyId: state.receivingAgencyId,
    },
    plan.ctx.now(),
  );
}
