import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { deskOf, People, receive, registerCitizen, submitOnline } from './dossier-fixtures';

/**
 * Dossier codes `<receiving agency code>-<YYMMDD>-<NNNN>` (Circular 01/2018, DOMAIN.md §2.2): per agency
 * per day from 0001, unique and without gaps under concurrent intake. On PostgreSQL the receptions run
 * in parallel transactions (a pool of connections); on PGlite they are serialised — both must hold.
 * A reception refused inside its transaction gives its number back.
 */
let t: TestApp;
let people: People;
let anBinhDesk: string;
let phuLocThinhDesk: string;
let anBinh: string;

beforeAll(async () => {
  t = await startTestApp();
  people = new People(t);
  anBinhDesk = await deskOf(t, '000.20.01.H99');
  phuLocThinhDesk = await deskOf(t, '000.20.05.H99');
  anBinh = await t.agencyId('000.20.01.H99');
  await registerCitizen(t, 'Phạm Thị Song', 'song@example.vn');
});
afterAll(() => t?.close());

const sequence = (codes: string[], prefix: string) =>
  codes
    .filter((c) => c.startsWith(prefix))
    .map((c) => Number(c.slice(prefix.length)))
    .sort((a, b) => a - b);
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('codes under concurrent intake', () => {
  it('numbers 40 parallel receptions at one desk 0001…0040, with refused ones in between taking none', async () => {
    const desk = await people.staff('motcua.anbinh');
    const good = Array.from({ length: 40 }, (_, i) =>
      receive(desk, anBinhDesk, { applicant: { kind: 'citizen', name: `Người nộp ${i + 1}` } }),
    );
    // Accepting without the required declaration fails inside the transaction, after a number was drawn.
    const bad = Array.from({ length: 6 }, () => receive(desk, anBinhDesk, { components: [] }));
    const results = await Promise.all([...good, ...bad]);

    const created = results.slice(0, 40);
    const refused = results.slice(40);
    for (const r of created) expect(r.status).toBe(201);
    for (const r of refused) {
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('REQUIRED_COMPONENTS_MISSING');
    }
    const codes = created.map((r) => r.body.summary.code as string);
    expect(new Set(codes).size).toBe(40);
    expect(sequence(codes, '000.20.01.H99-260302-')).toEqual(oneTo(40));
    // The tracking book (Form 06) is numbered the same way: one per accepted dossier, no gaps.
    expect(created.map((r) => r.body.state.book.number).sort((a: number, b: number) => a - b)).toEqual(
      oneTo(40),
    );

    const listed = await desk.get('/api/dossiers?pageSize=100');
    expect(listed.body.total).toBe(40);
    expect(new Set(listed.body.dossiers.map((d: { code: string }) => d.code))).toEqual(new Set(codes));
  });

  it('continues with the next number after a refused reception', async () => {
    const desk = await people.staff('motcua.anbinh');
    const refused = await receive(desk, anBinhDesk, { components: [] });
    expect(refused.status).toBe(422);
    const next = await receive(desk, anBinhDesk);
    expect(next.body.summary.code).toBe('000.20.01.H99-260302-0041');
  });

  it('keeps one sequence per receiving agency: two desks and online submissions at the same time', async () => {
    const desk = await people.staff('motcua.anbinh');
    const other = await people.staff('motcua.phulocthinh');
    const songClient = await people.citizen('song@example.vn');
    const results = await Promise.all([
      ...Array.from({ length: 8 }, () => receive(desk, anBinhDesk)),
      ...Array.from({ length: 8 }, () => receive(other, phuLocThinhDesk)),
      ...Array.from({ length: 4 }, (_, i) => submitOnline(songClient, anBinh, `codes-online-${i + 1}-key`)),
    ]);
    for (const r of results) expect(r.status).toBe(201);
    const codes = results.map((r) => r.body.summary.code as string);
    expect(new Set(codes).size).toBe(codes.length);
    // An Bình: 41 earlier, then 8 at the desk and 4 online in one sequence.
    expect(sequence(codes, '000.20.01.H99-260302-')).toEqual(oneTo(53).slice(41));
    expect(sequence(codes, '000.20.05.H99-260302-')).toEqual(oneTo(8));
  });

  it('starts again at 0001 the next day, for every decision at intake; the book numbers only receipts', async () => {
    people.travel('2026-03-03T07:45');
    const desk = await people.staff('motcua.anbinh');
    const decisions = [
      { type: 'accept' },
      {
        type: 'supplement',
        items: [{ name: 'Tờ khai', reason: 'Chưa ký' }],
        guidance: 'Ký tờ khai và nộp lại',
      },
      { type: 'refuse', reasons: ['Không cư trú tại phường'] },
    ];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => receive(desk, anBinhDesk, { decision: decisions[i % 3] })),
    );
    for (const r of results) expect(r.status).toBe(201);
    expect(
      sequence(
        results.map((r) => r.body.summary.code),
        '000.20.01.H99-260303-',
      ),
    ).toEqual(oneTo(12));
    expect(results.map((r) => r.body.summary.status).sort()).toEqual([
      ...Array(4).fill('accepted'),
      ...Array(4).fill('intake-supplement'),
      ...Array(4).fill('refused-at-intake'),
    ]);
    // The desk's book runs through the year: 49 receipts yesterday, these four follow.
    const books = results.filter((r) => r.body.state.book !== null).map((r) => r.body.state.book.number);
    expect(books.sort((a: number, b: number) => a - b)).toEqual([50, 51, 52, 53]);
  });
});
