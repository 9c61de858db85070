// Mẫu số 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Circular 01/2018/TT-VPCP), A5: everything the
// applicant must add, with the reason, in one notice (the desk may ask only once).
import type { Content, TableCell } from 'pdfmake/interfaces';
import { documentTitle, signatureRow } from '../../../platform/pdf/administrative-layout';
import type { SupplementRequestFormData } from './form-data';
import { A5_FORM, applicantLines, formHeader, labelled, renderForm } from './form-layout';

const TITLE = 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ';

function itemsTable(data: SupplementRequestFormData): Content {
  const head = ['STT', 'Nội dung cần bổ sung, hoàn thiện', 'Lý do'].map(
    (text): TableCell => ({ text, bold: true, alignment: 'center' }),
  );
  const rows = data.items.map((item, i): TableCell[] => [
    { text: String(i + 1), alignment: 'center' },
    item.item,
    item.reason,
  ]);
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [22, '*', '*'], body: [head, ...rows] },
    fontSize: A5_FORM.fontSize - 1,
    margin: [0, 2, 0, 6],
  };
}

export function renderSupplementRequestForm(data: SupplementRequestFormData): Promise<Buffer> {
  const content: Content[] = [
    formHeader(data, A5_FORM, data.documentNumber),
    documentTitle(
      TITLE,
      A5_FORM.fontSize + 0.5,
      ...(data.dossierCode ? [{ text: `Mã hồ sơ: ${data.dossierCode}`, bold: true }] : []),
    ),
    { text: data.deskName, bold: true },
    ...applicantLines(data.applicant, 'Hồ sơ của'),
    labelled('Nội dung yêu cầu giải quyết', data.procedureName),
    { text: 'Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:', margin: [0, 4, 0, 0] },
    itemsTable(data),
    {
      text: [
        'Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với ',
        { text: data.contact.name, bold: true },
        ', số điện thoại ',
        { text: data.contact.phone, bold: true },
        ' để được hướng dẫn.',
      ],
    },
    signatureRow([{ title: 'Người hướng dẫn', hint: '(Ký và ghi rõ họ tên)', name: data.issuedBy }]),
  ];
  return renderForm({
    issue: data,
    page: A5_FORM,
    formNumber: 'Mẫu số 02',
    title: TITLE,
    dossierCode: data.dossierCode,
    content,
  });
}
