import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../apps/server/src/app';
import { loadConfig } from '../../apps/server/src/platform/config';
import { type Database, openDatabase } from '../../apps/server/src/platform/database';
import type { HttpApp } from '../../apps/server/src/platform/http-app';
import {
  startThrowawayCluster,
  type ThrowawayCluster,
} from '../../apps/server/test/support/postgres-cluster';

/**
 * What the HTTP benches share: a database (DATABASE_URL, a throwaway PostgreSQL cluster, or PGlite in
 * memory), the real app listening on a loopback port, and a bare route of the same app as the baseline.
 */

export interface BenchDatabase {
  database: Database;
  /** The server's URL (null on PGlite). */
  databaseUrl: string | null;
  /** The throwaway cluster this bench started, if any (its URL is a superuser's). */
  cluster: ThrowawayCluster | null;
  close(): Promise<void>;
}

/** PostgreSQL: DATABASE_URL when given (an empty database), else a throwaway cluster. PGlite: in memory. */
export async function openBenchDatabase(options: {
  engine: 'postgres' | 'pglite';
  poolSize: number;
}): Promise<BenchDatabase> {
  let databaseUrl = process.env.DATABASE_URL ?? null;
  const cluster =
    databaseUrl === null && options.engine === 'postgres' ? await startThrowawayCluster() : null;
  if (cluster) databaseUrl = cluster.url;
  try {
    const database = await openDatabase({ databaseUrl, dataDir: null, poolSize: options.poolSize });
    return {
      database,
      databaseUrl,
      cluster,
      async close() {
        try {
          await database.close();
          // pg's pool.end() resolves before its sockets have closed; a server stopped in between
          // answers them with "terminating connection", which the ended pool would throw.
          if (cluster) await new Promise((resolve) => setTimeout(resolve, 250));
        } finally {
          await cluster?.stop();
        }
      },
    };
  } catch (error) {
    await cluster?.stop();
    throw error;
  }
}

/** Which engine a bench was asked for: `--postgres` / `--pglite` or MOTCUA_BENCH_DB, else `fallback`. */
export function requestedEngine(fallback: 'postgres' | 'pglite'): 'postgres' | 'pglite' {
  if (process.argv.includes('--postgres') || process.env.DATABASE_URL) return 'postgres';
  if (process.argv.includes('--pglite')) return 'pglite';
  const env = process.env.MOTCUA_BENCH_DB;
  return env === 'postgres' || env === 'pglite' ? env : fallback;
}

export interface BenchApp {
  app: HttpApp;
  /** `http://127.0.0.1:PORT` */
  base: string;
  /** A route with no hook, no database and no schema work: the cost of HTTP + Fastify alone. */
  barePath: string;
  close(): Promise<void>;
}

/** The app's configuration in a bench: no request logs, no rate limits in the way, no web files. */
export function benchConfig(databaseUrl: string | null, dataDir: string, env: Record<string, string> = {}) {
  return loadConfig({
    DATA_DIR: dataDir,
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-01',
    LOG_LEVEL: 'silent',
    OIDC_DEV_PROVIDER: 'false',
    RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000',
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
    WEB_DIST_DIR: join(dataDir, 'no-web'),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  });
}

/** The real app on `bench.database`, listening on 127.0.0.1 with a bare baseline route; no request logs. */
export async function startBenchApp(
  bench: BenchDatabase,
  options: { now?: () => Date; env?: Record<string, string> } = {},
): Promise<BenchApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
  const config = benchConfig(bench.databaseUrl, dataDir, options.env);
  const app = await buildApp({
    config,
    database: bench.database,
    logger: false,
    ...(options.now ? { now: options.now } : {}),
  });
  const barePath = '/bench/bare';
  app.get(barePath, async () => ({ ok: true }));
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    app,
    base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    barePath,
    async close() {
      try {
        await app.close();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * The app's clock for benches that act as a one-stop desk: starts on a working morning (Monday
 * 2 March 2026, 09:00 in Vietnam, as the integration tests do) and runs at real speed, so receipts,
 * due dates and session expiry behave as on an ordinary working day whenever the bench is run. App
 * processes started by the bench pass the same `origin` (this process's Date.now() when the clock
 * began), so they all tell the same time.
 */
export function workingDayClock(
  start = new Date('2026-03-02T02:00:00Z'),
  origin = Date.now(),
): (() => Date) & { start: Date; origin: number } {
  return Object.assign(() => new Date(start.getTime() + (Date.now() - origin)), { start, origin });
}

/** xorshift32: the same pseudo-random sequence for the same seed, so runs load the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4_294_967_296;
  };
}
