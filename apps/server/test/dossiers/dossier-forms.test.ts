import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { applicant, command, deskOf, receive } from './dossier-fixtures';
import { inspectPdf, popplerMissingReason, removeWorkDir } from './pdf-inspection';

const missing = popplerMissingReason();
if (missing && process.env.CI === 'true') throw new Error(`CI=true but ${missing}`);

/** Forms 01–06 filled from real dossiers through the API (the clock starts Monday 2026-03-02 09:00 +07). */
describe.skipIf(missing !== null)('forms of a dossier, from its events', () => {
  let t: TestApp;
  let desk: TestClient;
  let specialist: TestClient;
  let head: TestClient;
  let deskId: string;

  beforeAll(async () => {
    t = await startTestApp();
    desk = await t.loginStaff('motcua.anbinh');
    specialist = await t.loginStaff('congchuc.anbinh');
    head = await t.loginStaff('chutich.anbinh');
    deskId = await deskOf(t, '000.20.01.H99');
  });
  afterAll(async () => {
    await t?.close();
    removeWorkDir();
  });

  async function download(client: TestClient, url: string) {
    const res = await t.app.inject({
      method: 'GET',
      url,
      headers: client.cookie ? { cookie: client.cookie } : {},
    });
    return {
      status: res.statusCode,
      body: res.rawPayload,
      type: String(res.headers['content-type']),
      json: () => res.json(),
    };
  }

  it('prints the receipt (Form 01) with the code, the applicant, the appointment and the book number', async () => {
    const id = (await receive(desk, deskId)).body.summary.id;
    const res = await download(desk, `/api/dossiers/${id}/forms/receipt`);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    const pdf = inspectPdf(res.body, 'receipt');
    expect(pdf.text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(pdf.text).toContain('000.20.01.H99-260302-0001');
    expect(pdf.text).toContain(applicant.name);
    expect(pdf.text).toContain('09 giờ 00 phút, ngày 05/03/2026'); // 3 working days after Monday 09:00
    expect(pdf.text).toContain('/tra-cuu/000.20.01.H99-260302-0001');
    expect(pdf.text).toMatch(/Số thứ tự\s*:?\s*0?1\b/);
  });

  it('refuses a form the dossier does not have yet, and another ward cannot print it', async () => {
    const id = (await receive(desk, deskId)).body.summary.id;
    expect((await download(desk, `/api/dossiers/${id}/forms/apology`)).status).toBe(409);
    const other = await t.loginStaff('motcua.phulocthinh');
    expect((await download(other, `/api/dossiers/${id}/forms/receipt`)).status).toBe(404);
    expect((await download(t.anonymous(), `/api/dossiers/${id}/forms/receipt`)).status).toBe(401);
  });

  it('prints Forms 02 and 03 at intake with the items and reasons', async () => {
    const asked = await receive(desk, deskId, {
      decision: {
        type: 'supplement',
        items: [{ name: 'Tờ khai theo mẫu', reason: 'Chưa ký tên người yêu cầu' }],
        guidance: 'Bổ sung chữ ký rồi nộp lại tại bộ phận một cửa',
      },
    });
    const f02 = inspectPdf(
      (await download(desk, `/api/dossiers/${asked.body.summary.id}/forms/supplement-request`)).body,
    );
    expect(f02.text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(f02.text).toContain('Chưa ký tên người yêu cầu');
    const refused = await receive(desk, deskId, {
      decision: { type: 'refuse', reasons: ['Người yêu cầu không cư trú tại phường'] },
    });
    const f03 = inspectPdf(
      (await download(desk, `/api/dossiers/${refused.body.summary.id}/forms/refusal`)).body,
    );
    expect(f03.text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(f03.text).toContain('Người yêu cầu không cư trú tại phường');
  });

  it('prints the apology (Form 04) and the control sheet (Form 05) with each hand-over judged', async () => {
    const id = (await receive(desk, deskId)).body.summary.id;
    expect((await command(desk, id, { type: 'forward', toUserId: null })).status).toBe(200);
    const agencyId = await t.agencyId('000.20.01.H99');
    const apology = await command(head, id, {
      type: 'apologise',
      agencyId,
      reason: 'Phải xác minh tình trạng hôn nhân tại nơi cư trú trước đây',
      appointmentAt: '2026-03-10T09:00:00+07:00',
    });
    expect(apology.status).toBe(200);
    const f04 = inspectPdf((await download(desk, `/api/dossiers/${id}/forms/apology`)).body);
    expect(f04.text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(f04.text).toContain('xác minh tình trạng hôn nhân');
    expect(f04.text).toContain('10/03/2026');
    t.clock.advance(15 * 60_000);
    expect(
      (await command(specialist, id, { type: 'propose', outcome: 'grant', summary: 'Đủ điều kiện' })).status,
    ).toBe(200);
    expect((await command(specialist, id, { type: 'forward', toUserId: null })).status).toBe(200);
    const f05 = inspectPdf((await download(desk, `/api/dossiers/${id}/forms/control-sheet`)).body);
    expect(f05.text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(f05.text).toContain('UBND phường An Bình');
    expect(f05.text).toMatch(/Trước hạn|Đúng hạn/);
  });

  it('prints the tracking book (Form 06) of the desk as PDF and Excel', async () => {
    const pdfRes = await download(
      desk,
      `/api/dossiers/tracking-book?deskId=${deskId}&from=2026-03-01&to=2026-03-31`,
    );
    expect(pdfRes.status).toBe(200);
    const book = inspectPdf(pdfRes.body);
    expect(book.text).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(book.text).toContain('000.20.01.H99-260302-0001');
    const xlsx = await download(
      desk,
      `/api/dossiers/tracking-book?deskId=${deskId}&from=2026-03-01&to=2026-03-31&format=xlsx`,
    );
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain('000.20.01.H99-260302-0001');
    const other = await t.loginStaff('motcua.phulocthinh');
    expect(
      (await download(other, `/api/dossiers/tracking-book?deskId=${deskId}&from=2026-03-01&to=2026-03-31`))
        .status,
    ).toBe(404);
  });
});
