import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/database';
import { oidcIdentities, oidcLogins, roleAssignments, sessions, users } from './schema';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type RoleRow = typeof roleAssignments.$inferSelect;

export async function userById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function staffByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.username, username), eq(users.kind, 'staff')));
  return row;
}

export async function citizenByEmailOrPhone(
  db: Db,
  identifier: { email?: string; phone?: string },
): Promise<UserRow | undefined> {
  const condition =
    identifier.email !== undefined
      ? eq(users.email, identifier.email)
      : identifier.phone !== undefined
        ? eq(users.phone, identifier.phone)
        : undefined;
  if (!condition) return undefined;
  const [row] = await db
    .select()
    .from(users)
    .where(and(condition, eq(users.kind, 'citizen')));
  return row;
}

export async function insertUser(db: Db, row: typeof users.$inferInsert): Promise<UserRow> {
  const [inserted] = await db.insert(users).values(row).returning();
  return inserted!;
}

export async function updateUser(
  db: Db,
  id: string,
  patch: Partial<typeof users.$inferInsert>,
): Promise<void> {
  await db.update(users).set(patch).where(eq(users.id, id));
}

/** Atomically counts a failed login; locks the account when the count reaches `max`. */
export async function countFailedLogin(
  db: Db,
  id: string,
  max: number,
  lockUntil: Date,
): Promise<{ locked: boolean }> {
  const [row] = await db
    .update(users)
    .set({
      failedLogins: sql`case when ${users.failedLogins} + 1 >= ${max} then 0 else ${users.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${max} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, id))
    .returning({ lockedUntil: users.lockedUntil });
  return {
    locked:
      row?.lockedUntil !== null &&
      row?.lockedUntil !== undefined &&
      row.lockedUntil.getTime() === lockUntil.getTime(),
  };
}

export async function rolesOf(db: Db, userIds: readonly string[]): Promise<RoleRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select()
    .from(roleAssignments)
    .where(inArray(roleAssignments.userId, [...userIds]))
    .orderBy(asc(roleAssignments.role));
}

export async function replaceRoles(
  db: Db,
  userId: string,
  keep: readonly RoleRow[],
  add: readonly { role: string; agencyId: string }[],
): Promise<void> {
  await db.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
  const rows = [...keep.map((r) => ({ role: r.role, agencyId: r.agencyId })), ...add];
  const unique = new Map(rows.map((r) => [`${r.role}|${r.agencyId}`, r]));
  if (unique.size > 0)
    await db.insert(roleAssignments).values([...unique.values()].map((r) => ({ ...r, userId })));
}

export async function staffWithRolesIn(db: Db, agencyIds: readonly string[]): Promise<UserRow[]> {
  if (agencyIds.length === 0) return [];
  const ids = db
    .selectDistinct({ id: roleAssignments.userId })
    .from(roleAssignments)
    .where(inArray(roleAssignments.agencyId, [...agencyIds]));
  return db
    .select()
    .from(users)
    .where(and(eq(users.kind, 'staff'), inArray(users.id, ids)))
    .orderBy(asc(users.username));
}

// ── sessions ──

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function sessionByTokenHash(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
  return row;
}

export async function touchSession(db: Db, tokenHash: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
}

/** Deletes the session; its user's id, or null when there was none. */
export async function deleteSession(db: Db, tokenHash: string): Promise<string | null> {
  const [row] = await db
    .delete(sessions)
    .where(eq(sessions.tokenHash, tokenHash))
    .returning({ userId: sessions.userId });
  return row?.userId ?? null;
}

export async function deleteSessionsOf(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

// ── OIDC ──

export async function userIdByOidcSubject(
  db: Db,
  issuer: string,
  subject: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ userId: oidcIdentities.userId })
    .from(oidcIdentities)
    .where(and(eq(oidcIdentities.issuer, issuer), eq(oidcIdentities.subject, subject)));
  return row?.userId;
}

export async function linkOidcSubject(
  db: Db,
  issuer: string,
  subject: string,
  userId: string,
): Promise<void> {
  await db.insert(oidcIdentities).values({ issuer, subject, userId });
}

export async function insertOidcLogin(db: Db, row: typeof oidcLogins.$inferInsert): Promise<void> {
  await db.insert(oidcLogins).values(row);
}

/** Takes (reads and deletes) a pending login, so a state can be used once only. */
export async function takeOidcLogin(
  db: Db,
  state: string,
): Promise<typeof oidcLogins.$inferSelect | undefined> {
  const [row] = await db.delete(oidcLogins).where(eq(oidcLogins.state, state)).returning();
  return row;
}

export async function deleteOidcLoginsBefore(db: Db, before: Date): Promise<void> {
  await db.delete(oidcLogins).where(lt(oidcLogins.createdAt, before));
}
