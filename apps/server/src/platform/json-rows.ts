import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';

/**
 * An INSERT of many rows sent as one JSON parameter (`jsonb_to_recordset`), for the hottest writes:
 * Drizzle's insert builder walks every value of every row through its SQL tree (about a tenth of the
 * app's time per reception in a CPU profile of the intake bench), where this serialises the rows once
 * with `JSON.stringify` and lets PostgreSQL convert each field to its column's type. The statement text
 * depends only on the table and the columns given, so the server sees the same text every time.
 *
 * Rows are the table's insert objects (TypeScript keys); every row must give the same columns (a column
 * left out of every row gets its default; left out of some rows only, it is refused, since JSON would
 * turn it into NULL rather than the default). `Date`s become ISO strings, arrays and objects JSON, as
 * the column types expect (timestamptz, uuid[], jsonb…).
 */
export function insertRowsFromJson<T extends PgTable>(
  table: T,
  rows: readonly T['$inferInsert'][],
  options: {
    returning?: readonly (keyof T['$inferSelect'] & string)[];
    /** An `on conflict …` clause, as SQL text (no values: it is written as given). */
    onConflict?: string;
  } = {},
): SQL {
  const { returning, onConflict } = options;
  if (rows.length === 0) throw new Error('insertRowsFromJson: no rows');
  const columns = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  const given = rows as readonly Record<string, unknown>[];
  const keys = Object.keys(columns).filter((k) => given[0]![k] !== undefined);
  for (const row of given)
    for (const k of Object.keys(columns))
      if ((row[k] === undefined) !== (given[0]![k] === undefined))
        throw new Error(`insertRowsFromJson: column ${k} given in some rows only`);
  const { name, schema } = getTableConfig(table);
  const target = schema ? `"${schema}"."${name}"` : `"${name}"`;
  const names = keys.map((k) => `"${columns[k]!.name}"`).join(', ');
  const fields = keys.map((k) => `r."${k}"`).join(', ');
  const types = keys.map((k) => `"${k}" ${columns[k]!.getSQLType()}`).join(', ');
  const returned =
    returning && returning.length > 0
      ? ` returning ${returning.map((k) => `"${columns[k]!.name}"`).join(', ')}`
      : '';
  const conflict = onConflict === undefined ? '' : ` ${onConflict}`;
  return sql`insert into ${sql.raw(target)} (${sql.raw(names)})
    select ${sql.raw(fields)} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${sql.raw(types)})${sql.raw(conflict)}${sql.raw(returned)}`;
}
