import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { applicant, command, deskOf, receive, submitOnline } from './dossier-fixtures';

/** What the back office reads: queues with counts, the actions a user may take now, assignees, returning applicants. */
describe('back-office reads', () => {
  let t: TestApp;
  let desk: TestClient;
  let specialist: TestClient;
  let head: TestClient;
  let deskId: string;
  let forwarded: string;

  beforeAll(async () => {
    t = await startTestApp();
    desk = await t.loginStaff('motcua.anbinh');
    specialist = await t.loginStaff('congchuc.anbinh');
    head = await t.loginStaff('chutich.anbinh');
    deskId = await deskOf(t, '000.20.01.H99');
    await receive(desk, deskId);
    forwarded = (await receive(desk, deskId)).body.summary.id;
    expect((await command(desk, forwarded, { type: 'forward', toUserId: null })).status).toBe(200);
  });
  afterAll(() => t?.close());

  it('offers each user only the commands they may run now', async () => {
    const asDesk = (await desk.get(`/api/dossiers/${forwarded}`)).body.allowedCommands as string[];
    expect(asDesk).not.toContain('propose');
    expect(asDesk).toContain('withdraw');
    const asSpecialist = (await specialist.get(`/api/dossiers/${forwarded}`)).body
      .allowedCommands as string[];
    expect(asSpecialist).toEqual(
      expect.arrayContaining(['propose', 'requestSupplement', 'startConsultation', 'forward', 'sendBack']),
    );
    expect(asSpecialist).not.toContain('approve');
    expect(asSpecialist).not.toContain('returnResult');
    const asHead = (await head.get(`/api/dossiers/${forwarded}`)).body.allowedCommands as string[];
    expect(asHead).toContain('assignHandler');
    expect(asHead).toContain('apologise');
  });

  it('counts and lists the queues of the caller', async () => {
    // The head assigns work at the ward: the dossier waiting at the specialist step is in their queue too.
    const headQueues = await head.get('/api/dossiers/queues');
    expect(headQueues.body.queues.unassigned).toBe(1);
    const counts = (await specialist.get('/api/dossiers/queues')).body.queues;
    expect(counts.unit).toBe(1);
    expect(counts.unassigned).toBe(1);
    expect(counts.mine).toBe(0);
    const assignees = (await head.get(`/api/dossiers/${forwarded}/assignees`)).body.staff;
    expect(assignees.map((s: any) => s.fullName)).toEqual(['Bùi Thị Hoa']);
    expect((await command(head, forwarded, { type: 'assignHandler', userId: assignees[0].id })).status).toBe(
      200,
    );
    const after = (await specialist.get('/api/dossiers/queues')).body.queues;
    expect(after.mine).toBe(1);
    expect(after.unassigned).toBe(0);
    const mine = await specialist.get('/api/dossiers?queue=mine');
    expect(mine.body.dossiers.map((d: any) => d.id)).toEqual([forwarded]);
    const other = await t.loginStaff('motcua.phulocthinh');
    expect((await other.get('/api/dossiers/queues')).body.queues.unit).toBe(0);
  });

  it('finds a returning applicant by ID number within the desk scope only', async () => {
    const found = await desk.get(`/api/dossiers/applicants?q=${applicant.idNumber}`);
    expect(found.status).toBe(200);
    expect(found.body.applicants).toEqual([
      expect.objectContaining({ name: applicant.name, phone: applicant.phone }),
    ]);
    const other = await t.loginStaff('motcua.phulocthinh');
    expect((await other.get(`/api/dossiers/applicants?q=${applicant.idNumber}`)).body.applicants).toEqual([]);
    expect((await specialist.get(`/api/dossiers/applicants?q=${applicant.idNumber}`)).status).toBe(403);
  });

  it('tells an online applicant in the portal inbox when the desk accepts', async () => {
    const citizen = await t.loginCitizen('congdan@minhhoa.demo');
    const delivery = { method: 'postal', address: '12 Lê Lợi, phường An Bình' };
    const submitted = await submitOnline(citizen, await t.agencyId('000.20.01.H99'), 'news-key-0001', {
      delivery,
    });
    expect(submitted.status).toBe(201);
    // The applicant's choice of how to receive the result is kept with the dossier (Form 01 prints it).
    expect(submitted.body.state.delivery).toEqual(delivery);
    const bad = await submitOnline(citizen, await t.agencyId('000.20.01.H99'), 'news-key-0002', {
      delivery: { method: 'postal' },
    });
    expect(bad.status).toBe(400);
    const id = submitted.body.summary.id;
    expect((await citizen.get('/api/notifications')).body.notifications).toEqual([]);
    expect((await command(desk, id, { type: 'accept' })).status).toBe(200);
    const inbox = (await citizen.get('/api/notifications')).body.notifications;
    expect(inbox).toEqual([
      expect.objectContaining({ kind: 'dossier.status', dossierId: id, link: `/portal/dossiers/${id}` }),
    ]);
    expect(inbox[0].body).toContain('tiếp nhận');
  });
});
