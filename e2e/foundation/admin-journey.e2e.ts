// Issue 2, the administrator's journey through the platform foundation, in a real browser against
// the real server: staff login, the agency tree, staff accounts, and the new account's first login.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserMissingOutsideCi,
  expectNoSeriousA11yViolations,
  openDialog,
  screenshot,
} from '../support/browser.js';
import { browserJourney, staffLogin } from '../support/journey.js';

const PROVINCE = 'UBND tỉnh Minh Hòa (dữ liệu mẫu)';
const COMMUNE = { code: '000.20.31.H99', name: 'UBND xã Hòa Bình Mới', validFrom: '01/07/2026' };
const NEW_USER = {
  username: 'motcua.hoabinhmoi',
  fullName: 'Phan Thị Thu Hằng',
  email: 'hang.pt@minhhoa.demo',
  password: 'HoaBinh@2026',
};

/**
 * Picks `text` in the antd Select named `name` (typing `search` first for searchable ones), the way a
 * user does: open, click the option, see the list close and the choice shown in the field. An option
 * clicked while the list is still sliding open is sometimes missed, so a missed pick is tried again.
 */
async function choose(page: Page, scope: Locator, name: RegExp, text: string, search?: string) {
  const box = scope.getByRole('combobox', { name });
  const openList = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (let attempt = 1; ; attempt++) {
    await box.click();
    if (search !== undefined) await box.fill(search);
    await openList.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
    try {
      await openList.waitFor({ state: 'hidden', timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
      await openList.waitFor({ state: 'hidden' });
    }
  }
  const field = scope
    .locator('.ant-form-item')
    .filter({ has: page.getByRole('combobox', { name }) })
    .last();
  expect(await field.textContent()).toContain(text);
}

/** The table row (of the page's data table) that shows `text`. */
function tableRow(page: Page, text: string): Locator {
  return page.getByRole('table').getByRole('row').filter({ hasText: text });
}

/** The top bar's "who is logged in" region. */
function identity(page: Page): Locator {
  return page.getByRole('region', { name: 'Người dùng đang đăng nhập' });
}

describe.skipIf(browserMissingOutsideCi())('admin journey (issue 2)', () => {
  const journey = browserJourney();
  const newPage = () => journey.newPage();

  it('refuses a wrong password with a Vietnamese message and stays on the login page', async () => {
    const page = await newPage();
    await page.goto(`${journey.server.baseUrl}/office/login`);
    await expect.poll(() => page.title()).toMatch(/Đăng nhập cán bộ/);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'foundation-admin-01-staff-login-1280');

    await page.getByLabel(/Tên đăng nhập/).fill('quantri');
    await page.getByLabel(/Mật khẩu/).fill('SaiMatKhau@1');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'không đúng' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    expect(new URL(page.url()).pathname).toBe('/office/login');
    // Nothing was opened: the staff areas still send this browser back to the login page.
    expect(await identity(page).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'foundation-admin-02-staff-login-wrong-password-1280');
  });

  it('creates a commune and a desk officer there, who can then log in', async () => {
    const page = await newPage();

    // ── log in as the provincial administrator ──
    await staffLogin(page, journey.server.baseUrl, 'quantri');
    await page.waitForURL((url) => url.pathname.startsWith('/office') && url.pathname !== '/office/login');
    await identity(page).getByText('Trần Quản Trị').waitFor();
    expect(await identity(page).textContent()).toContain(PROVINCE);
    await screenshot(page, 'foundation-admin-03-office-home-quantri-1280');

    // ── agencies: add a commune under the province ──
    await page
      .getByRole('navigation', { name: 'Khu vực làm việc' })
      .getByRole('link', { name: 'Quản trị' })
      .click();
    await page
      .getByRole('navigation', { name: 'Chức năng quản trị' })
      .getByRole('link', { name: 'Cơ quan, đơn vị' })
      .click();
    await page.waitForURL((url) => url.pathname === '/admin/agencies');
    await page.getByRole('heading', { level: 1, name: 'Cơ quan, đơn vị' }).waitFor();
    await tableRow(page, PROVINCE).waitFor();
    // Not there before we add it.
    expect(await tableRow(page, COMMUNE.name).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'foundation-admin-04-agencies-before-1280');

    const dialog = await openDialog(page, page.getByRole('button', { name: 'Thêm đơn vị' }), 'Thêm đơn vị');
    await dialog.getByLabel(/Mã định danh/).fill(COMMUNE.code);
    await dialog.getByLabel(/Tên đơn vị$/).fill(COMMUNE.name);
    await choose(page, dialog, /Loại đơn vị/, 'UBND cấp xã');
    await choose(page, dialog, /Đơn vị cấp trên/, `${PROVINCE} (000.00.00.H99)`, 'Minh Hoa');
    const validFrom = dialog.getByLabel(/Hiệu lực từ ngày/);
    await validFrom.click();
    await validFrom.press('ControlOrMeta+a');
    await validFrom.fill(COMMUNE.validFrom);
    // Tab, not Enter: Enter in a field submits the whole form.
    await validFrom.press('Tab');
    expect(await validFrom.inputValue()).toBe(COMMUNE.validFrom);
    await screenshot(page, 'foundation-admin-05-agency-create-dialog-1280');
    await dialog.getByRole('button', { name: /Lưu/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    const communeRow = tableRow(page, COMMUNE.name);
    await communeRow.waitFor();
    const rowText = (await communeRow.textContent()) ?? '';
    expect(rowText).toContain(COMMUNE.code);
    expect(rowText).toContain('UBND cấp xã');
    expect(rowText).toContain(`Từ ${COMMUNE.validFrom}`);
    expect(rowText).toContain('Đang hoạt động');
    // Where it sits in the tree: the detail drawer names the province as its parent.
    await communeRow.getByRole('button', { name: `Chi tiết: ${COMMUNE.name}` }).click();
    const drawer = page.getByRole('dialog', { name: 'Thông tin đơn vị' });
    await drawer.getByText(COMMUNE.code).waitFor();
    const parentCell = drawer.getByRole('row').filter({ hasText: 'Đơn vị cấp trên' });
    expect(await parentCell.textContent()).toContain(PROVINCE);
    await screenshot(page, 'foundation-admin-06-agency-created-detail-1280');
    await drawer.getByRole('button', { name: /Close|Đóng/ }).click();
    await drawer.waitFor({ state: 'hidden' });
    await screenshot(page, 'foundation-admin-07-agencies-after-1280');

    // ── users: a desk officer at the new commune ──
    await page
      .getByRole('navigation', { name: 'Chức năng quản trị' })
      .getByRole('link', { name: 'Người dùng' })
      .click();
    await page.waitForURL((url) => url.pathname === '/admin/users');
    await tableRow(page, 'Trần Quản Trị').waitFor();
    expect(await tableRow(page, NEW_USER.fullName).count()).toBe(0);

    const userDialog = await openDialog(
      page,
      page.getByRole('button', { name: 'Thêm cán bộ' }),
      'Thêm cán bộ',
    );
    await userDialog.getByLabel(/Tên đăng nhập/).fill(NEW_USER.username);
    await userDialog.getByLabel(/Họ và tên/).fill(NEW_USER.fullName);
    await userDialog.getByLabel(/Email/).fill(NEW_USER.email);
    await userDialog.getByLabel(/Mật khẩu/).fill(NEW_USER.password);
    await choose(page, userDialog, /Vai trò 1: Vai trò/, 'Cán bộ một cửa');
    await choose(
      page,
      userDialog,
      /Vai trò 1: Tại đơn vị/,
      `${COMMUNE.name} (${COMMUNE.code})`,
      'Hoa Binh Moi',
    );
    expect(await userDialog.textContent()).toContain(`${COMMUNE.name} (${COMMUNE.code})`);
    await screenshot(page, 'foundation-admin-08-user-create-dialog-1280');
    await userDialog.getByRole('button', { name: /Lưu/ }).click();
    await userDialog.waitFor({ state: 'hidden' });

    const userRow = tableRow(page, NEW_USER.fullName);
    await userRow.waitFor();
    const userText = (await userRow.textContent()) ?? '';
    expect(userText).toContain(NEW_USER.username);
    expect(userText).toContain(NEW_USER.email);
    expect(userText).toContain(`Cán bộ một cửa — ${COMMUNE.name}`);
    expect(userText).toContain('Đang hoạt động');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'foundation-admin-09-users-after-1280');

    // ── log out ──
    await identity(page).getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL((url) => url.pathname === '/office/login');
    await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
    // The session is gone, not just the page: the admin area sends us back to the login.
    await page.goto(`${journey.server.baseUrl}/admin/users`);
    await page
      .waitForURL((url) => url.pathname === '/office/login')
      .catch(async (error: unknown) => {
        const shown = String(await page.evaluate('document.body.innerText')).slice(0, 500);
        throw new Error(`After logout, ${page.url()} did not ask to log in. The page shows: ${shown}`, {
          cause: error,
        });
      });

    // ── the new officer logs in and sees their name and commune ──
    await staffLogin(page, journey.server.baseUrl, NEW_USER.username, NEW_USER.password);
    await page.waitForURL((url) => url.pathname.startsWith('/office') && url.pathname !== '/office/login');
    await identity(page).getByText(NEW_USER.fullName).waitFor();
    const bar = (await identity(page).textContent()) ?? '';
    expect(bar).toContain(COMMUNE.name);
    expect(bar).not.toContain('Trần Quản Trị');
    // A desk officer holds no administration rights: no "Quản trị" area in the top bar.
    expect(
      await page
        .getByRole('navigation', { name: 'Khu vực làm việc' })
        .getByRole('link', { name: 'Quản trị' })
        .count(),
    ).toBe(0);
    await screenshot(page, 'foundation-admin-10-office-home-new-officer-1280');
  });
});
