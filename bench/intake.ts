// Desk receptions through the real HTTP API on PostgreSQL: 16 desk officers, each at the one-stop desk
// of their own ward, receive dossiers of a commune procedure and accept them on the spot
// (POST /api/dossiers with decision accept: validation, code, due date, events, projection, rollups,
// national-sync job, audit entry, and the dossier's detail as the answer; each with its own
// Idempotency-Key, as the web's desk page sends), back to back, 16 requests in
// flight, for 30 s after a warm-up. The baseline is pgbench's TPC-B with as many clients on the same
// server in the same run; the target is intake ≥ 0.5 × pgbench's tps.
// Run: npm run bench -- intake      (a throwaway PostgreSQL cluster; or DATABASE_URL=postgres://… of
//                                    an empty database whose role may create databases, for pgbench)
// Knobs: BENCH_SECONDS (30), BENCH_POOL_SIZE (the app's pool, 10 as in production), BENCH_PGBENCH_SCALE (1).

import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { intakeBatchStats, noIntakeBatches } from '../apps/server/src/modules/dossiers/intake-writer';
import { verifyAuditChain } from '../apps/server/src/platform/audit-log';
import { seedDemoIfEmpty } from '../apps/server/src/seed/seed-demo';
import { type BenchAppProcesses, startBenchAppProcesses } from './support/app-processes';
import { openBenchDatabase, startBenchApp, workingDayClock } from './support/bench-app';
import { postgresCpuMs, processCpuMs } from './support/cpu-time';
import { assertNoFailures, runLoad, summarise, summaryLine } from './support/http-load';
import { receptionBody, setUpWardDesks } from './support/one-stop-desks';
import { runPgbench } from './support/pgbench';

const CLIENTS = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const WARMUP_MS = 5_000;
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 10);
const PGBENCH_SCALE = Number(process.env.BENCH_PGBENCH_SCALE ?? 1);
const APP_PROCESSES = Number(process.env.BENCH_APP_PROCESSES ?? 1);

const rows = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

/** Every ward's codes of the day are 1…n without a gap, and the audit chain still verifies. */
async function checkAfterLoad(db: Parameters<typeof verifyAuditChain>[0]): Promise<string> {
  const perAgency = rows(
    await db.execute(sql`
      select receiving_agency_id, count(*)::int as n,
             max(right(code, 4)::int) as last, count(distinct code)::int as codes
      from dossiers.dossiers group by receiving_agency_id`),
  );
  const broken = perAgency.filter((r) => r.n !== r.last || r.n !== r.codes);
  if (broken.length > 0) throw new Error(`dossier codes with gaps or duplicates: ${JSON.stringify(broken)}`);
  const audit = await verifyAuditChain(db);
  if (!audit.ok) throw new Error(`the audit chain does not verify: ${JSON.stringify(audit)}`);
  const dossiers = perAgency.reduce((n, r) => n + Number(r.n), 0);
  return `${dossiers} dossiers at ${perAgency.length} wards, codes gap-free; audit chain verifies (${audit.checked} entries)`;
}

export async function runIntakeBench(): Promise<{ name: string; lines: string[] }> {
  const load = loadavg()[0]!.toFixed(1);
  const bench = await openBenchDatabase({ engine: 'postgres', poolSize: POOL_SIZE });
  try {
    await bench.database.migrate();
    const now = workingDayClock();
    const server = await startBenchApp(bench, { now, env: { JOBS_ENABLED: 'false' } });
    let intake: Awaited<ReturnType<typeof runLoad>>;
    let checked: string;
    const port = new URL(bench.databaseUrl!).port || '5432';
    let appCpu = 0;
    let loopBusy = 0;
    let batching = noIntakeBatches();
    let postgresCpu: number | null = null;
    let processes: BenchAppProcesses | null = null;
    try {
      await seedDemoIfEmpty(bench.database.db, now, server.app.jobs);
      const desks = await setUpWardDesks(server.base, CLIENTS, '2026-03-02');
      const clients = desks.map((d, i) => ({
        method: 'POST' as const,
        paths: ['/api/dossiers'],
        headers: d.headers,
        body: receptionBody(d.deskId, i),
        // The desk's intake page sends one with every reception, so a retried one is not received twice.
        idempotencyKeys: true,
      }));
      let base = server.base;
      if (APP_PROCESSES > 1) {
        // The in-process app served the set-up only; the load goes to the worker processes.
        await server.close();
        processes = await startBenchAppProcesses(bench, {
          count: APP_PROCESSES,
          poolSize: POOL_SIZE,
          clock: now,
          env: { JOBS_ENABLED: 'false' },
        });
        base = processes.base;
      }
      const appCpuMs = () => processCpuMs() + (processes?.cpuMs() ?? 0);
      const [app0, postgres0] = [appCpuMs(), postgresCpuMs(port)];
      const loop0 = performance.eventLoopUtilization();
      intake = await runLoad({
        base,
        clients,
        concurrency: CLIENTS,
        warmupMs: WARMUP_MS,
        durationMs: SECONDS * 1000,
      });
      const postgres1 = postgresCpuMs(port);
      loopBusy = performance.eventLoopUtilization(loop0).utilization;
      appCpu = (appCpuMs() - app0) / intake.completed;
      batching = processes ? await processes.batchStats() : intakeBatchStats(bench.database.db);
      if (postgres0 !== null && postgres1 !== null) postgresCpu = (postgres1 - postgres0) / intake.completed;
      assertNoFailures('intake', intake);
      checked = await checkAfterLoad(bench.database.db);
    } finally {
      if (processes) await processes.close();
      else await server.close();
    }
    const baseline = await runPgbench(bench.databaseUrl!, {
      clients: CLIENTS,
      threads: 2,
      seconds: SECONDS,
      scale: PGBENCH_SCALE,
    });
    const rate = summarise(intake).perSecond;
    const ratio = rate / baseline.tps;
    return {
      name: 'intake',
      lines: [
        summaryLine(
          `intake (PostgreSQL, ${CLIENTS} desk officers at ${CLIENTS} wards, ${CLIENTS} concurrent, ${SECONDS} s, ${APP_PROCESSES} app process${APP_PROCESSES > 1 ? 'es' : ''}, pool ${POOL_SIZE} each)`,
          intake,
          'receptions/s',
        ),
        `intake: baseline ${baseline.command} on the same server: ${baseline.tps.toFixed(0)} tps, latency avg ${baseline.latencyMs.toFixed(1)} ms`,
        `intake: ${ratio.toFixed(2)} × pgbench (target ≥ 0.5): ${ratio >= 0.5 ? 'met' : 'NOT met'}`,
        `intake: CPU per reception: app process ${appCpu.toFixed(2)} ms (the load worker included), PostgreSQL ${postgresCpu?.toFixed(2) ?? '?'} ms; per pgbench transaction: PostgreSQL ${baseline.postgresCpuMsPerTx?.toFixed(2) ?? '?'} ms`,
        APP_PROCESSES > 1
          ? `intake: CPU per reception "app process" is the ${APP_PROCESSES} workers and the bench process (primary and load worker)`
          : `intake: the app's event loop was busy ${(100 * loopBusy).toFixed(0)} % of the time (the load worker runs in its own thread)`,
        `intake: group commit: ${batching.receptions} receptions written in ${batching.batches} shared writes (${(batching.receptions / Math.max(1, batching.batches)).toFixed(1)} each), the rest alone; ${batching.retriedAlone} retried alone after a failed batch; numbers forecast for ${batching.forecastWritten} writes (${batching.forecastFailed} found taken by another writer and read again)`,
        `intake: checked ${checked}`,
        `intake: machine ${cpus().length} cores, load average ${load} when the bench started`,
      ],
    };
  } finally {
    await bench.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { lines } = await runIntakeBench();
  for (const line of lines) console.log(line);
}
