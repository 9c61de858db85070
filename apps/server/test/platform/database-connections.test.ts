import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { type Database, openDatabase } from '../../src/platform/database';
import { type OpenedTestDatabase, openTestDatabase } from '../support/test-database';

// The pool's connections on a PostgreSQL server: one the server ends while idle (a restart, an
// administrator, a database dropped with force) must not end the process, and `close()` returns only
// once the server has ended every connection (a database dropped right after finds none to force).
const onPostgres = inject('testDb') === 'postgres';
const TEMP_TABLES = 300;

describe.runIf(onPostgres)('database connections (PostgreSQL)', () => {
  let opened: OpenedTestDatabase;
  let database: Database;
  let admin: pg.Client;
  let closed = false;
  const close = async () => {
    closed = true;
    await database.close();
  };
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);

  beforeEach(async () => {
    opened = await openTestDatabase();
    database = await openDatabase({ databaseUrl: opened.url, dataDir: null, poolSize: 4 });
    admin = new pg.Client({ connectionString: opened.url! });
    await admin.connect();
    uncaught.length = 0;
    // Seen here instead of by vitest: a listener besides vitest's own makes it leave the error alone.
    process.on('uncaughtException', onUncaught);
  });
  afterEach(async () => {
    process.off('uncaughtException', onUncaught);
    await admin?.end();
    if (!closed) await database?.close();
    closed = false;
    await opened?.drop();
  });

  /** Backends of the test database besides `admin`'s own. */
  async function backends(): Promise<number[]> {
    const { rows } = await admin.query<{ pid: number }>(
      `select pid from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
    );
    return rows.map((r) => r.pid);
  }

  /**
   * Four idle connections in the pool: four statements at once, each holding one for a moment. Each
   * leaves temporary tables behind, which its backend drops when it ends: ending takes it a while.
   */
  async function fillPool(): Promise<void> {
    const slowToEnd = `do $$ begin
      for i in 1..${TEMP_TABLES} loop execute format('create temp table t%s (x int)', i); end loop;
      perform pg_sleep(0.05);
    end $$`;
    await Promise.all([1, 2, 3, 4].map(() => database.raw.query(slowToEnd)));
    expect(await backends()).toHaveLength(4);
  }

  it('survives the server ending its idle connections, and opens new ones', async () => {
    await fillPool();
    for (const pid of await backends()) {
      await admin.query('select pg_terminate_backend($1)', [pid]);
    }
    // The pool sees each connection end (SQLSTATE 57P01 on its socket) and lets it go.
    const deadline = Date.now() + 10_000;
    while ((await backends()).length > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
    expect(uncaught).toEqual([]);
    const { rows } = await database.raw.query('select 41 + 1 as answer');
    expect(rows).toEqual([{ answer: 42 }]);
    await close();
    expect(uncaught).toEqual([]);
  });

  it('closes only once the server has ended every connection', async () => {
    await fillPool();
    await close();
    expect(await backends()).toEqual([]);
  });
});

// On PGlite there is no server and no pool; the file must still hold a test for vitest.
describe.runIf(!onPostgres)('database connections (PGlite)', () => {
  it('closes its in-process database', async () => {
    const database = await openDatabase({ databaseUrl: null, dataDir: null });
    expect((await database.raw.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    await database.close();
    await expect(database.raw.query('select 1')).rejects.toThrow();
  });
});
