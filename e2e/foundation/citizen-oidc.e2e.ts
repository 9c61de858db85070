// Issue 2, a citizen's VNeID login on a phone: the portal sends them to the identity provider (here
// the local stand-in the server embeds), and back to their account; logout ends the session.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserMissingOutsideCi, expectNoSeriousA11yViolations, screenshot } from '../support/browser.js';
import { browserJourney } from '../support/journey.js';

const MOBILE = { width: 360, height: 740 };
const VNEID = { username: '001099012345', password: 'MotCua@2026', name: 'Nguyễn Văn An' };

/** The page is usable at 360 px: nothing forces the reader to scroll sideways. */
async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  expect(width, `${page.url()} is ${width} px wide at a ${MOBILE.width} px viewport`).toBeLessThanOrEqual(
    MOBILE.width,
  );
}

describe.skipIf(browserMissingOutsideCi())('citizen VNeID login on a phone (issue 2)', () => {
  const journey = browserJourney();

  it('logs in through VNeID (wrong password first), shows the account, and logs out', async () => {
    const page = await journey.newPage({
      viewport: MOBILE,
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const accountNav = page.getByRole('navigation', { name: 'Tài khoản' });

    // ── portal home ──
    await page.goto(`${journey.server.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Dịch vụ công trực tuyến' }).waitFor();
    await accountNav.getByRole('link', { name: 'Đăng nhập' }).waitFor();
    await expectNoHorizontalScroll(page);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'foundation-citizen-01-portal-home-360');

    // ── login page ──
    await accountNav.getByRole('link', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => url.pathname === '/portal/login');
    const vneid = page.getByRole('link', { name: /Đăng nhập bằng VNeID/ });
    await vneid.waitFor();
    await expectNoHorizontalScroll(page);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'foundation-citizen-02-portal-login-360');

    // ── the identity provider ──
    await vneid.click();
    await page.waitForURL((url) => url.toString().startsWith(journey.server.oidcIssuer));
    await page.getByRole('heading', { name: /định danh điện tử/ }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'foundation-citizen-03-vneid-login-360');

    await page.getByLabel('Tên đăng nhập').fill(VNEID.username);
    await page.getByLabel('Mật khẩu').fill('SaiMatKhau@1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const error = page.getByRole('alert');
    await error.waitFor();
    expect(await error.textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    expect(page.url().startsWith(journey.server.oidcIssuer)).toBe(true);
    // The username typed is kept; only the password must be typed again.
    expect(await page.getByLabel('Tên đăng nhập').inputValue()).toBe(VNEID.username);
    await screenshot(page, 'foundation-citizen-04-vneid-wrong-password-360');

    await page.getByLabel('Mật khẩu').fill(VNEID.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    // ── back at the portal, logged in ──
    await page.waitForURL((url) => url.toString() === `${journey.server.baseUrl}/portal/account`);
    await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
    const details = page.getByRole('main');
    await details.getByText(VNEID.name, { exact: true }).waitFor();
    expect(await details.textContent()).toContain('Định danh điện tử (VNeID)');
    await accountNav.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    expect(await accountNav.getByRole('link', { name: 'Đăng nhập' }).count()).toBe(0);
    await expectNoHorizontalScroll(page);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'foundation-citizen-05-portal-account-360');

    // ── log out ──
    await accountNav.getByRole('button', { name: 'Đăng xuất' }).click();
    await accountNav.getByRole('link', { name: 'Đăng nhập' }).waitFor();
    expect(await page.getByText(VNEID.name).count()).toBe(0);

    // The account page now asks to log in, even when opened directly.
    await page.goto(`${journey.server.baseUrl}/portal/account`);
    await page.waitForURL((url) => url.pathname === '/portal/login');
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await page.getByRole('link', { name: /Đăng nhập bằng VNeID/ }).waitFor();
    expect(await page.getByText(VNEID.name).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'foundation-citizen-06-account-after-logout-360');
  });
});
