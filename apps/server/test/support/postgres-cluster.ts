// A throwaway PostgreSQL server for the integration suite: its own data directory, port and socket
// directory, so it never touches a system cluster and several can run side by side. Nothing in it is
// worth keeping, hence fsync off.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { appendFile, chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface ThrowawayCluster {
  /** `postgres://motcua:…@127.0.0.1:PORT/motcua_test`, a superuser: use it as the admin URL. */
  url: string;
  stop(): Promise<void>;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

const ROLE = 'motcua';
const PASSWORD = 'motcua-test';
const DATABASE = 'motcua_test';

/** The directory holding initdb/pg_ctl, or null when PostgreSQL's server binaries are not installed. */
export function findPostgresBinDir(): string | null {
  const candidates: string[] = [];
  if (process.env.PG_BINDIR) candidates.push(process.env.PG_BINDIR);
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: 'pipe' }).trim());
  } catch {
    // pg_config is only in libpq-dev; fall back to Debian's versioned layout.
  }
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(path.join(debianRoot, v, 'bin'));
  }
  return (
    candidates.find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) ??
    null
  );
}

export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface RunAs {
  uid: number;
  gid: number;
}

// initdb and postgres refuse to run as root, so as root every server command runs as `postgres`.
function postgresUser(): RunAs | null {
  if (process.getuid?.() !== 0) return null;
  let entry: string;
  try {
    entry = execFileSync('getent', ['passwd', 'postgres'], { encoding: 'utf8', stdio: 'pipe' });
  } catch {
    throw new Error(
      'Running as root, but there is no `postgres` system user to run PostgreSQL as (initdb refuses root).',
    );
  }
  const [, , uid, gid] = entry.trim().split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function run(bin: string, args: string[], cwd: string, runAs: RunAs | null): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
      ...(runAs ?? {}),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${path.basename(bin)} ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const binDir = findPostgresBinDir();
  if (!binDir) {
    throw new Error(
      'PostgreSQL server binaries (initdb, pg_ctl) were not found: install Debian package `postgresql`, ' +
        'set PG_BINDIR, or give DATABASE_URL of a running server.',
    );
  }
  const runAs = postgresUser();
  const root = await mkdtemp(path.join(tmpdir(), 'motcua-pg-'));
  if (runAs) await chown(root, runAs.uid, runAs.gid);
  const dataDir = path.join(root, 'data');
  const logFile = path.join(root, 'server.log');
  const pwFile = path.join(root, 'pwfile');
  const pgCtl = path.join(binDir, 'pg_ctl');

  let started = false;
  const stopSync = () => {
    // Last resort when the test process exits without calling stop(): never leave a postmaster behind.
    if (started)
      spawnSync(pgCtl, ['-D', dataDir, '-m', 'immediate', 'stop'], { stdio: 'ignore', ...(runAs ?? {}) });
    rmSync(root, { recursive: true, force: true });
  };

  try {
    await writeFile(pwFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (runAs) await chown(pwFile, runAs.uid, runAs.gid);
    await run(
      path.join(binDir, 'initdb'),
      [
        '-D',
        dataDir,
        '-U',
        ROLE,
        `--pwfile=${pwFile}`,
        '--auth-local=trust',
        '--auth-host=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--no-sync',
      ],
      root,
      runAs,
    );
    await appendFile(
      path.join(dataDir, 'postgresql.conf'),
      [
        '',
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${root}'`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        'max_connections = 200',
        "timezone = 'UTC'",
        '',
      ].join('\n'),
    );

    // The port is free when probed but could be taken before postgres binds it; try a few.
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await findFreePort();
      try {
        await run(
          pgCtl,
          ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', `-p ${port}`, 'start'],
          root,
          runAs,
        );
        started = true;
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    process.once('exit', stopSync);

    const url = `postgres://${ROLE}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${DATABASE}`;
    const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
    await admin.connect();
    try {
      await admin.query(`create database ${DATABASE}`);
    } finally {
      await admin.end();
    }

    let stopped = false;
    return {
      url,
      async stop() {
        if (stopped) return;
        stopped = true;
        process.removeListener('exit', stopSync);
        try {
          await run(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop'], root, runAs);
        } finally {
          started = false;
          await rm(root, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    stopSync();
    process.removeListener('exit', stopSync);
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Creates an empty database `name` on the server of `adminUrl` (a role allowed to create databases). */
export async function createTestDatabase(adminUrl: string, name: string): Promise<TestDatabase> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Invalid test database name: ${name}`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  let dropped = false;
  return {
    url: withDatabase(adminUrl, name),
    async drop() {
      if (dropped) return;
      dropped = true;
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        // `with (force)` ends connections a test left open (a pool not closed after a failure).
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
