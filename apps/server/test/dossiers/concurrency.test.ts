import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  commandAt,
  createStaff,
  deskOf,
  detail,
  MARITAL_STATUS,
  People,
  receive,
  registerCitizen,
  requiredComponents,
  submitOnline,
} from './dossier-fixtures';

/**
 * Optimistic concurrency (two officers acting on the same version: one wins, the other gets 409 and
 * nothing of theirs is kept) and idempotent submissions (a retried online submission, even racing
 * itself, creates one dossier; the key with another body is refused). Runs on both databases: on
 * PostgreSQL the racing requests are really concurrent transactions.
 */
let t: TestApp;
let people: People;
let deskId: string;
let anBinh: string;

beforeAll(async () => {
  t = await startTestApp();
  people = new People(t);
  deskId = await deskOf(t, '000.20.01.H99');
  anBinh = await t.agencyId('000.20.01.H99');
  await createStaff(t, 'motcua.anbinh2', 'Phan Thị Thu', 'desk-officer', '000.20.01.H99');
  await registerCitizen(t, 'Vũ Văn Thử', 'thu@example.vn');
});
afterAll(() => t?.close());

const listTotal = async (client: Awaited<ReturnType<People['staff']>>) =>
  (await client.get('/api/dossiers?pageSize=1')).body.total as number;

describe('two officers on the same version', () => {
  it('answers the second one 409 VERSION_CONFLICT and keeps only the first one’s change', async () => {
    const desk = await people.staff('motcua.anbinh');
    const colleague = await people.staff('motcua.anbinh2');
    const id = (await receive(desk, deskId)).body.summary.id;
    const seen = await detail(colleague, id);
    const first = await commandAt(desk, id, seen.summary.version, { type: 'forward', toUserId: null });
    expect(first.status).toBe(200);
    const second = await commandAt(colleague, id, seen.summary.version, {
      type: 'requestPayment',
      items: [{ name: 'Lệ phí', amountVnd: 10000 }],
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('VERSION_CONFLICT');
    const after = await detail(desk, id);
    expect(after.summary.version).toBe(seen.summary.version + 1);
    expect(after.events.map((e) => e.type)).toEqual([
      'DossierSubmitted',
      'DossierAccepted',
      'DossierForwarded',
    ]);
    expect(after.state.payment.requestedVnd).toBe(0);
  });

  it('lets exactly one of two simultaneous commands win, every time', async () => {
    const desk = await people.staff('motcua.anbinh');
    const head = await people.staff('chutich.anbinh');
    for (let round = 0; round < 5; round++) {
      const id = (await receive(desk, deskId)).body.summary.id;
      const before = await detail(desk, id);
      const [forward, stop] = await Promise.all([
        commandAt(desk, id, before.summary.version, { type: 'forward', toUserId: null }),
        commandAt(head, id, before.summary.version, { type: 'stop', reason: 'Thử tranh chấp' }),
      ]);
      expect([forward.status, stop.status].sort()).toEqual([200, 409]);
      const loser = forward.status === 409 ? forward : stop;
      expect(loser.body.error.code).toBe('VERSION_CONFLICT');
      const after = await detail(desk, id);
      expect(after.summary.version).toBe(before.summary.version + 1);
      expect(after.events).toHaveLength(before.events.length + 1);
      const winner = forward.status === 200 ? 'DossierForwarded' : 'ProcessingStopped';
      expect(after.events.at(-1)!.type).toBe(winner);
      expect(after.summary.status).toBe(forward.status === 200 ? 'processing' : 'stopped');
    }
  });
});

describe('Idempotency-Key on submissions', () => {
  it('answers a retried online submission with the first dossier (200), creating nothing', async () => {
    const citizen = await people.citizen();
    const first = await submitOnline(citizen, anBinh, 'retry-0000-0001');
    expect(first.status).toBe(201);
    const retry = await submitOnline(citizen, anBinh, 'retry-0000-0001');
    expect(retry.status).toBe(200);
    expect(retry.body.summary.id).toBe(first.body.summary.id);
    expect(retry.body.summary.code).toBe(first.body.summary.code);
    const mine = await citizen.get('/api/dossiers');
    expect(mine.body.dossiers.map((d: { id: string }) => d.id)).toEqual([first.body.summary.id]);
  });

  it('creates one dossier when the same submission races itself', async () => {
    const citizen = await people.citizen('thu@example.vn');
    const results = await Promise.all(
      Array.from({ length: 6 }, () => submitOnline(citizen, anBinh, 'race-0000-0001')),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.summary.id)).size).toBe(1);
    expect((await citizen.get('/api/dossiers')).body.total).toBe(1);
    // The losers' transactions gave their numbers back: the next dossier follows without a gap.
    const desk = await people.staff('motcua.anbinh');
    const next = await receive(desk, deskId);
    const seq = (code: string) => Number(code.slice(-4));
    expect(seq(next.body.summary.code)).toBe(seq(results[0]!.body.summary.code) + 1);
  });

  it('refuses the same key with another body (422), also when both race', async () => {
    const citizen = await people.citizen();
    const desk = await people.staff('motcua.anbinh');
    const total = await listTotal(desk);
    const first = await submitOnline(citizen, anBinh, 'reuse-0000-0001');
    expect(first.status).toBe(201);
    const other = await submitOnline(citizen, anBinh, 'reuse-0000-0001', { summary: 'Một yêu cầu khác' });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const [a, b] = await Promise.all([
      submitOnline(citizen, anBinh, 'reuse-0000-0002'),
      submitOnline(citizen, anBinh, 'reuse-0000-0002', { summary: 'Nội dung khác' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 422]);
    expect((a.status === 422 ? a : b).body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await listTotal(desk)).toBe(total + 2);
  });

  it('keeps no key for a refused submission: corrected, it goes through with the same key', async () => {
    const citizen = await people.citizen();
    const refused = await submitOnline(citizen, anBinh, 'fix-and-retry-0001', { components: [] });
    expect(refused.status).toBe(422);
    const fixed = await submitOnline(citizen, anBinh, 'fix-and-retry-0001');
    expect(fixed.status).toBe(201);
  });

  it('scopes keys per account: another citizen’s identical key is a new submission', async () => {
    const a = await submitOnline(await people.citizen(), anBinh, 'shared-key-0001');
    const b = await submitOnline(await people.citizen('thu@example.vn'), anBinh, 'shared-key-0001');
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.summary.id).not.toBe(a.body.summary.id);
  });

  it('requires a well-formed key online, and honours one at the desk', async () => {
    const citizen = await people.citizen();
    const body = {
      procedure: MARITAL_STATUS,
      agencyId: anBinh,
      components: requiredComponents(MARITAL_STATUS),
    };
    const none = await citizen.post('/api/portal/dossiers', body);
    expect(none.status).toBe(422);
    expect(none.body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const bad = await citizen.post('/api/portal/dossiers', body, { 'idempotency-key': 'x y' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('INVALID_IDEMPOTENCY_KEY');

    const desk = await people.staff('motcua.anbinh');
    const total = await listTotal(desk);
    const [x, y] = await Promise.all([
      receive(desk, deskId, {}, { 'idempotency-key': 'desk-retry-0001' }),
      receive(desk, deskId, {}, { 'idempotency-key': 'desk-retry-0001' }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 201]);
    expect(x.body.summary.id).toBe(y.body.summary.id);
    expect(await listTotal(desk)).toBe(total + 1);
  });
});
