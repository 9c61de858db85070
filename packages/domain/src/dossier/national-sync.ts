/**
 * The national public-service portal's (Cổng Dịch vụ công quốc gia, DVCQG) payloads for a dossier
 * (DOMAIN.md §10): the dossier-sync payload (đồng bộ hồ sơ) and the progress payload (tiến trình xử lý).
 * This is the one file where the portal's Vietnamese field names live.
 *
 * The shape follows public integrations with the portal (OpenCPS's DVCQG integration and provincial
 * one-stop systems' HoSoDongBoDVC / QuaTrinhXuLyDongBoDVC / TaiLieuNop / LePhi / HoSoBoSung /
 * GiayToKetQua models): every value is a string — codes and flags as digits ("1"/"0"), instants as
 * `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh (UTC+7, no DST), an absent instant or text as "".
 *
 * Inferred, because we found no published specification (keep them here, change them here):
 * - NgayTiepNhan is the acceptance instant; before acceptance, the submission instant.
 * - DonViXuLy is the name of the workflow's lead agency (the receiving agency before acceptance).
 * - TaiLieuNop has one entry per attached file, and one without a file for a paper component that was
 *   not scanned; MaThanhPhanHoSo and TenTepDinhKem carry the component's name (the catalogue has no
 *   component codes); DuocTaiSuDung and DuocLayTuKhoDMQG are both "1" for a component taken from the
 *   applicant's data store.
 * - DanhSachLePhi lists the fees actually requested (PaymentRequested), not the catalogue's list;
 *   MaPhiLePhi is "" (no fee codes yet), LoaiPhiLePhi "1" (ordinary fee), HinhThucThu "1" when requested
 *   during processing and "4" when requested once the result was issued (codes seen in one integration:
 *   1 at reception, 2 at supplement, 4 at return).
 * - DanhSachHoSoBoSung lists the supplement rounds after acceptance only (the ones the 766 scoreboard
 *   counts); an intake supplement (Form 02 before acceptance) precedes the receipt.
 * - MaGiayToKetQua is the result document's number.
 */
import { civilFromEpochDay, localEpochDay, MS_PER_DAY, VIETNAM_OFFSET_MS } from '../calendar/vietnam-time';
import type { DossierEvent, SubmittedComponent } from './dossier-events';
import { type DossierState, evolve, foldDossier, initialDossierState } from './dossier-state';
import { isFinal, nationalStatusCode } from './dossier-status';

export interface NationalSyncLookup {
  /** Display names of agencies (and their units) by id: DonViXuLy, PhongBanXuLy. */
  agencyNames: Readonly<Record<string, string>>;
  /** Address at which the portal can fetch a stored file; without it file addresses are "". */
  fileUrl?: (fileId: string) => string;
}

type Flag = '0' | '1';

export interface NationalSubmittedDocument {
  TepDinhKemId: string;
  TenTepDinhKem: string;
  MaThanhPhanHoSo: string;
  DuongDanTaiTepTin: string;
  DuocSoHoa: Flag;
  DuocTaiSuDung: Flag;
  DuocLayTuKhoDMQG: Flag;
}

export interface NationalFee {
  TenPhiLePhi: string;
  MaPhiLePhi: string;
  HinhThucThu: '1' | '4';
  Gia: string;
  LoaiPhiLePhi: '1';
}

export interface NationalSupplement {
  HoSoBoSungId: string;
  NguoiYeuCauBoSung: string;
  NoiDungBoSung: string;
  NgayBoSung: string;
  NguoiTiepNhanBoSung: string;
  NgayTiepNhanBoSung: string;
  TrangThaiBoSung: Flag;
  DanhSachGiayToBoSung: NationalSubmittedDocument[];
  NgayHenTraTruoc: string;
  NgayHenTraMoi: string;
}

export interface NationalResultDocument {
  TenGiayTo: string;
  MaThanhPhanHoSo: string;
  GiayToId: string;
  DuongDanTepTinKetQua: string;
  MaGiayToKetQua: string;
}

export interface DossierSyncPayload {
  MaHoSo: string;
  MaTTHC: string;
  TenTTHC: string;
  MaLinhVuc: string;
  TenLinhVuc: string;
  ChuHoSo: string;
  /** 1 citizen, 2 organisation. */
  LoaiDoiTuong: '1' | '2';
  SoDienThoai: string;
  Email: string;
  TrichYeuHoSo: string;
  NgayTiepNhan: string;
  NgayHenTra: string;
  /** National status code 1–10 (`nationalStatusCode`). */
  TrangThaiHoSo: string;
  NgayTra: string;
  NgayKetThucXuLy: string;
  DonViXuLy: string;
  /** 1 in person, 2 online, 3 public postal service. */
  KenhThucHien: '1' | '2' | '3';
  TaiLieuNop: NationalSubmittedDocument[];
  DanhSachLePhi: NationalFee[];
  DanhSachHoSoBoSung: NationalSupplement[];
  DanhSachGiayToKetQua: NationalResultDocument[];
  DuocThanhToanTrucTuyen: Flag;
}

export interface ProgressPayload {
  MaHoSo: string;
  NguoiXuLy: string;
  ChucDanh: string;
  ThoiDiemXuLy: string;
  PhongBanXuLy: string;
  NoiDungXuLy: string;
  /** National status code 1–10 after this action. */
  TrangThai: string;
  NgayBatDau: string;
  NgayKetThucTheoQuyDinh: string;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** An instant as the portal writes it: `yyyyMMddHHmmss` in Vietnam time; null → "". */
export function nationalDateTime(instant: number | null): string {
  if (instant === null) return '';
  const epochDay = localEpochDay(instant);
  const { year, month, day } = civilFromEpochDay(epochDay);
  const seconds = Math.floor((instant + VIETNAM_OFFSET_MS - epochDay * MS_PER_DAY) / 1000);
  const hh = Math.floor(seconds / 3600);
  const mm = Math.floor((seconds % 3600) / 60);
  return `${pad(year, 4)}${pad(month)}${pad(day)}${pad(hh)}${pad(mm)}${pad(seconds % 60)}`;
}

const channelCodes = { 'in-person': '1', online: '2', postal: '3' } as const;
const flag = (value: boolean): Flag => (value ? '1' : '0');

function agencyName(lookup: NationalSyncLookup, agencyId: string): string {
  const name = lookup.agencyNames[agencyId];
  // A payload with an id where the portal expects a name would be silently wrong: refuse it.
  if (name === undefined) throw new RangeError(`national sync: no name for agency ${agencyId}`);
  return name;
}

/** The agencies whose names the payloads of these events need: build the lookup from them. */
export function nationalSyncAgencyIds(events: readonly DossierEvent[]): string[] {
  const ids = new Set<string>();
  for (const e of events) {
    if (e.type === 'DossierSubmitted') ids.add(e.receivingAgencyId);
    if (e.type === 'DossierAccepted') ids.add(e.workflow.leadAgencyId);
    if (e.actor.agencyId !== null) ids.add(e.actor.agencyId);
  }
  return [...ids];
}

function submittedDocuments(
  components: readonly SubmittedComponent[],
  lookup: NationalSyncLookup,
): NationalSubmittedDocument[] {
  return components.flatMap((c) => {
    const common = {
      TenTepDinhKem: c.name,
      MaThanhPhanHoSo: c.name,
      DuocSoHoa: flag(c.digitised),
      DuocTaiSuDung: flag(c.fromDataStore),
      DuocLayTuKhoDMQG: flag(c.fromDataStore),
    };
    if (c.fileIds.length === 0) return [{ TepDinhKemId: '', DuongDanTaiTepTin: '', ...common }];
    return c.fileIds.map((id) => ({
      TepDinhKemId: id,
      DuongDanTaiTepTin: lookup.fileUrl?.(id) ?? '',
      ...common,
    }));
  });
}

/**
 * The dossier-sync payload of a dossier from its events (fees, supplement rounds and who handled them
 * are only in the events; the state is folded from them).
 */
export function dossierSyncPayload(
  events: readonly DossierEvent[],
  lookup: NationalSyncLookup,
): DossierSyncPayload {
  const fees: NationalFee[] = [];
  const supplements: NationalSupplement[] = [];
  let state = initialDossierState();
  for (const e of events) {
    const before = state;
    state = evolve(state, e);
    if (e.type === 'PaymentRequested') {
      for (const item of e.items)
        fees.push({
          TenPhiLePhi: item.name,
          MaPhiLePhi: '',
          HinhThucThu: before.result !== null ? '4' : '1',
          Gia: String(item.amountVnd),
          LoaiPhiLePhi: '1',
        });
    } else if (e.type === 'SupplementRequested') {
      supplements.push({
        HoSoBoSungId: String(supplements.length + 1),
        NguoiYeuCauBoSung: e.actor.name,
        NoiDungBoSung: e.items.map((i) => `${i.name}: ${i.reason}`).join('; '),
        NgayBoSung: nationalDateTime(e.at),
        NguoiTiepNhanBoSung: '',
        NgayTiepNhanBoSung: '',
        TrangThaiBoSung: '0',
        DanhSachGiayToBoSung: [],
        NgayHenTraTruoc: nationalDateTime(before.appointmentAt),
        NgayHenTraMoi: '',
      });
    } else if (e.type === 'SupplementReceived') {
      const round = supplements.at(-1);
      if (round !== undefined) {
        round.NguoiTiepNhanBoSung = e.actor.name;
        round.NgayTiepNhanBoSung = nationalDateTime(e.at);
        round.TrangThaiBoSung = '1';
        round.DanhSachGiayToBoSung = submittedDocuments(e.components, lookup);
        round.NgayHenTraMoi = nationalDateTime(e.appointmentAt);
      }
    }
  }
  if (!state.exists || state.procedure === null || state.applicant === null)
    throw new RangeError('national sync: the events do not describe a submitted dossier');
  const { procedure, applicant } = state;
  return {
    MaHoSo: state.code,
    MaTTHC: procedure.nationalCode,
    TenTTHC: procedure.name,
    MaLinhVuc: procedure.fieldCode,
    TenLinhVuc: procedure.fieldName,
    ChuHoSo: applicant.name,
    LoaiDoiTuong: applicant.kind === 'organisation' ? '2' : '1',
    SoDienThoai: applicant.phone ?? '',
    Email: applicant.email ?? '',
    TrichYeuHoSo: state.summary,
    NgayTiepNhan: nationalDateTime(state.acceptedAt ?? state.submittedAt),
    NgayHenTra: nationalDateTime(state.appointmentAt),
    TrangThaiHoSo: String(nationalStatusCode(state.status)),
    NgayTra: nationalDateTime(state.returned?.at ?? null),
    NgayKetThucXuLy: nationalDateTime(state.finishedAt),
    DonViXuLy: agencyName(lookup, state.workflow?.leadAgencyId ?? state.receivingAgencyId),
    KenhThucHien: channelCodes[state.channel],
    TaiLieuNop: submittedDocuments(state.components, lookup),
    DanhSachLePhi: fees,
    DanhSachHoSoBoSung: supplements,
    DanhSachGiayToKetQua: (state.result?.documents ?? []).map((d) => ({
      TenGiayTo: d.name,
      MaThanhPhanHoSo: '',
      GiayToId: d.fileId ?? '',
      DuongDanTepTinKetQua: d.fileId !== null ? (lookup.fileUrl?.(d.fileId) ?? '') : '',
      MaGiayToKetQua: d.number ?? '',
    })),
    DuocThanhToanTrucTuyen: flag(state.payment.paidOnline),
  };
}

const vnd = new Intl.NumberFormat('vi-VN');
const withText = (head: string, text: string | null | undefined): string =>
  text !== null && text !== undefined && text.trim() !== '' ? `${head}: ${text}` : head;

/** What was done, in Vietnamese, for NoiDungXuLy. `state` is the state after the event. */
function describe(event: DossierEvent, state: DossierState, lookup: NationalSyncLookup): string {
  const stepName = (key: string) => state.workflow?.steps.find((s) => s.key === key)?.name ?? key;
  switch (event.type) {
    case 'DossierSubmitted':
      return event.channel === 'online'
        ? 'Nộp hồ sơ trực tuyến'
        : event.channel === 'postal'
          ? 'Nhận hồ sơ qua dịch vụ bưu chính công ích'
          : 'Nhận hồ sơ trực tiếp tại Bộ phận Một cửa';
    case 'IntakeSupplementRequested':
      return withText('Yêu cầu bổ sung, hoàn thiện hồ sơ', event.items.map((i) => i.name).join('; '));
    case 'IntakeSupplementReceived':
      return 'Nhận hồ sơ bổ sung, hoàn thiện';
    case 'IntakeRefused':
      return withText('Từ chối tiếp nhận hồ sơ', event.reasons.join('; '));
    case 'DossierAccepted':
      return 'Tiếp nhận hồ sơ và hẹn trả kết quả';
    case 'HandlerAssigned':
      return `Phân công xử lý: ${event.name}`;
    case 'DossierForwarded':
      return withText(
        `Chuyển bước "${stepName(event.toStep)}"${event.toName ? ` cho ${event.toName}` : ''}`,
        event.note,
      );
    case 'DossierSentBack':
      return withText(`Trả lại bước "${stepName(event.toStep)}"`, event.reason);
    case 'SupplementRequested':
      return withText('Yêu cầu bổ sung hồ sơ', event.items.map((i) => i.name).join('; '));
    case 'SupplementReceived':
      return 'Nhận hồ sơ bổ sung; thời hạn giải quyết được tính lại';
    case 'ConsultationStarted':
      return withText(`Xin ý kiến ${event.agencyName}`, event.question);
    case 'ConsultationAnswered':
      return withText('Nhận ý kiến trả lời', event.answer);
    case 'InterAgencySent':
      return `Chuyển xử lý liên thông (${event.mode === 'parallel' ? 'đồng thời' : 'tuần tự'}): ${event.participants
        .map((p) => p.agencyName)
        .join('; ')}`;
    case 'AgencyResultReceived': {
      const name =
        state.interAgency?.participants.find((p) => p.agencyId === event.agencyId)?.agencyName ??
        agencyName(lookup, event.agencyId);
      return withText(`Nhận kết quả liên thông từ ${name}`, event.note);
    }
    case 'DecisionProposed':
      return withText(
        event.outcome === 'grant' ? 'Trình giải quyết' : 'Trình từ chối giải quyết',
        event.summary,
      );
    case 'ProposalApproved':
      return withText('Phê duyệt nội dung trình', event.note);
    case 'ResultIssued':
      return withText('Ban hành kết quả giải quyết', event.documents.map((d) => d.name).join('; '));
    case 'RefusedAfterAppraisal':
      return withText('Từ chối giải quyết', event.reasons.join('; '));
    case 'EarlyReturnNotified':
      return withText('Thông báo trả kết quả trước hạn', event.message);
    case 'DeadlineExtended':
      return withText(
        `Xin lỗi và hẹn lại ngày trả kết quả: ${nationalDateTime(event.appointmentAt)}`,
        event.reason,
      );
    case 'PaymentRequested':
      return `Yêu cầu nộp phí, lệ phí: ${vnd.format(event.amountVnd)} đồng`;
    case 'PaymentReceived':
      return `Đã nộp phí, lệ phí: ${vnd.format(event.amountVnd)} đồng${event.method === 'online' ? ' (trực tuyến)' : ''}`;
    case 'ResultReturned':
      return event.method === 'postal'
        ? `Trả kết quả qua dịch vụ bưu chính công ích, số hiệu bưu gửi ${event.trackingNumber ?? ''}`
        : event.method === 'online'
          ? 'Trả kết quả trực tuyến'
          : 'Trả kết quả tại Bộ phận Một cửa';
    case 'DossierWithdrawn':
      return withText('Tổ chức, cá nhân rút hồ sơ', event.reason);
    case 'ProcessingStopped':
      return withText('Dừng xử lý hồ sơ', event.reason);
  }
}

/**
 * The progress payload of one handling action. `state` is the dossier's state right after `event`
 * (fold the events up to and including it); the step's start and legal end are the current step's.
 */
export function progressPayload(
  state: DossierState,
  event: DossierEvent,
  lookup: NationalSyncLookup,
): ProgressPayload {
  const open = !isFinal(state.status) && state.step !== null;
  return {
    MaHoSo: state.code,
    NguoiXuLy: event.actor.name,
    ChucDanh: event.actor.title ?? '',
    ThoiDiemXuLy: nationalDateTime(event.at),
    PhongBanXuLy: event.actor.agencyId === null ? '' : agencyName(lookup, event.actor.agencyId),
    NoiDungXuLy: describe(event, state, lookup),
    TrangThai: String(nationalStatusCode(state.status)),
    NgayBatDau: nationalDateTime(open ? state.step!.enteredAt : event.at),
    NgayKetThucTheoQuyDinh: nationalDateTime(open ? state.step!.dueAt : null),
  };
}

/** One progress payload per event, each with the state right after it. */
export function progressPayloads(
  events: readonly DossierEvent[],
  lookup: NationalSyncLookup,
): ProgressPayload[] {
  const payloads: ProgressPayload[] = [];
  let state = initialDossierState();
  for (const e of events) {
    state = evolve(state, e);
    payloads.push(progressPayload(state, e, lookup));
  }
  return payloads;
}

/** The progress payload of the latest event (what a change enqueues). */
export function latestProgressPayload(
  events: readonly DossierEvent[],
  lookup: NationalSyncLookup,
): ProgressPayload | null {
  const last = events.at(-1);
  return last === undefined ? null : progressPayload(foldDossier(events), last, lookup);
}
