import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_IMPORT_QUEUE } from '../../src/modules/catalog/import-service';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

let t: TestApp;
let officer: TestClient;
let office: string;
let centre: string;
let anBinh: string;
let birthId: string;

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.loginStaff('kiemsoat.tthc');
  office = await t.agencyId('000.00.01.H99');
  centre = await t.agencyId('000.00.02.H99');
  anBinh = await t.agencyId('000.20.01.H99');
  birthId = (await officer.get('/api/catalog/admin/procedures?q=1.001193')).body.procedures[0].id;
});
afterAll(async () => {
  await t?.close();
});

describe('internal workflows', () => {
  it('generates the default workflow (desk → specialist → leader → head → desk) within the legal limit', async () => {
    const res = await officer.get(`/api/catalog/admin/procedures/${birthId}/workflows/${anBinh}`);
    expect(res.status).toBe(200);
    expect(res.body.current.generated).toBe(true);
    expect(res.body.current.totals).toMatchObject({ limitHours: 8, limitBasis: 'working-time' });
    expect(res.body.current.totals.allottedHours).toBeLessThanOrEqual(8);
    expect(res.body.current.definition.steps.map((s: { role: string }) => s.role)).toEqual([
      'desk-officer',
      'specialist',
      'unit-leader',
      'agency-head',
      'desk-officer',
    ]);
  });

  it('replaces a workflow (versioned) and reports every bad step precisely', async () => {
    const generated = (await officer.get(`/api/catalog/admin/procedures/${birthId}/workflows/${anBinh}`)).body
      .current.definition;
    const saved = await officer.put(`/api/catalog/admin/procedures/${birthId}/workflows/${anBinh}`, {
      definition: generated,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, generated: false });
    const bad = structuredClone(generated);
    bad.steps[1].allottedHours = 20; // 1 working day = 8 h: over the limit
    bad.steps[2].unitId = '00000000-0000-4000-8000-000000000000';
    bad.steps.pop(); // no return step
    const res = await officer.put(`/api/catalog/admin/procedures/${birthId}/workflows/${anBinh}`, {
      definition: bad,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('WORKFLOW_INVALID');
    const issues = res.body.error.details.issues.map((i: { code: string; path: unknown[] }) => [
      i.code,
      i.path.join('.'),
    ]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['NO_RESULT', 'steps.3'],
        ['ALLOTMENT_EXCEEDS_LIMIT', 'steps.1.allottedHours'],
        ['UNIT_NOT_FOUND', 'steps.2.unitId'],
      ]),
    );
    const history = await officer.get(`/api/catalog/admin/procedures/${birthId}/workflows/${anBinh}`);
    expect(history.body.history).toHaveLength(1);
    const dry = await officer.post(`/api/catalog/admin/procedures/${birthId}/workflows/${anBinh}/validate`, {
      definition: bad,
    });
    expect(dry.body.valid).toBe(false);
  });

  it('only the catalogue officers edit workflows', async () => {
    const reviewer = await t.loginStaff('kiemsoat.tuphap');
    const def = (await officer.get(`/api/catalog/admin/procedures/${birthId}/workflows/${anBinh}`)).body
      .current.definition;
    expect(
      (
        await reviewer.put(`/api/catalog/admin/procedures/${birthId}/workflows/${anBinh}`, {
          definition: def,
        })
      ).status,
    ).toBe(403);
  });
});

describe('766 on-time checks in the admin detail', () => {
  it('computes the deadlines on the working calendar around Tết and judges the acts', async () => {
    const fieldCode = (await officer.get(`/api/catalog/admin/procedures/${birthId}`)).body.latest.content
      .fieldCode;
    const created = await officer.post('/api/catalog/admin/procedures', {
      ownerAgencyId: office,
      content: {
        ...(await officer.get(`/api/catalog/admin/procedures/${birthId}`)).body.latest.content,
        nationalCode: '9.000766',
        fieldCode,
        legalEffectiveDate: '2026-02-23',
      },
    });
    expect(created.status).toBe(201);
    // 2026-03-02 today: the deadline 2026-02-09 (5 working days before 23/2, over Tết 16–20/2) has passed
    expect(created.body.transparency).toMatchObject({
      announcedOnTime: false,
      publishedOnTime: null,
      deadlines: { legalEffectiveDate: '2026-02-23', announceBy: '2026-02-09' },
      calendar: 'local-changes',
    });
    const seeded = await officer.get(`/api/catalog/admin/procedures/${birthId}`);
    expect(seeded.body.transparency.announcedOnTime).toBeNull(); // no province decision recorded in the seed
  });
});

async function runImport(client: TestClient, body: unknown) {
  const started = await client.post('/api/catalog/admin/imports', body);
  expect(started.status).toBe(202);
  // Accepted, not yet done: the import is a job, worked here by draining the queue.
  expect(started.body).toMatchObject({ status: 'validating', finishedAt: null });
  const worked = await t.jobs.drain({ names: [CATALOG_IMPORT_QUEUE] });
  expect(worked).toEqual({ completed: 1, failures: [] });
  return (await client.get(`/api/catalog/admin/imports/${started.body.id}`)).body;
}

async function exportJson(ownerAgencyId: string) {
  const res = await officer.get(`/api/catalog/admin/exports?format=json&ownerAgencyId=${ownerAgencyId}`);
  expect(res.status).toBe(200);
  return res.body.records as Record<string, unknown>[];
}

describe('import and export', () => {
  it('rejects a batch with bad records, reporting each precisely, and imports nothing', async () => {
    const good = (await exportJson(office)).find((r) => r.MaTTHC === '1.001193')!;
    const record = (code: string, patch: Record<string, unknown>) => ({
      ...structuredClone(good),
      MaTTHC: code,
      ...patch,
    });
    const channels = structuredClone((good as { CachThucThucHien: any[] }).CachThucThucHien);
    const negative = structuredClone(channels);
    negative[0].PhiLePhi = [{ TenPhiLePhi: 'Lệ phí', SoTien: -5000, MoTa: null }];
    const week = structuredClone(channels);
    week[0].ThoiHanGiaiQuyet = { GiaTri: 2, DonVi: 'Tuần', GhiChu: null };
    const overLimit = [
      {
        MaDonVi: '000.20.01.H99',
        DonViChuTri: '000.20.01.H99',
        CacBuoc: [
          {
            Loai: 'task',
            Ma: 'tn',
            Ten: 'Tiếp nhận',
            MaDonViXuLy: '000.20.01.H99',
            VaiTro: 'desk-officer',
            SoGio: 4,
            ThaoTac: ['receive'],
          },
          {
            Loai: 'task',
            Ma: 'xl',
            Ten: 'Xử lý',
            MaDonViXuLy: '000.20.01.H99',
            VaiTro: 'specialist',
            SoGio: 40,
            ThaoTac: ['process'],
          },
          {
            Loai: 'task',
            Ma: 'tr',
            Ten: 'Trả',
            MaDonViXuLy: '000.20.01.H99',
            VaiTro: 'desk-officer',
            SoGio: 1,
            ThaoTac: ['return'],
          },
        ],
      },
    ];
    const records = [
      record('9.100001', {}),
      (() => {
        const r = record('x', {});
        delete (r as Record<string, unknown>).MaTTHC;
        return r;
      })(),
      record('9.100003', { CachThucThucHien: negative }),
      record('9.100004', { MaLinhVuc: 'G99-KHONGCO' }),
      record('9.100005', { CachThucThucHien: week }),
      record('9.100006', { QuyTrinhNoiBo: overLimit }),
    ];
    const job = await runImport(officer, { format: 'json', ownerAgencyId: centre, records });
    expect(job.status).toBe('failed');
    expect(job.imported).toBe(0);
    const errors = job.errors.map((e: { index: number; code: string; path: unknown[] }) => [
      e.index,
      e.code,
      e.path.join('.'),
    ]);
    expect(errors).toEqual(
      expect.arrayContaining([
        [1, 'MISSING_FIELD', 'MaTTHC'],
        [2, 'INVALID_VALUE', 'CachThucThucHien.0.PhiLePhi.0.SoTien'],
        [3, 'FIELD_NOT_FOUND', 'MaLinhVuc'],
        [4, 'INVALID_VALUE', 'CachThucThucHien.0.ThoiHanGiaiQuyet.DonVi'],
        [5, 'ALLOTMENT_EXCEEDS_LIMIT', 'QuyTrinhNoiBo.0.CacBuoc.1.SoGio'],
      ]),
    );
    expect(errors.some((e: unknown[]) => e[0] === 0)).toBe(false);
    const negativeError = job.errors.find((e: { index: number }) => e.index === 2);
    expect(negativeError.message).toContain('Số tiền không được âm');
    expect(job.errors.find((e: { index: number }) => e.index === 4).message).toContain('Tuần');
    expect(await exportJson(centre)).toEqual([]); // nothing partially imported
  });

  it('round-trips JSON: export → import → export gives equal procedures', async () => {
    const exported = await exportJson(office);
    // The seeded catalogue and 9.000766 drafted above (counted, so that the seed may grow).
    expect(exported.map((r) => r.MaTTHC)).toEqual(expect.arrayContaining(['1.001193', '9.000766']));
    const job = await runImport(officer, { format: 'json', ownerAgencyId: centre, records: exported });
    const n = exported.length;
    expect(job).toMatchObject({
      status: 'succeeded',
      total: n,
      validated: n,
      imported: n,
      created: n,
      errors: [],
    });
    expect(await exportJson(centre)).toEqual(exported);
  });

  it('round-trips Excel: one row per procedure, parts on their own sheets', async () => {
    const original = await exportJson(office);
    const xlsx = await officer.request(
      'GET',
      `/api/catalog/admin/exports?format=xlsx&ownerAgencyId=${office}`,
    );
    expect(xlsx.status).toBe(200);
    expect(String(xlsx.headers['content-type'])).toContain('spreadsheetml');
    const raw = await t.app.inject({
      method: 'GET',
      url: `/api/catalog/admin/exports?format=xlsx&ownerAgencyId=${office}`,
      headers: { cookie: officer.cookie! },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(raw.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('ThuTuc')!.rowCount).toBe(original.length + 1);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['CachThuc', 'PhiLePhi', 'ThanhPhanHoSo', 'KetQua', 'CanCuPhapLy', 'TrinhTu']),
    );
    const job = await runImport(officer, {
      format: 'xlsx',
      ownerAgencyId: centre, // replaces the drafts imported from JSON above
      fileBase64: raw.rawPayload.toString('base64'),
    });
    expect(job.errors).toEqual([]);
    expect(job.status).toBe('succeeded');
    expect(job.amended).toBe(original.length);
    expect(await exportJson(centre)).toEqual(original);
  });

  it('reports a bad Excel row with its sheet and row number', async () => {
    const raw = await t.app.inject({
      method: 'GET',
      url: `/api/catalog/admin/exports?format=xlsx&ownerAgencyId=${office}`,
      headers: { cookie: officer.cookie! },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(raw.rawPayload as unknown as ArrayBuffer);
    const fees = wb.getWorksheet('PhiLePhi')!;
    fees.getRow(3).getCell(4).value = -1;
    const code = String(fees.getRow(3).getCell(1).value);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const job = await runImport(officer, {
      format: 'xlsx',
      ownerAgencyId: centre,
      fileBase64: buffer.toString('base64'),
    });
    expect(job.status).toBe('failed');
    expect(job.errors).toEqual([
      expect.objectContaining({ sheet: 'PhiLePhi', row: 3, nationalCode: code, code: 'INVALID_VALUE' }),
    ]);
  });

  it('needs catalog.edit in the owner agency', async () => {
    const desk = await t.loginStaff('motcua.tinh');
    expect(
      (await desk.post('/api/catalog/admin/imports', { format: 'json', ownerAgencyId: centre, records: [] }))
        .status,
    ).toBe(403);
  });
});
