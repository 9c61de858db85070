import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { CATALOG_IMPORT_QUEUE, runImportJob } from '../../src/modules/catalog/import-service';
import { type Database, inTransaction, openDatabase } from '../../src/platform/database';
import type { HttpApp } from '../../src/platform/http-app';
import { demoPassword } from '../../src/seed/demo-data';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { TestClient, testConfig } from '../support/test-app';
import { type OpenedTestDatabase, openTestDatabase } from '../support/test-database';

// A catalogue import is a job kept in the database: an import accepted by a process that then dies is
// done by the next process on the same database, and working an import job again changes nothing.
// The database outlives the processes here: a PostgreSQL database, or PGlite in a data directory.

interface Running {
  app: HttpApp;
  database: Database;
}

let opened: OpenedTestDatabase;
let dataDir: string;
let running: Running | null = null;
const now = () => new Date('2026-03-02T02:00:00Z');

async function startProcess(): Promise<Running> {
  // Nothing polls (JOBS_ENABLED=false): jobs run only when a test drains them.
  const config = testConfig(dataDir, opened.url);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: opened.url ? null : dataDir,
    poolSize: 4,
  });
  await database.migrate();
  const app = await buildApp({ config, database, now, logger: false });
  await app.ready();
  running = { app, database };
  return running;
}

/** The process goes away with its jobs unworked (nothing polls): what a crash leaves behind. */
async function stopProcess(): Promise<void> {
  if (!running) return;
  await running.app.close();
  await running.database.close();
  running = null;
}

async function login(app: HttpApp, username: string): Promise<TestClient> {
  const client = new TestClient(app);
  const res = await client.post('/api/auth/staff/login', { username, password: demoPassword });
  expect(res.status).toBe(200);
  await client.refreshSession();
  return client;
}

async function agencyId(app: HttpApp, code: string): Promise<string> {
  const res = await new TestClient(app).get('/api/org/agencies?includeEnded=true');
  return res.body.agencies.find((a: { code: string }) => a.code === code).id;
}

async function exportJson(client: TestClient, ownerAgencyId: string): Promise<Record<string, unknown>[]> {
  const res = await client.get(`/api/catalog/admin/exports?format=json&ownerAgencyId=${ownerAgencyId}`);
  expect(res.status).toBe(200);
  return res.body.records;
}

async function one<T>(database: Database, query: ReturnType<typeof sql>): Promise<T> {
  const result = (await database.db.execute(query)) as unknown as { rows: T[] };
  return result.rows[0]!;
}

/** What an import wrote: every version and workflow of the owner's procedures, and the import's commits. */
async function footprint(database: Database, ownerAgencyId: string, importJobId: string) {
  return one<{ procedures: number; versions: number; workflows: number; commits: number }>(
    database,
    sql`select
      (select count(*)::int from catalog.procedures where owner_agency_id = ${ownerAgencyId}) as procedures,
      (select count(*)::int from catalog.versions v join catalog.procedures p on p.id = v.procedure_id
        where p.owner_agency_id = ${ownerAgencyId}) as versions,
      (select count(*)::int from catalog.workflows w join catalog.procedures p on p.id = w.procedure_id
        where p.owner_agency_id = ${ownerAgencyId}) as workflows,
      (select count(*)::int from audit.entries
        where action = 'catalog.import.commit' and target_id = ${importJobId}) as commits`,
  );
}

beforeAll(async () => {
  opened = await openTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'motcua-import-restart-'));
  const { app, database } = await startProcess();
  await seedDemoIfEmpty(database.db, now, app.jobs);
});

afterAll(async () => {
  await stopProcess();
  await opened?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('catalogue imports survive a restart', () => {
  let records: Record<string, unknown>[];
  let centre: string;
  let jobId: string;

  it('an import accepted before the process died is done by the next process', async () => {
    const first = running!;
    const officer = await login(first.app, 'kiemsoat.tthc');
    centre = await agencyId(first.app, '000.00.02.H99');
    records = await exportJson(officer, await agencyId(first.app, '000.00.01.H99'));
    expect(records.length).toBeGreaterThan(40);
    const started = await officer.post('/api/catalog/admin/imports', {
      format: 'json',
      ownerAgencyId: centre,
      records,
    });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'validating', finishedAt: null, total: records.length });
    jobId = started.body.id;
    // An attempt had begun validating when the process died: its progress is in the row.
    await first.database.db.execute(sql`update catalog.import_jobs set validated = 20 where id = ${jobId}`);

    await stopProcess();
    const second = await startProcess();
    const officerAgain = await login(second.app, 'kiemsoat.tthc');
    const waiting = await officerAgain.get(`/api/catalog/admin/imports/${jobId}`);
    expect(waiting.body).toMatchObject({ status: 'validating', validated: 20, finishedAt: null });
    expect(await footprint(second.database, centre, jobId)).toMatchObject({ procedures: 0, commits: 0 });

    expect(await second.app.jobs.drain({ names: [CATALOG_IMPORT_QUEUE] })).toEqual({
      completed: 1,
      failures: [],
    });
    const done = await officerAgain.get(`/api/catalog/admin/imports/${jobId}`);
    const n = records.length;
    expect(done.body).toMatchObject({
      status: 'succeeded',
      total: n,
      validated: n,
      imported: n,
      created: n,
      amended: 0,
      errors: [],
    });
    expect(done.body.finishedAt).not.toBeNull();
    expect(await exportJson(officerAgain, centre)).toEqual(records);

    // Written in the name of the officer who started it; the records are not kept once it is done.
    const row = await one<{ input: unknown; created_by: string; created_by_id: string }>(
      second.database,
      sql`select input, created_by, created_by_id from catalog.import_jobs where id = ${jobId}`,
    );
    expect(row).toMatchObject({ input: null, created_by: 'kiemsoat.tthc' });
    const commit = await one<{ actor_id: string; actor_name: string }>(
      second.database,
      sql`select actor_id, actor_name from audit.entries
        where action = 'catalog.import.commit' and target_id = ${jobId}`,
    );
    expect(commit).toEqual({ actor_id: row.created_by_id, actor_name: 'kiemsoat.tthc' });
    const staff = await officerAgain.get('/api/session');
    expect(staff.body.user.id).toBe(row.created_by_id);
  });

  it('an import job worked again after its import finished changes nothing', async () => {
    const { app, database } = running!;
    const officer = await login(app, 'kiemsoat.tthc');
    const before = (await officer.get(`/api/catalog/admin/imports/${jobId}`)).body;
    const written = await footprint(database, centre, jobId);
    expect(written).toMatchObject({ procedures: records.length, commits: 1 });

    // The same job delivered again (pg-boss retries a job whose completion was lost).
    await inTransaction(database.db, (tx) =>
      app.jobs.enqueue(tx, CATALOG_IMPORT_QUEUE, { importJobId: jobId }),
    );
    expect(await app.jobs.drain({ names: [CATALOG_IMPORT_QUEUE] })).toEqual({ completed: 1, failures: [] });

    expect((await officer.get(`/api/catalog/admin/imports/${jobId}`)).body).toEqual(before);
    expect(await footprint(database, centre, jobId)).toEqual(written);
  });

  it('two attempts of one import at once write it once', async () => {
    const { app, database } = running!;
    const officer = await login(app, 'kiemsoat.tthc');
    // Imported again into the centre: the drafts imported above are replaced, in place.
    const started = await officer.post('/api/catalog/admin/imports', {
      format: 'json',
      ownerAgencyId: centre,
      records: records.slice(0, 5),
    });
    expect(started.status).toBe(202);
    const id = started.body.id;
    const before = await footprint(database, centre, id);
    const ctx = { db: database.db, now, jobs: app.jobs };
    // An attempt whose process only seemed dead (its job expired) and the retry pg-boss gave meanwhile.
    await Promise.all([runImportJob(ctx, id), runImportJob(ctx, id)]);
    const job = (await officer.get(`/api/catalog/admin/imports/${id}`)).body;
    expect(job).toMatchObject({ status: 'succeeded', imported: 5, amended: 5, created: 0, errors: [] });
    expect(await footprint(database, centre, id)).toMatchObject({
      procedures: before.procedures,
      versions: before.versions,
      commits: 1,
    });
    // Its queued job then finds the import finished.
    expect(await app.jobs.drain({ names: [CATALOG_IMPORT_QUEUE] })).toEqual({ completed: 1, failures: [] });
    expect((await officer.get(`/api/catalog/admin/imports/${id}`)).body).toEqual(job);
    expect(await exportJson(officer, centre)).toEqual(records);
  });
});
