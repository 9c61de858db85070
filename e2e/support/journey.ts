// The set-up every browser journey shares: one real server and one Chromium per test file, a fresh
// browser context per journey with the defaults all journeys need, and the staff login.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { type StartedServer, startServer } from './server.js';

export const demoPassword = 'MotCua@2026';
export const desktop = { width: 1280, height: 800 };

/**
 * Contexts default to a desktop window, Vietnamese locale and reduced motion (the staff UI then turns
 * antd's animations off, so a dialog is visible as soon as it opens). Options override the defaults.
 */
const contextDefaults: BrowserContextOptions = {
  viewport: desktop,
  locale: 'vi-VN',
  reducedMotion: 'reduce',
};

export interface Journey {
  readonly server: StartedServer;
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

/** Call inside a `describe`: registers the file's beforeAll/afterAll and returns the journey handles. */
export function browserJourney(): Journey {
  let server: StartedServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  return {
    get server() {
      if (!server) throw new Error('the server is started in beforeAll');
      return server;
    },
    async newPage(options = {}) {
      if (!browser) throw new Error('the browser is launched in beforeAll');
      const context = await browser.newContext({ ...contextDefaults, ...options });
      contexts.push(context);
      return context.newPage();
    },
  };
}

/** Logs a staff member in at /office/login and waits until the office has loaded. */
export async function staffLogin(
  page: Page,
  baseUrl: string,
  username: string,
  password = demoPassword,
): Promise<void> {
  await page.goto(`${baseUrl}/office/login`);
  await page.getByLabel(/Tên đăng nhập/).fill(username);
  await page.getByLabel(/Mật khẩu/).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/office') && url.pathname !== '/office/login');
}
