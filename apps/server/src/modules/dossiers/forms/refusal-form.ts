// Mẫu số 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ (Circular 01/2018/TT-VPCP), A5.
import type { Content } from 'pdfmake/interfaces';
import { documentTitle, signatureRow } from '../../../platform/pdf/administrative-layout';
import type { RefusalFormData } from './form-data';
import { A5_FORM, applicantLines, formHeader, labelled, renderForm } from './form-layout';

const TITLE = 'Phiếu từ chối tiếp nhận giải quyết hồ sơ';

export function renderRefusalForm(data: RefusalFormData): Promise<Buffer> {
  const content: Content[] = [
    formHeader(data, A5_FORM, data.documentNumber),
    documentTitle(
      TITLE,
      A5_FORM.fontSize + 0.5,
      ...(data.dossierCode ? [{ text: `Mã hồ sơ: ${data.dossierCode}`, bold: true }] : []),
    ),
    { text: data.deskName, bold: true },
    ...applicantLines(data.applicant, 'Tiếp nhận hồ sơ của'),
    labelled('Nội dung yêu cầu giải quyết', data.procedureName),
    ...(data.legalBasis ? [{ text: `Căn cứ quy định tại ${data.legalBasis},`, margin: [0, 4, 0, 0] }] : []),
    {
      text: 'Cơ quan, đơn vị không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
      margin: [0, data.legalBasis ? 0 : 4, 0, 2],
    },
    { ol: [...data.reasons], margin: [8, 0, 0, 4] },
    'Xin thông báo để Ông/Bà được biết và thực hiện./.',
    signatureRow([{ title: 'Người tiếp nhận hồ sơ', hint: '(Ký và ghi rõ họ tên)', name: data.issuedBy }]),
  ] as Content[];
  return renderForm({
    issue: data,
    page: A5_FORM,
    formNumber: 'Mẫu số 03',
    title: TITLE,
    dossierCode: data.dossierCode,
    content,
  });
}
