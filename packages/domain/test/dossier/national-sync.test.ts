// National portal (DVCQG) payloads, DOMAIN.md §10: Vietnamese field names, codes as in the portal's
// integrations (status 1–10, channel 1 in person / 2 online / 3 postal, applicant 1 citizen /
// 2 organisation), instants as yyyyMMddHHmmss in Asia/Ho_Chi_Minh (UTC+7).
import { describe, expect, it } from 'vitest';
import type { DossierEvent } from '../../src/dossier/dossier-events';
import { foldDossier } from '../../src/dossier/dossier-state';
import {
  dossierSyncPayload,
  latestProgressPayload,
  type NationalSyncLookup,
  nationalDateTime,
  nationalSyncAgencyIds,
  progressPayload,
  progressPayloads,
} from '../../src/dossier/national-sync';
import {
  agencyNames,
  applicant,
  citizen,
  cmd,
  component,
  desk,
  doneDossier,
  FORM,
  head,
  ID_COPY,
  LEAD,
  leader,
  procedure,
  specialist,
  TestDossier,
} from './dossier-fixtures';

const lookup: NationalSyncLookup = { agencyNames, fileUrl: (id) => `https://motcua.example.vn/tep/${id}` };

/**
 * Submitted online on Sunday 4/1/2026, accepted Monday 5/1/2026 09:30 (= 02:30 UTC); 5 working days,
 * counting the make-up working Saturday 10/1/2026. A supplement, a fee paid online, a signed electronic
 * result, returned online.
 */
function knownDossier(): TestDossier {
  const d = new TestDossier();
  d.do(
    cmd.submitOnline({
      code: '000.00.12.H99-260105-0001',
      components: [
        component(FORM, { fileIds: ['tep-to-khai'] }),
        component(ID_COPY, { fromDataStore: true, fileIds: ['kho-cccd'] }),
      ],
    }),
    '2026-01-04T20:00',
    citizen,
  );
  d.do(cmd.accept(), '2026-01-05T09:30');
  d.do(cmd.forward(specialist.userId, specialist.name), '2026-01-05T10:00');
  d.do(cmd.requestSupplement(), '2026-01-06T09:00', specialist);
  d.do(
    { type: 'receiveSupplement', components: [component(ID_COPY, { fileIds: ['tep-cccd-moi'] })] },
    '2026-01-07T14:00',
  );
  d.do(
    {
      type: 'requestPayment',
      items: [{ name: 'Phí cung cấp thông tin lý lịch tư pháp', amountVnd: 200_000 }],
    },
    '2026-01-08T09:00',
    specialist,
  );
  d.do(
    { type: 'recordPayment', amountVnd: 200_000, method: 'online', reference: 'PAYGOV-1' },
    '2026-01-08T10:00',
    citizen,
  );
  d.do(cmd.propose(), '2026-01-09T09:00', specialist);
  d.do(cmd.forward(leader.userId, leader.name), '2026-01-09T09:30', specialist);
  d.do(cmd.approve(), '2026-01-09T10:00', leader);
  d.do(cmd.forward(head.userId, head.name), '2026-01-09T10:30', leader);
  d.do(cmd.issueResult(true), '2026-01-09T15:00', head);
  d.do(cmd.returnResult('online'), '2026-01-09T16:00');
  return d;
}

describe('instants (yyyyMMddHHmmss, Asia/Ho_Chi_Minh)', () => {
  it.each([
    ['2026-01-05T02:30:00Z', '20260105093000'],
    ['2026-01-04T17:00:00Z', '20260105000000'],
    ['2025-12-31T16:59:59.999Z', '20251231235959'],
    ['2026-02-16T16:59:00Z', '20260216235900'],
  ])('%s → %s', (iso, expected) => {
    expect(nationalDateTime(Date.parse(iso))).toBe(expected);
  });

  it('an absent instant is an empty string', () => {
    expect(nationalDateTime(null)).toBe('');
  });
});

describe('dossier-sync payload', () => {
  it('renders a known dossier exactly', () => {
    expect(dossierSyncPayload(knownDossier().events, lookup)).toEqual({
      MaHoSo: '000.00.12.H99-260105-0001',
      MaTTHC: '1.001193',
      TenTTHC: procedure.name,
      MaLinhVuc: 'G13-TP01',
      TenLinhVuc: 'Lý lịch tư pháp',
      ChuHoSo: 'Đỗ Thị Hoa',
      LoaiDoiTuong: '1',
      SoDienThoai: '0912345678',
      Email: 'hoa@example.vn',
      TrichYeuHoSo: 'Cấp Phiếu lý lịch tư pháp số 1',
      NgayTiepNhan: '20260105093000',
      // Restarted from the supplement received Wed 7/1 14:00: Wed 3 h, Thu, Fri, Sat 10/1 (make-up
      // working day), Mon 12/1, Tue 13/1 until 14:00.
      NgayHenTra: '20260113140000',
      TrangThaiHoSo: '10',
      NgayTra: '20260109160000',
      NgayKetThucXuLy: '20260109150000',
      DonViXuLy: 'Sở Tư pháp',
      KenhThucHien: '2',
      TaiLieuNop: [
        {
          TepDinhKemId: 'tep-to-khai',
          TenTepDinhKem: FORM,
          MaThanhPhanHoSo: FORM,
          DuongDanTaiTepTin: 'https://motcua.example.vn/tep/tep-to-khai',
          DuocSoHoa: '1',
          DuocTaiSuDung: '0',
          DuocLayTuKhoDMQG: '0',
        },
        // The supplement replaced the copy taken from the data store.
        {
          TepDinhKemId: 'tep-cccd-moi',
          TenTepDinhKem: ID_COPY,
          MaThanhPhanHoSo: ID_COPY,
          DuongDanTaiTepTin: 'https://motcua.example.vn/tep/tep-cccd-moi',
          DuocSoHoa: '1',
          DuocTaiSuDung: '0',
          DuocLayTuKhoDMQG: '0',
        },
      ],
      DanhSachLePhi: [
        {
          TenPhiLePhi: 'Phí cung cấp thông tin lý lịch tư pháp',
          MaPhiLePhi: '',
          HinhThucThu: '1',
          Gia: '200000',
          LoaiPhiLePhi: '1',
        },
      ],
      DanhSachHoSoBoSung: [
        {
          HoSoBoSungId: '1',
          NguoiYeuCauBoSung: specialist.name,
          NoiDungBoSung: `${ID_COPY}: Bản chụp không rõ số định danh`,
          NgayBoSung: '20260106090000',
          NguoiTiepNhanBoSung: desk.name,
          NgayTiepNhanBoSung: '20260107140000',
          TrangThaiBoSung: '1',
          DanhSachGiayToBoSung: [
            {
              TepDinhKemId: 'tep-cccd-moi',
              TenTepDinhKem: ID_COPY,
              MaThanhPhanHoSo: ID_COPY,
              DuongDanTaiTepTin: 'https://motcua.example.vn/tep/tep-cccd-moi',
              DuocSoHoa: '1',
              DuocTaiSuDung: '0',
              DuocLayTuKhoDMQG: '0',
            },
          ],
          // The receipt's appointment: 5 working days from Mon 5/1 09:30 end on Sat 10/1 09:30.
          NgayHenTraTruoc: '20260110093000',
          NgayHenTraMoi: '20260113140000',
        },
      ],
      DanhSachGiayToKetQua: [
        {
          TenGiayTo: 'Phiếu lý lịch tư pháp số 1',
          MaThanhPhanHoSo: '',
          GiayToId: 'file-result',
          DuongDanTepTinKetQua: 'https://motcua.example.vn/tep/file-result',
          MaGiayToKetQua: '123/PLLTP',
        },
      ],
      DuocThanhToanTrucTuyen: '1',
    });
  });

  it.each([
    ['in-person' as const, '1'],
    ['postal' as const, '3'],
  ])('channel %s → KenhThucHien %s', (channel, code) => {
    const d = new TestDossier();
    d.do(cmd.receive({}, channel), '2026-03-02T09:00');
    expect(dossierSyncPayload(d.events, lookup).KenhThucHien).toBe(code);
  });

  it('an organisation without phone or email; before acceptance the submission date and the receiving agency', () => {
    const d = new TestDossier();
    d.do(
      cmd.submitOnline({
        applicant: {
          ...applicant,
          kind: 'organisation',
          name: 'Công ty TNHH Hoa Sen',
          phone: null,
          email: null,
        },
      }),
      '2026-03-01T21:15',
      citizen,
    );
    expect(dossierSyncPayload(d.events, lookup)).toMatchObject({
      ChuHoSo: 'Công ty TNHH Hoa Sen',
      LoaiDoiTuong: '2',
      SoDienThoai: '',
      Email: '',
      NgayTiepNhan: '20260301211500',
      NgayHenTra: '',
      TrangThaiHoSo: '1',
      NgayTra: '',
      NgayKetThucXuLy: '',
      DonViXuLy: 'Sở Tư pháp',
      DanhSachLePhi: [],
      DanhSachHoSoBoSung: [],
      DanhSachGiayToKetQua: [],
      DuocThanhToanTrucTuyen: '0',
    });
  });

  it('digitised and data-store flags per component; a paper component not scanned has no file', () => {
    const d = new TestDossier();
    d.do(
      cmd.receive({
        components: [
          component(FORM, { fileIds: ['scan-1', 'scan-2'] }),
          component(ID_COPY, { digitised: false, fileIds: [] }),
        ],
      }),
      '2026-03-02T09:00',
    );
    const docs = dossierSyncPayload(d.events, { agencyNames }).TaiLieuNop;
    expect(docs.map((t) => [t.TepDinhKemId, t.MaThanhPhanHoSo, t.DuocSoHoa, t.DuongDanTaiTepTin])).toEqual([
      ['scan-1', FORM, '1', ''],
      ['scan-2', FORM, '1', ''],
      ['', ID_COPY, '0', ''],
    ]);
    const fromStore = new TestDossier();
    fromStore.do(
      cmd.submitOnline({
        components: [component(FORM), component(ID_COPY, { fromDataStore: true, fileIds: ['kho-1'] })],
      }),
      '2026-03-02T09:00',
      citizen,
    );
    expect(dossierSyncPayload(fromStore.events, lookup).TaiLieuNop[1]).toMatchObject({
      DuocLayTuKhoDMQG: '1',
      DuocTaiSuDung: '1',
    });
  });

  it('a fee requested after the result is collected at return (HinhThucThu 4); paid at the desk is not online', () => {
    const d = doneDossier();
    d.do({ type: 'requestPayment', items: [{ name: 'Lệ phí', amountVnd: 50_000 }] }, '2026-03-04T10:00');
    d.do({ type: 'recordPayment', amountVnd: 50_000, method: 'desk', reference: null }, '2026-03-04T10:05');
    const payload = dossierSyncPayload(d.events, lookup);
    expect(payload.DanhSachLePhi).toEqual([
      { TenPhiLePhi: 'Lệ phí', MaPhiLePhi: '', HinhThucThu: '4', Gia: '50000', LoaiPhiLePhi: '1' },
    ]);
    expect(payload.DuocThanhToanTrucTuyen).toBe('0');
    expect(payload.TrangThaiHoSo).toBe('9');
  });

  it('a supplement still awaited: not received, no new appointment; intake supplements are not listed', () => {
    const d = new TestDossier();
    d.do(cmd.receive({ components: [component(FORM)] }), '2026-03-02T09:00');
    d.do(
      { type: 'requestIntakeSupplement', items: [{ name: ID_COPY, reason: 'Thiếu' }], guidance: '' },
      '2026-03-02T09:05',
    );
    d.do({ type: 'receiveIntakeSupplement', components: [component(ID_COPY)] }, '2026-03-02T10:00');
    d.do(cmd.accept(), '2026-03-02T10:00');
    d.do(cmd.forward(), '2026-03-02T10:30');
    d.do(cmd.requestSupplement(), '2026-03-03T09:00', specialist);
    const payload = dossierSyncPayload(d.events, lookup);
    expect(payload.TrangThaiHoSo).toBe('5');
    expect(payload.DanhSachHoSoBoSung).toEqual([
      expect.objectContaining({
        HoSoBoSungId: '1',
        TrangThaiBoSung: '0',
        NguoiTiepNhanBoSung: '',
        NgayTiepNhanBoSung: '',
        DanhSachGiayToBoSung: [],
        NgayHenTraTruoc: '20260309100000',
        NgayHenTraMoi: '',
      }),
    ]);
  });

  it('a refusal after appraisal has no result documents', () => {
    const d = new TestDossier();
    d.do(cmd.receive(), '2026-03-02T09:00');
    d.do(cmd.accept(), '2026-03-02T09:00');
    d.do(cmd.forward(), '2026-03-02T09:30');
    d.do(cmd.propose('refuse'), '2026-03-03T09:00', specialist);
    d.do(cmd.forward(), '2026-03-03T09:00', specialist);
    d.do(cmd.forward(), '2026-03-03T09:00', leader);
    d.do(cmd.approve(), '2026-03-03T09:00', head);
    d.do({ type: 'refuseAfterAppraisal', reasons: ['Không đủ điều kiện'] }, '2026-03-03T10:00', head);
    expect(dossierSyncPayload(d.events, lookup)).toMatchObject({
      TrangThaiHoSo: '9',
      NgayKetThucXuLy: '20260303100000',
      DanhSachGiayToKetQua: [],
    });
  });

  it('an agency missing from the lookup is refused rather than sent as an id; the ids needed are listed', () => {
    const d = knownDossier();
    expect(() => dossierSyncPayload(d.events, { agencyNames: {} })).toThrow(/so-tu-phap/);
    expect(nationalSyncAgencyIds(d.events)).toEqual([LEAD]);
    expect(() => dossierSyncPayload([], lookup)).toThrow(RangeError);
  });
});

describe('progress payload', () => {
  it('one per event, with the national status after each action', () => {
    const payloads = progressPayloads(knownDossier().events, lookup);
    expect(payloads.map((p) => p.TrangThai)).toEqual([
      '1',
      '2',
      '4',
      '5',
      '4',
      '6',
      '4',
      '4',
      '4',
      '4',
      '4',
      '9',
      '10',
    ]);
    expect(payloads.every((p) => p.MaHoSo === '000.00.12.H99-260105-0001')).toBe(true);
  });

  it('a hand-over: who, title, unit, what, when, and the new step’s start and legal end', () => {
    const d = knownDossier();
    const payloads = progressPayloads(d.events, lookup);
    expect(payloads[2]).toEqual({
      MaHoSo: '000.00.12.H99-260105-0001',
      NguoiXuLy: 'Nguyễn Thị Mai',
      ChucDanh: 'Cán bộ một cửa',
      ThoiDiemXuLy: '20260105100000',
      PhongBanXuLy: 'Sở Tư pháp',
      NoiDungXuLy: 'Chuyển bước "Thẩm định, xử lý hồ sơ" cho Trần Văn Bình',
      TrangThai: '4',
      NgayBatDau: '20260105100000',
      // 24 working hours from Mon 5/1 10:00.
      NgayKetThucTheoQuyDinh: '20260108100000',
    });
  });

  it('the applicant’s own actions have no title or unit; before acceptance there is no legal end', () => {
    const [submitted] = progressPayloads(knownDossier().events, lookup);
    expect(submitted).toEqual({
      MaHoSo: '000.00.12.H99-260105-0001',
      NguoiXuLy: citizen.name,
      ChucDanh: '',
      ThoiDiemXuLy: '20260104200000',
      PhongBanXuLy: '',
      NoiDungXuLy: 'Nộp hồ sơ trực tuyến',
      TrangThai: '1',
      NgayBatDau: '20260104200000',
      NgayKetThucTheoQuyDinh: '',
    });
  });

  it('describes actions in Vietnamese', () => {
    const texts = progressPayloads(knownDossier().events, lookup).map((p) => p.NoiDungXuLy);
    expect(texts).toContain(`Yêu cầu bổ sung hồ sơ: ${ID_COPY}`);
    expect(texts).toContain('Yêu cầu nộp phí, lệ phí: 200.000 đồng');
    expect(texts).toContain('Đã nộp phí, lệ phí: 200.000 đồng (trực tuyến)');
    expect(texts).toContain('Ban hành kết quả giải quyết: Phiếu lý lịch tư pháp số 1');
    expect(texts.at(-1)).toBe('Trả kết quả trực tuyến');
  });

  it('the latest event’s payload is what a change enqueues; a finished dossier has no legal end', () => {
    const d = knownDossier();
    const latest = latestProgressPayload(d.events, lookup);
    expect(latest).toEqual(progressPayloads(d.events, lookup).at(-1));
    expect(latest).toMatchObject({
      TrangThai: '10',
      NgayBatDau: '20260109160000',
      NgayKetThucTheoQuyDinh: '',
    });
    expect(latestProgressPayload([], lookup)).toBeNull();
  });

  it('progressPayload takes the state right after its event', () => {
    const d = knownDossier();
    const upToSupplement: DossierEvent[] = d.events.slice(0, 4);
    const payload = progressPayload(foldDossier(upToSupplement), upToSupplement[3]!, lookup);
    expect(payload).toMatchObject({ TrangThai: '5', NguoiXuLy: specialist.name, ChucDanh: 'Chuyên viên' });
  });

  it('withdrawn, stopped and refused-at-intake map to 7, 8 and 3', () => {
    const codeAfter = (last: Parameters<TestDossier['do']>[0]) => {
      const d = new TestDossier();
      d.do(cmd.receive(), '2026-03-02T09:00');
      d.do(last, '2026-03-02T10:00');
      return latestProgressPayload(d.events, lookup)?.TrangThai;
    };
    expect(codeAfter({ type: 'withdraw', reason: 'Không còn nhu cầu' })).toBe('7');
    expect(codeAfter({ type: 'stop', reason: 'Theo yêu cầu' })).toBe('8');
    expect(codeAfter({ type: 'refuseAtIntake', reasons: ['Không thuộc thẩm quyền'] })).toBe('3');
  });
});
