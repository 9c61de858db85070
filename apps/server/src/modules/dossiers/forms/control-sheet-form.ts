// Mẫu số 05 — Phiếu kiểm soát quá trình giải quyết hồ sơ (Circular 01/2018/TT-VPCP). The circular
// designs Forms 01–05 for A5, this one included; its rows (one per hand-over, with the step's on-time
// result) are derived from the dossier's events by the engine.
import type { Content, TableCell } from 'pdfmake/interfaces';
import { documentTitle } from '../../../platform/pdf/administrative-layout';
import { formatVietnamTimeAndDate } from '../../../platform/pdf/vietnam-date-text';
import type { ControlSheetFormData, ControlSheetRow } from './form-data';
import { A5_FORM, FINISH_LABELS, formHeader, labelled, renderForm } from './form-layout';

const TITLE = 'Phiếu kiểm soát quá trình giải quyết hồ sơ';

function rowCells(row: ControlSheetRow): TableCell[] {
  return [
    {
      stack: [
        { text: row.agencyName, bold: true },
        ...(row.stepName ? [{ text: row.stepName, italics: true }] : []),
      ],
    },
    {
      stack: [
        formatVietnamTimeAndDate(row.givenAt),
        { text: [{ text: 'Người giao: ', italics: true }, row.givenBy] },
        { text: [{ text: 'Người nhận: ', italics: true }, row.receivedBy] },
      ],
    },
    { text: row.classification ? FINISH_LABELS[row.classification] : '', alignment: 'center' },
    row.note ?? '',
  ];
}

function handoverTable(data: ControlSheetFormData): Content {
  const head: TableCell[] = [
    'Tên cơ quan',
    'Thời gian giao, nhận hồ sơ',
    'Kết quả giải quyết hồ sơ (Trước hạn/ Đúng hạn/ Quá hạn)',
    'Ghi chú',
  ].map((text) => ({ text, bold: true, alignment: 'center' }));
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [72, '*', 58, 56],
      body: [head, ...data.rows.map(rowCells)],
    },
    fontSize: A5_FORM.fontSize - 1.5,
    margin: [0, 6, 0, 0],
  };
}

export function renderControlSheetForm(data: ControlSheetFormData): Promise<Buffer> {
  const coordinating = data.coordinatingAgencyNames ?? [];
  const content: Content[] = [
    formHeader(data, A5_FORM),
    documentTitle(
      TITLE,
      A5_FORM.fontSize + 0.5,
      { text: `Mã hồ sơ: ${data.dossierCode}`, bold: true },
      { text: '(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)', italics: true },
    ),
    labelled('Người nộp hồ sơ', data.applicant.name, { bold: true }),
    labelled('Thủ tục hành chính', data.procedureName),
    labelled('Thời gian nhận hồ sơ', formatVietnamTimeAndDate(data.receivedAt)),
    labelled('Thời gian hẹn trả kết quả', formatVietnamTimeAndDate(data.appointmentAt)),
    ...(data.leadAgencyName ? [labelled('Cơ quan (bộ phận) giải quyết hồ sơ', data.leadAgencyName)] : []),
    ...(coordinating.length > 0
      ? [labelled('Cơ quan phối hợp giải quyết hồ sơ', coordinating.join('; '))]
      : []),
    handoverTable(data),
  ];
  return renderForm({
    issue: data,
    page: A5_FORM,
    formNumber: 'Mẫu số 05',
    title: TITLE,
    dossierCode: data.dossierCode,
    content,
  });
}
