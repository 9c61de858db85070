import {
  createStaffUserSchema,
  resetPasswordSchema,
  setRolesSchema,
  updateUserSchema,
  userListQuerySchema,
  userListSchema,
  userSchema,
} from '@motcua/contracts/identity';
import {
  citizenLoginSchema,
  citizenRegistrationSchema,
  sessionInfoSchema,
  staffLoginSchema,
  totpEnableSchema,
  totpSetupSchema,
} from '@motcua/contracts/session';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from '../../platform/access-context';
import { AppError } from '../../platform/app-error';
import type { Actor } from '../../platform/audit-log';
import type { HttpApp } from '../../platform/http-app';
import { loadCaller } from './access-service';
import * as auth from './auth-service';
import type { OidcClient } from './oidc-client';
import { sessionCookieName } from './session-service';
import * as users from './user-service';

export interface IdentityRouteOptions {
  ctx: ServiceContext;
  settings: auth.AuthSettings;
  oidc: OidcClient | null;
  oidcProviderName: string;
  secureCookies: boolean;
  loginPerMinute: number;
}

const ok = z.object({ ok: z.literal(true) });
const idParams = z.object({ id: z.string().max(64) });

export function identityRoutes(app: HttpApp, o: IdentityRouteOptions): void {
  const { ctx, settings } = o;
  const loginLimit = { max: o.loginPerMinute, timeWindow: '1 minute' };
  const actorOf = (req: FastifyRequest): Actor => req.access.actor;
  const userAgent = (req: FastifyRequest) => req.headers['user-agent'] ?? null;
  const setSessionCookie = (reply: FastifyReply, token: string, expiresAt: Date) =>
    reply.setCookie(sessionCookieName, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: o.secureCookies,
      expires: expiresAt,
    });
  const oidcInfo = { enabled: o.oidc !== null, providerName: o.oidcProviderName };

  app.get(
    '/api/session',
    { schema: { response: { 200: sessionInfoSchema } }, config: { access: 'public' } },
    async (req) => auth.sessionInfo(ctx, req.caller, oidcInfo),
  );

  app.post(
    '/api/auth/staff/login',
    {
      schema: { body: staffLoginSchema, response: { 200: sessionInfoSchema } },
      config: { access: 'public', rateLimit: loginLimit },
    },
    async (req, reply) => {
      const result = await auth.loginStaff(ctx, req.body, actorOf(req), userAgent(req), settings);
      setSessionCookie(reply, result.token, result.expiresAt);
      return sessionAfterLogin(req, result);
    },
  );

  app.post(
    '/api/auth/citizen/register',
    {
      schema: { body: citizenRegistrationSchema, response: { 201: sessionInfoSchema } },
      config: { access: 'public', rateLimit: loginLimit },
    },
    async (req, reply) => {
      const result = await auth.registerCitizen(ctx, req.body, actorOf(req), userAgent(req), settings);
      setSessionCookie(reply, result.token, result.expiresAt);
      reply.status(201);
      return sessionAfterLogin(req, result);
    },
  );

  app.post(
    '/api/auth/citizen/login',
    {
      schema: { body: citizenLoginSchema, response: { 200: sessionInfoSchema } },
      config: { access: 'public', rateLimit: loginLimit },
    },
    async (req, reply) => {
      const result = await auth.loginCitizen(ctx, req.body, actorOf(req), userAgent(req), settings);
      setSessionCookie(reply, result.token, result.expiresAt);
      return sessionAfterLogin(req, result);
    },
  );

  async function sessionAfterLogin(req: FastifyRequest, result: auth.LoginResult) {
    const caller = await loadCaller(ctx, result.token, settings);
    req.caller = caller;
    return auth.sessionInfo(ctx, caller, oidcInfo);
  }

  app.get(
    '/api/auth/oidc/start',
    {
      schema: { querystring: z.object({ returnTo: z.string().max(500).optional() }) },
      config: { access: 'public', rateLimit: loginLimit },
    },
    async (req, reply) => {
      if (o.oidc === null)
        throw new AppError('OIDC_DISABLED', 404, 'Đăng nhập bằng định danh điện tử chưa được cấu hình');
      const url = await auth.startOidcLogin(
        ctx,
        o.oidc,
        auth.safeReturnPath(req.query.returnTo, '/portal/account'),
      );
      return reply.redirect(url, 302);
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      schema: { querystring: z.object({ state: z.string().max(200).optional() }).passthrough() },
      config: { access: 'public', rateLimit: loginLimit },
    },
    async (req, reply) => {
      if (o.oidc === null)
        throw new AppError('OIDC_DISABLED', 404, 'Đăng nhập bằng định danh điện tử chưa được cấu hình');
      const callbackUrl = new URL(req.url, o.oidc.settings.redirectUri);
      try {
        const result = await auth.finishOidcLogin(
          ctx,
          o.oidc,
          callbackUrl,
          actorOf(req),
          userAgent(req),
          settings,
        );
        setSessionCookie(reply, result.token, result.expiresAt);
        return reply.redirect(result.returnTo, 302);
      } catch (error) {
        // A browser arrives here by redirect: send it to the login page with the reason, not a JSON body.
        const code = error instanceof AppError ? error.code : 'OIDC_FAILED';
        req.log.warn({ err: error }, 'OIDC login failed');
        return reply.redirect(`/portal/login?error=${encodeURIComponent(code)}`, 302);
      }
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { response: { 200: ok } }, config: { access: 'public' } },
    async (req, reply) => {
      await auth.logout(ctx, req.cookies[sessionCookieName], req.caller, actorOf(req));
      reply.clearCookie(sessionCookieName, { path: '/' });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/totp/setup',
    { schema: { response: { 200: totpSetupSchema } }, config: { access: 'authenticated' } },
    async (req) => auth.setupTotp(ctx, req.caller, actorOf(req), settings.totpIssuer),
  );

  app.post(
    '/api/auth/totp/enable',
    { schema: { body: totpEnableSchema, response: { 200: ok } }, config: { access: 'authenticated' } },
    async (req) => {
      await auth.enableTotp(ctx, req.caller, actorOf(req), req.body.code);
      return { ok: true as const };
    },
  );

  // ── staff accounts (administrators) ──

  app.get(
    '/api/identity/users',
    {
      schema: { querystring: userListQuerySchema, response: { 200: userListSchema } },
      config: { access: { permission: 'identity.read' } },
    },
    async (req) => ({ users: await users.listStaff(ctx, req.access, req.query) }),
  );

  app.get(
    '/api/identity/users/:id',
    {
      schema: { params: idParams, response: { 200: userSchema } },
      config: { access: { permission: 'identity.read' } },
    },
    async (req) => users.getStaff(ctx, req.access, req.params.id),
  );

  app.post(
    '/api/identity/users',
    {
      schema: { body: createStaffUserSchema, response: { 201: userSchema } },
      config: { access: { permission: 'identity.manage' } },
    },
    async (req, reply) => {
      reply.status(201);
      return users.createStaff(ctx, req.access, req.body);
    },
  );

  app.patch(
    '/api/identity/users/:id',
    {
      schema: { params: idParams, body: updateUserSchema, response: { 200: userSchema } },
      config: { access: { permission: 'identity.manage' } },
    },
    async (req) => users.updateStaff(ctx, req.access, req.params.id, req.body),
  );

  app.put(
    '/api/identity/users/:id/roles',
    {
      schema: { params: idParams, body: setRolesSchema, response: { 200: userSchema } },
      config: { access: { permission: 'identity.manage' } },
    },
    async (req) => users.setStaffRoles(ctx, req.access, req.params.id, req.body.roles),
  );

  app.post(
    '/api/identity/users/:id/password',
    {
      schema: { params: idParams, body: resetPasswordSchema, response: { 200: ok } },
      config: { access: { permission: 'identity.manage' } },
    },
    async (req) => {
      await users.resetStaffPassword(ctx, req.access, req.params.id, req.body.newPassword);
      return { ok: true as const };
    },
  );
}
