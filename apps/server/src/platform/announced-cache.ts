import type { Database, Db } from './database';

/**
 * A per-process cache of database reads that the database itself keeps exact: a trigger announces
 * each change on a channel at commit, and the listener drops what it names. Used for the public tracking
 * answers (modules/dossiers/public-view-cache.ts) and the callers' sessions
 * (modules/identity/session-cache.ts).
 *
 * - The cache answers only while its listener is connected; when the connection is lost it is emptied
 *   and bypassed until it is back (announcements made meanwhile reached nobody).
 * - A read stores what it found only if nothing was dropped while it was reading (`epoch`), so a read
 *   that raced a change never outlives it.
 * - When full, the oldest entry goes first (an entry asked for again is simply read again).
 */
export class AnnouncedCache<V> {
  private readonly entries = new Map<string, V>();
  private listening = false;
  /** Moves on every drop: a read that began before it may hold an older answer. */
  private epoch = 0;
  hits = 0;
  misses = 0;

  constructor(readonly capacity: number) {}

  /** The cached value, or undefined; counts hits and misses. */
  get(key: string): V | undefined {
    const entry = this.listening ? this.entries.get(key) : undefined;
    if (entry === undefined) this.misses++;
    else this.hits++;
    return entry;
  }

  /** Call before reading the database; pass the result to `set` with what was read. */
  beginRead(): number {
    return this.epoch;
  }

  set(key: string, value: V, readEpoch: number): void {
    if (!this.listening || this.capacity === 0 || readEpoch !== this.epoch) return;
    if (this.entries.size >= this.capacity && !this.entries.has(key)) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.remove(oldest.value);
    }
    this.entries.set(key, value);
    this.added(key, value);
  }

  forget(key: string): void {
    this.epoch++;
    this.remove(key);
  }

  /** The change listener is connected (true) or lost (false: empty and bypassed until it is back). */
  setListening(listening: boolean): void {
    this.epoch++;
    this.entries.clear();
    this.cleared();
    this.listening = listening;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Moves the epoch without dropping anything here (a subclass drops entries it indexes itself). */
  protected invalidateReads(): void {
    this.epoch++;
  }

  protected remove(key: string): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.removed(key, value);
  }

  /** Hooks for a subclass that keeps its own index of the entries. */
  protected added(_key: string, _value: V): void {}
  protected removed(_key: string, _value: V): void {}
  protected cleared(): void {}
}

/**
 * Keeps one cache per app (by its database handle, so tests' apps stay apart): `register` sets the
 * app's cache up and keeps it in step with `channel`, `of` finds it. With `capacity` 0 nothing is cached
 * and nothing is listened to.
 */
export function announcedCacheRegistry<C extends AnnouncedCache<unknown>>(
  channel: string,
  create: (capacity: number) => C,
  onNotify: (cache: C, payload: string) => void,
) {
  const caches = new WeakMap<Db, C>();
  return {
    of: (db: Db): C | undefined => caches.get(db),
    async register(database: Database, capacity: number): Promise<() => Promise<void>> {
      if (capacity === 0) return async () => undefined;
      const cache = create(capacity);
      caches.set(database.db, cache);
      const stop = await database.listen(channel, {
        onListening: () => cache.setListening(true),
        onNotify: (payload) => onNotify(cache, payload),
        onLost: () => cache.setListening(false),
      });
      return async () => {
        cache.setListening(false);
        if (caches.get(database.db) === cache) caches.delete(database.db);
        await stop();
      };
    },
  };
}
