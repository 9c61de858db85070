import type { Database, Db } from '../../platform/database';
import type { RoleRow, SessionRow, UserRow } from './store';

/**
 * The sessions this process has resolved, by token hash, with their user and role assignments.
 *
 * Every authenticated request starts by resolving its session; reading it was the one statement of a
 * request that did not depend on what the request asked (a desk reception's own round trip before the
 * group commit). What the read returns changes only when a session, its user or the user's roles are
 * written, and each such write drops the user's entries:
 * - in this process, by the service that committed it (`forgetCachedSessionsOf`, after the commit: its
 *   announcement may arrive after the caller's next request, which must see the change);
 * - in every process, by the database: triggers on `identity.sessions`, `identity.users` and
 *   `identity.role_assignments` announce the user id on `IDENTITY_CHANNEL` at commit (migration 0019),
 *   whichever process, CLI or hand-written SQL made the change.
 * The cache is used only while that listener is connected; when it is lost the cache is emptied and every
 * request reads the database until it is back. A read stores what it found only if nothing was dropped
 * while it was reading (`epoch`). Expiry (idle and absolute) is still decided on every request, from the
 * cached times: touching a session rewrites `last_seen_at`, which drops the entry everywhere. Unknown
 * tokens are not kept.
 */
export const IDENTITY_CHANNEL = 'motcua_identity_changed';

export interface CachedSession {
  readonly session: SessionRow;
  readonly user: UserRow | null;
  readonly roles: readonly Pick<RoleRow, 'role' | 'agencyId'>[];
}

export class SessionCache {
  private readonly entries = new Map<string, CachedSession>();
  /** user id → the token hashes cached for that user, so a user's change drops all of them. */
  private readonly byUser = new Map<string, Set<string>>();
  private listening = false;
  private epoch = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly capacity: number) {}

  get(tokenHash: string): CachedSession | undefined {
    const entry = this.listening ? this.entries.get(tokenHash) : undefined;
    if (entry === undefined) this.misses++;
    else this.hits++;
    return entry;
  }

  /** Call before reading the database; pass the result to `set` with what was read. */
  beginRead(): number {
    return this.epoch;
  }

  set(tokenHash: string, entry: CachedSession, readEpoch: number): void {
    if (!this.listening || this.capacity === 0 || readEpoch !== this.epoch) return;
    if (this.entries.size >= this.capacity && !this.entries.has(tokenHash)) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.drop(oldest.value);
    }
    this.entries.set(tokenHash, entry);
    const userId = entry.session.userId;
    const tokens = this.byUser.get(userId);
    if (tokens) tokens.add(tokenHash);
    else this.byUser.set(userId, new Set([tokenHash]));
  }

  /** Drops every entry of the user (their sessions, user row and roles changed). */
  forgetUser(userId: string): void {
    this.epoch++;
    const tokens = this.byUser.get(userId);
    if (!tokens) return;
    for (const tokenHash of tokens) this.entries.delete(tokenHash);
    this.byUser.delete(userId);
  }

  /** The change listener is connected (true) or lost (false: empty and bypassed until it is back). */
  setListening(listening: boolean): void {
    this.epoch++;
    this.entries.clear();
    this.byUser.clear();
    this.listening = listening;
  }

  get size(): number {
    return this.entries.size;
  }

  private drop(tokenHash: string): void {
    const entry = this.entries.get(tokenHash);
    if (!entry) return;
    this.entries.delete(tokenHash);
    const tokens = this.byUser.get(entry.session.userId);
    tokens?.delete(tokenHash);
    if (tokens?.size === 0) this.byUser.delete(entry.session.userId);
  }
}

const caches = new WeakMap<Db, SessionCache>();

/** The cache of the app whose database handle is `db` (one per app, so tests' apps stay apart). */
export function sessionCache(db: Db): SessionCache | undefined {
  return caches.get(db);
}

/**
 * This process committed a change of the user's sessions, user row or roles: drop their entries now
 * (the other processes hear it from the database). Called after the commit, never before.
 */
export function forgetCachedSessionsOf(db: Db, userId: string): void {
  caches.get(db)?.forgetUser(userId);
}

/**
 * Creates the app's session cache and keeps it in step with the database's identity announcements;
 * resolves to a function that stops listening. With `capacity` 0 nothing is cached or listened to.
 */
export async function listenForIdentityChanges(
  database: Database,
  capacity: number,
): Promise<() => Promise<void>> {
  if (capacity === 0) return async () => undefined;
  const cache = new SessionCache(capacity);
  caches.set(database.db, cache);
  const stop = await database.listen(IDENTITY_CHANNEL, {
    onListening: () => cache.setListening(true),
    onNotify: (userId) => {
      // An announcement without a user id (sent by hand) may mean anyone: start again.
      if (userId === '') cache.setListening(true);
      else cache.forgetUser(userId);
    },
    onLost: () => cache.setListening(false),
  });
  return async () => {
    cache.setListening(false);
    if (caches.get(database.db) === cache) caches.delete(database.db);
    await stop();
  };
}
