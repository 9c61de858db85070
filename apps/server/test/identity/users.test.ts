import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const usernames = (body: { users: { username: string }[] }) => body.users.map((u) => u.username);

describe('staff accounts', () => {
  it('a provincial administrator creates an officer with a role at a commune, who can then log in', async () => {
    const admin = await t.loginStaff('quantri');
    const anBinh = await t.agencyId('000.20.01.H99');
    const res = await admin.post('/api/identity/users', {
      username: 'Motcua.Anbinh2',
      fullName: 'Phan Thị Thu',
      email: 'thu.pt@minhhoa.demo',
      password: 'mat-khau-moi-2026',
      roles: [{ role: 'desk-officer', agencyId: anBinh }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      username: 'motcua.anbinh2',
      status: 'active',
      roles: [
        {
          role: 'desk-officer',
          agencyId: anBinh,
          agencyCode: '000.20.01.H99',
          agencyName: 'UBND phường An Bình',
        },
      ],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|password/i);
    const login = await t
      .anonymous()
      .post('/api/auth/staff/login', { username: 'motcua.anbinh2', password: 'mat-khau-moi-2026' });
    expect(login.status).toBe(200);
  });

  it('refuses a taken username and a weak password, creating nothing', async () => {
    const admin = await t.loginStaff('quantri');
    const anBinh = await t.agencyId('000.20.01.H99');
    const taken = await admin.post('/api/identity/users', {
      username: 'motcua.tinh',
      fullName: 'Trùng',
      password: 'mat-khau-moi-2026',
      roles: [{ role: 'specialist', agencyId: anBinh }],
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('USERNAME_TAKEN');
    const weak = await admin.post('/api/identity/users', {
      username: 'yeu.mk',
      fullName: 'Yếu',
      password: '123',
      roles: [{ role: 'specialist', agencyId: anBinh }],
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.issues[0]).toEqual({
      path: ['password'],
      message: 'Mật khẩu tối thiểu 8 ký tự',
    });
    expect(usernames((await admin.get('/api/identity/users?q=yeu')).body)).toEqual([]);
  });

  it('a commune administrator sees only staff with roles in the commune', async () => {
    const local = await t.loginStaff('quantri.anbinh');
    const res = await local.get('/api/identity/users');
    expect(res.status).toBe(200);
    expect(usernames(res.body)).toEqual(
      expect.arrayContaining(['motcua.anbinh', 'chutich.anbinh', 'quantri.anbinh']),
    );
    expect(usernames(res.body)).not.toContain('motcua.tinh');
    expect(usernames(res.body)).not.toContain('quantri');
  });

  it('a commune administrator cannot read, change or grant outside the commune (404/403, never data)', async () => {
    const admin = await t.loginStaff('quantri');
    const outsider = (await admin.get('/api/identity/users?q=motcua.tinh')).body.users[0];
    const local = await t.loginStaff('quantri.anbinh');
    const read = await local.get(`/api/identity/users/${outsider.id}`);
    expect(read.status).toBe(404);
    expect(JSON.stringify(read.body)).not.toContain('mai.lt@minhhoa.demo');
    const change = await local.patch(`/api/identity/users/${outsider.id}`, { status: 'disabled' });
    expect(change.status).toBe(404);
    const reset = await local.post(`/api/identity/users/${outsider.id}/password`, {
      newPassword: 'chiem-quyen-123',
    });
    expect(reset.status).toBe(404);
    expect(
      (
        await t
          .anonymous()
          .post('/api/auth/staff/login', { username: 'motcua.tinh', password: 'MotCua@2026' })
      ).status,
    ).toBe(200);

    const province = await t.agencyId('000.00.00.H99');
    const grant = await local.post('/api/identity/users', {
      username: 'leo.thang',
      fullName: 'Leo Thang',
      password: 'mat-khau-moi-2026',
      roles: [{ role: 'administrator', agencyId: province }],
    });
    expect(grant.status).toBe(403);
  });

  it('disabling an account ends its sessions and blocks login; unlock clears a lockout', async () => {
    const admin = await t.loginStaff('quantri');
    const target = (await admin.get('/api/identity/users?q=congchuc.anbinh')).body.users[0];
    const session = await t.loginStaff('congchuc.anbinh');
    const disabled = await admin.patch(`/api/identity/users/${target.id}`, { status: 'disabled' });
    expect(disabled.body.status).toBe('disabled');
    expect((await session.get('/api/session')).body.user).toBeNull();
    expect(
      (
        await t
          .anonymous()
          .post('/api/auth/staff/login', { username: 'congchuc.anbinh', password: 'MotCua@2026' })
      ).status,
    ).toBe(401);
    await admin.patch(`/api/identity/users/${target.id}`, { status: 'active' });
    expect(
      (
        await t
          .anonymous()
          .post('/api/auth/staff/login', { username: 'congchuc.anbinh', password: 'MotCua@2026' })
      ).status,
    ).toBe(200);
  });

  it('an administrator cannot disable their own account', async () => {
    const admin = await t.loginStaff('quantri');
    const me = (await admin.get('/api/session')).body.user.id;
    const res = await admin.patch(`/api/identity/users/${me}`, { status: 'disabled' });
    expect(res.status).toBe(403);
  });

  it('replacing roles keeps the roles the administrator cannot see', async () => {
    const admin = await t.loginStaff('quantri');
    const anBinh = await t.agencyId('000.20.01.H99');
    const tanPhu = await t.agencyId('000.20.02.H99');
    const created = await admin.post('/api/identity/users', {
      username: 'hai.noi',
      fullName: 'Hai Nơi',
      password: 'mat-khau-moi-2026',
      roles: [
        { role: 'specialist', agencyId: anBinh },
        { role: 'specialist', agencyId: tanPhu },
      ],
    });
    const local = await t.loginStaff('quantri.anbinh');
    const res = await local.put(`/api/identity/users/${created.body.id}/roles`, {
      roles: [{ role: 'desk-officer', agencyId: anBinh }],
    });
    expect(res.status).toBe(200);
    const roles = res.body.roles
      .map((r: { role: string; agencyCode: string }) => `${r.role}@${r.agencyCode}`)
      .sort();
    expect(roles).toEqual(['desk-officer@000.20.01.H99', 'specialist@000.20.02.H99']);
  });

  it('records reads of personal data in the audit trail', async () => {
    const admin = await t.loginStaff('quantri');
    const target = (await admin.get('/api/identity/users?q=chutich')).body.users[0];
    await admin.get(`/api/identity/users/${target.id}`);
    const entries = (await admin.get(`/api/audit?targetType=user&targetId=${target.id}`)).body.entries;
    expect(entries[0]).toMatchObject({ action: 'identity.user.read', actorName: 'quantri' });
    const list = (await admin.get('/api/audit?targetType=user&limit=50')).body.entries.find(
      (e: { action: string }) => e.action === 'identity.users.list',
    );
    expect(list.details.returned).toContain(target.id);
  });
});

describe('password reset by an administrator', () => {
  it('sets a new password, ends the old sessions and clears a lockout', async () => {
    const admin = await t.loginStaff('quantri');
    const target = (await admin.get('/api/identity/users?q=giamdoc.tuphap')).body.users[0];
    const old = await t.loginStaff('giamdoc.tuphap');
    const res = await admin.post(`/api/identity/users/${target.id}/password`, {
      newPassword: 'mat-khau-cap-lai-1',
    });
    expect(res.status).toBe(200);
    expect((await old.get('/api/session')).body.user).toBeNull();
    expect(
      (
        await t
          .anonymous()
          .post('/api/auth/staff/login', { username: 'giamdoc.tuphap', password: 'MotCua@2026' })
      ).status,
    ).toBe(401);
    expect(
      (
        await t
          .anonymous()
          .post('/api/auth/staff/login', { username: 'giamdoc.tuphap', password: 'mat-khau-cap-lai-1' })
      ).status,
    ).toBe(200);
  });
});
