/**
 * The public catalogue search over an index held in memory: the published versions (their stored,
 * already folded texts) and the synonym list, as loaded by the catalogue module. Pure: the instant is
 * passed in, and the index is rebuilt, never changed, when the catalogue changes.
 *
 * - Matching is word by word: each query word stands for the vocabulary words within a small edit
 *   distance (`acceptsWord`); a version matches when it holds such a word for most query words (all of
 *   them when there are one or two, 60 % beyond). "thủ tục" is ignored. A national code is looked up
 *   exactly.
 * - Everyday terms found in the query (whole words) add their synonym's expansions as further ways to
 *   match, and boost the synonym's procedure codes.
 * - Ranking: twice the share of a query's words found, +1.5 for a synonym's procedure; the best
 *   `RERANK` beyond the page are then ranked again with pg_trgm's word similarity of the folded phrase
 *   and name (×2) and +0.5 when the name contains the folded query.
 * - Facet counts over the matches, each ignoring its own filter.
 */
import { acceptsWord, foldText, foldWords, letterMask, splitFolded } from './search-text';
import { type TrigramText, trigramSet, trigramText, wordSimilarityOf } from './word-similarity';

export interface SearchDocument {
  readonly versionId: string;
  readonly procedureId: string;
  readonly nationalCode: string;
  readonly localCode: string;
  readonly name: string;
  readonly fieldCode: string;
  readonly levels: readonly string[];
  readonly agencyIds: readonly string[];
  readonly onlineLevel: string | null;
  readonly hasFee: boolean;
  /** `catalog.fold(name)`, as stored. */
  readonly foldedName: string;
  /** `catalog.fold(name · field · code · results)`, as stored. */
  readonly foldedText: string;
  /** The version's in-force interval [from, to) in epoch milliseconds; `to` null: open. */
  readonly inForceFrom: number;
  readonly inForceTo: number | null;
}

export interface SearchSynonym {
  readonly term: string;
  /** The folded term, words separated by single spaces. */
  readonly termFolded: string;
  readonly expandsTo: readonly string[];
  readonly procedureCodes: readonly string[];
}

export type OnlineFacet = 'full' | 'partial' | 'none';
export type FeeFacet = 'free' | 'paid';

export interface SearchRequest {
  q: string;
  field?: string | undefined;
  level?: string | undefined;
  agencyId?: string | undefined;
  onlineLevel?: OnlineFacet | undefined;
  fee?: FeeFacet | undefined;
  /** The instant whose versions in force are searched (epoch milliseconds). */
  at: number;
  limit: number;
  offset: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchOutcome<D extends SearchDocument> {
  total: number;
  hits: { document: D; score: number }[];
  facets: {
    fields: FacetCount[];
    levels: FacetCount[];
    agencies: FacetCount[];
    onlineLevels: FacetCount[];
    fee: FacetCount[];
  };
  synonymsUsed: SearchSynonym[];
}

/** Words nearly every procedure name contains ("thủ tục"): they do not help to choose. */
const STOP_WORDS = new Set(['thu', 'tuc']);
const MAX_EXPANSIONS = 6;
const MAX_SYNONYMS = 5;
/** Matches ranked again with the word similarity, beyond the requested page. */
export const RERANK = 60;
const ACCEPTED_CACHE_LIMIT = 20_000;

interface Entry<D> {
  readonly document: D;
  /** Position of the name in name order (ties and browsing sort on it). */
  readonly nameRank: number;
  trigrams: TrigramText | null;
}

export interface SearchIndex<D extends SearchDocument> {
  readonly entries: readonly Entry<D>[];
  /** word → the entries (indexes) whose text holds it. */
  readonly postings: ReadonlyMap<string, Int32Array>;
  /** vocabulary by word length, with each word's letter mask */
  readonly vocabulary: ReadonlyMap<number, { words: string[]; masks: Int32Array }>;
  readonly synonyms: readonly SearchSynonym[];
  /** Memo of `acceptedWords` per query word: the index never changes, so neither does the answer. */
  readonly accepted: Map<string, readonly string[]>;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildSearchIndex<D extends SearchDocument>(
  documents: readonly D[],
  synonyms: readonly SearchSynonym[],
): SearchIndex<D> {
  const order = documents
    .map((_document, i) => i)
    .sort(
      (a, b) =>
        byCodePoint(documents[a]!.name, documents[b]!.name) ||
        byCodePoint(documents[a]!.localCode, documents[b]!.localCode),
    );
  const rank = new Int32Array(documents.length);
  order.forEach((documentIndex, position) => {
    rank[documentIndex] = position;
  });
  const lists = new Map<string, number[]>();
  const entries = documents.map((document, i) => {
    for (const word of new Set(splitFolded(document.foldedText))) {
      const list = lists.get(word);
      if (list) list.push(i);
      else lists.set(word, [i]);
    }
    return { document, nameRank: rank[i]!, trigrams: null };
  });
  const postings = new Map<string, Int32Array>();
  const byLength = new Map<number, string[]>();
  for (const [word, list] of lists) {
    postings.set(word, Int32Array.from(list));
    const same = byLength.get(word.length);
    if (same) same.push(word);
    else byLength.set(word.length, [word]);
  }
  const vocabulary = new Map(
    [...byLength].map(([length, words]) => [length, { words, masks: Int32Array.from(words, letterMask) }]),
  );
  return { entries, postings, vocabulary, synonyms, accepted: new Map() };
}

/** For each query word, the vocabulary words it may stand for (itself and its near misses). */
export function acceptedWords(index: SearchIndex<SearchDocument>, words: readonly string[]): string[][] {
  return words.map((word) => {
    const cached = index.accepted.get(word);
    if (cached) return [...cached];
    const max = word.length <= 1 ? 0 : word.length <= 7 ? 1 : 2;
    const mask = letterMask(word);
    const accepted: string[] = [];
    for (let length = word.length - max; length <= word.length + max; length++) {
      const group = index.vocabulary.get(length);
      if (!group) continue;
      for (let i = 0; i < group.words.length; i++)
        if (acceptsWord(word, mask, group.words[i]!, group.masks[i]!)) accepted.push(group.words[i]!);
    }
    if (index.accepted.size >= ACCEPTED_CACHE_LIMIT) index.accepted.clear();
    index.accepted.set(word, accepted);
    return [...accepted];
  });
}

/** Synonyms whose term occurs in the query as whole words (diacritic-insensitive), longest first. */
export function synonymsIn(index: SearchIndex<SearchDocument>, query: string): SearchSynonym[] {
  const padded = ` ${foldWords(query).join(' ')} `;
  return index.synonyms
    .filter((s) => s.termFolded !== '' && padded.includes(` ${s.termFolded} `))
    .sort((a, b) => b.termFolded.length - a.termFolded.length || byCodePoint(a.termFolded, b.termFolded))
    .slice(0, MAX_SYNONYMS);
}

/** One way the query can match: its phrase, the accepted words per query word, how many must be found. */
interface MatchQuery {
  phrase: string;
  terms: readonly (readonly string[])[];
  required: number;
}

function matchQuery(index: SearchIndex<SearchDocument>, phrase: string): MatchQuery {
  const all = foldWords(phrase);
  const words = all.filter((w) => !STOP_WORDS.has(w));
  const terms = acceptedWords(index, words.length > 0 ? words : all);
  const n = terms.length;
  return { phrase, terms, required: n <= 2 ? n : Math.ceil(n * 0.6) };
}

const FILTER_FIELD = 1;
const FILTER_LEVEL = 2;
const FILTER_AGENCY = 4;
const FILTER_ONLINE = 8;
const FILTER_FEE = 16;

function failedFilters(d: SearchDocument, r: SearchRequest): number {
  let failed = 0;
  if (r.field !== undefined && d.fieldCode !== r.field) failed |= FILTER_FIELD;
  if (r.level !== undefined && !d.levels.includes(r.level)) failed |= FILTER_LEVEL;
  if (r.agencyId !== undefined && !d.agencyIds.includes(r.agencyId)) failed |= FILTER_AGENCY;
  if (r.onlineLevel !== undefined && (d.onlineLevel ?? 'none') !== r.onlineLevel) failed |= FILTER_ONLINE;
  if (r.fee !== undefined && d.hasFee !== (r.fee === 'paid')) failed |= FILTER_FEE;
  return failed;
}

class FacetCounter {
  private readonly counts = new Map<string, number>();
  add(value: string) {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
  }
  /** Most frequent first, then by value. */
  list(): FacetCount[] {
    return [...this.counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || byCodePoint(a.value, b.value));
  }
}

export function searchCatalogue<D extends SearchDocument>(
  index: SearchIndex<D>,
  request: SearchRequest,
): SearchOutcome<D> {
  const q = request.q.normalize('NFC').trim();
  const synonymsUsed = q === '' ? [] : synonymsIn(index, q);
  const expansions = [...new Set(synonymsUsed.flatMap((s) => s.expandsTo))].slice(0, MAX_EXPANSIONS);
  const codes = new Set(synonymsUsed.flatMap((s) => s.procedureCodes));
  const exactCode = /^\d\.\d{6}$/.test(q);
  const browsing = !exactCode && q === '' && codes.size === 0;
  const queries = exactCode
    ? []
    : [q, ...expansions]
        .filter((p) => p !== '')
        .map((p) => matchQuery(index, p))
        .filter((mq) => mq.terms.some((t) => t.length > 0));

  const { entries } = index;
  const at = request.at;
  const inForce = (d: SearchDocument) => d.inForceFrom <= at && (d.inForceTo === null || d.inForceTo > at);

  // The matches and their cheap score.
  const coarse = new Float64Array(entries.length);
  const matched: number[] = [];
  if (browsing || exactCode) {
    entries.forEach((e, i) => {
      if (inForce(e.document) && (!exactCode || e.document.nationalCode === q)) matched.push(i);
    });
  } else {
    const best = new Float64Array(entries.length);
    const passes = new Uint8Array(entries.length);
    const found = new Uint16Array(entries.length);
    const seen = new Int32Array(entries.length);
    let stamp = 0;
    for (const mq of queries) {
      found.fill(0);
      const touched: number[] = [];
      for (const term of mq.terms) {
        stamp++;
        for (const word of term) {
          const list = index.postings.get(word);
          if (!list) continue;
          for (let k = 0; k < list.length; k++) {
            const e = list[k]!;
            if (seen[e] === stamp) continue;
            seen[e] = stamp;
            if (found[e] === 0) touched.push(e);
            found[e]!++;
          }
        }
      }
      for (const e of touched) {
        const share = found[e]! / mq.terms.length;
        if (share > best[e]!) best[e] = share;
        if (found[e]! >= mq.required) passes[e] = 1;
      }
    }
    entries.forEach((e, i) => {
      const boosted = codes.has(e.document.nationalCode);
      if ((passes[i] || boosted) && inForce(e.document)) {
        matched.push(i);
        coarse[i] = Math.fround(2 * best[i]! + (boosted ? 1.5 : 0));
      }
    });
  }

  // Filters and facets, each facet ignoring its own filter.
  const facets = {
    fields: new FacetCounter(),
    levels: new FacetCounter(),
    agencies: new FacetCounter(),
    onlineLevels: new FacetCounter(),
    fee: new FacetCounter(),
  };
  const kept: number[] = [];
  for (const i of matched) {
    const d = entries[i]!.document;
    const failed = failedFilters(d, request);
    if (failed === 0) kept.push(i);
    if ((failed & ~FILTER_FIELD) === 0) facets.fields.add(d.fieldCode);
    if ((failed & ~FILTER_LEVEL) === 0) for (const l of new Set(d.levels)) facets.levels.add(l);
    if ((failed & ~FILTER_AGENCY) === 0) for (const a of new Set(d.agencyIds)) facets.agencies.add(a);
    if ((failed & ~FILTER_ONLINE) === 0) facets.onlineLevels.add(d.onlineLevel ?? 'none');
    if ((failed & ~FILTER_FEE) === 0) facets.fee.add(d.hasFee ? 'paid' : 'free');
  }

  // Ranking: the cheap score for all, the word similarity for the best of them.
  const byCoarse = (a: number, b: number) =>
    coarse[b]! - coarse[a]! || entries[a]!.nameRank - entries[b]!.nameRank;
  const pool = topN(kept, request.offset + request.limit + RERANK, byCoarse);
  const fine = new Map<number, number>();
  if (!browsing && !exactCode) {
    const phrases = queries.map((mq) => trigramSet(foldText(mq.phrase)));
    const foldedQuery = foldText(q);
    for (const i of pool) {
      const entry = entries[i]!;
      entry.trigrams ??= trigramText(entry.document.foldedName);
      let similarity = 0;
      for (const phrase of phrases)
        similarity = Math.max(similarity, wordSimilarityOf(phrase, entry.trigrams));
      const exact = entry.document.foldedName.includes(foldedQuery) ? 0.5 : 0;
      fine.set(i, Math.fround(coarse[i]! + 2 * similarity + exact));
    }
  }
  const score = (i: number) => fine.get(i) ?? coarse[i]!;
  pool.sort((a, b) => score(b) - score(a) || entries[a]!.nameRank - entries[b]!.nameRank);
  return {
    total: kept.length,
    hits: pool
      .slice(request.offset, request.offset + request.limit)
      .map((i) => ({ document: entries[i]!.document, score: score(i) })),
    facets: {
      fields: facets.fields.list(),
      levels: facets.levels.list(),
      agencies: facets.agencies.list(),
      onlineLevels: facets.onlineLevels.list(),
      fee: facets.fee.list(),
    },
    synonymsUsed,
  };
}

/** The first `n` of `items` in `compare` order (sorted), without sorting all of them. */
function topN(items: number[], n: number, compare: (a: number, b: number) => number): number[] {
  if (items.length <= n * 4) return items.sort(compare).slice(0, n);
  const top: number[] = [];
  for (const item of items) {
    if (top.length === n && compare(item, top[n - 1]!) >= 0) continue;
    let position = top.length;
    while (position > 0 && compare(item, top[position - 1]!) < 0) position--;
    top.splice(position, 0, item);
    if (top.length > n) top.pop();
  }
  return top;
}
