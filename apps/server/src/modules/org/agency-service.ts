import type {
  Agency,
  AgencyDetail,
  CreateAgency,
  Desk,
  MergeAgencies,
  OfficeHours,
} from '@motcua/contracts/org';
import { defaultOfficeHours } from '@motcua/contracts/org';
import { type AgencyNode, isInForce, wouldCreateCycle } from '@motcua/domain/org/agency-tree';
import type { AccessContext, ServiceContext } from '../../platform/access-context';
import { vietnamDate } from '../../platform/access-context';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/app-error';
import { recordAudit } from '../../platform/audit-log';
import { type Db, inTransaction, isUniqueViolation } from '../../platform/database';
import * as store from './store';

/**
 * The agency tree, desks and their history. Reads of the tree are public (citizens need to know where
 * to go); every change needs `org.manage` over the agencies it touches.
 */

const manage = 'org.manage';

export function nameAsOf(names: readonly store.NameRow[], date: string): string {
  let chosen = names[0]?.name ?? '';
  for (const n of names) if (n.validFrom <= date) chosen = n.name;
  return chosen;
}

function toAgency(row: store.AgencyRow, names: readonly store.NameRow[], date: string): Agency {
  return {
    id: row.id,
    code: row.code,
    name: nameAsOf(names, date),
    kind: row.kind as Agency['kind'],
    parentId: row.parentId,
    validFrom: row.validFrom,
    validTo: row.validTo,
    successorId: row.successorId,
  };
}

function groupNames(rows: readonly store.NameRow[]): Map<string, store.NameRow[]> {
  const map = new Map<string, store.NameRow[]>();
  for (const r of rows) {
    const list = map.get(r.agencyId);
    if (list) list.push(r);
    else map.set(r.agencyId, [r]);
  }
  return map;
}

export async function listAgencies(
  ctx: ServiceContext,
  q: { asOf?: string | undefined; includeEnded?: boolean | undefined },
): Promise<Agency[]> {
  const date = q.asOf ?? vietnamDate(ctx.now());
  const [rows, names] = await Promise.all([store.allAgencies(ctx.db), store.allNames(ctx.db)]);
  const byAgency = groupNames(names);
  return rows
    .filter((r) => q.includeEnded === true || isInForce(r, date))
    .map((r) => toAgency(r, byAgency.get(r.id) ?? [], date));
}

export async function getAgency(ctx: ServiceContext, id: string, asOf?: string): Promise<AgencyDetail> {
  const row = isUuid(id) ? await store.agencyById(ctx.db, id) : undefined;
  if (!row) throw notFound('đơn vị', 'AGENCY_NOT_FOUND');
  const date = asOf ?? vietnamDate(ctx.now());
  const [names, predecessors] = await Promise.all([
    store.namesOf(ctx.db, id),
    store.predecessorsOf(ctx.db, id),
  ]);
  const predecessorNames = groupNames(await store.allNames(ctx.db));
  return {
    ...toAgency(row, names, date),
    names: names.map((n) => ({ name: n.name, validFrom: n.validFrom })),
    predecessors: predecessors.map((p) => ({
      id: p.id,
      code: p.code,
      name: nameAsOf(predecessorNames.get(p.id) ?? [], p.validTo ?? date),
      mergedOn: p.validTo ?? '',
    })),
  };
}

/** The tree's structure (no names), from which the domain's scopeOf answers scope questions. */
export async function agencyNodes(ctx: ServiceContext): Promise<AgencyNode[]> {
  return (await store.allAgencies(ctx.db)).map((a) => ({
    id: a.id,
    parentId: a.parentId,
    validFrom: a.validFrom,
    validTo: a.validTo,
    successorId: a.successorId,
  }));
}

/** Code, name and kind of the given agencies as of today, for labelling (e.g. role assignments). */
export async function agencyLabels(
  ctx: ServiceContext,
  ids: readonly string[],
): Promise<Map<string, { code: string; name: string }>> {
  const unique = [...new Set(ids)];
  const rows = await store.agenciesByIds(ctx.db, unique);
  const names = groupNames(await store.allNames(ctx.db));
  const date = vietnamDate(ctx.now());
  return new Map(rows.map((r) => [r.id, { code: r.code, name: nameAsOf(names.get(r.id) ?? [], date) }]));
}

export interface DirectoryEntry {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
}

export interface AgencyDirectory {
  byId: ReadonlyMap<string, DirectoryEntry>;
  byCode: ReadonlyMap<string, DirectoryEntry>;
  /** Current name by id, as a plain record (what the dossier decider and the sync payloads take). */
  names: Readonly<Record<string, string>>;
  /** Every desk by id (read at each reception and for its working calendar). */
  desks: ReadonlyMap<string, Desk>;
  nodes: readonly AgencyNode[];
}

// Read on every staff request (the caller's scope), every dossier command and reception (with the desks)
// and every public lookup: kept in
// memory per database handle, reloaded after a change made by this process and at most `directoryTtlMs`
// after one made by another process. Concurrent readers of an expired directory share one load, and a
// load that overlapped a change is not kept (it may have read the tree before the change committed).
const directoryTtlMs = 10_000;
interface DirectorySlot {
  loaded: { at: number; generation: number; value: AgencyDirectory } | null;
  loading: { generation: number; promise: Promise<AgencyDirectory> } | null;
}
const directories = new WeakMap<Db, DirectorySlot>();
/** Raised by every agency change of this process: directories loaded before it are stale. */
let directoryGeneration = 0;

function invalidateDirectory(): void {
  directoryGeneration++;
}

async function loadDirectory(ctx: ServiceContext): Promise<AgencyDirectory> {
  const [rows, names, deskRows] = await Promise.all([
    store.allAgencies(ctx.db),
    store.allNames(ctx.db),
    store.desksOf(ctx.db, {}),
  ]);
  const grouped = groupNames(names);
  const date = vietnamDate(ctx.now());
  const entries = rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: nameAsOf(grouped.get(r.id) ?? [], date),
    parentId: r.parentId,
  }));
  return {
    byId: new Map(entries.map((e) => [e.id, e])),
    byCode: new Map(entries.map((e) => [e.code, e])),
    names: Object.fromEntries(entries.map((e) => [e.id, e.name])),
    desks: new Map(deskRows.map((d) => [d.id, toDesk(d)])),
    nodes: rows.map((a) => ({
      id: a.id,
      parentId: a.parentId,
      validFrom: a.validFrom,
      validTo: a.validTo,
      successorId: a.successorId,
    })),
  };
}

/** Codes, current names and the tree of every agency (cached). */
export async function agencyDirectory(ctx: ServiceContext): Promise<AgencyDirectory> {
  let slot = directories.get(ctx.db);
  if (!slot) {
    slot = { loaded: null, loading: null };
    directories.set(ctx.db, slot);
  }
  const generation = directoryGeneration;
  const now = Date.now();
  if (slot.loaded?.generation === generation && now - slot.loaded.at < directoryTtlMs)
    return slot.loaded.value;
  if (slot.loading?.generation === generation) return slot.loading.promise;
  const promise = loadDirectory(ctx);
  const loading = { generation, promise };
  slot.loading = loading;
  try {
    const value = await promise;
    if (directoryGeneration === generation) slot.loaded = { at: now, generation, value };
    return value;
  } finally {
    if (slot.loading === loading) slot.loading = null;
  }
}

/** An agency change: one transaction, after which the cached directory is reloaded. */
async function changeAgencies<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await inTransaction(db, fn);
  } finally {
    invalidateDirectory();
  }
}

export async function agencyExists(ctx: ServiceContext, id: string): Promise<boolean> {
  return isUuid(id) && (await store.agencyById(ctx.db, id)) !== undefined;
}

export async function createAgency(
  ctx: ServiceContext,
  access: AccessContext,
  input: CreateAgency,
): Promise<Agency> {
  return changeAgencies(ctx.db, async (tx) => {
    if (input.parentId === null) {
      if ((await store.countAgencies(tx)) > 0)
        throw forbidden('Chỉ có thể tạo đơn vị cấp gốc khi hệ thống chưa có đơn vị nào');
    } else {
      const parent = await requireAgency(tx, input.parentId);
      await access.assertInScope(manage, parent.id);
      if (!isInForce(parent, input.validFrom)) {
        throw invalid('PARENT_NOT_IN_FORCE', 'Đơn vị cấp trên không còn hiệu lực vào ngày bắt đầu', {
          path: ['parentId'],
        });
      }
    }
    await assertCodeFree(tx, input.code);
    const row = await insertAgencyOrConflict(tx, { ...input });
    await recordAudit(
      tx,
      access.actor,
      {
        action: 'org.agency.create',
        targetType: 'agency',
        targetId: row.id,
        agencyId: row.id,
        details: {
          code: input.code,
          name: input.name,
          kind: input.kind,
          parentId: input.parentId,
          validFrom: input.validFrom,
        },
      },
      ctx.now(),
    );
    return toAgency(
      row,
      [{ agencyId: row.id, name: input.name, validFrom: input.validFrom }],
      input.validFrom,
    );
  });
}

export async function updateAgency(
  ctx: ServiceContext,
  access: AccessContext,
  id: string,
  patch: { kind?: Agency['kind'] | undefined; parentId?: string | null | undefined },
): Promise<Agency> {
  return changeAgencies(ctx.db, async (tx) => {
    const row = await requireAgency(tx, id);
    await access.assertInScope(manage, row.id, { hidden: true, what: 'đơn vị' });
    const change: { kind?: string; parentId?: string | null } = {};
    if (patch.kind !== undefined) change.kind = patch.kind;
    if (patch.parentId !== undefined && patch.parentId !== row.parentId) {
      if (patch.parentId === null) throw forbidden('Không thể chuyển đơn vị thành cấp gốc');
      const parent = await requireAgency(tx, patch.parentId);
      await access.assertInScope(manage, parent.id);
      const nodes = new Map((await store.allAgencies(tx)).map((a) => [a.id, a]));
      if (wouldCreateCycle(nodes, row.id, parent.id)) {
        throw invalid('AGENCY_CYCLE', 'Không thể đặt một đơn vị dưới chính nó hoặc đơn vị cấp dưới của nó', {
          path: ['parentId'],
        });
      }
      change.parentId = parent.id;
    }
    await store.updateAgency(tx, id, change);
    await recordAudit(
      tx,
      access.actor,
      { action: 'org.agency.update', targetType: 'agency', targetId: id, agencyId: id, details: change },
      ctx.now(),
    );
    const updated = (await store.agencyById(tx, id))!;
    return toAgency(updated, await store.namesOf(tx, id), vietnamDate(ctx.now()));
  });
}

export async function renameAgency(
  ctx: ServiceContext,
  access: AccessContext,
  id: string,
  input: { name: string; effectiveDate: string },
): Promise<AgencyDetail> {
  await changeAgencies(ctx.db, async (tx) => {
    const row = await requireAgency(tx, id);
    await access.assertInScope(manage, row.id, { hidden: true, what: 'đơn vị' });
    if (
      input.effectiveDate <= row.validFrom ||
      (row.validTo !== null && input.effectiveDate >= row.validTo)
    ) {
      throw invalid(
        'RENAME_OUTSIDE_VALIDITY',
        'Ngày đổi tên phải nằm trong thời gian hiệu lực của đơn vị (sau ngày thành lập)',
        {
          path: ['effectiveDate'],
        },
      );
    }
    const names = await store.namesOf(tx, id);
    if (names.some((n) => n.validFrom === input.effectiveDate)) {
      throw conflict('RENAME_DATE_TAKEN', 'Đã có một lần đổi tên có hiệu lực vào ngày này');
    }
    await store.insertName(tx, { agencyId: id, name: input.name, validFrom: input.effectiveDate });
    await recordAudit(
      tx,
      access.actor,
      {
        action: 'org.agency.rename',
        targetType: 'agency',
        targetId: id,
        agencyId: id,
        details: {
          from: nameAsOf(names, input.effectiveDate),
          to: input.name,
          effectiveDate: input.effectiveDate,
        },
      },
      ctx.now(),
    );
  });
  return getAgency(ctx, id);
}

export async function dissolveAgency(
  ctx: ServiceContext,
  access: AccessContext,
  id: string,
  effectiveDate: string,
): Promise<Agency> {
  return changeAgencies(ctx.db, async (tx) => {
    const row = await requireAgency(tx, id);
    await access.assertInScope(manage, row.id, { hidden: true, what: 'đơn vị' });
    assertEndable(row, effectiveDate);
    if ((await store.activeChildren(tx, id, effectiveDate)).length > 0) {
      throw conflict(
        'AGENCY_HAS_CHILDREN',
        'Đơn vị còn đơn vị trực thuộc đang hoạt động: chuyển hoặc giải thể chúng trước',
      );
    }
    if ((await store.desksOf(tx, { agencyIds: [id], activeOn: effectiveDate })).length > 0) {
      throw conflict(
        'AGENCY_HAS_DESKS',
        'Đơn vị còn bộ phận một cửa đang hoạt động: kết thúc bộ phận đó trước',
      );
    }
    await store.updateAgency(tx, id, { validTo: effectiveDate });
    await recordAudit(
      tx,
      access.actor,
      {
        action: 'org.agency.dissolve',
        targetType: 'agency',
        targetId: id,
        agencyId: id,
        details: { effectiveDate },
      },
      ctx.now(),
    );
    return toAgency({ ...row, validTo: effectiveDate }, await store.namesOf(tx, id), vietnamDate(ctx.now()));
  });
}

/**
 * Units A, B… become a new unit C from `effectiveDate`: the sources end the day before (validTo is
 * exclusive) and name C as successor, so their old dossiers and statistics keep pointing at them while
 * C's staff inherit them in scope. Their desks end on the same date.
 */
export async function mergeAgencies(
  ctx: ServiceContext,
  access: AccessContext,
  input: MergeAgencies,
): Promise<{ agency: Agency; endedDeskIds: string[] }> {
  return changeAgencies(ctx.db, async (tx) => {
    const sourceIds = [...new Set(input.sourceIds)];
    if (sourceIds.length < 2)
      throw invalid('MERGE_NEEDS_TWO', 'Cần ít nhất 2 đơn vị khác nhau để sáp nhập', { path: ['sourceIds'] });
    const sources = [];
    for (const id of sourceIds) {
      const row = await requireAgency(tx, id);
      await access.assertInScope(manage, row.id);
      assertEndable(row, input.effectiveDate);
      if ((await store.activeChildren(tx, id, input.effectiveDate)).length > 0) {
        throw conflict(
          'AGENCY_HAS_CHILDREN',
          'Một đơn vị được sáp nhập còn đơn vị trực thuộc đang hoạt động',
          { agencyId: id },
        );
      }
      sources.push(row);
    }
    if (input.target.parentId === null) throw forbidden('Đơn vị mới phải có đơn vị cấp trên');
    const parent = await requireAgency(tx, input.target.parentId);
    await access.assertInScope(manage, parent.id);
    if (sourceIds.includes(parent.id))
      throw invalid('AGENCY_CYCLE', 'Đơn vị cấp trên không thể là một đơn vị bị sáp nhập', {
        path: ['target', 'parentId'],
      });
    await assertCodeFree(tx, input.target.code);
    const target = await insertAgencyOrConflict(tx, { ...input.target, validFrom: input.effectiveDate });
    for (const s of sources)
      await store.updateAgency(tx, s.id, { validTo: input.effectiveDate, successorId: target.id });
    const ended = await store.endDesksOf(tx, sourceIds, input.effectiveDate);
    await recordAudit(
      tx,
      access.actor,
      {
        action: 'org.agency.merge',
        targetType: 'agency',
        targetId: target.id,
        agencyId: target.id,
        details: {
          sources: sources.map((s) => s.code),
          target: input.target.code,
          effectiveDate: input.effectiveDate,
          endedDesks: ended.map((d) => d.id),
        },
      },
      ctx.now(),
    );
    return {
      agency: toAgency(
        target,
        [{ agencyId: target.id, name: input.target.name, validFrom: input.effectiveDate }],
        input.effectiveDate,
      ),
      endedDeskIds: ended.map((d) => d.id),
    };
  });
}

// ── desks ──────────────────────────────────────────────────────────────

function toDesk(row: store.DeskRow): Desk {
  return {
    id: row.id,
    agencyId: row.agencyId,
    name: row.name,
    address: row.address,
    phone: row.phone,
    officeHours: row.officeHours,
    servesAgencyIds: row.servesAgencyIds,
    validFrom: row.validFrom,
    validTo: row.validTo,
  };
}

export async function listDesks(
  ctx: ServiceContext,
  q: { agencyId?: string | undefined; activeOn?: string | undefined },
): Promise<Desk[]> {
  const rows = await store.desksOf(ctx.db, {
    ...(q.agencyId !== undefined ? { agencyIds: isUuid(q.agencyId) ? [q.agencyId] : [] } : {}),
    ...(q.activeOn !== undefined ? { activeOn: q.activeOn } : {}),
  });
  return rows.map(toDesk);
}

export async function getDesk(ctx: ServiceContext, id: string): Promise<Desk> {
  // From the cached directory; a desk created by another process in the last seconds is read directly.
  const cached = (await agencyDirectory(ctx)).desks.get(id);
  if (cached) return cached;
  const row = isUuid(id) ? await store.deskById(ctx.db, id) : undefined;
  if (!row) throw notFound('bộ phận một cửa', 'DESK_NOT_FOUND');
  return toDesk(row);
}

export async function createDesk(
  ctx: ServiceContext,
  access: AccessContext,
  input: {
    agencyId: string;
    name: string;
    address?: string | null | undefined;
    phone?: string | null | undefined;
    officeHours?: OfficeHours | undefined;
    servesAgencyIds?: string[] | undefined;
    validFrom: string;
  },
): Promise<Desk> {
  return changeAgencies(ctx.db, async (tx) => {
    const agency = await requireAgency(tx, input.agencyId, ['agencyId']);
    await access.assertInScope(manage, agency.id);
    if (!isInForce(agency, input.validFrom)) {
      throw invalid('AGENCY_NOT_IN_FORCE', 'Đơn vị không còn hiệu lực vào ngày bắt đầu của bộ phận một cửa', {
        path: ['validFrom'],
      });
    }
    const row = await store.insertDesk(tx, {
      agencyId: agency.id,
      name: input.name,
      address: input.address ?? null,
      phone: input.phone ?? null,
      officeHours: input.officeHours ?? defaultOfficeHours,
      servesAgencyIds: await servedAgencies(tx, input.servesAgencyIds ?? []),
      validFrom: input.validFrom,
    });
    await recordAudit(
      tx,
      access.actor,
      {
        action: 'org.desk.create',
        targetType: 'desk',
        targetId: row.id,
        agencyId: agency.id,
        details: { name: input.name },
      },
      ctx.now(),
    );
    return toDesk(row);
  });
}

export async function updateDesk(
  ctx: ServiceContext,
  access: AccessContext,
  id: string,
  patch: {
    name?: string | undefined;
    address?: string | null | undefined;
    phone?: string | null | undefined;
    officeHours?: OfficeHours | undefined;
    servesAgencyIds?: string[] | undefined;
    validTo?: string | null | undefined;
  },
): Promise<Desk> {
  return changeAgencies(ctx.db, async (tx) => {
    const row = isUuid(id) ? await store.deskById(tx, id) : undefined;
    if (!row) throw notFound('bộ phận một cửa', 'DESK_NOT_FOUND');
    await access.assertInScope(manage, row.agencyId, { hidden: true, what: 'bộ phận một cửa' });
    const change = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (patch.servesAgencyIds !== undefined)
      change.servesAgencyIds = await servedAgencies(tx, patch.servesAgencyIds);
    if (patch.validTo === null) {
      const agency = (await store.agencyById(tx, row.agencyId))!;
      if (agency.validTo !== null)
        throw invalid('AGENCY_NOT_IN_FORCE', 'Không thể mở lại bộ phận của đơn vị đã kết thúc', {
          path: ['validTo'],
        });
    }
    if (typeof patch.validTo === 'string' && patch.validTo <= row.validFrom) {
      throw invalid('INVALID_PERIOD', 'Ngày kết thúc phải sau ngày bắt đầu', { path: ['validTo'] });
    }
    const updated = await store.updateDesk(tx, id, change);
    await recordAudit(
      tx,
      access.actor,
      {
        action: 'org.desk.update',
        targetType: 'desk',
        targetId: id,
        agencyId: row.agencyId,
        details: change,
      },
      ctx.now(),
    );
    return toDesk(updated);
  });
}

// ── shared checks ──────────────────────────────────────────────────────

async function servedAgencies(tx: Db, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  for (const [i, id] of unique.entries()) await requireAgency(tx, id, ['servesAgencyIds', i]);
  return unique;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

async function requireAgency(
  db: Db,
  id: string,
  path: (string | number)[] = ['parentId'],
): Promise<store.AgencyRow> {
  const row = isUuid(id) ? await store.agencyById(db, id) : undefined;
  if (!row) throw new AppError('AGENCY_NOT_FOUND', 404, 'Không tìm thấy đơn vị', { path });
  return row;
}

async function assertCodeFree(db: Db, code: string): Promise<void> {
  if (await store.agencyByCode(db, code)) {
    throw conflict('AGENCY_CODE_TAKEN', `Mã định danh ${code} đã được dùng cho một đơn vị khác`, {
      path: ['code'],
    });
  }
}

async function insertAgencyOrConflict(
  db: Db,
  a: { code: string; kind: string; parentId: string | null; validFrom: string; name: string },
) {
  try {
    return await store.insertAgency(db, a);
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('AGENCY_CODE_TAKEN', `Mã định danh ${a.code} đã được dùng cho một đơn vị khác`, {
        path: ['code'],
      });
    throw error;
  }
}

function assertEndable(row: store.AgencyRow, date: string): void {
  if (row.validTo !== null) throw conflict('AGENCY_ALREADY_ENDED', 'Đơn vị đã kết thúc hoạt động trước đó');
  if (date <= row.validFrom)
    throw invalid('INVALID_PERIOD', 'Ngày kết thúc phải sau ngày thành lập của đơn vị', {
      path: ['effectiveDate'],
    });
}

/** Seed and CLI bootstrap: create without an acting user (recorded as the system). */
export async function bootstrapAgency(
  db: Db,
  a: { code: string; kind: string; parentId: string | null; validFrom: string; name: string },
) {
  invalidateDirectory();
  return store.insertAgency(db, a);
}

export async function allAgencyIds(ctx: ServiceContext): Promise<string[]> {
  return (await store.allAgencies(ctx.db)).map((a) => a.id);
}

export async function countAgencies(ctx: ServiceContext): Promise<number> {
  return store.countAgencies(ctx.db);
}
