import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../platform/database';
import * as store from './store';

/**
 * Server-side sessions. The cookie holds 256 random bits; the database keeps only their SHA-256, so a
 * leaked table cannot be replayed. A session ends after `idleMinutes` without use or `maxHours` in all.
 */
export const sessionCookieName = 'motcua_sid';

export interface SessionSettings {
  idleMinutes: number;
  maxHours: number;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Db,
  input: { userId: string; authMethod: 'password' | 'oidc'; ip: string | null; userAgent: string | null },
  now: Date,
  settings: SessionSettings,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + settings.maxHours * 3600_000);
  await store.insertSession(db, {
    tokenHash: hashToken(token),
    userId: input.userId,
    csrfToken,
    authMethod: input.authMethod,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { token, csrfToken, expiresAt };
}

export type ResolvedSession =
  | { state: 'none' }
  | { state: 'expired' }
  | { state: 'active'; session: store.SessionRow; user: store.UserRow };

// Touching the session on every request would make every read a write; once a minute is enough for idle expiry.
const touchIntervalMs = 60_000;

export async function resolveSession(
  db: Db,
  token: string | undefined,
  now: Date,
  settings: SessionSettings,
): Promise<ResolvedSession> {
  if (token === undefined || token.length < 20 || token.length > 100) return { state: 'none' };
  const tokenHash = hashToken(token);
  const session = await store.sessionByTokenHash(db, tokenHash);
  if (!session) return { state: 'expired' };
  const idleLimit = session.lastSeenAt.getTime() + settings.idleMinutes * 60_000;
  if (now >= session.expiresAt || now.getTime() >= idleLimit) {
    await store.deleteSession(db, tokenHash);
    return { state: 'expired' };
  }
  const user = await store.userById(db, session.userId);
  if (user?.status !== 'active') {
    await store.deleteSession(db, tokenHash);
    return { state: 'expired' };
  }
  if (now.getTime() - session.lastSeenAt.getTime() > touchIntervalMs)
    await store.touchSession(db, tokenHash, now);
  return { state: 'active', session, user };
}

export async function destroySession(db: Db, token: string): Promise<void> {
  await store.deleteSession(db, hashToken(token));
}
