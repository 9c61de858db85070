import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/platform/config';
import { type Database, openDatabase } from '../../src/platform/database';
import type { HttpApp } from '../../src/platform/http-app';
import { type DevOidcProvider, startDevOidcProvider } from '../../src/platform/oidc-dev-provider';
import { demoOidcAccount } from '../../src/seed/demo-data';
import { Browser, formAction } from '../support/http-browser';
import { findFreePort } from '../support/postgres-cluster';
import { openTestDatabase } from '../support/test-database';

// The whole citizen login through OpenID Connect over real sockets: the app (relying party) and a real
// oidc-provider, as in `npm start`. No mocks: PKCE, state, nonce and the code exchange all happen.
let provider: DevOidcProvider;
let app: HttpApp;
let database: Database;
let baseUrl: string;
let drop: () => Promise<void>;
let dataDir: string;

beforeAll(async () => {
  const opened = await openTestDatabase();
  drop = opened.drop;
  dataDir = mkdtempSync(join(tmpdir(), 'motcua-oidc-'));
  const port = await findFreePort();
  baseUrl = `http://127.0.0.1:${port}`;
  provider = await startDevOidcProvider({
    port: await findFreePort(),
    clients: [
      {
        clientId: 'motcua-portal',
        clientSecret: 'test-client-secret',
        redirectUris: [`${baseUrl}/api/auth/oidc/callback`],
      },
    ],
    accounts: [demoOidcAccount],
  });
  const config = loadConfig({
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: 'motcua-portal',
    OIDC_CLIENT_SECRET: 'test-client-secret',
    WEB_DIST_DIR: join(dataDir, 'none'),
    ...(opened.url ? { DATABASE_URL: opened.url } : {}),
  });
  database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: null });
  await database.migrate();
  app = await buildApp({ config, database, logger: false });
  await app.listen({ port, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
  await provider?.close();
  await database?.close();
  await drop?.();
  rmSync(dataDir, { recursive: true, force: true });
});

async function loginThroughProvider(browser: Browser, password: string) {
  const start = await browser.request(`${baseUrl}/api/auth/oidc/start?returnTo=/portal/account`);
  expect(start.status).toBe(302);
  const { url: loginUrl, response } = await browser.follow(start.headers.get('location')!, baseUrl);
  const html = await response!.text();
  expect(html).toContain('Đăng nhập bằng tài khoản định danh điện tử');
  const posted = await browser.request(formAction(html, loginUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: demoOidcAccount.username, password }).toString(),
  });
  return { posted, loginUrl };
}

describe('citizen login through OpenID Connect (VNeID stand-in)', () => {
  it('creates the citizen on first login, returns to the portal page, and reuses the account next time', async () => {
    const browser = new Browser();
    const { posted, loginUrl } = await loginThroughProvider(browser, demoOidcAccount.password);
    const location = posted.headers.get('location');
    expect(location).toBeTruthy();
    const { url } = await browser.follow(new URL(location!, loginUrl), `${baseUrl}/portal`);
    expect(url).toBe(`${baseUrl}/portal/account`);

    const session = (await (await browser.request(`${baseUrl}/api/session`)).json()) as any;
    expect(session.user).toMatchObject({
      kind: 'citizen',
      fullName: 'Nguyễn Văn An',
      email: 'an.nguyen@minhhoa.demo',
      phone: '0987654321',
      authMethod: 'oidc',
      roles: [],
    });

    const again = new Browser();
    const second = await loginThroughProvider(again, demoOidcAccount.password);
    await again.follow(new URL(second.posted.headers.get('location')!, second.loginUrl), `${baseUrl}/portal`);
    const secondSession = (await (await again.request(`${baseUrl}/api/session`)).json()) as any;
    expect(secondSession.user.id).toBe(session.user.id);
  });

  it('a wrong password at the provider logs nobody in', async () => {
    const browser = new Browser();
    const { posted } = await loginThroughProvider(browser, 'sai-mat-khau');
    expect(posted.status).toBe(401);
    const session = (await (await browser.request(`${baseUrl}/api/session`)).json()) as any;
    expect(session.user).toBeNull();
  });

  it('refuses a callback with a forged or replayed state, sending the browser back to the login page', async () => {
    const browser = new Browser();
    const res = await browser.request(`${baseUrl}/api/auth/oidc/callback?code=abc&state=forged-state`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/portal/login?error=OIDC_STATE_INVALID');
    expect(((await (await browser.request(`${baseUrl}/api/session`)).json()) as any).user).toBeNull();
  });

  it('never redirects to another site after login (open-redirect guard)', async () => {
    const browser = new Browser();
    const start = await browser.request(`${baseUrl}/api/auth/oidc/start?returnTo=//evil.example/phish`);
    const { url: loginUrl, response } = await browser.follow(start.headers.get('location')!, baseUrl);
    const posted = await browser.request(formAction(await response!.text(), loginUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        username: demoOidcAccount.username,
        password: demoOidcAccount.password,
      }).toString(),
    });
    const { url } = await browser.follow(
      new URL(posted.headers.get('location')!, loginUrl),
      `${baseUrl}/portal`,
    );
    expect(url).toBe(`${baseUrl}/portal/account`);
  });
});
