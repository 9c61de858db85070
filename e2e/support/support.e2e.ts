import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDevOidcProvider } from '@motcua/server/platform/oidc-dev-provider';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserMissingOutsideCi,
  expectNoSeriousA11yViolations,
  launchBrowser,
  screenshot,
} from './browser.js';
import { findFreePort } from './free-port.js';

// The harness every journey relies on: if the browser, the accessibility check or the dev login
// silently stopped working, every e2e test built on them would prove nothing.
describe.skipIf(browserMissingOutsideCi())('e2e support', () => {
  let browser: Browser;
  let pages: Server;
  let pagesUrl: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    pages = createServer((req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      if (req.url === '/accessible') {
        res.end(
          '<!doctype html><html lang="vi"><head><title>Tra cứu hồ sơ</title></head><body><main><h1>Tra cứu hồ sơ</h1>' +
            '<label for="code">Mã hồ sơ</label><input id="code"><button>Tra cứu</button></main></body></html>',
        );
      } else {
        // An unlabelled field and a button with no name: both "critical" in axe-core.
        res.end(
          '<!doctype html><html lang="vi"><head><title>Lỗi</title></head><body><main><h1>Biểu mẫu</h1>' +
            '<input id="code"><button></button></main></body></html>',
        );
      }
    });
    await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
    pagesUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => pages?.close(resolve));
  });

  it('passes an accessible page and takes its screenshot', async () => {
    const page = await browser.newPage();
    await page.goto(`${pagesUrl}/accessible`);
    await expectNoSeriousA11yViolations(page);
    const file = await screenshot(page, 'e2e-support accessible page');
    expect(file).toMatch(/\.test-artifacts\/screenshots\/e2e-support-accessible-page\.png$/);
    await page.close();
  });

  it('fails a page with serious accessibility violations, naming them', async () => {
    const page = await browser.newPage();
    await page.goto(`${pagesUrl}/broken`);
    const error = await expectNoSeriousA11yViolations(page).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/\[critical\] (label|button-name)/);
    expect((error as Error).message).toContain('button-name');
    await page.close();
  });

  it('logs a citizen in at the dev OIDC provider in a real browser', async () => {
    const redirectUri = `${pagesUrl}/callback`;
    const provider = await startDevOidcProvider({
      port: await findFreePort(),
      clients: [{ clientId: 'e2e', clientSecret: 'e2e-secret', redirectUris: [redirectUri] }],
      accounts: [{ sub: 'c1', username: 'congdan', password: 'MatKhau@1', name: 'Lê Thị Công Dân' }],
    });
    const page = await browser.newPage();
    try {
      const auth = new URL(`${provider.issuer}/auth`);
      auth.search = new URLSearchParams({
        client_id: 'e2e',
        response_type: 'code',
        scope: 'openid profile',
        redirect_uri: redirectUri,
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
        state: 'xyz',
      }).toString();
      await page.goto(auth.toString());
      await expectNoSeriousA11yViolations(page);
      await page.getByLabel('Tên đăng nhập').fill('congdan');
      await page.getByLabel('Mật khẩu').fill('sai');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('không đúng');
      await screenshot(page, 'dev-oidc-login-wrong-password');
      await page.getByLabel('Mật khẩu').fill('MatKhau@1');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((url) => url.toString().startsWith(redirectUri));
      const landed = new URL(page.url());
      expect(landed.searchParams.get('state')).toBe('xyz');
      expect(landed.searchParams.get('code')).toBeTruthy();
    } finally {
      await page.close();
      await provider.close();
    }
  });
});
