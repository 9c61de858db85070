import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/platform/config';
import { type Database, openDatabase } from '../../src/platform/database';
import type { HttpApp } from '../../src/platform/http-app';
import type { JobQueue } from '../../src/platform/job-queue';
import { demoPassword } from '../../src/seed/demo-data';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { openTestDatabase } from './test-database';

/**
 * The real application on a fresh database (PGlite in memory, or a new PostgreSQL database when the
 * suite runs with MOTCUA_TEST_DB=postgres), driven through Fastify's inject: every route, hook and
 * transaction runs as in production, without a network socket.
 */
export interface TestClock {
  now: Date;
  advance(ms: number): void;
}

export interface Response<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

export class TestClient {
  cookie: string | null = null;
  csrf: string | null = null;

  constructor(private readonly app: HttpApp) {}

  async request<T = any>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (method !== 'GET' && this.csrf && h['x-csrf-token'] === undefined) h['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({
      method,
      url,
      headers: h,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const setCookie = res.headers['set-cookie'];
    for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = c.split(';');
      if (pair?.startsWith('motcua_sid=')) this.cookie = pair.endsWith('=') ? null : pair;
    }
    const text = res.body;
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.statusCode, body: parsed as T, headers: res.headers };
  }

  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body ?? {}, headers);
  }
  patch<T = any>(url: string, body: unknown) {
    return this.request<T>('PATCH', url, body);
  }
  put<T = any>(url: string, body: unknown) {
    return this.request<T>('PUT', url, body);
  }
  delete<T = any>(url: string) {
    return this.request<T>('DELETE', url);
  }

  /** Loads the CSRF token of the current session, as the web app does after login. */
  async refreshSession(): Promise<void> {
    const res = await this.get<{ csrfToken: string | null }>('/api/session');
    this.csrf = res.body.csrfToken;
  }
}

export interface TestApp {
  app: HttpApp;
  database: Database;
  /**
   * The app's started job queue. It does not poll (JOBS_ENABLED=false unless `env` says otherwise):
   * `await t.jobs.drain()` runs the jobs enqueued so far, in the test, and reports failures.
   */
  jobs: JobQueue;
  clock: TestClock;
  anonymous(): TestClient;
  loginStaff(username: string, password?: string): Promise<TestClient>;
  loginCitizen(identifier: string, password?: string): Promise<TestClient>;
  /** Agency id by electronic code, from the public list (including ended units). */
  agencyId(code: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The configuration of an app under test: quiet, no OIDC provider, no built web app, rate limits out of
 * the way, jobs run only when a test drains them; `env` overrides.
 */
export function testConfig(dataDir: string, databaseUrl: string | null, env: Record<string, string> = {}) {
  return loadConfig({
    DATA_DIR: dataDir,
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    LOG_LEVEL: 'silent',
    OIDC_DEV_PROVIDER: 'false',
    RATE_LIMIT_LOGIN_PER_MINUTE: '10000',
    RATE_LIMIT_PUBLIC_PER_MINUTE: '10000',
    WEB_DIST_DIR: join(dataDir, 'no-web'),
    JOBS_ENABLED: 'false',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  });
}

export async function startTestApp(
  options: { env?: Record<string, string>; seed?: boolean; start?: Date } = {},
): Promise<TestApp> {
  const opened = await openTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-test-'));
  const config = testConfig(dataDir, opened.url, options.env);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: null, poolSize: 4 });
  await database.migrate();
  const clock: TestClock = {
    now: options.start ?? new Date('2026-03-02T02:00:00Z'),
    advance(ms) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const now = () => clock.now;
  const app = await buildApp({ config, database, now, logger: false });
  await app.ready();
  if (options.seed !== false) await seedDemoIfEmpty(database.db, now, app.jobs);

  const anonymous = () => new TestClient(app);
  return {
    app,
    database,
    jobs: app.jobs,
    clock,
    anonymous,
    async loginStaff(username, password = demoPassword) {
      const client = anonymous();
      const res = await client.post('/api/auth/staff/login', { username, password });
      if (res.status !== 200)
        throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      await client.refreshSession();
      return client;
    },
    async loginCitizen(identifier, password = demoPassword) {
      const client = anonymous();
      const res = await client.post('/api/auth/citizen/login', { identifier, password });
      if (res.status !== 200)
        throw new Error(`login ${identifier} failed: ${res.status} ${JSON.stringify(res.body)}`);
      await client.refreshSession();
      return client;
    },
    async agencyId(code) {
      const res = await anonymous().get<{ agencies: { id: string; code: string }[] }>(
        '/api/org/agencies?includeEnded=true',
      );
      const found = res.body.agencies.find((a) => a.code === code);
      if (!found) throw new Error(`no agency ${code}`);
      return found.id;
    },
    async close() {
      await app.close();
      await database.close();
      await opened.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
