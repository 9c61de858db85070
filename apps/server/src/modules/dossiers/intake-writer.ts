import { randomUUID } from 'node:crypto';
import type { WorkingCalendar } from '@motcua/domain/calendar/working-calendar';
import { formatDossierCode, MAX_DAILY_SEQUENCE } from '@motcua/domain/dossier/dossier-code';
import type { DossierCommand } from '@motcua/domain/dossier/dossier-commands';
import { type DecideContext, decide } from '@motcua/domain/dossier/dossier-decider';
import type { DossierEvent } from '@motcua/domain/dossier/dossier-events';
import type { DossierRules } from '@motcua/domain/dossier/dossier-rules';
import { evolve, initialDossierState } from '@motcua/domain/dossier/dossier-state';
import type { AccessContext, ServiceContext } from '../../platform/access-context';
import { AppError } from '../../platform/app-error';
import { type Db, inTransaction } from '../../platform/database';
import { type CommitPlan, planCommit, writePlans } from './dossier-commit';
import type { WrittenDossier } from './query-service';
import * as store from './store';

/**
 * The write of a new dossier, with group commit: receptions that arrive while others are being written
 * wait for them and then go together, in one transaction and a handful of statements (their numbers in
 * one, their national-sync jobs in one, their events, projections, counters and audit entries in one),
 * instead of seven round trips each. A batch holds at most one reception per receiving agency: the
 * agency's code sequence and audit chain are taken once per statement. Alone, a reception goes at once.
 *
 * Each reception is still all or nothing: when a batch fails (a reused Idempotency-Key, an exhausted
 * sequence, a refusal by the decider), it is rolled back whole — its numbers are given back — and each
 * of its receptions is written again on its own, so each gets its own answer or error.
 */

export interface IntakeResult {
  dossierId: string;
  receivingAgencyId: string;
  created: boolean;
  /** A new dossier: what was committed, so the answer is built without reading it back. */
  written?: WrittenDossier;
}

/** A reception ready to be written: everything decided but its numbers. */
export interface IntakeWrite {
  ctx: ServiceContext;
  access: AccessContext;
  receivingAgencyId: string;
  agencyCode: string;
  deskId: string | null;
  deskAgencyId: string | null;
  /** The local date of receipt (the code's day) and the tracking book's key and year. */
  date: string;
  /** The desk accepts the dossier in the same request (it takes a book number too). */
  acceptsAtOnce: boolean;
  build: (base: { dossierId: string; code: string }) => {
    first: DossierCommand;
    /** The desk's decision on the spot, given the book number taken when `acceptsAtOnce`. */
    decision: ((book: number | null) => DossierCommand) | null;
  };
  decideContext: DecideContext;
  calendar: WorkingCalendar;
  rules: DossierRules;
  agencyNames: Record<string, string>;
  idempotency: { scope: string; key: string | undefined; hash: string };
}

const bookKeyOf = (w: IntakeWrite) => w.deskId ?? 'online';

/** Writes receptions of different receiving agencies in one transaction; all commit or none. */
async function writeIntakes(db: Db, writes: readonly IntakeWrite[]): Promise<IntakeResult[]> {
  return inTransaction(db, async (tx) => {
    const numbers = await store.nextIntakeNumbers(
      tx,
      writes.map((w) => ({
        receivingAgencyId: w.receivingAgencyId,
        day: w.date,
        book: w.acceptsAtOnce ? { bookKey: bookKeyOf(w), year: Number(w.date.slice(0, 4)) } : null,
      })),
    );
    const plans: CommitPlan[] = [];
    const results: IntakeResult[] = [];
    const keys = [];
    for (const [i, w] of writes.entries()) {
      const { sequence, book } = numbers[i]!;
      if (sequence > MAX_DAILY_SEQUENCE)
        throw new AppError('DAILY_SEQUENCE_EXHAUSTED', 503, 'Đã hết số thứ tự hồ sơ trong ngày của cơ quan');
      const dossierId = randomUUID();
      const code = formatDossierCode({ agencyCode: w.agencyCode, date: w.date, sequence });
      const plan = w.build({ dossierId, code });
      const before = initialDossierState();
      let state = before;
      const events: DossierEvent[] = [];
      const apply = (command: DossierCommand) => {
        for (const e of decide(state, command, w.decideContext)) {
          events.push(e);
          state = evolve(state, e);
        }
      };
      apply(plan.first);
      if (plan.decision) apply(plan.decision(book));
      if (w.idempotency.key !== undefined)
        keys.push({
          scope: w.idempotency.scope,
          key: w.idempotency.key,
          requestHash: w.idempotency.hash,
          receivingAgencyId: w.receivingAgencyId,
          dossierId,
        });
      const commit = planCommit(
        w.ctx,
        w.access,
        {
          before,
          events,
          deskAgencyId: w.deskAgencyId,
          calendar: w.calendar,
          rules: w.rules,
          agencyNames: w.agencyNames,
        },
        [],
      );
      plans.push(commit);
      // A new row: the columns the projection leaves to their defaults are the defaults.
      const row: store.DossierRow = { ...commit.projection, alerts: [] } as store.DossierRow;
      results.push({
        dossierId,
        receivingAgencyId: w.receivingAgencyId,
        created: true,
        written: { row, events, calendar: w.calendar },
      });
    }
    // The keys in the same statement as the rest: a key already stored fails it, and nothing is written.
    await writePlans(tx, plans, keys.length > 0 ? [store.idempotencyKeysCte(keys)] : []);
    return results;
  });
}

interface Waiting {
  write: IntakeWrite;
  resolve: (result: IntakeResult) => void;
  reject: (error: unknown) => void;
}

/** Batches in flight at once per process (each on its own connection). */
const maxBatchesInFlight = 2;
/** Receptions in one batch at most (one statement's rows). */
const maxBatchSize = 64;

class IntakeBatcher {
  readonly #db: Db;
  #waiting: Waiting[] = [];
  #inFlight = 0;
  /** Receptions written in batches of more than one, and those batches (for tests and the bench). */
  batched = { receptions: 0, batches: 0, retriedAlone: 0 };

  constructor(db: Db) {
    this.#db = db;
  }

  submit(write: IntakeWrite): Promise<IntakeResult> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ write, resolve, reject });
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#inFlight < maxBatchesInFlight && this.#waiting.length > 0) {
      const batch: Waiting[] = [];
      const rest: Waiting[] = [];
      const agencies = new Set<string>();
      for (const w of this.#waiting) {
        if (batch.length < maxBatchSize && !agencies.has(w.write.receivingAgencyId)) {
          agencies.add(w.write.receivingAgencyId);
          batch.push(w);
        } else rest.push(w);
      }
      this.#waiting = rest;
      // Rows locked in one order by every batch (codes, then books, then audit chains): two batches in
      // flight with agencies in common wait for each other instead of deadlocking.
      batch.sort((a, b) => (a.write.receivingAgencyId < b.write.receivingAgencyId ? -1 : 1));
      this.#inFlight++;
      void this.#run(batch).finally(() => {
        this.#inFlight--;
        this.#pump();
      });
    }
  }

  async #run(batch: Waiting[]): Promise<void> {
    if (batch.length > 1) {
      try {
        const results = await writeIntakes(
          this.#db,
          batch.map((w) => w.write),
        );
        this.batched.batches++;
        this.batched.receptions += batch.length;
        for (const [i, w] of batch.entries()) w.resolve(results[i]!);
        return;
      } catch {
        // Rolled back whole: each alone below, for its own answer.
        this.batched.retriedAlone += batch.length;
      }
    }
    await Promise.all(
      batch.map((w) =>
        writeIntakes(this.#db, [w.write]).then(
          (results) => w.resolve(results[0]!),
          (error: unknown) => w.reject(error),
        ),
      ),
    );
  }
}

const batchers = new WeakMap<Db, IntakeBatcher>();

function batcherOf(db: Db): IntakeBatcher {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new IntakeBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher;
}

/** Writes a new dossier (with the receptions arriving meanwhile, see above); resolves once committed. */
export function writeIntake(write: IntakeWrite): Promise<IntakeResult> {
  return batcherOf(write.ctx.db).submit(write);
}

/** How this process's receptions were written so far (group commit at work). */
export function intakeBatchStats(db: Db): { receptions: number; batches: number; retriedAlone: number } {
  return { ...batcherOf(db).batched };
}
