import type { PublicDossier } from '@motcua/contracts/dossier';
import { AnnouncedCache, announcedCacheRegistry } from '../../platform/announced-cache';
import type { Database, Db } from '../../platform/database';

/**
 * The public tracking answers (code, procedure, status, dates) this process has read, by dossier code.
 *
 * Public tracking is the system's most frequent read (every receipt's QR code, every citizen checking
 * again), and its answer changes only when a command moves the dossier. An entry is dropped:
 * - in this process, by the command's own commit path (`forgetPublicView`), so a caller who acted and
 *   then looks the dossier up sees the new status;
 * - in every process, by the database: a trigger on the projection table notifies the channel
 *   `PUBLIC_VIEW_CHANNEL` with the code whenever a public column changes or the row is deleted (commands,
 *   `dossiers rebuild`, a manual fix in SQL alike), and `listenForPublicViewChanges` applies it.
 * The cache's mechanics (used only while listening, reads racing a drop not stored) are
 * platform/announced-cache.ts.
 */
export const PUBLIC_VIEW_CHANNEL = 'motcua_dossier_public';

/** The public answers by dossier code (unknown codes are not kept: one may be received later). */
export class PublicViewCache extends AnnouncedCache<PublicDossier> {}

const registry = announcedCacheRegistry(
  PUBLIC_VIEW_CHANNEL,
  (capacity) => new PublicViewCache(capacity),
  (cache, code) => cache.forget(code),
);

/** The cache of the app whose database handle is `db` (one per app, so tests' apps stay apart). */
export function publicViewCache(db: Db): PublicViewCache | undefined {
  return registry.of(db);
}

/** Drops the code's entry in this process (the other processes hear it from the database trigger). */
export function forgetPublicView(db: Db, code: string): void {
  registry.of(db)?.forget(code);
}

/**
 * Creates the app's cache and keeps it in step with the database's change notifications; resolves to a
 * function that stops listening. With `capacity` 0 nothing is cached and nothing is listened to.
 */
export function listenForPublicViewChanges(
  database: Database,
  capacity: number,
): Promise<() => Promise<void>> {
  return registry.register(database, capacity);
}
