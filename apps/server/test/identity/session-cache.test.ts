// Resolved sessions are kept in memory and dropped by: the database's announcements (LISTEN
// motcua_identity_changed, migration 0019) whichever process or hand-written SQL changed a session, a user
// or a role; this process's own commits at once; and a lost listener (the cache is then bypassed).
// On PGlite or PostgreSQL (MOTCUA_TEST_DB).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sessionCache } from '../../src/modules/identity/session-cache';
import { eventually } from '../support/eventually';
import { cutListener } from '../support/listener';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const cache = () => sessionCache(t.database.db)!;
const me = async (client: TestClient) => (await client.get('/api/session')).body.user?.username ?? null;

describe('while the process listens for identity announcements', () => {
  it('resolves a logged-in caller’s repeated requests from memory, once read', async () => {
    const officer = await t.loginStaff('motcua.anbinh');
    expect(await me(officer)).toBe('motcua.anbinh');
    const [hits, misses] = [cache().hits, cache().misses];
    for (let i = 0; i < 5; i++) expect(await me(officer)).toBe('motcua.anbinh');
    expect(cache().hits - hits).toBe(5);
    expect(cache().misses).toBe(misses);
  });

  it('still decides idle expiry on every request, from the cached last use', async () => {
    const sessions = async () =>
      (
        (await t.database.raw.query(
          `select count(*)::int as n from identity.sessions s join identity.users u on u.id = s.user_id
            where u.username = 'motcua.anbinh'`,
        )) as { rows: { n: number }[] }
      ).rows[0]!.n;
    const officer = await t.loginStaff('motcua.anbinh');
    expect(await me(officer)).toBe('motcua.anbinh');
    const before = await sessions();
    t.clock.advance(61 * 60_000); // SESSION_IDLE_MINUTES is 60
    expect(await me(officer)).toBeNull();
    expect(await sessions()).toBe(before - 1); // the expired session was deleted, not only refused
  });

  it('touches a session used after a minute, and the touch keeps it alive past the first hour', async () => {
    const officer = await t.loginStaff('motcua.anbinh');
    for (let minute = 0; minute < 3; minute++) {
      t.clock.advance(45 * 60_000);
      expect(await me(officer)).toBe('motcua.anbinh'); // 45, 90, 135 minutes after login
    }
  });

  it('refuses a session at once after this process disables its user or changes their roles', async () => {
    const admin = await t.loginStaff('quantri');
    const created = await admin.post('/api/identity/users', {
      username: 'cache.thu',
      fullName: 'Cán bộ Thử Bộ Nhớ',
      password: 'MotCua@2026',
      roles: [{ role: 'desk-officer', agencyId: await t.agencyId('000.20.01.H99') }],
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    let officer = await t.loginStaff('cache.thu');
    expect(await me(officer)).toBe('cache.thu');
    expect(await me(officer)).toBe('cache.thu'); // now cached
    const disabled = await admin.patch(`/api/identity/users/${id}`, { status: 'disabled' });
    expect(disabled.status).toBe(200);
    expect(await me(officer)).toBeNull();

    expect((await admin.patch(`/api/identity/users/${id}`, { status: 'active' })).status).toBe(200);
    officer = await t.loginStaff('cache.thu');
    expect(await me(officer)).toBe('cache.thu');
    const roles = await admin.put(`/api/identity/users/${id}/roles`, {
      roles: [{ role: 'specialist', agencyId: await t.agencyId('000.20.01.H99') }],
    });
    expect(roles.status).toBe(200);
    expect(await me(officer)).toBeNull(); // new rights take effect at the next login
  });

  it('sees a change made behind the app’s back in SQL once the database announces it', async () => {
    const officer = await t.loginStaff('motcua.anbinh');
    expect(await me(officer)).toBe('motcua.anbinh');
    expect(await me(officer)).toBe('motcua.anbinh');
    await t.database.raw.query(`update identity.users set status = 'disabled' where username = $1`, [
      'motcua.anbinh',
    ]);
    try {
      expect(
        await eventually(
          () => me(officer),
          (user) => user === null,
        ),
      ).toBeNull();
    } finally {
      await t.database.raw.query(`update identity.users set status = 'active' where username = $1`, [
        'motcua.anbinh',
      ]);
    }
    const again = await t.loginStaff('motcua.anbinh');
    expect(await me(again)).toBe('motcua.anbinh');
    // A session deleted by hand (as an operator ending it) ends too.
    await t.database.raw.query(
      `delete from identity.sessions where user_id = (select id from identity.users where username = $1)`,
      ['motcua.anbinh'],
    );
    expect(
      await eventually(
        () => me(again),
        (user) => user === null,
      ),
    ).toBeNull();
  });
});

// PGlite's notifications are in-process: there is no connection to lose.
describe.runIf(inject('testDb') === 'postgres')('the identity listener on PostgreSQL', () => {
  it('reads the session on every request while its connection is lost, and caches again once back', async () => {
    const officer = await t.loginStaff('motcua.anbinh');
    expect(await me(officer)).toBe('motcua.anbinh');
    expect(await cutListener(t.database.raw, 'motcua_identity_changed')).toEqual([true]);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the loss reaches the app
    const misses = cache().misses;
    expect(await me(officer)).toBe('motcua.anbinh');
    expect(await me(officer)).toBe('motcua.anbinh');
    expect(cache().misses - misses).toBe(2);
    // A change made while nobody listens is seen by the next request: it reads the session.
    await t.database.raw.query(
      `delete from identity.sessions where user_id = (select id from identity.users where username = $1)`,
      ['motcua.anbinh'],
    );
    expect(await me(officer)).toBeNull();
    const again = await t.loginStaff('motcua.anbinh');
    const hits = await eventually(
      async () => {
        await me(again);
        const before = cache().hits;
        await me(again);
        return cache().hits - before;
      },
      (n) => n === 1,
    );
    expect(hits).toBe(1);
  });
});

describe('DATABASE_LISTEN=false (behind a pooler where announcements do not arrive)', () => {
  it('keeps no session cache and sees a change made in SQL at once', async () => {
    const quiet = await startTestApp({ env: { DATABASE_LISTEN: 'false' } });
    try {
      expect(sessionCache(quiet.database.db)).toBeUndefined();
      const officer = await quiet.loginStaff('motcua.anbinh');
      expect(await me(officer)).toBe('motcua.anbinh');
      await quiet.database.raw.query(`update identity.users set status = 'disabled' where username = $1`, [
        'motcua.anbinh',
      ]);
      expect(await me(officer)).toBeNull();
    } finally {
      await quiet.close();
    }
  });
});
