import { MAX_DAILY_SEQUENCE } from '@motcua/domain/dossier/dossier-code';
import type { IntakeNumbersWanted } from './store';

export interface IntakeNumbers {
  sequence: number;
  book: number | null;
}

/** A key whose forecast failed because another writer took its numbers is read, not forecast, this long. */
const CONTENDED_MS = 60_000;
/** Counters remembered at most (an agency's code of a day, a desk's book of a year); the oldest go first. */
const MAX_KEYS = 20_000;

const codeKey = (w: IntakeNumbersWanted) => `code|${w.receivingAgencyId}|${w.day}`;
const bookKey = (w: IntakeNumbersWanted, book: { bookKey: string; year: number }) =>
  `book|${w.receivingAgencyId}|${book.bookKey}|${book.year}`;

function keysOf(w: IntakeNumbersWanted): string[] {
  return w.book ? [codeKey(w), bookKey(w, w.book)] : [codeKey(w)];
}

/**
 * What this process expects the next intake numbers to be: the last number of each counter it has
 * taken, counting its writes still in flight. Usually a process is the only one receiving at an agency,
 * and a reception's numbers are then known before it is written, so its write is one statement that
 * checks them (`store.expectedIntakeNumbers`) instead of a transaction that reads them first.
 *
 * Nothing here decides a number: the database's counters do, in the statement that writes the
 * dossier, and a forecast another writer made wrong only fails that statement, which is then written
 * again with the numbers read. The rules, so that a counter is forecast only from what is known:
 * - a committed write that read its numbers teaches the highest number taken (whatever order writes
 *   commit in);
 * - no counter is forecast while a write reading it is in flight;
 * - a failed write with forecast numbers forgets its counters; those of its writes in flight behind it
 *   are then wrong too, and nothing is learnt until they have landed;
 * - a counter whose forecast failed because someone else took its numbers (another process receiving
 *   at the same agency) is read, not forecast, for a minute. A failure this process caused itself (a
 *   write behind a failed one) does not count.
 */
export class IntakeNumberForecast {
  /** The last number taken of each counter, as far as this process knows. */
  readonly #last = new Map<string, number>();
  /** Writes in flight per counter: with forecast numbers, and reading theirs. */
  readonly #forecasting = new Map<string, number>();
  readonly #reading = new Map<string, number>();
  /** Counters whose forecast writes in flight follow one that failed. */
  readonly #afterFailure = new Set<string>();
  readonly #contendedUntil = new Map<string, number>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /**
   * The numbers `wanted` will take if nobody else takes any meanwhile, counted as taken; null when a
   * counter is not known (or its next number would be past the daily limit, which a read reports).
   */
  reserve(wanted: readonly IntakeNumbersWanted[]): IntakeNumbers[] | null {
    for (const w of wanted) {
      const code = this.#known(codeKey(w));
      if (code === undefined || code + 1 > MAX_DAILY_SEQUENCE) return null;
      if (w.book && this.#known(bookKey(w, w.book)) === undefined) return null;
    }
    return wanted.map((w) => ({
      sequence: this.#take(codeKey(w)),
      book: w.book ? this.#take(bookKey(w, w.book)) : null,
    }));
  }

  /** After a write of `wanted` with the numbers `reserve` gave committed. */
  written(wanted: readonly IntakeNumbersWanted[]): void {
    for (const key of wanted.flatMap(keysOf)) this.#landed(key);
  }

  /**
   * After a write of `wanted` with the numbers `reserve` gave failed (rolled back whole): read them next
   * time. `taken` when it failed because another writer had taken one of them.
   */
  forget(wanted: readonly IntakeNumbersWanted[], taken: boolean): void {
    const until = this.#now() + CONTENDED_MS;
    for (const key of wanted.flatMap(keysOf)) {
      if (taken && !this.#afterFailure.has(key)) remember(this.#contendedUntil, key, until);
      this.#last.delete(key);
      this.#landed(key);
      if (this.#forecasting.has(key)) this.#afterFailure.add(key);
    }
  }

  /** Before a write of `wanted` reads its numbers: its counters are not forecast until it lands. */
  startRead(wanted: readonly IntakeNumbersWanted[]): void {
    for (const key of wanted.flatMap(keysOf)) increment(this.#reading, key);
  }

  /** After that write failed. */
  readFailed(wanted: readonly IntakeNumbersWanted[]): void {
    for (const key of wanted.flatMap(keysOf)) decrement(this.#reading, key);
  }

  /** After that write committed: the numbers it took. */
  learn(wanted: readonly IntakeNumbersWanted[], numbers: readonly IntakeNumbers[]): void {
    const now = this.#now();
    wanted.forEach((w, i) => {
      const n = numbers[i]!;
      this.#learnOne(codeKey(w), n.sequence, now);
      if (w.book) this.#learnOne(bookKey(w, w.book), n.book ?? 0, now);
    });
  }

  /** The last number of a counter, when known and not being read. */
  #known(key: string): number | undefined {
    return this.#reading.has(key) ? undefined : this.#last.get(key);
  }

  #take(key: string): number {
    const next = this.#last.get(key)! + 1;
    this.#last.set(key, next);
    increment(this.#forecasting, key);
    return next;
  }

  #landed(key: string): void {
    decrement(this.#forecasting, key);
    if (!this.#forecasting.has(key)) this.#afterFailure.delete(key);
  }

  #learnOne(key: string, last: number, now: number): void {
    decrement(this.#reading, key);
    const until = this.#contendedUntil.get(key);
    if (until !== undefined) {
      if (now < until) return;
      this.#contendedUntil.delete(key);
    }
    // Forgotten after a failure, with writes behind it still in flight: wait for them to land.
    if (this.#afterFailure.has(key)) return;
    const known = this.#last.get(key);
    if (known !== undefined && known >= last) return;
    remember(this.#last, key, last);
  }
}

/** Sets `key` as the newest entry of `map`, dropping the oldest past MAX_KEYS. */
function remember(map: Map<string, number>, key: string, value: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_KEYS) map.delete(map.keys().next().value!);
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function decrement(counts: Map<string, number>, key: string): void {
  const left = (counts.get(key) ?? 1) - 1;
  if (left > 0) counts.set(key, left);
  else counts.delete(key);
}
