// Issue 7, the procedure catalogue in a real browser against the real server and its seeded real
// catalogue: a citizen's forgiving search on a phone; a procedure drafted, reviewed by the Department of
// Justice, announced, published, amended and abolished through the admin screens; a workflow edited and
// refused when its allotments exceed the legal time limit.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserMissingOutsideCi,
  expectNoSeriousA11yViolations,
  openDialog,
  screenshot,
} from '../support/browser.js';
import { browserJourney, staffLogin } from '../support/journey.js';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 740 };
const NEW_PROCEDURE = {
  code: '2.999001',
  name: 'Cấp giấy xác nhận thử nghiệm danh mục điện tử',
  search: 'xac nhan thu nghiem danh muc',
  decision: '123/QĐ-UBND',
  amendDecision: '456/QĐ-UBND',
  abolishDecision: '789/QĐ-UBND',
};

/** Clicks the option whose text contains `text` in the antd dropdown that is open now. */
async function pickOption(page: Page, text: string): Promise<void> {
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click();
}

async function choose(page: Page, box: Locator, text: string, search?: string): Promise<void> {
  await box.click();
  if (search !== undefined) await box.fill(search);
  await pickOption(page, text);
}

function statusTag(page: Page): Locator {
  return page.locator('.ant-descriptions-item').filter({ hasText: 'Trạng thái' }).locator('.ant-tag');
}

async function expectStatus(page: Page, status: string): Promise<void> {
  await expect.poll(() => statusTag(page).textContent(), { timeout: 15_000 }).toBe(status);
}

async function clickAction(page: Page, name: string): Promise<void> {
  await page.getByRole('region', { name: 'Thao tác' }).getByRole('button', { name, exact: true }).click();
}

/** Portal search at phone width; answers the result links' texts. */
async function portalSearch(page: Page, baseUrl: string, q: string): Promise<string[]> {
  await page.goto(`${baseUrl}/portal/procedures`);
  const box = page.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' });
  await box.fill(q);
  // The previous list stays on screen (with the new query's wording) until the new answer arrives:
  // wait for that answer, then for the page to stop fetching.
  const answered = page.waitForResponse(
    (res) => res.url().includes('/api/catalog/search') && new URL(res.url()).searchParams.get('q') === q,
  );
  await box.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === q);
  await answered;
  await page.locator('.catalog-results[aria-busy="false"]').waitFor();
  await expect
    .poll(() => page.getByRole('status').first().textContent(), { timeout: 15_000 })
    .toMatch(/Tìm thấy|Không tìm thấy/);
  return page.locator('.procedure-hits h3 a').allTextContents();
}

describe.skipIf(browserMissingOutsideCi())('procedure catalogue (issue 7)', () => {
  const journey = browserJourney();
  let procedurePath = '';
  const newPage = (viewport: { width: number; height: number }) => journey.newPage({ viewport });

  it('(a) a citizen on a phone finds "Đăng ký khai sinh" typed without diacritics and reads what to bring', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${journey.server.baseUrl}/`);
    const box = page.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' });
    await box.fill('dang ky khai sinh');
    await box.press('Enter');
    await page.waitForURL(
      (url) => url.pathname === '/portal/procedures' && url.searchParams.get('q') === 'dang ky khai sinh',
    );
    const hit = page.locator('.procedure-hits h3 a').filter({ hasText: /^(Thủ tục )?[Đđ]ăng ký khai sinh$/ });
    await hit.first().waitFor();
    expect(await page.getByRole('status').first().textContent()).toMatch(/Tìm thấy \d+ thủ tục/);
    // Each hit tells how long it takes and what it costs before it is opened.
    const fact = (card: Locator, term: string) => card.locator(`dt:text-is("${term}") + dd`).textContent();
    const birthCard = page
      .locator('.procedure-hit')
      .filter({ has: page.locator('h3 a', { hasText: /^(Thủ tục )?[Đđ]ăng ký khai sinh$/ }) })
      .first();
    expect(await fact(birthCard, 'Thời hạn giải quyết')).toBe('1 ngày làm việc');
    expect(await fact(birthCard, 'Phí, lệ phí')).toBe('Miễn phí');
    // Filters with facet counts from the API.
    await page.getByText(/^Bộ lọc/).click();
    expect(
      await page
        .getByRole('group', { name: 'Lĩnh vực' })
        .getByText(/Hộ tịch \(\d+\)/)
        .count(),
    ).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'catalog-01-portal-search-khai-sinh-360');

    await hit.first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/portal/procedures/'));
    await page.getByRole('heading', { level: 1, name: /[Đđ]ăng ký khai sinh$/ }).waitFor();
    const components = page.getByRole('region', { name: 'Hồ sơ cần chuẩn bị' });
    expect(await components.textContent()).toContain('Tờ khai đăng ký khai sinh');
    expect(await components.textContent()).toMatch(/1 bản chính/);
    const time = page.getByRole('region', { name: 'Thời hạn giải quyết và phí, lệ phí' });
    expect(await time.textContent()).toMatch(/\d+ ngày làm việc/);
    expect(await time.textContent()).toContain('Miễn phí');
    expect(await page.getByRole('region', { name: 'Căn cứ pháp lý' }).textContent()).toContain(
      '60/2014/QH13',
    );
    expect(await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).count()).toBeGreaterThan(0);
    // Nothing wider than the phone's screen.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'catalog-02-portal-procedure-khai-sinh-360');

    // A paid procedure's hit shows its amounts: Đăng ký tạm trú, 7,000 VND online, 10,000 at the desk.
    expect(await portalSearch(page, journey.server.baseUrl, 'dang ky tam tru')).toContain('Đăng ký tạm trú');
    const residence = page
      .locator('.procedure-hit')
      .filter({ has: page.locator('h3 a', { hasText: /^Đăng ký tạm trú$/ }) });
    expect(await fact(residence, 'Phí, lệ phí')).toMatch(/^7\.000\s₫ – 10\.000\s₫$/);
    expect(await fact(residence, 'Thời hạn giải quyết')).toBe('3 ngày làm việc');
  });

  it('(b) an officer drafts and submits a procedure, the reviewer approves it, the officer announces and publishes it, citizens find it', async () => {
    const officer = await newPage(DESKTOP);
    await staffLogin(officer, journey.server.baseUrl, 'kiemsoat.tthc');
    await officer.goto(`${journey.server.baseUrl}/admin/catalog`);
    await officer.getByRole('heading', { level: 1, name: 'Danh mục thủ tục hành chính' }).waitFor();
    await officer.locator('.ant-table-row').first().waitFor();
    await expectNoSeriousA11yViolations(officer);
    await screenshot(officer, 'catalog-03-admin-list-1280');

    await officer.getByRole('button', { name: 'Thêm thủ tục' }).click();
    await officer.waitForURL((url) => url.pathname === '/admin/catalog/new');
    await officer.getByLabel('Mã TTHC quốc gia').fill(NEW_PROCEDURE.code);
    await choose(officer, officer.getByRole('combobox', { name: 'Lĩnh vực' }), 'Hộ tịch', 'Ho tich');
    await officer.getByLabel('Tên thủ tục').fill(NEW_PROCEDURE.name);
    await choose(
      officer,
      officer.getByRole('combobox', { name: 'Cơ quan thực hiện' }),
      'Trung tâm Phục vụ hành chính công tỉnh Minh Hòa',
      'Trung tam',
    );
    await officer.keyboard.press('Escape');
    await officer.getByLabel('Thời hạn giải quyết').first().fill('5');
    await officer.getByRole('button', { name: 'Thêm giấy tờ' }).click();
    await officer.getByLabel('Tên giấy tờ').fill('Tờ khai đề nghị cấp giấy xác nhận');
    await officer.getByRole('button', { name: 'Thêm cách thức' }).click();
    await screenshot(officer, 'catalog-04-admin-new-procedure-1280');
    await officer.getByRole('button', { name: 'Tạo dự thảo' }).click();
    await officer.waitForURL((url) => /^\/admin\/catalog\/[0-9a-f-]{36}$/.test(url.pathname));
    procedurePath = new URL(officer.url()).pathname;
    await officer.getByRole('heading', { level: 1, name: NEW_PROCEDURE.name }).waitFor();
    await expectStatus(officer, 'Dự thảo');
    await expectNoSeriousA11yViolations(officer);

    await clickAction(officer, 'Gửi kiểm soát chất lượng');
    await expectStatus(officer, 'Chờ kiểm soát chất lượng');
    // Only the reviewer approves: the officer is offered no approval.
    expect(await officer.getByRole('button', { name: 'Duyệt', exact: true }).count()).toBe(0);
    await screenshot(officer, 'catalog-05-admin-submitted-1280');

    const reviewer = await newPage(DESKTOP);
    await staffLogin(reviewer, journey.server.baseUrl, 'kiemsoat.tuphap');
    await reviewer.goto(`${journey.server.baseUrl}/admin/catalog/review`);
    await reviewer.getByRole('heading', { level: 1, name: 'Kiểm soát chất lượng thủ tục' }).waitFor();
    const row = reviewer.locator('.ant-table-row').filter({ hasText: NEW_PROCEDURE.name });
    await row.getByRole('button', { name: 'Duyệt', exact: true }).waitFor();
    await expectNoSeriousA11yViolations(reviewer);
    await screenshot(reviewer, 'catalog-06-admin-review-queue-1280');
    await row.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await row.waitFor({ state: 'detached' });

    await officer.reload();
    await expectStatus(officer, 'Đã được duyệt');
    await clickAction(officer, 'Công bố');
    const announce = officer.getByRole('dialog', { name: 'Công bố thủ tục hành chính' });
    await announce.getByLabel('Số quyết định công bố').fill(NEW_PROCEDURE.decision);
    expect(await announce.getByLabel('Ngày ký quyết định').inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await announce.getByRole('button', { name: 'Công bố' }).click();
    await announce.waitFor({ state: 'hidden' });
    await expectStatus(officer, 'Đã công bố');

    await clickAction(officer, 'Công khai');
    const publish = officer.getByRole('dialog', { name: 'Công khai thủ tục' });
    await publish.getByRole('button', { name: 'Công khai' }).click();
    await publish.waitFor({ state: 'hidden' });
    await expectStatus(officer, 'Đã công khai');
    await officer.getByRole('tab', { name: 'Công khai đúng hạn (766)' }).click();
    await officer.getByText('1.2 Công khai đúng hạn').waitFor();
    await screenshot(officer, 'catalog-07-admin-transparency-1280');
    await officer.getByRole('tab', { name: 'Lịch sử phiên bản' }).click();
    expect(await officer.getByRole('tabpanel').textContent()).toContain(NEW_PROCEDURE.decision);

    const citizen = await newPage(PHONE);
    const found = await portalSearch(citizen, journey.server.baseUrl, NEW_PROCEDURE.search);
    expect(found).toContain(NEW_PROCEDURE.name);
    await citizen.locator('.procedure-hits h3 a').filter({ hasText: NEW_PROCEDURE.name }).click();
    await citizen.getByRole('heading', { level: 1, name: NEW_PROCEDURE.name }).waitFor();
    expect(
      await citizen.getByRole('region', { name: 'Thời hạn giải quyết và phí, lệ phí' }).textContent(),
    ).toContain('5 ngày làm việc');
    expect(await citizen.getByRole('region', { name: 'Nơi nộp hồ sơ' }).textContent()).toContain(
      'Trung tâm Phục vụ hành chính công tỉnh',
    );
    await screenshot(citizen, 'catalog-08-portal-new-procedure-360');
  });

  it('(c) a workflow is edited; allotments over the legal limit are refused with the reason', async () => {
    expect(procedurePath).not.toBe('');
    const officer = await newPage(DESKTOP);
    await staffLogin(officer, journey.server.baseUrl, 'kiemsoat.tthc');
    await officer.goto(`${journey.server.baseUrl}${procedurePath}`);
    await officer.getByRole('tab', { name: 'Quy trình nội bộ' }).click();
    const diagram = officer.getByRole('img', { name: /Sơ đồ quy trình/ });
    await diagram.waitFor();
    expect(await officer.getByText(/quy trình mặc định/).count()).toBe(1);
    // 5 working days = 40 working hours; the specialist's step alone gets 100.
    const hours = officer.getByLabel('Thời gian (giờ làm việc)');
    expect(await hours.count()).toBeGreaterThanOrEqual(3);
    await hours.nth(1).fill('100');
    await officer.getByRole('button', { name: 'Kiểm tra quy trình' }).click();
    const alert = officer.getByRole('alert').filter({ hasText: 'Quy trình chưa hợp lệ' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/vượt thời hạn giải quyết 40 giờ làm việc/);
    expect(
      await officer
        .locator('.ant-form-item-explain-error')
        .filter({ hasText: /vượt thời hạn/ })
        .count(),
    ).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(officer);
    await screenshot(officer, 'catalog-09-admin-workflow-invalid-1280');

    // Saving is refused by the server too.
    await officer.getByRole('button', { name: 'Lưu quy trình' }).click();
    await alert.waitFor();

    await hours.nth(1).fill('16');
    await officer.getByRole('button', { name: 'Lưu quy trình' }).click();
    await officer.getByText('Đã lưu quy trình').first().waitFor();
    await officer
      .getByText(/Quy trình phiên bản 1/)
      .first()
      .waitFor();
    await screenshot(officer, 'catalog-10-admin-workflow-saved-1280');
  });

  it('(b) the officer amends it and publishes the amendment, then abolishes it and it leaves the public search', async () => {
    const officer = await newPage(DESKTOP);
    const reviewer = await newPage(DESKTOP);
    await staffLogin(officer, journey.server.baseUrl, 'kiemsoat.tthc');
    await staffLogin(reviewer, journey.server.baseUrl, 'kiemsoat.tuphap');
    await officer.goto(`${journey.server.baseUrl}${procedurePath}`);
    await expectStatus(officer, 'Đã công khai');

    await clickAction(officer, 'Sửa đổi, bổ sung');
    await officer.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await expectStatus(officer, 'Dự thảo');
    expect(
      await officer.locator('.ant-descriptions-item').filter({ hasText: 'Phiên bản' }).textContent(),
    ).toContain('Phiên bản 2');
    const time = officer.getByLabel('Thời hạn giải quyết').first();
    await time.fill('3');
    await officer.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await officer.getByText('Đã lưu dự thảo').first().waitFor();
    await clickAction(officer, 'Gửi kiểm soát chất lượng');
    await expectStatus(officer, 'Chờ kiểm soát chất lượng');

    await reviewer.goto(`${journey.server.baseUrl}${procedurePath}`);
    await expectStatus(reviewer, 'Chờ kiểm soát chất lượng');
    await clickAction(reviewer, 'Duyệt');
    await expectStatus(reviewer, 'Đã được duyệt');

    await officer.reload();
    await clickAction(officer, 'Công bố');
    const announce = officer.getByRole('dialog', { name: 'Công bố thủ tục hành chính' });
    await announce.getByLabel('Số quyết định công bố').fill(NEW_PROCEDURE.amendDecision);
    await announce.getByRole('button', { name: 'Công bố' }).click();
    await announce.waitFor({ state: 'hidden' });
    await clickAction(officer, 'Công khai');
    await officer
      .getByRole('dialog', { name: 'Công khai thủ tục' })
      .getByRole('button', { name: 'Công khai' })
      .click();
    await expectStatus(officer, 'Đã công khai');
    await officer.getByRole('tab', { name: 'Lịch sử phiên bản' }).click();
    expect(await officer.getByRole('tabpanel').textContent()).toContain('Đã được thay thế');
    await screenshot(officer, 'catalog-11-admin-history-after-amendment-1280');

    const citizen = await newPage(PHONE);
    await portalSearch(citizen, journey.server.baseUrl, NEW_PROCEDURE.search);
    await citizen.locator('.procedure-hits h3 a').filter({ hasText: NEW_PROCEDURE.name }).click();
    const citizenTime = citizen.getByRole('region', { name: 'Thời hạn giải quyết và phí, lệ phí' });
    await citizenTime.waitFor();
    expect(await citizenTime.textContent()).toContain('3 ngày làm việc');
    const publicUrl = citizen.url();

    await clickAction(officer, 'Bãi bỏ');
    const abolish = officer.getByRole('dialog', { name: 'Bãi bỏ thủ tục' });
    await abolish.getByLabel('Số quyết định bãi bỏ').fill(NEW_PROCEDURE.abolishDecision);
    await abolish.getByRole('button', { name: 'Bãi bỏ' }).click();
    await abolish.waitFor({ state: 'hidden' });
    await expectStatus(officer, 'Đã bãi bỏ');
    await screenshot(officer, 'catalog-12-admin-abolished-1280');

    expect(await portalSearch(citizen, journey.server.baseUrl, NEW_PROCEDURE.search)).not.toContain(
      NEW_PROCEDURE.name,
    );
    await citizen.goto(publicUrl);
    await citizen.getByRole('heading', { level: 1, name: /Không tìm thấy thủ tục này/ }).waitFor();
    await screenshot(citizen, 'catalog-13-portal-abolished-360');
  });
  it('import reports each bad record and imports nothing; the synonyms list is editable', async () => {
    const officer = await newPage(DESKTOP);
    await staffLogin(officer, journey.server.baseUrl, 'kiemsoat.tthc');
    // The export (national-catalogue JSON) is the import's input: two records, one with a negative fee.
    const exported = await officer.request.get(
      `${journey.server.baseUrl}/api/catalog/admin/exports?format=json&which=published`,
    );
    expect(exported.status()).toBe(200);
    const { records } = (await exported.json()) as { records: Record<string, unknown>[] };
    expect(records.length).toBeGreaterThan(1);
    const bad = JSON.parse(JSON.stringify(records[1])) as Record<string, unknown>;
    let poisoned = false;
    const poison = (node: unknown): void => {
      if (poisoned || node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        if (key === 'SoTien' && typeof value === 'number') {
          (node as Record<string, unknown>)[key] = -5000;
          poisoned = true;
          return;
        }
        poison(value);
      }
    };
    poison(bad);
    expect(poisoned).toBe(true);

    await officer.goto(`${journey.server.baseUrl}/admin/catalog/import`);
    await officer.getByRole('heading', { level: 1, name: 'Nhập, xuất danh mục thủ tục' }).waitFor();
    await officer.getByLabel('Tệp cần nhập (.json hoặc .xlsx)').setInputFiles({
      name: 'danh-muc.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify([records[0], bad])),
    });
    await officer.getByRole('button', { name: 'Nhập danh mục' }).click();
    const failed = officer.getByRole('alert').filter({ hasText: 'Không nhập được' });
    await failed.waitFor({ timeout: 30_000 });
    const errors = officer.locator('.ant-table-row');
    expect(await errors.count()).toBeGreaterThanOrEqual(1);
    expect(await errors.first().textContent()).toContain('Bản ghi số 2');
    expect(await errors.first().textContent()).toMatch(/SoTien/);
    expect(await officer.getByRole('status').filter({ hasText: 'đã nhập 0' }).count()).toBe(1);
    await expectNoSeriousA11yViolations(officer);
    await screenshot(officer, 'catalog-14-admin-import-errors-1280');

    await officer.goto(`${journey.server.baseUrl}/admin/catalog/synonyms`);
    await officer.getByRole('heading', { level: 1, name: 'Từ đồng nghĩa trong tìm kiếm' }).waitFor();
    await officer.getByLabel('Tìm theo tên hoặc mã').fill('sổ đỏ');
    await officer.locator('.ant-table-row').filter({ hasText: 'sổ đỏ' }).first().waitFor();
    await officer.getByLabel('Tìm theo tên hoặc mã').fill('');
    const dialog = await openDialog(officer, officer.getByRole('button', { name: 'Thêm từ' }), 'Thêm từ');
    await dialog.getByLabel('Từ người dân hay dùng').fill('giấy thử nghiệm');
    const codes = dialog.getByLabel('Mã thủ tục liên quan');
    await codes.fill('1.001193');
    await codes.press('Enter');
    await dialog.getByRole('button', { name: /Lưu/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await officer.getByLabel('Tìm theo tên hoặc mã').fill('thử nghiệm');
    await officer.locator('.ant-table-row').filter({ hasText: 'giấy thử nghiệm' }).waitFor();
    await expectNoSeriousA11yViolations(officer);
    await screenshot(officer, 'catalog-15-admin-synonyms-1280');
  });
});
