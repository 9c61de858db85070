import type { PublicDossier } from '@motcua/contracts/dossier';
import type { Database, Db } from '../../platform/database';

/**
 * The public tracking answers (code, procedure, status, dates) this process has read, by dossier code.
 *
 * Public tracking is the system's most frequent read (every receipt's QR code, every citizen checking
 * again), and its answer changes only when a command moves the dossier. An entry is dropped:
 * - in this process, by the command's own commit path (`forgetPublicView`), so a caller who acted and
 *   then looks the dossier up sees the new status;
 * - in every process, by the database: a trigger on the projection table notifies the channel
 *   `PUBLIC_VIEW_CHANNEL` with the code whenever a public column changes or the row is deleted (commands,
 *   `dossiers rebuild`, a manual fix in SQL alike), and `listenForPublicViewChanges` applies it.
 * The cache is used only while that listener is connected: when the connection is lost the cache is
 * emptied and every lookup reads the database until it is back. A lookup stores what it read only if
 * nothing was dropped while it was reading (`epoch`), so a read that raced a change never outlives it.
 * Unknown codes are not kept (a dossier may be received with that code later).
 */
export const PUBLIC_VIEW_CHANNEL = 'motcua_dossier_public';

export class PublicViewCache {
  private readonly entries = new Map<string, PublicDossier>();
  private listening = false;
  /** Moves on every drop: a read that began before it may hold an older answer. */
  private epoch = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly capacity: number) {}

  /** The cached answer, or undefined; counts hits and misses. */
  get(code: string): PublicDossier | undefined {
    const entry = this.listening ? this.entries.get(code) : undefined;
    if (entry === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return entry;
  }

  /** Call before reading the database; pass the result to `set` with what was read. */
  beginRead(): number {
    return this.epoch;
  }

  set(code: string, view: PublicDossier, readEpoch: number): void {
    if (!this.listening || this.capacity === 0 || readEpoch !== this.epoch) return;
    if (this.entries.size >= this.capacity && !this.entries.has(code)) {
      // Oldest-inserted first: a code looked up again after its entry left is simply read again.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(code, view);
  }

  forget(code: string): void {
    this.epoch++;
    this.entries.delete(code);
  }

  /** The change listener is connected (true) or lost (false: empty and bypassed until it is back). */
  setListening(listening: boolean): void {
    this.epoch++;
    this.entries.clear();
    this.listening = listening;
  }

  get size(): number {
    return this.entries.size;
  }
}

const caches = new WeakMap<Db, PublicViewCache>();

/** The cache of the app whose database handle is `db` (one per app, so tests' apps stay apart). */
export function publicViewCache(db: Db): PublicViewCache | undefined {
  return caches.get(db);
}

/** Drops the code's entry in this process (the other processes hear it from the database trigger). */
export function forgetPublicView(db: Db, code: string): void {
  caches.get(db)?.forget(code);
}

/**
 * Creates the app's cache and keeps it in step with the database's change notifications; resolves to a
 * function that stops listening. With `capacity` 0 nothing is cached and nothing is listened to.
 */
export async function listenForPublicViewChanges(
  database: Database,
  capacity: number,
): Promise<() => Promise<void>> {
  if (capacity === 0) return async () => undefined;
  const cache = new PublicViewCache(capacity);
  caches.set(database.db, cache);
  const stop = await database.listen(PUBLIC_VIEW_CHANNEL, {
    onListening: () => cache.setListening(true),
    onNotify: (code) => cache.forget(code),
    onLost: () => cache.setListening(false),
  });
  return async () => {
    cache.setListening(false);
    caches.delete(database.db);
    await stop();
  };
}
