import { auditListSchema, auditQuerySchema, auditVerificationSchema } from '@motcua/contracts/audit';
import type { ServiceContext } from '../../platform/access-context';
import { listAudit, verifyAuditChain } from '../../platform/audit-log';
import type { HttpApp } from '../../platform/http-app';

/**
 * The audit trail for administrators. It spans every agency (actions such as logins have none), so
 * reading it needs `audit.read`, which only administrators hold.
 */
export function auditRoutes(app: HttpApp, ctx: ServiceContext): void {
  const access = { permission: 'audit.read' } as const;
  app.get(
    '/api/audit',
    { schema: { querystring: auditQuerySchema, response: { 200: auditListSchema } }, config: { access } },
    async (req) => ({
      entries: await listAudit(ctx.db, req.query),
    }),
  );
  app.get(
    '/api/audit/verify',
    { schema: { response: { 200: auditVerificationSchema } }, config: { access } },
    async () => verifyAuditChain(ctx.db),
  );
}
