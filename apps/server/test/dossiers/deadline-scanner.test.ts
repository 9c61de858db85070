import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEADLINE_SCAN_QUEUE } from '../../src/modules/dossiers/deadline-scanner';
import { inTransaction } from '../../src/platform/database';
import { startTestApp, type TestApp } from '../support/test-app';
import { command, deskOf, receive } from './dossier-fixtures';

// Received Monday 2026-03-02 09:00 (+07) with 3 working days: due Thursday 2026-03-05 09:00.
describe('the deadline scanner job', () => {
  let t: TestApp;
  let id: string;
  let code: string;

  const scan = async () => {
    await inTransaction(t.database.db, (tx) => t.jobs.enqueue(tx, DEADLINE_SCAN_QUEUE, {}));
    const report = await t.jobs.drain({ names: [DEADLINE_SCAN_QUEUE] });
    expect(report.failures).toEqual([]);
  };
  const inbox = async (username: string) => {
    const client = await t.loginStaff(username);
    const res = await client.get('/api/notifications');
    expect(res.status).toBe(200);
    return (res.body.notifications as { kind: string; dossierId: string | null }[]).filter(
      (n) => n.dossierId === id,
    );
  };
  const liveStatus = async () => {
    const client = await t.loginStaff('motcua.anbinh');
    return (await client.get(`/api/dossiers/${id}`)).body.summary.liveStatus;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const desk = await t.loginStaff('motcua.anbinh');
    const created = await receive(desk, await deskOf(t, '000.20.01.H99'));
    id = created.body.summary.id;
    code = created.body.summary.code;
    expect((await command(desk, id, { type: 'forward', toUserId: null })).status).toBe(200);
    const specialist = await t.loginStaff('congchuc.anbinh');
    const consult = await command(specialist, id, {
      type: 'startConsultation',
      agencyId: await t.agencyId('000.20.02.H99'),
      question: 'Xác nhận nơi cư trú trước đây của người yêu cầu',
      dueAt: '2026-03-03T17:00:00+07:00',
    });
    expect(consult.status).toBe(200);
  });
  afterAll(() => t?.close());

  it('keeps a dossier on track and silent while there is time', async () => {
    await scan();
    expect(await liveStatus()).toBe('on-track');
    expect(await inbox('congchuc.anbinh')).toEqual([]);
  });

  it('reports an unanswered consultation once its deadline passes, once', async () => {
    t.clock.now = new Date('2026-03-04T01:00:00Z'); // Wednesday 08:00
    await scan();
    await scan();
    const kinds = (await inbox('motcua.anbinh')).map((n) => n.kind);
    expect(kinds.filter((k) => k === 'dossier.consultation-late')).toHaveLength(1);
  });

  it('marks the dossier due soon, tells the handler and the desk, and reminds the head about the apology', async () => {
    t.clock.now = new Date('2026-03-04T03:00:00Z'); // Wednesday 10:00: 7 working hours left
    await scan();
    await scan();
    expect(await liveStatus()).toBe('due-soon');
    expect((await inbox('congchuc.anbinh')).map((n) => n.kind)).toContain('dossier.due-soon');
    expect((await inbox('motcua.anbinh')).filter((n) => n.kind === 'dossier.due-soon')).toHaveLength(1);
    expect((await inbox('chutich.anbinh')).map((n) => n.kind)).toContain('dossier.apology-due');
    // Someone of another ward hears nothing about it.
    expect(await inbox('motcua.phulocthinh')).toEqual([]);
  });

  it('marks it late after the appointment', async () => {
    t.clock.now = new Date('2026-03-05T03:00:00Z'); // Thursday 10:00
    await scan();
    expect(await liveStatus()).toBe('late');
    const late = (await inbox('congchuc.anbinh')).filter((n) => n.kind === 'dossier.late');
    expect(late).toHaveLength(1);
    const listed = await (await t.loginStaff('motcua.anbinh')).get('/api/dossiers?liveStatus=late');
    expect(listed.body.dossiers.map((d: any) => d.code)).toEqual([code]);
  });
});
