import { join } from 'node:path';
import type { ServiceContext } from '../../platform/access-context';
import type { Config } from '../../platform/config';
import { localFileStorage } from '../../platform/file-storage';
import type { HttpApp } from '../../platform/http-app';
import { cleanupUnattachedFiles, DOCUMENTS_CLEANUP_QUEUE } from './document-service';
import { documentRoutes } from './routes';

/** Abandoned uploads are removed once a day, at night (Vietnam time), one run at a time. */
export const documentsCleanupCron = '30 2 * * *';

/**
 * The documents module in the application: the file storage (a local directory under DATA_DIR; an
 * S3-compatible one can replace it here), the upload and download routes, the daily clean-up job.
 */
export async function installDocuments(
  app: HttpApp,
  ctx: ServiceContext,
  config: Pick<Config, 'dataDir' | 'uploadMaxMb'>,
): Promise<void> {
  const storage = localFileStorage(join(config.dataDir, 'files'));
  ctx.jobs.work(
    DOCUMENTS_CLEANUP_QUEUE,
    async () => {
      await cleanupUnattachedFiles(ctx, storage);
    },
    { policy: 'singleton' },
  );
  ctx.jobs.schedule(DOCUMENTS_CLEANUP_QUEUE, documentsCleanupCron);
  await documentRoutes(app, ctx, { storage, maxBytes: Math.floor(config.uploadMaxMb * 1024 * 1024) });
}
