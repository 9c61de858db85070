import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type OpenedTestDatabase, openTestDatabase } from '../support/test-database.js';

// What the rest of the suite relies on: each file gets an empty database of the configured kind, and
// Vietnamese diacritic-insensitive search (unaccent maps Đ→D, pg_trgm) is available on it.
interface Sql {
  query<T>(text: string): Promise<T[]>;
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}

async function connect(database: OpenedTestDatabase): Promise<Sql> {
  if (database.kind === 'pglite') {
    const db = new PGlite({ extensions: { unaccent, pg_trgm } });
    return {
      query: async <T>(text: string) => (await db.query<T>(text)).rows,
      exec: async (text) => {
        await db.exec(text);
      },
      close: () => db.close(),
    };
  }
  const client = new pg.Client({ connectionString: database.url! });
  await client.connect();
  return {
    query: async <T>(text: string) => (await client.query(text)).rows as T[],
    exec: async (text) => {
      await client.query(text);
    },
    close: () => client.end(),
  };
}

describe(`test database (${inject('testDb')})`, () => {
  let database: OpenedTestDatabase;
  let sql: Sql;

  beforeAll(async () => {
    database = await openTestDatabase();
    sql = await connect(database);
  });

  afterAll(async () => {
    await sql?.close();
    await database?.drop();
  });

  it('is the kind MOTCUA_TEST_DB asked for', () => {
    expect(database.kind).toBe(process.env.MOTCUA_TEST_DB ?? 'pglite');
    if (database.kind === 'postgres') expect(database.url).toMatch(/^postgres:\/\/.+@.+\/motcua_t_/);
    else expect(database.url).toBeNull();
  });

  it('answers a query', async () => {
    expect(await sql.query<{ one: number }>('select 1 as one')).toEqual([{ one: 1 }]);
  });

  it('starts empty: no tables outside the system schemas', async () => {
    const rows = await sql.query<{ n: number }>(
      "select count(*)::int as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')",
    );
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('supports Vietnamese search: unaccent maps Đ to D, pg_trgm matches without diacritics', async () => {
    await sql.exec('create extension if not exists unaccent; create extension if not exists pg_trgm');
    expect(await sql.query<{ plain: string }>("select unaccent('Đăng ký khai sinh') as plain")).toEqual([
      { plain: 'Dang ky khai sinh' },
    ]);
    const [row] = await sql.query<{ similar: boolean }>(
      "select unaccent('Đăng ký khai sinh') % 'dang ky khai sinh' as similar",
    );
    expect(row?.similar).toBe(true);
  });
});

describe.runIf(inject('testDb') === 'postgres')('test databases on PostgreSQL', () => {
  it('are isolated from each other and dropped afterwards', async () => {
    const first = await openTestDatabase();
    const second = await openTestDatabase();
    expect(first.url).not.toBe(second.url);
    const a = new pg.Client({ connectionString: first.url! });
    const b = new pg.Client({ connectionString: second.url! });
    await a.connect();
    await b.connect();
    try {
      await a.query('create table marker (id int)');
      const seen = await b.query("select to_regclass('public.marker') as t");
      expect(seen.rows).toEqual([{ t: null }]);
    } finally {
      await a.end();
      await b.end();
    }
    const name = new URL(first.url!).pathname.slice(1);
    await first.drop();
    await second.drop();
    const admin = new pg.Client({ connectionString: inject('postgresAdminUrl')! });
    await admin.connect();
    try {
      const left = await admin.query('select 1 from pg_database where datname = $1', [name]);
      expect(left.rowCount).toBe(0);
    } finally {
      await admin.end();
    }
  });
});
