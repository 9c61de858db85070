// The back-office journeys' set-up: the real server with a clock the test can move forward (days pass
// between intake and return), one Chromium whose pages share that clock, staff logged in through the
// real login page, and a small HTTP client for the set-up a test needs but does not test (a workflow
// stored through the catalogue API, a staff account created by the administrator).
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../support/browser.js';
import { demoPassword, desktop } from '../../support/journey.js';
import { type StartedServer, startServer } from '../../support/server.js';

const clockModule = pathToFileURL(
  path.join(path.dirname(fileURLToPath(import.meta.url)), 'shifted-clock.mjs'),
);

/** An instant from a Vietnam wall-clock time: `vnTime('2026-03-02T08:00')`. */
export const vnTime = (local: string): number => new Date(`${local}:00+07:00`).getTime();

/** `YYYY-MM-DD` of an instant in Vietnam. */
export function vnDate(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** `dd/MM/yyyy` of a `YYYY-MM-DD` date, as the screens write it. */
export const viDate = (isoDate: string) => isoDate.split('-').reverse().join('/');

export interface ApiClient {
  get<T = any>(path: string): Promise<{ status: number; body: T }>;
  post<T = any>(
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T }>;
  put<T = any>(path: string, body: unknown): Promise<{ status: number; body: T }>;
  /** Raw bytes of a GET (forms, files). */
  bytes(path: string): Promise<{ status: number; type: string; body: Buffer }>;
  /** POST /api/files with one file, as the browser's upload does. */
  upload(name: string, type: string, content: Buffer): Promise<{ status: number; body: any }>;
}

export interface OfficeJourney {
  readonly server: StartedServer;
  /** The server's "now" (epoch ms). */
  now(): number;
  /** Moves the server's clock (and every open page's) forward to a Vietnam wall-clock time. */
  travelTo(local: string): Promise<void>;
  /** A Monday (YYYY-MM-DD) after today whose whole week is working days: the journeys' week. */
  readonly monday: string;
  /** A fresh browser context at desktop size whose clock is the server's, logged in as `username`. */
  staffPage(username: string): Promise<Page>;
  api(username: string): Promise<ApiClient>;
  citizenApi(identifier: string): Promise<ApiClient>;
}

async function login(baseUrl: string, kind: 'staff' | 'citizen', name: string): Promise<ApiClient> {
  const origin = baseUrl;
  const res = await fetch(`${baseUrl}/api/auth/${kind}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify(
      kind === 'staff'
        ? { username: name, password: demoPassword }
        : { identifier: name, password: demoPassword },
    ),
  });
  if (res.status !== 200) throw new Error(`login ${name}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const session = (await (await fetch(`${baseUrl}/api/session`, { headers: { cookie } })).json()) as {
    csrfToken: string;
  };
  const call = async (method: string, p: string, body?: unknown, headers: Record<string, string> = {}) => {
    const r = await fetch(`${baseUrl}${p}`, {
      method,
      headers: {
        cookie,
        origin,
        'x-csrf-token': session.csrfToken,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: r.status, body: parsed as any };
  };
  return {
    get: (p) => call('GET', p),
    post: (p, body, headers) => call('POST', p, body ?? {}, headers),
    put: (p, body) => call('PUT', p, body),
    bytes: async (p) => {
      const r = await fetch(`${baseUrl}${p}`, { headers: { cookie } });
      return {
        status: r.status,
        type: r.headers.get('content-type') ?? '',
        body: Buffer.from(await r.arrayBuffer()),
      };
    },
    upload: async (name, type, content) => {
      const form = new FormData();
      form.append('file', new Blob([content], { type }), name);
      const r = await fetch(`${baseUrl}/api/files`, {
        method: 'POST',
        headers: { cookie, origin, 'x-csrf-token': session.csrfToken },
        body: form,
      });
      return { status: r.status, body: await r.json() };
    },
  };
}

/** The first Monday at least a day ahead whose Monday–Friday are all working days (no holiday). */
async function cleanWeekAhead(baseUrl: string): Promise<string> {
  const daysOff = new Set<string>();
  for (const year of [new Date().getUTCFullYear(), new Date().getUTCFullYear() + 1]) {
    const res = await fetch(`${baseUrl}/api/calendar/${year}`);
    const body = (await res.json()) as { daysOff: string[] };
    for (const d of body.daysOff) daysOff.add(d);
  }
  let day = new Date(`${vnDate(Date.now() + 86_400_000)}T00:00:00Z`);
  for (;;) {
    if (day.getUTCDay() === 1) {
      const week = [0, 1, 2, 3, 4].map((i) =>
        new Date(day.getTime() + i * 86_400_000).toISOString().slice(0, 10),
      );
      if (week.every((d) => !daysOff.has(d))) return week[0]!;
    }
    day = new Date(day.getTime() + 86_400_000);
  }
}

/** Call inside a `describe`: the server (clock at the chosen Monday 07:45), the browser, clean-up. */
export function officeJourney(): OfficeJourney {
  let server: StartedServer | undefined;
  let browser: Browser | undefined;
  let clockDir = '';
  let clockFile = '';
  let offsetMs = 0;
  let monday = '';
  const contexts: BrowserContext[] = [];

  const writeOffset = async (offset: number) => {
    offsetMs = offset;
    const tmp = `${clockFile}.tmp`;
    await writeFile(tmp, JSON.stringify({ offsetMs: offset }));
    await rename(tmp, clockFile);
    // The server re-reads the offset at most every 10 ms.
    await new Promise((resolve) => setTimeout(resolve, 50));
  };

  beforeAll(async () => {
    clockDir = await mkdtemp(path.join(tmpdir(), 'motcua-e2e-clock-'));
    clockFile = path.join(clockDir, 'clock.json');
    await writeFile(clockFile, JSON.stringify({ offsetMs: 0 }));
    server = await startServer({
      NODE_OPTIONS: [process.env.NODE_OPTIONS ?? '', `--import=${clockModule.href}`].join(' ').trim(),
      MOTCUA_E2E_CLOCK_FILE: clockFile,
      // Days pass in these journeys: sessions outlive the jumps (people log in again after a night anyway).
      SESSION_IDLE_MINUTES: '1440',
      SESSION_MAX_HOURS: '720',
    });
    monday = await cleanWeekAhead(server.baseUrl);
    await writeOffset(vnTime(`${monday}T07:45`) - Date.now());
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
    if (clockDir) await rm(clockDir, { recursive: true, force: true });
  });

  const journey: OfficeJourney = {
    get server() {
      if (!server) throw new Error('the server is started in beforeAll');
      return server;
    },
    get monday() {
      return monday;
    },
    now: () => Date.now() + offsetMs,
    async travelTo(local) {
      const target = vnTime(local);
      if (target <= journey.now()) throw new Error(`the clock does not go back (${local})`);
      await writeOffset(target - Date.now());
      for (const context of contexts) await context.clock.setSystemTime(target).catch(() => {});
    },
    async staffPage(username) {
      if (!browser) throw new Error('the browser is launched in beforeAll');
      const context = await browser.newContext({
        viewport: desktop,
        locale: 'vi-VN',
        reducedMotion: 'reduce',
      });
      contexts.push(context);
      await context.clock.install({ time: journey.now() });
      const page = await context.newPage();
      const baseUrl = journey.server.baseUrl;
      await page.goto(`${baseUrl}/office/login`);
      await page.getByLabel(/Tên đăng nhập/).fill(username);
      await page.getByLabel(/Mật khẩu/).fill(demoPassword);
      await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/office') && url.pathname !== '/office/login');
      return page;
    },
    api: (username) => login(journey.server.baseUrl, 'staff', username),
    citizenApi: (identifier) => login(journey.server.baseUrl, 'citizen', identifier),
  };
  return journey;
}

/**
 * Keys pressed on the page, counted: a character typed is one keystroke, a key or a chord pressed
 * (Tab, Enter, Ctrl+Enter) is one. The desk's "receive in under two minutes" is measured with it.
 */
export class KeyboardCount {
  keystrokes = 0;
  private started = 0;
  constructor(private readonly page: Page) {}
  start(): void {
    this.keystrokes = 0;
    this.started = performance.now();
  }
  elapsedSeconds(): number {
    return (performance.now() - this.started) / 1000;
  }
  async press(key: string): Promise<void> {
    this.keystrokes += 1;
    await this.page.keyboard.press(key);
  }
  async type(text: string): Promise<void> {
    this.keystrokes += [...text].length;
    await this.page.keyboard.type(text);
  }
}
