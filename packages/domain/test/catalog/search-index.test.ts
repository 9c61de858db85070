import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  type SearchDocument,
  type SearchRequest,
  searchCatalogue,
} from '../../src/catalog/search-index';
import { foldText } from '../../src/catalog/search-text';

const T0 = Date.parse('2026-03-02T02:00:00Z');
const DAY = 86_400_000;

let sequence = 0;
function doc(name: string, over: Partial<SearchDocument> = {}): SearchDocument {
  sequence++;
  const nationalCode = over.nationalCode ?? `1.${String(sequence).padStart(6, '0')}`;
  return {
    versionId: `v${sequence}`,
    procedureId: `p${sequence}`,
    nationalCode,
    localCode: `${nationalCode}.000.00.00.H99`,
    name,
    fieldCode: 'L.HO-TICH',
    levels: ['commune'],
    agencyIds: ['ward-a'],
    onlineLevel: null,
    hasFee: false,
    foldedName: foldText(name),
    foldedText: foldText(`${name} · ${over.fieldCode ?? 'Hộ tịch'} · ${nationalCode}`),
    inForceFrom: T0 - DAY,
    inForceTo: null,
    ...over,
  };
}

const birth = doc('Thủ tục đăng ký khai sinh', { nationalCode: '1.001193' });
const death = doc('Thủ tục đăng ký khai tử', { nationalCode: '1.000656', hasFee: true });
const marriage = doc('Thủ tục đăng ký kết hôn', { nationalCode: '1.000894', onlineLevel: 'partial' });
const residence = doc('Đăng ký tạm trú', {
  nationalCode: '1.004194',
  fieldCode: 'L.CU-TRU',
  agencyIds: ['ward-a', 'ward-b'],
  onlineLevel: 'full',
});
const land = doc('Đăng ký đất đai, cấp Giấy chứng nhận quyền sử dụng đất lần đầu', {
  nationalCode: '1.013978',
  fieldCode: 'L.DAT-DAI',
  levels: ['commune', 'province'],
  hasFee: true,
});
const later = doc('Thủ tục đăng ký khai sinh lưu động', { inForceFrom: T0 + 10 * DAY });
const ended = doc('Thủ tục đăng ký khai sinh cũ', { inForceTo: T0 - 1 });

const documents = [birth, death, marriage, residence, land, later, ended];
const synonyms = [
  {
    term: 'sổ đỏ',
    termFolded: 'so do',
    expandsTo: ['giấy chứng nhận quyền sử dụng đất'],
    procedureCodes: ['1.013978'],
  },
];

const search = (request: Partial<SearchRequest>, index = buildSearchIndex(documents, synonyms)) =>
  searchCatalogue(index, { q: '', at: T0, limit: 20, offset: 0, ...request });
const names = (outcome: ReturnType<typeof search>) => outcome.hits.map((h) => h.document.name);

describe('the catalogue search over its in-memory index', () => {
  it('finds "Đăng ký khai sinh" first without diacritics, with đ typed as d', () => {
    expect(names(search({ q: 'dang ky khai sinh' }))[0]).toBe(birth.name);
    expect(names(search({ q: 'ĐĂNG KÝ KHAI SINH' }))[0]).toBe(birth.name);
  });

  it('tolerates typos: "dang ki kai sinh" still ranks birth registration first', () => {
    const outcome = search({ q: 'dang ki kai sinh' });
    expect(names(outcome)[0]).toBe(birth.name);
    // the exact words score above the typo
    expect(search({ q: 'dang ky khai sinh' }).hits[0]!.score).toBeGreaterThan(outcome.hits[0]!.score);
  });

  it('searches only the versions in force at the instant asked', () => {
    expect(names(search({ q: 'khai sinh' }))).toEqual([birth.name]);
    expect(names(search({ q: 'khai sinh', at: T0 + 11 * DAY }))).toContain(later.name);
    expect(names(search({ q: 'khai sinh', at: T0 - 2 * DAY }))).toEqual([]);
  });

  it('expands an everyday term through a synonym and boosts its procedure', () => {
    const outcome = search({ q: 'sổ đỏ' });
    expect(names(outcome)[0]).toBe(land.name);
    expect(outcome.synonymsUsed.map((s) => s.term)).toEqual(['sổ đỏ']);
    // whole words only: "so" alone is no synonym
    expect(search({ q: 'so' }).synonymsUsed).toEqual([]);
  });

  it('looks a national code up exactly', () => {
    expect(names(search({ q: '1.000894' }))).toEqual([marriage.name]);
  });

  it('lists every version in force, by name, when there is no query', () => {
    const outcome = search({});
    expect(outcome.total).toBe(5);
    expect(names(outcome)).toEqual([...names(outcome)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('filters, and counts each facet over the matches ignoring its own filter', () => {
    const civil = search({ q: 'dang ky', field: 'L.HO-TICH' });
    expect(civil.total).toBe(3);
    // the field facet still offers the other fields
    expect(civil.facets.fields).toEqual([
      { value: 'L.HO-TICH', count: 3 },
      { value: 'L.CU-TRU', count: 1 },
      { value: 'L.DAT-DAI', count: 1 },
    ]);
    // the other facets count within the chosen field
    expect(civil.facets.fee).toEqual([
      { value: 'free', count: 2 },
      { value: 'paid', count: 1 },
    ]);
    expect(search({ q: 'dang ky', fee: 'paid' }).total).toBe(2);
    expect(search({ q: 'dang ky', onlineLevel: 'none' }).total).toBe(3);
    expect(search({ q: 'dang ky', level: 'province' }).hits.map((h) => h.document)).toEqual([land]);
    const wardB = search({ q: 'dang ky', agencyId: 'ward-b' });
    expect(wardB.hits.map((h) => h.document)).toEqual([residence]);
    expect(wardB.facets.agencies).toEqual([
      { value: 'ward-a', count: 5 },
      { value: 'ward-b', count: 1 },
    ]);
    expect(search({ q: 'dang ky', field: 'L.NO-SUCH' }).total).toBe(0);
  });

  it('pages through the ranked matches', () => {
    const all = search({ q: 'dang ky' });
    const second = search({ q: 'dang ky', limit: 2, offset: 2 });
    expect(second.total).toBe(all.total);
    expect(names(second)).toEqual(names(all).slice(2, 4));
  });

  it('answers a repeated request from its memo only while the same versions are in force', () => {
    const index = buildSearchIndex(documents, synonyms);
    const first = search({ q: 'khai sinh' }, index);
    expect(search({ q: 'Khai Sinh', at: T0 + DAY }, index)).toBe(first);
    const afterwards = search({ q: 'khai sinh', at: T0 + 11 * DAY }, index);
    expect(afterwards).not.toBe(first);
    expect(names(afterwards)).toContain(later.name);
  });
});
