// The working calendar screen (issue 6): an administrator checks the official 2026 schedule and
// computes the canonical due date (received Friday 13/02/2026 10:00, 3 working days, over the Tết
// week 16–20/02: due 10:00 on 25/02/2026 — Thông báo 9441/TB-BNV, DOMAIN.md §8).
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserMissingOutsideCi, expectNoSeriousA11yViolations, screenshot } from './support/browser.js';
import { browserJourney, staffLogin } from './support/journey.js';

const DESKTOP = { width: 1366, height: 900 };

const day = (page: Page, date: string): Locator => page.locator(`td[data-date="${date}"]`);

describe.skipIf(browserMissingOutsideCi())('working calendar administration (issue 6)', () => {
  const journey = browserJourney();

  it('shows the official 2026 schedule and computes the canonical due date', async () => {
    const page = await journey.newPage({ viewport: DESKTOP });
    await staffLogin(page, journey.server.baseUrl, 'quantri');

    await page.goto(`${journey.server.baseUrl}/admin/calendar`);
    await page.getByRole('heading', { level: 1, name: 'Lịch làm việc' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Chức năng quản trị' })
      .getByRole('link', { name: 'Lịch làm việc' })
      .waitFor();

    await page.getByRole('combobox', { name: 'Năm' }).click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: /^2026$/ })
      .first()
      .click();
    await page.getByRole('region', { name: 'Lịch làm việc năm 2026' }).waitFor();
    expect(await page.getByTestId('schedule-source').textContent()).toBe('Lịch chính thức');
    expect(await page.getByText(/9441\/TB-BNV/).count()).toBeGreaterThan(0);

    for (const date of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-11-24']) {
      expect(await day(page, date).getAttribute('data-status'), date).toBe('off');
      expect(await day(page, date).textContent(), date).toContain('Nghỉ lễ, Tết, nghỉ bù');
    }
    expect(await day(page, '2026-02-17').getAttribute('title')).toMatch(/Tết Nguyên đán/);
    expect(await day(page, '2026-11-24').getAttribute('title')).toMatch(/Văn hóa Việt Nam/);
    for (const date of ['2026-01-10', '2026-08-22']) {
      expect(await day(page, date).getAttribute('data-status'), date).toBe('working-saturday');
      expect(await day(page, date).textContent(), date).toContain('Thứ Bảy làm việc bù');
    }
    expect(await day(page, '2026-02-13').getAttribute('data-status')).toBe('working');
    expect(await day(page, '2026-02-21').getAttribute('data-status')).toBe('weekend');

    const dueForm = page.getByRole('form', { name: 'Tính hạn xử lý' });
    await dueForm.getByLabel('Thời điểm tiếp nhận').fill('2026-02-13T10:00');
    await dueForm.getByLabel('Thời hạn').fill('3');
    await dueForm.getByRole('button', { name: 'Tính hạn' }).click();
    const result = page.getByTestId('due-result');
    await result.waitFor();
    expect(await result.textContent()).toBe('10:00 25/02/2026');

    await screenshot(page, 'calendar-admin 2026');
    await expectNoSeriousA11yViolations(page);
  });
});
