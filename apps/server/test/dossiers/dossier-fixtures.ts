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
