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
import {
  acceptsWord,
  allowedEdits,
  deletionVariants,
  foldText,
  foldWords,
  splitFolded,
  vocabularyDeletionDepth,
} from './search-text';
import {
  type TrigramDictionary,
  type TrigramText,
  trigramQuery,
  trigramText,
  wordSimilarityOf,
} from './word-similarity';

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
const ANSWER_MEMO_LIMIT = 1_000;

/** Values of one facet, numbered. */
class Dictionary {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
  /** The value's number, or -1 when no document has it. */
  find(value: string): number {
    return this.ids.get(value) ?? -1;
  }
}

interface Scratch {
  candidates: Int32Array;
  touched: Int32Array;
  kept: Int32Array;
  coarse: Float64Array;
  best: Float64Array;
  found: Uint16Array;
  seen: Int32Array;
  flags: Uint8Array;
  stamp: number;
}

const CANDIDATE = 1;
const BOOSTED = 2;

export interface SearchIndex<D extends SearchDocument> {
  readonly documents: readonly D[];
  /** Position of each document's name in name order (ties and browsing sort on it). */
  readonly nameRank: Int32Array;
  readonly inForceFrom: Float64Array;
  /** `Infinity` when open. */
  readonly inForceTo: Float64Array;
  /** Facet values of each document, as numbers of the facet's dictionary. */
  readonly facetIds: {
    readonly field: Int32Array;
    readonly levels: readonly Int32Array[];
    readonly agencies: readonly Int32Array[];
    readonly online: Int32Array;
    readonly paid: Uint8Array;
  };
  readonly dictionaries: {
    readonly field: Dictionary;
    readonly level: Dictionary;
    readonly agency: Dictionary;
    readonly online: Dictionary;
  };
  /** national code → the documents (indexes) with it. */
  readonly byCode: ReadonlyMap<string, readonly number[]>;
  /** word → the documents (indexes) whose text holds it. */
  readonly postings: ReadonlyMap<string, Int32Array>;
  /** deletion variant (see `deletionVariants`) → the vocabulary words it comes from */
  readonly deletions: ReadonlyMap<string, readonly string[]>;
  readonly synonyms: readonly SearchSynonym[];
  /** Answers of recent requests, least recently used first, each with the interval it holds for. */
  readonly answers: Map<string, { from: number; to: number; outcome: SearchOutcome<SearchDocument> }>;
  /** Every instant at which a version enters or leaves force, ascending. */
  readonly boundaries: Float64Array;
  /** Memo of `acceptedWords` per query word: the index never changes, so neither does the answer. */
  readonly accepted: Map<string, readonly string[]>;
  /** Working arrays of one search, one slot per document (a search runs to its end synchronously). */
  readonly scratch: Scratch;
  /** Each name's trigrams, numbered in `trigrams`. */
  readonly nameTrigrams: readonly TrigramText[];
  readonly trigrams: TrigramDictionary;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildSearchIndex<D extends SearchDocument>(
  documents: readonly D[],
  synonyms: readonly SearchSynonym[],
): SearchIndex<D> {
  const n = documents.length;
  const order = documents
    .map((_document, i) => i)
    .sort(
      (a, b) =>
        byCodePoint(documents[a]!.name, documents[b]!.name) ||
        byCodePoint(documents[a]!.localCode, documents[b]!.localCode),
    );
  const nameRank = new Int32Array(n);
  order.forEach((documentIndex, position) => {
    nameRank[documentIndex] = position;
  });
  const dictionaries = {
    field: new Dictionary(),
    level: new Dictionary(),
    agency: new Dictionary(),
    online: new Dictionary(),
  };
  const facetIds = {
    field: new Int32Array(n),
    levels: [] as Int32Array[],
    agencies: [] as Int32Array[],
    online: new Int32Array(n),
    paid: new Uint8Array(n),
  };
  const inForceFrom = new Float64Array(n);
  const inForceTo = new Float64Array(n);
  const byCode = new Map<string, number[]>();
  const lists = new Map<string, number[]>();
  documents.forEach((d, i) => {
    facetIds.field[i] = dictionaries.field.id(d.fieldCode);
    facetIds.levels.push(Int32Array.from(new Set(d.levels), (l) => dictionaries.level.id(l)));
    facetIds.agencies.push(Int32Array.from(new Set(d.agencyIds), (a) => dictionaries.agency.id(a)));
    facetIds.online[i] = dictionaries.online.id(d.onlineLevel ?? 'none');
    facetIds.paid[i] = d.hasFee ? 1 : 0;
    inForceFrom[i] = d.inForceFrom;
    inForceTo[i] = d.inForceTo ?? Number.POSITIVE_INFINITY;
    const same = byCode.get(d.nationalCode);
    if (same) same.push(i);
    else byCode.set(d.nationalCode, [i]);
    for (const word of new Set(splitFolded(d.foldedText))) {
      const list = lists.get(word);
      if (list) list.push(i);
      else lists.set(word, [i]);
    }
  });
  const trigrams: TrigramDictionary = new Map();
  const postings = new Map<string, Int32Array>();
  const deletions = new Map<string, string[]>();
  for (const [word, list] of lists) {
    postings.set(word, Int32Array.from(list));
    for (const variant of deletionVariants(word, vocabularyDeletionDepth(word.length))) {
      const same = deletions.get(variant);
      if (same) same.push(word);
      else deletions.set(variant, [word]);
    }
  }
  return {
    documents,
    nameRank,
    inForceFrom,
    inForceTo,
    facetIds,
    dictionaries,
    byCode,
    postings,
    deletions,
    synonyms,
    accepted: new Map(),
    answers: new Map(),
    boundaries: Float64Array.from(
      new Set([...inForceFrom, ...inForceTo].filter((t) => Number.isFinite(t))),
    ).sort(),
    scratch: {
      candidates: new Int32Array(n),
      touched: new Int32Array(n),
      kept: new Int32Array(n),
      coarse: new Float64Array(n),
      best: new Float64Array(n),
      found: new Uint16Array(n),
      seen: new Int32Array(n),
      flags: new Uint8Array(n),
      stamp: 0,
    },
    nameTrigrams: documents.map((d) => trigramText(d.foldedName, trigrams)),
    trigrams,
  };
}

/** For each query word, the vocabulary words it may stand for (itself and its near misses). */
export function acceptedWords(index: SearchIndex<SearchDocument>, words: readonly string[]): string[][] {
  return words.map((word) => {
    const cached = index.accepted.get(word);
    if (cached) return [...cached];
    const accepted = new Set<string>();
    for (const variant of deletionVariants(word, allowedEdits(word.length)))
      for (const candidate of index.deletions.get(variant) ?? [])
        if (!accepted.has(candidate) && acceptsWord(word, candidate)) accepted.add(candidate);
    const list = [...accepted].sort(byCodePoint);
    if (index.accepted.size >= ACCEPTED_CACHE_LIMIT) index.accepted.clear();
    index.accepted.set(word, list);
    return [...list];
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

function includes(ids: Int32Array, id: number): boolean {
  for (let k = 0; k < ids.length; k++) if (ids[k] === id) return true;
  return false;
}

/** Counts per dictionary number, listed most frequent first, then by value. */
function facetList(counts: Int32Array, dictionary: Dictionary): FacetCount[] {
  const out: FacetCount[] = [];
  for (let id = 0; id < counts.length; id++)
    if (counts[id]! > 0) out.push({ value: dictionary.values[id]!, count: counts[id]! });
  return out.sort((a, b) => b.count - a.count || byCodePoint(a.value, b.value));
}

/**
 * The search, answered from the index's memo when the same request (same folded query, filters and
 * page) was answered at an instant with the same versions in force.
 */
export function searchCatalogue<D extends SearchDocument>(
  index: SearchIndex<D>,
  request: SearchRequest,
): SearchOutcome<D> {
  // The answer depends on the query only through its folded form.
  const key = JSON.stringify([
    foldText(request.q.normalize('NFC').trim()),
    request.field,
    request.level,
    request.agencyId,
    request.onlineLevel,
    request.fee,
    request.limit,
    request.offset,
  ]);
  const memo = index.answers.get(key);
  if (memo && memo.from <= request.at && request.at < memo.to) {
    index.answers.delete(key);
    index.answers.set(key, memo);
    return memo.outcome as SearchOutcome<D>;
  }
  const outcome = computeSearch(index, request);
  const { from, to } = stableAround(index.boundaries, request.at);
  if (index.answers.size >= ANSWER_MEMO_LIMIT) index.answers.delete(index.answers.keys().next().value!);
  index.answers.set(key, { from, to, outcome });
  return outcome;
}

/** The interval around `at` in which no version enters or leaves force. */
function stableAround(boundaries: Float64Array, at: number): { from: number; to: number } {
  let low = 0;
  let high = boundaries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (boundaries[mid]! <= at) low = mid + 1;
    else high = mid;
  }
  return {
    from: low > 0 ? boundaries[low - 1]! : Number.NEGATIVE_INFINITY,
    to: low < boundaries.length ? boundaries[low]! : Number.POSITIVE_INFINITY,
  };
}

function computeSearch<D extends SearchDocument>(
  index: SearchIndex<D>,
  request: SearchRequest,
): SearchOutcome<D> {
  const q = request.q.normalize('NFC').trim();
  const synonymsUsed = q === '' ? [] : synonymsIn(index, q);
  const expansions = [...new Set(synonymsUsed.flatMap((s) => s.expandsTo))].slice(0, MAX_EXPANSIONS);
  const codes = [...new Set(synonymsUsed.flatMap((s) => s.procedureCodes))];
  const exactCode = /^\d\.\d{6}$/.test(q);
  const browsing = !exactCode && q === '' && codes.length === 0;
  const queries = exactCode
    ? []
    : [q, ...expansions]
        .filter((p) => p !== '')
        .map((p) => matchQuery(index, p))
        .filter((mq) => mq.terms.some((t) => t.length > 0));

  const n = index.documents.length;
  const at = request.at;
  const { inForceFrom, inForceTo, nameRank } = index;

  // The candidates and their cheap score: twice the best share of a query's words found, +1.5 when a
  // synonym names the procedure.
  const { coarse, best, found, seen, flags, candidates, touched, kept } = index.scratch;
  coarse.fill(0);
  let candidateCount = 0;
  if (browsing) {
    for (let i = 0; i < n; i++) candidates[candidateCount++] = i;
  } else if (exactCode) {
    for (const i of index.byCode.get(q) ?? []) candidates[candidateCount++] = i;
  } else {
    best.fill(0);
    flags.fill(0);
    for (const mq of queries) {
      let touchedCount = 0;
      for (const term of mq.terms) {
        // a document counts once per query word, however many of the word's near misses it holds
        const stamp = nextStamp(index.scratch);
        for (const word of term) {
          const list = index.postings.get(word);
          if (!list) continue;
          for (let k = 0; k < list.length; k++) {
            const e = list[k]!;
            if (seen[e] === stamp) continue;
            seen[e] = stamp;
            if (found[e] === 0) touched[touchedCount++] = e;
            found[e]!++;
          }
        }
      }
      for (let t = 0; t < touchedCount; t++) {
        const e = touched[t]!;
        const share = found[e]! / mq.terms.length;
        if (share > best[e]!) best[e] = share;
        if (found[e]! >= mq.required && (flags[e]! & CANDIDATE) === 0) {
          flags[e]! |= CANDIDATE;
          candidates[candidateCount++] = e;
        }
        found[e] = 0;
      }
    }
    for (const code of codes)
      for (const e of index.byCode.get(code) ?? []) {
        flags[e]! |= BOOSTED;
        if ((flags[e]! & CANDIDATE) === 0) {
          flags[e]! |= CANDIDATE;
          candidates[candidateCount++] = e;
        }
      }
    for (let c = 0; c < candidateCount; c++) {
      const e = candidates[c]!;
      coarse[e] = Math.fround(2 * best[e]! + (flags[e]! & BOOSTED ? 1.5 : 0));
    }
  }

  // Filters and facets, each facet ignoring its own filter.
  const { dictionaries: dict, facetIds: ids } = index;
  const want = {
    field: request.field === undefined ? -2 : dict.field.find(request.field),
    level: request.level === undefined ? -2 : dict.level.find(request.level),
    agency: request.agencyId === undefined ? -2 : dict.agency.find(request.agencyId),
    online: request.onlineLevel === undefined ? -2 : dict.online.find(request.onlineLevel),
    paid: request.fee === undefined ? -2 : request.fee === 'paid' ? 1 : 0,
  };
  const counts = {
    field: new Int32Array(dict.field.values.length),
    level: new Int32Array(dict.level.values.length),
    agency: new Int32Array(dict.agency.values.length),
    online: new Int32Array(dict.online.values.length),
    paid: new Int32Array(2),
  };
  let keptCount = 0;
  for (let c = 0; c < candidateCount; c++) {
    const i = candidates[c]!;
    if (inForceFrom[i]! > at || inForceTo[i]! <= at) continue;
    let failed = 0;
    if (want.field !== -2 && ids.field[i] !== want.field) failed |= FILTER_FIELD;
    if (want.level !== -2 && !includes(ids.levels[i]!, want.level)) failed |= FILTER_LEVEL;
    if (want.agency !== -2 && !includes(ids.agencies[i]!, want.agency)) failed |= FILTER_AGENCY;
    if (want.online !== -2 && ids.online[i] !== want.online) failed |= FILTER_ONLINE;
    if (want.paid !== -2 && ids.paid[i] !== want.paid) failed |= FILTER_FEE;
    if (failed === 0) kept[keptCount++] = i;
    if ((failed & ~FILTER_FIELD) === 0) counts.field[ids.field[i]!]!++;
    if ((failed & ~FILTER_LEVEL) === 0) {
      const levels = ids.levels[i]!;
      for (let k = 0; k < levels.length; k++) counts.level[levels[k]!]!++;
    }
    if ((failed & ~FILTER_AGENCY) === 0) {
      const agencies = ids.agencies[i]!;
      for (let k = 0; k < agencies.length; k++) counts.agency[agencies[k]!]!++;
    }
    if ((failed & ~FILTER_ONLINE) === 0) counts.online[ids.online[i]!]!++;
    if ((failed & ~FILTER_FEE) === 0) counts.paid[ids.paid[i]!]!++;
  }

  // Ranking: the cheap score for all, the word similarity for the best of them.
  const byCoarse = (a: number, b: number) => coarse[b]! - coarse[a]! || nameRank[a]! - nameRank[b]!;
  const pool = topN(kept, keptCount, request.offset + request.limit + RERANK, byCoarse);
  const coarseOf = new Map(pool.map((i) => [i, coarse[i]!]));
  const score = new Map<number, number>();
  if (!browsing && !exactCode)
    rerank(index, pool, queries, foldText(q), request.offset + request.limit, score);
  // documents whose bound showed they cannot reach the page keep their cheap score: they stay below it
  const scoreOf = (i: number) => score.get(i) ?? coarseOf.get(i)!;
  pool.sort((a, b) => scoreOf(b) - scoreOf(a) || nameRank[a]! - nameRank[b]!);
  return {
    total: keptCount,
    hits: pool
      .slice(request.offset, request.offset + request.limit)
      .map((i) => ({ document: index.documents[i]!, score: scoreOf(i) })),
    facets: {
      fields: facetList(counts.field, dict.field),
      levels: facetList(counts.level, dict.level),
      agencies: facetList(counts.agency, dict.agency),
      onlineLevels: facetList(counts.online, dict.online),
      fee: counts.paid.some((c) => c > 0)
        ? [
            ...(counts.paid[1]! > 0 ? [{ value: 'paid', count: counts.paid[1]! }] : []),
            ...(counts.paid[0]! > 0 ? [{ value: 'free', count: counts.paid[0]! }] : []),
          ].sort((a, b) => b.count - a.count || byCodePoint(a.value, b.value))
        : [],
    },
    synonymsUsed,
  };
}

/**
 * The fine score of the pool's documents that can reach the first `needed` places: the cheap score,
 * twice the best word similarity of a query phrase and the name, +0.5 when the name contains the
 * folded query. A similarity is at most |phrase trigrams in the name| / |phrase trigrams|, so the
 * documents are taken in the order of that bound and the rest skipped once the bound falls below the
 * `needed`-th score found (they could not enter the page; their order beyond it does not matter).
 */
function rerank(
  index: SearchIndex<SearchDocument>,
  pool: readonly number[],
  queries: readonly MatchQuery[],
  foldedQuery: string,
  needed: number,
  score: Map<number, number>,
): void {
  const phrases = queries.map((mq) => trigramQuery(foldText(mq.phrase), index.trigrams));
  const { coarse } = index.scratch;
  const candidates = pool.map((i) => {
    const trigrams = index.nameTrigrams[i]!;
    // per phrase, the bound of its similarity with this name
    const bounds = phrases.map((phrase) => {
      let held = 0;
      for (let k = 0; k < trigrams.distinct.length; k++) held += phrase.holds[trigrams.distinct[k]!] ?? 0;
      return phrase.size > 0 ? held / phrase.size : 0;
    });
    const exact = index.documents[i]!.foldedName.includes(foldedQuery) ? 0.5 : 0;
    // the margin covers the single-precision rounding of the real score
    return { i, exact, bounds, bound: coarse[i]! + 2 * Math.max(0, ...bounds) + exact + 1e-5 };
  });
  candidates.sort((a, b) => b.bound - a.bound);
  const found: number[] = [];
  for (const c of candidates) {
    if (found.length >= needed && c.bound < found[needed - 1]!) break;
    const trigrams = index.nameTrigrams[c.i]!;
    let similarity = 0;
    phrases.forEach((phrase, k) => {
      // a phrase whose bound does not exceed the similarity found cannot raise it
      if (c.bounds[k]! + 1e-6 > similarity)
        similarity = Math.max(similarity, wordSimilarityOf(phrase, trigrams));
    });
    const value = Math.fround(coarse[c.i]! + 2 * similarity + c.exact);
    score.set(c.i, value);
    let at = found.length;
    while (at > 0 && found[at - 1]! < value) at--;
    found.splice(at, 0, value);
  }
}

function nextStamp(scratch: Scratch): number {
  if (scratch.stamp >= 0x7fffffff) {
    scratch.seen.fill(0);
    scratch.stamp = 0;
  }
  return ++scratch.stamp;
}

/** The first `n` of the first `count` items in `compare` order (sorted), without sorting all of them. */
function topN(
  items: Int32Array,
  count: number,
  n: number,
  compare: (a: number, b: number) => number,
): number[] {
  if (count <= n * 4) return Array.from(items.subarray(0, count)).sort(compare).slice(0, n);
  const top: number[] = [];
  for (let k = 0; k < count; k++) {
    const item = items[k]!;
    if (top.length === n && compare(item, top[n - 1]!) >= 0) continue;
    let position = top.length;
    while (position > 0 && compare(item, top[position - 1]!) < 0) position--;
    top.splice(position, 0, item);
    if (top.length > n) top.pop();
  }
  return top;
}
