import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('staff login', () => {
  it('logs in with the right password and returns the session with roles at an agency', async () => {
    const client = t.anonymous();
    const res = await client.post('/api/auth/staff/login', {
      username: 'motcua.tinh',
      password: 'MotCua@2026',
    });
    expect(res.status).toBe(200);
    expect(res.body.user.fullName).toBe('Lê Thị Mai');
    expect(res.body.user.roles).toEqual([
      expect.objectContaining({
        role: 'desk-officer',
        agencyCode: '000.00.02.H99',
        agencyName: 'Trung tâm Phục vụ hành chính công tỉnh Minh Hòa',
      }),
    ]);
    expect(res.body.user.permissions).toContain('dossier.receive');
    expect(res.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/motcua_sid=[\w-]{40,}/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses a wrong password with a Vietnamese message and no session', async () => {
    const client = t.anonymous();
    const res = await client.post('/api/auth/staff/login', {
      username: 'motcua.tinh',
      password: 'wrong-password',
    });
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng',
    });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const res = await t
      .anonymous()
      .post('/api/auth/staff/login', { username: 'no.such.user', password: 'whatever1' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks the account after 5 failures, even for the right password, until the lock expires', async () => {
    const client = t.anonymous();
    for (let i = 0; i < 4; i++) {
      expect(
        (
          await client.post('/api/auth/staff/login', {
            username: 'congchuc.anbinh',
            password: 'bad-password',
          })
        ).status,
      ).toBe(401);
    }
    const fifth = await client.post('/api/auth/staff/login', {
      username: 'congchuc.anbinh',
      password: 'bad-password',
    });
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('ACCOUNT_LOCKED');
    const right = await client.post('/api/auth/staff/login', {
      username: 'congchuc.anbinh',
      password: 'MotCua@2026',
    });
    expect(right.status).toBe(423);
    t.clock.advance(16 * 60_000);
    const later = await client.post('/api/auth/staff/login', {
      username: 'congchuc.anbinh',
      password: 'MotCua@2026',
    });
    expect(later.status).toBe(200);
  });

  it('rejects malformed login bodies with field errors', async () => {
    const res = await t
      .anonymous()
      .post('/api/auth/staff/login', { username: '', password: 'x', totpCode: '12' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const paths = res.body.error.details.issues.map((i: { path: string[] }) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['username', 'totpCode']));
  });
});

describe('TOTP second factor', () => {
  it('once enabled, requires a valid code at login', async () => {
    const client = await t.loginStaff('truongphong.tuphap');
    const setup = await client.post('/api/auth/totp/setup');
    expect(setup.status).toBe(200);
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const secret: string = setup.body.secret;
    expect((await client.post('/api/auth/totp/enable', { code: '000000' })).body.error?.code).toBe(
      'INVALID_TOTP',
    );
    const enable = await client.post('/api/auth/totp/enable', { code: await generate({ secret }) });
    expect(enable.status).toBe(200);

    const again = t.anonymous();
    const withoutCode = await again.post('/api/auth/staff/login', {
      username: 'truongphong.tuphap',
      password: 'MotCua@2026',
    });
    expect(withoutCode.status).toBe(401);
    expect(withoutCode.body.error.code).toBe('TOTP_REQUIRED');
    const wrongCode = await again.post('/api/auth/staff/login', {
      username: 'truongphong.tuphap',
      password: 'MotCua@2026',
      totpCode: '123456',
    });
    expect(wrongCode.body.error.code).toBe('INVALID_TOTP');
    const ok = await again.post('/api/auth/staff/login', {
      username: 'truongphong.tuphap',
      password: 'MotCua@2026',
      totpCode: await generate({ secret }),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.user.totpEnabled).toBe(true);
  });
});

describe('citizens', () => {
  it('registers with email and phone, then logs in with either', async () => {
    const client = t.anonymous();
    const reg = await client.post('/api/auth/citizen/register', {
      fullName: 'Trần  Văn Cường ',
      email: 'Cuong.Tran@Example.vn',
      phone: '+84 903 123 456',
      password: 'matkhau-an-toan',
    });
    expect(reg.status).toBe(201);
    expect(reg.body.user).toMatchObject({
      kind: 'citizen',
      fullName: 'Trần  Văn Cường',
      email: 'cuong.tran@example.vn',
      phone: '0903123456',
      roles: [],
    });
    expect(
      (
        await t.anonymous().post('/api/auth/citizen/login', {
          identifier: 'cuong.tran@example.vn',
          password: 'matkhau-an-toan',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await t
          .anonymous()
          .post('/api/auth/citizen/login', { identifier: '0903 123 456', password: 'matkhau-an-toan' })
      ).status,
    ).toBe(200);
  });

  it('refuses a second registration with the same email, creating nothing', async () => {
    const res = await t.anonymous().post('/api/auth/citizen/register', {
      fullName: 'Người Khác',
      email: 'congdan@minhhoa.demo',
      password: 'mot-mat-khau',
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'ACCOUNT_EXISTS', message: 'Email này đã được đăng ký' });
  });

  it('needs an email or a phone number', async () => {
    const res = await t
      .anonymous()
      .post('/api/auth/citizen/register', { fullName: 'Không Liên Lạc', password: 'mot-mat-khau' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].message).toBe('Cần email hoặc số điện thoại');
  });

  it('a citizen holds no staff permission', async () => {
    const citizen = await t.loginCitizen('congdan@minhhoa.demo');
    expect((await citizen.get('/api/identity/users')).status).toBe(403);
    expect((await citizen.post('/api/org/desks', {})).status).toBe(403);
  });
});

describe('sessions', () => {
  it('logout ends the session on the server', async () => {
    const client = await t.loginStaff('motcua.anbinh');
    const stolenCookie = client.cookie;
    expect((await client.post('/api/auth/logout')).status).toBe(200);
    const replay = t.anonymous();
    replay.cookie = stolenCookie;
    const res = await replay.get('/api/session');
    expect(res.body.user).toBeNull();
  });

  it('expires after the idle time: a protected call answers SESSION_EXPIRED', async () => {
    const client = await t.loginStaff('quantri');
    expect((await client.get('/api/identity/users')).status).toBe(200);
    t.clock.advance(61 * 60_000);
    const res = await client.get('/api/identity/users');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SESSION_EXPIRED');
  });

  it('requires the CSRF token on cookie-authenticated mutations, and changes nothing without it', async () => {
    const client = await t.loginStaff('quantri');
    const province = await t.agencyId('000.00.00.H99');
    const body = {
      code: '000.20.77.H99',
      name: 'UBND xã CSRF',
      kind: 'commune',
      parentId: province,
      validFrom: '2026-01-01',
    };
    const res = await client.post('/api/org/agencies', body, { 'x-csrf-token': 'forged' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF_FAILED');
    await expect(t.agencyId('000.20.77.H99')).rejects.toThrow();
  });

  it('refuses mutations from another origin', async () => {
    const client = await t.loginStaff('quantri');
    const res = await client.post('/api/auth/logout', {}, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CROSS_ORIGIN');
  });

  it('answers 401 to anonymous calls of protected routes', async () => {
    const res = await t.anonymous().get('/api/identity/users');
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual({ code: 'UNAUTHENTICATED', message: 'Bạn cần đăng nhập để tiếp tục' });
  });
});
