import { desc, sql } from 'drizzle-orm';
import { boolean, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/platform/database';
import { insertRowsFromJson } from '../../src/platform/json-rows';
import { type OpenedTestDatabase, openTestDatabase } from '../support/test-database';

// Rows inserted from one JSON parameter come back as Drizzle's own insert would store them, on the
// configured database (PGlite or PostgreSQL), for each column type the dossier tables use.
const sample = pgTable('json_rows_sample', {
  id: uuid('id').primaryKey(),
  label: text('label').notNull(),
  count: integer('count').notNull(),
  flagged: boolean('flagged').notNull().default(false),
  day: date('day', { mode: 'string' }),
  at: timestamp('at', { withTimezone: true }).notNull(),
  agencyIds: uuid('agency_ids').array().notNull(),
  body: jsonb('body').$type<{ name: string; items: number[] }>().notNull(),
  note: text('note').default('none'),
});

let opened: OpenedTestDatabase;
let database: Database;

beforeAll(async () => {
  opened = await openTestDatabase();
  database = await openDatabase({ databaseUrl: opened.url, dataDir: null, poolSize: 2 });
  await database.raw.script(`create table json_rows_sample (
    id uuid primary key, label text not null, count integer not null, flagged boolean not null default false,
    day date, at timestamptz not null, agency_ids uuid[] not null, body jsonb not null, note text default 'none')`);
});
afterAll(async () => {
  await database?.close();
  await opened?.drop();
});

const ids = ['2f1c7a0e-4b8d-4e4a-9a53-1d2b3c4d5e6f', '7a9b8c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'];

describe('insertRowsFromJson', () => {
  it('stores every column type as Drizzle would, leaves columns given in no row to their defaults', async () => {
    const at = new Date('2026-03-02T02:15:30.123Z');
    const rows = [
      {
        id: ids[0]!,
        label: 'Hồ sơ "một" \\ cửa',
        count: 3,
        flagged: true,
        day: '2026-03-02',
        at,
        agencyIds: [ids[0]!, ids[1]!],
        body: { name: 'Tờ khai', items: [1, 2] },
      },
      {
        id: ids[1]!,
        label: 'hai',
        count: 0,
        flagged: false,
        day: null,
        at,
        agencyIds: [],
        body: { name: '', items: [] },
      },
    ];
    const result = (await database.db.execute(
      sql`with ins as (${insertRowsFromJson(sample, rows, { returning: ['id'] })}) select count(*)::int as n from ins`,
    )) as unknown as { rows: { n: number }[] };
    expect(result.rows[0]!.n).toBe(2);
    const stored = await database.db.select().from(sample).orderBy(desc(sample.count));
    expect(stored).toEqual([
      { ...rows[0], note: 'none' },
      { ...rows[1], note: 'none' },
    ]);
  });

  it('upserts with an on-conflict clause (the daily counters add up)', async () => {
    const at = new Date('2026-03-02T02:15:30.123Z');
    const row = (id: string, count: number) => ({
      id,
      label: 'đếm',
      count,
      at,
      agencyIds: [],
      body: { name: '', items: [] },
    });
    await database.db.execute(
      insertRowsFromJson(sample, [row(ids[0]!, 2), row('5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f', 4)], {
        onConflict: 'on conflict (id) do update set count = json_rows_sample.count + excluded.count',
      }),
    );
    const counts = await database.db.select({ id: sample.id, count: sample.count }).from(sample);
    expect(Object.fromEntries(counts.map((c) => [c.id, c.count]))).toEqual({
      [ids[0]!]: 5, // 3 from the first test, plus 2
      [ids[1]!]: 0,
      '5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f': 4,
    });
  });

  it('refuses rows that give a column in some rows only (JSON would store NULL, not the default)', () => {
    const at = new Date();
    const base = { label: 'x', count: 1, at, agencyIds: [], body: { name: '', items: [] } };
    expect(() =>
      insertRowsFromJson(sample, [
        { ...base, id: ids[0]!, note: 'given' },
        { ...base, id: ids[1]! },
      ]),
    ).toThrow(/note given in some rows only/);
    expect(() => insertRowsFromJson(sample, [])).toThrow(/no rows/);
  });
});
