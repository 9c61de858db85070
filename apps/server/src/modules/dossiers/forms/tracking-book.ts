// Mẫu số 06 — Sổ theo dõi hồ sơ (Circular 01/2018/TT-VPCP): the desk's register of dossiers over a
// period, as a PDF on A4 landscape and as an Excel workbook with the same columns.
import { VIETNAM_OFFSET_MS } from '@motcua/domain/calendar/vietnam-time';
import ExcelJS from 'exceljs';
import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces';
import { documentTitle, NATIONAL_MOTTO, NATIONAL_NAME } from '../../../platform/pdf/administrative-layout';
import { formatVietnamDate, vietnamWallClock } from '../../../platform/pdf/vietnam-date-text';
import type { TrackingBookData, TrackingBookRow } from './form-data';
import { A4_LANDSCAPE_BOOK, formHeader, renderForm, twoDigits } from './form-layout';

const TITLE = 'Sổ theo dõi hồ sơ';

/** The book's columns, in order; `dateGroup` columns sit under the "Ngày, tháng, năm" heading. */
const COLUMNS = [
  { title: 'STT', pdfWidth: 16, excelWidth: 6 },
  { title: 'Mã hồ sơ', pdfWidth: 96, excelWidth: 28 },
  { title: 'Tên thủ tục hành chính', pdfWidth: '*', excelWidth: 40 },
  { title: 'Số lượng hồ sơ (bộ)', pdfWidth: 22, excelWidth: 9 },
  { title: 'Tên cá nhân, tổ chức', pdfWidth: 66, excelWidth: 26 },
  { title: 'Địa chỉ, số điện thoại', pdfWidth: 66, excelWidth: 30 },
  { title: 'Cơ quan chủ trì giải quyết', pdfWidth: 62, excelWidth: 26 },
  { title: 'Nhận hồ sơ', pdfWidth: 38, excelWidth: 17, dateGroup: true },
  { title: 'Hẹn trả kết quả', pdfWidth: 38, excelWidth: 17, dateGroup: true },
  { title: 'Chuyển hồ sơ đến cơ quan giải quyết', pdfWidth: 38, excelWidth: 17, dateGroup: true },
  { title: 'Nhận kết quả từ cơ quan giải quyết', pdfWidth: 38, excelWidth: 17, dateGroup: true },
  { title: 'Trả kết quả cho cá nhân, tổ chức', pdfWidth: 38, excelWidth: 17, dateGroup: true },
  { title: 'Ký nhận', pdfWidth: 36, excelWidth: 14 },
  { title: 'Ghi chú', pdfWidth: 44, excelWidth: 24 },
] as const;
const DATE_GROUP_TITLE = 'Ngày, tháng, năm';
const FIRST_DATE_COLUMN = COLUMNS.findIndex((c) => 'dateGroup' in c);
const DATE_COLUMN_COUNT = COLUMNS.filter((c) => 'dateGroup' in c).length;

type CellValue = string | number | { readonly instant: number } | null;

/** One row's values in column order; instants stay instants until each format writes them its own way. */
function rowValues(row: TrackingBookRow): CellValue[] {
  const at = (instant: number | null | undefined) => (instant == null ? null : { instant });
  return [
    row.sequence,
    row.dossierCode,
    row.procedureName,
    row.setCount ?? null,
    row.applicantName,
    row.applicantContact ?? null,
    row.forwardedTo?.agencyName ?? null,
    at(row.receivedAt),
    at(row.appointmentAt),
    at(row.forwardedTo?.at),
    at(row.resultReceivedAt),
    at(row.returnedAt),
    null,
    row.note ?? null,
  ];
}

const periodText = (book: TrackingBookData): string =>
  `Từ ngày ${formatVietnamDate(book.periodFrom)} đến ngày ${formatVietnamDate(book.periodTo)}`;

// ---------------------------------------------------------------- PDF

/** Thin rules and 3-point side padding: fourteen columns have to share 27 cm. */
const bookTableLayout: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

function pdfCell(value: CellValue, column: number): TableCell {
  if (value === null) return '';
  if (typeof value === 'object') {
    const t = vietnamWallClock(value.instant);
    return {
      stack: [formatVietnamDate(value.instant), `${twoDigits(t.hour)}:${String(t.minute).padStart(2, '0')}`],
      alignment: 'center',
    };
  }
  if (column === 0 || column === 3) return { text: twoDigits(Number(value)), alignment: 'center' };
  // The dossier code must never break at its hyphens: it is copied and searched as one word.
  if (column === 1) return { text: String(value), noWrap: true };
  return String(value);
}

function bookTable(book: TrackingBookData): Content {
  const heading = (text: string, extra: object = {}): TableCell => ({
    text,
    bold: true,
    alignment: 'center',
    ...extra,
  });
  const first: TableCell[] = COLUMNS.map((c, i) => {
    if (i === FIRST_DATE_COLUMN) return heading(DATE_GROUP_TITLE, { colSpan: DATE_COLUMN_COUNT });
    if ('dateGroup' in c) return '';
    return heading(c.title, { rowSpan: 2 });
  });
  const second: TableCell[] = COLUMNS.map((c) => ('dateGroup' in c ? heading(c.title) : ''));
  const numbers: TableCell[] = COLUMNS.map((_, i) => ({
    text: `(${i + 1})`,
    italics: true,
    alignment: 'center',
  }));
  return {
    table: {
      headerRows: 3,
      dontBreakRows: true,
      widths: COLUMNS.map((c) => c.pdfWidth),
      body: [first, second, numbers, ...book.rows.map((r) => rowValues(r).map(pdfCell))],
    },
    layout: bookTableLayout,
    fontSize: 8,
  };
}

export function renderTrackingBookPdf(book: TrackingBookData): Promise<Buffer> {
  return renderForm({
    issue: book,
    page: A4_LANDSCAPE_BOOK,
    formNumber: 'Mẫu số 06',
    title: `${TITLE} — Quyển số ${book.volume}`,
    pageNumbers: true,
    content: [
      formHeader(book, A4_LANDSCAPE_BOOK),
      documentTitle(
        TITLE,
        A4_LANDSCAPE_BOOK.fontSize + 2,
        { text: book.deskName, bold: true },
        `Quyển số: ${book.volume}`,
        { text: periodText(book), italics: true },
      ),
      bookTable(book),
    ],
  });
}

// ---------------------------------------------------------------- Excel

/**
 * Dates are real Excel dates (sortable, filterable) formatted dd/mm/yyyy hh:mm. A spreadsheet cell has
 * no time zone, so it holds Vietnam's wall clock: 08:30 in Hanoi is stored as 08:30.
 */
const EXCEL_DATE_FORMAT = 'dd/mm/yyyy hh:mm';
const vietnamWallClockDate = (instant: number): Date =>
  new Date(Math.floor(instant / 60_000) * 60_000 + VIETNAM_OFFSET_MS);

const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Excel forbids []:*?/\ in sheet names and allows 31 characters; names must be unique. */
function sheetName(volume: string, taken: Set<string>): string {
  const base = `Sổ ${volume}`.replace(/[[\]:*?/\\]/g, '-').slice(0, 28);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

/** Rows of the sheet before the data: headings, title, two rows of column titles, column numbers. */
export const TRACKING_BOOK_SHEET_LAYOUT = {
  titleRow: 4,
  columnTitleRows: [8, 9],
  columnNumberRow: 10,
  firstDataRow: 11,
} as const;

function addBookSheet(wb: ExcelJS.Workbook, book: TrackingBookData, taken: Set<string>): void {
  const last = COLUMNS.length;
  const ws = wb.addWorksheet(sheetName(book.volume, taken), {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '8:10',
    },
    views: [{ state: 'frozen', ySplit: TRACKING_BOOK_SHEET_LAYOUT.columnNumberRow }],
  });
  ws.columns = COLUMNS.map((c) => ({ width: c.excelWidth }));

  const put = (row: number, from: number, to: number, value: string, font: Partial<ExcelJS.Font> = {}) => {
    if (to > from) ws.mergeCells(row, from, row, to);
    const cell = ws.getCell(row, from);
    cell.value = value.normalize('NFC');
    cell.font = { name: 'Times New Roman', size: 12, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  const upper = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi-VN');
  if (book.agency.parentName) put(1, 1, 4, upper(book.agency.parentName));
  put(2, 1, 4, upper(book.agency.name), { bold: true });
  put(1, last - 5, last, NATIONAL_NAME, { bold: true });
  put(2, last - 5, last, NATIONAL_MOTTO, { bold: true, underline: true });
  put(TRACKING_BOOK_SHEET_LAYOUT.titleRow, 1, last, TITLE.toLocaleUpperCase('vi-VN'), {
    bold: true,
    size: 14,
  });
  put(5, 1, last, book.deskName, { bold: true });
  put(6, 1, last, `Quyển số: ${book.volume} — ${periodText(book)}`, { italic: true });

  const [titleRow, subtitleRow] = TRACKING_BOOK_SHEET_LAYOUT.columnTitleRows;
  COLUMNS.forEach((c, i) => {
    const col = i + 1;
    if ('dateGroup' in c) {
      if (i === FIRST_DATE_COLUMN) ws.mergeCells(titleRow, col, titleRow, col + DATE_COLUMN_COUNT - 1);
      ws.getCell(titleRow, col).value = DATE_GROUP_TITLE;
      ws.getCell(subtitleRow, col).value = c.title;
    } else {
      ws.mergeCells(titleRow, col, subtitleRow, col);
      ws.getCell(titleRow, col).value = c.title;
    }
    ws.getCell(TRACKING_BOOK_SHEET_LAYOUT.columnNumberRow, col).value = `(${col})`;
  });
  for (const r of [titleRow, subtitleRow, TRACKING_BOOK_SHEET_LAYOUT.columnNumberRow]) {
    const row = ws.getRow(r);
    row.font = { name: 'Times New Roman', size: 11, bold: r !== TRACKING_BOOK_SHEET_LAYOUT.columnNumberRow };
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    for (let col = 1; col <= last; col++) row.getCell(col).border = thin;
  }
  ws.getRow(titleRow).height = 30;
  ws.getRow(subtitleRow).height = 45;

  book.rows.forEach((bookRow, k) => {
    const row = ws.getRow(TRACKING_BOOK_SHEET_LAYOUT.firstDataRow + k);
    rowValues(bookRow).forEach((value, i) => {
      const cell = row.getCell(i + 1);
      if (value !== null && typeof value === 'object') {
        cell.value = vietnamWallClockDate(value.instant);
        cell.numFmt = EXCEL_DATE_FORMAT;
      } else {
        cell.value = typeof value === 'string' ? value.normalize('NFC') : value;
        if (i === 0) cell.numFmt = '00';
      }
      cell.border = thin;
    });
    row.font = { name: 'Times New Roman', size: 11 };
    row.alignment = { vertical: 'top', wrapText: true };
  });
}

/** One sheet per book, in the order given. */
export async function renderTrackingBookExcel(
  books: TrackingBookData | readonly TrackingBookData[],
): Promise<Buffer> {
  const list: readonly TrackingBookData[] = Array.isArray(books) ? books : [books as TrackingBookData];
  if (list.length === 0) throw new TypeError('renderTrackingBookExcel: at least one book is needed');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'MotCua';
  const issued = new Date(Math.max(...list.map((b) => b.issuedAt)));
  wb.created = issued;
  wb.modified = issued;
  wb.title = list.length === 1 ? `${TITLE} — Quyển số ${list[0]?.volume}` : TITLE;
  const taken = new Set<string>();
  for (const book of list) addBookSheet(wb, book, taken);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
