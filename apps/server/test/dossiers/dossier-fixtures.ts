import procedures from '../../src/modules/catalog/seed/procedures.json';
import type { TestApp, TestClient } from '../support/test-app';

/** Real seeded procedures the dossier tests use, and helpers to drive a dossier through the API. */
export const MARITAL_STATUS = '1.004873'; // Cấp Giấy xác nhận tình trạng hôn nhân — commune, 3 working days

export function requiredComponents(nationalCode: string, digitised = true) {
  const p = (procedures as { procedures: any[] }).procedures.find((x) => x.nationalCode === nationalCode);
  if (!p) throw new Error(`no seeded procedure ${nationalCode}`);
  return p.components
    .filter((c: any) => c.required)
    .map((c: any) => ({ name: c.name, originals: 1, copies: 0, digitised }));
}

export async function deskOf(t: TestApp, agencyCode: string): Promise<string> {
  const agencyId = await t.agencyId(agencyCode);
  const res = await t
    .anonymous()
    .get<{ desks: { id: string; agencyId: string }[] }>(`/api/org/desks?agencyId=${agencyId}`);
  const desk = res.body.desks.find((d) => d.agencyId === agencyId);
  if (!desk) throw new Error(`no desk at ${agencyCode}`);
  return desk.id;
}

export const applicant = {
  kind: 'citizen' as const,
  name: 'Nguyễn Thị Hạnh',
  idNumber: '001199001234',
  address: 'Số 5 Lê Lợi, phường An Bình',
  phone: '0912345678',
  email: 'hanh@example.vn',
};

export async function receive(
  client: TestClient,
  deskId: string,
  overrides: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return client.post(
    '/api/dossiers',
    {
      deskId,
      procedure: MARITAL_STATUS,
      channel: 'in-person',
      applicant,
      components: requiredComponents(MARITAL_STATUS),
      decision: { type: 'accept' },
      ...overrides,
    },
    headers,
  );
}

/** Runs a command with the dossier's current version; returns the response. */
export async function command(client: TestClient, dossierId: string, body: Record<string, unknown>) {
  const current = await client.get(`/api/dossiers/${dossierId}`);
  if (current.status !== 200) return current;
  return client.post(`/api/dossiers/${dossierId}/commands`, {
    version: current.body.summary.version,
    command: body,
  });
}

// ── clock, people and reads shared by the engine's API tests ──────────────

/** An instant given as Vietnam wall-clock time (UTC+7): `vnTime('2026-02-12T09:00')`. */
export const vnTime = (local: string): Date => new Date(`${local}:00+07:00`);

/**
 * Logged-in clients by name, re-created after the test clock jumps (sessions expire while it moves).
 * `staff('motcua.anbinh')`, `citizen('congdan@minhhoa.demo')`; `travel(to)` moves the clock and forgets them.
 */
export class People {
  private readonly clients = new Map<string, TestClient>();
  constructor(private readonly t: TestApp) {}

  async staff(username: string): Promise<TestClient> {
    const key = `staff:${username}`;
    let c = this.clients.get(key);
    if (!c) {
      c = await this.t.loginStaff(username);
      this.clients.set(key, c);
    }
    return c;
  }

  async citizen(identifier = 'congdan@minhhoa.demo'): Promise<TestClient> {
    const key = `citizen:${identifier}`;
    let c = this.clients.get(key);
    if (!c) {
      c = await this.t.loginCitizen(identifier);
      this.clients.set(key, c);
    }
    return c;
  }

  /** Moves the test clock to a Vietnam wall-clock time; every client logs in again on next use. */
  travel(local: string): void {
    const to = vnTime(local);
    if (to.getTime() < this.t.clock.now.getTime()) throw new Error(`the clock does not go back (${local})`);
    this.t.clock.now = to;
    this.clients.clear();
  }
}

/** A citizen account of its own, registered through the portal (for "another citizen's dossier"). */
export async function registerCitizen(t: TestApp, fullName: string, email: string): Promise<void> {
  const res = await t
    .anonymous()
    .post('/api/auth/citizen/register', { fullName, email, password: 'MotCua@2026' });
  if (res.status !== 201) throw new Error(`register ${email}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** A staff account created by the provincial administrator (password MotCua@2026). */
export async function createStaff(
  t: TestApp,
  username: string,
  fullName: string,
  role: string,
  agencyCode: string,
): Promise<string> {
  const admin = await t.loginStaff('quantri');
  const res = await admin.post('/api/identity/users', {
    username,
    fullName,
    password: 'MotCua@2026',
    roles: [{ role, agencyId: await t.agencyId(agencyCode) }],
  });
  if (res.status !== 201) throw new Error(`create ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** The catalogue id of a published procedure (the public page takes its national code). */
export async function procedureIdOf(t: TestApp, nationalCode: string): Promise<string> {
  const res = await t.anonymous().get(`/api/catalog/procedures/${nationalCode}`);
  if (res.status !== 200) throw new Error(`no procedure ${nationalCode}: ${res.status}`);
  return res.body.procedureId;
}

/** Stores an internal workflow through the catalogue API, as the procedure-control officer does. */
export async function storeWorkflow(
  t: TestApp,
  nationalCode: string,
  agencyId: string,
  definition: unknown,
): Promise<void> {
  const officer = await t.loginStaff('kiemsoat.tthc');
  const id = await procedureIdOf(t, nationalCode);
  const res = await officer.put(`/api/catalog/admin/procedures/${id}/workflows/${agencyId}`, { definition });
  if (res.status !== 200) throw new Error(`workflow: ${res.status} ${JSON.stringify(res.body)}`);
}

/** A citizen's online submission (with its Idempotency-Key) of the marital-status procedure by default. */
export async function submitOnline(
  citizen: TestClient,
  agencyId: string,
  key: string,
  overrides: Record<string, unknown> = {},
) {
  return citizen.post(
    '/api/portal/dossiers',
    {
      procedure: MARITAL_STATUS,
      agencyId,
      components: requiredComponents(MARITAL_STATUS),
      ...overrides,
    },
    { 'idempotency-key': key },
  );
}

/** The dossier as its reader sees it (throws unless 200). */
export async function detail(client: TestClient, dossierId: string) {
  const res = await client.get(`/api/dossiers/${dossierId}`);
  if (res.status !== 200) throw new Error(`read ${dossierId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as {
    summary: Record<string, any>;
    state: Record<string, any>;
    progress: Record<string, any>;
    progress766: Record<string, any> | null;
    events: { type: string; [k: string]: any }[];
  };
}

/** Sends a command on an explicit version (no read before: for concurrency and refusal checks). */
export function commandAt(
  client: TestClient,
  dossierId: string,
  version: number,
  body: Record<string, unknown>,
) {
  return client.post(`/api/dossiers/${dossierId}/commands`, { version, command: body });
}

/** Asserts a command succeeded, with the response in the message when it did not. */
export async function ok(res: Promise<{ status: number; body: any }> | { status: number; body: any }) {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

/** The ward An Bình's staff through the generated default workflow: desk → specialist → leaders → result. */
export async function processToResult(
  people: People,
  dossierId: string,
  documents: Record<string, unknown>[] = [{ name: 'Giấy xác nhận tình trạng hôn nhân', electronic: true }],
): Promise<void> {
  const desk = await people.staff('motcua.anbinh');
  const specialist = await people.staff('congchuc.anbinh');
  const head = await people.staff('chutich.anbinh');
  await ok(command(desk, dossierId, { type: 'forward', toUserId: null }));
  await ok(command(specialist, dossierId, { type: 'propose', outcome: 'grant', summary: 'Đủ điều kiện' }));
  await ok(command(specialist, dossierId, { type: 'forward', toUserId: null }));
  await ok(command(head, dossierId, { type: 'approve' }));
  await ok(command(head, dossierId, { type: 'forward', toUserId: null }));
  await ok(command(head, dossierId, { type: 'issueResult', documents }));
}

/**
 * Publishes an amended version of a seeded procedure, in force from now, through the catalogue's review
 * (officer amends and submits, reviewer approves, officer announces and publishes).
 */
export async function amendProcedure(
  t: TestApp,
  nationalCode: string,
  change: (content: Record<string, any>) => Record<string, any>,
): Promise<void> {
  const officer = await t.loginStaff('kiemsoat.tthc');
  const reviewer = await t.loginStaff('kiemsoat.tuphap');
  const id = await procedureIdOf(t, nationalCode);
  const amended = await officer.post(`/api/catalog/admin/procedures/${id}/amend`);
  if (amended.status !== 201) throw new Error(`amend: ${amended.status} ${JSON.stringify(amended.body)}`);
  const version = amended.body.id;
  const steps: [TestClient, string, unknown][] = [
    [officer, 'submit', undefined],
    [reviewer, 'approve', undefined],
    [officer, 'announce', { decisionNumber: '77/QĐ-UBND', decisionDate: '2026-03-02' }],
    [officer, 'publish', {}],
  ];
  const updated = await officer.put(`/api/catalog/admin/versions/${version}`, {
    content: change(structuredClone(amended.body.content)),
  });
  if (updated.status !== 200) throw new Error(`update: ${updated.status} ${JSON.stringify(updated.body)}`);
  for (const [client, action, body] of steps) {
    const res = await client.post(`/api/catalog/admin/versions/${version}/${action}`, body);
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}
