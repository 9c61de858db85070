import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Response, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { catalogueTestPlaces, procedureContent } from './procedure-content';

/**
 * One authorisation test per mutating catalogue action (CONVENTIONS.md: "every action has an
 * authorisation test"): each caller without the permission is refused — 401 without a session, 403
 * with one — and nothing changes (neither what the action would change nor the audit trail); then the
 * caller with the permission succeeds, and the change shows.
 *
 * Callers: the public (no session); the province's one-stop desk officer (no catalogue role); the
 * Department of Justice's reviewer (catalog.review only); the procedure-control officer (catalog.edit
 * only).
 */

type Caller = 'public' | 'desk' | 'reviewer' | 'officer';

let t: TestApp;
let clients: Record<Caller, TestClient>;
let office: string;
let anBinh: string;
let fieldCode: string;
let sequence = 0;

beforeAll(async () => {
  t = await startTestApp();
  clients = {
    public: t.anonymous(),
    desk: await t.loginStaff('motcua.tinh'),
    reviewer: await t.loginStaff('kiemsoat.tuphap'),
    officer: await t.loginStaff('kiemsoat.tthc'),
  };
  ({ office, anBinh, fieldCode } = await catalogueTestPlaces(t));
});
afterAll(async () => {
  await t?.close();
});

/** A fresh national code per procedure (the 9.xxxxxx range is unused by the seed). */
const nextCode = () => `9.8${String(++sequence).padStart(5, '0')}`;

/** The shape of a real procedure (1.000656, đăng ký khai tử), under a code of its own. */
function content(nationalCode: string, name = `Thủ tục đăng ký khai tử (kiểm tra quyền ${nationalCode})`) {
  return procedureContent({ fieldCode, agencyId: anBinh }, { nationalCode, name });
}

function ok(res: Response, status = 200): Response<any> {
  if (res.status !== status)
    throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}

/** A procedure of the provincial office brought by the officer and reviewer to `stage`. */
async function procedureAt(stage: 'draft' | 'submitted' | 'approved' | 'announced' | 'published') {
  const { officer, reviewer } = clients;
  const created = ok(
    await officer.post('/api/catalog/admin/procedures', {
      ownerAgencyId: office,
      content: content(nextCode()),
    }),
    201,
  );
  const procedureId: string = created.body.procedure.id;
  const versionId: string = created.body.latest.id;
  const steps: [Caller, string, unknown][] = [
    ['officer', 'submit', {}],
    ['reviewer', 'approve', {}],
    ['officer', 'announce', { decisionNumber: '12/QĐ-UBND', decisionDate: '2026-02-20' }],
    ['officer', 'publish', {}],
  ];
  const order = ['draft', 'submitted', 'approved', 'announced', 'published'];
  for (const [who, action, body] of steps.slice(0, order.indexOf(stage)))
    ok(
      await (who === 'reviewer' ? reviewer : officer).post(
        `/api/catalog/admin/versions/${versionId}/${action}`,
        body,
      ),
    );
  return { procedureId, versionId };
}

const detail = async (procedureId: string) =>
  ok(await clients.officer.get(`/api/catalog/admin/procedures/${procedureId}`)).body;
const versionStatuses = async (procedureId: string) =>
  (await detail(procedureId)).versions.map((v: { status: string; number: number }) => [v.number, v.status]);
const synonymsNow = async () =>
  ok(await clients.officer.get('/api/catalog/synonyms')).body.synonyms.map(
    (s: { term: string; expandsTo: string[] }) => [s.term, s.expandsTo],
  );
async function count(table: 'audit.entries' | 'catalog.import_jobs' | 'catalog.procedures'): Promise<number> {
  const result = await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]!.n);
}

interface Case {
  action: string;
  /** Method and path as the app registers it. */
  route: string;
  /** The caller whose permission the route needs. */
  allowed: Caller;
  /** The state the action needs, made fresh for the case. */
  prepare(): Promise<Record<string, string>>;
  send(client: TestClient, target: Record<string, string>): Promise<Response>;
  /** What the action changes when allowed. */
  state(target: Record<string, string>): Promise<unknown>;
  succeeds: number;
}

const cases: Case[] = [
  {
    action: 'create a procedure',
    route: 'POST /api/catalog/admin/procedures',
    allowed: 'officer',
    prepare: async () => ({ code: nextCode() }),
    send: (c, { code }) =>
      c.post('/api/catalog/admin/procedures', { ownerAgencyId: office, content: content(code!) }),
    state: async ({ code }) =>
      ok(await clients.officer.get(`/api/catalog/admin/procedures?q=${code}`)).body.total,
    succeeds: 201,
  },
  {
    action: 'edit a draft',
    route: 'PUT /api/catalog/admin/versions/:id',
    allowed: 'officer',
    prepare: () => procedureAt('draft'),
    send: async (c, { procedureId, versionId }) => {
      const code = (await detail(procedureId!)).procedure.nationalCode;
      return c.put(`/api/catalog/admin/versions/${versionId}`, { content: content(code, 'Tên đã sửa') });
    },
    state: async ({ versionId }) =>
      ok(await clients.officer.get(`/api/catalog/admin/versions/${versionId}`)).body.content.name,
    succeeds: 200,
  },
  ...(
    [
      ['submit a draft for review', 'officer', 'draft', 'submit', {}],
      ['approve (quality control)', 'reviewer', 'submitted', 'approve', {}],
      ['return (quality control)', 'reviewer', 'submitted', 'return', { reason: 'Thiếu căn cứ pháp lý' }],
      [
        'announce',
        'officer',
        'approved',
        'announce',
        { decisionNumber: '15/QĐ-UBND', decisionDate: '2026-02-25' },
      ],
      ['publish', 'officer', 'announced', 'publish', {}],
    ] as const
  ).map(
    ([action, allowed, stage, path, body]): Case => ({
      action,
      route: `POST /api/catalog/admin/versions/:id/${path}`,
      allowed,
      prepare: () => procedureAt(stage),
      send: (c, { versionId }) => c.post(`/api/catalog/admin/versions/${versionId}/${path}`, body),
      state: async ({ procedureId }) => versionStatuses(procedureId!),
      succeeds: 200,
    }),
  ),
  {
    action: 'amend a published procedure',
    route: 'POST /api/catalog/admin/procedures/:id/amend',
    allowed: 'officer',
    prepare: () => procedureAt('published'),
    send: (c, { procedureId }) => c.post(`/api/catalog/admin/procedures/${procedureId}/amend`, {}),
    state: async ({ procedureId }) => versionStatuses(procedureId!),
    succeeds: 201,
  },
  {
    action: 'abolish a published procedure',
    route: 'POST /api/catalog/admin/procedures/:id/abolish',
    allowed: 'officer',
    prepare: () => procedureAt('published'),
    send: (c, { procedureId }) =>
      c.post(`/api/catalog/admin/procedures/${procedureId}/abolish`, {
        effectiveDate: '2026-03-10',
        decisionNumber: '20/QĐ-UBND',
      }),
    state: async ({ procedureId }) => versionStatuses(procedureId!),
    succeeds: 200,
  },
  {
    action: "replace an agency's internal workflow",
    route: 'PUT /api/catalog/admin/procedures/:id/workflows/:agencyId',
    allowed: 'officer',
    prepare: () => procedureAt('published'),
    send: async (c, { procedureId }) => {
      const current = ok(
        await clients.officer.get(`/api/catalog/admin/procedures/${procedureId}/workflows/${anBinh}`),
      ).body.current.definition;
      return c.put(`/api/catalog/admin/procedures/${procedureId}/workflows/${anBinh}`, {
        definition: current,
      });
    },
    state: async ({ procedureId }) => {
      const body = ok(
        await clients.officer.get(`/api/catalog/admin/procedures/${procedureId}/workflows/${anBinh}`),
      ).body;
      return [body.current.version, body.current.generated];
    },
    succeeds: 200,
  },
  {
    action: 'create a field',
    route: 'POST /api/catalog/fields',
    allowed: 'officer',
    prepare: async () => ({ code: `L.KIEM-TRA-${++sequence}` }),
    send: (c, { code }) =>
      c.post('/api/catalog/fields', { code, name: `Lĩnh vực kiểm tra ${code}`, national: false }),
    state: async ({ code }) =>
      ok(await t.anonymous().get('/api/catalog/fields')).body.fields.some(
        (f: { code: string }) => f.code === code,
      ),
    succeeds: 201,
  },
  {
    action: 'create a synonym',
    route: 'POST /api/catalog/synonyms',
    allowed: 'officer',
    prepare: async () => ({ term: `từ kiểm tra ${++sequence}` }),
    send: (c, { term }) => c.post('/api/catalog/synonyms', { term, expandsTo: ['đăng ký khai sinh'] }),
    state: synonymsNow,
    succeeds: 201,
  },
  {
    action: 'update a synonym',
    route: 'PUT /api/catalog/synonyms/:id',
    allowed: 'officer',
    prepare: async () => {
      const term = `từ kiểm tra ${++sequence}`;
      const created = ok(
        await clients.officer.post('/api/catalog/synonyms', { term, expandsTo: ['a'] }),
        201,
      );
      return { id: created.body.id, term };
    },
    send: (c, { id, term }) => c.put(`/api/catalog/synonyms/${id}`, { term, expandsTo: ['đăng ký kết hôn'] }),
    state: synonymsNow,
    succeeds: 200,
  },
  {
    action: 'delete a synonym',
    route: 'DELETE /api/catalog/synonyms/:id',
    allowed: 'officer',
    prepare: async () => {
      const term = `từ kiểm tra ${++sequence}`;
      const created = ok(
        await clients.officer.post('/api/catalog/synonyms', { term, expandsTo: ['a'] }),
        201,
      );
      return { id: created.body.id };
    },
    send: (c, { id }) => c.delete(`/api/catalog/synonyms/${id}`),
    state: synonymsNow,
    succeeds: 204,
  },
  {
    action: 'start an import',
    route: 'POST /api/catalog/admin/imports',
    allowed: 'officer',
    prepare: async () => ({}),
    send: (c) => c.post('/api/catalog/admin/imports', { format: 'json', ownerAgencyId: office, records: [] }),
    state: () => count('catalog.import_jobs'),
    succeeds: 202,
  },
];

describe('authorisation of every catalogue action', () => {
  it.each(cases.map((c) => [c.action, c] as const))('%s', async (_action, c) => {
    const target = await c.prepare();
    const before = await c.state(target);
    const audited = await count('audit.entries');
    for (const caller of (['public', 'desk', 'reviewer', 'officer'] as const).filter(
      (x) => x !== c.allowed,
    )) {
      const res = await c.send(clients[caller], target);
      expect({ caller, status: res.status }).toEqual({ caller, status: caller === 'public' ? 401 : 403 });
      expect(await c.state(target)).toEqual(before);
    }
    expect(await count('audit.entries')).toBe(audited);
    const res = await c.send(clients[c.allowed], target);
    expect({ status: res.status, body: res.status === c.succeeds ? null : res.body }).toEqual({
      status: c.succeeds,
      body: null,
    });
    expect(await c.state(target)).not.toEqual(before);
    expect(await count('audit.entries')).toBeGreaterThan(audited);
  });

  it('has a case for every mutating route of the catalogue API', () => {
    // Routes that take a POST body but change nothing (a dry run).
    const notMutating = new Set(['POST /api/catalog/admin/procedures/:id/workflows/:agencyId/validate']);
    const registered = mutatingRoutes(t.app.printRoutes({ commonPrefix: false })).filter(
      (r) => r.includes(' /api/catalog') && !notMutating.has(r),
    );
    expect(registered.length).toBeGreaterThan(10);
    expect(new Set(cases.map((c) => c.route))).toEqual(new Set(registered));
  });
});

/** "METHOD /path" of every POST, PUT, PATCH and DELETE route in Fastify's printRoutes tree. */
function mutatingRoutes(tree: string): string[] {
  const prefixes: string[] = [];
  const out: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const path = (prefixes[depth - 1] ?? '') + m[2];
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    for (const method of (m[3] ?? '').split(', '))
      if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) out.push(`${method} ${path}`);
  }
  return out;
}
