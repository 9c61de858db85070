import type { ServiceContext } from '../../platform/access-context';
import { NATIONAL_SYNC_QUEUE } from './dossier-commit';

/**
 * The dossier engine's background work. The national-portal sync payloads are enqueued with every change;
 * their sender comes with the sync module, so the queue is only declared here and its jobs wait.
 */
export function registerDossierJobs(ctx: ServiceContext): void {
  ctx.jobs.declare(NATIONAL_SYNC_QUEUE, { retryLimit: 10, retryBackoff: true });
}
