// Mẫu số 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Circular 01/2018/TT-VPCP), A5, with a QR code
// of the dossier's public tracking page.
import type { Content, TableCell } from 'pdfmake/interfaces';
import { documentTitle, signatureRow } from '../../../platform/pdf/administrative-layout';
import { formatVietnamTimeAndDate } from '../../../platform/pdf/vietnam-date-text';
import type { ReceiptFormData, ResultDelivery } from './form-data';
import {
  A5_FORM,
  applicantLines,
  formHeader,
  labelled,
  processingTimeText,
  renderForm,
  twoDigits,
} from './form-layout';

const TITLE = 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả';
// pdfmake draws each QR module as a whole number of points (floor(fit / modules)): 82 gives 2-point
// (0.7 mm) modules, comfortably scanned by phones, up to version 6 (41 modules: a URL of about 100
// characters); a longer URL still renders, with 1-point modules.
const QR_SIZE = 82;
const QR_COLUMN = 84;

function deliveryText(delivery: ResultDelivery): string {
  switch (delivery.method) {
    case 'desk':
      return delivery.place;
    case 'post':
      return `Qua dịch vụ bưu chính công ích, địa chỉ: ${delivery.address}`;
    case 'online':
      return `Trực tuyến: ${delivery.address}`;
  }
}

function documentsTable(data: ReceiptFormData): Content {
  const head = ['STT', 'Tên giấy tờ', 'Bản chính', 'Bản sao'].map(
    (text): TableCell => ({ text, bold: true, alignment: 'center' }),
  );
  const rows = data.documents.map((d, i): TableCell[] => [
    { text: String(i + 1), alignment: 'center' },
    d.note ? { text: [d.name, { text: ` (${d.note})`, italics: true }] } : d.name,
    { text: twoDigits(d.originals), alignment: 'center' },
    { text: twoDigits(d.copies), alignment: 'center' },
  ]);
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [22, '*', 46, 40], body: [head, ...rows] },
    fontSize: A5_FORM.fontSize - 1,
    margin: [0, 2, 0, 4],
  };
}

/** The notes and the tracking page's address, with the QR code of that page at their right. */
function trackingBlock(data: ReceiptFormData): Content {
  return {
    columns: [
      {
        width: '*',
        stack: [
          'Ghi chú: Giấy tiếp nhận hồ sơ và hẹn trả kết quả được lập thành 02 bản: 01 bản giao cho người ' +
            'nộp hồ sơ, 01 bản lưu cùng hồ sơ tại Bộ phận Tiếp nhận và Trả kết quả. Người nhận kết quả ' +
            'mang theo giấy này khi đến nhận.',
          { text: 'Theo dõi tình trạng hồ sơ: quét mã QR hoặc truy cập', margin: [0, 3, 0, 0] },
          // Never broken at a hyphen or slash: a split address could not be typed back in.
          { text: data.trackingUrl, noWrap: true },
          { text: `Mã hồ sơ: ${data.dossierCode}`, bold: true },
        ],
        italics: true,
        fontSize: A5_FORM.fontSize - 2.5,
      },
      { width: QR_COLUMN, qr: data.trackingUrl, fit: QR_SIZE, eccLevel: 'M', alignment: 'right' },
    ],
    columnGap: 6,
    margin: [0, 8, 0, 0],
    unbreakable: true,
  };
}

export function renderReceiptForm(data: ReceiptFormData): Promise<Buffer> {
  const content: Content[] = [
    formHeader(data, A5_FORM),
    documentTitle(TITLE, A5_FORM.fontSize + 0.5, { text: `Mã hồ sơ: ${data.dossierCode}`, bold: true }),
    { text: data.deskName, bold: true },
    ...applicantLines(data.applicant, 'Tiếp nhận hồ sơ của'),
    labelled('Nội dung yêu cầu giải quyết', data.procedureName),
    '1. Thành phần hồ sơ nộp gồm:',
    documentsTable(data),
    `2. Số lượng hồ sơ: ${twoDigits(data.setCount)} (bộ)`,
    `3. Thời gian giải quyết hồ sơ theo quy định là: ${processingTimeText(data.processingTime)}`,
    `4. Thời gian nhận hồ sơ: ${formatVietnamTimeAndDate(data.receivedAt)}`,
    `5. Thời gian trả kết quả giải quyết hồ sơ: ${formatVietnamTimeAndDate(data.appointmentAt)}`,
    `6. Đăng ký nhận kết quả tại: ${deliveryText(data.resultDelivery)}`,
    {
      text: `Vào Sổ theo dõi hồ sơ, Quyển số: ${data.trackingBook.volume}, Số thứ tự: ${twoDigits(data.trackingBook.sequence)}`,
      margin: [0, 4, 0, 0],
    },
    signatureRow([
      { title: 'Người nộp hồ sơ', hint: '(Ký và ghi rõ họ tên)', name: data.submitterName },
      { title: 'Người tiếp nhận hồ sơ', hint: '(Ký và ghi rõ họ tên)', name: data.receiverName },
    ]),
    trackingBlock(data),
  ];
  return renderForm({
    issue: data,
    page: A5_FORM,
    formNumber: 'Mẫu số 01',
    title: TITLE,
    dossierCode: data.dossierCode,
    content,
  });
}
