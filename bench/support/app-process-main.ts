// A worker of startBenchAppProcesses: the real app on the bench's database, with the bench's clock,
// listening on the port the primary shares out. Configured by the environment the primary passes:
// BENCH_DATABASE_URL, BENCH_POOL_SIZE, BENCH_CLOCK_START (ISO), BENCH_CLOCK_ORIGIN (ms), BENCH_ENV (JSON).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../apps/server/src/app';
import { intakeBatchStats } from '../../apps/server/src/modules/dossiers/intake-writer';
import { openDatabase } from '../../apps/server/src/platform/database';
import { answerPrimary } from '../../apps/server/src/platform/process-cluster';
import { benchConfig, workingDayClock } from './bench-app';

const databaseUrl = process.env.BENCH_DATABASE_URL!;
const dataDir = mkdtempSync(join(tmpdir(), 'motcua-bench-worker-'));
const config = benchConfig(databaseUrl, dataDir, JSON.parse(process.env.BENCH_ENV ?? '{}'));
const database = await openDatabase({
  databaseUrl,
  dataDir: null,
  poolSize: Number(process.env.BENCH_POOL_SIZE ?? 10),
});
const now = workingDayClock(new Date(process.env.BENCH_CLOCK_START!), Number(process.env.BENCH_CLOCK_ORIGIN));
const app = await buildApp({ config, database, logger: false, now });
answerPrimary('batch-stats', () => intakeBatchStats(database.db));
await app.listen({ host: '127.0.0.1', port: 0 });

process.once('SIGTERM', async () => {
  await app.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
