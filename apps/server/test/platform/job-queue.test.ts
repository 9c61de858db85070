import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, inTransaction, openDatabase, type RawSql } from '../../src/platform/database';
import {
  createJobQueue,
  type JobQueue,
  type JobQueueOptions,
  parameterisedSql,
  unavailableJobQueue,
} from '../../src/platform/job-queue';
import { type OpenedTestDatabase, openTestDatabase } from '../support/test-database';

// The job queue on the configured database (PGlite or PostgreSQL): pg-boss installs itself, jobs are
// written inside the caller's transaction, workers and schedules run. No test sleeps: each waits for
// the event it expects (a handler called), or runs the jobs itself with drain().

let opened: OpenedTestDatabase;
let database: Database;
const queues: JobQueue[] = [];

beforeAll(async () => {
  opened = await openTestDatabase();
  database = await openDatabase({ databaseUrl: opened.url, dataDir: null, poolSize: 4 });
  await database.raw.script('create table scratch (id int primary key)');
});

afterEach(async () => {
  for (const queue of queues.splice(0)) await queue.stop();
});

afterAll(async () => {
  await database.close();
  await opened.drop();
});

function queue(options: Partial<JobQueueOptions> = {}, raw: RawSql = database.raw): JobQueue {
  const created = createJobQueue({ raw }, { enabled: false, log: silent, ...options });
  queues.push(created);
  return created;
}

const silent = { error: () => undefined, warn: () => undefined };

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

async function jobRows(name: string): Promise<{ id: string; state: string; data: unknown }[]> {
  const { rows } = await database.raw.query('select id, state, data from pgboss.job where name = $1', [name]);
  return rows as { id: string; state: string; data: unknown }[];
}

describe(`job queue (${inject('testDb')})`, () => {
  it('a job enqueued in a committed transaction is run by a polling worker', async () => {
    const ran = deferred<{ id: string; data: unknown }>();
    const jobs = queue({ enabled: true });
    jobs.work<{ dossierId: string }>(
      'test.committed',
      async (job) => ran.resolve({ id: job.id, data: job.data }),
      { pollingIntervalSeconds: 0.5 },
    );
    await jobs.start();

    const id = await inTransaction(database.db, async (tx) => {
      await tx.execute(sql`insert into scratch (id) values (1)`);
      return jobs.enqueue(tx, 'test.committed', { dossierId: 'H99.1-260302-0001', at: new Date(0) });
    });

    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // JSON in, JSON out: the date arrives as its ISO text.
    expect(await ran.promise).toEqual({
      id,
      data: { dossierId: 'H99.1-260302-0001', at: '1970-01-01T00:00:00.000Z' },
    });
  });

  it('a rolled-back transaction leaves neither its change nor its job', async () => {
    const jobs = queue();
    const handled: unknown[] = [];
    jobs.work('test.rollback', async (job) => {
      handled.push(job.data);
    });
    await jobs.start();

    await expect(
      inTransaction(database.db, async (tx) => {
        await tx.execute(sql`insert into scratch (id) values (2)`);
        await jobs.enqueue(tx, 'test.rollback', { n: 'rolled back' });
        // The job is there inside the transaction…
        const inside = await tx.execute(
          sql`select count(*)::int as n from pgboss.job where name = 'test.rollback'`,
        );
        expect((inside as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
        throw new Error('the command fails after enqueueing');
      }),
    ).rejects.toThrow('the command fails after enqueueing');
    // …and gone with it.
    expect(await jobRows('test.rollback')).toEqual([]);
    expect((await database.raw.query('select id from scratch where id = 2')).rows).toEqual([]);

    await inTransaction(database.db, (tx) => jobs.enqueue(tx, 'test.rollback', { n: 'committed' }));
    expect(await jobs.drain()).toEqual({ completed: 1, failures: [] });
    expect(handled).toEqual([{ n: 'committed' }]);
    expect((await jobRows('test.rollback')).map((r) => r.state)).toEqual(['completed']);
  });

  it('enqueueManyStatement: jobs written as a CTE of a larger statement commit and roll back with it', async () => {
    const jobs = queue();
    const handled: unknown[] = [];
    jobs.work<{ n: number }>('test.many', async (job) => {
      handled.push(job.data.n);
    });
    await jobs.start();
    const write = async (tx: typeof database.db, id: number, ns: number[]) => {
      const enqueue = await jobs.enqueueManyStatement(
        'test.many',
        ns.map((n) => ({ n })),
      );
      await tx.execute(
        sql`with scratch_row as (insert into scratch (id) values (${id})), many_jobs as (${enqueue}) select 1`,
      );
    };
    await expect(
      inTransaction(database.db, async (tx) => {
        await write(tx, 3, [1, 2]);
        throw new Error('the command fails after writing');
      }),
    ).rejects.toThrow('the command fails after writing');
    expect(await jobRows('test.many')).toEqual([]);

    await inTransaction(database.db, (tx) => write(tx, 4, [3, 4, 5]));
    expect((await database.raw.query('select id from scratch where id = 4')).rows).toEqual([{ id: 4 }]);
    expect(await jobs.drain()).toEqual({ completed: 3, failures: [] });
    expect(handled.sort()).toEqual([3, 4, 5]);
  });

  it('drain() runs ready jobs in the test, retries failures and reports each attempt', async () => {
    const jobs = queue();
    let attempts = 0;
    jobs.work(
      'test.failing',
      async () => {
        attempts++;
        throw new Error('cổng quốc gia không trả lời');
      },
      { retryLimit: 1 },
    );
    const seen: number[] = [];
    jobs.work<{ n: number }>('test.chained', async (job) => {
      seen.push(job.data.n);
    });
    // A handler may enqueue follow-up jobs: drain() keeps going until nothing is ready.
    jobs.work<{ n: number }>('test.first', async (job) => {
      await inTransaction(database.db, (tx) => jobs.enqueue(tx, 'test.chained', { n: job.data.n + 1 }));
    });
    await jobs.start();
    await inTransaction(database.db, async (tx) => {
      await jobs.enqueue(tx, 'test.failing', {});
      await jobs.enqueue(tx, 'test.first', { n: 1 });
    });

    const report = await jobs.drain();

    expect(report.completed).toBe(2);
    expect(report.failures.map((f) => [f.name, f.message])).toEqual([
      ['test.failing', 'cổng quốc gia không trả lời'],
      ['test.failing', 'cổng quốc gia không trả lời'],
    ]);
    expect(attempts).toBe(2);
    expect(seen).toEqual([2]);
    expect((await jobRows('test.failing')).map((r) => r.state)).toEqual(['failed']);
    expect(await jobs.drain()).toEqual({ completed: 0, failures: [] });
  });

  it('stores schedules in Vietnam time, and a due schedule sends its job', async () => {
    const ran = deferred<unknown>();
    const jobs = queue({ enabled: true, schedulePollSeconds: 1 });
    jobs.work('test.every-minute', async (job) => ran.resolve(job.data), { pollingIntervalSeconds: 0.5 });
    jobs.declare('test.scan');
    jobs.schedule('test.scan', '*/5 * * * *');
    jobs.schedule('test.every-minute', '* * * * *', { source: 'cron' });
    await jobs.start();

    expect((await jobs.schedules()).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      {
        name: 'test.every-minute',
        cron: '* * * * *',
        timezone: 'Asia/Ho_Chi_Minh',
        data: { source: 'cron' },
      },
      { name: 'test.scan', cron: '*/5 * * * *', timezone: 'Asia/Ho_Chi_Minh', data: {} },
    ]);
    expect(await ran.promise).toEqual({ source: 'cron' });
  });

  it('the process that runs jobs drops schedules its code no longer registers', async () => {
    const first = queue();
    first.declare('test.old-report');
    first.schedule('test.old-report', '0 7 * * *');
    await first.start();
    expect((await first.schedules()).map((s) => s.name)).toContain('test.old-report');
    await first.stop();

    const running = queue({ enabled: true });
    running.declare('test.other');
    await running.start();
    expect((await running.schedules()).map((s) => s.name)).not.toContain('test.old-report');
  });

  it('a worker polling while an application transaction is open waits for it, without deadlock', async () => {
    // Single-session PGlite: the poll must queue behind the open transaction, not interleave with it.
    const polled = deferred<void>();
    let started = false;
    const watched: RawSql = {
      query: (text, values) => {
        if (started && /skip locked/i.test(text)) polled.resolve();
        return database.raw.query(text, values);
      },
      script: (text) => database.raw.script(text),
    };
    const ran = deferred<unknown>();
    const jobs = queue({ enabled: true }, watched);
    jobs.work('test.concurrent', async (job) => ran.resolve(job.data), { pollingIntervalSeconds: 0.5 });
    await jobs.start();
    started = true;

    await inTransaction(database.db, async (tx) => {
      await jobs.enqueue(tx, 'test.concurrent', { step: 'enqueued' });
      await polled.promise;
      // The transaction still works after the worker has asked for the connection.
      await tx.execute(sql`insert into scratch (id) values (3)`);
    });

    expect(await ran.promise).toEqual({ step: 'enqueued' });
  });

  it('refuses, with a clear error, what would lose a job silently', async () => {
    const jobs = queue();
    jobs.declare('test.known');
    await expect(inTransaction(database.db, (tx) => jobs.enqueue(tx, 'test.known', {}))).rejects.toThrow(
      /not started/,
    );
    await jobs.start();
    await expect(inTransaction(database.db, (tx) => jobs.enqueue(tx, 'test.unknown', {}))).rejects.toThrow(
      /queue "test.unknown" is not declared/,
    );
    expect(() => jobs.declare('test.late')).toThrow(/before start/);
    expect(() => queue().work('bad name!', async () => undefined)).toThrow(/invalid queue name/);
    const duplicate = queue();
    duplicate.declare('test.twice');
    expect(() => duplicate.declare('test.twice')).toThrow(/registered twice/);

    await expect(
      inTransaction(database.db, (tx) => unavailableJobQueue('motcua calendar').enqueue(tx, 'x', {})),
    ).rejects.toThrow(/no job queue in motcua calendar/);

    await jobs.stop();
    await expect(inTransaction(database.db, (tx) => jobs.enqueue(tx, 'test.known', {}))).rejects.toThrow(
      /stopped/,
    );
  });
});

describe('parameterisedSql (pg-boss text and values as a Drizzle query)', () => {
  it('keeps one parameter per value, so PostgreSQL infers one type for a parameter used twice', async () => {
    // Were the second `$1` a parameter of its own, it would be typed timestamptz and '30 seconds'
    // rejected, although that branch never runs: pg-boss's insert relies on this.
    const query = parameterisedSql(
      "select right($1, 1) as last, case when false then cast($1 as timestamptz) end as never, $2::int + $2::int as twice, '$1' as literal",
      ['30 seconds', 4],
    );
    const result = (await database.db.execute(query)) as unknown as { rows: unknown[] };
    expect(result.rows).toEqual([{ last: 's', never: null, twice: 8, literal: '$1' }]);
  });

  it('numbers parameters that first appear out of order by their first appearance', async () => {
    // pg-boss's insert of several jobs uses $2…$6 before $1.
    const query = parameterisedSql("select $2::int - $1::int as diff, $2::text || '-' || $3 as joined", [
      1,
      5,
      'x',
    ]);
    const result = (await database.db.execute(query)) as unknown as { rows: unknown[] };
    expect(result.rows).toEqual([{ diff: 4, joined: '5-x' }]);
  });

  it('refuses text it would misnumber', () => {
    expect(() => parameterisedSql('select $3, $1', [1, 2])).toThrow(/\$3 but 2 values/);
    expect(() => parameterisedSql('select $1', [1, 2])).toThrow(/2 values for 1 parameters/);
  });

  it('refuses a parameter used twice when the text will be part of a larger statement', () => {
    expect(() => parameterisedSql('select $1, $1', [1], { embeddable: true })).toThrow(/used twice/);
    expect(parameterisedSql('select $2, $1', [1, 2], { embeddable: true })).toBeDefined();
  });
});
