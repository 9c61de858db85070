import { auditListSchema, auditQuerySchema, auditVerificationSchema } from '@motcua/contracts/audit';
import type { FastifyRequest } from 'fastify';
import type { ServiceContext } from '../../platform/access-context';
import { forbidden } from '../../platform/app-error';
import { listAudit, verifyAuditChain } from '../../platform/audit-log';
import type { HttpApp } from '../../platform/http-app';

/**
 * The audit trail for administrators. An administrator of a subtree reads the entries about agencies in
 * that subtree; entries about no agency (logins, accounts) and the chain check are for administrators
 * whose scope covers a whole province (a root of the tree).
 */
const permission = 'audit.read';

function provinceWide(req: FastifyRequest, scope: ReadonlySet<string>): boolean {
  return req.caller.agencies.some((a) => a.parentId === null && scope.has(a.id));
}

export function auditRoutes(app: HttpApp, ctx: ServiceContext): void {
  const access = { permission } as const;
  app.get(
    '/api/audit',
    { schema: { querystring: auditQuerySchema, response: { 200: auditListSchema } }, config: { access } },
    async (req) => {
      const scope = await req.access.scope(permission);
      const agencyIds = provinceWide(req, scope) ? undefined : [...scope];
      return { entries: await listAudit(ctx.db, { ...req.query, agencyIds }) };
    },
  );
  app.get(
    '/api/audit/verify',
    { schema: { response: { 200: auditVerificationSchema } }, config: { access } },
    async (req) => {
      if (!provinceWide(req, await req.access.scope(permission))) {
        throw forbidden('Chỉ quản trị cấp tỉnh được kiểm tra toàn bộ nhật ký');
      }
      return verifyAuditChain(ctx.db);
    },
  );
}
