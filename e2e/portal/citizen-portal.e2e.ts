// Issue 4, the citizens' portal in a real browser against the real server: a citizen logs in through
// VNeID (the local OIDC provider), finds a procedure typed without diacritics, fills the wizard with real
// uploaded files (wrong type, too large and mislabelled files refused next to the component), leaves on
// the phone and resumes the draft on a computer, submits through a lost connection without a duplicate;
// officers (through the API) request a supplement, which the citizen answers; the result is issued and
// returned online, downloaded and rated; an anonymous visitor tracks the dossier by code and sees no
// personal data. Every page is checked with axe-core and photographed at 360 and 1280 px.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserMissingOutsideCi, expectNoSeriousA11yViolations, screenshot } from '../support/browser.js';
import { browserJourney } from '../support/journey.js';
import { jpegBytes, pdfBytes, pngBytes, StaffApi } from './staff-api.js';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const VNEID = { username: '001099012345', password: 'MotCua@2026', name: 'Nguyễn Văn An' };
const PERSONAL = ['Nguyễn Văn An', '001099012345', '0987654321', 'an.nguyen@minhhoa.demo', 'Trần Phú'];
const PROCEDURE = 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân';
const DECLARATION = 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu hoặc mẫu điện tử tương tác';
const IDENTITY = 'Giấy tờ tùy thân';
const ADDRESS = 'Số 12 đường Trần Phú, phường An Bình';

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  expect(width, `${page.url()} is ${width} px wide at 360 px`).toBeLessThanOrEqual(PHONE.width);
}

/** axe-core on the page as it is, then screenshots at 360 px (no sideways scrolling) and at 1280 px. */
async function checkPage(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? DESKTOP;
  await expectNoSeriousA11yViolations(page);
  await page.setViewportSize(PHONE);
  await expectNoHorizontalScroll(page);
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, `portal-${name}-360`);
  await page.setViewportSize(DESKTOP);
  await screenshot(page, `portal-${name}-1280`);
  await page.setViewportSize(size);
}

function component(page: Page, name: string): Locator {
  return page.locator('fieldset.component-upload').filter({ has: page.locator('legend', { hasText: name }) });
}

async function vneidLogin(page: Page, issuer: string): Promise<void> {
  await page.getByRole('link', { name: /Đăng nhập bằng VNeID/ }).click();
  await page.waitForURL((url) => url.toString().startsWith(issuer));
  await page.getByLabel('Tên đăng nhập').fill(VNEID.username);
  await page.getByLabel('Mật khẩu').fill(VNEID.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.toString().startsWith(issuer));
}

describe.skipIf(browserMissingOutsideCi())('citizens’ portal (issue 4)', () => {
  const journey = browserJourney();
  let phone: BrowserContext;
  let computer: Page;
  let code = '';
  let dossierId = '';
  let firstAppointment = '';

  it('(a) on a phone: finds the procedure without diacritics, logs in through VNeID, fills the wizard with real files; the draft saves itself', async () => {
    const base = journey.server.baseUrl;
    const page = await journey.newPage({ viewport: PHONE, hasTouch: true });
    phone = page.context();

    await page.goto(`${base}/`);
    await page.getByRole('heading', { level: 1, name: 'Dịch vụ công trực tuyến' }).waitFor();
    await checkPage(page, '01-home');

    const box = page.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' });
    await box.fill('xac nhan tinh trang hon nhan');
    await box.press('Enter');
    const hit = page.locator('.procedure-hits h3 a').filter({ hasText: PROCEDURE }).first();
    await hit.waitFor();
    await checkPage(page, '02-search');
    await hit.click();
    await page.getByRole('heading', { level: 1, name: PROCEDURE }).waitFor();
    await checkPage(page, '03-procedure');

    // Not logged in: the wizard sends the citizen to log in, and back.
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).first().click();
    await page.waitForURL((url) => url.pathname === '/portal/login');
    await vneidLogin(page, journey.server.oidcIssuer);
    await page.waitForURL((url) => url.pathname.startsWith('/portal/submit/'));
    await page.getByRole('heading', { level: 2, name: 'Người nộp' }).waitFor();

    // ── step 1: prefilled from the account ──
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe(VNEID.name);
    expect(await page.getByLabel('Số định danh cá nhân (CCCD)').inputValue()).toBe(VNEID.username);
    expect(await page.getByLabel('Số điện thoại').inputValue()).toBe('0987654321');
    await page.getByLabel('Họ và tên').fill('');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByText('Nhập họ và tên người nộp').waitFor();
    await page.getByText('Chọn nơi nộp hồ sơ', { exact: true }).waitFor();
    await checkPage(page, '04-wizard-applicant-errors');
    await page.getByLabel('Họ và tên').fill(VNEID.name);
    const agency = page.getByLabel('Nơi nộp hồ sơ');
    const anBinh = (await agency.locator('option', { hasText: 'An Bình' }).first().textContent()) ?? '';
    await agency.selectOption({ label: anBinh });
    await page.getByLabel('Địa chỉ', { exact: true }).fill(ADDRESS);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // ── step 2: components ──
    await page.getByRole('heading', { level: 2, name: 'Giấy tờ cần tải lên' }).waitFor();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    const declaration = component(page, DECLARATION);
    await declaration.getByText('Giấy tờ bắt buộc: cần tải lên ít nhất một tệp').waitFor();

    const choose = declaration.getByLabel(/^Chọn tệp cho:/);
    await choose.setInputFiles({
      name: 'ghi-chu.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('ghi chú'),
    });
    await declaration.getByText('“ghi-chu.txt” không phải tệp PDF, JPG hoặc PNG').waitFor();
    await choose.setInputFiles({
      name: 'ban-scan-lon.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([pdfBytes('lon'), Buffer.alloc(11 * 1024 * 1024, 0x20)]),
    });
    await declaration.getByText(/“ban-scan-lon\.pdf” nặng 11 MB, vượt quá 10 MB/).waitFor();
    // A PNG named .pdf passes the browser's check; the server reads the content and refuses it.
    await choose.setInputFiles({ name: 'to-khai-gia.pdf', mimeType: 'application/pdf', buffer: pngBytes });
    await declaration.getByText(/Tải lên không thành công/).waitFor();
    await checkPage(page, '05-wizard-file-errors');
    await declaration.getByRole('button', { name: 'Bỏ tệp to-khai-gia.pdf' }).click();

    // Several files for one component, and a photo from the phone's camera for another.
    await choose.setInputFiles([
      { name: 'to-khai-trang-1.pdf', mimeType: 'application/pdf', buffer: pdfBytes('trang 1') },
      { name: 'to-khai-trang-2.pdf', mimeType: 'application/pdf', buffer: pdfBytes('trang 2') },
    ]);
    await expect.poll(() => declaration.getByText('Đã tải lên').count(), { timeout: 20_000 }).toBe(2);
    const identity = component(page, IDENTITY);
    await identity.getByLabel(/^Chụp ảnh cho:/).setInputFiles({
      name: 'can-cuoc.jpg',
      mimeType: 'image/jpeg',
      buffer: jpegBytes,
    });
    await identity.getByText('Đã tải lên').waitFor({ timeout: 20_000 });
    expect(await identity.getByLabel(/^Chụp ảnh cho:/).getAttribute('capture')).toBe('environment');
    await checkPage(page, '06-wizard-components');

    // A dropped connection: what was typed stays, and is saved when the network returns.
    await phone.setOffline(true);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('heading', { level: 2, name: 'Bạn muốn nhận kết quả bằng cách nào?' }).waitFor();
    await page.getByText(/Chưa lưu được lên máy chủ \(mất kết nối\)/).waitFor({ timeout: 15_000 });
    await page.getByLabel(/Nhận qua dịch vụ bưu chính/).check();
    expect(await page.getByLabel('Địa chỉ nhận kết quả').inputValue()).toBe(ADDRESS);
    await phone.setOffline(false);
    await page.getByText(/Đã lưu bản nháp lúc/).waitFor({ timeout: 30_000 });
    await checkPage(page, '07-wizard-delivery');
    await phone.close();
  });

  it('(b) on a computer: resumes the draft, submits through a lost connection, and no duplicate is made', async () => {
    const base = journey.server.baseUrl;
    computer = await journey.newPage({ viewport: DESKTOP });
    await computer.goto(`${base}/portal/dossiers`);
    await computer.waitForURL((url) => url.pathname === '/portal/login');
    await vneidLogin(computer, journey.server.oidcIssuer);
    await computer.waitForURL((url) => url.pathname === '/portal/dossiers');
    await computer.getByRole('heading', { name: 'Hồ sơ đang soạn' }).waitFor();
    await computer.getByText('Bạn chưa nộp hồ sơ nào.').waitFor();
    await checkPage(computer, '08-my-dossiers-draft');
    await computer.getByRole('link', { name: `Tiếp tục soạn: ${PROCEDURE}` }).click();

    await computer.getByText(/Đã mở lại bản nháp bạn lưu lúc/).waitFor();
    await computer.getByRole('heading', { level: 2, name: 'Bạn muốn nhận kết quả bằng cách nào?' }).waitFor();
    expect(await computer.getByLabel(/Nhận qua dịch vụ bưu chính/).isChecked()).toBe(true);
    await computer.getByRole('button', { name: 'Tiếp tục' }).click();
    await computer.getByRole('heading', { level: 2, name: 'Xem lại hồ sơ trước khi nộp' }).waitFor();
    const review = computer.locator('.wizard-step');
    for (const text of ['to-khai-trang-1.pdf', 'to-khai-trang-2.pdf', 'can-cuoc.jpg', ADDRESS, VNEID.name])
      await review.getByText(text).first().waitFor();

    await computer.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await computer.getByText('Đánh dấu ô cam đoan để nộp hồ sơ').waitFor();
    await checkPage(computer, '09-wizard-review');
    await computer.getByLabel(/Tôi cam đoan/).check();

    // The submission reaches the server but its answer is lost on the way back; the wizard sends it
    // again by itself (held here until the notice has been checked), with the same Idempotency-Key.
    let posts = 0;
    const keys: string[] = [];
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await computer.route('**/api/portal/dossiers', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      posts++;
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (posts === 1) {
        await route.fetch();
        return route.abort('connectionreset');
      }
      await released;
      return route.continue();
    });
    await computer.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await computer.getByText(/Mất kết nối khi đang nộp hồ sơ/).waitFor();
    await expect.poll(() => posts, { timeout: 15_000 }).toBe(2);
    await screenshot(computer, 'portal-10-wizard-submit-retrying-1280');
    release();
    await computer.waitForURL((url) => /^\/portal\/dossiers\/[0-9a-f-]{36}$/.test(url.pathname));
    const notice = computer.getByText(/Đã nộp hồ sơ thành công/);
    await notice.waitFor();
    code = /Mã hồ sơ của bạn là (\S+)\./.exec((await notice.textContent()) ?? '')?.[1] ?? '';
    expect(code).toMatch(/^000\.20\.01\.H99-\d{6}-\d{4}$/);
    dossierId = new URL(computer.url()).pathname.split('/').pop()!;
    expect(posts).toBe(2);
    expect(keys[0]).toMatch(/^[\w.:-]{8,128}$/);
    expect(keys[1]).toBe(keys[0]);
    await computer.unroute('**/api/portal/dossiers');
    await computer.getByText('Mới đăng ký, chờ tiếp nhận').first().waitFor();
    await computer.getByText('Bạn đã nộp hồ sơ trực tuyến.').waitFor();
    await computer.getByText(/Bộ phận Một cửa sẽ kiểm tra hồ sơ của bạn/).waitFor();
    await checkPage(computer, '11-dossier-submitted');

    // One dossier, not two; the draft is gone.
    await computer.getByRole('link', { name: 'Hồ sơ của tôi' }).first().click();
    await computer.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
    await expect.poll(() => computer.locator('.dossier-card').count(), { timeout: 15_000 }).toBe(1);
    await computer.getByRole('heading', { name: 'Hồ sơ đang soạn' }).waitFor({ state: 'detached' });
    await computer.locator('.dossier-card').getByText(code).waitFor();
  });

  it('(c) answers the supplement the officer requests, and the appointment restarts', async () => {
    const base = journey.server.baseUrl;
    const desk = await StaffApi.login(base, 'motcua.anbinh');
    const specialist = await StaffApi.login(base, 'congchuc.anbinh');
    expect(await desk.dossierIdByCode(code)).toBe(dossierId);
    await desk.command(dossierId, { type: 'accept' });
    await desk.command(dossierId, { type: 'forward', toUserId: null });
    firstAppointment = (await desk.get(`/api/dossiers/${dossierId}`)).summary.appointmentAt;
    await specialist.command(dossierId, {
      type: 'requestSupplement',
      items: [{ name: DECLARATION, reason: 'Tờ khai chưa có chữ ký của người yêu cầu' }],
      guidance: 'Tải lên tờ khai đã ký',
    });

    await computer.goto(`${base}/portal/dossiers/${dossierId}`);
    const request = computer.locator('.supplement-card');
    await request.getByText('Tờ khai chưa có chữ ký của người yêu cầu').waitFor();
    await request.getByText('Tải lên tờ khai đã ký').waitFor();
    await computer.getByText('Tạm dừng, chờ bổ sung').waitFor();
    await computer
      .getByRole('link', { name: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01, PDF)' })
      .waitFor();
    const receipt = await computer.request.get(`${base}/api/dossiers/${dossierId}/forms/receipt`);
    expect(receipt.status()).toBe(200);
    expect(receipt.headers()['content-type']).toBe('application/pdf');
    await checkPage(computer, '12-dossier-supplement-requested');

    await request.getByRole('link', { name: 'Bổ sung hồ sơ' }).click();
    await computer.getByRole('heading', { level: 1, name: 'Bổ sung hồ sơ' }).waitFor();
    await computer.getByRole('button', { name: 'Gửi giấy tờ bổ sung' }).click();
    await component(computer, DECLARATION)
      .getByText('Tải lên ít nhất một tệp cho giấy tờ cần bổ sung')
      .waitFor();
    await component(computer, DECLARATION)
      .getByLabel(/^Chọn tệp cho:/)
      .setInputFiles({ name: 'to-khai-da-ky.pdf', mimeType: 'application/pdf', buffer: pdfBytes('da ky') });
    await component(computer, DECLARATION).getByText('Đã tải lên').waitFor({ timeout: 20_000 });
    await checkPage(computer, '13-supplement');
    await computer.getByRole('button', { name: 'Gửi giấy tờ bổ sung' }).click();

    await computer.waitForURL((url) => url.searchParams.get('supplemented') === '1');
    await computer
      .getByText('Đã gửi giấy tờ bổ sung. Hồ sơ đã được chuyển lại cho cơ quan giải quyết.')
      .waitFor();
    await computer.getByText('Đang giải quyết').first().waitFor();
    const after = await desk.get(`/api/dossiers/${dossierId}`);
    const received = after.events.find((e: { type: string }) => e.type === 'SupplementReceived');
    // Decree 61 Art. 19: the full processing time restarts from the supplement (the same date only when
    // both fall before the same working morning; the server tests count it across holidays).
    expect(after.summary.appointmentAt).toBe(new Date(received.appointmentAt).toISOString());
    expect(after.summary.appointmentAt >= firstAppointment).toBe(true);
    const shown = await computer.locator('.dossier-page .details-list dd').nth(2).textContent();
    const due = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(new Date(after.summary.appointmentAt));
    expect(shown).toContain(due);
    await computer.getByText(/Đã nhận giấy tờ bổ sung; thời hạn giải quyết tính lại/).waitFor();
    expect(after.state.components.find((c: { name: string }) => c.name === DECLARATION).fileIds).toHaveLength(
      1,
    );
  });

  it('(d) downloads the result returned online and rates the handling once', async () => {
    const base = journey.server.baseUrl;
    const desk = await StaffApi.login(base, 'motcua.anbinh');
    const specialist = await StaffApi.login(base, 'congchuc.anbinh');
    const head = await StaffApi.login(base, 'chutich.anbinh');
    await specialist.command(dossierId, { type: 'propose', outcome: 'grant', summary: 'Đủ điều kiện cấp' });
    await specialist.command(dossierId, { type: 'forward', toUserId: null });
    await head.command(dossierId, { type: 'approve' });
    await head.command(dossierId, { type: 'forward', toUserId: null });
    const result = pdfBytes('giay xac nhan tinh trang hon nhan');
    const fileId = await head.upload('giay-xac-nhan.pdf', 'application/pdf', result);
    await head.command(dossierId, {
      type: 'issueResult',
      documents: [
        { name: 'Giấy xác nhận tình trạng hôn nhân', fileId, electronic: true, number: '15/XNTTHN' },
      ],
    });
    await desk.command(dossierId, { type: 'returnResult', method: 'online' });

    await computer.goto(`${base}/portal/dossiers/${dossierId}`);
    const download = computer.getByRole('link', { name: 'Tải về Giấy xác nhận tình trạng hôn nhân' });
    await download.waitFor();
    await computer.getByText(/Đã trả kết quả trực tuyến lúc/).waitFor();
    const file = await computer.request.get(`${base}${await download.getAttribute('href')}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await file.body()).equals(result)).toBe(true);

    const rating = computer.locator('.rating-card');
    await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => rating.getByText('Chọn một mức').count(), { timeout: 15_000 }).toBe(4);
    await checkPage(computer, '14-dossier-result-rating');
    await rating.getByRole('radio', { name: 'Sớm hơn ngày hẹn', exact: true }).check();
    await rating.getByRole('radio', { name: 'Một lần', exact: true }).check();
    await rating.getByRole('radio', { name: 'Không phải đến cơ quan nào', exact: true }).check();
    await rating.getByRole('radio', { name: 'Tận tình, chu đáo', exact: true }).check();
    await rating.getByLabel('Ý kiến khác (không bắt buộc)').fill('Được hướng dẫn bổ sung rõ ràng.');
    await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await computer.getByText('Cảm ơn bạn đã đánh giá.').waitFor();

    await computer.reload();
    await computer.getByRole('heading', { name: 'Đánh giá của bạn' }).waitFor();
    expect(await computer.getByRole('button', { name: 'Gửi đánh giá' }).count()).toBe(0);
    const stored = await desk.get(`/api/portal/dossiers/${dossierId}/rating`);
    expect(stored.rating).toMatchObject({
      time: 2,
      contacts: 1,
      agencies: 2,
      attitude: 2,
      comment: 'Được hướng dẫn bổ sung rõ ràng.',
    });
    await checkPage(computer, '15-dossier-rated');
  });

  it('(e) sees the postal tracking number of a result sent by post, and the notifications inbox', async () => {
    const base = journey.server.baseUrl;
    const session = (await (await computer.request.get(`${base}/api/session`)).json()) as {
      csrfToken: string;
    };
    const anBinh = (await (await computer.request.get(`${base}/api/dossiers/${dossierId}`)).json()).summary
      .receivingAgencyId;
    const created = await computer.request.post(`${base}/api/portal/dossiers`, {
      headers: { 'x-csrf-token': session.csrfToken, 'idempotency-key': 'e2e-postal-return-0001' },
      data: {
        procedure: '1.004873',
        agencyId: anBinh,
        components: [{ name: DECLARATION, originals: 1, copies: 0 }],
        summary: `Nhận kết quả qua dịch vụ bưu chính tại: ${ADDRESS}.`,
      },
    });
    expect(created.status()).toBe(201);
    const postal = (await created.json()).summary.id as string;
    const desk = await StaffApi.login(base, 'motcua.anbinh');
    const specialist = await StaffApi.login(base, 'congchuc.anbinh');
    const head = await StaffApi.login(base, 'chutich.anbinh');
    await desk.command(postal, { type: 'accept' });
    await desk.command(postal, { type: 'forward', toUserId: null });
    await specialist.command(postal, { type: 'propose', outcome: 'grant', summary: 'Đủ điều kiện' });
    await specialist.command(postal, { type: 'forward', toUserId: null });
    await head.command(postal, { type: 'approve' });
    await head.command(postal, { type: 'forward', toUserId: null });
    await head.command(postal, {
      type: 'issueResult',
      documents: [{ name: 'Giấy xác nhận tình trạng hôn nhân', electronic: false }],
    });
    await desk.command(postal, { type: 'returnResult', method: 'postal', trackingNumber: 'EL123456789VN' });

    await computer.goto(`${base}/portal/dossiers/${postal}`);
    await computer.getByText(/Đã gửi kết quả qua bưu chính lúc/).waitFor();
    expect(await computer.locator('.tracking-number').textContent()).toBe('EL123456789VN');
    await computer.getByText('Đã gửi kết quả qua bưu chính, mã vận đơn EL123456789VN.').waitFor();
    await checkPage(computer, '16-dossier-postal');

    await computer.goto(`${base}/portal/dossiers`);
    await expect.poll(() => computer.locator('.dossier-card').count(), { timeout: 15_000 }).toBe(2);
    await checkPage(computer, '17-my-dossiers');

    await computer.getByRole('link', { name: /^Thông báo/ }).click();
    await computer.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
    await computer
      .getByText(/thông báo chưa đọc|Không có thông báo chưa đọc/)
      .first()
      .waitFor();
    await checkPage(computer, '18-notifications');
  });

  it('(f) an anonymous visitor tracks the dossier by code and sees no personal data', async () => {
    const base = journey.server.baseUrl;
    const page = await journey.newPage({ viewport: PHONE });
    await page.goto(`${base}/`);
    const box = page.getByRole('textbox', { name: 'Mã hồ sơ' });
    await box.fill('abc-123');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page
      .getByText(/Mã hồ sơ chưa đúng dạng/)
      .first()
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    await box.fill('000.20.01.H99-200101-0001');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.waitForURL((url) => url.pathname === '/tra-cuu/000.20.01.H99-200101-0001');
    await page
      .getByText(/Không tìm thấy hồ sơ có mã 000\.20\.01\.H99-200101-0001/)
      .first()
      .waitFor();
    await checkPage(page, '19-tracking-not-found');

    // The receipt's QR code opens this address.
    await page.goto(`${base}/tra-cuu/${encodeURIComponent(code)}`);
    await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    await page.getByText(PROCEDURE).waitFor();
    await page.getByText('Đã trả kết quả', { exact: true }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    for (const personal of PERSONAL) expect(text).not.toContain(personal);
    await checkPage(page, '20-tracking-public');

    await page.goto(`${base}/portal/register`);
    await page.getByRole('heading', { level: 1, name: 'Đăng ký tài khoản' }).waitFor();
    await checkPage(page, '23-register');
    await page.goto(`${base}/portal/khong-co-trang-nay`);
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor();
    await checkPage(page, '24-not-found');

    // The citizen's own pages are not reachable without logging in.
    await page.goto(`${base}/portal/dossiers/${dossierId}`);
    await page.waitForURL((url) => url.pathname === '/portal/login');
  });

  it('(g) withdraws a dossier no longer needed, giving a reason', async () => {
    const base = journey.server.baseUrl;
    const session = (await (await computer.request.get(`${base}/api/session`)).json()) as {
      csrfToken: string;
    };
    const anBinh = (await (await computer.request.get(`${base}/api/dossiers/${dossierId}`)).json()).summary
      .receivingAgencyId;
    const created = await computer.request.post(`${base}/api/portal/dossiers`, {
      headers: { 'x-csrf-token': session.csrfToken, 'idempotency-key': 'e2e-withdrawal-0001' },
      data: {
        procedure: '1.004873',
        agencyId: anBinh,
        components: [{ name: DECLARATION, originals: 1, copies: 0 }],
      },
    });
    expect(created.status()).toBe(201);
    const id = (await created.json()).summary.id as string;

    await computer.goto(`${base}/portal/dossiers/${id}`);
    await computer.getByText('Rút hồ sơ', { exact: true }).first().click();
    const form = computer.getByRole('form', { name: 'Rút hồ sơ' });
    await form.getByRole('button', { name: 'Rút hồ sơ' }).click();
    await form.getByText('Nhập lý do rút hồ sơ').waitFor();
    await checkPage(computer, '21-dossier-withdraw');
    await form.getByLabel('Lý do rút hồ sơ').fill('Đã nộp nhầm thủ tục');
    await form.getByRole('button', { name: 'Rút hồ sơ' }).click();
    await computer.getByText('Công dân rút hồ sơ').first().waitFor();
    await computer.getByText('Lý do: Đã nộp nhầm thủ tục').waitFor();
    expect(await computer.getByRole('form', { name: 'Rút hồ sơ' }).count()).toBe(0);
  });

  it('(h) a draft edited on two devices at once is never overwritten silently', async () => {
    const base = journey.server.baseUrl;
    const marriage = (await (
      await computer.request.get(`${base}/api/catalog/procedures/1.000894`)
    ).json()) as {
      procedureId: string;
    };
    const wizard = `${base}/portal/submit/${marriage.procedureId}`; // Đăng ký kết hôn
    await computer.goto(wizard);
    const agency = computer.getByLabel('Nơi nộp hồ sơ');
    await agency.selectOption({
      label: (await agency.locator('option', { hasText: 'An Bình' }).first().textContent()) ?? '',
    });
    await computer.getByText(/Đã lưu bản nháp lúc/).waitFor({ timeout: 15_000 });

    const other = await journey.newPage({ viewport: PHONE });
    await other.goto(wizard);
    await other.waitForURL((url) => url.pathname === '/portal/login');
    await vneidLogin(other, journey.server.oidcIssuer);
    await other.getByText(/Đã mở lại bản nháp bạn lưu lúc/).waitFor();

    await computer.getByLabel('Địa chỉ', { exact: true }).fill('Số 1 đường Lê Lợi');
    // The computer's copy is on the server before the phone, still holding the older one, saves.
    const draftUrl = `${base}/api/portal/drafts/${marriage.procedureId}/${await agency.inputValue()}`;
    await expect
      .poll(
        async () =>
          (
            (await (await computer.request.get(draftUrl)).json()) as {
              content?: { applicant: { address: string } };
            }
          ).content?.applicant.address,
        { timeout: 15_000 },
      )
      .toBe('Số 1 đường Lê Lợi');
    await other.getByLabel('Địa chỉ', { exact: true }).fill('Số 2 đường Hùng Vương');
    await other.getByText('Bản nháp này vừa được sửa trên một thiết bị khác.').waitFor({ timeout: 15_000 });
    await checkPage(other, '22-wizard-draft-conflict');
    await other.getByRole('button', { name: 'Dùng bản trên thiết bị khác' }).click();
    expect(await other.getByLabel('Địa chỉ', { exact: true }).inputValue()).toBe('Số 1 đường Lê Lợi');
    expect(await other.getByText('Bản nháp này vừa được sửa trên một thiết bị khác.').count()).toBe(0);
  });
});
