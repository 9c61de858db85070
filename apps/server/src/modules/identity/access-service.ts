import {
  type Permission,
  type RoleAssignment,
  roleGrants,
  type StaffRole,
  scopeRootsFor,
} from '@motcua/domain/access/roles';
import { type AgencyNode, scopeOf } from '@motcua/domain/org/agency-tree';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccessContext, ServiceContext } from '../../platform/access-context';
import { AppError, forbidden, notFound, unauthenticated } from '../../platform/app-error';
import type { Actor } from '../../platform/audit-log';
import type { HttpApp, RouteAccess } from '../../platform/http-app';
import { agencyDirectory, allAgencyIds } from '../org/agency-service';
import { resolveSession, type SessionSettings, sessionCookieName } from './session-service';
import type * as store from './store';

/**
 * Who is calling and what they may do: one check, used by every route. Each route declares its access
 * rule; this hook enforces it before validation, checks CSRF on cookie-authenticated mutations, and
 * gives the handler an AccessContext that services use for agency-scope checks and the audit trail.
 */
export interface Caller {
  user: store.UserRow | null;
  session: store.SessionRow | null;
  roles: RoleAssignment[];
  sessionState: 'none' | 'expired' | 'active';
  /** The agency tree (the org module's cached directory), taken with the caller so scope checks never
   * query (and never wait on) the database inside a service's transaction. */
  agencies: readonly AgencyNode[];
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller;
    access: AccessContext;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function accessFor(caller: Caller, ip: string | null): AccessContext {
  const scopes = new Map<string, Set<string>>();
  const actor: Actor = {
    id: caller.user?.id ?? null,
    name: caller.user?.username ?? caller.user?.fullName ?? null,
    ip,
  };
  const scope = (permission: string) => {
    const cached = scopes.get(permission);
    if (cached) return cached;
    const computed = scopeOf(caller.agencies, scopeRootsFor(caller.roles, permission as Permission));
    scopes.set(permission, computed);
    return computed;
  };
  return {
    actor,
    userId: caller.user?.id ?? null,
    kind: caller.user === null ? 'anonymous' : caller.user.kind,
    scope: async (permission) => scope(permission),
    async assertInScope(permission, agencyId, options) {
      if (scope(permission).has(agencyId)) return;
      if (options?.hidden === true) throw notFound(options.what ?? 'bản ghi');
      throw forbidden('Đơn vị này nằm ngoài phạm vi quản lý của bạn');
    },
  };
}

/** The access context of a process acting on its own (seed, CLI, jobs): every agency, audited under `name`. */
export function systemAccess(ctx: ServiceContext, name = 'system'): AccessContext {
  // Not for use inside a transaction: it reads the whole tree (seed and CLI call it between commands).
  const everywhere = async () => new Set(await allAgencyIds(ctx));
  return {
    actor: { id: null, name, ip: null },
    userId: null,
    kind: 'anonymous',
    scope: everywhere,
    assertInScope: async () => undefined,
  };
}

export function holdsPermission(roles: readonly RoleAssignment[], permission: string): boolean {
  return roles.some((r) => roleGrants(r.role, permission as Parameters<typeof roleGrants>[1]));
}

export async function loadCaller(
  ctx: ServiceContext,
  token: string | undefined,
  settings: SessionSettings,
): Promise<Caller> {
  const resolved = await resolveSession(ctx.db, token, ctx.now(), settings);
  if (resolved.state !== 'active') {
    return { user: null, session: null, roles: [], sessionState: resolved.state, agencies: [] };
  }
  if (resolved.user.kind !== 'staff') {
    return {
      user: resolved.user,
      session: resolved.session,
      roles: [],
      sessionState: 'active',
      agencies: [],
    };
  }
  // The cached directory's tree (reloaded on every agency change of this process, within seconds of
  // another process's): loading the whole tree on every staff request was a statement of its own.
  const { nodes } = await agencyDirectory(ctx);
  return {
    user: resolved.user,
    session: resolved.session,
    roles: resolved.roles.map((r) => ({ role: r.role as StaffRole, agencyId: r.agencyId })),
    sessionState: 'active',
    agencies: nodes,
  };
}

export function installAccessControl(
  app: HttpApp,
  ctx: ServiceContext,
  settings: SessionSettings,
  publicUrl: string,
): void {
  const allowedOrigin = new URL(publicUrl).origin;
  app.decorateRequest('caller', null as unknown as Caller);
  app.decorateRequest('access', null as unknown as AccessContext);

  app.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    const rule: RouteAccess | undefined = request.routeOptions.config?.access;
    if (rule === undefined) return; // not an API route (static files, health)
    const caller = await loadCaller(ctx, request.cookies[sessionCookieName], settings);
    request.caller = caller;
    request.access = accessFor(caller, request.ip);

    if (!safeMethods.has(request.method)) {
      const origin = request.headers.origin;
      if (origin !== undefined && origin !== allowedOrigin) {
        throw new AppError('CROSS_ORIGIN', 403, 'Yêu cầu từ trang web khác bị từ chối');
      }
      if (caller.session !== null && request.headers['x-csrf-token'] !== caller.session.csrfToken) {
        throw new AppError('CSRF_FAILED', 403, 'Phiên làm việc không hợp lệ, vui lòng tải lại trang');
      }
    }
    if (rule === 'public') return;
    if (caller.user === null) {
      if (caller.sessionState === 'expired') {
        reply.clearCookie(sessionCookieName, { path: '/' });
        throw unauthenticated('Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại', 'SESSION_EXPIRED');
      }
      throw unauthenticated();
    }
    if (rule === 'authenticated') return;
    if (!holdsPermission(caller.roles, rule.permission)) throw forbidden();
  });
}
