import type { ServiceContext } from '../../platform/access-context';
import { DEADLINE_SCAN_QUEUE, scanDeadlines } from './deadline-scanner';
import { NATIONAL_SYNC_QUEUE } from './dossier-commit';

/**
 * The dossier engine's background work. The national-portal sync payloads are enqueued with every change;
 * their sender comes with the sync module, so the queue is only declared here and its jobs wait.
 */
export function registerDossierJobs(ctx: ServiceContext, scanCron: string): void {
  ctx.jobs.declare(NATIONAL_SYNC_QUEUE, { retryLimit: 10, retryBackoff: true });
  // One scan at a time: a slow scan must not overlap the next one.
  ctx.jobs.work(
    DEADLINE_SCAN_QUEUE,
    async () => {
      await scanDeadlines(ctx);
    },
    { policy: 'singleton' },
  );
  ctx.jobs.schedule(DEADLINE_SCAN_QUEUE, scanCron);
}
