import { randomUUID } from 'node:crypto';
import type { WorkingCalendar } from '@motcua/domain/calendar/working-calendar';
import { formatDossierCode, MAX_DAILY_SEQUENCE } from '@motcua/domain/dossier/dossier-code';
import type { DossierCommand } from '@motcua/domain/dossier/dossier-commands';
import { type DecideContext, decide } from '@motcua/domain/dossier/dossier-decider';
import type { DossierEvent } from '@motcua/domain/dossier/dossier-events';
import type { DossierRules } from '@motcua/domain/dossier/dossier-rules';
import { evolve, initialDossierState } from '@motcua/domain/dossier/dossier-state';
import type { SQL } from 'drizzle-orm';
import type { AccessContext, ServiceContext } from '../../platform/access-context';
import { AppError } from '../../platform/app-error';
import { type Db, inTransaction } from '../../platform/database';
import { type CommitPlan, planCommit, writePlans, writtenInOneStatement } from './dossier-commit';
import { IntakeNumberForecast, type IntakeNumbers } from './intake-numbers';
import type { WrittenDossier } from './query-service';
import * as store from './store';

/**
 * The write of a new dossier, with group commit: receptions that arrive while others are being written
 * wait for them and then go together, in one statement (their numbers, events, projections, counters,
 * national-sync jobs, Idempotency-Keys and audit entries) instead of seven round trips each. A batch
 * holds at most one reception per receiving agency: the agency's code sequence and audit chain are
 * taken once per statement. Alone, a reception goes at once.
 *
 * The numbers are forecast (`IntakeNumberForecast`): the statement takes them and fails when they are
 * not the ones forecast, so it needs no transaction of its own. Without a forecast (an agency's first
 * reception of the day in this process, or another process receiving at the same agency), a transaction
 * reads the numbers first and then writes.
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

const numbersWanted = (w: IntakeWrite): store.IntakeNumbersWanted => ({
  receivingAgencyId: w.receivingAgencyId,
  day: w.date,
  book: w.acceptsAtOnce ? { bookKey: bookKeyOf(w), year: Number(w.date.slice(0, 4)) } : null,
});

/**
 * Writes receptions of different receiving agencies together; all commit or none. With their numbers
 * forecast, in one statement that takes and checks them (and no transaction of its own when that
 * statement is all there is); otherwise, or when another writer had taken a forecast number, in a
 * transaction that reads the numbers first and then writes.
 */
async function writeIntakes(
  db: Db,
  writes: readonly IntakeWrite[],
  forecast: IntakeNumberForecast,
  stats: IntakeBatchStats,
): Promise<IntakeResult[]> {
  const wanted = writes.map(numbersWanted);
  const expected = forecast.reserve(wanted);
  if (expected) {
    try {
      const planned = planIntakes(writes, expected);
      const numbers = store.expectedIntakeNumbers(wanted, expected);
      const also = [...numbers.ctes, ...planned.also];
      if (writtenInOneStatement(planned.plans)) await writePlans(db, planned.plans, also, numbers.condition);
      else await inTransaction(db, (tx) => writePlans(tx, planned.plans, also, numbers.condition));
      forecast.written(wanted);
      stats.forecastWritten++;
      return planned.results;
    } catch (error) {
      const moved = store.intakeNumbersMoved(error);
      forecast.forget(wanted, moved);
      // Anything else (a refusal by the decider, a reused Idempotency-Key) fails the read alike.
      if (!moved) throw error;
      stats.forecastFailed++;
    }
  }
  forecast.startRead(wanted);
  let written: readonly [IntakeResult[], IntakeNumbers[]];
  try {
    written = await inTransaction(db, async (tx) => {
      const taken = await store.nextIntakeNumbers(tx, wanted);
      const planned = planIntakes(writes, taken);
      await writePlans(tx, planned.plans, planned.also);
      return [planned.results, taken] as const;
    });
  } catch (error) {
    forecast.readFailed(wanted);
    throw error;
  }
  forecast.learn(wanted, written[1]);
  return written[0];
}

/** Each reception decided with its numbers: what to write, and what to answer once it is written. */
function planIntakes(
  writes: readonly IntakeWrite[],
  numbers: readonly IntakeNumbers[],
): { plans: CommitPlan[]; results: IntakeResult[]; also: SQL[] } {
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
  return { plans, results, also: keys.length > 0 ? [store.idempotencyKeysCte(keys)] : [] };
}

/** How this process's receptions were written so far (for tests and the bench). */
export interface IntakeBatchStats {
  /** Receptions written in batches of more than one, and those batches. */
  receptions: number;
  batches: number;
  /** Receptions of failed batches, each written again alone. */
  retriedAlone: number;
  /** Writes (batches or receptions alone) with forecast numbers: written, and found taken (then read). */
  forecastWritten: number;
  forecastFailed: number;
}

/** Counters of no reception written yet. */
export function noIntakeBatches(): IntakeBatchStats {
  return { receptions: 0, batches: 0, retriedAlone: 0, forecastWritten: 0, forecastFailed: 0 };
}

interface Waiting {
  write: IntakeWrite;
  resolve: (result: IntakeResult) => void;
  reject: (error: unknown) => void;
}

/** Batches in flight at once per process (each on its own connection). */
const maxBatchesInFlight = 2;
/**
 * Receptions waiting, at least, to start a batch while another is in flight. The second batch keeps
 * the database busy while this process builds the next statement and answers the last one; a small one
 * only adds a statement's fixed cost. Measured with `npm run bench -- intake` (docs/operations.md): 6–8
 * gave 1,540–1,560 receptions/s, 4 gave 1,160 and 12 gave 1,360; one batch at a time, 1,230–1,300.
 */
const minBatchBesideAnother = 8;
/** Receptions in one batch at most (one statement's rows). */
const maxBatchSize = 64;

class IntakeBatcher {
  readonly #db: Db;
  readonly #forecast = new IntakeNumberForecast();
  #waiting: Waiting[] = [];
  #inFlight = 0;
  readonly batched = noIntakeBatches();

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
    while (
      this.#inFlight < maxBatchesInFlight &&
      this.#waiting.length >= (this.#inFlight === 0 ? 1 : minBatchBesideAnother)
    ) {
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
      void this.#run(batch);
    }
  }

  /** Writes a batch, then starts the next one before answering this one's receptions. */
  async #run(batch: Waiting[]): Promise<void> {
    let outcomes: PromiseSettledResult<IntakeResult>[];
    try {
      outcomes = await this.#write(batch);
    } catch (error) {
      outcomes = batch.map(() => ({ status: 'rejected', reason: error }));
    }
    // The next batch's statement is sent before these answers are built: the database works on it
    // meanwhile, instead of waiting for this process to answer.
    this.#inFlight--;
    this.#pump();
    for (const [i, w] of batch.entries()) {
      const outcome = outcomes[i]!;
      if (outcome.status === 'fulfilled') w.resolve(outcome.value);
      else w.reject(outcome.reason);
    }
  }

  async #write(batch: Waiting[]): Promise<PromiseSettledResult<IntakeResult>[]> {
    if (batch.length > 1) {
      try {
        const results = await writeIntakes(
          this.#db,
          batch.map((w) => w.write),
          this.#forecast,
          this.batched,
        );
        this.batched.batches++;
        this.batched.receptions += batch.length;
        return results.map((value) => ({ status: 'fulfilled', value }));
      } catch {
        // Rolled back whole: each alone below, for its own answer.
        this.batched.retriedAlone += batch.length;
      }
    }
    return Promise.allSettled(
      batch.map(async (w) => (await writeIntakes(this.#db, [w.write], this.#forecast, this.batched))[0]!),
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
export function intakeBatchStats(db: Db): IntakeBatchStats {
  return { ...batcherOf(db).batched };
}
