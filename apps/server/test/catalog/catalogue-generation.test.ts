// The catalogue generation intake and the search are kept current by: the database's announcements
// (LISTEN motcua_catalog_changed, migration 0018), this process's own commits, and reading it on every
// use when no listener vouches for it. On PGlite or PostgreSQL (MOTCUA_TEST_DB).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalogueGenerationReadCount } from '../../src/modules/catalog/catalogue-generation';
import { procedureInForce, workflowInForce } from '../../src/modules/catalog/procedure-in-force-service';
import type { ServiceContext } from '../../src/platform/access-context';
import { eventually } from '../support/eventually';
import { cutListener } from '../support/listener';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { catalogueTestPlaces, procedureContent } from './procedure-content';

let t: TestApp;
let ctx: ServiceContext;
let officer: TestClient;
let reviewer: TestClient;
let office: string;
let anBinh: string;
let fieldCode: string;

beforeAll(async () => {
  t = await startTestApp();
  ctx = { db: t.database.db, now: () => t.clock.now, jobs: t.jobs };
  officer = await t.loginStaff('kiemsoat.tthc');
  reviewer = await t.loginStaff('kiemsoat.tuphap');
  ({ office, anBinh, fieldCode } = await catalogueTestPlaces(t));
});
afterAll(async () => {
  await t?.close();
});

/** What intake asks the catalogue on a reception, at the test clock's instant. */
const inForce = (code: string) => procedureInForce(ctx, code, t.clock.now);

const reads = () => catalogueGenerationReadCount();

async function rawGeneration(): Promise<number> {
  const { rows } = (await t.database.raw.query('select generation from catalog.search_state')) as {
    rows: { generation: string }[];
  };
  return Number(rows[0]!.generation);
}

function content(overrides: Record<string, unknown> = {}) {
  return procedureContent(
    { fieldCode, agencyId: anBinh },
    {
      nationalCode: '9.000701',
      name: 'Thủ tục thử nghiệm thông báo danh mục',
      components: [{ name: 'Tờ khai', originals: 1, copies: 0, required: true, formTemplate: null }],
      results: [{ name: 'Giấy xác nhận', electronic: true }],
      legalBasis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch', effectiveDate: '2026-01-01' }],
      ...overrides,
    },
  );
}

/** Takes a draft version through review and announcement, up to (not including) publication. */
async function readyToPublish(versionId: string): Promise<void> {
  expect((await officer.post(`/api/catalog/admin/versions/${versionId}/submit`)).status).toBe(200);
  expect((await reviewer.post(`/api/catalog/admin/versions/${versionId}/approve`)).status).toBe(200);
  const announced = await officer.post(`/api/catalog/admin/versions/${versionId}/announce`, {
    decisionNumber: '70/QĐ-UBND',
    decisionDate: '2026-03-02',
  });
  expect(announced.status).toBe(200);
}

describe('while the process listens for the catalogue’s announcements', () => {
  it('answers the procedure and workflow in force without reading the generation', async () => {
    expect((await inForce('1.001193'))?.nationalCode).toBe('1.001193'); // warms the snapshot
    const before = reads();
    for (let i = 0; i < 20; i++) {
      const procedure = await inForce('1.001193');
      expect(procedure?.nationalCode).toBe('1.001193');
      await workflowInForce(ctx, procedure!, anBinh, t.clock.now);
    }
    expect(reads()).toBe(before);
  });

  it('shows a publication and an amendment this process commits to its very next reception', async () => {
    const created = await officer.post('/api/catalog/admin/procedures', {
      ownerAgencyId: office,
      content: content(),
    });
    expect(created.status).toBe(201);
    const v1: string = created.body.latest.id;
    await readyToPublish(v1);
    expect(await inForce('9.000701')).toBeNull();

    let before = reads();
    expect((await officer.post(`/api/catalog/admin/versions/${v1}/publish`, {})).body.status).toBe(
      'published',
    );
    const published = await inForce('9.000701');
    expect(published).toMatchObject({ versionId: v1, name: 'Thủ tục thử nghiệm thông báo danh mục' });
    // This process's own commit was not left to its announcement: the generation was read after it.
    expect(reads()).toBeGreaterThan(before);
    before = reads();
    await inForce('9.000701');
    expect(reads()).toBe(before);

    const amended = await officer.post(`/api/catalog/admin/procedures/${created.body.procedure.id}/amend`);
    expect(amended.status).toBe(201);
    const v2: string = amended.body.id;
    const edited = await officer.put(`/api/catalog/admin/versions/${v2}`, {
      content: content({ name: 'Thủ tục thử nghiệm thông báo danh mục (sửa đổi)' }),
    });
    expect(edited.status).toBe(200);
    await readyToPublish(v2);
    expect((await inForce('9.000701'))?.versionId).toBe(v1);
    expect((await officer.post(`/api/catalog/admin/versions/${v2}/publish`, {})).body.status).toBe(
      'published',
    );
    expect(await inForce('9.000701')).toMatchObject({
      versionId: v2,
      name: 'Thủ tục thử nghiệm thông báo danh mục (sửa đổi)',
    });
  });

  it('shows a workflow this process replaces to its very next reception', async () => {
    const procedure = (await inForce('9.000701'))!;
    expect((await workflowInForce(ctx, procedure, anBinh, t.clock.now)).version).toBeNull();
    const url = `/api/catalog/admin/procedures/${procedure.procedureId}/workflows/${anBinh}`;
    const generated = (await officer.get(url)).body.current.definition;
    const before = reads();
    t.clock.advance(1_000); // the new workflow is in force from its creation on
    expect((await officer.put(url, { definition: generated })).status).toBe(200);
    t.clock.advance(1_000);
    const next = (await inForce('9.000701'))!;
    expect((await workflowInForce(ctx, next, anBinh, t.clock.now)).version).toBe(1);
    expect(reads()).toBeGreaterThan(before);
  });

  it('sees a change made behind the app’s back in SQL once the database announces it, reading nothing', async () => {
    const before = reads();
    const held = (await inForce('1.001193'))!;
    await t.database.raw.query(
      `update catalog.versions set name = name || ' (sửa trực tiếp)' where id = $1`,
      [held.versionId],
    );
    const renamed = await eventually(
      () => inForce('1.001193'),
      (p) => p?.name === `${held.name} (sửa trực tiếp)`,
    );
    expect(renamed?.name).toBe(`${held.name} (sửa trực tiếp)`);
    await t.database.raw.query(`update catalog.search_state set generation = generation + 1`);
    const raised = await rawGeneration();
    expect(
      (
        await eventually(
          () => inForce('1.001193'),
          (p) => p?.generation === raised,
        )
      )?.generation,
    ).toBe(raised);
    expect(reads()).toBe(before);
    await t.database.raw.query(`update catalog.versions set name = $2 where id = $1`, [
      held.versionId,
      held.name,
    ]);
    await eventually(
      () => inForce('1.001193'),
      (p) => p?.name === held.name,
    );
  });

  it('keeps the search index current the same way, without reading the generation or waiting 250 ms', async () => {
    const search = () => t.anonymous().get('/api/catalog/search?q=qqzzgen');
    expect((await search()).body.total).toBe(0);
    const before = reads();
    await t.database.raw.query(
      `insert into catalog.synonyms (term, term_folded, expands_to, procedure_codes, updated_at)
       values ('QQZZGEN', 'qqzzgen', array['xác nhận thông tin về cư trú'], array['1.010041']::text[], now())`,
    );
    // the test clock stands still: only the announcement can tell the index it is stale
    const found = await eventually(search, (res) => res.body.total > 0);
    expect(found.body.hits[0].nationalCode).toBe('1.010041');
    expect(reads()).toBe(before);
    await t.database.raw.query(`delete from catalog.synonyms where term_folded = 'qqzzgen'`);
    expect((await eventually(search, (res) => res.body.total === 0)).body.total).toBe(0);
  });
});

// PGlite's notifications are in-process: there is no connection to lose.
describe.runIf(inject('testDb') === 'postgres')('the catalogue listener on PostgreSQL', () => {
  it('reads the generation on every reception while its connection is lost, and stops once it is back', async () => {
    const held = (await inForce('1.001193'))!;
    expect(await cutListener(t.database.raw, 'motcua_catalog_changed')).toEqual([true]);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the loss reaches the app
    let before = reads();
    await inForce('1.001193');
    await inForce('1.001193');
    expect(reads()).toBe(before + 2);
    // A change made while nobody listens is seen by the next reception: it reads the generation.
    await t.database.raw.query(
      `update catalog.versions set name = name || ' (khi mất kết nối)' where id = $1`,
      [held.versionId],
    );
    expect((await inForce('1.001193'))?.name).toBe(`${held.name} (khi mất kết nối)`);
    // Reconnected about a second later: the generation is read once more, then not at all.
    const until = Date.now() + 10_000;
    for (;;) {
      before = reads();
      await inForce('1.001193');
      await inForce('1.001193');
      if (reads() - before <= 1 || Date.now() > until) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    before = reads();
    await inForce('1.001193');
    await inForce('1.001193');
    expect(reads()).toBe(before);
    await t.database.raw.query(`update catalog.versions set name = $2 where id = $1`, [
      held.versionId,
      held.name,
    ]);
    expect(
      (
        await eventually(
          () => inForce('1.001193'),
          (p) => p?.name === held.name,
        )
      )?.name,
    ).toBe(held.name);
  });
});

describe('DATABASE_LISTEN=false (behind a pooler where announcements do not arrive)', () => {
  it('reads the generation on every reception and sees a change made in SQL at once', async () => {
    const quiet = await startTestApp({ env: { DATABASE_LISTEN: 'false' } });
    try {
      const quietCtx: ServiceContext = {
        db: quiet.database.db,
        now: () => quiet.clock.now,
        jobs: quiet.jobs,
      };
      const held = (await procedureInForce(quietCtx, '1.001193', quiet.clock.now))!;
      const before = reads();
      for (let i = 0; i < 3; i++) await procedureInForce(quietCtx, '1.001193', quiet.clock.now);
      expect(reads()).toBe(before + 3);
      await quiet.database.raw.query(
        `update catalog.versions set name = name || ' (sửa trực tiếp)' where id = $1`,
        [held.versionId],
      );
      expect((await procedureInForce(quietCtx, '1.001193', quiet.clock.now))?.name).toBe(
        `${held.name} (sửa trực tiếp)`,
      );
    } finally {
      await quiet.close();
    }
  });
});
