import { fileURLToPath } from 'node:url';
import { type IntakeBatchStats, noIntakeBatches } from '../../apps/server/src/modules/dossiers/intake-writer';
import { startWorkers } from '../../apps/server/src/platform/process-cluster';
import type { BenchDatabase } from './bench-app';
import { processesCpuMs } from './cpu-time';

/**
 * The app as APP_PROCESSES runs it: `count` worker processes (node:cluster, as `npm start` forks them)
 * sharing one loopback port, each with its own pool of `poolSize`, on the bench's PostgreSQL and clock.
 */
export interface BenchAppProcesses {
  base: string;
  /** CPU of the worker processes so far, in ms (this process, the primary, is measured apart). */
  cpuMs(): number;
  /** Group-commit counters summed over the workers. */
  batchStats(): Promise<IntakeBatchStats>;
  close(): Promise<void>;
}

export async function startBenchAppProcesses(
  bench: BenchDatabase,
  options: {
    count: number;
    poolSize: number;
    clock: { start: Date; origin: number };
    env?: Record<string, string>;
  },
): Promise<BenchAppProcesses> {
  if (bench.databaseUrl === null) throw new Error('several app processes need PostgreSQL');
  const pool = await startWorkers({
    count: options.count,
    exec: fileURLToPath(new URL('./app-process.mjs', import.meta.url)),
    env: {
      BENCH_DATABASE_URL: bench.databaseUrl,
      BENCH_POOL_SIZE: String(options.poolSize),
      BENCH_CLOCK_START: options.clock.start.toISOString(),
      BENCH_CLOCK_ORIGIN: String(options.clock.origin),
      BENCH_ENV: JSON.stringify(options.env ?? {}),
    },
  });
  return {
    base: `http://127.0.0.1:${pool.port}`,
    cpuMs: () => processesCpuMs(pool.pids()),
    async batchStats() {
      const answers = (await pool.ask('batch-stats')) as IntakeBatchStats[];
      return answers.reduce(
        (sum, a) => ({
          receptions: sum.receptions + a.receptions,
          batches: sum.batches + a.batches,
          retriedAlone: sum.retriedAlone + a.retriedAlone,
          forecastWritten: sum.forecastWritten + a.forecastWritten,
          forecastFailed: sum.forecastFailed + a.forecastFailed,
        }),
        noIntakeBatches(),
      );
    },
    close: () => pool.stop(),
  };
}
