// Issue 5, the back office in a real browser against the real server, over one working week: a walk-in
// dossier received with the keyboard only and its receipt printed; a returning applicant's postal
// dossier that goes to two agencies in parallel and comes back; the leader assigns, the specialist
// forwards; the handling runs late and the head apologises with a new date; the result goes back by
// post with a tracking number; the day's tracking book lists every dossier; an officer of another
// commune gets "not found" for the dossier's address; the online inbox previews a citizen's file.
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import type { FileChooser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserMissingOutsideCi,
  expectNoSeriousA11yViolations,
  openDialog,
  screenshot,
} from '../support/browser.js';
import { KeyboardCount, officeJourney, viDate } from './support/office-journey.js';

const APPLICANT = {
  idNumber: '001199001234',
  name: 'Nguyễn Thị Hạnh',
  phone: '0912345678',
  address: 'Số 5 Lê Lợi, phường An Bình',
};
const MARITAL_STATUS = 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân';
const BIRTH_REREGISTRATION = 'Thủ tục đăng ký lại khai sinh';
const TRACKING_NUMBER = 'EE123456789VN';

/** A tiny valid PNG (1×1): what a desk scanner saves, as far as the server's content check goes. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
/** A one-page PDF, as a citizen's upload. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

function pdfText(pdf: Buffer): string {
  const result = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], {
    input: pdf,
    encoding: 'utf8',
  });
  if (result.error) throw new Error('pdftotext (poppler-utils) is needed to read the printed forms');
  return result.stdout;
}

const isFocused = (locator: Locator) => locator.evaluate((el) => el === el.ownerDocument.activeElement);

/** Picks `text` in the antd Select named `name`, as a user does (open, click the option, see it chosen). */
async function choose(page: Page, scope: Locator, name: RegExp | string, text: string) {
  const box = scope.getByRole('combobox', { name });
  const openList = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (let attempt = 1; ; attempt++) {
    await box.click();
    await openList.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
    try {
      await openList.waitFor({ state: 'hidden', timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** The action button of the dossier page, the dialog it opens, and its confirming button. */
async function runAction(page: Page, action: string, fill?: (dialog: Locator) => Promise<void>) {
  const actions = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: 'Thao tác' }) });
  const dialog = await openDialog(page, actions.getByRole('button', { name: action, exact: true }), action);
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** The dossier page's current step (the workflow panel's step in progress). */
const currentStep = (page: Page) => page.locator('.ant-steps-item-process .ant-steps-item-title');

async function openDossier(page: Page, baseUrl: string, id: string, code: string) {
  await page.goto(`${baseUrl}/office/dossiers/${id}`);
  await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
}

describe.skipIf(browserMissingOutsideCi())('back office journey (issue 5)', () => {
  const journey = officeJourney();
  const a = { id: '', code: '' }; // walk-in, marital status: assigned, late, apology, returned by post
  const b = { id: '', code: '' }; // postal, birth re-registration: two agencies in parallel
  const c = { id: '', code: '' }; // birth registration (1 working day) left waiting: late in the queue

  it('sets up the ward: a workflow with a parallel inter-agency step, an officer at Tân Phú', async () => {
    const admin = await journey.api('quantri');
    const agencies = (await admin.get('/api/org/agencies')).body.agencies as { id: string; code: string }[];
    const id = (code: string) => agencies.find((x) => x.code === code)!.id;
    const anBinh = id('000.20.01.H99');
    const justice = id('000.00.10.H99');
    const justiceCivil = id('000.01.10.H99');
    const tanPhu = id('000.20.02.H99');
    const created = await admin.post('/api/identity/users', {
      username: 'congchuc.tanphu',
      fullName: 'Lý Thị Thu',
      password: 'MotCua@2026',
      roles: [{ role: 'specialist', agencyId: tanPhu }],
    });
    expect(created.status).toBe(201);

    // Birth re-registration (5 working days = 40 h): the birth records are checked at the Department of
    // Justice and at the commune where the birth was first registered, at the same time.
    const task = (
      key: string,
      name: string,
      unitId: string,
      role: string,
      hours: number,
      actions: string[],
    ) => ({
      kind: 'task',
      key,
      name,
      unitId,
      role,
      allottedHours: hours,
      actions,
    });
    const officer = await journey.api('kiemsoat.tthc');
    const procedure = await officer.get('/api/catalog/procedures/1.004884');
    const stored = await officer.put(
      `/api/catalog/admin/procedures/${procedure.body.procedureId}/workflows/${anBinh}`,
      {
        definition: {
          leadAgencyId: anBinh,
          steps: [
            task('tiep-nhan', 'Tiếp nhận hồ sơ', anBinh, 'desk-officer', 1, [
              'receive',
              'supplement',
              'refuse',
              'forward',
            ]),
            {
              kind: 'parallel',
              key: 'xac-minh',
              name: 'Xác minh liên thông',
              branches: [
                {
                  agencyId: justice,
                  steps: [
                    task('xac-minh-so', 'Xác minh tại Sở Tư pháp', justiceCivil, 'specialist', 8, [
                      'process',
                    ]),
                  ],
                },
                {
                  agencyId: tanPhu,
                  steps: [
                    task('xac-minh-xa', 'Xác minh tại xã Tân Phú', tanPhu, 'specialist', 8, ['process']),
                  ],
                },
              ],
            },
            task('tham-dinh', 'Thẩm định, xử lý hồ sơ', anBinh, 'specialist', 16, [
              'process',
              'consult',
              'supplement',
              'forward',
            ]),
            task('ky-duyet', 'Lãnh đạo ký duyệt', anBinh, 'agency-head', 8, ['approve', 'sign', 'forward']),
            task('tra-ket-qua', 'Trả kết quả', anBinh, 'desk-officer', 1, ['return']),
          ],
        },
      },
    );
    expect(stored.status).toBe(200);
  });

  it('receives a walk-in dossier with the keyboard only and prints the receipt (Form 01)', async () => {
    await journey.travelTo(`${journey.monday}T08:00`);
    const page = await journey.staffPage('motcua.anbinh');
    await page.getByRole('heading', { level: 1, name: 'Hàng đợi công việc' }).waitFor();

    // Listening for the file dialog from the start: Chromium intercepts it only once the listener is set.
    const chooser = new Promise<FileChooser>((resolve) => page.once('filechooser', resolve));
    const keys = new KeyboardCount(page);
    keys.start();
    await keys.press('F2');
    await page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ' }).waitFor();
    const procedure = page.getByRole('combobox', { name: /Thủ tục hành chính/ });
    await expect.poll(() => isFocused(procedure)).toBe(true);
    await keys.type('xac nhan tinh trang hon nhan'); // no diacritics: the search forgives
    await page.locator('.ant-select-item-option-active').filter({ hasText: MARITAL_STATUS }).waitFor();
    await keys.press('Enter');

    const idNumber = page.getByLabel('Số CCCD / định danh');
    await expect.poll(() => isFocused(idNumber)).toBe(true);
    await keys.type(APPLICANT.idNumber);
    await keys.press('Tab');
    await keys.type(APPLICANT.name);
    await keys.press('Tab');
    await keys.type(APPLICANT.phone);
    await keys.press('Tab'); // email: none
    await keys.press('Tab');
    await keys.type(APPLICANT.address);

    // The declaration (the one required component): tick it, keep 1 original, scan it.
    const declaration = page.getByRole('checkbox', { name: /^Đã nhận: Tờ khai cấp Giấy xác nhận/ });
    await keys.press('Tab');
    await expect.poll(() => isFocused(declaration)).toBe(true);
    await keys.press('Space');
    await keys.press('Tab'); // originals
    await keys.press('Tab'); // copies
    await keys.press('Tab'); // scan
    const scan = page.getByRole('button', { name: /^Quét \/ đính kèm: Tờ khai cấp Giấy xác nhận/ });
    await expect.poll(() => isFocused(scan)).toBe(true);
    await keys.press('Enter');
    // The scanner's driver saves the page into the file dialog.
    await (await chooser).setFiles({ name: 'to-khai-scan.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'Xem tệp to-khai-scan.png' }).waitFor();
    expect(await declaration.isChecked()).toBe(true);

    const appointment = page.locator('.office-appointment');
    await expect
      .poll(() => appointment.textContent())
      .toMatch(/Ngày hẹn trả kết quả: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    const previewed = /(\d{2}\/\d{2}\/\d{4} \d{2}:\d{2})/.exec((await appointment.textContent()) ?? '')![1]!;
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'office-01-desk-intake-filled-1280');

    const receipt = page.context().waitForEvent('response', (r) => r.url().includes('/forms/receipt'));
    await keys.press('Control+Enter');
    await page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }).waitFor();
    const print = page.getByRole('link', { name: 'In phiếu tiếp nhận (Mẫu 01)' });
    await expect.poll(() => isFocused(print)).toBe(true);
    await keys.press('Enter');
    const printed = await receipt;
    const seconds = keys.elapsedSeconds();
    console.log(
      `[office] keyboard-only walk-in intake: ${keys.keystrokes} keystrokes, ${seconds.toFixed(1)} s ` +
        '(from F2 on the work queue to the receipt PDF answered; no mouse event)',
    );
    expect(printed.status()).toBe(200);
    expect(printed.headers()['content-type']).toContain('application/pdf');

    const status = (await page.getByRole('status').first().textContent()) ?? '';
    a.code = /Mã hồ sơ: (\S+)/.exec(status)![1]!;
    expect(a.code).toMatch(/^000\.20\.01\.H99-\d{6}-\d{4}$/);
    // The appointment shown before the decision is the one on the receipt.
    expect(status).toContain(`Ngày hẹn trả kết quả: ${previewed}`);
    a.id = /\/office\/dossiers\/([0-9a-f-]+)/.exec(
      (await page.getByRole('link', { name: 'Xem hồ sơ' }).getAttribute('href')) ?? '',
    )![1]!;
    await screenshot(page, 'office-02-desk-intake-done-1280');

    // The PDF printed is Form 01 of this dossier.
    const desk = await journey.api('motcua.anbinh');
    const pdf = await desk.bytes(`/api/dossiers/${a.id}/forms/receipt`);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.body);
    expect(text).toContain(a.code);
    expect(text).toContain(APPLICANT.name);
  });

  it('finds the returning applicant by ID number for a postal dossier (keyboard), and a dossier left waiting', async () => {
    const page = await journey.staffPage('motcua.anbinh');
    await page.getByRole('heading', { level: 1, name: 'Hàng đợi công việc' }).waitFor();
    await page.keyboard.press('F2');
    const procedure = page.getByRole('combobox', { name: /Thủ tục hành chính/ });
    await expect.poll(() => isFocused(procedure)).toBe(true);
    // Back to the channel, the postal one, and on to the procedure.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'Qua bưu chính' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('dang ky lai khai sinh');
    const wanted = page.locator('.ant-select-item-option').filter({ hasText: BIRTH_REREGISTRATION });
    await wanted.first().waitFor();
    for (let i = 0; i < 10 && !(await wanted.first().getAttribute('class'))?.includes('active'); i++)
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');

    const idNumber = page.getByLabel('Số CCCD / định danh');
    await expect.poll(() => isFocused(idNumber)).toBe(true);
    await page.keyboard.type(APPLICANT.idNumber);
    const returning = page.locator('.ant-select-item-option').filter({ hasText: APPLICANT.name });
    await returning.waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    // Nothing known is typed twice.
    expect(await page.getByLabel('Họ và tên / Tên tổ chức').inputValue()).toBe(APPLICANT.name);
    expect(await page.getByLabel('Địa chỉ').inputValue()).toBe(APPLICANT.address);
    expect(await page.getByLabel('Số điện thoại').inputValue()).toBe(APPLICANT.phone);
    await page.keyboard.press('Alt+A');
    await screenshot(page, 'office-03-desk-intake-returning-applicant-1280');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }).waitFor();
    const status = (await page.getByRole('status').first().textContent()) ?? '';
    b.code = /Mã hồ sơ: (\S+)/.exec(status)![1]!;
    b.id = /\/office\/dossiers\/([0-9a-f-]+)/.exec(
      (await page.getByRole('link', { name: 'Xem hồ sơ' }).getAttribute('href')) ?? '',
    )![1]!;

    // A birth registration (1 working day) received and then left alone: it will be late tomorrow.
    await journey.travelTo(`${journey.monday}T08:20`);
    const desk = await journey.api('motcua.anbinh');
    const anBinhDesk = (await desk.get('/api/org/desks')).body.desks.find((d: { name: string }) =>
      d.name.includes('An Bình'),
    );
    const birth = await desk.get('/api/catalog/procedures/1.001193');
    const received = await desk.post('/api/dossiers', {
      deskId: anBinhDesk.id,
      procedure: '1.001193',
      channel: 'in-person',
      applicant: { kind: 'citizen', name: 'Trần Văn Khoa', idNumber: '001088004321' },
      components: birth.body.content.components
        .filter((x: { required: boolean }) => x.required)
        .map((x: { name: string }) => ({ name: x.name, originals: 1, copies: 0 })),
      decision: { type: 'accept' },
    });
    expect(received.status).toBe(201);
    c.id = received.body.summary.id;
    c.code = received.body.summary.code;
  });

  it('the desk forwards, the leader finds the dossier and assigns a specialist', async () => {
    await journey.travelTo(`${journey.monday}T08:30`);
    const desk = await journey.staffPage('motcua.anbinh');
    await desk.goto(`${journey.server.baseUrl}/office?queue=unit`);
    await desk.getByRole('link', { name: a.code }).click();
    await desk.getByRole('heading', { level: 1, name: `Hồ sơ ${a.code}` }).waitFor();
    expect(await currentStep(desk).textContent()).toBe('Tiếp nhận hồ sơ');
    await expectNoSeriousA11yViolations(desk);
    await screenshot(desk, 'office-04-dossier-page-desk-1280');
    await runAction(desk, 'Chuyển bước tiếp theo');
    await expect.poll(() => currentStep(desk).textContent()).toBe('Thẩm định, xử lý hồ sơ');

    const leader = await journey.staffPage('chutich.anbinh');
    // The leader finds it among all the ward's dossiers, by its code.
    await leader.getByRole('tab', { name: 'Tất cả', exact: true }).click();
    const search = leader.getByLabel('Tìm hồ sơ');
    await search.fill(a.code);
    await search.press('Enter');
    await leader.getByRole('link', { name: a.code }).waitFor();
    await screenshot(leader, 'office-05-queue-search-leader-1280');
    await leader.getByRole('link', { name: a.code }).click();
    await leader.getByRole('heading', { level: 1, name: `Hồ sơ ${a.code}` }).waitFor();
    await runAction(leader, 'Phân công xử lý', async (dialog) => {
      await choose(leader, dialog, /Cán bộ xử lý/, 'Bùi Thị Hoa');
    });
    await leader.getByText('Cán bộ đang xử lý: Bùi Thị Hoa').waitFor();
    expect(
      await leader.locator('.ant-table-row').filter({ hasText: 'Phân công xử lý' }).textContent(),
    ).toContain('Bùi Thị Hoa');
  });

  it('sends a postal dossier to two agencies in parallel, each answers, and it comes back to the ward', async () => {
    const desk = await journey.staffPage('motcua.anbinh');
    await openDossier(desk, journey.server.baseUrl, b.id, b.code);
    await runAction(desk, 'Chuyển bước tiếp theo');
    await expect.poll(() => currentStep(desk).textContent()).toBe('Xác minh liên thông');
    const panel = desk
      .locator('.ant-card')
      .filter({ has: desk.getByRole('heading', { name: 'Liên thông' }) });
    await expect.poll(() => panel.getByText('Chưa trả lời').count()).toBe(2);
    expect(await panel.textContent()).toContain('Sở Tư pháp');
    expect(await panel.textContent()).toContain('UBND xã Tân Phú');
    await screenshot(desk, 'office-06-inter-agency-sent-1280');

    for (const [user, agency, note] of [
      ['chuyenvien.tuphap', 'Sở Tư pháp', 'Sổ đăng ký khai sinh gốc còn lưu tại Sở'],
      ['congchuc.tanphu', 'UBND xã Tân Phú', 'Đã đăng ký khai sinh tại xã năm 1999'],
    ] as const) {
      const page = await journey.staffPage(user);
      await page.goto(`${journey.server.baseUrl}/office?queue=inter-agency`);
      await page.getByRole('link', { name: b.code }).click();
      await page.getByRole('heading', { level: 1, name: `Hồ sơ ${b.code}` }).waitFor();
      await runAction(page, 'Cập nhật kết quả liên thông', async (dialog) => {
        await choose(page, dialog, /Cơ quan phối hợp/, agency);
        await dialog.getByLabel('Ghi chú').fill(note);
      });
      await page.getByText(note).first().waitFor();
    }

    const ward = await journey.staffPage('congchuc.anbinh');
    await openDossier(ward, journey.server.baseUrl, b.id, b.code);
    const wardPanel = ward
      .locator('.ant-card')
      .filter({ has: ward.getByRole('heading', { name: 'Liên thông' }) });
    await expect.poll(() => wardPanel.getByText('Đã trả kết quả').count()).toBe(2);
    expect(await wardPanel.getByText('Chưa trả lời').count()).toBe(0);
    await screenshot(ward, 'office-07-inter-agency-answered-1280');
    // Every agency has answered: the lead agency's specialist moves the dossier on. The server's
    // allowedCommands does not list "forward" at a parallel step yet (the command itself is accepted),
    // so the page cannot offer it: sent through the API until the server lists it.
    const specialist = await journey.api('congchuc.anbinh');
    const before = await specialist.get(`/api/dossiers/${b.id}`);
    const moved = await specialist.post(`/api/dossiers/${b.id}/commands`, {
      version: before.body.summary.version,
      command: { type: 'forward', toUserId: null },
    });
    expect(moved.status).toBe(200);
    await ward.getByRole('button', { name: 'Tải lại' }).click();
    await expect.poll(() => currentStep(ward).textContent()).toBe('Thẩm định, xử lý hồ sơ');
    // The round stays on the page, answered, after the dossier moved on.
    expect(await wardPanel.getByText('Đã trả kết quả').count()).toBe(2);
  });

  it('runs late: the step is overdue, the head apologises and sets a new date from the calendar (Form 04)', async () => {
    // Tuesday 16:30: the specialist's 14 working hours from Monday 08:30 ended at 16:00; the appointment
    // (Thursday 08:00) is still more than one working day away, so an apology is still allowed.
    await journey.travelTo(`${nextDay(journey.monday, 1)}T16:30`);
    const desk = await journey.staffPage('motcua.anbinh');
    await desk.goto(`${journey.server.baseUrl}/office?queue=unit`);
    const late = desk.locator('.ant-table-row').filter({ hasText: c.code });
    await late.waitFor();
    expect(await late.locator('[data-live-status]').getAttribute('data-live-status')).toBe('late');
    expect(await late.textContent()).toContain('Quá hạn');
    await screenshot(desk, 'office-08-queue-with-late-dossier-1280');

    const head = await journey.staffPage('chutich.anbinh');
    await openDossier(head, journey.server.baseUrl, a.id, a.code);
    await head.getByText('Bước hiện tại đã quá hạn').waitFor();
    const original = (await head.getByTestId('current-appointment').textContent()) ?? '';

    const trigger = head.getByRole('button', { name: 'Xin lỗi và hẹn lại ngày trả', exact: true });
    const dialog = await openDialog(head, trigger, 'Xin lỗi và hẹn lại ngày trả');
    await dialog.getByLabel('Lý do chậm trễ').fill('Chờ xác minh thông tin hộ tịch tại nơi cư trú trước đây');
    const proposal = dialog.getByRole('status');
    await expect
      .poll(() => proposal.textContent())
      .toMatch(/Ngày hẹn mới đề xuất theo lịch làm việc: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    const proposed = /(\d{2}\/\d{2}\/\d{4} \d{2}:\d{2})/.exec((await proposal.textContent()) ?? '')![1]!;
    await screenshot(head, 'office-09-apology-dialog-1280');
    const form04 = head.context().waitForEvent('response', (r) => r.url().includes('/forms/apology'));
    await dialog.getByRole('button', { name: 'Xin lỗi và hẹn lại ngày trả', exact: true }).click();
    await dialog.getByText('Đã ghi nhận phiếu xin lỗi').waitFor();
    await dialog.getByRole('link', { name: 'Xem trước Mẫu 04' }).click();
    const preview = await form04;
    expect(preview.status()).toBe(200);
    expect(preview.headers()['content-type']).toContain('application/pdf');
    await dialog.getByRole('button', { name: 'Quay lại' }).click();

    // Two working days after Thursday's appointment: the next Monday, same time.
    expect(proposed.slice(0, 10)).toBe(viDate(nextDay(journey.monday, 7)));
    await expect.poll(() => head.getByTestId('current-appointment').textContent()).toBe(proposed);
    expect(await head.getByText(`đã điều chỉnh từ ${original}`).count()).toBe(1);
    const api = await journey.api('chutich.anbinh');
    const form = pdfText((await api.bytes(`/api/dossiers/${a.id}/forms/apology`)).body);
    expect(form).toContain(a.code);
    expect(form).toContain(proposed.slice(0, 10));
  });

  it('the specialist proposes and forwards (judged late on the control sheet), the head signs, the desk returns by post', async () => {
    const specialist = await journey.staffPage('congchuc.anbinh');
    await specialist.goto(`${journey.server.baseUrl}/office?queue=mine`);
    await specialist.getByRole('link', { name: a.code }).click();
    await specialist.getByRole('heading', { level: 1, name: `Hồ sơ ${a.code}` }).waitFor();
    await runAction(specialist, 'Đề xuất kết quả', async (dialog) => {
      await dialog.getByLabel('Nội dung đề xuất').fill('Người yêu cầu đủ điều kiện cấp giấy xác nhận');
    });
    await runAction(specialist, 'Chuyển bước tiếp theo');
    await expect.poll(() => currentStep(specialist).textContent()).toBe('Lãnh đạo phòng xem xét');
    // Form 05: the appraisal step handed over after its allotted time.
    const handover = specialist
      .locator('.ant-table-row')
      .filter({ hasText: 'Chuyển xử lý' })
      .filter({ hasText: 'Bùi Thị Hoa' });
    expect(await handover.textContent()).toContain('Trễ hạn');

    const head = await journey.staffPage('chutich.anbinh');
    await openDossier(head, journey.server.baseUrl, a.id, a.code);
    await runAction(head, 'Phê duyệt');
    await runAction(head, 'Chuyển bước tiếp theo');
    await expect.poll(() => currentStep(head).textContent()).toBe('Lãnh đạo cơ quan ký duyệt');
    await runAction(head, 'Ban hành kết quả', async (dialog) => {
      await dialog.getByLabel('Số, ký hiệu 1').fill('125/XN-UBND');
    });
    await head.getByText('125/XN-UBND').first().waitFor();

    const desk = await journey.staffPage('motcua.anbinh');
    await openDossier(desk, journey.server.baseUrl, a.id, a.code);
    await runAction(desk, 'Trả kết quả', async (dialog) => {
      await dialog.getByRole('radio', { name: 'Qua bưu chính' }).check();
      await dialog.getByLabel('Số hiệu bưu gửi').fill(TRACKING_NUMBER);
    });
    await desk.getByText(`Số hiệu bưu gửi: ${TRACKING_NUMBER}`).waitFor();
    expect(await desk.locator('.page-heading').textContent()).toContain('Đã trả kết quả');
    await screenshot(desk, 'office-10-returned-by-post-1280');
  });

  it("lists the day's dossiers in the tracking book (Form 06, Excel and PDF)", async () => {
    const desk = await journey.staffPage('motcua.anbinh');
    await desk.goto(`${journey.server.baseUrl}/office/tracking-book`);
    await desk.getByRole('heading', { level: 1, name: 'Sổ theo dõi hồ sơ (Mẫu 06)' }).waitFor();
    for (const label of ['Từ ngày', 'Đến ngày']) {
      const field = desk.getByLabel(label);
      await field.click();
      await field.press('ControlOrMeta+a');
      await field.fill(viDate(journey.monday));
      await field.press('Tab');
      expect(await field.inputValue()).toBe(viDate(journey.monday));
    }
    await screenshot(desk, 'office-11-tracking-book-1280');
    const xlsx = desk.waitForEvent('download');
    await desk.getByRole('link', { name: /Tải sổ Excel/ }).click();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await (await xlsx).path())!);
    const rows: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => {
        const cells: string[] = [];
        // Dates are stored as Vietnam wall-clock time: read them back as `YYYY-MM-DDTHH:mm`.
        row.eachCell((cell) =>
          cells.push(
            cell.value instanceof Date ? cell.value.toISOString().slice(0, 16) : String(cell.text ?? ''),
          ),
        );
        rows.push(cells.join(' | '));
      }),
    );
    for (const dossier of [a, b, c]) expect(rows.some((row) => row.includes(dossier.code))).toBe(true);
    // The walk-in dossier's row shows its return, on Tuesday.
    expect(rows.find((row) => row.includes(a.code))).toContain(`${nextDay(journey.monday, 1)}T16:`);

    const pdf = desk.waitForEvent('download');
    await desk.getByRole('link', { name: /Tải sổ PDF/ }).click();
    const { readFile } = await import('node:fs/promises');
    const book = pdfText(await readFile((await (await pdf).path())!));
    for (const dossier of [a, b, c]) expect(book).toContain(dossier.code);
  });

  it('an officer of another commune opening the dossier address gets "not found"', async () => {
    const other = await journey.staffPage('motcua.phulocthinh');
    await other.goto(`${journey.server.baseUrl}/office/dossiers/${a.id}`);
    await other.getByRole('heading', { level: 1, name: 'Không tìm thấy hồ sơ' }).waitFor();
    expect(await other.getByText(APPLICANT.name).count()).toBe(0);
    expect(await other.getByText(a.code).count()).toBe(0);
    await screenshot(other, 'office-12-other-commune-not-found-1280');
    // The API confirms nothing either.
    expect((await (await journey.api('motcua.phulocthinh')).get(`/api/dossiers/${a.id}`)).status).toBe(404);
  });

  it("previews a citizen's uploaded file in the online inbox and asks for a supplement once", async () => {
    const citizen = await journey.citizenApi('congdan@minhhoa.demo');
    const upload = await citizen.upload('giay-to-tuy-than.pdf', 'application/pdf', PDF);
    expect(upload.status).toBe(201);
    const admin = await journey.api('quantri');
    const anBinh = (await admin.get('/api/org/agencies')).body.agencies.find(
      (x: { code: string }) => x.code === '000.20.01.H99',
    ).id;
    const procedure = await citizen.get('/api/catalog/procedures/1.004873');
    const required = procedure.body.content.components.filter((x: { required: boolean }) => x.required);
    const submitted = await citizen.post(
      '/api/portal/dossiers',
      {
        procedure: '1.004873',
        agencyId: anBinh,
        components: required.map((x: { name: string }) => ({
          name: x.name,
          originals: 1,
          copies: 0,
          digitised: true,
          fileIds: [upload.body.id],
        })),
      },
      { 'idempotency-key': `e2e-inbox-${Date.now()}` },
    );
    expect(submitted.status).toBe(201);
    const code = submitted.body.summary.code as string;

    const desk = await journey.staffPage('motcua.anbinh');
    await desk.goto(`${journey.server.baseUrl}/office/inbox`);
    await desk.getByRole('link', { name: code }).click();
    const preview = await openDialog(
      desk,
      desk.getByRole('button', { name: 'Xem tệp giay-to-tuy-than.pdf' }),
      /Xem tệp đính kèm/,
    );
    const frame = preview.locator('iframe');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toBe(`/api/files/${upload.body.id}`);
    await screenshot(desk, 'office-13-online-inbox-preview-1280');
    await preview.getByRole('button', { name: /Close|Đóng/ }).click();
    await runAction(desk, 'Yêu cầu bổ sung để tiếp nhận', async (dialog) => {
      await dialog.getByLabel('Giấy tờ 1').fill('Giấy xác nhận tình trạng hôn nhân đã cấp trước đó');
      await dialog.getByLabel('Lý do, yêu cầu 1').fill('Bản đã cấp trước đó phải nộp lại khi xin cấp mới');
    });
    await desk.getByText('Chờ bổ sung để tiếp nhận').first().waitFor();
  });

  it("the desk officer's bell tells of the late dossier and opens it", { timeout: 180_000 }, async () => {
    // The deadline scanner (a scheduled job) records the birth registration late since Tuesday and
    // tells the desk once; it runs on its own schedule, so wait for its notification to exist.
    const api = await journey.api('motcua.anbinh');
    const title = `Hồ sơ ${c.code} đã quá hạn`;
    await expect
      .poll(
        async () =>
          ((await api.get('/api/notifications')).body.notifications as { title: string }[]).some(
            (n) => n.title === title,
          ),
        { timeout: 150_000, interval: 2_000 },
      )
      .toBe(true);

    const desk = await journey.staffPage('motcua.anbinh');
    const bell = desk.getByRole('button', { name: /^Thông báo, \d+ chưa đọc$/ });
    await bell.waitFor();
    await bell.click();
    const item = desk.getByRole('button', { name: title });
    await item.waitFor();
    await screenshot(desk, 'office-14-notifications-1280');
    await item.click();
    await desk.getByRole('heading', { level: 1, name: `Hồ sơ ${c.code}` }).waitFor();
    // Opened, so read: it no longer counts as unread.
    await expect
      .poll(
        async () =>
          (
            (await api.get('/api/notifications')).body.notifications as {
              title: string;
              readAt: string | null;
            }[]
          ).find((n) => n.title === title)?.readAt,
      )
      .not.toBeNull();
  });
});

/** `YYYY-MM-DD` plus `days` calendar days. */
function nextDay(isoDate: string, days: number): string {
  return new Date(new Date(`${isoDate}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
