// Starts the real server the way `npm start` does, on free ports with its own empty data directory,
// so every journey begins from a fresh system.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from './free-port.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 10_000;
const MAX_LOG_CHARS = 2_000_000;

export interface StartedServer {
  baseUrl: string;
  /** Issuer of the development OIDC provider (VNeID stand-in) the server embeds. */
  oidcIssuer: string;
  dataDir: string;
  stop(): Promise<void>;
  /** Everything the server printed so far (stdout and stderr interleaved). */
  logs(): string;
}

/**
 * `env` overrides the defaults (PORT, HOST, DATA_DIR, LOG_LEVEL, OIDC_DEV_PORT). An inherited
 * DATABASE_URL is not passed on: e2e runs on a fresh embedded database unless `env` names one.
 */
export async function startServer(env: Record<string, string> = {}): Promise<StartedServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-e2e-'));
  const port = env.PORT ?? String(await findFreePort());
  let oidcPort = env.OIDC_DEV_PORT ?? String(await findFreePort());
  while (oidcPort === port) oidcPort = String(await findFreePort());
  const host = env.HOST ?? '127.0.0.1';

  const { DATABASE_URL: _inherited, ...inherited } = process.env;
  const child = spawn(process.execPath, ['apps/server/bin/start.mjs'], {
    cwd: REPO_ROOT,
    env: {
      ...inherited,
      NODE_ENV: 'test',
      HOST: host,
      PORT: port,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      OIDC_DEV_PORT: oidcPort,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group, so stop() also ends anything the server spawned.
    detached: true,
  });

  let output = '';
  const capture = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > MAX_LOG_CHARS) output = output.slice(-MAX_LOG_CHARS);
  };
  child.stdout?.on('data', capture);
  child.stderr?.on('data', capture);
  const exited = new Promise<number | string | null>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal));
    child.once('error', (error) => {
      output += `\n[spawn error] ${error.message}\n`;
      resolve('spawn error');
    });
  });
  const killOnExit = () => signalGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      signalGroup(child, 'SIGTERM');
      const graceful = await Promise.race([exited.then(() => true), delay(STOP_GRACE_MS).then(() => false)]);
      if (!graceful) {
        signalGroup(child, 'SIGKILL');
        await exited;
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const baseUrl = `http://${host}:${port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  let exitStatus: number | string | null | undefined;
  void exited.then((status) => {
    exitStatus = status;
  });
  while (true) {
    if (exitStatus !== undefined) {
      await stop();
      throw new Error(`The server exited (${exitStatus}) before it was ready. Its output:\n${output}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `The server was not ready within ${READY_TIMEOUT_MS / 1000} s (GET ${baseUrl}/ready: ${lastProblem}). Its output:\n${output}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) break;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem =
        error instanceof Error
          ? error.cause instanceof Error
            ? error.cause.message
            : error.message
          : String(error);
    }
    await delay(250);
  }

  return {
    baseUrl,
    oidcIssuer: `http://${host}:${oidcPort}`,
    dataDir,
    stop,
    logs: () => output,
  };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
