import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import {
  amendProcedure,
  command,
  commandAt,
  deskOf,
  detail,
  MARITAL_STATUS,
  ok,
  People,
  receive,
  requiredComponents,
  submitOnline,
  vnTime,
} from './dossier-fixtures';

/**
 * Bad input to the dossier engine (issue "Bad input"): each answer is a 4xx with a stable code, and a
 * read afterwards shows that nothing changed — no dossier, no number drawn, no event, same version.
 */
let t: TestApp;
let people: People;
let anBinhDesk: string;
let centreDesk: string;
let anBinh: string;
let office: string;

beforeAll(async () => {
  t = await startTestApp();
  people = new People(t);
  anBinhDesk = await deskOf(t, '000.20.01.H99');
  centreDesk = await deskOf(t, '000.00.02.H99');
  anBinh = await t.agencyId('000.20.01.H99');
  office = await t.agencyId('000.00.01.H99');
});
afterAll(() => t?.close());

const desk = () => people.staff('motcua.anbinh');

/** Total dossiers a desk sees and the next code number: both must be unchanged by a refused intake. */
async function intakeSnapshot(client: TestClient) {
  return { total: (await client.get('/api/dossiers?pageSize=1')).body.total as number };
}

async function expectNoIntake(client: TestClient, before: { total: number }) {
  expect(await intakeSnapshot(client)).toEqual(before);
}

/** Sends a command on the dossier's current version and checks it was refused without any change. */
async function expectRefused(
  client: TestClient,
  id: string,
  body: Record<string, unknown>,
  status: number,
  code: string,
) {
  const reader = await desk();
  const before = await detail(reader, id);
  const res = await commandAt(client, id, before.summary.version, body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
  const after = await detail(reader, id);
  expect(after.summary.version).toBe(before.summary.version);
  expect(after.events).toHaveLength(before.events.length);
  expect(after.summary.status).toBe(before.summary.status);
  return res;
}

describe('intake', () => {
  it('refuses an unknown procedure and one no longer in force (422 PROCEDURE_NOT_IN_FORCE)', async () => {
    const client = await desk();
    const before = await intakeSnapshot(client);
    const unknown = await receive(client, anBinhDesk, { procedure: '9.999999' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('PROCEDURE_NOT_IN_FORCE');

    // Death registration abolished as of today: no longer received.
    const officer = await t.loginStaff('kiemsoat.tthc');
    const deathId = (await t.anonymous().get('/api/catalog/procedures/1.000656')).body.procedureId;
    const abolished = await officer.post(`/api/catalog/admin/procedures/${deathId}/abolish`, {
      effectiveDate: '2026-03-02',
      decisionNumber: '99/QĐ-UBND',
    });
    expect(abolished.status).toBe(200);
    for (const procedure of ['1.000656', deathId]) {
      const res = await receive(client, anBinhDesk, {
        procedure,
        components: requiredComponents('1.000656'),
      });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('PROCEDURE_NOT_IN_FORCE');
    }
    // A draft never published is not in force either.
    const content = (await officer.get(`/api/catalog/admin/procedures/${deathId}`)).body.latest.content;
    const draft = await officer.post('/api/catalog/admin/procedures', {
      ownerAgencyId: office,
      content: { ...content, nationalCode: '9.000100' },
    });
    expect(draft.status).toBe(201);
    const res = await receive(client, anBinhDesk, {
      procedure: draft.body.procedure.id,
      components: requiredComponents('1.000656'),
    });
    expect(res.body.error?.code).toBe('PROCEDURE_NOT_IN_FORCE');
    await expectNoIntake(client, before);
    // No number was drawn by any of them.
    expect((await receive(client, anBinhDesk)).body.summary.code).toBe('000.20.01.H99-260302-0001');
  });

  it('refuses acceptance without the required components (at the desk and online)', async () => {
    const client = await desk();
    const before = await intakeSnapshot(client);
    const res = await receive(client, anBinhDesk, { components: [] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('REQUIRED_COMPONENTS_MISSING');
    expect(res.body.error.details.missing).toEqual([requiredComponents(MARITAL_STATUS)[0].name]);
    const online = await submitOnline(await people.citizen(), anBinh, 'missing-0001', { components: [] });
    expect(online.status).toBe(422);
    expect(online.body.error.code).toBe('REQUIRED_COMPONENTS_MISSING');
    const stranger = await receive(client, anBinhDesk, {
      components: [...requiredComponents(MARITAL_STATUS), { name: 'Sổ hộ khẩu', originals: 1 }],
    });
    expect(stranger.status).toBe(422);
    expect(stranger.body.error.code).toBe('UNKNOWN_COMPONENT');
    await expectNoIntake(client, before);

    // Recorded without a decision, the dossier waits; accepting it still needs the declaration.
    const waiting = await receive(client, anBinhDesk, { components: [], decision: undefined });
    expect(waiting.status).toBe(201);
    expect(waiting.body.summary.status).toBe('submitted');
    await expectRefused(
      client,
      waiting.body.summary.id,
      { type: 'accept' },
      422,
      'REQUIRED_COMPONENTS_MISSING',
    );
  });

  it('refuses acceptance of a component that must be digitised but was not scanned, drawing no number', async () => {
    // Birth registration amended: the declaration must be scanned at intake (Circular 01/2023/TT-VPCP).
    await amendProcedure(t, '1.001193', (content) => ({
      ...content,
      components: content.components.map((c: { required: boolean }, i: number) => ({
        ...c,
        mustDigitise: i === 0,
      })),
    }));
    const client = await desk();
    const before = await intakeSnapshot(client);
    const birth = (digitised: boolean) =>
      receive(client, anBinhDesk, {
        procedure: '1.001193',
        components: requiredComponents('1.001193', digitised),
      });
    const paper = await birth(false);
    expect(paper.status).toBe(422);
    expect(paper.body.error.code).toBe('COMPONENT_NOT_DIGITISED');
    await expectNoIntake(client, before);
    const scanned = await birth(true);
    expect(scanned.status).toBe(201);
    // Every dossier of the day so far is An Bình's: the refused one drew no number.
    expect(Number(scanned.body.summary.code.slice(-4))).toBe(before.total + 1);
  });

  it('refuses a desk receiving a procedure it does not handle (DESK_NOT_HANDLING)', async () => {
    // The provincial centre serves the departments, not the wards: the marital-status certificate is a ward's.
    const centre = await people.staff('motcua.tinh');
    const before = await intakeSnapshot(centre);
    const res = await receive(centre, centreDesk);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('DESK_NOT_HANDLING');
    await expectNoIntake(centre, before);
  });

  it('refuses a channel the procedure does not offer, and an agency that does not implement it', async () => {
    const client = await desk();
    const before = await intakeSnapshot(client);
    // Certifying a copy (2.000815) is done in person only.
    const postal = await receive(client, anBinhDesk, {
      procedure: '2.000815',
      channel: 'postal',
      components: requiredComponents('2.000815'),
    });
    expect(postal.status).toBe(422);
    expect(postal.body.error.code).toBe('CHANNEL_NOT_OFFERED');
    const citizen = await people.citizen();
    const online = await submitOnline(citizen, anBinh, 'channel-0001', {
      procedure: '2.000815',
      components: requiredComponents('2.000815'),
    });
    expect(online.status).toBe(422);
    expect(online.body.error.code).toBe('CHANNEL_NOT_OFFERED');
    const wrongAgency = await submitOnline(citizen, await t.agencyId('000.00.11.H99'), 'agency-0001');
    expect(wrongAgency.status).toBe(422);
    expect(wrongAgency.body.error.code).toBe('AGENCY_NOT_IMPLEMENTING');
    await expectNoIntake(client, before);
    expect((await citizen.get('/api/dossiers')).body.total).toBe(0);
  });

  it("refuses a reception at another ward's desk (403)", async () => {
    const other = await people.staff('motcua.phulocthinh');
    const before = await intakeSnapshot(await desk());
    const res = await receive(other, anBinhDesk);
    expect(res.status).toBe(403);
    await expectNoIntake(await desk(), before);
  });

  it('answers malformed bodies 400 VALIDATION_FAILED', async () => {
    const client = await desk();
    const before = await intakeSnapshot(client);
    for (const overrides of [
      { deskId: 'not-a-uuid' },
      { channel: 'fax' },
      { applicant: { kind: 'citizen', name: '   ' } },
      { components: [{ name: 'x', originals: -1 }] },
      { sets: 0 },
      { decision: { type: 'refuse', reasons: [] } },
    ]) {
      const res = await receive(client, anBinhDesk, overrides);
      expect(res.status, JSON.stringify(overrides)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    await expectNoIntake(client, before);
  });
});

describe('commands', () => {
  let id: string;

  beforeAll(async () => {
    id = (await receive(await desk(), anBinhDesk)).body.summary.id;
  });

  it('hides the dossier from staff outside its agency: 404 to read and to act', async () => {
    const other = await people.staff('motcua.phulocthinh');
    expect((await other.get(`/api/dossiers/${id}`)).status).toBe(404);
    const version = (await detail(await desk(), id)).summary.version;
    const res = await commandAt(other, id, version, { type: 'forward', toUserId: null });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('DOSSIER_NOT_FOUND');
    expect((await detail(await desk(), id)).summary.version).toBe(version);
    // An id nobody has is the same answer.
    expect((await other.get('/api/dossiers/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('refuses the right agency at the wrong step or in the wrong role (403)', async () => {
    const specialist = await people.staff('congchuc.anbinh');
    // At the desk step only the desk moves the dossier on.
    await expectRefused(specialist, id, { type: 'forward', toUserId: null }, 403, 'FORBIDDEN');
    await ok(command(await desk(), id, { type: 'forward', toUserId: null }));
    // At the specialist's step the desk cannot propose, and a specialist cannot sign.
    await expectRefused(
      await desk(),
      id,
      { type: 'propose', outcome: 'grant', summary: 'x' },
      403,
      'FORBIDDEN',
    );
    await expectRefused(
      specialist,
      id,
      {
        type: 'apologise',
        agencyId: anBinh,
        reason: 'Chậm',
        appointmentAt: vnTime('2026-03-10T09:00').toISOString(),
      },
      403,
      'FORBIDDEN',
    );
  });

  it('refuses a stale version (409 VERSION_CONFLICT)', async () => {
    const specialist = await people.staff('congchuc.anbinh');
    const current = (await detail(specialist, id)).summary.version;
    const res = await commandAt(specialist, id, current - 1, {
      type: 'propose',
      outcome: 'grant',
      summary: 'x',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('VERSION_CONFLICT');
    expect((await detail(specialist, id)).summary.version).toBe(current);
  });

  it('refuses what the state or the law does not allow, naming why', async () => {
    const head = await people.staff('chutich.anbinh');
    const specialist = await people.staff('congchuc.anbinh');
    await expectRefused(
      head,
      id,
      {
        type: 'apologise',
        agencyId: anBinh,
        reason: 'Chậm',
        appointmentAt: vnTime('2026-03-04T09:00').toISOString(), // before the current due date
      },
      422,
      'APPOINTMENT_NOT_LATER',
    );
    await expectRefused(
      await desk(),
      id,
      { type: 'returnResult', method: 'desk' },
      409,
      'ILLEGAL_TRANSITION',
    );
    await expectRefused(
      specialist,
      id,
      { type: 'assignHandler', userId: '00000000-0000-4000-8000-000000000000' },
      403,
      'FORBIDDEN',
    );
    await expectRefused(
      head,
      id,
      { type: 'assignHandler', userId: '00000000-0000-4000-8000-000000000000' },
      422,
      'STAFF_NOT_FOUND',
    );
    await expectRefused(
      specialist,
      id,
      {
        type: 'sendToAgencies',
        mode: 'parallel',
        participants: [
          { agencyId: anBinh, duty: 'Xác minh', dueAt: vnTime('2026-03-04T09:00').toISOString() },
        ],
      },
      422,
      'LEAD_AS_PARTICIPANT',
    );
    await expectRefused(
      specialist,
      id,
      {
        type: 'startConsultation',
        agencyId: '00000000-0000-4000-8000-000000000000',
        question: 'Ý kiến?',
        dueAt: vnTime('2026-03-04T09:00').toISOString(),
      },
      422,
      'AGENCY_NOT_FOUND',
    );
  });

  it('refuses a handler who does not work in the unit handling the step', async () => {
    const head = await people.staff('chutich.anbinh');
    const outsider = (await (await t.loginStaff('quantri')).get('/api/identity/users?q=chuyenvien.tuphap'))
      .body.users[0].id;
    await expectRefused(head, id, { type: 'assignHandler', userId: outsider }, 422, 'HANDLER_NOT_IN_UNIT');
    await expectRefused(
      await people.staff('congchuc.anbinh'),
      id,
      { type: 'forward', toUserId: outsider },
      422,
      'HANDLER_NOT_IN_UNIT',
    );
  });

  it('answers malformed commands 400 VALIDATION_FAILED and changes nothing', async () => {
    const specialist = await people.staff('congchuc.anbinh');
    const before = await detail(specialist, id);
    const bodies: unknown[] = [
      {},
      { version: before.summary.version },
      { version: 0, command: { type: 'propose', outcome: 'grant', summary: 'x' } },
      { version: before.summary.version, command: { type: 'teleport' } },
      { version: before.summary.version, command: { type: 'propose', outcome: 'maybe', summary: 'x' } },
      {
        version: before.summary.version,
        command: { type: 'startConsultation', agencyId: anBinh, question: 'x', dueAt: 'next week' },
      },
      { version: before.summary.version, command: { type: 'recordPayment', amountVnd: -5, method: 'desk' } },
      { version: before.summary.version, command: { type: 'requestSupplement', items: [], guidance: 'x' } },
    ];
    for (const body of bodies) {
      const res = await specialist.post(`/api/dossiers/${id}/commands`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const badId = await specialist.post('/api/dossiers/not-a-uuid/commands', {
      version: 1,
      command: { type: 'withdraw', reason: 'x' },
    });
    expect(badId.status).toBe(400);
    const after = await detail(specialist, id);
    expect(after.summary.version).toBe(before.summary.version);
    expect(after.events).toHaveLength(before.events.length);
  });
});
