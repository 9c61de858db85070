// Realistic data for the one-stop forms: a dossier received at the provincial service centre of the
// (fictional) province Minh Hòa and processed by its Department of Agriculture and Environment.
import type {
  ApologyFormData,
  ControlSheetFormData,
  FormIssue,
  ReceiptFormData,
  RefusalFormData,
  SupplementRequestFormData,
  TrackingBookData,
  TrackingBookRow,
} from '../../src/modules/dossiers/forms/form-data';

/** Epoch milliseconds of a Vietnam wall-clock time (UTC+7). */
export const vn = (y: number, mo: number, d: number, h = 0, mi = 0): number =>
  Date.UTC(y, mo - 1, d, h - 7, mi);

export const DOSSIER_CODE = '000.00.12.H99-260105-0001';
export const TRACKING_URL = 'https://dichvucong.minhhoa.gov.vn/tra-cuu/000.00.12.H99-260105-0001';
export const PROCEDURE = 'Cấp giấy phép khai thác, sử dụng nước dưới đất';
export const APPLICANT = {
  name: 'Nguyễn Thị Hồng Nhung',
  address: 'Số 12 đường Lê Lợi, phường An Bình, tỉnh Minh Hòa',
  phone: '0912 345 678',
  email: 'nhung.nguyen@example.vn',
};

const centre: FormIssue = {
  agency: {
    parentName: 'UBND tỉnh Minh Hòa',
    name: 'Trung tâm Phục vụ hành chính công',
    code: '000.00.02.H99',
  },
  place: 'Minh Hòa',
  issuedAt: vn(2026, 1, 5, 8, 30),
};

export const receipt: ReceiptFormData = {
  ...centre,
  deskName: 'Trung tâm Phục vụ hành chính công tỉnh Minh Hòa',
  dossierCode: DOSSIER_CODE,
  applicant: APPLICANT,
  procedureName: PROCEDURE,
  documents: [
    { name: 'Đơn đề nghị cấp giấy phép khai thác nước dưới đất (Mẫu 01)', originals: 1, copies: 0 },
    { name: 'Sơ đồ khu vực và vị trí công trình khai thác nước', originals: 1, copies: 1 },
    { name: 'Kết quả phân tích chất lượng nguồn nước', originals: 0, copies: 2, note: 'bản điện tử' },
  ],
  setCount: 1,
  processingTime: { unit: 'working-days', value: 5 },
  receivedAt: vn(2026, 1, 5, 8, 30),
  appointmentAt: vn(2026, 1, 12, 10, 0),
  resultDelivery: {
    method: 'desk',
    place: 'Trung tâm Phục vụ hành chính công tỉnh Minh Hòa, số 1 Quảng trường Trung tâm',
  },
  trackingBook: { volume: '01/2026', sequence: 1 },
  submitterName: 'Nguyễn Thị Hồng Nhung',
  receiverName: 'Trần Văn Bình',
  trackingUrl: TRACKING_URL,
};

export const supplementRequest: SupplementRequestFormData = {
  ...centre,
  issuedAt: vn(2026, 1, 6, 14, 15),
  deskName: 'Trung tâm Phục vụ hành chính công tỉnh Minh Hòa',
  dossierCode: DOSSIER_CODE,
  applicant: APPLICANT,
  procedureName: PROCEDURE,
  items: [
    {
      item: 'Bản sao Giấy chứng nhận quyền sử dụng đất nơi đặt giếng khoan',
      reason: 'Hồ sơ chưa có giấy tờ chứng minh quyền sử dụng đất',
    },
    {
      item: 'Sơ đồ vị trí công trình có tọa độ VN-2000',
      reason: 'Sơ đồ đã nộp không ghi hệ tọa độ',
    },
  ],
  contact: { name: 'Lê Thị Mai Anh', phone: '0236 3 822 456' },
  issuedBy: 'Trần Văn Bình',
};

export const refusal: RefusalFormData = {
  ...centre,
  issuedAt: vn(2026, 1, 5, 9, 5),
  deskName: 'Trung tâm Phục vụ hành chính công tỉnh Minh Hòa',
  applicant: { name: 'Phạm Quốc Hưng', address: 'Thôn Đông, xã Tân Phú, tỉnh Minh Hòa' },
  procedureName: PROCEDURE,
  legalBasis: 'Luật Tài nguyên nước năm 2023',
  reasons: [
    'Công trình khai thác nằm trong vùng cấm khai thác nước dưới đất đã được công bố',
    'Yêu cầu không thuộc thẩm quyền giải quyết của cấp tỉnh',
  ],
  issuedBy: 'Trần Văn Bình',
};

export const apology: ApologyFormData = {
  agency: { parentName: 'UBND tỉnh Minh Hòa', name: 'Sở Nông nghiệp và Môi trường', code: '000.00.12.H99' },
  place: 'Minh Hòa',
  issuedAt: vn(2026, 1, 9, 16, 0),
  documentNumber: '03/PXL-SNNMT',
  applicant: APPLICANT,
  dossierCode: DOSSIER_CODE,
  receivedAt: vn(2026, 1, 5, 8, 30),
  originalAppointmentAt: vn(2026, 1, 12, 10, 0),
  reason: 'Cần kiểm tra thực địa vị trí giếng khoan; đoàn kiểm tra chưa bố trí được trong thời hạn',
  newAppointmentAt: vn(2026, 3, 16, 10, 0),
  signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Hoàng Minh Đức' },
};

export const controlSheet: ControlSheetFormData = {
  ...centre,
  issuedAt: vn(2026, 1, 5, 8, 30),
  dossierCode: DOSSIER_CODE,
  applicant: APPLICANT,
  procedureName: PROCEDURE,
  receivedAt: vn(2026, 1, 5, 8, 30),
  appointmentAt: vn(2026, 1, 12, 10, 0),
  leadAgencyName: 'Sở Nông nghiệp và Môi trường',
  coordinatingAgencyNames: ['UBND phường An Bình'],
  rows: [
    {
      agencyName: 'Trung tâm Phục vụ hành chính công',
      givenBy: 'Bộ phận TN&TKQ: Trần Văn Bình',
      receivedBy: 'Phòng Tài nguyên nước: Lê Thị Mai Anh',
      givenAt: vn(2026, 1, 5, 14, 0),
      classification: 'on-time',
    },
    {
      agencyName: 'Sở Nông nghiệp và Môi trường',
      givenBy: 'Phòng Tài nguyên nước: Lê Thị Mai Anh',
      receivedBy: 'Lãnh đạo Sở: Hoàng Minh Đức',
      givenAt: vn(2026, 1, 8, 9, 45),
      classification: 'early',
    },
    {
      agencyName: 'Sở Nông nghiệp và Môi trường',
      givenBy: 'Lãnh đạo Sở: Hoàng Minh Đức',
      receivedBy: 'Bộ phận TN&TKQ: Trần Văn Bình',
      givenAt: vn(2026, 1, 13, 15, 20),
      classification: 'late',
      note: 'Đã gửi Phiếu xin lỗi số 03/PXL-SNNMT',
    },
    {
      agencyName: 'Trung tâm Phục vụ hành chính công',
      stepName: 'Trả kết quả',
      givenBy: 'Bộ phận TN&TKQ: Trần Văn Bình',
      receivedBy: 'Nguyễn Thị Hồng Nhung',
      classification: null,
      note: null,
      givenAt: vn(2026, 1, 14, 8, 0),
    },
  ],
};

export const bookRow = (i: number): TrackingBookRow => ({
  sequence: i,
  dossierCode: `000.00.12.H99-2601${String(5 + Math.floor((i - 1) / 50)).padStart(2, '0')}-${String(((i - 1) % 50) + 1).padStart(4, '0')}`,
  procedureName: i % 2 === 0 ? 'Đăng ký khai thác nước dưới đất' : PROCEDURE,
  setCount: 1,
  applicantName: i === 1 ? 'Nguyễn Thị Hồng Nhung' : `Người nộp số ${i}`,
  applicantContact: `Phường An Bình, 0912 000 ${String(i).padStart(3, '0')}`,
  receivedAt: vn(2026, 1, 5, 8, 30),
  appointmentAt: vn(2026, 1, 12, 10, 0),
  ...(i % 3 === 0
    ? {}
    : { forwardedTo: { agencyName: 'Sở Nông nghiệp và Môi trường', at: vn(2026, 1, 5, 14, 0) } }),
  ...(i % 3 === 1 ? { resultReceivedAt: vn(2026, 1, 9, 16, 0), returnedAt: vn(2026, 1, 12, 9, 15) } : {}),
  ...(i === 2 ? { note: 'Trả qua bưu điện' } : {}),
});

export const trackingBook = (rowCount = 3): TrackingBookData => ({
  ...centre,
  issuedAt: vn(2026, 1, 31, 17, 0),
  deskName: 'Trung tâm Phục vụ hành chính công tỉnh Minh Hòa',
  volume: '01/2026',
  periodFrom: vn(2026, 1, 1),
  periodTo: vn(2026, 1, 31),
  rows: Array.from({ length: rowCount }, (_, k) => bookRow(k + 1)),
});
