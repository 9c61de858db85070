import type { CreateStaffUser, User } from '@motcua/contracts/identity';
import type { AccessContext, ServiceContext } from '../../platform/access-context';
import { conflict, forbidden, notFound } from '../../platform/app-error';
import { recordAudit } from '../../platform/audit-log';
import { type Db, inTransaction, isUniqueViolation } from '../../platform/database';
import { agencyExists, agencyLabels } from '../org/agency-service';
import { hashPassword } from './password';
import { forgetCachedSessionsOf } from './session-cache';
import * as store from './store';

/**
 * Staff accounts as administrators see them: only staff holding a role inside the administrator's
 * scope, and roles can be granted only inside it. Listing or opening accounts reads personal data
 * (email, phone) and is audited.
 */
const read = 'identity.read';
const manage = 'identity.manage';

async function toUsers(ctx: ServiceContext, rows: readonly store.UserRow[]): Promise<User[]> {
  const roles = await store.rolesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const labels = await agencyLabels(
    ctx,
    roles.map((r) => r.agencyId),
  );
  const now = ctx.now();
  return rows.map((u) => ({
    id: u.id,
    kind: u.kind,
    username: u.username,
    fullName: u.fullName,
    email: u.email,
    phone: u.phone,
    status: u.status,
    lockedUntil: u.lockedUntil !== null && u.lockedUntil > now ? u.lockedUntil.toISOString() : null,
    totpEnabled: u.totpEnabled,
    roles: roles
      .filter((r) => r.userId === u.id)
      .map((r) => ({
        role: r.role as User['roles'][number]['role'],
        agencyId: r.agencyId,
        agencyCode: labels.get(r.agencyId)?.code ?? '',
        agencyName: labels.get(r.agencyId)?.name ?? '',
      })),
    createdAt: u.createdAt.toISOString(),
  }));
}

export async function listStaff(
  ctx: ServiceContext,
  access: AccessContext,
  q: { agencyId?: string | undefined; q?: string | undefined },
): Promise<User[]> {
  const scope = await access.scope(read);
  let agencyIds = [...scope];
  if (q.agencyId !== undefined) agencyIds = scope.has(q.agencyId) ? [q.agencyId] : [];
  let rows = await store.staffWithRolesIn(ctx.db, agencyIds);
  if (q.q !== undefined && q.q.trim() !== '') {
    const needle = fold(q.q);
    rows = rows.filter((u) =>
      fold(`${u.username ?? ''} ${u.fullName} ${u.email ?? ''} ${u.phone ?? ''}`).includes(needle),
    );
  }
  const users = await toUsers(ctx, rows);
  await inTransaction(ctx.db, (tx) =>
    recordAudit(
      tx,
      access.actor,
      {
        action: 'identity.users.list',
        targetType: 'user',
        targetId: null,
        details: { agencyId: q.agencyId ?? null, q: q.q ?? null, returned: users.map((u) => u.id) },
      },
      ctx.now(),
    ),
  );
  return users;
}

/** Diacritic-insensitive, case-insensitive form for matching Vietnamese names (đ → d). */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

async function requireVisibleStaff(
  _ctx: ServiceContext,
  db: Db,
  access: AccessContext,
  id: string,
  permission: string,
): Promise<store.UserRow> {
  const uuid = /^[0-9a-f-]{36}$/i.test(id);
  const user = uuid ? await store.userById(db, id) : undefined;
  if (user?.kind !== 'staff') throw notFound('tài khoản', 'USER_NOT_FOUND');
  const scope = await access.scope(permission);
  const roles = await store.rolesOf(db, [id]);
  if (!roles.some((r) => scope.has(r.agencyId))) throw notFound('tài khoản', 'USER_NOT_FOUND');
  return user;
}

export async function getStaff(ctx: ServiceContext, access: AccessContext, id: string): Promise<User> {
  const user = await requireVisibleStaff(ctx, ctx.db, access, id, read);
  await inTransaction(ctx.db, (tx) =>
    recordAudit(
      tx,
      access.actor,
      { action: 'identity.user.read', targetType: 'user', targetId: id },
      ctx.now(),
    ),
  );
  return (await toUsers(ctx, [user]))[0]!;
}

async function assertRolesGrantable(
  ctx: ServiceContext,
  access: AccessContext,
  roles: readonly { role: string; agencyId: string }[],
): Promise<void> {
  const scope = await access.scope(manage);
  for (const [i, r] of roles.entries()) {
    if (!(await agencyExists(ctx, r.agencyId))) throw notFound('đơn vị', 'AGENCY_NOT_FOUND');
    if (!scope.has(r.agencyId))
      throw forbidden(`Không thể giao vai trò tại đơn vị ngoài phạm vi quản lý (vai trò thứ ${i + 1})`);
  }
}

export async function createStaff(
  ctx: ServiceContext,
  access: AccessContext,
  input: CreateStaffUser,
): Promise<User> {
  await assertRolesGrantable(ctx, access, input.roles);
  const passwordHash = await hashPassword(input.password);
  const row = await inTransaction(ctx.db, async (tx) => {
    if (await store.staffByUsername(tx, input.username)) {
      throw conflict('USERNAME_TAKEN', `Tên đăng nhập ${input.username} đã tồn tại`, { path: ['username'] });
    }
    let user: store.UserRow;
    try {
      user = await store.insertUser(tx, {
        kind: 'staff',
        username: input.username,
        fullName: input.fullName,
        email: input.email ?? null,
        phone: input.phone ?? null,
        passwordHash,
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict('USERNAME_TAKEN', `Tên đăng nhập ${input.username} đã tồn tại`, {
          path: ['username'],
        });
      throw error;
    }
    await store.replaceRoles(tx, user.id, [], input.roles);
    await recordAudit(
      tx,
      access.actor,
      {
        action: 'identity.user.create',
        targetType: 'user',
        targetId: user.id,
        agencyId: input.roles[0]?.agencyId ?? null,
        details: { username: input.username, roles: input.roles },
      },
      ctx.now(),
    );
    return user;
  });
  return (await toUsers(ctx, [row]))[0]!;
}

export async function updateStaff(
  ctx: ServiceContext,
  access: AccessContext,
  id: string,
  patch: {
    fullName?: string | undefined;
    email?: string | null | undefined;
    phone?: string | null | undefined;
    status?: 'active' | 'disabled' | undefined;
    unlock?: true | undefined;
  },
): Promise<User> {
  const row = await inTransaction(ctx.db, async (tx) => {
    await requireVisibleStaff(ctx, tx, access, id, manage);
    const change: Partial<store.UserRow> = {};
    if (patch.fullName !== undefined) change.fullName = patch.fullName;
    if (patch.email !== undefined) change.email = patch.email;
    if (patch.phone !== undefined) change.phone = patch.phone;
    if (patch.status !== undefined) change.status = patch.status;
    if (patch.unlock === true) Object.assign(change, { lockedUntil: null, failedLogins: 0 });
    if (id === access.userId && patch.status === 'disabled')
      throw forbidden('Không thể tự khoá tài khoản của chính mình');
    await store.updateUser(tx, id, change);
    if (patch.status === 'disabled') await store.deleteSessionsOf(tx, id);
    await recordAudit(
      tx,
      access.actor,
      { action: 'identity.user.update', targetType: 'user', targetId: id, details: { ...patch } },
      ctx.now(),
    );
    return (await store.userById(tx, id))!;
  });
  forgetCachedSessionsOf(ctx.db, id);
  return (await toUsers(ctx, [row]))[0]!;
}

/**
 * Replaces the roles the administrator can see; roles at agencies outside their scope stay untouched
 * (one cannot remove what one is not allowed to see).
 */
export async function setStaffRoles(
  ctx: ServiceContext,
  access: AccessContext,
  id: string,
  roles: readonly { role: string; agencyId: string }[],
): Promise<User> {
  await assertRolesGrantable(ctx, access, roles);
  const row = await inTransaction(ctx.db, async (tx) => {
    const user = await requireVisibleStaff(ctx, tx, access, id, manage);
    const scope = await access.scope(manage);
    const current = await store.rolesOf(tx, [id]);
    const keep = current.filter((r) => !scope.has(r.agencyId));
    if (keep.length === 0 && roles.length === 0)
      throw forbidden(
        'Tài khoản cán bộ phải có ít nhất một vai trò; hãy khoá tài khoản thay vì xoá hết vai trò',
      );
    await store.replaceRoles(tx, id, keep, roles);
    await store.deleteSessionsOf(tx, id); // new rights take effect at the next login
    await recordAudit(
      tx,
      access.actor,
      {
        action: 'identity.user.roles',
        targetType: 'user',
        targetId: id,
        details: { before: current.map((r) => ({ role: r.role, agencyId: r.agencyId })), after: roles },
      },
      ctx.now(),
    );
    return user;
  });
  forgetCachedSessionsOf(ctx.db, id);
  return (await toUsers(ctx, [row]))[0]!;
}

export async function resetStaffPassword(
  ctx: ServiceContext,
  access: AccessContext,
  id: string,
  newPassword: string,
): Promise<void> {
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(ctx.db, async (tx) => {
    await requireVisibleStaff(ctx, tx, access, id, manage);
    await store.updateUser(tx, id, { passwordHash, failedLogins: 0, lockedUntil: null });
    await store.deleteSessionsOf(tx, id);
    await recordAudit(
      tx,
      access.actor,
      { action: 'identity.user.password-reset', targetType: 'user', targetId: id },
      ctx.now(),
    );
  });
  forgetCachedSessionsOf(ctx.db, id);
}

/** Seed/CLI: create a staff account without an acting administrator. */
export async function bootstrapStaff(
  db: Db,
  input: {
    username: string;
    fullName: string;
    password: string;
    email?: string | null;
    phone?: string | null;
    roles: { role: string; agencyId: string }[];
  },
) {
  const user = await store.insertUser(db, {
    kind: 'staff',
    username: input.username,
    fullName: input.fullName,
    email: input.email ?? null,
    phone: input.phone ?? null,
    passwordHash: await hashPassword(input.password),
  });
  await store.replaceRoles(db, user.id, [], input.roles);
  return user;
}

export async function bootstrapCitizen(
  db: Db,
  input: {
    fullName: string;
    email: string | null;
    phone: string | null;
    password: string;
    identityNumber?: string | null;
  },
) {
  return store.insertUser(db, {
    kind: 'citizen',
    fullName: input.fullName,
    email: input.email,
    phone: input.phone,
    identityNumber: input.identityNumber ?? null,
    passwordHash: await hashPassword(input.password),
  });
}

/** An active staff member's name and roles, for other modules naming whom they hand work to. */
export async function activeStaffMember(
  ctx: ServiceContext,
  id: string,
): Promise<{ id: string; fullName: string; roles: { role: string; agencyId: string }[] } | null> {
  const user = /^[0-9a-f-]{36}$/i.test(id) ? await store.userById(ctx.db, id) : undefined;
  if (user?.kind !== 'staff' || user.status !== 'active') return null;
  const roles = await store.rolesOf(ctx.db, [user.id]);
  return {
    id: user.id,
    fullName: user.fullName,
    roles: roles.map((r) => ({ role: r.role, agencyId: r.agencyId })),
  };
}

/** Active staff holding one of `roles` at one of `agencyIds` (whom to tell about a dossier). */
export async function staffIdsWithRoles(
  ctx: ServiceContext,
  agencyIds: readonly string[],
  roles: readonly string[],
): Promise<string[]> {
  return (await staffMembersWithRoles(ctx, agencyIds, roles)).map((m) => m.id);
}

/** The same, with names (whom a dossier can be handed to). */
export async function staffMembersWithRoles(
  ctx: ServiceContext,
  agencyIds: readonly string[],
  roles: readonly string[],
): Promise<{ id: string; fullName: string }[]> {
  if (agencyIds.length === 0 || roles.length === 0) return [];
  const staff = await store.staffWithRolesIn(ctx.db, agencyIds);
  const active = staff.filter((u) => u.status === 'active');
  const assignments = await store.rolesOf(
    ctx.db,
    active.map((u) => u.id),
  );
  const wanted = new Set(agencyIds);
  const ids = new Set(
    assignments.filter((r) => wanted.has(r.agencyId) && roles.includes(r.role)).map((r) => r.userId),
  );
  return active.filter((u) => ids.has(u.id)).map((u) => ({ id: u.id, fullName: u.fullName }));
}
