import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NotificationMessage, notify } from '../../src/modules/notifications/notification-service';
import { inTransaction } from '../../src/platform/database';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

// In-app notifications: written by other modules inside their own transaction, read and marked read
// only by their recipient; anybody else's notification does not exist for the caller (404).

let t: TestApp;
let officer: TestClient;
let specialist: TestClient;
let citizen: TestClient;
const ids: Record<'officer' | 'specialist' | 'citizen', string> = {
  officer: '',
  specialist: '',
  citizen: '',
};

async function userId(client: TestClient): Promise<string> {
  return (await client.get('/api/session')).body.user.id;
}

const received = (code: string): NotificationMessage => ({
  kind: 'dossier.received',
  title: `Hồ sơ ${code} đã được tiếp nhận`,
  body: `Hồ sơ ${code} đã được tiếp nhận, hẹn trả kết quả ngày 10/03/2026.`,
  link: `/portal/dossiers/${code}`,
});

/** Notifies at the test clock's instant, then moves the clock on, so each is newer than the last. */
async function send(recipients: string[], message: NotificationMessage): Promise<string[]> {
  const created = await inTransaction(t.database.db, (tx) => notify(tx, recipients, message, t.clock.now));
  t.clock.advance(1_000);
  return created;
}

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.loginStaff('motcua.tinh');
  specialist = await t.loginStaff('chuyenvien.tuphap');
  citizen = await t.loginCitizen('congdan@minhhoa.demo');
  ids.officer = await userId(officer);
  ids.specialist = await userId(specialist);
  ids.citizen = await userId(citizen);
});

afterAll(async () => {
  await t?.close();
});

describe('notifications', () => {
  it('shows each person only their own, newest first, with the unread count', async () => {
    const before = (await specialist.get('/api/notifications')).body;
    await send([ids.citizen, ids.officer, ids.citizen], received('000.00.02.H99-260302-0001'));
    const agencyId = await t.agencyId('000.00.02.H99');
    await send([ids.officer], {
      kind: 'dossier.due-soon',
      title: 'Hồ sơ sắp đến hạn',
      body: 'Hồ sơ 000.00.02.H99-260302-0001 đến hạn trả kết quả vào ngày mai.',
      agencyId,
    });

    const mine = await officer.get('/api/notifications');
    expect(mine.status).toBe(200);
    expect(mine.body.notifications.map((n: { kind: string }) => n.kind)).toEqual([
      'dossier.due-soon',
      'dossier.received',
    ]);
    expect(mine.body.notifications[0]).toMatchObject({
      title: 'Hồ sơ sắp đến hạn',
      agencyId,
      link: null,
      dossierId: null,
      readAt: null,
    });
    expect(mine.body.unreadCount).toBe(2);
    expect(mine.body.hasMore).toBe(false);

    // Named twice, told once.
    const theirs = await citizen.get('/api/notifications');
    expect(theirs.body.notifications).toHaveLength(1);
    expect(theirs.body.notifications[0]).toMatchObject({
      kind: 'dossier.received',
      title: 'Hồ sơ 000.00.02.H99-260302-0001 đã được tiếp nhận',
      link: '/portal/dossiers/000.00.02.H99-260302-0001',
    });
    expect(theirs.body.unreadCount).toBe(1);

    expect((await specialist.get('/api/notifications')).body).toEqual(before);
    expect(before).toEqual({ notifications: [], unreadCount: 0, hasMore: false });
  });

  it('writes nothing when the transaction that notifies is rolled back', async () => {
    const count = async () => (await specialist.get('/api/notifications')).body.unreadCount;
    const before = await count();
    await expect(
      inTransaction(t.database.db, async (tx) => {
        await notify(tx, [ids.specialist], received('ROLLED-BACK'), t.clock.now);
        throw new Error('the dossier command fails after notifying');
      }),
    ).rejects.toThrow('the dossier command fails');
    expect(await count()).toBe(before);

    await send([ids.specialist], received('COMMITTED'));
    expect(await count()).toBe(before + 1);
  });

  it('marks one read, keeps the first reading time, and hides other people’s notifications (404)', async () => {
    const [id] = await send([ids.specialist], received('READ-ONE'));
    const unread = (await specialist.get('/api/notifications')).body.unreadCount;
    const readAt = t.clock.now.toISOString();

    const read = await specialist.post(`/api/notifications/${id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.notification).toMatchObject({ id, readAt });
    expect(read.body.unreadCount).toBe(unread - 1);

    t.clock.advance(10 * 60_000);
    const again = await specialist.post(`/api/notifications/${id}/read`);
    expect(again.body.notification.readAt).toBe(readAt);
    expect(again.body.unreadCount).toBe(unread - 1);

    const [othersId] = await send([ids.citizen], received('SOMEONE-ELSE'));
    const stranger = await specialist.post(`/api/notifications/${othersId}/read`);
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.code).toBe('NOTIFICATION_NOT_FOUND');
    const owner = (await citizen.get('/api/notifications')).body.notifications;
    expect(owner.find((n: { id: string }) => n.id === othersId).readAt).toBeNull();

    expect((await specialist.post(`/api/notifications/${randomUUID()}/read`)).status).toBe(404);
    const malformed = await specialist.post('/api/notifications/not-an-id/read');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('marks all of the caller’s own read, nobody else’s', async () => {
    await send([ids.officer, ids.citizen], received('READ-ALL-1'));
    await send([ids.officer], received('READ-ALL-2'));
    const officerUnread = (await officer.get('/api/notifications')).body.unreadCount;
    const citizenUnread = (await citizen.get('/api/notifications')).body.unreadCount;
    expect(officerUnread).toBeGreaterThanOrEqual(2);

    const all = await officer.post('/api/notifications/read-all');
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ updated: officerUnread, unreadCount: 0 });
    const after = (await officer.get('/api/notifications')).body;
    expect(after.unreadCount).toBe(0);
    expect(after.notifications.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
    expect((await citizen.get('/api/notifications')).body.unreadCount).toBe(citizenUnread);

    expect((await officer.post('/api/notifications/read-all')).body).toEqual({ updated: 0, unreadCount: 0 });
  });

  it('pages newest first with a cursor, and filters to the unread', async () => {
    const fresh = await t.loginCitizen('0912345678');
    const created: string[] = [];
    for (const n of [1, 2, 3, 4, 5]) {
      const [id] = await send([ids.citizen], received(`PAGE-${n}`));
      created.push(id!);
    }
    const newestFirst = [...created].reverse();

    const first = (await fresh.get('/api/notifications?limit=2')).body;
    expect(first.notifications.map((n: { id: string }) => n.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.hasMore).toBe(true);
    const second = (await fresh.get(`/api/notifications?limit=2&before=${newestFirst[1]}`)).body;
    expect(second.notifications.map((n: { id: string }) => n.id)).toEqual(newestFirst.slice(2, 4));

    await fresh.post(`/api/notifications/${newestFirst[0]}/read`);
    const unread = (await fresh.get('/api/notifications?limit=3&unreadOnly=true')).body;
    expect(unread.notifications.map((n: { id: string }) => n.id)).toEqual(newestFirst.slice(1, 4));

    // Someone else's notification is no cursor either.
    const [officersId] = await send([ids.officer], received('NOT-A-CURSOR'));
    expect((await fresh.get(`/api/notifications?before=${officersId}`)).status).toBe(404);
    expect((await fresh.get('/api/notifications?limit=0')).status).toBe(400);
  });

  it('requires a signed-in caller', async () => {
    const anonymous = t.anonymous();
    expect((await anonymous.get('/api/notifications')).status).toBe(401);
    expect((await anonymous.post('/api/notifications/read-all')).status).toBe(401);
  });

  it('stores titles in NFC and refuses a link that leaves MotCua', async () => {
    const decomposed = 'Hồ sơ'.normalize('NFD');
    const [id] = await send([ids.specialist], { ...received('NFC'), title: `  ${decomposed} bổ sung ` });
    const list = (await specialist.get('/api/notifications')).body.notifications;
    expect(list.find((n: { id: string }) => n.id === id).title).toBe('Hồ sơ bổ sung'.normalize('NFC'));

    for (const link of ['//evil.example/x', 'https://evil.example', '/\\evil.example']) {
      await expect(
        inTransaction(t.database.db, (tx) =>
          notify(tx, [ids.specialist], { ...received('X'), link }, t.clock.now),
        ),
      ).rejects.toThrow(/link/);
    }
    await expect(
      inTransaction(t.database.db, (tx) =>
        notify(tx, [ids.specialist], { ...received('X'), kind: 'Dossier Received' }, t.clock.now),
      ),
    ).rejects.toThrow(/kind/);
  });
});
