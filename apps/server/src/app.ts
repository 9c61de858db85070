import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { auditRoutes } from './modules/audit/routes';
import { listenForCalendarChanges } from './modules/calendar/calendar-service';
import { calendarRoutes } from './modules/calendar/routes';
import { listenForCatalogueChanges } from './modules/catalog/catalogue-generation';
import { catalogRoutes } from './modules/catalog/routes';
import { installDocuments } from './modules/documents/documents-module';
import { registerDossierJobs } from './modules/dossiers/dossier-jobs';
import { listenForPublicViewChanges } from './modules/dossiers/public-view-cache';
import { dossierRoutes } from './modules/dossiers/routes';
import { installAccessControl } from './modules/identity/access-service';
import { OidcClient } from './modules/identity/oidc-client';
import { identityRoutes } from './modules/identity/routes';
import { listenForIdentityChanges } from './modules/identity/session-cache';
import { notificationRoutes } from './modules/notifications/routes';
import { orgRoutes } from './modules/org/routes';
import { portalRoutes } from './modules/portal/routes';
import type { ServiceContext } from './platform/access-context';
import type { Config } from './platform/config';
import { type Database, ping } from './platform/database';
import { createHttpApp, type HttpApp } from './platform/http-app';
import { createJobQueue, type JobQueue } from './platform/job-queue';

declare module 'fastify' {
  interface FastifyInstance {
    /** The application's job queue: started when the app is ready, stopped when it closes. */
    jobs: JobQueue;
  }
}

/** Assembles the HTTP application: platform plugins, access control, every module's routes, the web app. */
export interface AppOptions {
  config: Config;
  database: Database;
  now?: () => Date;
  logger?: boolean;
}

export const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export async function buildApp(options: AppOptions): Promise<HttpApp> {
  const { config, database } = options;
  const app = await createHttpApp(config, options.logger === undefined ? {} : { logger: options.logger });
  // Modules register their queues, handlers and schedules below; the queue starts once all are known.
  const jobs = createJobQueue(database, { enabled: config.jobs.enabled, log: app.log });
  app.decorate('jobs', jobs);
  app.addHook('onReady', () => jobs.start());
  app.addHook('onClose', () => jobs.stop());
  const ctx: ServiceContext = { db: database.db, now: options.now ?? (() => new Date()), jobs };

  const sessionSettings = { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours };
  installAccessControl(app, ctx, sessionSettings, config.publicUrl);

  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_req, reply) => {
    try {
      await ping(database.db);
      return { status: 'ready', database: database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: database.kind });
    }
  });

  const oidc =
    config.oidc.issuer === null
      ? null
      : new OidcClient({
          issuer: config.oidc.issuer,
          clientId: config.oidc.clientId,
          clientSecret: config.oidc.clientSecret,
          redirectUri: `${config.publicUrl}/api/auth/oidc/callback`,
        });

  identityRoutes(app, {
    ctx,
    settings: {
      ...sessionSettings,
      maxFailures: config.loginMaxFailures,
      lockMinutes: config.loginLockMinutes,
      totpIssuer: 'MotCua',
    },
    oidc,
    oidcProviderName: config.oidc.providerName,
    secureCookies: config.publicUrl.startsWith('https://'),
    loginPerMinute: config.rateLimit.loginPerMinute,
  });
  orgRoutes(app, ctx, config.rateLimit.publicPerMinute);
  auditRoutes(app, ctx);
  calendarRoutes(app, ctx, config.rateLimit.publicPerMinute);
  catalogRoutes(app, ctx, config.rateLimit.publicPerMinute);
  notificationRoutes(app, ctx);
  dossierRoutes(app, ctx, { publicPerMinute: config.rateLimit.publicPerMinute, publicUrl: config.publicUrl });
  registerDossierJobs(ctx, config.jobs.deadlineScanCron);
  if (config.databaseListen) {
    const stopListening = await listenForPublicViewChanges(database, config.publicLookupCacheSize);
    app.addHook('onClose', stopListening);
    const stopCalendarWatch = await listenForCalendarChanges(database);
    app.addHook('onClose', stopCalendarWatch);
    const stopCatalogueWatch = await listenForCatalogueChanges(database);
    app.addHook('onClose', stopCatalogueWatch);
    const stopIdentityWatch = await listenForIdentityChanges(database, config.sessionCacheSize);
    app.addHook('onClose', stopIdentityWatch);
  }
  await installDocuments(app, ctx, config);
  portalRoutes(app, ctx);

  const webDist = config.webDistDir ?? defaultWebDist;
  const hasWeb = existsSync(webDist);
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // Client-side routes (/portal/…, /office/…) all load the single-page app. A path ending in a file
    // extension (.js, .png) is a missing file; one ending in a national code (…/1.001193) is a page.
    if (
      hasWeb &&
      request.method === 'GET' &&
      !path.startsWith('/api/') &&
      !/\.[a-z][a-z0-9]{0,7}$/i.test(path)
    )
      return reply.sendFile('index.html');
    return reply
      .status(404)
      .send({ error: { code: 'NOT_FOUND', message: `Không tìm thấy ${request.method} ${path}` } });
  });
  return app;
}
