import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptsWord,
  allowedEdits,
  deletionVariants,
  editDistance,
  foldText,
  foldWords,
  vocabularyDeletionDepth,
} from '../../src/catalog/search-text';

describe('folding Vietnamese text for the search', () => {
  it('drops diacritics and maps đ/Đ to d, in lower case', () => {
    expect(foldText('Đăng ký khai sinh')).toBe('dang ky khai sinh');
    expect(foldText('ĐỔI GIẤY PHÉP LÁI XE')).toBe('doi giay phep lai xe');
    // decomposed input (NFD, as some keyboards send it) folds the same as composed
    expect(foldText('Đăng ký'.normalize('NFD'))).toBe('dang ky');
  });

  it('splits into words of letters and digits', () => {
    expect(foldWords('Cấp bản sao Giấy khai sinh (1.001193), lần 2')).toEqual([
      'cap',
      'ban',
      'sao',
      'giay',
      'khai',
      'sinh',
      '1',
      '001193',
      'lan',
      '2',
    ]);
  });
});

describe('the typo rule', () => {
  it('counts an adjacent swap as one edit (optimal string alignment)', () => {
    expect(editDistance('khai', 'khia', 2)).toBe(1);
    expect(editDistance('sinh', 'snih', 2)).toBe(1);
    expect(editDistance('kai', 'khai', 2)).toBe(1);
    expect(editDistance('dang', 'dung', 2)).toBe(1);
    expect(editDistance('tam', 'tru', 1)).toBe(2); // stops above the bound
  });

  it('allows no edit for one letter, one up to seven letters, two beyond', () => {
    expect([1, 2, 7, 8, 12].map(allowedEdits)).toEqual([0, 1, 1, 2, 2]);
  });

  it('lets "ki" stand for "ky" and "kai" for "khai", but never changes the first letter of a short word', () => {
    expect(acceptsWord('ki', 'ky')).toBe(true);
    expect(acceptsWord('kai', 'khai')).toBe(true);
    expect(acceptsWord('ki', 'ai')).toBe(false);
    expect(acceptsWord('a', 'o')).toBe(false);
    expect(acceptsWord('chungnhan', 'chungnhanh')).toBe(true);
  });

  it('finds every near miss through the deletion table that a comparison with every word finds', () => {
    const word = fc.stringMatching(/^[a-e0-2]{1,11}$/);
    const edit = fc.record({
      kind: fc.constantFrom('insert', 'delete', 'substitute', 'swap'),
      at: fc.nat(),
      letter: fc.constantFrom('a', 'b', 'c', 'x'),
    });
    // queries made from a vocabulary word by up to two edits, so near misses are frequent
    const applyEdit = (w: string, e: { kind: string; at: number; letter: string }) => {
      const i = w.length === 0 ? 0 : e.at % w.length;
      if (e.kind === 'insert') return w.slice(0, i) + e.letter + w.slice(i);
      if (e.kind === 'delete') return w.slice(0, i) + w.slice(i + 1);
      if (e.kind === 'substitute') return w.slice(0, i) + e.letter + w.slice(i + 1);
      return i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w;
    };
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.array(edit, { maxLength: 2 }),
        (vocabulary, pick, edits) => {
          const query = edits.reduce(applyEdit, vocabulary[pick % vocabulary.length]!);
          fc.pre(query !== '');
          const table = new Map<string, string[]>();
          for (const w of vocabulary)
            for (const v of deletionVariants(w, vocabularyDeletionDepth(w.length)))
              table.set(v, [...(table.get(v) ?? []), w]);
          const viaTable = new Set<string>();
          for (const v of deletionVariants(query, allowedEdits(query.length)))
            for (const w of table.get(v) ?? []) if (acceptsWord(query, w)) viaTable.add(w);
          const everyWord = vocabulary.filter((w) => acceptsWord(query, w));
          expect([...viaTable].sort()).toEqual([...everyWord].sort());
        },
      ),
      { numRuns: 1000 },
    );
  });
});
