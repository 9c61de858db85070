// `npm start` with APP_PROCESSES=2: the primary migrates and seeds once, then two worker processes serve
// the port; a worker that dies is replaced; SIGTERM stops them all. PostgreSQL only (on PGlite the
// setting is refused, which is checked on both).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { eventually } from '../support/eventually';
import { findFreePort } from '../support/postgres-cluster';
import { openTestDatabase } from '../support/test-database';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const start = join(root, 'apps/server/bin/start.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'motcua-processes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return ppid === pid ? [Number(d)] : [];
      } catch {
        return [];
      }
    });
}

function launch(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, [start], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SKIP_WEB_BUILD: '1',
      WEB_DIST_DIR: join(scratch, 'no-web'),
      DATA_DIR: join(scratch, 'data'),
      OIDC_DEV_PROVIDER: 'false',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'silent',
      ...env,
    },
  });
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  return { child, output: () => output };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

describe('APP_PROCESSES', () => {
  it('is refused without DATABASE_URL (PGlite lives inside one process), naming the variable', async () => {
    const { child, output } = launch({ APP_PROCESSES: '2', DATABASE_URL: '' });
    expect(await exited(child)).toBe(2);
    expect(output()).toContain('APP_PROCESSES');
    expect(output()).toContain('DATABASE_URL');
  });

  it.runIf(inject('testDb') === 'postgres')(
    'serves the port from two workers, seeded once, replaces a worker that dies, and stops on SIGTERM',
    async () => {
      const database = await openTestDatabase();
      const port = await findFreePort();
      const base = `http://127.0.0.1:${port}`;
      const { child, output } = launch({
        APP_PROCESSES: '2',
        DATABASE_URL: database.url!,
        PORT: String(port),
        HOST: '127.0.0.1',
        SEED_DEMO: 'true',
        SESSION_SECRET: 'processes-test-secret-processes-test-01',
      });
      try {
        expect(
          await eventually(
            async () => output(),
            (o) => o.includes('is running at'),
            60_000,
          ),
        ).toContain('app processes: 2');
        const workers = childrenOf(child.pid!);
        expect(workers).toHaveLength(2);

        // The primary seeded the demo, and a session made through one worker is honoured by both.
        const login = await fetch(`${base}/api/auth/staff/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'motcua.anbinh', password: 'MotCua@2026' }),
        });
        expect(login.status).toBe(200);
        const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
        for (let i = 0; i < 10; i++) {
          // a new connection each time: the primary hands connections to the workers in turn
          const res = await fetch(`${base}/api/session`, { headers: { cookie, connection: 'close' } });
          expect((await res.json()).user.username).toBe('motcua.anbinh');
        }

        process.kill(workers[0]!, 'SIGKILL');
        const replaced = await eventually(
          async () => childrenOf(child.pid!),
          (pids) => pids.length === 2 && !pids.includes(workers[0]!),
          30_000,
        );
        expect(replaced).toHaveLength(2);
        expect(replaced).toContain(workers[1]);
        const health = await eventually(
          async () => (await fetch(`${base}/health`, { headers: { connection: 'close' } })).status,
          (status) => status === 200,
        );
        expect(health).toBe(200);

        child.kill('SIGTERM');
        expect(await exited(child)).toBe(0);
        expect(replaced.filter((pid) => existsProcess(pid))).toEqual([]);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
        await database.drop();
      }
    },
    120_000,
  );
});

function existsProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
