import type {
  CitizenLogin,
  CitizenRegistration,
  SessionInfo,
  SessionUser,
  StaffLogin,
} from '@motcua/contracts/session';
import { permissionsOf, type StaffRole } from '@motcua/domain/access/roles';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import type { ServiceContext } from '../../platform/access-context';
import { AppError, conflict, invalid, unauthenticated } from '../../platform/app-error';
import { type Actor, recordAudit } from '../../platform/audit-log';
import { inTransaction, isUniqueViolation } from '../../platform/database';
import { agencyLabels } from '../org/agency-service';
import type { Caller } from './access-service';
import type { OidcClient } from './oidc-client';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './password';
import { forgetCachedSessionsOf } from './session-cache';
import { createSession, destroySession, type SessionSettings } from './session-service';
import * as store from './store';

export interface AuthSettings extends SessionSettings {
  maxFailures: number;
  lockMinutes: number;
  totpIssuer: string;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: store.UserRow;
}

const invalidCredentials = () =>
  unauthenticated('Tên đăng nhập hoặc mật khẩu không đúng', 'INVALID_CREDENTIALS');

function lockedError(until: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError(
    'ACCOUNT_LOCKED',
    423,
    `Tài khoản tạm khoá do nhập sai nhiều lần, thử lại sau ${minutes} phút`,
    {
      lockedUntil: until.toISOString(),
    },
  );
}

/**
 * Counts one failed attempt (audited in its own transaction, since the login itself fails) and throws
 * ACCOUNT_LOCKED when this attempt reached the limit.
 */
async function countFailure(
  ctx: ServiceContext,
  userId: string,
  actor: Actor,
  s: AuthSettings,
  details: { reason: 'password' | 'totp' },
): Promise<void> {
  const now = ctx.now();
  const lockUntil = new Date(now.getTime() + s.lockMinutes * 60_000);
  const { locked } = await inTransaction(ctx.db, async (tx) => {
    const result = await store.countFailedLogin(tx, userId, s.maxFailures, lockUntil);
    const entry = {
      action: 'identity.login.failed',
      targetType: 'user',
      targetId: userId,
      details: { ...details, locked: result.locked },
    };
    await recordAudit(tx, actor, entry, now);
    return result;
  });
  forgetCachedSessionsOf(ctx.db, userId);
  if (locked) throw lockedError(lockUntil, now);
}

/** Staff: username + password (+ TOTP when enabled); repeated failures lock the account for a while. */
export async function loginStaff(
  ctx: ServiceContext,
  input: StaffLogin,
  actor: Actor,
  userAgent: string | null,
  s: AuthSettings,
): Promise<LoginResult> {
  const now = ctx.now();
  const user = await store.staffByUsername(ctx.db, input.username.toLowerCase());
  if (!user || user.passwordHash === null || user.status !== 'active') {
    await verifyAgainstDecoy(input.password);
    await audited(ctx, actor, 'identity.login.failed', user?.id ?? null, {
      username: input.username,
      reason: user ? 'disabled' : 'unknown-user',
    });
    throw invalidCredentials();
  }
  if (user.lockedUntil !== null && user.lockedUntil > now) throw lockedError(user.lockedUntil, now);
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  if (passwordOk && user.totpEnabled && input.totpCode === undefined) {
    throw unauthenticated('Nhập mã xác thực 6 số từ ứng dụng xác thực', 'TOTP_REQUIRED');
  }
  const totpOk =
    !user.totpEnabled ||
    (input.totpCode !== undefined &&
      user.totpSecret !== null &&
      (await totpMatches(user.totpSecret, input.totpCode)));
  if (!passwordOk || !totpOk) {
    await countFailure(ctx, user.id, actor, s, { reason: passwordOk ? 'totp' : 'password' });
    throw passwordOk ? unauthenticated('Mã xác thực không đúng', 'INVALID_TOTP') : invalidCredentials();
  }
  return startSession(ctx, user, 'password', actor, userAgent, s);
}

export async function registerCitizen(
  ctx: ServiceContext,
  input: CitizenRegistration,
  actor: Actor,
  userAgent: string | null,
  s: AuthSettings,
): Promise<LoginResult> {
  const passwordHash = await hashPassword(input.password);
  const user = await inTransaction(ctx.db, async (tx) => {
    for (const [field, value] of [
      ['email', input.email],
      ['phone', input.phone],
    ] as const) {
      if (value !== undefined && (await store.citizenByEmailOrPhone(tx, { [field]: value }))) {
        throw conflict(
          'ACCOUNT_EXISTS',
          field === 'email' ? 'Email này đã được đăng ký' : 'Số điện thoại này đã được đăng ký',
          { path: [field] },
        );
      }
    }
    try {
      const row = await store.insertUser(tx, {
        kind: 'citizen',
        fullName: input.fullName,
        email: input.email ?? null,
        phone: input.phone ?? null,
        passwordHash,
      });
      await recordAudit(
        tx,
        { ...actor, id: row.id },
        { action: 'identity.citizen.register', targetType: 'user', targetId: row.id },
        ctx.now(),
      );
      return row;
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict('ACCOUNT_EXISTS', 'Email hoặc số điện thoại này đã được đăng ký');
      throw error;
    }
  });
  return startSession(ctx, user, 'password', actor, userAgent, s);
}

export async function loginCitizen(
  ctx: ServiceContext,
  input: CitizenLogin,
  actor: Actor,
  userAgent: string | null,
  s: AuthSettings,
): Promise<LoginResult> {
  const now = ctx.now();
  const identifier = input.identifier.trim();
  const lookup = identifier.includes('@')
    ? { email: identifier.toLowerCase() }
    : { phone: identifier.replace(/[\s.-]/g, '').replace(/^\+84/, '0') };
  const user = await store.citizenByEmailOrPhone(ctx.db, lookup);
  if (!user || user.passwordHash === null || user.status !== 'active') {
    await verifyAgainstDecoy(input.password);
    throw unauthenticated('Email/số điện thoại hoặc mật khẩu không đúng', 'INVALID_CREDENTIALS');
  }
  if (user.lockedUntil !== null && user.lockedUntil > now) throw lockedError(user.lockedUntil, now);
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await countFailure(ctx, user.id, actor, s, { reason: 'password' });
    throw unauthenticated('Email/số điện thoại hoặc mật khẩu không đúng', 'INVALID_CREDENTIALS');
  }
  return startSession(ctx, user, 'password', actor, userAgent, s);
}

/** Only same-site paths may be returned to after login: never an absolute URL (open redirect). */
export function safeReturnPath(value: string | undefined, fallback: string): string {
  if (value === undefined || !value.startsWith('/') || value.startsWith('//') || value.includes('\\'))
    return fallback;
  return value.slice(0, 500);
}

export async function startOidcLogin(
  ctx: ServiceContext,
  oidc: OidcClient,
  returnTo: string,
): Promise<string> {
  const { url, state, codeVerifier, nonce } = await oidc.start();
  const now = ctx.now();
  await store.deleteOidcLoginsBefore(ctx.db, new Date(now.getTime() - 10 * 60_000));
  await store.insertOidcLogin(ctx.db, { state, codeVerifier, nonce, returnTo, createdAt: now });
  return url;
}

export async function finishOidcLogin(
  ctx: ServiceContext,
  oidc: OidcClient,
  callbackUrl: URL,
  actor: Actor,
  userAgent: string | null,
  s: AuthSettings,
): Promise<LoginResult & { returnTo: string }> {
  const state = callbackUrl.searchParams.get('state');
  const pending = state === null ? undefined : await store.takeOidcLogin(ctx.db, state);
  if (!pending || pending.createdAt.getTime() < ctx.now().getTime() - 10 * 60_000) {
    throw invalid('OIDC_STATE_INVALID', 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ, vui lòng thử lại');
  }
  let claims: Awaited<ReturnType<OidcClient['finish']>>;
  try {
    claims = await oidc.finish(callbackUrl, pending);
  } catch (error) {
    throw new AppError('OIDC_FAILED', 502, 'Không xác thực được với nhà cung cấp định danh', {
      reason: (error as Error).message,
    });
  }
  const user = await inTransaction(ctx.db, async (tx) => {
    const existingId = await store.userIdByOidcSubject(tx, claims.issuer, claims.subject);
    if (existingId !== undefined) {
      const existing = (await store.userById(tx, existingId))!;
      await recordAudit(
        tx,
        { ...actor, id: existing.id },
        { action: 'identity.login.oidc', targetType: 'user', targetId: existing.id },
        ctx.now(),
      );
      return existing;
    }
    // A password account with the same email is not linked automatically: its email was never verified.
    const emailFree =
      claims.email !== null && !(await store.citizenByEmailOrPhone(tx, { email: claims.email }));
    const phoneFree =
      claims.phone !== null && !(await store.citizenByEmailOrPhone(tx, { phone: claims.phone }));
    const row = await store.insertUser(tx, {
      kind: 'citizen',
      fullName: claims.name ?? 'Công dân',
      email: emailFree ? claims.email : null,
      phone: phoneFree ? claims.phone : null,
      identityNumber: claims.identityNumber,
    });
    await store.linkOidcSubject(tx, claims.issuer, claims.subject, row.id);
    await recordAudit(
      tx,
      { ...actor, id: row.id },
      {
        action: 'identity.citizen.register.oidc',
        targetType: 'user',
        targetId: row.id,
        details: { issuer: claims.issuer },
      },
      ctx.now(),
    );
    return row;
  });
  const session = await startSession(ctx, user, 'oidc', actor, userAgent, s, false);
  return { ...session, returnTo: pending.returnTo };
}

async function startSession(
  ctx: ServiceContext,
  user: store.UserRow,
  method: 'password' | 'oidc',
  actor: Actor,
  userAgent: string | null,
  s: SessionSettings,
  audit = true,
): Promise<LoginResult> {
  const started = await inTransaction(ctx.db, async (tx) => {
    if (user.failedLogins > 0 || user.lockedUntil !== null)
      await store.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null });
    const session = await createSession(
      tx,
      { userId: user.id, authMethod: method, ip: actor.ip, userAgent },
      ctx.now(),
      s,
    );
    if (audit) {
      await recordAudit(
        tx,
        { ...actor, id: user.id, name: user.username ?? user.fullName },
        { action: 'identity.login', targetType: 'user', targetId: user.id, details: { method } },
        ctx.now(),
      );
    }
    return { ...session, user };
  });
  forgetCachedSessionsOf(ctx.db, user.id); // the failed-login count may have been reset
  return started;
}

export async function logout(
  ctx: ServiceContext,
  token: string | undefined,
  caller: Caller,
  actor: Actor,
): Promise<void> {
  if (token === undefined) return;
  const userId = await inTransaction(ctx.db, async (tx) => {
    const ended = await destroySession(tx, token);
    if (caller.user)
      await recordAudit(
        tx,
        actor,
        { action: 'identity.logout', targetType: 'user', targetId: caller.user.id },
        ctx.now(),
      );
    return ended;
  });
  if (userId !== null) forgetCachedSessionsOf(ctx.db, userId);
}

export async function sessionInfo(
  ctx: ServiceContext,
  caller: Caller,
  oidc: { enabled: boolean; providerName: string },
): Promise<SessionInfo> {
  if (caller.user === null || caller.session === null) return { user: null, csrfToken: null, oidc };
  return { user: await toSessionUser(ctx, caller), csrfToken: caller.session.csrfToken, oidc };
}

async function toSessionUser(ctx: ServiceContext, caller: Caller): Promise<SessionUser> {
  const user = caller.user!;
  const labels = await agencyLabels(
    ctx,
    caller.roles.map((r) => r.agencyId),
  );
  const permissions = new Set(caller.roles.flatMap((r) => permissionsOf(r.role as StaffRole)));
  return {
    id: user.id,
    kind: user.kind,
    username: user.username,
    fullName: user.fullName,
    email: user.email,
    phone: user.phone,
    roles: caller.roles.map((r) => ({
      role: r.role,
      agencyId: r.agencyId,
      agencyCode: labels.get(r.agencyId)?.code ?? '',
      agencyName: labels.get(r.agencyId)?.name ?? '',
    })),
    permissions: [...permissions].sort(),
    totpEnabled: user.totpEnabled,
    authMethod: caller.session!.authMethod,
  };
}

// ── TOTP second factor ──

async function totpMatches(secret: string, code: string): Promise<boolean> {
  try {
    const result = await verifyTotp({ secret, token: code, epochTolerance: 30 });
    return result.valid;
  } catch {
    return false;
  }
}

export async function setupTotp(
  ctx: ServiceContext,
  caller: Caller,
  actor: Actor,
  issuer: string,
): Promise<{ secret: string; otpauthUrl: string }> {
  const user = caller.user!;
  if (user.totpEnabled) throw conflict('TOTP_ALREADY_ENABLED', 'Xác thực hai bước đã được bật');
  const secret = generateSecret();
  await inTransaction(ctx.db, async (tx) => {
    await store.updateUser(tx, user.id, { totpSecret: secret });
    await recordAudit(
      tx,
      actor,
      { action: 'identity.totp.setup', targetType: 'user', targetId: user.id },
      ctx.now(),
    );
  });
  forgetCachedSessionsOf(ctx.db, user.id);
  return {
    secret,
    otpauthUrl: generateURI({ issuer, label: user.username ?? user.email ?? user.id, secret }),
  };
}

export async function enableTotp(
  ctx: ServiceContext,
  caller: Caller,
  actor: Actor,
  code: string,
): Promise<void> {
  const user = (await store.userById(ctx.db, caller.user!.id))!;
  if (user.totpEnabled) throw conflict('TOTP_ALREADY_ENABLED', 'Xác thực hai bước đã được bật');
  if (user.totpSecret === null) throw invalid('TOTP_NOT_SET_UP', 'Chưa khởi tạo xác thực hai bước');
  if (!(await totpMatches(user.totpSecret, code)))
    throw invalid('INVALID_TOTP', 'Mã xác thực không đúng', { path: ['code'] });
  await inTransaction(ctx.db, async (tx) => {
    await store.updateUser(tx, user.id, { totpEnabled: true });
    await recordAudit(
      tx,
      actor,
      { action: 'identity.totp.enable', targetType: 'user', targetId: user.id },
      ctx.now(),
    );
  });
  forgetCachedSessionsOf(ctx.db, user.id);
}

async function audited(
  ctx: ServiceContext,
  actor: Actor,
  action: string,
  targetId: string | null,
  details: Record<string, unknown>,
) {
  await inTransaction(ctx.db, (tx) =>
    recordAudit(tx, actor, { action, targetType: 'user', targetId, details }, ctx.now()),
  );
}
