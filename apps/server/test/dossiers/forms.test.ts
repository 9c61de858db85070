// The one-stop forms of Circular 01/2018/TT-VPCP (Forms 01–06) rendered from realistic data and read
// back with poppler: the Vietnamese texts a citizen or an inspector would read, the paper size the
// circular prescribes (A5 for Forms 01–05, A4 for the book), the embedded Tinos font, the QR code,
// pagination of long lists, and the tracking book's Excel twin read back with exceljs.
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderApologyForm } from '../../src/modules/dossiers/forms/apology-form';
import { renderControlSheetForm } from '../../src/modules/dossiers/forms/control-sheet-form';
import type { ReceiptDocument } from '../../src/modules/dossiers/forms/form-data';
import { renderReceiptForm } from '../../src/modules/dossiers/forms/receipt-form';
import { renderRefusalForm } from '../../src/modules/dossiers/forms/refusal-form';
import { renderSupplementRequestForm } from '../../src/modules/dossiers/forms/supplement-request-form';
import {
  renderTrackingBookExcel,
  renderTrackingBookPdf,
  TRACKING_BOOK_SHEET_LAYOUT,
} from '../../src/modules/dossiers/forms/tracking-book';
import { formatVietnamLongDate, formatVietnamTimeAndDate } from '../../src/platform/pdf/vietnam-date-text';
import {
  APPLICANT,
  apology,
  controlSheet,
  DOSSIER_CODE,
  receipt,
  refusal,
  supplementRequest,
  TRACKING_URL,
  trackingBook,
  vn,
} from './form-fixtures';
import {
  type InspectedPdf,
  inspectPdf,
  occurrences,
  popplerMissingReason,
  rectangles,
  removeWorkDir,
} from './pdf-inspection';

const missing = popplerMissingReason();
// In CI the forms must really be checked: a missing poppler fails the file instead of skipping it.
if (missing && process.env.CI === 'true') throw new Error(`CI=true but ${missing}`);
if (missing) console.warn(`Skipping the PDF form tests: ${missing}`);

afterAll(() => removeWorkDir());

const A5: readonly [number, number] = [419.53, 595.28];
const A4_LANDSCAPE: readonly [number, number] = [841.89, 595.28];
const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

function expectHeadingAndFont(pdf: InspectedPdf, dateLine: string): void {
  expect(pdf.text).toContain(NATIONAL_NAME);
  expect(pdf.text).toContain(MOTTO);
  expect(pdf.text).toContain(dateLine);
  expect(pdf.fonts.length).toBeGreaterThan(0);
  for (const font of pdf.fonts) {
    expect(font.name).toMatch(/^[A-Z]{6}\+Tinos-(Regular|Bold|Italic|BoldItalic)$/);
    expect(font.embedded).toBe(true);
  }
}

describe('how the forms write dates (Vietnam time, Decree 30 style)', () => {
  it('writes hours and dates in Asia/Ho_Chi_Minh whatever the server zone', () => {
    expect(formatVietnamTimeAndDate(vn(2026, 1, 5, 8, 30))).toBe('08 giờ 30 phút, ngày 05/01/2026');
    // 17:30 UTC on 5 January is already 00:30 on 6 January in Vietnam.
    expect(formatVietnamTimeAndDate(Date.UTC(2026, 0, 5, 17, 30))).toBe('00 giờ 30 phút, ngày 06/01/2026');
  });

  it('puts a leading zero on days below 10 and on months 1 and 2 only (Decree 30/2020, Annex I)', () => {
    expect(formatVietnamLongDate(vn(2026, 1, 5))).toBe('ngày 05 tháng 01 năm 2026');
    expect(formatVietnamLongDate(vn(2026, 2, 28))).toBe('ngày 28 tháng 02 năm 2026');
    expect(formatVietnamLongDate(vn(2026, 3, 15))).toBe('ngày 15 tháng 3 năm 2026');
    expect(formatVietnamLongDate(vn(2026, 12, 9))).toBe('ngày 09 tháng 12 năm 2026');
  });
});

describe.skipIf(missing !== null)('Forms 01–06 as PDF', () => {
  describe('Form 01 — receipt and appointment', () => {
    it('prints every field of the receipt on one A5 page in Tinos, with the metadata of the agency', async () => {
      const pdf = inspectPdf(await renderReceiptForm(receipt), 'form-01');
      expectHeadingAndFont(pdf, 'Minh Hòa, ngày 05 tháng 01 năm 2026');
      expect(pdf.pageSize).toEqual(A5);
      expect(pdf.pages).toBe(1);
      const t = pdf.text;
      expect(t).toContain('UBND TỈNH MINH HÒA');
      expect(t).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
      expect(t).toContain(`Mã hồ sơ: ${DOSSIER_CODE}`);
      expect(t).toContain('Trung tâm Phục vụ hành chính công tỉnh Minh Hòa');
      expect(t).toContain('Tiếp nhận hồ sơ của: Nguyễn Thị Hồng Nhung');
      expect(t).toContain(`Địa chỉ: ${APPLICANT.address}`);
      expect(t).toContain('Số điện thoại: 0912 345 678');
      expect(t).toContain('Email: nhung.nguyen@example.vn');
      expect(t).toContain('Nội dung yêu cầu giải quyết: Cấp giấy phép khai thác, sử dụng nước dưới đất');
      expect(t).toMatch(/Sơ đồ khu vực và vị trí công trình khai thác nước\s+01\s+01/);
      expect(t).toContain('Đơn đề nghị cấp giấy phép khai thác nước dưới đất');
      expect(t).toContain('Kết quả phân tích chất lượng nguồn nước');
      expect(t).toContain('2. Số lượng hồ sơ: 01 (bộ)');
      expect(t).toContain('3. Thời gian giải quyết hồ sơ theo quy định là: 05 ngày làm việc');
      expect(t).toContain('4. Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 05/01/2026');
      expect(t).toContain('5. Thời gian trả kết quả giải quyết hồ sơ: 10 giờ 00 phút, ngày 12/01/2026');
      expect(t).toContain('6. Đăng ký nhận kết quả tại: Trung tâm Phục vụ hành chính công tỉnh Minh');
      expect(t).toContain('Vào Sổ theo dõi hồ sơ, Quyển số: 01/2026, Số thứ tự: 01');
      expect(t).toMatch(/NGƯỜI NỘP HỒ SƠ\s+NGƯỜI TIẾP NHẬN HỒ SƠ/);
      expect(t).toMatch(/Nguyễn Thị Hồng Nhung\s+Trần Văn Bình/);
      expect(t).toContain('lập thành 02 bản');
      expect(t).toContain(TRACKING_URL);
      expect(pdf.info.Title).toBe(`Giấy tiếp nhận hồ sơ và hẹn trả kết quả — ${DOSSIER_CODE}`);
      expect(pdf.info.Author).toBe('Trung tâm Phục vụ hành chính công, UBND tỉnh Minh Hòa');
      expect(pdf.info.Creator).toBe('MotCua');
      expect(pdf.info.Subject).toBe('Mẫu số 01 — Thông tư 01/2018/TT-VPCP');
      // The creation date is the one passed in (08:30 Vietnam time), not the clock's.
      expect(pdf.info.CreationDate).toMatch(/^2026-01-05T01:30:00/);
    });

    it('says how the result is collected by post or online', async () => {
      const byPost = inspectPdf(
        await renderReceiptForm({
          ...receipt,
          resultDelivery: { method: 'post', address: 'Số 12 đường Lê Lợi, phường An Bình' },
        }),
      );
      expect(byPost.text.replace(/\s+/g, ' ')).toContain(
        'Đăng ký nhận kết quả tại: Qua dịch vụ bưu chính công ích, địa chỉ: Số 12 đường Lê Lợi, phường An Bình',
      );
      const online = inspectPdf(
        await renderReceiptForm({
          ...receipt,
          resultDelivery: { method: 'online', address: 'nhung.nguyen@example.vn' },
        }),
      );
      expect(online.text).toContain('Đăng ký nhận kết quả tại: Trực tuyến: nhung.nguyen@example.vn');
    });

    it('draws a QR code of the tracking page, which changes with the URL', async () => {
      const withQr = await renderReceiptForm(receipt);
      const otherUrl = `${TRACKING_URL.slice(0, -4)}0002`;
      const other = await renderReceiptForm({ ...receipt, trackingUrl: otherUrl });
      const modules = rectangles(withQr);
      // A QR code of a ~70-character URL has hundreds of dark modules, each drawn as a filled square.
      expect(modules.length).toBeGreaterThan(300);
      const otherModules = rectangles(other);
      expect(otherModules.length).toBeGreaterThan(300);
      expect(otherModules).not.toEqual(modules);
      // Same text around it, so the difference is the code (and the printed URL).
      expect(inspectPdf(other).text).toContain(otherUrl);
    });

    it('keeps Vietnamese text in NFC even when the data arrives decomposed', async () => {
      const decomposed = 'Nguyễn Thị Hồng Nhung'.normalize('NFD');
      expect(decomposed).not.toBe(APPLICANT.name);
      const pdf = inspectPdf(
        await renderReceiptForm({ ...receipt, applicant: { ...APPLICANT, name: decomposed } }),
      );
      expect(pdf.text).toContain('Tiếp nhận hồ sơ của: Nguyễn Thị Hồng Nhung');
      expect(pdf.text).not.toContain(decomposed);
    });

    it('gives the same bytes for the same data, and other bytes for another issue time', async () => {
      const first = await renderReceiptForm(receipt);
      const second = await renderReceiptForm(receipt);
      expect(second.equals(first)).toBe(true);
      const later = await renderReceiptForm({ ...receipt, issuedAt: receipt.issuedAt + 60_000 });
      expect(later.equals(first)).toBe(false);
    });

    it('carries 40 documents over several pages without losing one, the table heading repeated', async () => {
      const documents: ReceiptDocument[] = Array.from({ length: 40 }, (_, k) => ({
        name: `Giấy tờ kèm theo mã TL-${String(k + 1).padStart(3, '0')}`,
        originals: 1,
        copies: k % 3,
      }));
      const pdf = inspectPdf(await renderReceiptForm({ ...receipt, documents }), 'form-01-long');
      expect(pdf.pages).toBeGreaterThan(1);
      for (let k = 1; k <= 40; k++) {
        expect(occurrences(pdf.text, `TL-${String(k).padStart(3, '0')}`)).toBe(1);
      }
      // pdftotext ends each page with a form feed: every page holding rows repeats the table heading.
      const pagesWithRows = pdf.text.split('\f').filter((page) => page.includes('TL-'));
      expect(pagesWithRows.length).toBeGreaterThan(1);
      for (const page of pagesWithRows) expect(occurrences(page, 'Tên giấy tờ')).toBe(1);
      expect(pdf.text).toContain(`Trang ${pdf.pages}/${pdf.pages}`);
      // Everything after the table still made it onto the last page.
      expect(pdf.text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
      expect(pdf.text).toContain(TRACKING_URL);
    });
  });

  it('Form 02 — lists what to supplement with reasons, and whom to call, on A5', async () => {
    const pdf = inspectPdf(await renderSupplementRequestForm(supplementRequest), 'form-02');
    expectHeadingAndFont(pdf, 'Minh Hòa, ngày 06 tháng 01 năm 2026');
    expect(pdf.pageSize).toEqual(A5);
    const t = pdf.text;
    expect(t).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(t).toContain(`Mã hồ sơ: ${DOSSIER_CODE}`);
    expect(t).toContain('Hồ sơ của: Nguyễn Thị Hồng Nhung');
    expect(t).toContain('Nội dung yêu cầu giải quyết: Cấp giấy phép khai thác, sử dụng nước dưới đất');
    expect(t).toMatch(/1\s+Bản sao Giấy chứng nhận quyền sử\s+Hồ sơ chưa có giấy tờ chứng minh/);
    expect(t).toMatch(/2\s+Sơ đồ vị trí công trình có tọa độ\s+Sơ đồ đã nộp không ghi hệ tọa độ/);
    expect(t.replace(/\s+/g, ' ')).toContain(
      'liên hệ với Lê Thị Mai Anh, số điện thoại 0236 3 822 456 để được hướng dẫn.',
    );
    expect(t).toContain('NGƯỜI HƯỚNG DẪN');
    expect(t).toContain('Trần Văn Bình');
  });

  it('Form 03 — states the legal basis and every reason for refusing, on A5', async () => {
    const pdf = inspectPdf(await renderRefusalForm(refusal), 'form-03');
    expectHeadingAndFont(pdf, 'Minh Hòa, ngày 05 tháng 01 năm 2026');
    expect(pdf.pageSize).toEqual(A5);
    const flat = pdf.text.replace(/\s+/g, ' ');
    expect(flat).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(flat).toContain('Tiếp nhận hồ sơ của: Phạm Quốc Hưng');
    expect(flat).toContain('Căn cứ quy định tại Luật Tài nguyên nước năm 2023,');
    expect(flat).toContain(
      '1. Công trình khai thác nằm trong vùng cấm khai thác nước dưới đất đã được công bố',
    );
    expect(flat).toContain('2. Yêu cầu không thuộc thẩm quyền giải quyết của cấp tỉnh');
    expect(flat).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    // No dossier code was given (the dossier was refused at the desk): none is invented.
    expect(flat).not.toContain('Mã hồ sơ');
  });

  it('Form 04 — the responsible agency apologises, gives the reason and the new date, its head signs', async () => {
    const pdf = inspectPdf(await renderApologyForm(apology), 'form-04');
    expectHeadingAndFont(pdf, 'Minh Hòa, ngày 09 tháng 01 năm 2026');
    expect(pdf.pageSize).toEqual(A5);
    expect(pdf.text).toContain('SỞ NÔNG NGHIỆP VÀ');
    expect(pdf.text).toContain('Số: 03/PXL-SNNMT');
    const flat = pdf.text.replace(/\s+/g, ' ');
    expect(flat).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(flat).toContain('Kính gửi: Nguyễn Thị Hồng Nhung');
    expect(flat).toContain(
      `Ngày 05/01/2026, Sở Nông nghiệp và Môi trường tiếp nhận giải quyết hồ sơ của Ông/Bà/Tổ chức; Mã hồ sơ: ${DOSSIER_CODE}.`,
    );
    expect(flat).toContain('Thời gian hẹn trả kết quả giải quyết hồ sơ: 10 giờ 00 phút, ngày 12/01/2026.');
    expect(flat).toContain(
      'Lý do: Cần kiểm tra thực địa vị trí giếng khoan; đoàn kiểm tra chưa bố trí được trong thời hạn.',
    );
    expect(flat).toContain(
      'Sở Nông nghiệp và Môi trường xin lỗi Ông/Bà/Tổ chức và xin hẹn lại thời gian trả kết quả giải quyết hồ sơ vào 10 giờ 00 phút, ngày 16/03/2026.',
    );
    expect(flat).toContain('KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC');
    expect(flat).toContain('Hoàng Minh Đức');
    expect(pdf.info.Author).toBe('Sở Nông nghiệp và Môi trường, UBND tỉnh Minh Hòa');
  });

  it('Form 05 — one row per hand-over with its time and its result, on A5 as the circular designs it', async () => {
    const pdf = inspectPdf(await renderControlSheetForm(controlSheet), 'form-05');
    expectHeadingAndFont(pdf, 'Minh Hòa, ngày 05 tháng 01 năm 2026');
    expect(pdf.pageSize).toEqual(A5);
    const t = pdf.text;
    expect(t).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(t).toContain(`Mã hồ sơ: ${DOSSIER_CODE}`);
    expect(t).toContain('Người nộp hồ sơ: Nguyễn Thị Hồng Nhung');
    expect(t).toContain('Thủ tục hành chính: Cấp giấy phép khai thác, sử dụng nước dưới đất');
    expect(t).toContain('Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 05/01/2026');
    expect(t).toContain('Thời gian hẹn trả kết quả: 10 giờ 00 phút, ngày 12/01/2026');
    expect(t).toContain('Cơ quan (bộ phận) giải quyết hồ sơ: Sở Nông nghiệp và Môi trường');
    expect(t).toContain('Cơ quan phối hợp giải quyết hồ sơ: UBND phường An Bình');
    expect(t).toMatch(/Tên cơ quan\s+Thời gian giao, nhận hồ sơ\s+Kết quả giải\s+Ghi chú/);
    // Each row's first line: agency, hand-over time, result (pdftotext keeps the row on one line).
    expect(t).toMatch(/Trung tâm Phục\s+14 giờ 00 phút, ngày 05\/01\/2026\s+Đúng hạn\n/);
    expect(t).toMatch(/Sở Nông nghiệp\s+09 giờ 45 phút, ngày 08\/01\/2026\s+Trước hạn\n/);
    expect(t).toMatch(/Sở Nông nghiệp\s+15 giờ 20 phút, ngày 13\/01\/2026\s+Quá hạn\s+Đã gửi Phiếu\n/);
    // The last hand-over has no result yet: its line ends with the time.
    expect(t).toMatch(/Trung tâm Phục\s+08 giờ 00 phút, ngày 14\/01\/2026\n/);
    const flat = t.replace(/\s+/g, ' ');
    expect(flat).toContain('Người giao: Bộ phận TN&TKQ:');
    expect(flat).toContain('Người nhận: Nguyễn Thị Hồng');
    // The step's name is printed under its agency.
    expect(t).toContain('Trả kết quả');
  });

  describe('Form 06 — tracking book', () => {
    it('prints the book on A4 landscape with the columns of the circular and each row', async () => {
      const pdf = inspectPdf(await renderTrackingBookPdf(trackingBook(3)), 'form-06');
      expectHeadingAndFont(pdf, 'Minh Hòa, ngày 31 tháng 01 năm 2026');
      expect(pdf.pageSize).toEqual(A4_LANDSCAPE);
      expect(pdf.pages).toBe(1);
      const t = pdf.text;
      expect(t).toContain('SỔ THEO DÕI HỒ SƠ');
      expect(t).toContain('Quyển số: 01/2026');
      expect(t).toContain('Từ ngày 01/01/2026 đến ngày 31/01/2026');
      for (const title of ['Mã hồ sơ', 'Tên thủ tục hành chính', 'Ngày, tháng, năm', 'Ký nhận', 'Ghi chú']) {
        expect(t).toContain(title);
      }
      // Row 01 was forwarded, got its result back and was returned: five dates, then time lines.
      expect(t).toMatch(
        /01\s+000\.00\.12\.H99-260105-0001\s+Cấp giấy phép khai thác,\s+01\s+Nguyễn Thị Hồng\s+Phường An Bình,\s+Sở Nông nghiệp và\s+05\/01\/2026\s+12\/01\/2026\s+05\/01\/2026\s+09\/01\/2026\s+12\/01\/2026\n/,
      );
      expect(t).toMatch(/08:30\s+10:00\s+14:00\s+16:00\s+09:15\n/);
      // Row 03 was not forwarded yet: only received and appointment.
      expect(t).toMatch(/03\s+000\.00\.12\.H99-260105-0003\s+.*05\/01\/2026\s+12\/01\/2026\n/);
      expect(t).toContain('Trả qua bưu');
    });

    it('carries 300 rows over many pages, each exactly once, the heading on every page', async () => {
      const book = trackingBook(300);
      const pdf = inspectPdf(await renderTrackingBookPdf(book), 'form-06-long');
      expect(pdf.pages).toBeGreaterThan(5);
      for (const row of book.rows) expect(occurrences(pdf.text, row.dossierCode)).toBe(1);
      expect(pdf.text.match(/000\.00\.12\.H99-2601\d\d-\d{4}/g)).toHaveLength(300);
      expect(pdf.text).toMatch(/\n\s*300\s+000\.00\.12\.H99-260110-0050\s/);
      expect(occurrences(pdf.text, 'Ngày, tháng, năm')).toBe(pdf.pages);
      expect(pdf.text).toContain(`Trang ${pdf.pages}/${pdf.pages}`);
    });
  });
});

describe('Form 06 — tracking book as Excel', () => {
  const readBack = async (buffer: Buffer): Promise<ExcelJS.Workbook> => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    return wb;
  };
  const { titleRow, columnTitleRows, columnNumberRow, firstDataRow } = TRACKING_BOOK_SHEET_LAYOUT;

  it('has the heading, bold column titles, and each row with real dates in Vietnam time', async () => {
    const wb = await readBack(await renderTrackingBookExcel(trackingBook(3)));
    expect(wb.worksheets).toHaveLength(1);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Sổ 01-2026');
    expect(ws.getCell(1, 1).value).toBe('UBND TỈNH MINH HÒA');
    expect(ws.getCell(2, 1).value).toBe('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG');
    expect(ws.getCell(1, 9).value).toBe(NATIONAL_NAME);
    expect(ws.getCell(2, 9).value).toBe(MOTTO);
    expect(ws.getCell(titleRow, 1).value).toBe('SỔ THEO DÕI HỒ SƠ');
    expect(ws.getCell(titleRow, 1).font.bold).toBe(true);
    expect(String(ws.getCell(titleRow + 2, 1).value)).toContain('Từ ngày 01/01/2026 đến ngày 31/01/2026');

    const [top, bottom] = columnTitleRows;
    expect(ws.getCell(top, 1).value).toBe('STT');
    expect(ws.getCell(top, 2).value).toBe('Mã hồ sơ');
    expect(ws.getCell(top, 8).value).toBe('Ngày, tháng, năm');
    expect(ws.getCell(bottom, 8).value).toBe('Nhận hồ sơ');
    expect(ws.getCell(bottom, 12).value).toBe('Trả kết quả cho cá nhân, tổ chức');
    expect(ws.getCell(top, 13).value).toBe('Ký nhận');
    for (let col = 1; col <= 14; col++) expect(ws.getCell(bottom, col).font.bold).toBe(true);
    expect(ws.getCell(columnNumberRow, 14).value).toBe('(14)');
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(26);

    const first = ws.getRow(firstDataRow);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(1).numFmt).toBe('00');
    expect(first.getCell(2).value).toBe(DOSSIER_CODE);
    expect(first.getCell(3).value).toBe('Cấp giấy phép khai thác, sử dụng nước dưới đất');
    expect(first.getCell(5).value).toBe('Nguyễn Thị Hồng Nhung');
    expect(first.getCell(7).value).toBe('Sở Nông nghiệp và Môi trường');
    // 08:30 in Minh Hòa is stored as 08:30: a spreadsheet date has no zone.
    expect(first.getCell(8).value).toEqual(new Date(Date.UTC(2026, 0, 5, 8, 30)));
    expect(first.getCell(8).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(first.getCell(9).value).toEqual(new Date(Date.UTC(2026, 0, 12, 10, 0)));
    expect(first.getCell(12).value).toEqual(new Date(Date.UTC(2026, 0, 12, 9, 15)));
    expect(first.getCell(13).value).toBeNull();
    const third = ws.getRow(firstDataRow + 2);
    expect(third.getCell(2).value).toBe('000.00.12.H99-260105-0003');
    expect(third.getCell(10).value).toBeNull();
    expect(ws.getRow(firstDataRow + 1).getCell(14).value).toBe('Trả qua bưu điện');
  });

  it('keeps all 300 rows in order, and puts each book on its own sheet', async () => {
    const big = trackingBook(300);
    const second = { ...trackingBook(2), volume: '02/2026' };
    const wb = await readBack(await renderTrackingBookExcel([big, second]));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sổ 01-2026', 'Sổ 02-2026']);
    const ws = wb.worksheets[0]!;
    big.rows.forEach((row, k) => {
      expect(ws.getCell(firstDataRow + k, 1).value).toBe(row.sequence);
      expect(ws.getCell(firstDataRow + k, 2).value).toBe(row.dossierCode);
    });
    expect(ws.getCell(firstDataRow + 300, 2).value).toBeNull();
    expect(wb.worksheets[1]!.getCell(firstDataRow + 1, 2).value).toBe('000.00.12.H99-260105-0002');
  });
});
