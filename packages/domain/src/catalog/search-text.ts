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
 * The set of characters of a word as bits (a–z, and digits folded onto 6 more bits): one edit adds or
 * removes at most one character, so two words whose sets differ by more than `max` characters either
 * way cannot be within `max` edits. Cheap rejection before the distance.
 */
export function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) mask |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) mask |= 1 << (26 + ((c - 48) % 6));
  }
  return mask;
}

function bitCount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Whether `candidate` may stand for the query word `word` (itself or a near miss). */
export function acceptsWord(
  word: string,
  wordMask: number,
  candidate: string,
  candidateMask: number,
): boolean {
  if (candidate === word) return true;
  const max = allowedEdits(word.length);
  if (max === 0 || Math.abs(candidate.length - word.length) > max) return false;
  // short words keep their first letter: "ki" may be "ky", never "ai"
  if (word.length <= 3 && candidate.charCodeAt(0) !== word.charCodeAt(0)) return false;
  if (bitCount(wordMask & ~candidateMask) > max || bitCount(candidateMask & ~wordMask) > max) return false;
  return editDistance(word, candidate, max) <= max;
}
