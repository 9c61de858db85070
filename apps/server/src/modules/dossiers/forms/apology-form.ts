// Mẫu số 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả (Circular 01/2018/TT-VPCP), A5: issued by the
// agency that caused the delay, signed by its head, moving the appointment (once only).
import type { Content } from 'pdfmake/interfaces';
import { documentTitle, signatureRow } from '../../../platform/pdf/administrative-layout';
import { formatVietnamDate, formatVietnamTimeAndDate } from '../../../platform/pdf/vietnam-date-text';
import type { ApologyFormData } from './form-data';
import { A5_FORM, formHeader, renderForm } from './form-layout';

const TITLE = 'Phiếu xin lỗi và hẹn lại ngày trả kết quả';

export function renderApologyForm(data: ApologyFormData): Promise<Buffer> {
  const agency = data.agency.name;
  const paragraph = (text: Content): Content => ({ text, margin: [0, 0, 0, 3], alignment: 'justify' });
  const content: Content[] = [
    formHeader(data, A5_FORM, data.documentNumber),
    documentTitle(TITLE, A5_FORM.fontSize + 0.5),
    { text: `Kính gửi: ${data.applicant.name}`, alignment: 'center', margin: [0, 0, 0, 6] },
    paragraph([
      `Ngày ${formatVietnamDate(data.receivedAt)}, ${agency} tiếp nhận giải quyết hồ sơ của Ông/Bà/Tổ chức; Mã hồ sơ: `,
      { text: data.dossierCode, bold: true },
      '.',
    ]),
    paragraph(
      `Thời gian hẹn trả kết quả giải quyết hồ sơ: ${formatVietnamTimeAndDate(data.originalAppointmentAt)}.`,
    ),
    paragraph(
      `Tuy nhiên đến nay, ${agency} chưa trả kết quả giải quyết hồ sơ của Ông/Bà/Tổ chức đúng hạn ghi trên ` +
        'Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
    ),
    paragraph(`Lý do: ${data.reason}.`),
    paragraph('Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại cho Ông/Bà/Tổ chức.'),
    paragraph([
      `${agency} xin lỗi Ông/Bà/Tổ chức và xin hẹn lại thời gian trả kết quả giải quyết hồ sơ vào `,
      { text: formatVietnamTimeAndDate(data.newAppointmentAt), bold: true },
      '.',
    ]),
    paragraph('Xin trân trọng cảm ơn./.'),
    signatureRow(
      [{ authority: data.signer.authority, title: data.signer.title, name: data.signer.name }],
      56,
    ),
  ];
  return renderForm({
    issue: data,
    page: A5_FORM,
    formNumber: 'Mẫu số 04',
    title: TITLE,
    dossierCode: data.dossierCode,
    content,
  });
}
