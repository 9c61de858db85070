// Pieces the six one-stop forms share: page set-up, the heading of the issuing agency, "label: value"
// lines, and how numbers, processing times and on-time results are written on them.
import type { FinishClassification, ProcessingTime } from '@motcua/domain/calendar/due-date';
import type { Content } from 'pdfmake/interfaces';
import { documentHeader } from '../../../platform/pdf/administrative-layout';
import {
  contentWidth,
  DEFAULT_MARGINS,
  type PdfOrientation,
  type PdfPageSize,
  renderPdf,
} from '../../../platform/pdf/render-pdf';
import type { Applicant, FormIssue } from './form-data';

export interface FormPage {
  readonly pageSize: PdfPageSize;
  readonly orientation: PdfOrientation;
  readonly fontSize: number;
  readonly headerFontSize: number;
}

/** Forms 01–05: Circular 01/2018 designs them for A5 (148 × 210 mm). */
export const A5_FORM: FormPage = {
  pageSize: 'A5',
  orientation: 'portrait',
  fontSize: 10.5,
  headerFontSize: 10.5,
};
/** Form 06, the book: A4, turned to landscape for its thirteen columns. */
export const A4_LANDSCAPE_BOOK: FormPage = {
  pageSize: 'A4',
  orientation: 'landscape',
  fontSize: 10,
  headerFontSize: 11,
};

export const widthOf = (page: FormPage): number => contentWidth(page.pageSize, page.orientation);

/** Counts and numbers as administrative texts write them: "01", "12", "150" (and "0"). */
export const twoDigits = (n: number): string =>
  Number.isInteger(n) && n > 0 && n < 10 ? `0${n}` : String(n);

const UNIT_VI: Record<ProcessingTime['unit'], string> = {
  'working-hours': 'giờ làm việc',
  'working-days': 'ngày làm việc',
  days: 'ngày',
  months: 'tháng',
};

/** "05 ngày làm việc", "0,5 ngày làm việc", "01 tháng". */
export function processingTimeText(time: ProcessingTime): string {
  const value = Number.isInteger(time.value)
    ? twoDigits(time.value)
    : new Intl.NumberFormat('vi-VN').format(time.value);
  return `${value} ${UNIT_VI[time.unit]}`;
}

export const FINISH_LABELS: Record<FinishClassification, string> = {
  early: 'Trước hạn',
  'on-time': 'Đúng hạn',
  late: 'Quá hạn',
};

/** "Label: value" on one line, the value in the regular weight unless `bold`. */
export function labelled(label: string, value: string, options: { bold?: boolean } = {}): Content {
  return { text: [`${label}: `, { text: value, bold: options.bold ?? false }] };
}

/** Name (bold), then address and phone/e-mail when known: absent details are left out, not dotted. */
export function applicantLines(applicant: Applicant, nameLabel: string): Content[] {
  const contact = [
    applicant.phone ? `Số điện thoại: ${applicant.phone}` : '',
    applicant.email ? `Email: ${applicant.email}` : '',
  ].filter(Boolean);
  return [
    labelled(nameLabel, applicant.name, { bold: true }),
    ...(applicant.address ? [labelled('Địa chỉ', applicant.address)] : []),
    ...(contact.length > 0 ? [{ text: contact.join('    ') }] : []),
  ];
}

export function formHeader(issue: FormIssue, page: FormPage, documentNumber?: string | null): Content {
  return documentHeader(
    {
      agency: { parentName: issue.agency.parentName, name: issue.agency.name },
      place: issue.place,
      date: issue.issuedAt,
      documentNumber,
      fontSize: page.headerFontSize,
    },
    widthOf(page),
  );
}

export interface FormRendering {
  readonly issue: FormIssue;
  readonly page: FormPage;
  /** "Mẫu số 01" … */
  readonly formNumber: string;
  readonly title: string;
  /** The dossier code, when the form is about one dossier. */
  readonly dossierCode?: string | null;
  readonly content: Content;
  readonly pageNumbers?: boolean;
}

export function renderForm(form: FormRendering): Promise<Buffer> {
  const { agency } = form.issue;
  return renderPdf({
    pageSize: form.page.pageSize,
    pageOrientation: form.page.orientation,
    pageMargins: DEFAULT_MARGINS,
    fontSize: form.page.fontSize,
    createdAt: form.issue.issuedAt,
    pageNumbers: form.pageNumbers ?? true,
    metadata: {
      title: form.dossierCode ? `${form.title} — ${form.dossierCode}` : form.title,
      author: agency.parentName ? `${agency.name}, ${agency.parentName}` : agency.name,
      subject: `${form.formNumber} — Thông tư 01/2018/TT-VPCP`,
      keywords: [form.dossierCode, agency.code].filter(Boolean).join(', '),
    },
    content: form.content,
  });
}
