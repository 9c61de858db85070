import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

/**
 * One schema, two engines: PGlite (embedded PostgreSQL, data in DATA_DIR) when no DATABASE_URL is
 * given, a PostgreSQL server otherwise. Code sees only `Db`, which a transaction also satisfies.
 */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** The driver under Drizzle, for libraries that speak SQL text (pg-boss); never inside a transaction. */
  readonly raw: RawSql;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * LISTEN on `channel` for as long as the returned function is not called. PostgreSQL: a dedicated
   * connection outside the pool, reconnected after a loss (`onLost`, then `onListening` again once it is
   * back: notifications sent in between are missed, so a listener must treat a loss as "anything may
   * have changed"). PGlite: its in-process notifications.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<() => Promise<void>>;
}

export interface ListenHandlers {
  onListening(): void;
  onNotify(payload: string): void;
  onLost(): void;
}

export interface RawSql {
  /** One statement with `$1…$n` parameters, outside any transaction. */
  query(text: string, values?: readonly unknown[]): Promise<{ rows: unknown[] }>;
  /**
   * Several statements without parameters, possibly wrapped in their own BEGIN … COMMIT; the result of
   * the last one. A failure rolls back what the script began, so the connection is never left inside
   * an aborted transaction (PGlite has only one session: it would block every later query).
   */
  script(text: string): Promise<{ rows: unknown[] }>;
}

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** `dataDir: null` keeps PGlite in memory (tests). */
export async function openDatabase(options: {
  databaseUrl: string | null;
  dataDir: string | null;
  poolSize?: number;
}): Promise<Database> {
  if (options.databaseUrl !== null) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string | null): Promise<Database> {
  let path: string | undefined;
  if (dataDir !== null) {
    path = join(dataDir, 'pglite');
    if (!existsSync(path)) mkdirSync(path, { recursive: true });
  }
  const client = await PGlite.create(path, { extensions: { unaccent, pg_trgm } });
  const db = drizzlePglite(client) as unknown as Db;
  // PGlite runs `query` and `exec` only when no transaction holds its single session, so raw
  // statements wait for an open Drizzle transaction instead of interleaving with it.
  const raw: RawSql = {
    query: (text, values) => client.query(text, values?.map(nullForUndefined)),
    async script(text) {
      try {
        const results = await client.exec(text);
        return results.at(-1) ?? { rows: [] };
      } catch (error) {
        if (client.isInTransaction()) await client.exec('ROLLBACK');
        throw error;
      }
    },
  };
  return {
    kind: 'pglite',
    db,
    raw,
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    close: () => client.close(),
    async listen(channel, handlers) {
      const unsubscribe = await client.listen(channel, handlers.onNotify);
      handlers.onListening();
      return unsubscribe;
    },
  };
}

// An arbitrary constant: the advisory lock that lets several app processes start at once and migrate once.
const migrationLockKey = 7_301_2018;

/** How long `close()` waits for the server to end the pool's connections once they are told to. */
const connectionsEndWithinMs = 5_000;

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  /** Each open connection, and when it ends: `close()` returns only once the server has ended them. */
  const open = new Map<pg.PoolClient, Promise<void>>();
  // Dates (not timestamps) stay strings: a legal date must never shift with the process's time zone.
  pool.on('connect', (c) => {
    c.setTypeParser(1082, (v: string) => v);
    open.set(
      c,
      new Promise((resolve) =>
        c.once('end', () => {
          open.delete(c);
          resolve();
        }),
      ),
    );
  });
  // An idle connection the server ended (a restart, an administrator, a dropped database): the pool has
  // already let it go and opens another when needed. Without a listener the pool's 'error' event would
  // end the process. While closing it is what closing does.
  pool.on('error', (error) => {
    if (!pool.ending)
      console.warn(`PostgreSQL: an idle connection was lost (${error.message}); the pool opens another`);
  });
  const db = drizzlePg(pool) as unknown as Db;
  const raw: RawSql = {
    query: (text, values) => pool.query(text, values?.map(nullForUndefined)),
    async script(text) {
      // One connection for the whole script, rolled back on failure before it returns to the pool.
      const client = await pool.connect();
      try {
        const results: unknown = await client.query(text);
        const last = Array.isArray(results) ? results.at(-1) : results;
        return { rows: (last as { rows?: unknown[] } | undefined)?.rows ?? [] };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
  return {
    kind: 'postgres',
    db,
    raw,
    async migrate() {
      const lockClient = await pool.connect();
      try {
        await lockClient.query('select pg_advisory_lock($1)', [migrationLockKey]);
        await migratePg(drizzlePg(pool), { migrationsFolder });
      } finally {
        await lockClient.query('select pg_advisory_unlock($1)', [migrationLockKey]).catch(() => undefined);
        lockClient.release();
      }
    },
    async close() {
      // `end()` resolves once it has told each connection to end, not once the server has ended them.
      await pool.end();
      await Promise.race([
        Promise.all(open.values()),
        sleep(connectionsEndWithinMs, undefined, { ref: false }),
      ]);
    },
    listen: (channel, handlers) => listenPostgres(url, channel, handlers),
  };
}

const relistenDelayMs = 1_000;

async function listenPostgres(
  url: string,
  channel: string,
  handlers: ListenHandlers,
): Promise<() => Promise<void>> {
  let stopped = false;
  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    retry = null;
    const client = new pg.Client({ connectionString: url });
    let lost = false;
    const onLoss = () => {
      if (lost) return;
      lost = true;
      if (current === client) current = null;
      handlers.onLost();
      client.end().catch(() => undefined);
      if (!stopped) retry = setTimeout(() => void connect(), relistenDelayMs);
    };
    client.on('error', onLoss);
    client.on('end', onLoss);
    client.on('notification', (message) => {
      if (message.channel === channel) handlers.onNotify(message.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`listen "${channel.replaceAll('"', '""')}"`);
    } catch {
      onLoss();
      return;
    }
    if (stopped || lost) {
      await client.end().catch(() => undefined);
      return;
    }
    current = client;
    handlers.onListening();
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const client = current;
    current = null;
    if (client) {
      client.removeAllListeners('end');
      client.removeAllListeners('error');
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  };
}

// Both drivers send `undefined` as NULL in practice, but only `null` is a documented parameter value.
function nullForUndefined(value: unknown): unknown {
  return value === undefined ? null : value;
}

export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/** Distinct statements `executePrepared` has named; past the limit it runs statements unnamed. */
const preparedNames = new Set<string>();
const PREPARED_LIMIT = 200;

interface DrizzleInternals {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
  session: {
    prepareQuery(
      query: { sql: string; params: unknown[] },
      fields: undefined,
      name: string | undefined,
      arrayMode: boolean,
    ): { execute(): Promise<unknown> };
  };
}

/**
 * Runs a statement as a named prepared statement (on PostgreSQL each connection parses it once and may
 * keep one generic plan, where an unnamed statement is parsed and planned on every call). For the hot
 * statements whose text does not depend on how many rows they carry (rows as one JSON parameter): the
 * name is the hash of the text, so equal texts share it. PGlite runs it as usual.
 */
export async function executePrepared(db: Db, query: SQL): Promise<unknown> {
  const internals = db as unknown as DrizzleInternals;
  const built = internals.dialect.sqlToQuery(query);
  let name: string | undefined =
    `motcua_${createHash('sha256').update(built.sql).digest('hex').slice(0, 32)}`;
  if (!preparedNames.has(name)) {
    if (preparedNames.size >= PREPARED_LIMIT) name = undefined;
    else preparedNames.add(name);
  }
  return internals.session.prepareQuery(built, undefined, name, false).execute();
}

/** One command, one transaction: everything `fn` writes commits together or not at all. */
export function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx as unknown as Db));
}

/** PostgreSQL's unique_violation, however the driver or Drizzle wrapped it. */
export function isUniqueViolation(error: unknown): boolean {
  return uniqueViolation(error) !== null;
}

/** The database's error with SQLSTATE `sqlState` in `error` (however wrapped), or null. */
export function databaseError(error: unknown, sqlState: string): { constraint?: unknown } | null {
  for (let e: unknown = error; e !== null && typeof e === 'object'; e = (e as { cause?: unknown }).cause)
    if ((e as { code?: unknown }).code === sqlState) return e as { constraint?: unknown };
  return null;
}

/** The unique_violation in `error` (however wrapped), with the constraint named when the driver says. */
export function uniqueViolation(error: unknown): { constraint: string | null } | null {
  const found = databaseError(error, '23505');
  if (!found) return null;
  return { constraint: typeof found.constraint === 'string' ? found.constraint : null };
}
