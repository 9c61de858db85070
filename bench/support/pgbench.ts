import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { findPostgresBinDir } from '../../apps/server/test/support/postgres-cluster';
import { postgresCpuMs } from './cpu-time';

/**
 * pgbench's TPC-B-like transaction on the bench's own PostgreSQL server, in a database of its own: the
 * baseline of what this server and this machine do per second with the same number of clients, in the
 * same run (same noise from whatever else the machine runs).
 */
export interface PgbenchResult {
  tps: number;
  latencyMs: number;
  /** The server's CPU per transaction during the timed run (null when it cannot be measured). */
  postgresCpuMsPerTx: number | null;
  /** The command as run, for the printout. */
  command: string;
}

function run(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`pgbench ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
}

/** `pgbench -i -s scale` then `pgbench -c clients -j threads -T seconds` on a fresh database of `adminUrl`'s server. */
export async function runPgbench(
  adminUrl: string,
  options: { clients: number; threads: number; seconds: number; scale: number },
): Promise<PgbenchResult> {
  const binDir = findPostgresBinDir();
  if (!binDir) throw new Error('pgbench not found: install PostgreSQL server binaries or set PG_BINDIR');
  const url = new URL(adminUrl);
  const database = 'motcua_pgbench';
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${database}`);
    await admin.query(`create database ${database}`);
  } finally {
    await admin.end();
  }
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(url.password) };
  const connection = ['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username)];
  const pgbench = path.join(binDir, 'pgbench');
  // Initialised outside the try: a failed -i leaves the database behind, which the next run drops first.
  await run(pgbench, ['-i', '-q', '-s', String(options.scale), ...connection, database], env);
  const args = [
    '-c',
    String(options.clients),
    '-j',
    String(options.threads),
    '-T',
    String(options.seconds),
    ...connection,
    database,
  ];
  let output: string;
  const cpuBefore = postgresCpuMs(url.port || '5432');
  let cpu: number | null = null;
  try {
    output = await run(pgbench, args, env);
    const cpuAfter = postgresCpuMs(url.port || '5432');
    if (cpuBefore !== null && cpuAfter !== null) cpu = cpuAfter - cpuBefore;
  } finally {
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${database}`).finally(() => cleanup.end());
  }
  const tps = output.match(/tps = ([\d.]+) \(without initial connection time\)/)?.[1];
  const latency = output.match(/latency average = ([\d.]+) ms/)?.[1];
  const transactions = output.match(/number of transactions actually processed: (\d+)/)?.[1];
  if (tps === undefined) throw new Error(`no tps in pgbench's output:\n${output}`);
  return {
    tps: Number(tps),
    latencyMs: Number(latency ?? Number.NaN),
    postgresCpuMsPerTx: cpu === null || transactions === undefined ? null : cpu / Number(transactions),
    command: `pgbench -i -s ${options.scale}; pgbench -c ${options.clients} -j ${options.threads} -T ${options.seconds}`,
  };
}
