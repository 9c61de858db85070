import procedureSeed from '../../apps/server/src/modules/catalog/seed/procedures.json';
import { demoPassword } from '../../apps/server/src/seed/demo-data';

/**
 * A province's ward desks for the dossier benches, set up through the API as its administrators would:
 * the demo seed has three communes with desks; the province's administrator adds more wards, a desk
 * and a desk officer for each, and the catalogue officer amends the commune procedure the bench
 * receives so that the new wards implement it (submitted, approved by the reviewer, announced and
 * published). Each desk officer then logs in once; the bench's clients are those officers' sessions.
 *
 * Why many wards: a dossier code's sequence is per receiving agency and day (at most 9,999), and the
 * row holding it is locked by each reception until it commits, so one busy desk is a queue of its
 * own. A province has dozens to hundreds of communes receiving at the same time.
 */

/** Cấp Giấy xác nhận tình trạng hôn nhân: a commune procedure, 3 working days, no fee. */
export const BENCH_PROCEDURE = '1.004873';

const wardNames = [
  'An Lạc',
  'Bình Minh',
  'Cẩm Thành',
  'Đông Hòa',
  'Hòa Lợi',
  'Hưng Phú',
  'Long Thạnh',
  'Mỹ Xuân',
  'Nam Sơn',
  'Phước Hải',
  'Quang Trung',
  'Tân Định',
  'Thạnh Mỹ',
  'Vĩnh Lộc',
  'Xuân An',
  'Yên Thế',
];

/** A logged-in desk officer at their ward's desk. */
export interface DeskSession {
  username: string;
  agencyId: string;
  agencyCode: string;
  deskId: string;
  /** Cookie and CSRF headers of the officer's session. */
  headers: Record<string, string>;
}

interface Answer {
  status: number;
  body: any;
  setCookie: string | null;
}

/** A minimal API client for set-up: JSON in and out, one session cookie, the CSRF header on changes. */
export class ApiSession {
  private cookie: string | null = null;
  private csrf: string | null = null;

  constructor(private readonly base: string) {}

  get headers(): Record<string, string> {
    return {
      ...(this.cookie ? { cookie: this.cookie } : {}),
      ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
    };
  }

  async call(method: string, path: string, body?: unknown): Promise<Answer> {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...this.headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const setCookie = res.headers.get('set-cookie');
    const sid = setCookie?.match(/motcua_sid=([^;]*)/)?.[1];
    if (sid !== undefined) this.cookie = sid === '' ? null : `motcua_sid=${sid}`;
    return { status: res.status, body: text === '' ? null : JSON.parse(text), setCookie };
  }

  /** The call, which must answer 2xx: set-up failures stop the bench with the API's own message. */
  async must(method: string, path: string, body?: unknown): Promise<any> {
    const answer = await this.call(method, path, body);
    if (answer.status >= 300)
      throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  static async staff(base: string, username: string, password = demoPassword): Promise<ApiSession> {
    const session = new ApiSession(base);
    const body = await session.must('POST', '/api/auth/staff/login', { username, password });
    session.csrf = body.csrfToken ?? (await session.must('GET', '/api/session')).csrfToken;
    return session;
  }
}

async function agencyByCode(base: string, code: string): Promise<{ id: string; code: string }> {
  const body = await new ApiSession(base).must('GET', '/api/org/agencies?includeEnded=true');
  const agency = (body.agencies as { id: string; code: string }[]).find((a) => a.code === code);
  if (!agency) throw new Error(`no agency ${code}`);
  return agency;
}

async function deskAt(base: string, agencyId: string): Promise<string> {
  const body = await new ApiSession(base).must('GET', `/api/org/desks?agencyId=${agencyId}`);
  const desk = (body.desks as { id: string; agencyId: string }[]).find((d) => d.agencyId === agencyId);
  if (!desk) throw new Error(`no desk at agency ${agencyId}`);
  return desk.id;
}

/**
 * `wards` desks with a logged-in officer each (the demo's An Bình, Phú Lộc Thịnh and Tân Phú first,
 * then new wards), all implementing BENCH_PROCEDURE. `today` is the app clock's Vietnamese date.
 */
export async function setUpWardDesks(base: string, wards: number, today: string): Promise<DeskSession[]> {
  if (wards > wardNames.length + 3) throw new Error(`at most ${wardNames.length + 3} wards`);
  const admin = await ApiSession.staff(base, 'quantri');
  const province = await agencyByCode(base, '000.00.00.H99');
  const desks: { username: string; agencyId: string; agencyCode: string; deskId: string }[] = [];

  for (const [username, code] of [
    ['motcua.anbinh', '000.20.01.H99'],
    ['motcua.phulocthinh', '000.20.05.H99'],
    ['motcua.tanphu', '000.20.02.H99'],
  ] as const) {
    if (desks.length >= wards) break;
    const agency = await agencyByCode(base, code);
    if (username === 'motcua.tanphu')
      // Tân Phú has a desk in the demo but no officer: the administrator creates one.
      await admin.must('POST', '/api/identity/users', {
        username,
        fullName: 'Cán bộ một cửa xã Tân Phú',
        password: demoPassword,
        roles: [{ role: 'desk-officer', agencyId: agency.id }],
      });
    desks.push({ username, agencyId: agency.id, agencyCode: code, deskId: await deskAt(base, agency.id) });
  }

  for (let i = 0; desks.length < wards; i++) {
    const code = `000.20.${String(11 + i).padStart(2, '0')}.H99`;
    const name = wardNames[i]!;
    const agency = await admin.must('POST', '/api/org/agencies', {
      code,
      name: `UBND phường ${name}`,
      kind: 'commune',
      parentId: province.id,
      validFrom: '2025-07-01',
    });
    const desk = await admin.must('POST', '/api/org/desks', {
      agencyId: agency.id,
      name: `Bộ phận Một cửa phường ${name}`,
      address: `UBND phường ${name}`,
      validFrom: '2025-07-01',
    });
    const username = `motcua.bench${String(i + 1).padStart(2, '0')}`;
    await admin.must('POST', '/api/identity/users', {
      username,
      fullName: `Cán bộ một cửa phường ${name}`,
      password: demoPassword,
      roles: [{ role: 'desk-officer', agencyId: agency.id }],
    });
    desks.push({ username, agencyId: agency.id, agencyCode: code, deskId: desk.id });
  }

  await letWardsImplement(
    base,
    desks.map((d) => d.agencyId),
    today,
  );

  const sessions: DeskSession[] = [];
  for (const d of desks) sessions.push({ ...d, headers: (await ApiSession.staff(base, d.username)).headers });
  return sessions;
}

/** Amends BENCH_PROCEDURE so that every given agency implements it, through the catalogue's review. */
async function letWardsImplement(base: string, agencyIds: readonly string[], today: string): Promise<void> {
  const officer = await ApiSession.staff(base, 'kiemsoat.tthc');
  const reviewer = await ApiSession.staff(base, 'kiemsoat.tuphap');
  const found = await officer.must('GET', `/api/catalog/search?q=${BENCH_PROCEDURE}`);
  const hit = (found.hits as { procedureId: string; nationalCode: string }[]).find(
    (h) => h.nationalCode === BENCH_PROCEDURE,
  );
  if (!hit) throw new Error(`procedure ${BENCH_PROCEDURE} is not in the catalogue`);
  const draft = await officer.must('POST', `/api/catalog/admin/procedures/${hit.procedureId}/amend`);
  const content = draft.content as { implementingAgencyIds: string[] };
  const implementing = [...new Set([...content.implementingAgencyIds, ...agencyIds])];
  await officer.must('PUT', `/api/catalog/admin/versions/${draft.id}`, {
    content: { ...content, implementingAgencyIds: implementing },
  });
  await officer.must('POST', `/api/catalog/admin/versions/${draft.id}/submit`, {});
  await reviewer.must('POST', `/api/catalog/admin/versions/${draft.id}/approve`, {});
  await officer.must('POST', `/api/catalog/admin/versions/${draft.id}/announce`, {
    decisionNumber: '99/QĐ-UBND',
    decisionDate: today,
  });
  await officer.must('POST', `/api/catalog/admin/versions/${draft.id}/publish`, {});
}

/** The body of a desk reception of BENCH_PROCEDURE, accepted on the spot (receipt, Form 01). */
export function receptionBody(deskId: string, n: number): Record<string, unknown> {
  const procedure = (procedureSeed as { procedures: any[] }).procedures.find(
    (p) => p.nationalCode === BENCH_PROCEDURE,
  );
  if (!procedure) throw new Error(`no seeded procedure ${BENCH_PROCEDURE}`);
  return {
    deskId,
    procedure: BENCH_PROCEDURE,
    channel: 'in-person',
    applicant: {
      kind: 'citizen',
      name: `Nguyễn Thị Hạnh ${n}`,
      idNumber: `0011990${String(n).padStart(5, '0')}`,
      address: 'Số 5 Lê Lợi, phường An Bình',
      phone: '0912345678',
      email: 'hanh@example.vn',
    },
    components: procedure.components
      .filter((c: any) => c.required)
      .map((c: any) => ({ name: c.name, originals: 1, copies: 0, digitised: true })),
    decision: { type: 'accept' },
  };
}
