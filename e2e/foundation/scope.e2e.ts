// Issue 2, an administrator's scope: the administrator of one ward sees and reaches only that ward's
// staff, in the users page and through the API the page itself calls.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserMissingOutsideCi, screenshot } from '../support/browser.js';
import { browserJourney, staffLogin } from '../support/journey.js';

/** Staff of UBND phường An Bình (demo data). */
const AN_BINH_STAFF = ['Hoàng Văn Nam', 'Bùi Thị Hoa', 'Đặng Quốc Bảo', 'Ngô Thanh Tùng'];
/** Staff elsewhere in the province, out of the ward administrator's reach. */
const OTHER_STAFF = [
  { username: 'quantri', fullName: 'Trần Quản Trị' },
  { username: 'motcua.tinh', fullName: 'Lê Thị Mai' },
  { username: 'chuyenvien.tuphap', fullName: 'Phạm Văn Hùng' },
  { username: 'truongphong.tuphap', fullName: 'Nguyễn Thị Lan' },
  { username: 'giamdoc.tuphap', fullName: 'Đỗ Minh Quang' },
  { username: 'kiemsoat.tthc', fullName: 'Vũ Thu Hà' },
  { username: 'motcua.phulocthinh', fullName: 'Trịnh Văn Lộc' },
];
const MAI = { username: 'motcua.tinh', fullName: 'Lê Thị Mai', email: 'mai.lt@minhhoa.demo' };

interface FetchResult {
  status: number;
  body: string;
}

/** A GET from inside the page, with the page's own session cookie, as the web app makes it. */
function fetchInPage(page: Page, path: string): Promise<FetchResult> {
  // A string, not a function: e2e is compiled without the DOM library.
  return page.evaluate(
    `fetch(${JSON.stringify(path)}, { headers: { accept: 'application/json' } })
       .then(async (r) => ({ status: r.status, body: await r.text() }))`,
  ) as Promise<FetchResult>;
}

function tableRows(page: Page): Locator {
  return page.getByRole('table').getByRole('row');
}

describe.skipIf(browserMissingOutsideCi())('administrator scope (issue 2)', () => {
  const journey = browserJourney();
  const newPage = () => journey.newPage();

  it('the ward administrator sees only the ward staff, and cannot fetch another agency’s staff', async () => {
    // ── the provincial administrator finds motcua.tinh: the id, and proof that it is readable ──
    const province = await newPage();
    await staffLogin(province, journey.server.baseUrl, 'quantri');
    const found = await fetchInPage(province, `/api/identity/users?q=${MAI.username}`);
    expect(found.status).toBe(200);
    const maiId = (JSON.parse(found.body) as { users: { id: string; username: string }[] }).users.find(
      (u) => u.username === MAI.username,
    )?.id;
    expect(maiId).toBeTruthy();
    const asProvince = await fetchInPage(province, `/api/identity/users/${maiId}`);
    expect(asProvince.status).toBe(200);
    expect(asProvince.body).toContain(MAI.fullName);
    // And the provincial administrator's users page does list her.
    await province.goto(`${journey.server.baseUrl}/admin/users`);
    await tableRows(province).filter({ hasText: MAI.fullName }).waitFor();

    // ── the ward administrator ──
    const ward = await newPage();
    await staffLogin(ward, journey.server.baseUrl, 'quantri.anbinh');
    const bar = ward.getByRole('region', { name: 'Người dùng đang đăng nhập' });
    await bar.getByText('Ngô Thanh Tùng').waitFor();
    expect(await bar.textContent()).toContain('UBND phường An Bình');

    await ward.goto(`${journey.server.baseUrl}/admin/users`);
    await ward.getByRole('heading', { level: 1, name: 'Người dùng' }).waitFor();
    for (const name of AN_BINH_STAFF) await tableRows(ward).filter({ hasText: name }).waitFor();
    const listed = (await ward.getByRole('table').textContent()) ?? '';
    const cells = (await ward.getByRole('table').getByRole('cell').allTextContents()).map((c) => c.trim());
    for (const other of OTHER_STAFF) {
      expect(listed, `${other.username} must not be listed`).not.toContain(other.fullName);
      expect(cells, `${other.username} must not be listed`).not.toContain(other.username);
    }
    // Exactly the ward's four accounts, each once.
    expect(await tableRows(ward).filter({ hasText: '@minhhoa.demo' }).count()).toBe(AN_BINH_STAFF.length);
    await screenshot(ward, 'foundation-scope-01-users-ward-admin-1280');

    // Searching for her by username finds nothing either.
    const search = ward.getByRole('searchbox', { name: /Tìm cán bộ/ });
    await search.fill(MAI.username);
    await search.press('Enter');
    // antd's Vietnamese empty table says "Trống".
    await ward.getByRole('table').getByText('Trống', { exact: true }).last().waitFor();
    expect(await tableRows(ward).filter({ hasText: '@minhhoa.demo' }).count()).toBe(0);
    expect((await ward.getByRole('table').textContent()) ?? '').not.toContain(MAI.fullName);
    await screenshot(ward, 'foundation-scope-02-users-ward-admin-search-1280');

    // ── a direct call from the page with the ward administrator's session ──
    const direct = await fetchInPage(ward, `/api/identity/users/${maiId}`);
    expect(direct.status).toBe(404);
    for (const secret of [MAI.fullName, MAI.username, MAI.email, 'Trung tâm Phục vụ hành chính công']) {
      expect(direct.body, `404 body must not reveal "${secret}"`).not.toContain(secret);
    }
    // The same answer as for an id that does not exist: nothing tells the two apart.
    const missing = await fetchInPage(ward, '/api/identity/users/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    const errorCode = (body: string) => (JSON.parse(body) as { error?: { code?: string } }).error?.code;
    expect(errorCode(direct.body)).toBe(errorCode(missing.body));

    // The list endpoint, asked directly, does not include her either.
    const list = await fetchInPage(ward, `/api/identity/users?q=${MAI.username}`);
    expect(list.status).toBe(200);
    expect(list.body).not.toContain(MAI.fullName);
  });
});
