import { AnnouncedCache, announcedCacheRegistry } from '../../platform/announced-cache';
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
 * The cache's mechanics (used only while listening, reads racing a drop not stored) are
 * platform/announced-cache.ts. Expiry (idle and absolute) is still decided on every request, from the
 * cached times: touching a session rewrites `last_seen_at`, which drops the entry everywhere. Unknown
 * tokens are not kept.
 */
export const IDENTITY_CHANNEL = 'motcua_identity_changed';

export interface CachedSession {
  readonly session: SessionRow;
  readonly user: UserRow | null;
  readonly roles: readonly Pick<RoleRow, 'role' | 'agencyId'>[];
}

export class SessionCache extends AnnouncedCache<CachedSession> {
  /** user id → the token hashes cached for that user, so a user's change drops all of them. */
  private readonly byUser = new Map<string, Set<string>>();

  /** Drops every entry of the user (their sessions, user row or roles changed). */
  forgetUser(userId: string): void {
    this.invalidateReads();
    for (const tokenHash of this.byUser.get(userId) ?? []) this.remove(tokenHash);
  }

  protected override added(tokenHash: string, entry: CachedSession): void {
    const tokens = this.byUser.get(entry.session.userId);
    if (tokens) tokens.add(tokenHash);
    else this.byUser.set(entry.session.userId, new Set([tokenHash]));
  }

  protected override removed(tokenHash: string, entry: CachedSession): void {
    const tokens = this.byUser.get(entry.session.userId);
    tokens?.delete(tokenHash);
    if (tokens?.size === 0) this.byUser.delete(entry.session.userId);
  }

  protected override cleared(): void {
    this.byUser.clear();
  }
}

const registry = announcedCacheRegistry(
  IDENTITY_CHANNEL,
  (capacity) => new SessionCache(capacity),
  (cache, userId) => {
    // An announcement without a user id (sent by hand) may mean anyone: start again.
    if (userId === '') cache.setListening(true);
    else cache.forgetUser(userId);
  },
);

/** The cache of the app whose database handle is `db` (one per app, so tests' apps stay apart). */
export function sessionCache(db: Db): SessionCache | undefined {
  return registry.of(db);
}

/**
 * This process committed a change of the user's sessions, user row or roles: drop their entries now
 * (the other processes hear it from the database). Called after the commit, never before.
 */
export function forgetCachedSessionsOf(db: Db, userId: string): void {
  registry.of(db)?.forgetUser(userId);
}

/**
 * Creates the app's session cache and keeps it in step with the database's identity announcements;
 * resolves to a function that stops listening. With `capacity` 0 nothing is cached or listened to.
 */
export function listenForIdentityChanges(database: Database, capacity: number): Promise<() => Promise<void>> {
  return registry.register(database, capacity);
}
