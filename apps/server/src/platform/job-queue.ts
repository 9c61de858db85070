import { type SQL, sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Database, Db, RawSql } from './database';

/**
 * Background jobs on pg-boss 10, in the application's own database (PostgreSQL or PGlite).
 *
 * A job is written by `enqueue` inside the caller's transaction, so it exists exactly when the change
 * that caused it commits. Handlers, queues and schedules are registered before `start()`, which creates
 * pg-boss's `pgboss` schema and the queues, stores the schedules and, when enabled, starts polling.
 * A process with jobs disabled (JOBS_ENABLED=false, tests) still enqueues; its jobs are worked by
 * another process, or in tests by `drain()`.
 *
 * Job data is JSON: a `Date` put in comes back as an ISO string.
 */
export type JobData = object;

export interface Job<T extends JobData = JobData> {
  readonly id: string;
  readonly name: string;
  readonly data: T;
}

export type JobHandler<T extends JobData = JobData> = (job: Job<T>) => Promise<void>;

export interface QueueOptions {
  /**
   * pg-boss's queue policy. `singleton`: at most one job of the queue is active at a time (a periodic
   * scan that must not overlap itself); `stately`: at most one queued and one active; default `standard`.
   */
  policy?: 'standard' | 'short' | 'singleton' | 'stately';
  /** Further attempts after a failure (pg-boss default 2). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** How long one attempt may run before pg-boss fails it (default 15 minutes). */
  expireInSeconds?: number;
}

export interface WorkOptions extends QueueOptions {
  /** Jobs fetched per poll; each still runs, succeeds and fails on its own (default 10). */
  batchSize?: number;
  /** Seconds between polls while the queue is empty (default 2, at least 0.5). */
  pollingIntervalSeconds?: number;
}

export interface EnqueueOptions {
  /** Not before this instant. */
  startAfter?: Date;
  /** Higher runs first (default 0). */
  priority?: number;
  /** With `singletonSeconds`: at most one job with this key per time slot (the others are dropped). */
  singletonKey?: string;
  singletonSeconds?: number;
}

export interface DrainReport {
  /** Jobs whose handler returned. */
  completed: number;
  /** Every failed attempt, retries included, in order. */
  failures: { name: string; jobId: string; message: string }[];
}

export interface ScheduleInfo {
  name: string;
  cron: string;
  timezone: string;
  data: unknown;
}

export interface JobQueue {
  /** A queue this process writes to without working it here (its worker lives elsewhere or later). */
  declare(name: string, options?: QueueOptions): void;
  /** The handler of a queue (one per queue). A throwing handler fails the job, which pg-boss retries. */
  work<T extends JobData>(name: string, handler: JobHandler<T>, options?: WorkOptions): void;
  /** Sends `data` to the (declared or worked) queue `name` on `cron`, read in Asia/Ho_Chi_Minh time. */
  schedule(name: string, cron: string, data?: JobData): void;
  /**
   * Writes the job with `tx` (from `inTransaction`): it is committed or rolled back with the caller's
   * changes. Returns the job id, or null when a singleton slot already holds one.
   */
  enqueue<T extends JobData>(tx: Db, name: string, data: T, options?: EnqueueOptions): Promise<string | null>;
  /**
   * The statement that enqueues several plain jobs of one queue (no options), not yet run: the caller
   * runs it in its transaction, alone or as a CTE of a larger statement (the dossier write does, one
   * round trip fewer per shared transaction), so the jobs commit with the change.
   */
  enqueueManyStatement<T extends JobData>(name: string, data: readonly T[]): Promise<SQL>;
  start(): Promise<void>;
  /** Stops polling, waits for running handlers (up to 30 s), then lets no more SQL through. */
  stop(): Promise<void>;
  /**
   * Runs every ready job of the queues with a handler here (or of `names`), in this call, until none
   * is left, retries included; for tests and maintenance commands, so nobody waits for a poll.
   */
  drain(options?: { names?: readonly string[] }): Promise<DrainReport>;
  /** The schedules stored in the database. */
  schedules(): Promise<ScheduleInfo[]>;
}

/** What the queue reports to the application's log (Fastify's pino logger fits). */
export interface JobLog {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface JobQueueOptions {
  /** Poll, run handlers and fire schedules in this process (JOBS_ENABLED). */
  enabled: boolean;
  log?: JobLog;
  /** Seconds between pg-boss's checks for due schedules (default 30; 1 in tests). */
  schedulePollSeconds?: number;
}

export const scheduleTimeZone = 'Asia/Ho_Chi_Minh';
const stopTimeoutMs = 30_000;
const drainLimit = 10_000;

const consoleLog: JobLog = {
  error: (details, message) => console.error(message, details),
  warn: (details, message) => console.warn(message, details),
};

interface Registration {
  options: QueueOptions;
  handler: JobHandler<JobData> | null;
  work: WorkOptions;
}

export function createJobQueue(database: Pick<Database, 'raw'>, options: JobQueueOptions): JobQueue {
  return new PgBossJobQueue(database.raw, options);
}

class PgBossJobQueue implements JobQueue {
  readonly #sql: TrackedSql;
  readonly #boss: PgBoss;
  readonly #log: JobLog;
  readonly #enabled: boolean;
  readonly #queues = new Map<string, Registration>();
  readonly #schedules = new Map<string, { cron: string; data: JobData }>();
  #state: 'new' | 'starting' | 'started' | 'stopped' = 'new';
  #starting: Promise<void> | null = null;

  constructor(raw: RawSql, options: JobQueueOptions) {
    this.#sql = new TrackedSql(raw);
    this.#log = options.log ?? consoleLog;
    this.#enabled = options.enabled;
    this.#boss = new PgBoss({
      db: this.#sql,
      // Maintenance and schedules run only where jobs run; a disabled process only installs and sends.
      supervise: options.enabled,
      schedule: options.enabled,
      ...(options.schedulePollSeconds === undefined
        ? {}
        : {
            cronMonitorIntervalSeconds: options.schedulePollSeconds,
            cronWorkerIntervalSeconds: options.schedulePollSeconds,
          }),
    });
    this.#boss.on('error', (error: unknown) => this.#log.error({ err: error }, 'hàng đợi công việc: lỗi'));
  }

  declare(name: string, options: QueueOptions = {}): void {
    this.#register(name, { options, handler: null, work: {} });
  }

  work<T extends JobData>(name: string, handler: JobHandler<T>, options: WorkOptions = {}): void {
    this.#register(name, { options, handler: handler as JobHandler<JobData>, work: options });
  }

  schedule(name: string, cron: string, data: JobData = {}): void {
    this.#assertRegistering(name);
    this.#schedules.set(name, { cron, data });
  }

  async enqueue<T extends JobData>(
    tx: Db,
    name: string,
    data: T,
    options: EnqueueOptions = {},
  ): Promise<string | null> {
    this.#assertSending(name);
    return this.#boss.send(name, data, { ...sendOptions(options), db: transactionSql(tx) });
  }

  #assertSending(name: string): void {
    if (this.#state !== 'started') {
      throw new Error(
        `Hàng đợi công việc chưa chạy, không thể thêm "${name}" / the job queue is ${this.#state === 'stopped' ? 'stopped' : 'not started'}: cannot enqueue "${name}"`,
      );
    }
    // pg-boss would silently drop a job for a queue that does not exist.
    if (!this.#queues.has(name)) {
      throw new Error(
        `Hàng đợi "${name}" chưa được khai báo / queue "${name}" is not declared (declare() or work() it before start())`,
      );
    }
  }

  async enqueueManyStatement<T extends JobData>(name: string, data: readonly T[]): Promise<SQL> {
    this.#assertSending(name);
    if (data.length === 0) throw new Error('enqueueManyStatement: no jobs');
    // pg-boss builds its multi-job insert and hands it to `executeSql`: keep it instead of running it.
    let statement: SQL | null = null;
    await this.#boss.insert(
      data.map((d) => ({ name, data: d })),
      {
        db: {
          async executeSql(text, values = []) {
            statement = parameterisedSql(text, values, { embeddable: true });
            return { rows: [] };
          },
        },
      },
    );
    if (statement === null) throw new Error('enqueueManyStatement: pg-boss built no statement');
    return statement;
  }

  start(): Promise<void> {
    if (this.#state === 'stopped') return Promise.reject(new Error('Hàng đợi đã dừng / job queue stopped'));
    this.#starting ??= this.#start();
    return this.#starting;
  }

  async #start(): Promise<void> {
    this.#state = 'starting';
    for (const name of this.#schedules.keys()) {
      if (!this.#queues.has(name))
        throw new Error(`Lịch "${name}" không có hàng đợi / schedule "${name}" has no declared queue`);
    }
    await this.#boss.start();
    for (const [name, registration] of this.#queues) {
      const queue = queueOptions(registration.options);
      // create_queue ignores an existing queue; the update applies options changed since.
      await this.#boss.createQueue(name, { name, ...queue });
      await this.#boss.updateQueue(name, { name, ...queue });
    }
    for (const [name, s] of this.#schedules)
      await this.#boss.schedule(name, s.cron, s.data, { tz: scheduleTimeZone });
    if (this.#enabled) {
      // The process that runs the jobs owns the schedule list: a schedule removed from the code stops.
      for (const stored of await this.#boss.getSchedules())
        if (!this.#schedules.has(stored.name)) await this.#boss.unschedule(stored.name);
      for (const [name, registration] of this.#queues) {
        const handler = registration.handler;
        if (handler === null) continue;
        await this.#boss.work<JobData>(
          name,
          {
            batchSize: registration.work.batchSize ?? 10,
            ...(registration.work.pollingIntervalSeconds === undefined
              ? {}
              : { pollingIntervalSeconds: registration.work.pollingIntervalSeconds }),
          },
          async (jobs) => {
            // One by one: a failing job is failed alone; pg-boss then completes the rest of the batch.
            for (const job of jobs) {
              try {
                await handler(toJob(job));
              } catch (error) {
                this.#log.warn({ err: error, queue: name, jobId: job.id }, 'công việc thất bại / job failed');
                await this.#boss.fail(name, job.id, errorDetails(error));
              }
            }
          },
        );
      }
    }
    this.#state = 'started';
  }

  async stop(): Promise<void> {
    if (this.#state === 'stopped') return;
    if (this.#starting) await this.#starting.catch(() => undefined);
    this.#state = 'stopped';
    await this.#boss.stop({ graceful: true, timeout: stopTimeoutMs, close: false });
    // Polls and completions already sent must finish before the caller closes the database.
    await this.#sql.closeWhenSettled();
  }

  async drain(options: { names?: readonly string[] } = {}): Promise<DrainReport> {
    if (this.#state !== 'started') throw new Error('Hàng đợi công việc chưa chạy / job queue not started');
    const report: DrainReport = { completed: 0, failures: [] };
    const handlers = [...this.#queues].filter(
      ([name, r]) => r.handler !== null && (options.names === undefined || options.names.includes(name)),
    );
    for (let ran = -1, total = 0; ran !== 0; ) {
      ran = 0;
      for (const [name, registration] of handlers) {
        for (const job of await this.#boss.fetch<JobData>(name, { batchSize: 20 })) {
          ran++;
          try {
            await registration.handler!(toJob(job));
            await this.#boss.complete(name, job.id);
            report.completed++;
          } catch (error) {
            await this.#boss.fail(name, job.id, errorDetails(error));
            report.failures.push({
              name,
              jobId: job.id,
              message: (error as Error)?.message ?? String(error),
            });
          }
        }
      }
      total += ran;
      if (total > drainLimit)
        throw new Error(`drain(): hơn ${drainLimit} công việc / more than ${drainLimit} jobs: a job loop?`);
    }
    return report;
  }

  async schedules(): Promise<ScheduleInfo[]> {
    const rows = await this.#boss.getSchedules();
    return rows.map((r) => ({
      name: r.name,
      cron: r.cron,
      timezone: (r as { timezone?: string }).timezone ?? 'UTC',
      data: r.data ?? null,
    }));
  }

  #register(name: string, registration: Registration): void {
    this.#assertRegistering(name);
    if (!/^[\w.-]+$/.test(name))
      throw new Error(`Tên hàng đợi không hợp lệ / invalid queue name "${name}" (letters, digits, . _ -)`);
    if (this.#queues.has(name))
      throw new Error(`Hàng đợi "${name}" đã đăng ký / queue "${name}" registered twice`);
    this.#queues.set(name, registration);
  }

  #assertRegistering(name: string): void {
    if (this.#state !== 'new')
      throw new Error(`Đăng ký "${name}" trước khi khởi động / register "${name}" before start()`);
  }
}

function toJob(job: PgBoss.Job<JobData>): Job<JobData> {
  return { id: job.id, name: job.name, data: job.data };
}

function errorDetails(error: unknown): object {
  return error instanceof Error
    ? { name: error.name, message: error.message, stack: error.stack }
    : { message: String(error) };
}

function queueOptions(options: QueueOptions): Omit<PgBoss.Queue, 'name'> {
  return {
    ...(options.policy === undefined ? {} : { policy: options.policy }),
    ...(options.retryLimit === undefined ? {} : { retryLimit: options.retryLimit }),
    ...(options.retryDelaySeconds === undefined ? {} : { retryDelay: options.retryDelaySeconds }),
    ...(options.retryBackoff === undefined ? {} : { retryBackoff: options.retryBackoff }),
    ...(options.expireInSeconds === undefined ? {} : { expireInSeconds: options.expireInSeconds }),
  };
}

function sendOptions(options: EnqueueOptions): PgBoss.SendOptions {
  return {
    ...(options.startAfter === undefined ? {} : { startAfter: options.startAfter }),
    ...(options.priority === undefined ? {} : { priority: options.priority }),
    ...(options.singletonKey === undefined ? {} : { singletonKey: options.singletonKey }),
    ...(options.singletonSeconds === undefined ? {} : { singletonSeconds: options.singletonSeconds }),
  };
}

/**
 * pg-boss's SQL through our database: statements with parameters one by one, its parameterless
 * maintenance scripts (several statements, own BEGIN … COMMIT) as scripts. Keeps count of what is in
 * flight, so `stop()` can wait for it before the database is closed.
 */
class TrackedSql implements PgBoss.Db {
  readonly #raw: RawSql;
  readonly #inFlight = new Set<Promise<unknown>>();
  #closed = false;

  constructor(raw: RawSql) {
    this.#raw = raw;
  }

  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
    if (this.#closed) return Promise.reject(new Error('Hàng đợi đã dừng / job queue stopped'));
    const running =
      values === undefined || values.length === 0 ? this.#raw.script(text) : this.#raw.query(text, values);
    this.#inFlight.add(running);
    void running.then(
      () => this.#inFlight.delete(running),
      () => this.#inFlight.delete(running),
    );
    return running;
  }

  async closeWhenSettled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
    this.#closed = true;
  }
}

/** pg-boss's `executeSql` over a Drizzle transaction, the same way on both drivers. */
export function transactionSql(tx: Db): PgBoss.Db {
  return {
    async executeSql(text, values = []) {
      const result = (await tx.execute(parameterisedSql(text, values))) as unknown as { rows: unknown[] };
      return { rows: result.rows };
    },
  };
}

/**
 * Text with `$1…$n` and its values as a Drizzle query. Drizzle numbers its parameters in order of
 * appearance, so each `$k` becomes a Drizzle parameter at its first appearance (numbered in that order)
 * and is referred to by that number after: one parameter per value, as in the original (PostgreSQL
 * infers one type per parameter; splitting a parameter used twice could change the types it infers).
 * pg-boss's multi-job insert uses `$2…$6` before `$1`. Text naming a value that does not exist, or
 * leaving one unused, is refused rather than misnumbered. `$k` inside '…' is left alone.
 */
export function parameterisedSql(
  text: string,
  values: readonly unknown[],
  /**
   * The result will be part of a larger statement, where Drizzle renumbers every parameter: a `$k`
   * used twice cannot refer back to its first number there, so it is refused.
   */
  options: { embeddable?: boolean } = {},
): SQL {
  const chunks: SQL[] = [];
  /** The original `$k` → Drizzle's number for it. */
  const numbered = new Map<number, number>();
  let copiedUpTo = 0;
  for (const match of text.matchAll(/'(?:[^']|'')*'|\$(\d+)/g)) {
    if (match[1] === undefined) continue;
    const number = Number(match[1]);
    if (number < 1 || number > values.length)
      throw new Error(`parameterisedSql: $${number} but ${values.length} values`);
    chunks.push(sql.raw(text.slice(copiedUpTo, match.index)));
    const drizzleNumber = numbered.get(number);
    if (drizzleNumber === undefined) {
      const value = values[number - 1];
      chunks.push(sql`${sql.param(value === undefined ? null : value)}`);
      numbered.set(number, numbered.size + 1);
    } else {
      if (options.embeddable === true)
        throw new Error(
          `parameterisedSql: $${number} is used twice, which a larger statement would misnumber`,
        );
      chunks.push(sql.raw(`$${drizzleNumber}`));
    }
    copiedUpTo = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(copiedUpTo)));
  if (numbered.size !== values.length)
    throw new Error(`parameterisedSql: ${values.length} values for ${numbered.size} parameters`);
  return sql.join(chunks);
}

/**
 * For processes that never enqueue (read-only CLI commands): every use says so clearly instead of
 * failing somewhere inside pg-boss.
 */
export function unavailableJobQueue(where: string): JobQueue {
  const refuse = (): never => {
    throw new Error(
      `Hàng đợi công việc không có trong ${where} / no job queue in ${where}: this command cannot enqueue jobs`,
    );
  };
  return {
    declare: () => undefined,
    work: () => undefined,
    schedule: () => undefined,
    enqueue: async () => refuse(),
    enqueueManyStatement: async () => refuse(),
    start: async () => undefined,
    stop: async () => undefined,
    drain: async () => refuse(),
    schedules: async () => [],
  };
}
