// `motcua calendar …` as operators and scripts run it: a real process, exact stdout, exit codes.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as calendarStore from '../../src/modules/calendar/store';
import { systemAccess } from '../../src/modules/identity/access-service';
import * as org from '../../src/modules/org/agency-service';
import { type Database, openDatabase } from '../../src/platform/database';
import { unavailableJobQueue } from '../../src/platform/job-queue';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { type OpenedTestDatabase, openTestDatabase } from '../support/test-database';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const bin = join(root, 'apps/server/bin/motcua.mjs');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function motcua(args: string[], env: Record<string, string | undefined>): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: undefined, ...env };
  for (const [k, v] of Object.entries(childEnv)) if (v === undefined) delete childEnv[k];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'calendar', ...args], { cwd: root, env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const official2026 =
  '{"year":2026,"source":"official","daysOff":["2026-01-01","2026-01-02","2026-02-16","2026-02-17","2026-02-18","2026-02-19","2026-02-20","2026-04-27","2026-04-30","2026-05-01","2026-08-31","2026-09-01","2026-09-02","2026-11-24"],"workingSaturdays":["2026-01-10","2026-08-22"]}\n';

describe.concurrent('without any database (a fresh checkout)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'motcua-cli-'));
  const env = { DATA_DIR: join(scratch, 'no-data-yet') };
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('prints the canonical due date as exactly one line', async () => {
    const run = await motcua(
      ['due', '--start', '2026-02-13T10:00:00+07:00', '--limit', '3', '--unit', 'working-days'],
      env,
    );
    expect(run).toEqual({ code: 0, stdout: '2026-02-25T10:00:00+07:00\n', stderr: '' });
  });

  it('prints the 2026 official schedule as exactly the four keys, sorted', async () => {
    const run = await motcua(['year', '2026', '--json'], env);
    expect(run).toEqual({ code: 0, stdout: official2026, stderr: '' });
  });

  it('creates no data directory', async () => {
    await motcua(['year', '2027', '--json'], env);
    const { existsSync } = await import('node:fs');
    expect(existsSync(env.DATA_DIR)).toBe(false);
  });

  it.each([
    [['due', '--start', '2026-02-13T10:00:00+07:00', '--limit', '3', '--unit', 'weeks'], /weeks/],
    [['due', '--start', '2026-02-13T10:00:00+07:00', '--limit=-1', '--unit', 'working-days'], /-1/],
    [['due', '--start', '2026-02-13T10:00:00+07:00', '--limit', '0.3', '--unit', 'working-days'], /0,5/],
    [['due', '--start', '2026-02-13T10:00:00+07:00', '--limit', 'ba', '--unit', 'working-days'], /ba/],
    [['due', '--start', 'hôm nay', '--limit', '3', '--unit', 'working-days'], /hôm nay/],
    [['due', '--start', '2026-02-13T10:00:00+07:00', '--unit', 'working-days'], /--limit/],
    [['due', '--start', '2026-02-13T10:00:00+07:00', '--limit', '3'], /--unit/],
    [['due', '--limit', '3', '--unit', 'days'], /--start/],
    [['due', '--start', '2026-02-13T10:00:00+07:00', '--limit', '3', '--unit', 'days', '--fast'], /fast/],
    [['year'], /year/],
    [['year', 'abcd'], /abcd/],
    [['weekday'], /weekday/],
  ])('refuses %j with exit code 2 and one line in Vietnamese and English', async (args, mentions) => {
    const run = await motcua(args, env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(' / ');
    expect(lines[0]).toMatch(mentions);
  });

  it('refuses --desk without a database', async () => {
    const run = await motcua(
      ['due', '--start', '2026-02-13T10:00:00+07:00', '--limit', '3', '--unit', 'days', '--desk', 'X'],
      env,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/DATABASE_URL/);
  });
});

describe('with the database configured', () => {
  let opened: OpenedTestDatabase;
  let database: Database;
  let env: Record<string, string>;
  const scratch = mkdtempSync(join(tmpdir(), 'motcua-cli-db-'));
  let deskId: string;

  beforeAll(async () => {
    opened = await openTestDatabase();
    // PGlite: a data directory the CLI opens in its own process (after this one has closed it).
    database = await openDatabase({ databaseUrl: opened.url, dataDir: opened.url ? null : scratch });
    await database.migrate();
    const now = () => new Date('2026-03-02T02:00:00Z');
    await seedDemoIfEmpty(database.db, now);
    const ctx = { db: database.db, now, jobs: unavailableJobQueue('test') };
    await calendarStore.insertLocalChange(database.db, {
      date: '2026-02-23',
      kind: 'day-off',
      reason: 'Nghỉ thêm sau Tết theo quyết định của UBND tỉnh',
      createdBy: null,
    });
    const centre = (await org.listAgencies(ctx, {})).find((a) => a.code === '000.00.02.H99')!;
    const [desk] = await org.listDesks(ctx, { agencyId: centre.id });
    deskId = desk!.id;
    await org.updateDesk(ctx, systemAccess(ctx, 'test'), deskId, {
      officeHours: {
        weekdays: [1, 2, 3, 4, 5],
        sessions: [
          { start: '07:00', end: '11:30' },
          { start: '13:30', end: '17:00' },
        ],
      },
    });
    await database.close();
    env = opened.url ? { DATABASE_URL: opened.url } : { DATA_DIR: scratch };
  });
  afterAll(async () => {
    await opened?.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("applies the province's local changes to the year and to due dates", async () => {
    const year = await motcua(['year', '2026', '--json'], env);
    expect(year.code).toBe(0);
    expect(JSON.parse(year.stdout).daysOff).toContain('2026-02-23');
    const run = await motcua(
      ['due', '--start', '2026-02-13T10:00:00+07:00', '--limit', '3', '--unit', 'working-days'],
      env,
    );
    expect(run).toEqual({ code: 0, stdout: '2026-02-26T10:00:00+07:00\n', stderr: '' });
  }, 60_000);

  it("uses a desk's office hours, found by its agency's code or by its id", async () => {
    const args = ['due', '--start', '2026-02-13T10:00:00+07:00', '--limit', '2', '--unit', 'working-hours'];
    // 07:00–11:30, 13:30–17:00: 1.5 h in the morning, then 0.5 h after 13:30.
    const byCode = await motcua([...args, '--desk', '000.00.02.H99'], env);
    expect(byCode).toEqual({ code: 0, stdout: '2026-02-13T14:00:00+07:00\n', stderr: '' });
    const byId = await motcua([...args, '--desk', deskId], env);
    expect(byId.stdout).toBe('2026-02-13T14:00:00+07:00\n');
    const unknown = await motcua([...args, '--desk', '999.99.99.H99'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
  }, 90_000);
});
