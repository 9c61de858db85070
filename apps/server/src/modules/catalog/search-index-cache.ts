import type { SearchHit } from '@motcua/contracts/catalog';
import { buildSearchIndex, type SearchDocument, type SearchIndex } from '@motcua/domain/catalog/search-index';
import type { Db } from '../../platform/database';
import {
  catalogueGenerationMoved,
  readCatalogueGeneration,
  vouchedCatalogueGeneration,
} from './catalogue-generation';
import * as store from './store';

/**
 * The search index of the published catalogue, held in memory per database handle: matching, facets
 * and ranking then cost no query (on PGlite a statement that merely returns 2,000 matched ids takes
 * about 14 ms, more than the whole search may take). The index is rebuilt when the catalogue's
 * generation moves (`catalog.search_state`, raised by triggers on every change of versions,
 * procedures, synonyms and fields, whichever process made it). While the process listens for the
 * catalogue's announcements, the generation they vouch for is used without a query
 * (catalogue-generation.ts); otherwise it is read again after this process commits a change, and at
 * most every `GENERATION_REFRESH_MS` for changes made elsewhere.
 */

/** A document of the index with what a hit shows besides its name. */
export interface HitDocument extends SearchDocument {
  readonly processingTimes: SearchHit['processingTimes'];
  readonly fees: SearchHit['fees'];
}

export interface CatalogueSearchIndex {
  readonly index: SearchIndex<HitDocument>;
  readonly fieldNames: ReadonlyMap<string, string>;
}

interface Slot {
  /** The generation the last check read. */
  latest: number;
  /** When (app clock, ms) the check that read `latest` started. */
  checkedAt: number;
  /** Raised by `catalogueChanged`: a check started before it does not count as fresh. */
  changes: number;
  current: { index: CatalogueSearchIndex; generation: number } | null;
  loading: { promise: Promise<CatalogueSearchIndex>; generation: number } | null;
}

const slots = new WeakMap<Db, Slot>();

function slotOf(db: Db): Slot {
  let slot = slots.get(db);
  if (!slot) {
    slot = { latest: -1, checkedAt: Number.NEGATIVE_INFINITY, changes: 0, current: null, loading: null };
    slots.set(db, slot);
  }
  return slot;
}

/**
 * A change of the catalogue this process committed: the next search, and the next reception's look at
 * the procedure in force, read the generation again (and so see it) instead of waiting for its
 * announcement. Called after the commit, never before (see `committedChange`).
 */
export function catalogueChanged(db: Db): void {
  catalogueGenerationMoved(db);
  const slot = slotOf(db);
  slot.changes++;
  slot.checkedAt = Number.NEGATIVE_INFINITY;
}

/** Awaits a command's transaction, then marks the catalogue changed: after the commit, never before. */
export async function committedChange<T>(db: Db, transaction: Promise<T>): Promise<T> {
  const result = await transaction;
  catalogueChanged(db);
  return result;
}

const channelOrder = { 'in-person': 0, online: 1, postal: 2 } as const;

/** Processing time per channel and the fees, as a hit shows them. */
export function hitFacts(
  channels: store.SearchDocumentRow['channels'],
): Pick<HitDocument, 'processingTimes' | 'fees'> {
  const processingTimes = [...channels]
    .sort((a, b) => channelOrder[a.channel] - channelOrder[b.channel])
    .flatMap((c) =>
      c.processingTime
        ? [{ channel: c.channel, value: c.processingTime.value, unit: c.processingTime.unit }]
        : [],
    );
  const fees = channels.flatMap((c) => c.fees);
  const amountsVnd = [
    ...new Set(fees.flatMap((f) => (f.amountVnd !== null && f.amountVnd > 0 ? [f.amountVnd] : []))),
  ].sort((a, b) => a - b);
  return { processingTimes, fees: { amountsVnd, varies: fees.some((f) => f.amountVnd === null) } };
}

async function load(db: Db): Promise<CatalogueSearchIndex> {
  const [rows, synonyms, fields] = await Promise.all([
    store.publishedForSearch(db),
    store.allSynonyms(db),
    store.allFields(db),
  ]);
  const documents: HitDocument[] = rows.map((r) => ({
    versionId: r.id,
    procedureId: r.procedureId,
    nationalCode: r.nationalCode,
    localCode: r.localCode,
    name: r.name,
    fieldCode: r.fieldCode,
    levels: r.levels,
    agencyIds: r.agencyIds,
    onlineLevel: r.onlineLevel,
    hasFee: r.hasFee,
    foldedName: r.searchName,
    foldedText: r.searchText,
    inForceFrom: r.inForceFrom === null ? Number.POSITIVE_INFINITY : new Date(r.inForceFrom).getTime(),
    inForceTo: r.inForceTo === null ? null : new Date(r.inForceTo).getTime(),
    ...hitFacts(r.channels),
  }));
  return {
    index: buildSearchIndex(
      documents,
      synonyms.map((s) => ({
        term: s.term,
        termFolded: s.termFolded,
        expandsTo: s.expandsTo,
        procedureCodes: s.procedureCodes,
      })),
    ),
    fieldNames: new Map(fields.map((f) => [f.code, f.name])),
  };
}

/**
 * How long a generation read stays good for changes made by other server processes when no listener
 * vouches for it. Changes this process commits are seen by the next search (`catalogueChanged`).
 * Reading the generation on every request cost a database round trip each, which under load halved
 * the throughput on PostgreSQL.
 */
export const GENERATION_REFRESH_MS = 250;

async function currentGeneration(db: Db, slot: Slot, now: number): Promise<number> {
  const vouched = vouchedCatalogueGeneration(db);
  if (vouched !== null) {
    if (vouched > slot.latest) slot.latest = vouched;
    return slot.latest;
  }
  if (slot.current && now >= slot.checkedAt && now - slot.checkedAt < GENERATION_REFRESH_MS)
    return slot.latest;
  const changes = slot.changes;
  const generation = await readCatalogueGeneration(db);
  slot.latest = generation;
  // a change committed here while the check ran may be newer than what it read
  slot.checkedAt = changes === slot.changes ? now : Number.NEGATIVE_INFINITY;
  return generation;
}

/**
 * The index at the catalogue's current generation, built once however many requests ask meanwhile.
 * The generation is read before the data, so an index is never older than the generation it carries
 * (a change committed in between only causes one more rebuild). `now` is the app clock (ms).
 */
export async function catalogueSearchIndex(db: Db, now: number): Promise<CatalogueSearchIndex> {
  const slot = slotOf(db);
  const generation = await currentGeneration(db, slot, now);
  if (slot.current?.generation === generation) return slot.current.index;
  if (slot.loading?.generation === generation) return slot.loading.promise;
  const promise = load(db);
  slot.loading = { promise, generation };
  try {
    const index = await promise;
    // a slower load of an older generation must not replace a newer index
    if (slot.latest === generation || !slot.current) slot.current = { index, generation };
    return index;
  } finally {
    if (slot.loading?.promise === promise) slot.loading = null;
  }
}
