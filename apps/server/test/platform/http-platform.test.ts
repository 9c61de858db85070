import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/platform/config';
import { createHttpApp } from '../../src/platform/http-app';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '3' } });
});
afterAll(async () => {
  await t?.close();
});

describe('configuration', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'motcua-config-'));

  it('names the bad variable, in Vietnamese and English', () => {
    expect(() => loadConfig({ PORT: 'abc', DATA_DIR: dataDir() })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc', DATA_DIR: dataDir() })).toThrow(
      /Biến môi trường PORT không hợp lệ \/ invalid environment variable PORT/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', DATA_DIR: dataDir() })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ SESSION_SECRET: 'short', DATA_DIR: dataDir() })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud', DATA_DIR: dataDir() })).toThrow(/LOG_LEVEL/);
  });

  it('generates a session secret once and keeps it in DATA_DIR', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(loadConfig({ DATA_DIR: dataDir() }).sessionSecret).not.toBe(first.sessionSecret);
  });
});

describe('HTTP platform', () => {
  it('refuses at start-up an API route that declares no access rule', async () => {
    const app = await createHttpApp(
      loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'motcua-')), LOG_LEVEL: 'silent' }),
    );
    expect(() => app.get('/api/forgotten', async () => ({}))).toThrow(/declares no access rule/);
    await app.close();
  });

  it('every API route of the assembled app declares its access rule', () => {
    const routes = t.app.printRoutes({ commonPrefix: false });
    expect(routes).toContain('/api/org/agencies');
    // The onRoute hook throws for undeclared routes, so reaching here means all are declared; check one by hand too.
    expect(t.app.hasRoute({ method: 'GET', url: '/api/identity/users' })).toBe(true);
  });

  it('answers /health and /ready with the database kind', async () => {
    expect((await t.anonymous().get('/health')).body).toEqual({ status: 'ok' });
    const ready = await t.anonymous().get('/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: t.database.kind });
  });

  it('sends security headers and a request id', async () => {
    const res = await t.anonymous().get('/api/session');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(res.headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
  });

  it('serves the OpenAPI description with the API routes', async () => {
    const res = await t.anonymous().get('/api/docs/json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/org/agencies', '/api/auth/staff/login', '/api/audit/verify']),
    );
  });

  it('answers unknown API paths with the common error format', async () => {
    const res = await t.anonymous().get('/api/khong-co');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy GET /api/khong-co' } });
  });

  it('rejects a body that is not JSON', async () => {
    const res = await t.anonymous().request('POST', '/api/auth/staff/login', 'username=a&password=b', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('rate-limits login attempts per client', async () => {
    const client = t.anonymous();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (
          await client.post('/api/auth/citizen/login', {
            identifier: 'ai@example.vn',
            password: 'sai-mat-khau',
          })
        ).status,
      );
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    const limited = await client.post('/api/auth/citizen/login', {
      identifier: 'ai@example.vn',
      password: 'x',
    });
    expect(limited.body.error.code).toBe('RATE_LIMITED');
  });
});
