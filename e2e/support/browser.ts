// Debian's Chromium driven by playwright-core: `npx playwright install` cannot download browsers on
// this project's machines, so the system browser is the only one.
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Result as AxeResult } from 'axe-core';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, '.test-artifacts', 'screenshots');

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * True when browser tests cannot run here and may be skipped: only outside CI. With CI=true this is
 * always false, so a missing browser fails the run instead of silently passing it.
 */
export function browserMissingOutsideCi(): boolean {
  return process.env.CI !== 'true' && !existsSync(chromiumPath());
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}${process.env.CI === 'true' ? ' (CI=true: browser tests must run)' : ''}. ` +
        'Install Debian package `chromium` or set CHROMIUM_PATH.',
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    // Without the background-networking flags Chromium keeps dialling Google and gets refused by the
    // machines' closed network; --no-sandbox because CI runs as root.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a full-page PNG as .test-artifacts/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const safe = name.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '-');
  const file = path.join(SCREENSHOT_DIR, `${safe}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

let axeSource: Promise<string> | undefined;

/** Runs axe-core on the page as it is now; throws listing every serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate('typeof window.axe !== "undefined"');
  // Evaluated through the DevTools protocol, which the page's CSP (script-src 'self') does not block,
  // so the app is checked under its real security headers.
  if (!loaded) await page.evaluate(await axeSource);
  // A string, not a function: e2e is compiled without the DOM library.
  const violations = (await page.evaluate(
    "window.axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)",
  )) as AxeResult[];
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length === 0) return;
  const report = serious
    .map((v) => {
      const targets = v.nodes
        .slice(0, 5)
        .map((n) => `    - ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ') ?? ''}`)
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${targets}`;
    })
    .join('\n');
  throw new Error(`Accessibility violations (serious/critical) on ${page.url()}:\n${report}`);
}

/**
 * Clicks `trigger` and returns the dialog named `name` once visible. Contexts run with
 * `reducedMotion: 'reduce'`, which the staff UI honours by turning antd's animations off: under load an
 * opening animation could leave a modal in the page but not yet visible, and a test waited in vain.
 */
export async function openDialog(page: Page, trigger: Locator, name: string | RegExp): Promise<Locator> {
  await trigger.click();
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  return dialog;
}
