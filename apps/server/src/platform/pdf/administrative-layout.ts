// The fixed parts of a Vietnamese administrative document (Decree 30/2020/NĐ-CP, Annex I): the
// issuing agency on the left, the national name (Quốc hiệu) and motto (Tiêu ngữ) on the right, the
// number and the place-and-date line beneath them, and signature blocks at the end.
import type { Column, Content, ContentStack, ContentText, Margins } from 'pdfmake/interfaces';
import { formatVietnamLongDate } from './vietnam-date-text';

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export interface AgencyHeading {
  /** The governing agency, e.g. "UBND tỉnh Minh Hòa"; printed upper-case. Omitted at the top of the tree. */
  readonly parentName?: string | null;
  /** The issuing unit, e.g. "Trung tâm Phục vụ hành chính công"; printed bold, upper-case, with a rule beneath. */
  readonly name: string;
}

type ColumnCell = ContentStack | ContentText;

export interface DocumentHeaderOptions {
  readonly agency: AgencyHeading;
  /** The place name of the date line: "Minh Hòa" in "Minh Hòa, ngày 05 tháng 01 năm 2026". */
  readonly place: string;
  /** Epoch milliseconds; the date is written in Vietnam time. */
  readonly date: number;
  /** Printed as "Số: …" under the agency when given, e.g. "15/PXL". */
  readonly documentNumber?: string | null;
  readonly fontSize: number;
}

// Advance widths of Tinos Bold, in ems, measured from the font: the national name is 20.72 em wide;
// an upper-case letter averages 0.72 em and a space 0.25 em.
const NATIONAL_NAME_EMS = 20.72;
const UPPER_BOLD_LETTER_EMS = 0.72;
const SPACE_EMS = 0.25;

const upper = (text: string): string => text.normalize('NFC').toLocaleUpperCase('vi-VN');

function estimatedUpperBoldWidth(text: string, fontSize: number): number {
  const spaces = text.split(' ').length - 1;
  return ((text.length - spaces) * UPPER_BOLD_LETTER_EMS + spaces * SPACE_EMS) * fontSize;
}

/** A centred horizontal rule `width` points long inside a column `columnWidth` points wide. */
function centredRule(width: number, columnWidth: number, marginTop: number): Content {
  const x = Math.max(0, (columnWidth - width) / 2);
  return {
    canvas: [{ type: 'line', x1: x, y1: 0, x2: x + width, y2: 0, lineWidth: 0.6 }],
    margin: [0, marginTop, 0, 0],
  };
}

/** "Minh Hòa, ngày 05 tháng 01 năm 2026" */
export function placeAndDateLine(place: string, date: number): string {
  return `${place.normalize('NFC')}, ${formatVietnamLongDate(date)}`;
}

/**
 * The two-column heading. `contentWidth` is the page width between the margins: the right column is
 * sized so the national name stays on one line; the agency takes the rest (at most 45 % of a wide
 * page, so it stays over the left margin) and wraps if it must.
 */
export function documentHeader(options: DocumentHeaderOptions, contentWidth: number): Content {
  const { agency, fontSize } = options;
  const gap = 6;
  const rightWidth = Math.ceil(NATIONAL_NAME_EMS * fontSize) + 4;
  const leftWidth = Math.min(contentWidth - rightWidth - gap, contentWidth * 0.45);
  const agencyName = upper(agency.name);
  // Decree 30: the rule under the agency is 1/3 to 1/2 as long as the line of text above it.
  const ruleWidth = Math.min(estimatedUpperBoldWidth(agencyName, fontSize), leftWidth) * 0.4;
  const left: Content[] = [
    ...(agency.parentName ? [{ text: upper(agency.parentName) }] : []),
    { text: agencyName, bold: true },
    centredRule(ruleWidth, leftWidth, 1),
  ];
  const right: Content[] = [
    { text: NATIONAL_NAME, bold: true },
    { text: NATIONAL_MOTTO, bold: true, fontSize: fontSize + 1, decoration: 'underline' },
  ];
  const row = (leftCell: ColumnCell, rightCell: ColumnCell, margin: Margins = [0, 0, 0, 0]): Content => ({
    columns: [
      { width: leftWidth, ...leftCell },
      { width: '*', text: '' },
      { width: rightWidth, ...rightCell },
    ],
    columnGap: gap,
    margin,
  });
  return {
    stack: [
      row({ stack: left, alignment: 'center' }, { stack: right, alignment: 'center' }),
      row(
        { text: options.documentNumber ? `Số: ${options.documentNumber}` : '', alignment: 'center' },
        { text: placeAndDateLine(options.place, options.date), italics: true, alignment: 'center' },
        [0, 6, 0, 0],
      ),
    ],
    fontSize,
  };
}

/** The document's name in bold capitals, with optional lines beneath it (e.g. "Mã hồ sơ: …"). */
export function documentTitle(title: string, fontSize: number, ...lines: Content[]): ContentStack {
  return {
    stack: [{ text: upper(title), bold: true, fontSize: fontSize + 1 }, ...lines],
    alignment: 'center',
    margin: [0, 10, 0, 6],
  };
}

export interface SignatureBlock {
  /** Signing on behalf of someone else, above the title (Decree 30): "KT. GIÁM ĐỐC", "TL. CHỦ TỊCH". */
  readonly authority?: string | null;
  /** "NGƯỜI TIẾP NHẬN HỒ SƠ", "GIÁM ĐỐC" … */
  readonly title: string;
  /** "(Ký và ghi rõ họ tên)" */
  readonly hint?: string | null;
  /** Printed under the space left for the handwritten or digital signature. */
  readonly name?: string | null;
}

function signatureStack(block: SignatureBlock, signatureSpace: number): ContentStack {
  return {
    stack: [
      ...(block.authority ? [{ text: upper(block.authority), bold: true }] : []),
      { text: upper(block.title), bold: true },
      ...(block.hint ? [{ text: block.hint, italics: true }] : []),
      { text: block.name ?? '', bold: true, margin: [0, signatureSpace, 0, 0] },
    ],
    alignment: 'center',
  };
}

/** Signature blocks side by side, evenly spaced; a lone block sits in the right half, as the decree places it. */
export function signatureRow(blocks: readonly SignatureBlock[], signatureSpace = 40): Content {
  const stacks: Column[] = blocks.map((b) => ({ width: '*', ...signatureStack(b, signatureSpace) }));
  const columns: Column[] = blocks.length === 1 ? [{ width: '*', text: '' }, ...stacks] : stacks;
  return { columns, columnGap: 12, margin: [0, 8, 0, 0], unbreakable: true };
}
