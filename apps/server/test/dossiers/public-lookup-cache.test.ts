import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { calendarVersionCheckCount } from '../../src/modules/calendar/calendar-service';
import { PublicViewCache, publicViewCache } from '../../src/modules/dossiers/public-view-cache';
import { eventually } from '../support/eventually';
import { cutListener } from '../support/listener';
import { startTestApp, type TestApp } from '../support/test-app';
import { command, deskOf, detail, ok, People, receive } from './dossier-fixtures';

/**
 * The public tracking answers are cached per process and dropped when the dossier changes: by the
 * command's own commit in this process, and through the database's change notification for a change
 * made anywhere else (another process, `dossiers rebuild`, a fix in SQL).
 */
let t: TestApp;
let people: People;

beforeAll(async () => {
  t = await startTestApp();
  people = new People(t);
});
afterAll(() => t?.close());

const lookup = async (code: string) => {
  const res = await t.anonymous().get<Record<string, unknown>>(`/api/public/dossiers/${code}`);
  expect(res.status).toBe(200);
  return res.body;
};

async function receivedCode(): Promise<{ id: string; code: string }> {
  const desk = await people.staff('motcua.anbinh');
  const res = await receive(desk, await deskOf(t, '000.20.01.H99'));
  expect(res.status).toBe(201);
  return { id: res.body.summary.id, code: res.body.summary.code };
}

/** Polls the lookup until `done` holds (a notification arrives asynchronously), at most 5 s. */
const lookedUp = (code: string, done: (body: Record<string, unknown>) => boolean) =>
  eventually(() => lookup(code), done);

const cache = () => {
  const c = publicViewCache(t.database.db);
  if (!c) throw new Error('the app has no public view cache');
  return c;
};

describe('the public lookup cache', () => {
  it('answers a repeated lookup from memory with the same body', async () => {
    const { code } = await receivedCode();
    const first = await lookup(code);
    const hits = cache().hits;
    expect(await lookup(code)).toEqual(first);
    expect(cache().hits).toBe(hits + 1);
  });

  it('shows a command’s new status at once to the next lookup in the same process', async () => {
    const { id, code } = await receivedCode();
    expect((await lookup(code)).status).toBe('accepted');
    await ok(command(await people.staff('motcua.anbinh'), id, { type: 'forward', toUserId: null }));
    const staffView = await detail(await people.staff('motcua.anbinh'), id);
    expect(staffView.summary.status).not.toBe('accepted');
    expect((await lookup(code)).status).toBe(staffView.summary.status);
  });

  it('drops an answer changed behind the app’s back (the database notifies every process)', async () => {
    const { code } = await receivedCode();
    const before = await lookup(code);
    await lookup(code); // cached now
    await t.database.raw.query(
      `update dossiers.dossiers set appointment_at = appointment_at + interval '1 day' where code = $1`,
      [code],
    );
    const expected = new Date(Date.parse(before.appointmentAt as string) + 86_400_000).toISOString();
    const after = await lookedUp(code, (body) => body.appointmentAt === expected);
    expect(after.appointmentAt).toBe(expected);
    expect({ ...after, appointmentAt: null }).toEqual({ ...before, appointmentAt: null });
  });

  it('is not told of changes to private columns, and keeps serving the answer', async () => {
    const { code } = await receivedCode();
    await lookup(code);
    const hits = cache().hits;
    await t.database.raw.query(`update dossiers.dossiers set live_status = 'due-soon' where code = $1`, [
      code,
    ]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await lookup(code);
    expect(cache().hits).toBe(hits + 1);
  });

  // PGlite's notifications are in-process: there is no connection to lose.
  it.runIf(inject('testDb') === 'postgres')(
    'reads the database while its change listener is lost, and caches again once it is back',
    async () => {
      const { code } = await receivedCode();
      await lookup(code);
      expect(await cutListener(t.database.raw, 'motcua_dossier_public')).toEqual([true]);
      // While the listener is away, a change is read from the database (nothing is served from memory).
      await t.database.raw.query(
        `update dossiers.dossiers set returned_at = submitted_at + interval '2 day' where code = $1`,
        [code],
      );
      const changed = await lookedUp(code, (body) => body.returnedAt !== null);
      expect(changed.returnedAt).not.toBeNull();
      // The listener reconnects (after about a second) and lookups are cached again.
      const until = Date.now() + 10_000;
      let hits = cache().hits;
      while (Date.now() < until) {
        await lookup(code);
        if (cache().hits > hits) break;
        hits = cache().hits;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(cache().hits).toBeGreaterThan(hits);
    },
  );
});

describe('PublicViewCache', () => {
  const view = (status: string) =>
    ({
      code: 'X',
      procedureName: 'P',
      status,
      statusLabel: status,
      nationalStatus: 2,
      receivedAt: '2026-03-02T02:00:00.000Z',
      appointmentAt: null,
      finishedAt: null,
      returnedAt: null,
    }) as const;

  it('does not keep what a read found when the code was dropped while it was reading', () => {
    const c = new PublicViewCache(10);
    c.setListening(true);
    const epoch = c.beginRead();
    c.forget('X'); // a command committed while the read was in flight
    c.set('X', view('accepted'), epoch);
    expect(c.get('X')).toBeUndefined();
    c.set('X', view('processing'), c.beginRead());
    expect(c.get('X')?.status).toBe('processing');
  });

  it('keeps nothing while not listening, and empties itself when the listener is lost', () => {
    const c = new PublicViewCache(10);
    c.set('X', view('accepted'), c.beginRead());
    expect(c.get('X')).toBeUndefined();
    c.setListening(true);
    c.set('X', view('accepted'), c.beginRead());
    expect(c.size).toBe(1);
    c.setListening(false);
    expect(c.size).toBe(0);
    expect(c.get('X')).toBeUndefined();
  });

  it('holds at most its capacity, dropping the oldest entry', () => {
    const c = new PublicViewCache(2);
    c.setListening(true);
    for (const code of ['A', 'B', 'C']) c.set(code, { ...view('accepted'), code }, c.beginRead());
    expect(c.size).toBe(2);
    expect(c.get('A')).toBeUndefined();
    expect(c.get('C')?.code).toBe('C');
  });
});

describe('DATABASE_LISTEN=false (behind a pooler where announcements do not arrive)', () => {
  it('caches no public answer and reads the calendar version on every use', async () => {
    const quiet = await startTestApp({ env: { DATABASE_LISTEN: 'false' } });
    try {
      expect(publicViewCache(quiet.database.db)).toBeUndefined();
      const body = { start: '2026-03-05T10:00:00+07:00', limit: 1, unit: 'working-days' };
      await quiet.anonymous().post('/api/calendar/due', body);
      const checks = calendarVersionCheckCount();
      for (let i = 0; i < 3; i++)
        expect((await quiet.anonymous().post('/api/calendar/due', body)).status).toBe(200);
      expect(calendarVersionCheckCount()).toBe(checks + 3);
    } finally {
      await quiet.close();
    }
  });
});
