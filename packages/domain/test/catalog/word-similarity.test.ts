import { describe, expect, it } from 'vitest';
import { trigramsInOrder, wordSimilarity } from '../../src/catalog/word-similarity';

// The documented value of pg_trgm (PostgreSQL documentation, F.35 pg_trgm, word_similarity); the
// server suite compares this port with the database's word_similarity on the real catalogue's names.
describe("pg_trgm's word_similarity, ported", () => {
  it('pads each word with two spaces before and one after', () => {
    expect(trigramsInOrder('cat')).toEqual(['  c', ' ca', 'cat', 'at ']);
    expect(trigramsInOrder('Ký, a')).toEqual(['  k', ' ký', 'ký ', '  a', ' a ']);
  });

  it("gives 0.8 for word_similarity('word', 'two words') as the documentation shows", () => {
    expect(wordSimilarity('word', 'two words')).toBeCloseTo(0.8, 6);
  });

  it('is 1 when the text holds the words of the query', () => {
    expect(wordSimilarity('dang ky khai sinh', 'thu tuc dang ky khai sinh')).toBe(1);
  });

  it('ranks a typo below the exact words, above unrelated words', () => {
    const exact = wordSimilarity('khai sinh', 'thu tuc dang ky khai sinh');
    const typo = wordSimilarity('kai sinh', 'thu tuc dang ky khai sinh');
    const other = wordSimilarity('tam tru', 'thu tuc dang ky khai sinh');
    expect(exact).toBeGreaterThan(typo);
    expect(typo).toBeGreaterThan(other);
  });

  it('is 0 for an empty query or text', () => {
    expect(wordSimilarity('', 'abc')).toBe(0);
    expect(wordSimilarity('abc', '')).toBe(0);
  });
});
