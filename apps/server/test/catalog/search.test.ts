import { foldText } from '@motcua/domain/catalog/search-text';
import { wordSimilarity } from '@motcua/domain/catalog/word-similarity';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATION_REFRESH_MS } from '../../src/modules/catalog/search-index-cache';
import { eventually } from '../support/eventually';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const search = (query: string) => t.anonymous().get(`/api/catalog/search?${query}`);
const codes = (body: { hits: { nationalCode: string }[] }) => body.hits.map((h) => h.nationalCode);

describe('the seeded real catalogue, searched by the public', () => {
  it('holds the 50 real procedures, published, each with its national code', async () => {
    const res = await search('pageSize=50');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(50);
    expect(codes(res.body)).toContain('1.001193');
  });

  it('finds "Đăng ký khai sinh" without diacritics, first', async () => {
    const res = await search('q=dang ky khai sinh');
    expect(res.body.hits[0].nationalCode).toBe('1.001193');
    expect(res.body.hits[0].name).toBe('Thủ tục đăng ký khai sinh');
  });

  it('maps đ to d both ways', async () => {
    const a = await search(`q=${encodeURIComponent('đăng ký khai sinh')}`);
    const b = await search(`q=${encodeURIComponent('ĐANG KY KHAI SINH')}`);
    expect(a.body.hits[0].nationalCode).toBe('1.001193');
    expect(b.body.hits[0].nationalCode).toBe('1.001193');
  });

  it('tolerates typos: "dang ki kai sinh" still ranks birth registration first', async () => {
    const res = await search('q=dang ki kai sinh');
    expect(res.body.hits[0].nationalCode).toBe('1.001193');
  });

  it('expands everyday words through synonyms: "sổ đỏ" finds the land-use certificate procedures', async () => {
    const res = await search(`q=${encodeURIComponent('sổ đỏ')}`);
    expect(codes(res.body)).toEqual(expect.arrayContaining(['1.013978', '1.012753']));
    expect(codes(res.body).slice(0, 2).sort()).toEqual(['1.012753', '1.013978']);
    expect(res.body.synonymsUsed.map((s: { term: string }) => s.term)).toContain('sổ đỏ');
    const birth = await search(`q=${encodeURIComponent('giấy khai sinh')}`);
    expect(birth.body.hits[0].nationalCode).toBe('1.001193');
  });

  it('finds the festival notification of a commune (culture) typed without diacritics', async () => {
    const res = await search('q=thong bao to chuc le hoi');
    expect(res.body.hits[0].nationalCode).toBe('1.003622');
    expect(res.body.hits[0].fieldName).toBe('Văn hóa');
    expect(res.body.hits[0].processingTimes[0]).toEqual({ channel: 'in-person', value: 15, unit: 'days' });
  });

  it('finds a procedure by its national code', async () => {
    const res = await search('q=2.000815');
    expect(res.body.hits[0].nationalCode).toBe('2.000815');
  });

  it('filters by field, level and fee, with facet counts that ignore their own filter', async () => {
    const all = await search('pageSize=50');
    const civil = all.body.facets.fields.find((f: { name: string }) => f.name === 'Hộ tịch');
    expect(civil.count).toBe(10);
    const filtered = await search(`field=${encodeURIComponent(civil.value)}&pageSize=50`);
    expect(filtered.body.total).toBe(10);
    expect(filtered.body.hits.every((h: { fieldName: string }) => h.fieldName === 'Hộ tịch')).toBe(true);
    // the field facet still lists the other fields (it ignores the field filter); levels count within it
    expect(filtered.body.facets.fields.length).toBeGreaterThan(5);
    const levels = Object.fromEntries(
      filtered.body.facets.levels.map((l: { value: string; count: number }) => [l.value, l.count]),
    );
    expect(levels).toEqual({ commune: 10, province: 1 });
    const province = await search('level=province&pageSize=50');
    expect(province.body.total).toBe(11);
    const fee = Object.fromEntries(
      all.body.facets.fee.map((f: { value: string; count: number }) => [f.value, f.count]),
    );
    expect(fee.free + fee.paid).toBe(50);
    const paid = await search('fee=paid&pageSize=50');
    expect(paid.body.total).toBe(fee.paid);
    expect(paid.body.hits.every((h: { hasFee: boolean }) => h.hasFee)).toBe(true);
  });

  it('filters by implementing agency: a commune implements the commune-level procedures', async () => {
    const anBinh = await t.agencyId('000.20.01.H99');
    const res = await search(`agencyId=${anBinh}&pageSize=50`);
    expect(res.body.total).toBe(41);
    const phuLoc = await t.agencyId('000.20.03.H99'); // merged on 1/7/2025: implements nothing now
    expect((await search(`agencyId=${phuLoc}`)).body.total).toBe(0);
  });

  it('shows the public procedure page with where to submit, by id or national code', async () => {
    const res = await t.anonymous().get('/api/catalog/procedures/1.001193');
    if (res.status !== 200) console.log(JSON.stringify(res.body));
    expect(res.status).toBe(200);
    expect(res.body.content.name).toBe('Thủ tục đăng ký khai sinh');
    expect(res.body.localCode).toBe('1.001193.000.00.01.H99');
    expect(res.body.field.name).toBe('Hộ tịch');
    expect(res.body.onlineSubmission).toBe(true);
    const anBinh = res.body.agencies.find((a: { code: string }) => a.code === '000.20.01.H99');
    expect(anBinh.desks[0].name).toBe('Bộ phận Một cửa phường An Bình');
    const byId = await t.anonymous().get(`/api/catalog/procedures/${res.body.procedureId}`);
    expect(byId.body.versionId).toBe(res.body.versionId);
    expect((await t.anonymous().get('/api/catalog/procedures/9.999999')).status).toBe(404);
  });

  it('lets a procedure-control officer edit synonyms, which the search uses at once', async () => {
    const officer = await t.loginStaff('kiemsoat.tthc');
    const before = await search('q=gpxd');
    expect(before.body.total).toBe(0);
    const created = await officer.post('/api/catalog/synonyms', {
      term: 'GPXD',
      expandsTo: ['cấp giấy phép xây dựng'],
      procedureCodes: ['1.013225'],
    });
    expect(created.status).toBe(201);
    const after = await search(`q=${encodeURIComponent('xin gpxd ở đâu')}`);
    expect(codes(after.body)[0]).toBe('1.013225');
    expect(
      (await officer.post('/api/catalog/synonyms', { term: 'gpxd', expandsTo: ['x'] })).body.error.code,
    ).toBe('SYNONYM_EXISTS');
    expect((await t.anonymous().post('/api/catalog/synonyms', { term: 'x', expandsTo: ['y'] })).status).toBe(
      401,
    );
    const desk = await t.loginStaff('motcua.tinh');
    expect((await desk.post('/api/catalog/synonyms', { term: 'x', expandsTo: ['y'] })).status).toBe(403);
    expect((await officer.delete(`/api/catalog/synonyms/${created.body.id}`)).status).toBe(204);
  });
});

describe('what a hit shows and how fresh it is', () => {
  const hit = async (code: string) => {
    const res = await search(`q=${code}`);
    expect(res.status).toBe(200);
    return res.body.hits.find((h: { nationalCode: string }) => h.nationalCode === code);
  };

  it('shows the processing time per channel and the fees of each hit', async () => {
    // Đăng ký tạm trú: 3 working days either way; 10,000 VND at the desk, 7,000 VND online
    const residence = await hit('1.004194');
    expect(residence.processingTimes).toEqual([
      { channel: 'in-person', value: 3, unit: 'working-days' },
      { channel: 'online', value: 3, unit: 'working-days' },
    ]);
    expect(residence.fees).toEqual({ amountsVnd: [7000, 10000], varies: false });
    expect(residence.hasFee).toBe(true);
    // a building permit: 15 days at the desk, 20 online or by post; the fee is described, not fixed
    const permit = await hit('1.013225');
    expect(permit.processingTimes.map((p: { value: number }) => p.value)).toEqual([15, 20, 20]);
    expect(permit.fees).toEqual({ amountsVnd: [], varies: true });
    // chứng thực: the legal text states no time limit; 2,000 VND
    const certification = await hit('2.000815');
    expect(certification.processingTimes).toEqual([]);
    expect(certification.fees).toEqual({ amountsVnd: [2000], varies: false });
    // birth registration is free (amount 0)
    const birth = await hit('1.001193');
    expect(birth.fees).toEqual({ amountsVnd: [], varies: false });
    expect(birth.hasFee).toBe(false);
  });

  it('sees a change another server process commits once the database announces it', async () => {
    expect((await search('q=qqzz')).body.total).toBe(0);
    // written as another process would: straight SQL, no call into this process's catalogue service
    await t.database.db.execute(sql`
      insert into catalog.synonyms (term, term_folded, expands_to, procedure_codes, updated_at)
      values ('QQZZ', 'qqzz', array['xác nhận thông tin về cư trú'], array['1.010041']::text[], now())`);
    const after = await eventually(
      () => search('q=qqzz'),
      (res) => res.body.total > 0,
    );
    expect(codes(after.body)[0]).toBe('1.010041');
    await t.database.db.execute(sql`delete from catalog.synonyms where term_folded = 'qqzz'`);
    expect(
      (
        await eventually(
          () => search('q=qqzz'),
          (res) => res.body.total === 0,
        )
      ).body.total,
    ).toBe(0);
  });

  it('without a listener, sees it within the refresh interval', async () => {
    const quiet = await startTestApp({ env: { DATABASE_LISTEN: 'false' } });
    try {
      const quietSearch = () => quiet.anonymous().get('/api/catalog/search?q=qqzz');
      expect((await quietSearch()).body.total).toBe(0);
      await quiet.database.db.execute(sql`
        insert into catalog.synonyms (term, term_folded, expands_to, procedure_codes, updated_at)
        values ('QQZZ', 'qqzz', array['xác nhận thông tin về cư trú'], array['1.010041']::text[], now())`);
      expect((await quietSearch()).body.total).toBe(0); // the generation read is still trusted
      quiet.clock.advance(GENERATION_REFRESH_MS);
      expect(codes((await quietSearch()).body)[0]).toBe('1.010041');
    } finally {
      await quiet.close();
    }
  });

  it("ranks with the same word similarity as the database's pg_trgm", async () => {
    const phrases = ['dang ky khai sinh', 'dang ki kai sinh', 'giay phep xay dung', 'tam tru', 'chung thuc'];
    const result = await t.database.db.execute(sql`
      select v.search_name as name, p.phrase, word_similarity(p.phrase, v.search_name)::float8 as similarity
      from catalog.versions v cross join unnest(${sql.raw(`array[${phrases.map((x) => `'${x}'`).join(',')}]`)}) as p(phrase)`);
    const rows = (result as unknown as { rows: { name: string; phrase: string; similarity: number }[] }).rows;
    expect(rows.length).toBe(50 * phrases.length);
    for (const row of rows)
      expect({ ...row, similarity: wordSimilarity(foldText(row.phrase), row.name) }).toEqual({
        ...row,
        similarity: Number(row.similarity),
      });
  });
});
