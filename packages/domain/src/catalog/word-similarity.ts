/**
 * pg_trgm's `word_similarity(query, text)`, computed in the process so the search can rank without a
 * round trip per candidate. Same definition as the extension (PostgreSQL 15–17 `trgm_op.c`): the words
 * of both texts become trigrams (each word padded with two spaces before and one after); the result is
 * the greatest similarity, |shared| / |query ∪ extent|, between the query's trigram set and a continuous
 * extent of the text's trigrams, found by the extension's greedy scan. Results are single precision, as
 * in the database. A server test compares this function with the database's on real names.
 */

const wordPattern = /[\p{L}\p{N}]+/gu;

/** The text's trigrams in order, duplicates kept (pg_trgm's `generate_trgm_only`). */
export function trigramsInOrder(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(wordPattern)) {
    const chars = Array.from(`  ${match[0]} `);
    for (let i = 0; i + 3 <= chars.length; i++) out.push(chars[i]! + chars[i + 1]! + chars[i + 2]!);
  }
  return out;
}

/** Numbers for trigrams, shared by the texts and queries compared with each other. */
export type TrigramDictionary = Map<string, number>;

/** A text prepared once for many comparisons: its distinct trigrams' numbers and their order. */
export interface TrigramText {
  /** The dictionary number of each distinct trigram of the text. */
  readonly distinct: Int32Array;
  /** Each trigram of the text, in order, as an index into `distinct`. */
  readonly positions: Int32Array;
}

export function trigramText(text: string, dictionary: TrigramDictionary): TrigramText {
  const local = new Map<number, number>();
  const order = trigramsInOrder(text);
  const positions = new Int32Array(order.length);
  order.forEach((trigram, i) => {
    let id = dictionary.get(trigram);
    if (id === undefined) {
      id = dictionary.size;
      dictionary.set(trigram, id);
    }
    let at = local.get(id);
    if (at === undefined) {
      at = local.size;
      local.set(id, at);
    }
    positions[i] = at;
  });
  return { distinct: Int32Array.from(local.keys()), positions };
}

/** The query side: which dictionary trigrams it holds, and how many distinct trigrams it has. */
export interface TrigramQuery {
  readonly holds: Uint8Array;
  readonly size: number;
}

/** Prepares a query against the dictionary as it is now (prepare the texts first). */
export function trigramQuery(text: string, dictionary: TrigramDictionary): TrigramQuery {
  const distinct = new Set(trigramsInOrder(text));
  const holds = new Uint8Array(dictionary.size);
  for (const trigram of distinct) {
    const id = dictionary.get(trigram);
    if (id !== undefined) holds[id] = 1;
  }
  return { holds, size: distinct.size };
}

const similarityOf = (shared: number, queryCount: number, extentCount: number) =>
  Math.fround(shared / (queryCount + extentCount - shared));

let found = new Uint8Array(64);
let lastPosition = new Int32Array(64);

/** `word_similarity(query, text)` for prepared texts. */
export function wordSimilarityOf(query: TrigramQuery, text: TrigramText): number {
  const queryCount = query.size;
  const length = text.positions.length;
  if (queryCount === 0 || length === 0) return 0;
  const distinctCount = text.distinct.length;
  if (found.length < distinctCount) {
    found = new Uint8Array(distinctCount * 2);
    lastPosition = new Int32Array(distinctCount * 2);
  }
  for (let k = 0; k < distinctCount; k++) {
    const id = text.distinct[k]!;
    found[k] = id < query.holds.length ? query.holds[id]! : 0;
    lastPosition[k] = -1;
  }
  const at = text.positions;
  let lower = -1;
  let extentCount = 0;
  let shared = 0;
  let best = 0;
  for (let i = 0; i < length; i++) {
    const trigram = at[i]!;
    // The extent starts at the first trigram the query holds; from then on every trigram is counted.
    if (lower >= 0 || found[trigram]) {
      if (lastPosition[trigram]! < 0) {
        extentCount++;
        if (found[trigram]) shared++;
      }
      lastPosition[trigram] = i;
    }
    if (!found[trigram]) continue;
    const upper = i;
    if (lower === -1) {
      lower = i;
      extentCount = 1;
    }
    let current = similarityOf(shared, queryCount, extentCount);
    // Moving the extent's start right may raise the similarity: try every start up to `upper`.
    let tryShared = shared;
    let tryCount = extentCount;
    const previousLower = lower;
    for (let start = lower; start <= upper; start++) {
      const candidate = similarityOf(tryShared, queryCount, tryCount);
      if (candidate > current) {
        current = candidate;
        extentCount = tryCount;
        lower = start;
        shared = tryShared;
      }
      const leaving = at[start]!;
      if (lastPosition[leaving] === start) {
        tryCount--;
        if (found[leaving]) tryShared--;
      }
    }
    if (current > best) best = current;
    if (best === 1) return 1;
    // Trigrams now left of the extent no longer count as seen in it.
    for (let start = previousLower; start < lower; start++) {
      const leaving = at[start]!;
      if (lastPosition[leaving] === start) lastPosition[leaving] = -1;
    }
  }
  return best;
}

/** `word_similarity(query, text)` of two plain texts. */
export function wordSimilarity(query: string, text: string): number {
  const dictionary: TrigramDictionary = new Map();
  const prepared = trigramText(text, dictionary);
  return wordSimilarityOf(trigramQuery(query, dictionary), prepared);
}
