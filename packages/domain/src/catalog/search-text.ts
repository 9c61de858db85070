/**
 * Folding of Vietnamese text for the catalogue search, and the typo rule. The database folds the stored
 * texts at write time with `catalog.fold` (lower(unaccent(translate(text, 'đĐ', 'dD')))); queries are
 * folded here the same way for Vietnamese letters: decomposed, marks dropped, đ → d, lower case.
 */

/** Lower case, no diacritics, đ → d; other characters are kept (as `catalog.fold` keeps them). */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** The folded words of a text: runs of a–z and 0–9 (the split the stored search words use). */
export function foldWords(text: string): string[] {
  return splitFolded(foldText(text));
}

/** Splits an already folded text into its words. */
export function splitFolded(folded: string): string[] {
  return folded.split(/[^a-z0-9]+/).filter((w) => w !== '');
}

/** Edits allowed for a word of this length: none for 1 letter, 1 up to 7 letters, 2 beyond. */
export function allowedEdits(length: number): number {
  if (length <= 1) return 0;
  return length <= 7 ? 1 : 2;
}

let rowBuffers: Int32Array[] = [];

/**
 * Optimal string alignment distance (insert, delete, substitute, swap adjacent), or `max + 1` as soon
 * as it is known to exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  if (rowBuffers.length < 3 || rowBuffers[0]!.length < width)
    rowBuffers = [new Int32Array(width * 2), new Int32Array(width * 2), new Int32Array(width * 2)];
  // three rolling rows: two back (for the swap), previous, current
  let before = rowBuffers[0]!;
  let previous = rowBuffers[1]!;
  let current = rowBuffers[2]!;
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      )
        d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return previous[b.length]!;
}

/**
 * The word and every string made from it by deleting up to `depth` characters. Two words within `k`
 * edits (insertions, deletions, substitutions, adjacent swaps) share such a string with at most `k`
 * deletions on each side, so a table of the vocabulary's deletions finds a query word's near misses
 * without comparing it with every word ("symmetric delete").
 */
export function deletionVariants(word: string, depth: number): Set<string> {
  const out = new Set([word]);
  let layer = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of layer)
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (shorter !== '' && !out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    layer = next;
  }
  return out;
}

/** How deep a vocabulary word's deletions must go: 2 where a query word of 8+ letters may reach it. */
export function vocabularyDeletionDepth(length: number): number {
  return length >= 6 ? 2 : 1;
}

/** Whether `candidate` may stand for the query word `word` (itself or a near miss). */
export function acceptsWord(word: string, candidate: string): boolean {
  if (candidate === word) return true;
  const max = allowedEdits(word.length);
  if (max === 0 || Math.abs(candidate.length - word.length) > max) return false;
  // short words keep their first letter: "ki" may be "ky", never "ai"
  if (word.length <= 3 && candidate.charCodeAt(0) !== word.charCodeAt(0)) return false;
  return editDistance(word, candidate, max) <= max;
}
