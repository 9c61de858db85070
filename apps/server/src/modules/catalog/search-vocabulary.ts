import type { Db } from '../../platform/database';
import * as store from './store';

/**
 * The search vocabulary (every folded word of the published texts), cached per database for a few
 * seconds and dropped at once when this process writes a version. Typo tolerance is decided here:
 * a query word accepts the vocabulary words within a small edit distance.
 */

const TTL_MS = 5_000;
const caches = new WeakMap<Db, { at: number; byLength: Map<number, string[]> }>();

export function vocabularyChanged(db: Db): void {
  caches.delete(db);
}

async function byLength(db: Db): Promise<Map<number, string[]>> {
  const cached = caches.get(db);
  if (cached && Date.now() - cached.at < TTL_MS) return cached.byLength;
  const map = new Map<number, string[]>();
  for (const word of await store.vocabulary(db)) {
    const list = map.get(word.length);
    if (list) list.push(word);
    else map.set(word.length, [word]);
  }
  caches.set(db, { at: Date.now(), byLength: map });
  return map;
}

/** Lower case, no diacritics, đ → d: the same folding as the database's `catalog.fold`. */
export function foldWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** Edits allowed for a word of this length: none for 1 letter, 1 up to 7 letters, 2 beyond. */
export function allowedEdits(length: number): number {
  if (length <= 1) return 0;
  return length <= 7 ? 1 : 2;
}

/** Optimal string alignment distance (insert, delete, substitute, swap adjacent), stopping above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** For each word, the vocabulary words it may stand for (itself and its near misses). */
export async function acceptedWords(db: Db, words: readonly string[]): Promise<string[][]> {
  const vocabulary = await byLength(db);
  return words.map((word) => {
    const max = allowedEdits(word.length);
    const accepted: string[] = [];
    for (let length = word.length - max; length <= word.length + max; length++) {
      for (const candidate of vocabulary.get(length) ?? []) {
        // short words keep their first letter: "ki" may be "ky", never "ai"
        if (word.length <= 3 && candidate[0] !== word[0]) continue;
        if (candidate === word || editDistance(word, candidate, max) <= max) accepted.push(candidate);
      }
    }
    return accepted;
  });
}
