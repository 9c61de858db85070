import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeBatchStats } from '../../src/modules/dossiers/intake-writer';
import { nextIntakeNumbers } from '../../src/modules/dossiers/store';
import { verifyAuditChain } from '../../src/platform/audit-log';
import { inTransaction } from '../../src/platform/database';
import { startTestApp, type TestApp } from '../support/test-app';
import { deskOf, People, receive, registerCitizen, submitOnline } from './dossier-fixtures';

/**
 * Group commit of receptions (intake-writer.ts): receptions of different receiving agencies arriving
 * together share one transaction. Each must still be all or nothing: a batch with a refused reception
 * or a reused Idempotency-Key is rolled back whole and its receptions written again one by one, so the
 * good ones are created, the bad ones get their own error, codes stay gap-free and the audit chains
 * verify. On PGlite the transactions are serialised, on PostgreSQL two batches run at once.
 */
let t: TestApp;
let people: People;
/** The demo's communes in force: An Bình and Phú Lộc Thịnh (desks with officers), Tân Phú (online). */
const wards = ['000.20.01.H99', '000.20.02.H99', '000.20.05.H99'];
const agencyIds: string[] = [];
let anBinhDesk: string;
let phuLocThinhDesk: string;

beforeAll(async () => {
  t = await startTestApp();
  people = new People(t);
  for (const code of wards) agencyIds.push(await t.agencyId(code));
  anBinhDesk = await deskOf(t, '000.20.01.H99');
  phuLocThinhDesk = await deskOf(t, '000.20.05.H99');
  await registerCitizen(t, 'Lê Văn Gộp', 'gop@example.vn');
});
afterAll(() => t?.close());

const numbersOf = (codes: string[], ward: string) =>
  codes
    .filter((c) => c.startsWith(`${ward}-260302-`))
    .map((c) => Number(c.slice(-4)))
    .sort((a, b) => a - b);
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('receptions of several agencies at once', () => {
  it('are written together, and a failing one costs the others nothing', async () => {
    const before = intakeBatchStats(t.database.db);
    const anBinh = await people.staff('motcua.anbinh');
    const phuLocThinh = await people.staff('motcua.phulocthinh');
    const citizen = await people.citizen('gop@example.vn');
    const requests: { expect: number; sent: ReturnType<typeof receive> }[] = [];
    for (let round = 0; round < 6; round++) {
      requests.push({ expect: 201, sent: receive(anBinh, anBinhDesk) });
      requests.push({ expect: 201, sent: receive(phuLocThinh, phuLocThinhDesk) });
      requests.push({ expect: 201, sent: submitOnline(citizen, agencyIds[1]!, `group-commit-${round}`) });
      // Refused inside the write (the decider: the required declaration is missing), numbers drawn.
      if (round % 2 === 0)
        requests.push({ expect: 422, sent: receive(phuLocThinh, phuLocThinhDesk, { components: [] }) });
    }
    const results = await Promise.all(requests.map((r) => r.sent));
    results.forEach((r, i) => {
      expect(r.status, JSON.stringify(r.body)).toBe(requests[i]!.expect);
    });
    for (const [i, r] of results.entries())
      if (requests[i]!.expect === 422) expect(r.body.error.code).toBe('REQUIRED_COMPONENTS_MISSING');

    const codes = results.filter((r) => r.status === 201).map((r) => r.body.summary.code as string);
    expect(new Set(codes).size).toBe(18);
    for (const ward of wards) expect(numbersOf(codes, ward)).toEqual(oneTo(6));

    const after = intakeBatchStats(t.database.db);
    // On PostgreSQL batches of more than one formed, and the refused receptions sent theirs back to
    // one-by-one. (PGlite is one session: a reception's reads queue behind the transaction in flight,
    // so receptions reach the writer one at a time there and each goes alone.)
    if (t.database.kind === 'postgres') {
      expect(after.batches).toBeGreaterThan(before.batches);
      expect(after.receptions - before.receptions).toBeGreaterThan(after.batches - before.batches);
      expect(after.retriedAlone).toBeGreaterThan(before.retriedAlone);
    }
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('creates one dossier for a submission retried with the same key while other agencies submit', async () => {
    const citizen = await people.citizen('gop@example.vn');
    const results = await Promise.all([
      submitOnline(citizen, agencyIds[1]!, 'group-commit-twice'),
      submitOnline(citizen, agencyIds[1]!, 'group-commit-twice'),
      submitOnline(citizen, agencyIds[0]!, 'group-commit-other-1'),
      submitOnline(citizen, agencyIds[2]!, 'group-commit-other-2'),
    ]);
    for (const r of results) expect([200, 201]).toContain(r.status);
    expect(results[0]!.body.summary.id).toBe(results[1]!.body.summary.id);
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    const codes = results.map((r) => r.body.summary.code as string);
    expect(numbersOf(codes, wards[1]!)).toEqual([7, 7]);
    expect(numbersOf(codes, wards[0]!)).toEqual([7]);
    expect(numbersOf(codes, wards[2]!)).toEqual([7]);
    const mine = await citizen.get('/api/dossiers?pageSize=100');
    expect(
      mine.body.dossiers.filter((d: { code: string }) => d.code.startsWith(`${wards[1]}-260302-`)),
    ).toHaveLength(7);
  });
});

describe('numbers forecast by this process', () => {
  it('are read again when another writer took one first, and the failed write leaves nothing behind', async () => {
    // A day of its own, so no earlier test's receptions are in this counter.
    t.clock.advance(24 * 3600_000);
    const day = '260303';
    const db = t.database.db;
    const anBinh = await t.loginStaff('motcua.anbinh'); // the session of yesterday has expired
    const anBinhId = agencyIds[0]!;
    const numberOf = (r: { body: { summary: { code: string } } }) => {
      expect(r.body.summary.code.startsWith(`${wards[0]}-${day}-`)).toBe(true);
      return Number(r.body.summary.code.slice(-4));
    };
    const written = async () => {
      const [row] = (
        (await db.execute(sql`
          select (select count(*) from dossiers.dossiers where receiving_agency_id = ${anBinhId})::int as dossiers,
            (select count(*) from dossiers.events where receiving_agency_id = ${anBinhId})::int as events,
            (select count(*) from audit.entries where agency_id = ${anBinhId})::int as audited`)) as {
          rows: { dossiers: number; events: number; audited: number }[];
        }
      ).rows;
      return row!;
    };

    // The day's first reception reads its numbers; the next is forecast, in one statement.
    const first = await receive(anBinh, anBinhDesk);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(numberOf(first)).toBe(1);
    const s1 = intakeBatchStats(db);
    const second = await receive(anBinh, anBinhDesk);
    expect(second.status).toBe(201);
    expect(numberOf(second)).toBe(2);
    const s2 = intakeBatchStats(db);
    expect(s2.forecastWritten).toBe(s1.forecastWritten + 1);
    expect(s2.forecastFailed).toBe(s1.forecastFailed);

    // Another process receives at An Bình meanwhile, and takes number 3.
    await inTransaction(db, (tx) =>
      nextIntakeNumbers(tx, [{ receivingAgencyId: anBinhId, day: '2026-03-03', book: null }]),
    );
    const before = await written();
    const third = await receive(anBinh, anBinhDesk);
    expect(third.status, JSON.stringify(third.body)).toBe(201);
    expect(numberOf(third)).toBe(4);
    const s3 = intakeBatchStats(db);
    expect(s3.forecastFailed).toBe(s2.forecastFailed + 1);
    // The forecast statement rolled back whole: only the reception written again is there.
    const after = await written();
    expect(after.dossiers).toBe(before.dossiers + 1);
    expect(after.audited).toBe(before.audited + 1);
    const thirdEvents = (await db.execute(
      sql`select count(*)::int as n from dossiers.events where dossier_id = ${third.body.summary.id}`,
    )) as { rows: { n: number }[] };
    expect(after.events - before.events).toBe(thirdEvents.rows[0]!.n);

    // The counter is now read, not forecast, for a while: another process may be receiving here.
    const fourth = await receive(anBinh, anBinhDesk);
    expect(numberOf(fourth)).toBe(5);
    const s4 = intakeBatchStats(db);
    expect(s4.forecastWritten).toBe(s3.forecastWritten);
    expect(s4.forecastFailed).toBe(s3.forecastFailed);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
