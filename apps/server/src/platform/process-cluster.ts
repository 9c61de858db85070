import cluster, { type Worker } from 'node:cluster';

/**
 * Several app processes on one port (APP_PROCESSES), with Node's `cluster`: the primary accepts the
 * connections and hands them to its workers in turn, each worker a whole app with its own pool, caches
 * and group commit. One process runs JavaScript on one core; a province's server has several.
 *
 * Nothing here needs the processes to share memory: every cache is kept exact by the database's change
 * announcements (public views, sessions, calendar, catalogue), dossier codes and audit chains are
 * taken in the database, and jobs are shared through pg-boss. PGlite lives inside one process, so
 * several processes need PostgreSQL (DATABASE_URL).
 */

export interface WorkerPool {
  /** The port the workers listen on (with port 0, the one the primary chose for all of them). */
  port: number;
  /** Process ids of the workers alive now. */
  pids(): number[];
  /** Sends `message` to every worker and collects one answer from each (answers carry `reply: tag`). */
  ask(tag: string): Promise<unknown[]>;
  /** SIGTERM to every worker (each closes its app), SIGKILL after `graceMs`; resolves once all exited. */
  stop(graceMs?: number): Promise<void>;
}

export interface WorkerOptions {
  count: number;
  /** The worker's script, when not the primary's own (`process.argv[1]`). */
  exec?: string;
  args?: string[];
  /** Added to each worker's environment. */
  env?: Record<string, string>;
  /** A worker that dies after start-up (not one that exits with code 0) is replaced after this delay (ms). */
  respawnDelayMs?: number;
  log?: (line: string) => void;
}

export const isWorkerProcess = (): boolean => cluster.isWorker;

/**
 * Forks `count` workers and resolves once every one of them listens. A worker that exits before it
 * listens fails the start (the others are stopped: a bad configuration would fail them all); one that
 * dies later is logged and replaced.
 */
export async function startWorkers(options: WorkerOptions): Promise<WorkerPool> {
  if (!cluster.isPrimary) throw new Error('startWorkers: only the primary process forks workers');
  const log = options.log ?? ((line: string) => console.error(line));
  const respawnDelayMs = options.respawnDelayMs ?? 1_000;
  cluster.setupPrimary({
    ...(options.exec !== undefined ? { exec: options.exec } : {}),
    ...(options.args !== undefined ? { args: options.args } : {}),
  });
  const workers = new Set<Worker>();
  let stopping = false;

  const fork = (): Worker => {
    const worker = cluster.fork(options.env ?? {});
    workers.add(worker);
    return worker;
  };
  const onExit = (worker: Worker, code: number | null, signal: string | null) => {
    // Code 0 is a worker that shut down when told to (Ctrl-C reaches the whole process group).
    if (!workers.delete(worker) || stopping || code === 0) return;
    log(
      `Tiến trình ${worker.process.pid} đã dừng / worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); khởi động lại / restarting`,
    );
    setTimeout(() => {
      if (!stopping) fork();
    }, respawnDelayMs).unref();
  };

  const first = Array.from({ length: options.count }, fork);
  let port = 0;
  try {
    await Promise.all(
      first.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const failed = (code: number | null, signal: string | null) =>
              reject(
                new Error(
                  `worker ${worker.process.pid} exited before listening (${signal ?? `code ${code}`})`,
                ),
              );
            worker.once('exit', failed);
            worker.once('listening', (address) => {
              worker.off('exit', failed);
              port = address.port;
              resolve();
            });
          }),
      ),
    );
  } catch (error) {
    stopping = true;
    await stopAll(workers, 5_000);
    throw error;
  }
  cluster.on('exit', onExit);

  return {
    port,
    pids: () =>
      [...workers].flatMap((w) => (w.process.pid !== undefined && !w.isDead() ? [w.process.pid] : [])),
    ask(tag) {
      const asked = [...workers];
      return Promise.all(
        asked.map(
          (worker) =>
            new Promise<unknown>((resolve) => {
              const onMessage = (message: unknown) => {
                if ((message as { reply?: unknown } | null)?.reply !== tag) return;
                worker.off('message', onMessage);
                resolve(message);
              };
              worker.on('message', onMessage);
              worker.send({ ask: tag });
            }),
        ),
      );
    },
    async stop(graceMs = 10_000) {
      stopping = true;
      cluster.off('exit', onExit);
      await stopAll(workers, graceMs);
    },
  };
}

async function stopAll(workers: Set<Worker>, graceMs: number): Promise<void> {
  await Promise.all(
    [...workers].map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) return resolve();
          const kill = setTimeout(() => worker.process.kill('SIGKILL'), graceMs);
          worker.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          worker.process.kill('SIGTERM');
        }),
    ),
  );
  workers.clear();
}

/** In a worker: answers the primary's `ask(tag)` with what `answer` returns. */
export function answerPrimary(tag: string, answer: () => unknown): void {
  if (!cluster.isWorker) return;
  process.on('message', (message: unknown) => {
    if ((message as { ask?: unknown } | null)?.ask === tag)
      process.send?.({ reply: tag, ...(answer() as object) });
  });
}
