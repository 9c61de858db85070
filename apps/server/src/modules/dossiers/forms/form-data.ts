// What the dossier engine hands to the one-stop forms of Circular 01/2018/TT-VPCP (Forms 01–06).
// The forms only lay out what they are given: derivations (deadlines, on-time results, book
// numbers) belong to the engine.
//
// Optional details may be absent or null (the engine's records use null); either prints nothing.
// Instants are epoch milliseconds (UTC), as in the domain (`dueDate`, `classifyFinish`). The forms
// print them in Vietnam time (Asia/Ho_Chi_Minh, UTC+7): "08 giờ 30 phút, ngày 05/01/2026" where the
// law asks for hour and date, "05/01/2026" where it asks for a date. Texts are printed as given
// (normalised to NFC); headings are upper-cased by the forms.
import type { FinishClassification, ProcessingTime } from '@motcua/domain/calendar/due-date';

export type EpochMs = number;

/** The agency that issues the form, as its heading shows it (Decree 30/2020). */
export interface FormAgency {
  /** The governing agency, e.g. "UBND tỉnh Minh Hòa"; omitted for a top-level agency. */
  readonly parentName?: string | null;
  /** The issuing unit, e.g. "Trung tâm Phục vụ hành chính công". */
  readonly name: string;
  /** Electronic identifier, e.g. "000.00.12.H99"; written into the PDF's metadata. */
  readonly code?: string | null;
}

/** What every form carries: who issues it, where and when. */
export interface FormIssue {
  readonly agency: FormAgency;
  /** The place of the date line: "Minh Hòa" in "Minh Hòa, ngày 05 tháng 01 năm 2026". */
  readonly place: string;
  /** When the form is issued: its date line and the PDF's creation date (same input, same bytes). */
  readonly issuedAt: EpochMs;
}

export interface Applicant {
  /** Person or organisation, e.g. "Nguyễn Thị Hồng Nhung", "Công ty TNHH Minh Phát". */
  readonly name: string;
  readonly address?: string | null;
  readonly phone?: string | null;
  readonly email?: string | null;
}

// ---------------------------------------------------------------- Form 01

export interface ReceiptDocument {
  /** "Tờ khai đăng ký khai sinh (theo mẫu)". */
  readonly name: string;
  readonly originals: number;
  readonly copies: number;
  /** E.g. "Bản điện tử", "Lấy từ kho dữ liệu". */
  readonly note?: string | null;
}

export type ResultDelivery =
  /** `place`: the desk where the result is collected. */
  | { readonly method: 'desk'; readonly place: string }
  /** `address`: where the postal service delivers it. */
  | { readonly method: 'post'; readonly address: string }
  /** `address`: the e-mail or portal account that receives the electronic result. */
  | { readonly method: 'online'; readonly address: string };

/** Mẫu số 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (A5). */
export interface ReceiptFormData extends FormIssue {
  /** The desk that received the dossier, e.g. "Trung tâm Phục vụ hành chính công tỉnh Minh Hòa". */
  readonly deskName: string;
  readonly dossierCode: string;
  readonly applicant: Applicant;
  /** The request: the procedure's name. */
  readonly procedureName: string;
  readonly documents: readonly ReceiptDocument[];
  /** Số lượng hồ sơ (bộ). */
  readonly setCount: number;
  /** The legal processing time of the procedure. */
  readonly processingTime: ProcessingTime;
  readonly receivedAt: EpochMs;
  readonly appointmentAt: EpochMs;
  readonly resultDelivery: ResultDelivery;
  /** "Vào Sổ theo dõi hồ sơ, Quyển số: {volume}, Số thứ tự: {sequence}". */
  readonly trackingBook: { readonly volume: string; readonly sequence: number };
  /** Names under the two signatures. */
  readonly submitterName: string;
  readonly receiverName: string;
  /** Public tracking page of the dossier; carried by the QR code and printed beside it. */
  readonly trackingUrl: string;
}

// ---------------------------------------------------------------- Forms 02, 03

export interface SupplementItem {
  /** What to add or correct, e.g. "Bản sao Giấy chứng nhận kết hôn". */
  readonly item: string;
  readonly reason: string;
}

/** Mẫu số 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (A5). */
export interface SupplementRequestFormData extends FormIssue {
  readonly deskName: string;
  /** Absent when the dossier was not received (a paper dossier checked at the desk). */
  readonly dossierCode?: string | null;
  /** The addressee. */
  readonly applicant: Applicant;
  readonly procedureName: string;
  readonly items: readonly SupplementItem[];
  /** Whom to call for guidance while completing the dossier. */
  readonly contact: { readonly name: string; readonly phone: string };
  /** The officer who signs as "Người hướng dẫn". */
  readonly issuedBy: string;
  /** "Số: …", when the agency numbers these notices. */
  readonly documentNumber?: string | null;
}

/** Mẫu số 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ (A5). */
export interface RefusalFormData extends FormIssue {
  readonly deskName: string;
  readonly dossierCode?: string | null;
  readonly applicant: Applicant;
  readonly procedureName: string;
  /** The legal text relied on, e.g. "Luật Hộ tịch năm 2014". */
  readonly legalBasis?: string | null;
  readonly reasons: readonly string[];
  /** The officer who signs as "Người tiếp nhận hồ sơ". */
  readonly issuedBy: string;
  readonly documentNumber?: string | null;
}

// ---------------------------------------------------------------- Form 04

/** Mẫu số 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả (A5), issued by the agency that is late. */
export interface ApologyFormData extends FormIssue {
  /** "Số: 15/PXL". */
  readonly documentNumber?: string | null;
  /** "Kính gửi: {applicant.name}". */
  readonly applicant: Applicant;
  readonly dossierCode: string;
  readonly receivedAt: EpochMs;
  readonly originalAppointmentAt: EpochMs;
  readonly reason: string;
  readonly newAppointmentAt: EpochMs;
  /** The agency's head (or deputy signing for the head: authority "KT. GIÁM ĐỐC", title "PHÓ GIÁM ĐỐC"). */
  readonly signer: { readonly authority?: string | null; readonly title: string; readonly name: string };
}

// ---------------------------------------------------------------- Form 05

/**
 * One hand-over of the dossier, derived from its events: the domain's `controlSheetRows` row with the
 * agency's name in place of its id (`{ ...row, agencyName }`).
 */
export interface ControlSheetRow {
  /** The agency (or unit) handing the dossier over: "Tên cơ quan". */
  readonly agencyName: string;
  /** The step that ended with this hand-over, printed under the agency, e.g. "Thẩm định hồ sơ". */
  readonly stepName?: string | null;
  /** Who hands over and who receives, e.g. "Bộ phận TN&TKQ: Trần Văn Bình". */
  readonly givenBy: string;
  readonly receivedBy: string;
  readonly givenAt: EpochMs;
  /** Result of the step against its deadline; absent or null while unknown or without deadline. */
  readonly classification?: FinishClassification | null;
  readonly note?: string | null;
}

/** Mẫu số 05 — Phiếu kiểm soát quá trình giải quyết hồ sơ. */
export interface ControlSheetFormData extends FormIssue {
  readonly dossierCode: string;
  readonly applicant: Applicant;
  readonly procedureName: string;
  readonly receivedAt: EpochMs;
  readonly appointmentAt: EpochMs;
  /** "Cơ quan (bộ phận) giải quyết hồ sơ". */
  readonly leadAgencyName?: string | null;
  /** "Cơ quan phối hợp giải quyết hồ sơ". */
  readonly coordinatingAgencyNames?: readonly string[] | null;
  readonly rows: readonly ControlSheetRow[];
}

// ---------------------------------------------------------------- Form 06

export interface TrackingBookRow {
  /** Number in the book; it restarts at 1 each year (printed "01"). */
  readonly sequence: number;
  readonly dossierCode: string;
  readonly procedureName: string;
  readonly setCount?: number | null;
  readonly applicantName: string;
  /** Address and phone, as one line. */
  readonly applicantContact?: string | null;
  readonly receivedAt: EpochMs;
  readonly appointmentAt: EpochMs;
  /** The agency the dossier was sent to for processing, and when. */
  readonly forwardedTo?: { readonly agencyName: string; readonly at: EpochMs } | null;
  /** When the desk got the result back from that agency. */
  readonly resultReceivedAt?: EpochMs | null;
  /** When the result was returned to the applicant. */
  readonly returnedAt?: EpochMs | null;
  readonly note?: string | null;
}

/** Mẫu số 06 — Sổ theo dõi hồ sơ of one desk over a period (A4 landscape; also as Excel). */
export interface TrackingBookData extends FormIssue {
  readonly deskName: string;
  /** "Quyển số", e.g. "01/2026". */
  readonly volume: string;
  readonly periodFrom: EpochMs;
  readonly periodTo: EpochMs;
  readonly rows: readonly TrackingBookRow[];
}
