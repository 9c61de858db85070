import type {
  CreateProcedure,
  ProcedureContent,
  ProcedureDetail,
  ProcedureSummary,
  ProcedureVersion,
  PublicProcedure,
  TransparencyChecks,
  VersionStatus,
  VersionSummary,
} from '@motcua/contracts/catalog';
import { epochDayFromIsoDate, startOfLocalDay } from '@motcua/domain/calendar/vietnam-time';
import { legalEffectiveDateOf, transparencyChecks } from '@motcua/domain/catalog/transparency';
import {
  actionPermission,
  allowedActions,
  type CatalogPermission,
  type LifecycleAction,
  refusal,
  statusAfter,
} from '@motcua/domain/catalog/version-lifecycle';
import type { AccessContext, ServiceContext } from '../../platform/access-context';
import { vietnamDate } from '../../platform/access-context';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/app-error';
import { recordAudit } from '../../platform/audit-log';
import { type Db, inTransaction, isUniqueViolation } from '../../platform/database';
import { workingCalendar } from '../calendar/calendar-service';
import { agencyLabels, getAgency, listAgencies, listDesks } from '../org/agency-service';
import { committedChange } from './search-index-cache';
import * as store from './store';

/**
 * Procedures and their versions: creation, editing of drafts, the publication lifecycle, amendment and
 * abolition, the admin reads with the 766 transparency checks, and the public procedure page.
 */

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => uuidPattern.test(value);

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toSummary(row: store.VersionRow): VersionSummary {
  return {
    id: row.id,
    procedureId: row.procedureId,
    number: row.number,
    status: row.status as VersionStatus,
    name: row.name,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    submittedAt: iso(row.submittedAt),
    reviewedAt: iso(row.reviewedAt),
    reviewedBy: row.reviewedBy,
    returnReason: row.returnReason,
    decisionNumber: row.decisionNumber,
    decisionDate: row.decisionDate,
    publishedAt: iso(row.publishedAt),
    inForceFrom: iso(row.inForceFrom),
    inForceTo: iso(row.inForceTo),
    amendsVersionId: row.amendsVersionId,
  };
}

export function toVersion(row: store.VersionRow, procedure: store.ProcedureRow): ProcedureVersion {
  return { ...toSummary(row), content: row.content, localCode: procedure.localCode };
}

/** The columns queries use, derived from the document (the document stays the source of truth). */
export function columnsOf(content: ProcedureContent, fieldName: string): store.VersionColumns {
  return {
    name: content.name,
    nationalCode: content.nationalCode,
    fieldCode: content.fieldCode,
    levels: [...content.levels],
    agencyIds: [...content.implementingAgencyIds],
    onlineLevel: content.onlineLevel,
    hasFee: hasFee(content),
    legalEffectiveDate: legalEffectiveDateOf(content),
    searchName: content.name,
    searchSource: [content.name, fieldName, content.nationalCode, ...content.results.map((r) => r.name)].join(
      ' · ',
    ),
  };
}

/** Fee-bearing: any fee with an amount above zero, or a variable (described) amount. */
export function hasFee(content: ProcedureContent): boolean {
  return content.channels.some((c) => c.fees.some((f) => f.amountVnd === null || f.amountVnd > 0));
}

/**
 * Checks what the document refers to: the field exists, every implementing agency exists. Runs before
 * the command's transaction (the org service reads with its own handle).
 */
export async function checkReferences(
  ctx: ServiceContext,
  content: ProcedureContent,
): Promise<{ fieldName: string }> {
  const field = await store.fieldByCode(ctx.db, content.fieldCode);
  if (!field)
    throw invalid('FIELD_NOT_FOUND', `Không có lĩnh vực mã ${content.fieldCode}`, {
      path: ['content', 'fieldCode'],
    });
  const ids = content.implementingAgencyIds;
  const known = await agencyLabels(ctx, ids);
  const missing = ids.findIndex((id) => !known.has(id));
  if (missing !== -1)
    throw invalid('AGENCY_NOT_FOUND', 'Không tìm thấy cơ quan thực hiện', {
      path: ['content', 'implementingAgencyIds', missing],
    });
  return { fieldName: field.name };
}

async function requireVersion(
  db: Db,
  id: string,
): Promise<{ version: store.VersionRow; procedure: store.ProcedureRow }> {
  const version = isUuid(id) ? await store.versionById(db, id) : undefined;
  if (!version) throw notFound('phiên bản thủ tục', 'VERSION_NOT_FOUND');
  const procedure = (await store.procedureById(db, version.procedureId))!;
  return { version, procedure };
}

async function requireProcedure(db: Db, id: string): Promise<store.ProcedureRow> {
  const procedure = isUuid(id) ? await store.procedureById(db, id) : undefined;
  if (!procedure) throw notFound('thủ tục hành chính', 'PROCEDURE_NOT_FOUND');
  return procedure;
}

/** Agencies whose catalogue the caller may read in the admin area: where they edit or review. */
async function readScope(access: AccessContext): Promise<Set<string>> {
  const [edit, review] = await Promise.all([access.scope('catalog.edit'), access.scope('catalog.review')]);
  return new Set([...edit, ...review]);
}

async function assertReadable(access: AccessContext, ownerAgencyId: string): Promise<void> {
  if (!(await readScope(access)).has(ownerAgencyId))
    throw notFound('thủ tục hành chính', 'PROCEDURE_NOT_FOUND');
}

function refuse(code: string, message: string): AppError {
  return conflict(code, message);
}

// ── commands ───────────────────────────────────────────────────────────

export async function createProcedure(
  ctx: ServiceContext,
  access: AccessContext,
  input: CreateProcedure,
): Promise<ProcedureDetail> {
  const owner = (await agencyLabels(ctx, [input.ownerAgencyId])).get(input.ownerAgencyId);
  if (!owner)
    throw new AppError('AGENCY_NOT_FOUND', 404, 'Không tìm thấy cơ quan sở hữu danh mục', {
      path: ['ownerAgencyId'],
    });
  await access.assertInScope('catalog.edit', input.ownerAgencyId);
  const { fieldName } = await checkReferences(ctx, input.content);
  const procedureId = await inTransaction(ctx.db, async (tx) => {
    const created = await insertProcedureWithDraft(tx, ctx.now(), access, {
      ownerAgencyId: input.ownerAgencyId,
      ownerCode: owner.code,
      content: input.content,
      fieldName,
    });
    await recordAudit(
      tx,
      access.actor,
      {
        action: 'catalog.procedure.create',
        targetType: 'procedure',
        targetId: created.procedure.id,
        agencyId: input.ownerAgencyId,
        details: { nationalCode: input.content.nationalCode, name: input.content.name },
      },
      ctx.now(),
    );
    return created.procedure.id;
  });
  return getProcedureDetail(ctx, access, procedureId);
}

/** Inside a transaction: a new procedure of `ownerAgencyId` with its first, draft version. */
export async function insertProcedureWithDraft(
  tx: Db,
  at: Date,
  access: AccessContext,
  p: {
    ownerAgencyId: string;
    ownerCode: string;
    content: ProcedureContent;
    fieldName: string;
    status?: VersionStatus;
  },
): Promise<{ procedure: store.ProcedureRow; version: store.VersionRow }> {
  if (await store.procedureByCodeOwner(tx, p.content.nationalCode, p.ownerAgencyId))
    throw procedureExists(p.content.nationalCode);
  let procedure: store.ProcedureRow;
  try {
    procedure = await store.insertProcedure(tx, {
      nationalCode: p.content.nationalCode,
      ownerAgencyId: p.ownerAgencyId,
      localCode: `${p.content.nationalCode}.${p.ownerCode}`,
      createdAt: at,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw procedureExists(p.content.nationalCode);
    throw error;
  }
  const version = await store.insertVersion(tx, {
    procedureId: procedure.id,
    number: 1,
    status: p.status ?? 'draft',
    content: p.content,
    columns: columnsOf(p.content, p.fieldName),
    at,
    createdBy: access.actor.name,
    amendsVersionId: null,
  });
  return { procedure, version };
}

function procedureExists(code: string): AppError {
  return conflict('PROCEDURE_EXISTS', `Thủ tục mã ${code} đã có trong danh mục của cơ quan này`, {
    path: ['content', 'nationalCode'],
  });
}

/** PUT a draft's content. Published versions are refused (amend them); versions in review are locked. */
export async function updateVersionContent(
  ctx: ServiceContext,
  access: AccessContext,
  versionId: string,
  content: ProcedureContent,
): Promise<ProcedureVersion> {
  const { fieldName } = await checkReferences(ctx, content);
  return inTransaction(ctx.db, async (tx) => {
    const { version, procedure } = await requireVersion(tx, versionId);
    await access.assertInScope('catalog.edit', procedure.ownerAgencyId, {
      hidden: true,
      what: 'phiên bản thủ tục',
    });
    await store.lockProcedure(tx, procedure.id);
    const current = (await store.versionById(tx, versionId))!;
    const refused = refusal(current.status as VersionStatus, 'edit');
    if (refused) throw refuse(refused.code, refused.message);
    if (content.nationalCode !== procedure.nationalCode)
      throw invalid(
        'NATIONAL_CODE_CHANGED',
        'Không thể đổi mã TTHC của một thủ tục đã có: hãy tạo thủ tục mới',
        {
          path: ['content', 'nationalCode'],
        },
      );
    const updated = await store.updateVersionContent(
      tx,
      version.id,
      content,
      columnsOf(content, fieldName),
      ctx.now(),
    );
    await recordAudit(
      tx,
      access.actor,
      {
        action: 'catalog.version.update',
        targetType: 'procedure-version',
        targetId: version.id,
        agencyId: procedure.ownerAgencyId,
        details: { procedureId: procedure.id, number: version.number, name: content.name },
      },
      ctx.now(),
    );
    return toVersion(updated, procedure);
  });
}

export type TransitionInput =
  | { action: 'submit' | 'approve' }
  | { action: 'return'; reason: string }
  | { action: 'announce'; decisionNumber: string; decisionDate: string }
  | { action: 'publish'; effectiveFrom?: string | undefined };

/** One lifecycle step of a version, checked against the lifecycle table and the caller's scope. */
export async function transitionVersion(
  ctx: ServiceContext,
  access: AccessContext,
  versionId: string,
  input: TransitionInput,
): Promise<ProcedureVersion> {
  const now = ctx.now();
  return committedChange(
    ctx.db,
    inTransaction(ctx.db, async (tx) => {
      const { procedure } = await requireVersion(tx, versionId);
      await assertReadable(access, procedure.ownerAgencyId);
      await access.assertInScope(actionPermission[input.action], procedure.ownerAgencyId);
      await store.lockProcedure(tx, procedure.id);
      const version = (await store.versionById(tx, versionId))!;
      const status = version.status as VersionStatus;
      const refused = refusal(status, input.action);
      if (refused) throw refuse(refused.code, refused.message);
      const next = statusAfter(status, input.action);
      let patch: Parameters<typeof store.updateVersion>[2] = { status: next, updatedAt: now };
      const details: Record<string, unknown> = {
        procedureId: procedure.id,
        number: version.number,
        from: status,
        to: next,
      };
      switch (input.action) {
        case 'submit':
          patch = { ...patch, submittedAt: now, returnReason: null };
          break;
        case 'approve':
          patch = { ...patch, reviewedAt: now, reviewedBy: access.actor.name, returnReason: null };
          break;
        case 'return':
          patch = { ...patch, reviewedAt: now, reviewedBy: access.actor.name, returnReason: input.reason };
          details.reason = input.reason;
          break;
        case 'announce':
          patch = { ...patch, decisionNumber: input.decisionNumber, decisionDate: input.decisionDate };
          details.decisionNumber = input.decisionNumber;
          details.decisionDate = input.decisionDate;
          break;
        case 'publish': {
          if (procedure.abolishedAt !== null)
            throw refuse('PROCEDURE_ABOLISHED', 'Thủ tục đã bị bãi bỏ, không thể công khai');
          const from =
            input.effectiveFrom === undefined
              ? now
              : new Date(Math.max(now.getTime(), startOfLocalDay(epochDayFromIsoDate(input.effectiveFrom))));
          patch = { ...patch, publishedAt: now, inForceFrom: from, inForceTo: null };
          for (const other of await store.versionsOf(tx, procedure.id)) {
            if (other.id === version.id || other.status !== 'published') continue;
            await store.updateVersion(tx, other.id, {
              status: 'superseded',
              inForceTo: from,
              updatedAt: now,
            });
            details.supersedes = other.id;
          }
          details.inForceFrom = from.toISOString();
          break;
        }
      }
      const updated = await store.updateVersion(tx, version.id, patch);
      await recordAudit(
        tx,
        access.actor,
        {
          action: `catalog.version.${input.action}`,
          targetType: 'procedure-version',
          targetId: version.id,
          agencyId: procedure.ownerAgencyId,
          details,
        },
        now,
      );
      return toVersion(updated, procedure);
    }),
  );
}

/** A new draft version copying the published one; the published one stays in force until the draft is published. */
export async function amendProcedure(
  ctx: ServiceContext,
  access: AccessContext,
  procedureId: string,
): Promise<ProcedureVersion> {
  return inTransaction(ctx.db, async (tx) => {
    const procedure = await requireProcedure(tx, procedureId);
    await assertReadable(access, procedure.ownerAgencyId);
    await access.assertInScope('catalog.edit', procedure.ownerAgencyId);
    await store.lockProcedure(tx, procedure.id);
    const all = await store.versionsOf(tx, procedure.id);
    const latest = all[all.length - 1]!;
    if (latest.status !== 'published') {
      if (['draft', 'submitted', 'returned', 'approved', 'announced'].includes(latest.status))
        throw refuse(
          'AMENDMENT_EXISTS',
          `Thủ tục đang có phiên bản ${latest.number} chưa công khai: hãy tiếp tục phiên bản đó`,
        );
      throw refuse('INVALID_TRANSITION', 'Chỉ có thể sửa đổi thủ tục đang được công khai');
    }
    const created = await store.insertVersion(tx, {
      procedureId: procedure.id,
      number: latest.number + 1,
      status: 'draft',
      content: latest.content,
      columns: columnsOfRow(latest),
      at: ctx.now(),
      createdBy: access.actor.name,
      amendsVersionId: latest.id,
    });
    await recordAudit(
      tx,
      access.actor,
      {
        action: 'catalog.procedure.amend',
        targetType: 'procedure-version',
        targetId: created.id,
        agencyId: procedure.ownerAgencyId,
        details: { procedureId: procedure.id, number: created.number, amends: latest.id },
      },
      ctx.now(),
    );
    return toVersion(created, procedure);
  });
}

/** The same query columns as `row` (an amendment starts as a copy). */
function columnsOfRow(row: store.VersionRow): store.VersionColumns {
  return {
    name: row.name,
    nationalCode: row.nationalCode,
    fieldCode: row.fieldCode,
    levels: row.levels,
    agencyIds: row.agencyIds,
    onlineLevel: row.onlineLevel,
    hasFee: row.hasFee,
    legalEffectiveDate: row.legalEffectiveDate,
    searchName: row.name,
    // search_text is already folded; folding it again changes nothing.
    searchSource: row.searchText,
  };
}

export async function abolishProcedure(
  ctx: ServiceContext,
  access: AccessContext,
  procedureId: string,
  input: { effectiveDate: string; decisionNumber: string; reason?: string | null | undefined },
): Promise<ProcedureVersion> {
  const now = ctx.now();
  return committedChange(
    ctx.db,
    inTransaction(ctx.db, async (tx) => {
      const procedure = await requireProcedure(tx, procedureId);
      await assertReadable(access, procedure.ownerAgencyId);
      await access.assertInScope('catalog.edit', procedure.ownerAgencyId);
      await store.lockProcedure(tx, procedure.id);
      if (procedure.abolishedAt !== null) throw refuse('PROCEDURE_ABOLISHED', 'Thủ tục đã bị bãi bỏ');
      const published = (await store.versionsOf(tx, procedure.id)).filter((v) => v.status === 'published');
      const current = published[published.length - 1];
      if (!current) throw refuse('INVALID_TRANSITION', 'Chỉ có thể bãi bỏ thủ tục đang được công khai');
      const to = new Date(Math.max(now.getTime(), startOfLocalDay(epochDayFromIsoDate(input.effectiveDate))));
      const updated = await store.updateVersion(tx, current.id, {
        status: 'abolished',
        inForceTo: to,
        updatedAt: now,
      });
      await store.markAbolished(tx, procedure.id, to);
      await recordAudit(
        tx,
        access.actor,
        {
          action: 'catalog.procedure.abolish',
          targetType: 'procedure',
          targetId: procedure.id,
          agencyId: procedure.ownerAgencyId,
          details: {
            versionId: current.id,
            effectiveDate: input.effectiveDate,
            decisionNumber: input.decisionNumber,
            reason: input.reason ?? null,
          },
        },
        now,
      );
      return toVersion(updated, procedure);
    }),
  );
}

// ── reads ──────────────────────────────────────────────────────────────

/** The version a dossier received at `instant` is judged by (null: none in force). */
export async function versionInForce(
  ctx: ServiceContext,
  procedureId: string,
  instant: Date,
): Promise<ProcedureVersion | null> {
  if (!isUuid(procedureId)) return null;
  const row = await store.versionInForce(ctx.db, procedureId, instant);
  if (!row) return null;
  return toVersion(row, (await store.procedureById(ctx.db, procedureId))!);
}

export async function getVersion(
  ctx: ServiceContext,
  access: AccessContext,
  versionId: string,
): Promise<ProcedureVersion> {
  const { version, procedure } = await requireVersion(ctx.db, versionId);
  await assertReadable(access, procedure.ownerAgencyId);
  return toVersion(version, procedure);
}

function summaryOf(
  procedure: store.ProcedureRow,
  latest: store.VersionRow,
  publishedVersionId: string | null,
): ProcedureSummary {
  return {
    id: procedure.id,
    nationalCode: procedure.nationalCode,
    localCode: procedure.localCode,
    ownerAgencyId: procedure.ownerAgencyId,
    name: latest.name,
    fieldCode: latest.fieldCode,
    levels: latest.levels as ProcedureSummary['levels'],
    latestVersion: toSummary(latest),
    publishedVersionId,
    abolishedAt: iso(procedure.abolishedAt),
  };
}

export async function listProcedures(
  ctx: ServiceContext,
  access: AccessContext,
  q: {
    q?: string | undefined;
    status?: VersionStatus | undefined;
    ownerAgencyId?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ total: number; procedures: ProcedureSummary[] }> {
  const scope = await readScope(access);
  if (scope.size === 0) throw forbidden();
  const ownerIds =
    q.ownerAgencyId !== undefined ? (scope.has(q.ownerAgencyId) ? [q.ownerAgencyId] : []) : [...scope];
  const { total, rows } = await store.listLatest(ctx.db, {
    ownerIds,
    status: q.status,
    q: q.q,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const published = await store.publishedVersionIds(
    ctx.db,
    rows.map((r) => r.procedure.id),
    ctx.now(),
  );
  return {
    total,
    procedures: rows.map((r) => summaryOf(r.procedure, r.version, published.get(r.procedure.id) ?? null)),
  };
}

export async function getProcedureDetail(
  ctx: ServiceContext,
  access: AccessContext,
  procedureId: string,
): Promise<ProcedureDetail> {
  const procedure = await requireProcedure(ctx.db, procedureId);
  await assertReadable(access, procedure.ownerAgencyId);
  const all = await store.versionsOf(ctx.db, procedure.id);
  const latest = all[all.length - 1]!;
  const now = ctx.now();
  const inForce = await store.versionInForce(ctx.db, procedure.id, now);
  const permissions = new Set<CatalogPermission>();
  if ((await access.scope('catalog.edit')).has(procedure.ownerAgencyId)) permissions.add('catalog.edit');
  if ((await access.scope('catalog.review')).has(procedure.ownerAgencyId)) permissions.add('catalog.review');
  const actions = new Set<LifecycleAction>(
    allowedActions(latest.status as VersionStatus, permissions, {
      isLatest: true,
      inForce: inForce?.id === latest.id || latest.status === 'published',
    }),
  );
  if (procedure.abolishedAt !== null) {
    actions.delete('publish');
    actions.delete('abolish');
    actions.delete('amend');
  }
  return {
    procedure: summaryOf(procedure, latest, inForce?.id ?? null),
    versions: all.map(toSummary),
    latest: toVersion(latest, procedure),
    transparency: await transparencyOf(ctx, procedure, latest),
    allowedActions: [...actions],
  };
}

/**
 * The 766 group-1 checks for a version, on the province's working calendar including its local changes
 * (the calendar module's `workingCalendar`). A ministry's catalogue uses the ministry deadlines.
 */
export async function transparencyOf(
  ctx: ServiceContext,
  procedure: store.ProcedureRow,
  version: store.VersionRow,
): Promise<TransparencyChecks> {
  const [calendar, owner] = await Promise.all([
    workingCalendar(ctx),
    getAgency(ctx, procedure.ownerAgencyId),
  ]);
  const result = transparencyChecks(calendar, {
    tier: owner.kind === 'ministry' ? 'ministry' : 'province',
    legalEffectiveDate: version.legalEffectiveDate,
    decisionDate: version.decisionDate,
    publishedDate: version.publishedAt === null ? null : vietnamDate(new Date(version.publishedAt)),
    today: vietnamDate(ctx.now()),
  });
  return {
    announcedOnTime: result.announcedOnTime,
    publishedOnTime: result.publishedOnTime,
    deadlines: {
      legalEffectiveDate: version.legalEffectiveDate,
      announceBy: result.announceBy,
      decisionDate: version.decisionDate,
      publishBy: result.publishBy,
      publishedAt: iso(version.publishedAt),
    },
    notes: result.notes,
    calendar: 'local-changes',
  };
}

/** GET /api/catalog/procedures/:id — public: the published version in force now, by id or national code. */
export async function getPublicProcedure(ctx: ServiceContext, idOrCode: string): Promise<PublicProcedure> {
  const now = ctx.now();
  let version: store.VersionRow | undefined;
  if (/^\d\.\d{6}$/.test(idOrCode)) version = await store.publishedByNationalCode(ctx.db, idOrCode, now);
  else if (isUuid(idOrCode)) version = await store.versionInForce(ctx.db, idOrCode, now);
  if (!version) throw notFound('thủ tục hành chính', 'PROCEDURE_NOT_FOUND');
  const procedure = (await store.procedureById(ctx.db, version.procedureId))!;
  const today = vietnamDate(now);
  const [field, agencies, desks] = await Promise.all([
    store.fieldByCode(ctx.db, version.fieldCode),
    listAgencies(ctx, { asOf: today }),
    listDesks(ctx, { activeOn: today }),
  ]);
  const wanted = new Set(version.agencyIds);
  const content = version.content;
  return {
    procedureId: procedure.id,
    versionId: version.id,
    localCode: procedure.localCode,
    publishedAt: iso(version.publishedAt)!,
    inForceFrom: iso(version.inForceFrom)!,
    decisionNumber: version.decisionNumber,
    decisionDate: version.decisionDate,
    field: field ?? { code: version.fieldCode, name: version.fieldCode, national: false },
    content,
    agencies: agencies
      .filter((a) => wanted.has(a.id))
      .map((a) => ({
        id: a.id,
        code: a.code,
        name: a.name,
        desks: desks
          .filter((d) => d.agencyId === a.id)
          .map((d) => ({ id: d.id, name: d.name, address: d.address, phone: d.phone })),
      })),
    hasFee: version.hasFee,
    onlineSubmission: content.channels.some((c) => c.channel === 'online'),
  };
}
