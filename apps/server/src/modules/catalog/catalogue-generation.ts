import type { Database, Db } from '../../platform/database';
import * as store from './store';

/**
 * The catalogue's generation (`catalog.search_state`, raised by triggers on every change of versions,
 * procedures, synonyms, fields and workflows, by whichever process), as the in-memory views of the
 * catalogue ask it: intake's snapshot of the published catalogue (procedure-in-force-service.ts) and the
 * search index (search-index-cache.ts). A view is current while its generation is the database's.
 *
 * Every raise is announced at commit on `CATALOGUE_CHANNEL`, with the new generation as its payload
 * (migration 0018). While this process listens, the generation is known without a query: read once
 * when the listener starts or comes back after a loss (announcements made meanwhile reached nobody
 * here), raised by each announcement, and read once more after each change this process commits (its
 * announcement may arrive after the next request, which must see the change). Without a listener
 * (DATABASE_LISTEN=false, its connection lost, services built without the app) it is read on every use.
 */
export const CATALOGUE_CHANNEL = 'motcua_catalog_changed';

interface GenerationWatch {
  listening: boolean;
  /** The highest generation announced or read since the watch began; -1 before any. */
  known: number;
  /**
   * `known` covers every change committed so far but not yet announced: set by a read that began after
   * the last move of `epoch`.
   */
  vouched: boolean;
  /** Moves on every (re)connection and loss of the listener and on every change this process commits. */
  epoch: number;
}

const watches = new WeakMap<Db, GenerationWatch>();
let reads = 0;

/** How many times this process has read the generation (tests check the listener spares it). */
export function catalogueGenerationReadCount(): number {
  return reads;
}

/** Keeps the catalogue generation of `database` in step with its announcements; resolves to `stop`. */
export async function listenForCatalogueChanges(database: Database): Promise<() => Promise<void>> {
  const db = database.db;
  const watch: GenerationWatch = { listening: false, known: -1, vouched: false, epoch: 0 };
  watches.set(db, watch);
  const unvouch = () => {
    watch.epoch++;
    watch.vouched = false;
  };
  const stop = await database.listen(CATALOGUE_CHANNEL, {
    onListening() {
      unvouch();
      watch.listening = true;
      // Changes committed before LISTEN took effect were announced to no one here: read them once.
      // A failed read vouches for nothing; the next use reads instead.
      readCatalogueGeneration(db).catch(() => undefined);
    },
    onNotify(payload) {
      const generation = Number(payload);
      if (payload !== '' && Number.isSafeInteger(generation)) {
        if (generation > watch.known) watch.known = generation;
      } else unvouch(); // an announcement without a generation (sent by hand): read it
    },
    onLost() {
      unvouch();
      watch.listening = false;
    },
  });
  return async () => {
    unvouch();
    watch.listening = false;
    if (watches.get(db) === watch) watches.delete(db);
    await stop();
  };
}

/** The generation the listener vouches for, or `null` when it must be read. */
export function vouchedCatalogueGeneration(db: Db): number | null {
  const watch = watches.get(db);
  return watch?.listening && watch.vouched ? watch.known : null;
}

/** Reads the generation (one statement); while listening, the read vouches for the generation known. */
export async function readCatalogueGeneration(db: Db): Promise<number> {
  const watch = watches.get(db);
  // Taken before reading: a change committed here or a reconnection meanwhile leaves it to be read again.
  const epoch = watch?.epoch;
  reads++;
  const generation = await store.searchGeneration(db);
  if (!watch) return generation;
  if (generation > watch.known) watch.known = generation;
  if (watch.listening && watch.epoch === epoch) watch.vouched = true;
  return watch.known;
}

/**
 * A change of the catalogue this process committed: the next use reads the generation (and so sees
 * it) instead of waiting for the announcement. Called after the commit, never before.
 */
export function catalogueGenerationMoved(db: Db): void {
  const watch = watches.get(db);
  if (watch) {
    watch.epoch++;
    watch.vouched = false;
  }
}
