// Chooses the database the server suite runs against (MOTCUA_TEST_DB=pglite|postgres) and, for
// PostgreSQL, provides an admin URL from which each test file creates its own database.
import type { TestProject } from 'vitest/node';
import { findPostgresBinDir, startThrowawayCluster } from './support/postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string | null;
    testDb: 'pglite' | 'postgres';
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const requested = process.env.MOTCUA_TEST_DB ?? 'pglite';
  if (requested !== 'pglite' && requested !== 'postgres') {
    throw new Error(`MOTCUA_TEST_DB must be "pglite" or "postgres", not "${requested}".`);
  }
  project.provide('testDb', requested);

  if (requested === 'pglite') {
    project.provide('postgresAdminUrl', null);
    return undefined;
  }

  const given = process.env.DATABASE_URL;
  if (given) {
    project.provide('postgresAdminUrl', given);
    return undefined;
  }

  // Asking for PostgreSQL and not getting it is always an error: silently running on PGlite instead
  // would report the PostgreSQL suite green without having run it (in CI or anywhere else).
  if (!findPostgresBinDir()) {
    throw new Error(
      `MOTCUA_TEST_DB=postgres${process.env.CI === 'true' ? ' (CI=true)' : ''} but no PostgreSQL is available: ` +
        'set DATABASE_URL to a server where this role may create databases, or install PostgreSQL ' +
        '(Debian: apt-get install postgresql) so a throwaway cluster can be started.',
    );
  }
  const cluster = await startThrowawayCluster();
  project.provide('postgresAdminUrl', cluster.url);
  return () => cluster.stop();
}
