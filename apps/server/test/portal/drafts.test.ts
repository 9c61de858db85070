import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureIdOf, registerCitizen } from '../dossiers/dossier-fixtures';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

/**
 * Drafts of online submissions (issue 4 point 3): saved as the citizen types, one per citizen ×
 * procedure × agency, resumable from another device (another session), never overwritten by a stale
 * copy, nobody else's to read.
 */
let t: TestApp;
let procedureId: string;
let anBinh: string;
let phuLocThinh: string;

const content = (overrides: Record<string, unknown> = {}) => ({
  title: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
  step: 1,
  idempotencyKey: 'draft-key-00000001',
  applicant: {
    kind: 'citizen',
    name: 'Nguyễn Thị Bình',
    idNumber: '',
    address: 'Số 5 Lê Lợi',
    phone: '',
    email: 'congdan@minhhoa.demo',
  },
  components: [
    {
      name: 'Tờ khai',
      files: [
        {
          id: '6f1c1f9e-3d2b-4c55-9b1a-0a5e2f1d7c11',
          name: 'to-khai.pdf',
          mediaType: 'application/pdf',
          size: 1024,
        },
      ],
    },
  ],
  delivery: { method: 'postal', address: 'Số 5 Lê Lợi, phường An Bình' },
  note: '',
  editedAt: '2026-03-02T09:00:00.000Z',
  ...overrides,
});

const path = (agencyId = anBinh) => `/api/portal/drafts/${procedureId}/${agencyId}`;

beforeAll(async () => {
  t = await startTestApp();
  procedureId = await procedureIdOf(t, '1.004873');
  anBinh = await t.agencyId('000.20.01.H99');
  phuLocThinh = await t.agencyId('000.20.05.H99');
  await registerCitizen(t, 'Hồ Thị Khác', 'khac@example.vn');
});
afterAll(() => t?.close());

describe('a citizen’s draft', () => {
  let phone: TestClient;

  it('is created at version 1 and read back, from the same and from another device', async () => {
    phone = await t.loginCitizen('congdan@minhhoa.demo');
    const created = await phone.put(path(), { version: 0, content: content() });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ procedureId, agencyId: anBinh, version: 1 });
    expect(created.body.content).toEqual(content());
    expect(created.body.updatedAt).toBe(t.clock.now.toISOString());

    // Another device: a new login of the same citizen.
    const laptop = await t.loginCitizen('0912345678');
    const read = await laptop.get(path());
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ version: 1, content: content() });
    const listed = await laptop.get(`/api/portal/drafts?procedureId=${procedureId}`);
    expect(listed.status).toBe(200);
    expect(listed.body.drafts.map((d: { agencyId: string }) => d.agencyId)).toEqual([anBinh]);
  });

  it('is saved over the version last read, and a stale copy is refused with the stored one', async () => {
    t.clock.advance(60_000);
    const saved = await phone.put(path(), { version: 1, content: content({ step: 2, note: 'Lần 2' }) });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, content: { step: 2, note: 'Lần 2' } });

    const stale = await phone.put(path(), { version: 1, content: content({ note: 'Bản cũ' }) });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('DRAFT_VERSION_CONFLICT');
    expect(stale.body.error.details.current).toMatchObject({ version: 2, content: { note: 'Lần 2' } });

    const again = await phone.put(path(), { version: 0, content: content({ note: 'Bản mới khác' }) });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DRAFT_VERSION_CONFLICT');

    const read = await phone.get(path());
    expect(read.body).toMatchObject({ version: 2, content: { note: 'Lần 2' } });
  });

  it('is kept per agency: a draft for another ward is a separate one, listed newest first', async () => {
    t.clock.advance(60_000);
    const other = await phone.put(path(phuLocThinh), { version: 0, content: content({ step: 0 }) });
    expect(other.status).toBe(200);
    expect(other.body.version).toBe(1);
    const listed = await phone.get('/api/portal/drafts');
    expect(listed.body.drafts.map((d: { agencyId: string }) => d.agencyId)).toEqual([phuLocThinh, anBinh]);
    expect((await phone.get(path())).body.version).toBe(2);
  });

  it('refuses malformed content and changes nothing', async () => {
    const badKey = await phone.put(path(), { version: 2, content: content({ idempotencyKey: 'x' }) });
    expect(badKey.status).toBe(400);
    const tooMany = await phone.put(path(), {
      version: 2,
      content: content({
        components: [
          {
            name: 'Tờ khai',
            files: Array.from({ length: 21 }, () => content().components[0]!.files[0]),
          },
        ],
      }),
    });
    expect(tooMany.status).toBe(400);
    const notAFile = await phone.put(path(), {
      version: 2,
      content: content({
        components: [{ name: 'Tờ khai', files: [{ id: 'not-a-uuid', name: 'a', mediaType: 'x', size: 1 }] }],
      }),
    });
    expect(notAFile.status).toBe(400);
    const badParams = await phone.put(`/api/portal/drafts/${procedureId}/not-an-id`, {
      version: 0,
      content: content(),
    });
    expect(badParams.status).toBe(400);
    expect((await phone.get(path())).body).toMatchObject({ version: 2, content: { note: 'Lần 2' } });
  });

  it('is nobody else’s: another citizen sees none, staff and anonymous callers are refused', async () => {
    const other = await t.loginCitizen('khac@example.vn');
    expect((await other.get(path())).status).toBe(404);
    expect((await other.get('/api/portal/drafts')).body.drafts).toEqual([]);
    // Their save creates their own draft; the first citizen's is untouched.
    const theirs = await other.put(path(), { version: 0, content: content({ note: 'Của người khác' }) });
    expect(theirs.status).toBe(200);
    expect(theirs.body.version).toBe(1);
    expect((await phone.get(path())).body).toMatchObject({ version: 2, content: { note: 'Lần 2' } });
    const deleted = await other.delete(path());
    expect(deleted.status).toBe(204);
    expect((await phone.get(path())).status).toBe(200);

    const staff = await t.loginStaff('motcua.anbinh');
    expect((await staff.get('/api/portal/drafts')).status).toBe(403);
    expect((await staff.put(path(), { version: 0, content: content() })).status).toBe(403);
    const anonymous = t.anonymous();
    expect((await anonymous.get(path())).status).toBe(401);
    expect((await anonymous.put(path(), { version: 0, content: content() })).status).toBe(401);
  });

  it('is deleted (after submission), and deleting again is not an error', async () => {
    expect((await phone.delete(path())).status).toBe(204);
    expect((await phone.get(path())).status).toBe(404);
    expect((await phone.delete(path())).status).toBe(204);
    const listed = await phone.get('/api/portal/drafts');
    expect(listed.body.drafts.map((d: { agencyId: string }) => d.agencyId)).toEqual([phuLocThinh]);
    // A new draft under the same key starts again at version 1.
    const fresh = await phone.put(path(), { version: 0, content: content() });
    expect(fresh.body.version).toBe(1);
  });
});

describe('the applicant profile the wizard prefills', () => {
  it('is the citizen’s own account details', async () => {
    const citizen = await t.loginCitizen('congdan@minhhoa.demo');
    const res = await citizen.get('/api/portal/profile');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      fullName: 'Nguyễn Thị Bình',
      email: 'congdan@minhhoa.demo',
      phone: '0912345678',
    });
    const staff = await t.loginStaff('motcua.anbinh');
    expect((await staff.get('/api/portal/profile')).status).toBe(403);
    expect((await t.anonymous().get('/api/portal/profile')).status).toBe(401);
  });
});
