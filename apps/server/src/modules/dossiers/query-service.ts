import {
  type DossierDetail,
  type DossierQueue,
  type DossierSummary,
  dossierQueues,
  type PublicDossier,
} from '@motcua/contracts/dossier';
import { stepRolePermissions } from '@motcua/domain/access/roles';
import type { WorkingCalendar } from '@motcua/domain/calendar/working-calendar';
import { dossierProgress, progress766 } from '@motcua/domain/dossier/dossier-clock';
import { parseDossierCode } from '@motcua/domain/dossier/dossier-code';
import type { DossierEvent } from '@motcua/domain/dossier/dossier-events';
import { type DossierStatus, dossierStatusLabels } from '@motcua/domain/dossier/dossier-status';
import type { AccessContext, ServiceContext } from '../../platform/access-context';
import { notFound } from '../../platform/app-error';
import { recordAudit } from '../../platform/audit-log';
import { inTransaction } from '../../platform/database';
import { staffMembersWithRoles } from '../identity/user-service';
import { agencyDirectory } from '../org/agency-service';
import { allowedCommands, requireVisibleDossier } from './command-service';
import { calendarFor, rulesFor } from './dossier-context';
import { publicViewCache } from './public-view-cache';
import * as store from './store';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

type PublicColumns = Pick<
  store.DossierRow,
  | 'code'
  | 'procedureName'
  | 'status'
  | 'nationalStatus'
  | 'submittedAt'
  | 'appointmentAt'
  | 'finishedAt'
  | 'returnedAt'
>;

function publicView(row: PublicColumns): PublicDossier {
  return {
    code: row.code,
    procedureName: row.procedureName,
    status: row.status,
    statusLabel: dossierStatusLabels[row.status as DossierStatus] ?? row.status,
    nationalStatus: row.nationalStatus,
    receivedAt: iso(row.submittedAt)!,
    appointmentAt: iso(row.appointmentAt),
    finishedAt: iso(row.finishedAt),
    returnedAt: iso(row.returnedAt),
  };
}

export function summaryOf(row: store.DossierRow): DossierSummary {
  return {
    ...publicView(row),
    id: row.id,
    receivingAgencyId: row.receivingAgencyId,
    channel: row.channel as DossierSummary['channel'],
    applicantName: row.applicantName,
    version: row.version,
    stepKey: row.stepKey,
    stepDueAt: iso(row.stepDueAt),
    assigneeUserId: row.assigneeUserId,
    liveStatus: row.liveStatus,
  };
}

/**
 * GET /api/public/dossiers/:code — anyone with the code (printed on the receipt, in its QR code) sees the
 * procedure, the status and the dates; nothing about the applicant. The agency code in the dossier code
 * routes the lookup to the receiving agency's rows.
 */
export async function publicLookup(ctx: ServiceContext, code: string): Promise<PublicDossier> {
  const trimmed = code.trim();
  const cache = publicViewCache(ctx.db);
  const cached = cache?.get(trimmed);
  if (cached) return cached;
  const readEpoch = cache?.beginRead() ?? 0;
  const parts = parseDossierCode(trimmed);
  const agency = parts && (await agencyDirectory(ctx)).byCode.get(parts.agencyCode);
  const row = agency ? await store.publicDossierByCode(ctx.db, agency.id, trimmed) : undefined;
  if (!row) throw notFound('hồ sơ', 'DOSSIER_NOT_FOUND');
  const view = publicView(row);
  cache?.set(trimmed, view, readEpoch);
  return view;
}

/** A dossier as a command has just committed it: its row, its whole history and its desk's calendar. */
export interface WrittenDossier {
  row: store.DossierRow;
  events: readonly DossierEvent[];
  calendar: WorkingCalendar;
}

/** GET /api/dossiers/:id — the applicant's own dossier, or one in a staff member's scope; audited. */
export async function getDossier(
  ctx: ServiceContext,
  access: AccessContext,
  id: string,
  options: { justWritten?: boolean } = {},
): Promise<DossierDetail> {
  const row = await requireVisibleDossier(ctx, access, id);
  const events = await store.eventsOf(ctx.db, row.receivingAgencyId, row.id);
  const calendar = await calendarFor(ctx, row.state.deskId);
  // The answer to the caller's own submission shows what they just wrote (that write is audited); any
  // other read of the dossier is a read of personal data and is audited.
  if (options.justWritten !== true)
    await inTransaction(ctx.db, (tx) =>
      recordAudit(
        tx,
        access.actor,
        {
          action: 'dossier.read',
          targetType: 'dossier',
          targetId: row.id,
          agencyId: row.receivingAgencyId,
          details: { code: row.code },
        },
        ctx.now(),
      ),
    );
  return detailOf(ctx, access, { row, events, calendar });
}

/**
 * The answer to the submission that created the dossier, from what it committed (no read back: the
 * caller wrote it, and that write is audited).
 */
export function writtenDossier(
  ctx: ServiceContext,
  access: AccessContext,
  written: WrittenDossier,
): Promise<DossierDetail> {
  return detailOf(ctx, access, written);
}

async function detailOf(
  ctx: ServiceContext,
  access: AccessContext,
  { row, events, calendar }: WrittenDossier,
): Promise<DossierDetail> {
  const state = row.state;
  const now = ctx.now().getTime();
  return {
    summary: summaryOf(row),
    state: state as unknown as Record<string, unknown>,
    progress: dossierProgress(state, calendar, rulesFor(state.submittedAt ?? now), now) as unknown as Record<
      string,
      unknown
    >,
    progress766: progress766(state, calendar, now) as unknown as Record<string, unknown> | null,
    events: events as unknown as Record<string, unknown>[],
    allowedCommands: await allowedCommands(ctx, access, row),
  };
}

/** GET /api/dossiers — staff: dossiers involving their scope; citizens: their own. */
export async function listDossiers(
  ctx: ServiceContext,
  access: AccessContext,
  q: {
    queue?: DossierQueue | undefined;
    status?: string | undefined;
    liveStatus?: string | undefined;
    mine?: boolean | undefined;
    q?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ dossiers: DossierSummary[]; total: number }> {
  const base = {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
    ...(q.status ? { status: q.status } : {}),
    ...(q.liveStatus ? { liveStatus: q.liveStatus } : {}),
    ...(q.q ? { q: q.q } : {}),
  };
  if (q.queue !== undefined && access.kind !== 'staff') return { dossiers: [], total: 0 };
  let filter: store.ListFilter;
  if (access.kind === 'citizen') filter = { ...base, applicantAccountId: access.userId! };
  else {
    const scope = [...(await access.scope('dossier.read'))];
    if (scope.length === 0) return { dossiers: [], total: 0 };
    filter = {
      ...base,
      agencyIds: scope,
      ...(q.mine ? { assigneeUserId: access.userId! } : {}),
      ...(q.queue
        ? {
            queue: q.queue,
            userId: access.userId!,
            stepSlots: await stepSlotsOf(access),
            assignUnitIds: [...(await access.scope('dossier.assign'))],
          }
        : {}),
    };
  }
  const { rows, total } = await store.listDossiers(ctx.db, filter);
  return { dossiers: rows.map(summaryOf), total };
}

async function stepSlotsOf(access: AccessContext) {
  const slots = [];
  for (const [role, permission] of Object.entries(stepRolePermissions))
    slots.push({ role, unitIds: [...(await access.scope(permission))] });
  return slots;
}

/** GET /api/dossiers/queues — how many dossiers wait in each back-office queue of the caller. */
export async function queueCounts(
  ctx: ServiceContext,
  access: AccessContext,
): Promise<Record<DossierQueue, number>> {
  const counts = Object.fromEntries(dossierQueues.map((q) => [q, 0])) as Record<DossierQueue, number>;
  if (access.kind !== 'staff') return counts;
  const scope = [...(await access.scope('dossier.read'))];
  if (scope.length === 0) return counts;
  const stepSlots = await stepSlotsOf(access);
  const assignUnitIds = [...(await access.scope('dossier.assign'))];
  for (const queue of dossierQueues)
    counts[queue] = await store.countDossiers(ctx.db, {
      agencyIds: scope,
      queue,
      userId: access.userId!,
      stepSlots,
      assignUnitIds,
      limit: 0,
      offset: 0,
    });
  return counts;
}

/** GET /api/dossiers/applicants?q= — a returning applicant found by ID number or phone (audited). */
export async function lookupApplicants(ctx: ServiceContext, access: AccessContext, q: string) {
  if (access.kind !== 'staff') return [];
  const scope = [...(await access.scope('dossier.receive'))];
  if (scope.length === 0) return [];
  const found = await store.applicantsMatching(ctx.db, scope, q.replace(/[\s.-]/g, ''));
  const unique = new Map<string, (typeof found)[number]>();
  for (const a of found) {
    const key = `${a?.idNumber ?? ''}|${a?.phone ?? ''}|${a?.name ?? ''}`;
    if (a && !unique.has(key)) unique.set(key, a);
  }
  await inTransaction(ctx.db, (tx) =>
    recordAudit(
      tx,
      access.actor,
      {
        action: 'dossier.applicant.lookup',
        targetType: 'applicant',
        targetId: null,
        details: { found: unique.size },
      },
      ctx.now(),
    ),
  );
  return [...unique.values()].map((a) => ({
    kind: a!.kind,
    name: a!.name,
    idNumber: a!.idNumber,
    address: a!.address,
    phone: a!.phone,
    email: a!.email,
  }));
}

/** GET /api/dossiers/:id/assignees — staff who can take the dossier's current step. */
export async function assigneesOf(ctx: ServiceContext, access: AccessContext, id: string) {
  const row = await requireVisibleDossier(ctx, access, id);
  if (row.stepUnitId === null || row.stepRole === null) return [];
  return staffMembersWithRoles(ctx, [row.stepUnitId], [row.stepRole]);
}
