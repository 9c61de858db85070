import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, executePrepared, inTransaction, openDatabase } from '../../src/platform/database';
import { type OpenedTestDatabase, openTestDatabase } from '../support/test-database';

// A hot statement carries its rows as one JSON parameter, so its text is the same whatever their number:
// run as a named prepared statement, each connection parses it once and reuses it with new values.
let opened: OpenedTestDatabase;
let database: Database;

beforeAll(async () => {
  opened = await openTestDatabase();
  database = await openDatabase({ databaseUrl: opened.url, dataDir: null, poolSize: 1 });
});
afterAll(async () => {
  await database?.close();
  await opened?.drop();
});

const sum = (values: number[]) =>
  sql`select count(*)::int as n, coalesce(sum(v), 0)::int as total
      from jsonb_to_recordset(${JSON.stringify(values.map((v) => ({ v })))}::jsonb) as r(v int)`;

type Answer = { rows: { n: number; total: number }[] };

describe('executePrepared', () => {
  it('answers each call with its own values, one statement text whatever the number of rows', async () => {
    const db = database.db;
    expect(((await executePrepared(db, sum([1, 2, 3]))) as Answer).rows).toEqual([{ n: 3, total: 6 }]);
    expect(((await executePrepared(db, sum([40]))) as Answer).rows).toEqual([{ n: 1, total: 40 }]);
    expect(((await executePrepared(db, sum([]))) as Answer).rows).toEqual([{ n: 0, total: 0 }]);
    // Inside a transaction too, and a failing call leaves the statement usable.
    await expect(inTransaction(db, (tx) => executePrepared(tx, sql`select 1 / ${0}::int`))).rejects.toThrow();
    const inside = await inTransaction(db, async (tx) => (await executePrepared(tx, sum([5, 5]))) as Answer);
    expect(inside.rows).toEqual([{ n: 2, total: 10 }]);
  });

  it.runIf(inject('testDb') === 'postgres')(
    'is parsed once per connection on PostgreSQL: one named statement for every call',
    async () => {
      const named = (await database.db.execute(
        sql`select name, statement from pg_prepared_statements where name like 'motcua_%'`,
      )) as unknown as { rows: { name: string; statement: string }[] };
      // The pool has one connection: the sums above share one prepared statement, the division another.
      expect(named.rows.filter((r) => r.statement.includes('jsonb_to_recordset'))).toHaveLength(1);
      expect(named.rows.filter((r) => r.statement.includes('/'))).toHaveLength(1);
      expect(named.rows.every((r) => /^motcua_[0-9a-f]{32}$/.test(r.name))).toBe(true);
    },
  );
});
