import type { DossierEvent } from '@motcua/domain/dossier/dossier-events';
import type { RollupDelta } from '@motcua/domain/dossier/dossier-rollup';
import type { DossierState } from '@motcua/domain/dossier/dossier-state';
import { and, asc, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { type Db, databaseError, executePrepared } from '../../platform/database';
import { insertRowsFromJson } from '../../platform/json-rows';
import { bookSequences, codeSequences, dailyRollups, dossiers, events, idempotencyKeys } from './schema';
import { asEvents, SnapshotWrites, withStates } from './snapshot-store';

/** SQL of the dossiers module. No rules here: the decider decides, the service orchestrates. */

/** A projection row with its state as the domain knows it (`snapshot-store` resolves what is stored). */
export type DossierRow = Omit<typeof dossiers.$inferSelect, 'state'> & { state: DossierState };
export type DossierProjection = Omit<typeof dossiers.$inferInsert, 'state'> & { state: DossierState };

export interface IntakeNumbersWanted {
  receivingAgencyId: string;
  day: string;
  /** The desk's tracking book, for a dossier accepted on the spot; null when none is wanted. */
  book: { bookKey: string; year: number } | null;
}

/**
 * The numbers of several receptions, each of a different receiving agency, in one statement (one round
 * trip): each one's code sequence and, when wanted, its book number, with the same row locks and the same
 * give-back on rollback as `nextBookNumber`: the row locks serialise concurrent intake at an agency, a
 * rollback gives the numbers back. In the order asked.
 */
export async function nextIntakeNumbers(
  tx: Db,
  wanted: readonly IntakeNumbersWanted[],
): Promise<{ sequence: number; book: number | null }[]> {
  if (wanted.length === 0) return [];
  const result = (await executePrepared(
    tx,
    sql`
    with ${sql.join(intakeNumberCtes(wanted), sql`, `)}
    select code.receiving_agency_id::text as agency, code.last as sequence, book.last as book
    from intake_code code left join intake_book book on book.receiving_agency_id = code.receiving_agency_id`,
  )) as {
    rows: { agency: string; sequence: number; book: number | null }[];
  };
  const byAgency = new Map(result.rows.map((r) => [r.agency, r]));
  return wanted.map((w) => {
    const r = byAgency.get(w.receivingAgencyId)!;
    return { sequence: Number(r.sequence), book: r.book === null ? null : Number(r.book) };
  });
}

/**
 * The numbers `wanted` take, as common table expressions of a larger statement (`intake_code`,
 * `intake_book`), with `condition`: true when each took the number `expected` says. The statement is
 * to select `intake_numbers_as_expected(condition)` first (`writeCommands`' `require`), which fails it
 * — all of it rolls back, the numbers are given back — when another writer took one of them first.
 * Taken first, the number rows are locked before anything else the statement writes, as in a
 * transaction that runs `nextIntakeNumbers` first.
 */
export function expectedIntakeNumbers(
  wanted: readonly IntakeNumbersWanted[],
  expected: readonly { sequence: number; book: number | null }[],
): { ctes: SQL[]; condition: SQL } {
  const forecast = wanted.map((w, i) => ({
    agency: w.receivingAgencyId,
    sequence: expected[i]!.sequence,
    book: w.book ? expected[i]!.book : null,
  }));
  return {
    ctes: [
      ...intakeNumberCtes(wanted),
      sql`intake_expected as (
        select * from jsonb_to_recordset(${JSON.stringify(forecast)}::jsonb) as e(agency uuid, sequence int, book int))`,
    ],
    condition: sql`not exists (
        select 1 from intake_expected e left join intake_code c on c.receiving_agency_id = e.agency
        where c.last is distinct from e.sequence)
      and not exists (
        select 1 from intake_expected e left join intake_book b on b.receiving_agency_id = e.agency
        where e.book is not null and b.last is distinct from e.book)`,
  };
}

/** The error of a statement whose forecast numbers another writer took first (migration 0021). */
export function intakeNumbersMoved(error: unknown): boolean {
  return databaseError(error, 'MC001') !== null;
}

/**
 * Each reception's code sequence +1 (`intake_code`) and, when wanted, its book number +1 (`intake_book`),
 * returning the numbers taken. Rows are locked in a fixed order, so two such statements in flight wait
 * for each other rather than deadlock: every code row first (in the order given: callers sort by
 * agency), then every book row — the book upsert reads the count of the code upsert's rows, which makes
 * PostgreSQL finish the codes before it takes any book row, whatever plan it picks for the rest.
 */
function intakeNumberCtes(wanted: readonly IntakeNumbersWanted[]): SQL[] {
  if (new Set(wanted.map((w) => w.receivingAgencyId)).size !== wanted.length)
    throw new Error('intake numbers: one reception per receiving agency');
  const codes = wanted.map((w) => ({ agency: w.receivingAgencyId, day: w.day }));
  const books = wanted.flatMap((w) =>
    w.book ? [{ agency: w.receivingAgencyId, book_key: w.book.bookKey, year: w.book.year }] : [],
  );
  return [
    sql`intake_code as (
      insert into ${codeSequences} as s (receiving_agency_id, day, last)
      select w.agency, w.day, 1 from jsonb_to_recordset(${JSON.stringify(codes)}::jsonb) as w(agency uuid, day date)
      on conflict (receiving_agency_id, day) do update set last = s.last + 1
      returning s.receiving_agency_id, s.last)`,
    sql`intake_codes_taken as (select count(*) as n from intake_code)`,
    sql`intake_book as (
      insert into ${bookSequences} as b (receiving_agency_id, book_key, year, last)
      select w.agency, w.book_key, w.year, 1
      from intake_codes_taken, jsonb_to_recordset(${JSON.stringify(books)}::jsonb) as w(agency uuid, book_key text, year int)
      on conflict (receiving_agency_id, book_key, year) do update set last = b.last + 1
      returning b.receiving_agency_id, b.last)`,
  ];
}

/** Takes the next number of a desk's yearly tracking book (row-locked until commit, given back on rollback). */
export async function nextBookNumber(tx: Db, receivingAgencyId: string, bookKey: string, year: number) {
  const [row] = await tx
    .insert(bookSequences)
    .values({ receivingAgencyId, bookKey, year, last: 1 })
    .onConflictDoUpdate({
      target: [bookSequences.receivingAgencyId, bookSequences.bookKey, bookSequences.year],
      set: { last: sql`${bookSequences.last} + 1` },
    })
    .returning({ last: bookSequences.last });
  return row!.last;
}

function eventRows(
  receivingAgencyId: string,
  dossierId: string,
  fromVersion: number,
  list: readonly DossierEvent[],
  snapshotWrites: SnapshotWrites,
) {
  return list.map((e, i) => ({
    receivingAgencyId,
    dossierId,
    seq: fromVersion + i + 1,
    type: e.type,
    occurredAt: new Date(e.at),
    actorUserId: e.actor.userId,
    body: snapshotWrites.event(e),
  }));
}

type RollupKey = { receivingAgencyId: string; procedureId: string; channel: string };

/** One row per counter (a counter's conflict target may appear once in an upsert), summing the deltas. */
function mergedRollups(items: readonly { rollupKey: RollupKey; deltas: readonly RollupDelta[] }[]) {
  const merged = new Map<string, RollupKey & { day: string; metric: string; count: number }>();
  for (const { rollupKey: key, deltas } of items)
    for (const d of deltas) {
      const k = `${key.receivingAgencyId}|${key.procedureId}|${key.channel}|${d.day}|${d.metric}`;
      const m = merged.get(k);
      if (m) m.count++;
      else merged.set(k, { ...key, day: d.day, metric: d.metric, count: 1 });
    }
  return [...merged.values()];
}

export interface CommandWrite {
  row: DossierProjection;
  before: number;
  events: readonly DossierEvent[];
  rollupKey: RollupKey;
  deltas: readonly RollupDelta[];
}

/**
 * What commands write to the dossiers' own tables, in one statement (one round trip): their events
 * appended after `before` (a concurrent append of the same numbers fails on the events' key), each
 * projection inserted (`before` 0, new dossiers in one insert) or updated only if still at `before`
 * (optimistic concurrency), and the daily counters; `also` are further common table expressions to run
 * in the same statement (the audit entries). Returns false when a projection had moved on (nothing is
 * written then either: the caller's transaction is rolled back).
 */
export async function writeCommands(
  tx: Db,
  items: readonly CommandWrite[],
  also: readonly SQL[],
  /** A condition over `also` the statement fails without (`expectedIntakeNumbers`), checked first. */
  require?: SQL,
): Promise<boolean> {
  const ctes: SQL[] = [];
  const snapshotWrites = new SnapshotWrites();
  const allEvents = items.flatMap((w) =>
    eventRows(w.row.receivingAgencyId, w.row.id, w.before, w.events, snapshotWrites),
  );
  if (allEvents.length > 0) ctes.push(sql`dossier_events as (${insertRowsFromJson(events, allEvents)})`);
  const rowCtes: string[] = [];
  const inserted = items
    .filter((w) => w.before === 0)
    .map((w) => ({ ...w.row, state: snapshotWrites.state(w.row.state) }));
  if (inserted.length > 0) {
    ctes.push(sql`dossier_new as (${insertRowsFromJson(dossiers, inserted, { returning: ['id'] })})`);
    rowCtes.push('dossier_new');
  }
  items
    .filter((w) => w.before > 0)
    .forEach(({ row, before }, i) => {
      const name = `dossier_row_${i}`;
      const update = tx
        .update(dossiers)
        .set({ ...row, state: snapshotWrites.state(row.state) })
        .where(
          and(
            eq(dossiers.receivingAgencyId, row.receivingAgencyId),
            eq(dossiers.id, row.id),
            eq(dossiers.version, before),
          ),
        )
        .returning({ id: dossiers.id });
      ctes.push(sql`${sql.raw(name)} as (${update.getSQL()})`);
      rowCtes.push(name);
    });
  const rollups = mergedRollups(items);
  if (rollups.length > 0)
    ctes.push(
      sql`dossier_rollups as (${insertRowsFromJson(dailyRollups, rollups, {
        onConflict: `on conflict (receiving_agency_id, procedure_id, day, channel, metric)
          do update set count = daily_rollups.count + excluded.count`,
      })})`,
    );
  const snapshotInsert = snapshotWrites.insertSql();
  if (snapshotInsert) ctes.push(sql`dossier_snapshots as (${snapshotInsert})`);
  ctes.push(...also);
  if (rowCtes.length === 0) return true;
  const counted = sql.raw(rowCtes.map((name) => `(select count(*) from ${name})`).join(' + '));
  // Prepared: an intake batch's statement has the same text whatever its size (rows as JSON parameters).
  const result = (await executePrepared(
    tx,
    sql`with ${sql.join(ctes, sql`, `)} select ${
      require ? sql`dossiers.intake_numbers_as_expected(${require}) as numbers_as_expected, ` : sql``
    }(${counted})::int as written`,
  )) as { rows: { written: number }[] };
  return Number(result.rows[0]!.written) === items.length;
}

export async function dossierById(db: Db, id: string): Promise<DossierRow | undefined> {
  const [row] = await withStates(db, await db.select().from(dossiers).where(eq(dossiers.id, id)).limit(1));
  return row;
}

export async function dossierByCode(
  db: Db,
  receivingAgencyId: string,
  code: string,
): Promise<DossierRow | undefined> {
  const [row] = await withStates(
    db,
    await db
      .select()
      .from(dossiers)
      .where(and(eq(dossiers.receivingAgencyId, receivingAgencyId), eq(dossiers.code, code)))
      .limit(1),
  );
  return row;
}

/** Only what the public may see (the row's state JSON is not read at all). */
export async function publicDossierByCode(db: Db, receivingAgencyId: string, code: string) {
  const [row] = await db
    .select({
      code: dossiers.code,
      procedureName: dossiers.procedureName,
      status: dossiers.status,
      nationalStatus: dossiers.nationalStatus,
      submittedAt: dossiers.submittedAt,
      appointmentAt: dossiers.appointmentAt,
      finishedAt: dossiers.finishedAt,
      returnedAt: dossiers.returnedAt,
    })
    .from(dossiers)
    .where(and(eq(dossiers.receivingAgencyId, receivingAgencyId), eq(dossiers.code, code)))
    .limit(1);
  return row;
}

export async function eventsOf(
  db: Db,
  receivingAgencyId: string,
  dossierId: string,
): Promise<DossierEvent[]> {
  const rows = await db
    .select({ body: events.body })
    .from(events)
    .where(and(eq(events.receivingAgencyId, receivingAgencyId), eq(events.dossierId, dossierId)))
    .orderBy(asc(events.seq));
  return asEvents(
    db,
    rows.map((r) => r.body),
  );
}

export interface ListFilter {
  /** Staff: dossiers involving any of these agencies. */
  agencyIds?: readonly string[];
  /** Back-office queue (with `stepUnitIds` for the unit queues). */
  queue?: string;
  /** The steps the caller can act at: a step role and the units where they hold its permission. */
  stepSlots?: readonly { role: string; unitIds: readonly string[] }[];
  /** Units where the caller assigns work (leaders): their unassigned dossiers whatever the step's role. */
  assignUnitIds?: readonly string[];
  userId?: string;
  applicantAccountId?: string;
  status?: string;
  liveStatus?: string;
  assigneeUserId?: string;
  q?: string;
  limit: number;
  offset: number;
}

const uuidList = (ids: readonly string[]) =>
  sql.raw(`'{${ids.map((a) => a.replace(/[^0-9a-f-]/gi, '')).join(',')}}'::uuid[]`);

function queueCondition(queue: string, f: ListFilter) {
  const open = sql`${dossiers.finishedAt} is null`;
  const slots = (f.stepSlots ?? []).filter((slot) => slot.unitIds.length > 0);
  const atMyUnits =
    slots.length === 0
      ? sql`false`
      : sql`(${sql.join(
          slots.map(
            (slot) =>
              sql`(${dossiers.stepRole} = ${slot.role} and ${dossiers.stepUnitId} = any(${uuidList(slot.unitIds)}))`,
          ),
          sql` or `,
        )})`;
  switch (queue) {
    case 'mine':
      return and(open, eq(dossiers.assigneeUserId, f.userId ?? '00000000-0000-0000-0000-000000000000'));
    case 'unit':
      return and(open, atMyUnits);
    case 'unassigned': {
      const assignable =
        (f.assignUnitIds ?? []).length > 0
          ? sql`(${atMyUnits} or (${dossiers.stepRole} <> 'desk-officer' and ${dossiers.stepUnitId} = any(${uuidList(f.assignUnitIds ?? [])})))`
          : atMyUnits;
      return and(
        open,
        assignable,
        sql`${dossiers.assigneeUserId} is null`,
        sql`${dossiers.status} in ('accepted', 'processing')`,
      );
    }
    case 'due-soon':
    case 'late':
      return and(open, eq(dossiers.liveStatus, queue));
    case 'supplement':
      return sql`${dossiers.status} in ('supplement-requested', 'intake-supplement')`;
    case 'consultation':
      return and(
        open,
        sql`exists (select 1 from jsonb_array_elements(${dossiers.state}->'consultations') c where c->>'answeredAt' is null)`,
      );
    case 'inter-agency':
      return and(
        open,
        sql`jsonb_typeof(${dossiers.state}->'interAgency') = 'object'`,
        sql`exists (select 1 from jsonb_array_elements(${dossiers.state}->'interAgency'->'participants') p where p->>'receivedAt' is null)`,
      );
    case 'online-inbox':
      return and(eq(dossiers.channel, 'online'), eq(dossiers.status, 'submitted'));
    default:
      return sql`false`;
  }
}

export async function countDossiers(db: Db, f: ListFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(dossiers)
    .where(
      and(
        sql`${dossiers.agencyIds} && ${uuidList(f.agencyIds ?? [])}`,
        f.queue ? queueCondition(f.queue, f) : undefined,
      ),
    );
  return row?.n ?? 0;
}

/** Returning applicants: the latest details given for an ID number or phone, in dossiers of the scope. */
export async function applicantsMatching(db: Db, agencyIds: readonly string[], q: string) {
  const rows = await db
    .select({ applicant: sql<DossierState['applicant']>`${dossiers.state}->'applicant'` })
    .from(dossiers)
    .where(
      and(
        sql`${dossiers.agencyIds} && ${uuidList(agencyIds)}`,
        sql`(${dossiers.state}->'applicant'->>'idNumber' = ${q} or ${dossiers.state}->'applicant'->>'phone' = ${q})`,
      ),
    )
    .orderBy(desc(dossiers.submittedAt))
    .limit(20);
  return rows.map((r) => r.applicant!);
}

export async function listDossiers(db: Db, f: ListFilter): Promise<{ rows: DossierRow[]; total: number }> {
  const conditions = [
    f.agencyIds !== undefined ? sql`${dossiers.agencyIds} && ${uuidList(f.agencyIds)}` : undefined,
    f.applicantAccountId !== undefined ? eq(dossiers.applicantAccountId, f.applicantAccountId) : undefined,
    f.status !== undefined ? eq(dossiers.status, f.status) : undefined,
    f.liveStatus !== undefined ? eq(dossiers.liveStatus, f.liveStatus) : undefined,
    f.assigneeUserId !== undefined ? eq(dossiers.assigneeUserId, f.assigneeUserId) : undefined,
    f.queue !== undefined ? queueCondition(f.queue, f) : undefined,
    f.q !== undefined && f.q !== ''
      ? sql`(${dossiers.code} ilike ${`%${f.q}%`} or ${dossiers.applicantName} ilike ${`%${f.q}%`})`
      : undefined,
  ];
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(dossiers)
      .where(where)
      .orderBy(desc(dossiers.submittedAt))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(dossiers).where(where),
  ]);
  return { rows: await withStates(db, rows), total: count?.n ?? 0 };
}

/** Open dossiers (not finished) whose live status may have changed: for the deadline scanner. */
export async function openDossiers(db: Db, limit: number, afterId: string | null): Promise<DossierRow[]> {
  return withStates(
    db,
    await db
      .select()
      .from(dossiers)
      .where(and(sql`${dossiers.finishedAt} is null`, afterId ? sql`${dossiers.id} > ${afterId}` : undefined))
      .orderBy(asc(dossiers.id))
      .limit(limit),
  );
}

/** The scanner's write: the live status and the alerts sent (never the version: it is not a command). */
export async function markScanned(
  db: Db,
  receivingAgencyId: string,
  id: string,
  liveStatus: string,
  alerts: string[],
) {
  await db
    .update(dossiers)
    .set({ liveStatus, alerts })
    .where(and(eq(dossiers.receivingAgencyId, receivingAgencyId), eq(dossiers.id, id)));
}

export async function findIdempotencyKey(db: Db, scope: string, key: string) {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    .limit(1);
  return row;
}

/**
 * The insert of submissions' Idempotency-Keys, as a common table expression for `writeCommands`: a key
 * already stored fails the whole statement (unique violation), so nothing of that submission is written.
 */
export function idempotencyKeysCte(
  rows: readonly {
    scope: string;
    key: string;
    requestHash: string;
    receivingAgencyId: string;
    dossierId: string;
  }[],
): SQL {
  return sql`idempotency_keys as (${insertRowsFromJson(idempotencyKeys, rows)})`;
}

// ── rebuild ─────────────────────────────────────────────────────────────

export async function allDossierKeys(db: Db): Promise<{ receivingAgencyId: string; id: string }[]> {
  return db
    .select({ receivingAgencyId: dossiers.receivingAgencyId, id: dossiers.id })
    .from(dossiers)
    .orderBy(asc(dossiers.receivingAgencyId), asc(dossiers.id));
}

export async function allRollups(db: Db) {
  return db
    .select()
    .from(dailyRollups)
    .orderBy(
      asc(dailyRollups.receivingAgencyId),
      asc(dailyRollups.procedureId),
      asc(dailyRollups.day),
      asc(dailyRollups.channel),
      asc(dailyRollups.metric),
    );
}

export async function clearRollups(tx: Db): Promise<void> {
  await tx.delete(dailyRollups);
}

export async function replaceProjection(tx: Db, row: DossierProjection): Promise<void> {
  await tx
    .delete(dossiers)
    .where(and(eq(dossiers.receivingAgencyId, row.receivingAgencyId), eq(dossiers.id, row.id)));
  const snapshotWrites = new SnapshotWrites();
  const state = snapshotWrites.state(row.state);
  const snapshotInsert = snapshotWrites.insertSql();
  if (snapshotInsert) await tx.execute(snapshotInsert);
  await tx.insert(dossiers).values({ ...row, state });
}

export type { DossierState };

export async function insertRollupRows(tx: Db, rows: (typeof dailyRollups.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(dailyRollups).values(rows.slice(i, i + 500));
}

/** Dossiers accepted at a desk in [from, to): the rows of its tracking book (Form 06). */
export async function dossiersAcceptedAtDesk(
  db: Db,
  deskId: string,
  from: Date,
  to: Date,
): Promise<DossierRow[]> {
  return withStates(
    db,
    await db
      .select()
      .from(dossiers)
      .where(and(eq(dossiers.deskId, deskId), gte(dossiers.acceptedAt, from), lt(dossiers.acceptedAt, to)))
      .orderBy(asc(dossiers.acceptedAt)),
  );
}
