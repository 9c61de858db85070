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

/**
 * A text prepared once for many comparisons: its trigrams as indexes into its own list of distinct
 * trigrams.
 */
export interface TrigramText {
  readonly distinct: readonly string[];
  readonly positions: Int32Array;
}

export function trigramText(text: string): TrigramText {
  const ids = new Map<string, number>();
  const order = trigramsInOrder(text);
  const positions = new Int32Array(order.length);
  order.forEach((trigram, i) => {
    let id = ids.get(trigram);
    if (id === undefined) {
      id = ids.size;
      ids.set(trigram, id);
    }
    positions[i] = id;
  });
  return { distinct: [...ids.keys()], positions };
}

/** The query side: its set of distinct trigrams. */
export function trigramSet(text: string): ReadonlySet<string> {
  return new Set(trigramsInOrder(text));
}

const similarityOf = (shared: number, queryCount: number, extentCount: number) =>
  Math.fround(shared / (queryCount + extentCount - shared));

/** `word_similarity(query, text)` for prepared texts. */
export function wordSimilarityOf(query: ReadonlySet<string>, text: TrigramText): number {
  const queryCount = query.size;
  const length = text.positions.length;
  if (queryCount === 0 || length === 0) return 0;
  const found = text.distinct.map((t) => query.has(t));
  const lastPosition = new Int32Array(text.distinct.length).fill(-1);
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
  return wordSimilarityOf(trigramSet(query), trigramText(text));
}
