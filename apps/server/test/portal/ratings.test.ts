import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  command,
  detail,
  ok,
  People,
  processToResult,
  registerCitizen,
  submitOnline,
} from '../dossiers/dossier-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The applicant's rating (issue 4 point 8, Circular 01/2018 Art. 13–15, DOMAIN.md §1.5): indices 1, 3, 4
 * and 7 scored 2 / 1 / 0 and a comment; only by the dossier's applicant, only once the result exists,
 * only once; stored for the reports and readable by staff who may read the dossier.
 */
let t: TestApp;
let people: People;
let dossierId: string;

const rating = { time: 2, contacts: 1, agencies: 2, attitude: 1, comment: '  Cán bộ hướng dẫn rõ ràng.  ' };
const citizen = () => people.citizen('congdan@minhhoa.demo');

beforeAll(async () => {
  t = await startTestApp();
  people = new People(t);
  await registerCitizen(t, 'Hồ Thị Khác', 'khac@example.vn');
  const anBinh = await t.agencyId('000.20.01.H99');
  dossierId = (await submitOnline(await citizen(), anBinh, 'rating-0001')).body.summary.id;
  await ok(command(await people.staff('motcua.anbinh'), dossierId, { type: 'accept' }));
});
afterAll(() => t?.close());

describe('rating a dossier', () => {
  it('is refused before the result exists, and nothing is stored', async () => {
    const early = await (await citizen()).post(`/api/portal/dossiers/${dossierId}/rating`, rating);
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'RATING_NOT_OPEN', details: { status: 'accepted' } });
    expect((await (await citizen()).get(`/api/portal/dossiers/${dossierId}/rating`)).body).toEqual({
      rating: null,
    });
  });

  it('is refused to anyone but the applicant once the result is issued', async () => {
    await processToResult(people, dossierId);
    expect((await detail(await citizen(), dossierId)).summary.status).toBe('done');

    const other = await (await people.citizen('khac@example.vn')).post(
      `/api/portal/dossiers/${dossierId}/rating`,
      rating,
    );
    expect(other.status).toBe(404);
    const staff = await (await people.staff('motcua.anbinh')).post(
      `/api/portal/dossiers/${dossierId}/rating`,
      rating,
    );
    expect(staff.status).toBe(403);
    const anonymous = await t.anonymous().post(`/api/portal/dossiers/${dossierId}/rating`, rating);
    expect(anonymous.status).toBe(401);
    expect((await (await citizen()).get(`/api/portal/dossiers/${dossierId}/rating`)).body.rating).toBeNull();
  });

  it('refuses scores outside 2 / 1 / 0 and missing indices', async () => {
    const client = await citizen();
    for (const bad of [
      { ...rating, time: 3 },
      { ...rating, attitude: -1 },
      { ...rating, contacts: 1.5 },
      { time: 2, contacts: 2, agencies: 2 },
    ]) {
      const res = await client.post(`/api/portal/dossiers/${dossierId}/rating`, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await client.get(`/api/portal/dossiers/${dossierId}/rating`)).body.rating).toBeNull();
  });

  it('is stored once for the applicant after the result, and read by staff of the dossier’s agency', async () => {
    const client = await citizen();
    const res = await client.post(`/api/portal/dossiers/${dossierId}/rating`, rating);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      dossierId,
      time: 2,
      contacts: 1,
      agencies: 2,
      attitude: 1,
      comment: 'Cán bộ hướng dẫn rõ ràng.',
      createdAt: t.clock.now.toISOString(),
    });

    const twice = await client.post(`/api/portal/dossiers/${dossierId}/rating`, { ...rating, time: 0 });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('ALREADY_RATED');
    expect((await client.get(`/api/portal/dossiers/${dossierId}/rating`)).body.rating).toEqual(res.body);

    const desk = await people.staff('motcua.anbinh');
    expect((await desk.get(`/api/portal/dossiers/${dossierId}/rating`)).body.rating).toMatchObject({
      time: 2,
    });
    // Staff of another commune do not see the dossier, nor its rating.
    const elsewhere = await people.staff('motcua.phulocthinh');
    expect((await elsewhere.get(`/api/portal/dossiers/${dossierId}/rating`)).status).toBe(404);
  });

  it('stays open after the result is handed over (returned)', async () => {
    const anBinh = await t.agencyId('000.20.01.H99');
    const second = (await submitOnline(await citizen(), anBinh, 'rating-0002')).body.summary.id;
    await ok(command(await people.staff('motcua.anbinh'), second, { type: 'accept' }));
    await processToResult(people, second);
    await ok(
      command(await people.staff('motcua.anbinh'), second, { type: 'returnResult', method: 'online' }),
    );
    const res = await (await citizen()).post(`/api/portal/dossiers/${second}/rating`, {
      time: 0,
      contacts: 0,
      agencies: 0,
      attitude: 0,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ time: 0, comment: null });
  });

  it('is not open for a dossier that ended without a result (withdrawn)', async () => {
    const anBinh = await t.agencyId('000.20.01.H99');
    const withdrawn = (await submitOnline(await citizen(), anBinh, 'rating-0003')).body.summary.id;
    await ok(command(await citizen(), withdrawn, { type: 'withdraw', reason: 'Không cần nữa' }));
    const res = await (await citizen()).post(`/api/portal/dossiers/${withdrawn}/rating`, rating);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('RATING_NOT_OPEN');
  });
});
