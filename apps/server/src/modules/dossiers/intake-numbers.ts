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
 * again with the numbers read. A counter is learnt from a committed write that read it; a failed write
 * forgets its counters; a counter whose forecast failed because someone else took its numbers (another
 * process receiving at the same agency) is read, not forecast, for a minute.
 */
export class IntakeNumberForecast {
  readonly #last = new Map<string, number>();
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
      const code = this.#last.get(codeKey(w));
      if (code === undefined || code + 1 > MAX_DAILY_SEQUENCE) return null;
      if (w.book && !this.#last.has(bookKey(w, w.book))) return null;
    }
    return wanted.map((w) => {
      const sequence = this.#take(codeKey(w));
      return { sequence, book: w.book ? this.#take(bookKey(w, w.book)) : null };
    });
  }

  /**
   * After a write of `wanted` with forecast numbers failed (rolled back whole): read them next time.
   * `taken` when it failed because another writer had taken one of them.
   */
  forget(wanted: readonly IntakeNumbersWanted[], taken: boolean): void {
    const until = this.#now() + CONTENDED_MS;
    for (const key of wanted.flatMap(keysOf)) {
      // Already forgotten: an earlier write of this process failed, and moved this one's numbers.
      if (taken && this.#last.has(key)) this.#contendedUntil.set(key, until);
      this.#last.delete(key);
    }
  }

  /** After a committed write that read its numbers: the last number of each counter it took. */
  learn(wanted: readonly IntakeNumbersWanted[], numbers: readonly IntakeNumbers[]): void {
    const now = this.#now();
    wanted.forEach((w, i) => {
      const n = numbers[i]!;
      this.#learnOne(codeKey(w), n.sequence, now);
      if (w.book && n.book !== null) this.#learnOne(bookKey(w, w.book), n.book, now);
    });
  }

  #take(key: string): number {
    const next = this.#last.get(key)! + 1;
    this.#last.set(key, next);
    return next;
  }

  #learnOne(key: string, last: number, now: number): void {
    const until = this.#contendedUntil.get(key);
    if (until !== undefined) {
      if (now < until) return;
      this.#contendedUntil.delete(key);
    }
    // A write of this process in flight may have counted further already.
    if ((this.#last.get(key) ?? 0) >= last) return;
    this.#last.delete(key);
    this.#last.set(key, last);
    if (this.#last.size > MAX_KEYS) this.#last.delete(this.#last.keys().next().value!);
    if (this.#contendedUntil.size > MAX_KEYS)
      this.#contendedUntil.delete(this.#contendedUntil.keys().next().value!);
  }
}
