// Each test file gets a database nobody else writes to: test files run in parallel forks.
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createTestDatabase } from './postgres-cluster.js';

export interface OpenedTestDatabase {
  kind: 'pglite' | 'postgres';
  /** PostgreSQL connection URL of the new database; null for PGlite (the caller makes an in-memory instance). */
  url: string | null;
  /** Data directory for PGlite when one is wanted; null means in-memory. */
  dataDir: string | null;
  drop(): Promise<void>;
}

export async function openTestDatabase(): Promise<OpenedTestDatabase> {
  const kind = inject('testDb') ?? 'pglite';
  if (kind === 'pglite') {
    return { kind, url: null, dataDir: null, drop: async () => {} };
  }
  const adminUrl = inject('postgresAdminUrl');
  if (!adminUrl) throw new Error('testDb is "postgres" but globalSetup provided no postgresAdminUrl.');
  const name = `motcua_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const database = await createTestDatabase(adminUrl, name);
  return { kind, url: database.url, dataDir: null, drop: database.drop };
}
