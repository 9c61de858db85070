import type { ChannelKind, ProcedureContent } from '@motcua/contracts/catalog';
import type { ProcessingTime } from '@motcua/domain/calendar/due-date';
import { defaultWorkflow, legalLimitHours, type WorkflowDefinition } from '@motcua/domain/catalog/workflow';
import type { ServiceContext } from '../../platform/access-context';
import type { Db } from '../../platform/database';
import { isUuid } from './catalog-service';
import { readCatalogueGeneration, vouchedCatalogueGeneration } from './catalogue-generation';
import * as store from './store';

/**
 * What the dossier engine asks the catalogue: the procedure version in force at the instant a dossier is
 * received (a dossier is always judged by it), and the internal workflow of the handling agency in force
 * at that instant (the latest stored version created by then, or the generated default).
 */
export interface ProcedureInForce {
  /** The catalogue generation it was read at (what else was read at it may be reused while it holds). */
  generation: number;
  procedureId: string;
  versionId: string;
  nationalCode: string;
  name: string;
  fieldCode: string;
  fieldName: string;
  implementingAgencyIds: string[];
  content: ProcedureContent;
}

/**
 * What was read of the published catalogue at one generation (`catalog.search_state`, raised by triggers
 * on every change of versions, procedures, fields and workflows, by whichever process). Intake asks for
 * the version and the workflow in force on every reception: four statements before, none now while
 * nothing changed and the process listens for the catalogue's announcements (catalogue-generation.ts;
 * one, the generation, when it does not).
 */
interface CatalogueSnapshot {
  generation: number;
  /** In-force windows of every published version, by national code and by procedure (loaded once). */
  windows: Promise<PublishedWindows> | null;
  /** Version rows, field names and workflows (by procedure and agency), read on first use. */
  versions: Map<string, Promise<store.VersionRow | undefined>>;
  fieldNames: Map<string, Promise<string | undefined>>;
  workflows: Map<string, Promise<Awaited<ReturnType<typeof store.workflowsOf>>>>;
}

interface PublishedWindow {
  versionId: string;
  procedureId: string;
  localCode: string;
  from: number;
  /** `Infinity` when open. */
  to: number;
}

interface PublishedWindows {
  byCode: Map<string, PublishedWindow[]>;
  byProcedure: Map<string, PublishedWindow[]>;
}

const snapshots = new WeakMap<Db, CatalogueSnapshot>();

async function snapshotOf(db: Db): Promise<CatalogueSnapshot> {
  const generation = vouchedCatalogueGeneration(db) ?? (await readCatalogueGeneration(db));
  const current = snapshots.get(db);
  if (current && current.generation >= generation) return current;
  const fresh: CatalogueSnapshot = {
    generation,
    windows: null,
    versions: new Map(),
    fieldNames: new Map(),
    workflows: new Map(),
  };
  snapshots.set(db, fresh);
  return fresh;
}

/** Read once per snapshot, shared by concurrent callers; a failed read is not kept. */
function memo<K, V>(map: Map<K, Promise<V>>, key: K, read: () => Promise<V>): Promise<V> {
  let promise = map.get(key);
  if (!promise) {
    promise = read();
    map.set(key, promise);
    promise.catch(() => map.delete(key));
  }
  return promise;
}

async function loadWindows(db: Db): Promise<PublishedWindows> {
  const byCode = new Map<string, PublishedWindow[]>();
  const byProcedure = new Map<string, PublishedWindow[]>();
  for (const r of await store.publishedForSearch(db)) {
    if (r.inForceFrom === null) continue; // never in force (SQL: null <= at is not true)
    const w: PublishedWindow = {
      versionId: r.id,
      procedureId: r.procedureId,
      localCode: r.localCode,
      from: new Date(r.inForceFrom).getTime(),
      to: r.inForceTo === null ? Number.POSITIVE_INFINITY : new Date(r.inForceTo).getTime(),
    };
    for (const [map, key] of [
      [byCode, r.nationalCode],
      [byProcedure, r.procedureId],
    ] as const) {
      const list = map.get(key);
      if (list) list.push(w);
      else map.set(key, [w]);
    }
  }
  return { byCode, byProcedure };
}

function windowsOf(db: Db, snapshot: CatalogueSnapshot): Promise<PublishedWindows> {
  if (!snapshot.windows) {
    const promise = loadWindows(db);
    snapshot.windows = promise;
    promise.catch(() => {
      if (snapshot.windows === promise) snapshot.windows = null;
    });
  }
  return snapshot.windows;
}

const inForce = (w: PublishedWindow, at: number) => w.from <= at && at < w.to;

/**
 * The version in force at `at`, chosen in memory exactly as `store.publishedByNationalCode` and
 * `store.versionInForce` choose it in SQL. Only when several procedures share the national code and are
 * in force together does SQL pick (it orders their local codes by the database's collation).
 */
async function versionIdInForce(
  ctx: ServiceContext,
  snapshot: CatalogueSnapshot,
  procedureIdOrCode: string,
  at: Date,
): Promise<{ procedureId: string; versionId: string } | null> {
  const windows = await windowsOf(ctx.db, snapshot);
  const t = at.getTime();
  let procedureId = procedureIdOrCode;
  if (!isUuid(procedureIdOrCode)) {
    const candidates = (windows.byCode.get(procedureIdOrCode) ?? []).filter((w) => inForce(w, t));
    const procedures = new Set(candidates.map((w) => w.procedureId));
    if (procedures.size === 0) return null;
    if (procedures.size === 1) procedureId = candidates[0]!.procedureId;
    else {
      const published = await store.publishedByNationalCode(ctx.db, procedureIdOrCode, at);
      if (!published) return null;
      procedureId = published.procedureId;
    }
  }
  let latest: PublishedWindow | null = null;
  for (const w of windows.byProcedure.get(procedureId) ?? [])
    if (inForce(w, t) && (latest === null || w.from > latest.from)) latest = w;
  return latest && { procedureId, versionId: latest.versionId };
}

export async function procedureInForce(
  ctx: ServiceContext,
  procedureIdOrCode: string,
  at: Date,
): Promise<ProcedureInForce | null> {
  const snapshot = await snapshotOf(ctx.db);
  const chosen = await versionIdInForce(ctx, snapshot, procedureIdOrCode, at);
  if (!chosen) return null;
  const row = await memo(snapshot.versions, chosen.versionId, () =>
    store.versionById(ctx.db, chosen.versionId),
  );
  if (!row) return null;
  const fieldName = await memo(
    snapshot.fieldNames,
    row.fieldCode,
    async () => (await store.fieldByCode(ctx.db, row.fieldCode))?.name,
  );
  return {
    generation: snapshot.generation,
    procedureId: chosen.procedureId,
    versionId: row.id,
    nationalCode: row.nationalCode,
    name: row.name,
    fieldCode: row.fieldCode,
    fieldName: fieldName ?? row.fieldCode,
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
  // The catalogue snapshot the procedure was read from, while it is still the current one.
  const snapshot = snapshots.get(ctx.db);
  const read = () => store.workflowsOf(ctx.db, procedure.procedureId, agencyId);
  const rows =
    snapshot && snapshot.generation === procedure.generation
      ? await memo(snapshot.workflows, `${procedure.procedureId}|${agencyId}`, read)
      : await read();
  const inForce = rows.filter((r) => new Date(r.createdAt).getTime() <= at.getTime());
  const latest = inForce[inForce.length - 1];
  if (latest) return { definition: latest.definition as WorkflowDefinition, version: latest.number };
  const { limitHours } = legalLimitHours(procedure.content.channels.map((c) => c.processingTime));
  return { definition: defaultWorkflowOf(agencyId, limitHours), version: null };
}

/** Generated default workflows, one object per agency and limit (shared by every dossier that uses it). */
const defaults = new Map<string, WorkflowDefinition>();
const DEFAULTS_LIMIT = 10_000;

function defaultWorkflowOf(agencyId: string, limitHours: number | null): WorkflowDefinition {
  const key = `${agencyId}|${limitHours}`;
  const known = defaults.get(key);
  if (known) return known;
  if (defaults.size >= DEFAULTS_LIMIT) defaults.clear();
  const definition = defaultWorkflow(agencyId, limitHours);
  defaults.set(key, definition);
  return definition;
}
