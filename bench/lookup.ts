// Public tracking by dossier code through the real HTTP API (GET /api/public/dossiers/:code, no login,
// rate-limited as in production): 3,000 dossiers are first received and accepted at 16 ward desks
// through the API, then 64 clients look their codes up in shuffled order, back to back. The baseline is
// a bare Fastify route of the same app, same clients, same run. Targets: ≥ 0.3 × the bare route's
// requests/s and p99 ≤ 20 ms. Answers come from the per-process cache of public views (PUBLIC_LOOKUP_CACHE_SIZE);
// the same lookups are then measured with the cache off, every answer read from the database.
// Run: npm run bench -- lookup                (a throwaway PostgreSQL cluster, or DATABASE_URL)
//      MOTCUA_BENCH_DB=pglite npm run bench -- lookup, or npx tsx bench/lookup.ts --pglite   (PGlite in memory)
// Knobs: BENCH_SECONDS (10 per measurement), BENCH_DOSSIERS (3000), BENCH_POOL_SIZE (10).

import { cpus, loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { publicViewCache } from '../apps/server/src/modules/dossiers/public-view-cache';
import { seedDemoIfEmpty } from '../apps/server/src/seed/seed-demo';
import {
  openBenchDatabase,
  requestedEngine,
  seededRandom,
  startBenchApp,
  workingDayClock,
} from './support/bench-app';
import { postgresCpuMs, processCpuMs } from './support/cpu-time';
import { assertNoFailures, type LoadOptions, runLoad, summarise, summaryLine } from './support/http-load';
import { receptionBody, setUpWardDesks } from './support/one-stop-desks';

const CONCURRENCY = 64;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_MS = 3_000;
const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 3_000);
const WARDS = 16;
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 10);

/** The load, with the CPU it cost per request: the app process (load worker included) and PostgreSQL. */
async function measured(options: LoadOptions, postgresPort: string | null) {
  const [app0, postgres0] = [processCpuMs(), postgresPort ? postgresCpuMs(postgresPort) : null];
  const result = await runLoad(options);
  const postgres1 = postgresPort ? postgresCpuMs(postgresPort) : null;
  const app = (processCpuMs() - app0) / result.completed;
  const postgres =
    postgres0 !== null && postgres1 !== null ? (postgres1 - postgres0) / result.completed : null;
  return {
    result,
    cpu: `app ${app.toFixed(2)} ms${postgres === null ? '' : `, PostgreSQL ${postgres.toFixed(2)} ms`}`,
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

export async function runLookupBench(): Promise<{ name: string; lines: string[] }> {
  const load = loadavg()[0]!.toFixed(1);
  const engine = requestedEngine('postgres');
  const bench = await openBenchDatabase({ engine, poolSize: POOL_SIZE });
  try {
    await bench.database.migrate();
    const now = workingDayClock();
    const server = await startBenchApp(bench, { now, env: { JOBS_ENABLED: 'false' } });
    let serverClosed = false;
    try {
      await seedDemoIfEmpty(bench.database.db, now, server.app.jobs);
      const desks = await setUpWardDesks(server.base, WARDS, '2026-03-02');
      const received = await runLoad({
        base: server.base,
        clients: desks.map((d, i) => ({
          method: 'POST' as const,
          paths: ['/api/dossiers'],
          headers: d.headers,
          body: receptionBody(d.deskId, i),
        })),
        concurrency: WARDS,
        requests: DOSSIERS,
      });
      assertNoFailures('lookup: receiving the dossiers', received);
      const { rows } = (await bench.database.db.execute(
        sql`select code from dossiers.dossiers`,
      )) as unknown as {
        rows: { code: string }[];
      };
      const paths = shuffled(
        rows.map((r) => `/api/public/dossiers/${r.code}`),
        seededRandom(766),
      );
      const port = bench.databaseUrl ? new URL(bench.databaseUrl).port || '5432' : null;
      const cache = publicViewCache(bench.database.db);
      const [hits0, misses0] = [cache?.hits ?? 0, cache?.misses ?? 0];
      const { result: lookup, cpu: lookupCpu } = await measured(
        {
          base: server.base,
          clients: [{ method: 'GET', paths }],
          concurrency: CONCURRENCY,
          warmupMs: WARMUP_MS,
          durationMs: SECONDS * 1000,
        },
        port,
      );
      assertNoFailures('lookup', lookup);
      const hits = (cache?.hits ?? 0) - hits0;
      const misses = (cache?.misses ?? 0) - misses0;
      const { result: bare, cpu: bareCpu } = await measured(
        {
          base: server.base,
          clients: [{ method: 'GET', paths: [server.barePath] }],
          concurrency: CONCURRENCY,
          warmupMs: WARMUP_MS,
          durationMs: SECONDS * 1000,
        },
        null,
      );
      assertNoFailures('lookup: bare route', bare);
      const engineName = engine === 'pglite' ? 'PGlite' : 'PostgreSQL';
      const l = summarise(lookup);
      const ratio = l.perSecond / summarise(bare).perSecond;
      // The same lookups with the cache turned off: every answer read from the database.
      await server.close();
      serverClosed = true;
      const uncachedServer = await startBenchApp(bench, {
        now,
        env: { JOBS_ENABLED: 'false', PUBLIC_LOOKUP_CACHE_SIZE: '0' },
      });
      let uncached: Awaited<ReturnType<typeof measured>>;
      try {
        uncached = await measured(
          {
            base: uncachedServer.base,
            clients: [{ method: 'GET', paths }],
            concurrency: CONCURRENCY,
            warmupMs: WARMUP_MS,
            durationMs: SECONDS * 1000,
          },
          port,
        );
      } finally {
        await uncachedServer.close();
      }
      assertNoFailures('lookup without cache', uncached.result);
      return {
        name: 'lookup',
        lines: [
          summaryLine(
            `lookup (${engineName}, ${rows.length} dossiers, ${CONCURRENCY} concurrent, ${SECONDS} s, app pool ${POOL_SIZE})`,
            lookup,
          ),
          summaryLine('lookup: bare Fastify route, same app and clients', bare),
          `lookup: ${ratio.toFixed(2)} × the bare route (target ≥ 0.3): ${ratio >= 0.3 ? 'met' : 'NOT met'}; p99 ${l.p99.toFixed(1)} ms (target ≤ 20 ms): ${l.p99 <= 20 ? 'met' : 'NOT met'}`,
          `lookup: CPU per request: lookup ${lookupCpu}; bare route ${bareCpu}`,
          `lookup: answered from the process's cache ${((100 * hits) / Math.max(1, hits + misses)).toFixed(1)} % (${hits} of ${hits + misses}; a code's first lookup reads the database)`,
          summaryLine(
            'lookup: cache off (PUBLIC_LOOKUP_CACHE_SIZE=0), every answer from the database',
            uncached.result,
          ),
          `lookup: cache off: ${(summarise(uncached.result).perSecond / summarise(bare).perSecond).toFixed(2)} × the bare route; CPU per request ${uncached.cpu}`,
          `lookup: set-up received ${received.latencies.length} dossiers at ${(received.latencies.length / received.seconds).toFixed(0)}/s; machine ${cpus().length} cores, load average ${load} when the bench started`,
        ],
      };
    } finally {
      if (!serverClosed) await server.close();
    }
  } finally {
    await bench.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { lines } = await runLookupBench();
  for (const line of lines) console.log(line);
}
