import type { ProcedureContent, WorkflowDefinition } from '@motcua/contracts/catalog';
import { channelNumbers } from '@motcua/contracts/catalog';

/**
 * The one place where the national catalogue's record (Vietnamese field names, as exchanged with the
 * national procedure database, DOMAIN.md §10) meets our procedure document. Import and export (JSON and
 * Excel) go through here, and so do error paths: an error found on our document is reported with the
 * record's own field names.
 *
 * `QuyTrinhNoiBo` (internal workflows) is our extension: the national record has no workflows.
 */

export type NationalRecord = Record<string, unknown>;
type Path = (string | number)[];

const top: Record<string, string> = {
  nationalCode: 'MaTTHC',
  name: 'TenTTHC',
  fieldCode: 'MaLinhVuc',
  levels: 'CapThucHien',
  subjects: 'DoiTuongThucHien',
  implementingAgencyIds: 'CoQuanThucHien',
  agencyDescription: 'MoTaCoQuanThucHien',
  channels: 'CachThucThucHien',
  steps: 'TrinhTuThucHien',
  components: 'ThanhPhanHoSo',
  results: 'KetQua',
  legalBasis: 'CanCuPhapLy',
  requirements: 'YeuCau',
  onlineLevel: 'MucDo',
  resultImmediately: 'CoKetQuaNgay',
  legalEffectiveDate: 'NgayHieuLucCanCu',
  nationalDecision: 'QuyetDinhCongBoTW',
  source: 'NguonDuLieu',
  note: 'GhiChu',
};
export const FIELD_NAME_KEY = 'TenLinhVuc';
export const WORKFLOWS_KEY = 'QuyTrinhNoiBo';
const channelKeys: Record<string, string> = {
  channel: 'Kenh',
  processingTime: 'ThoiHanGiaiQuyet',
  fees: 'PhiLePhi',
};
const timeKeys: Record<string, string> = { value: 'GiaTri', unit: 'DonVi', note: 'GhiChu' };
const feeKeys: Record<string, string> = { name: 'TenPhiLePhi', amountVnd: 'SoTien', description: 'MoTa' };
const componentKeys: Record<string, string> = {
  name: 'TenGiayTo',
  originals: 'SoBanChinh',
  copies: 'SoBanSao',
  required: 'BatBuoc',
  formTemplate: 'MauDonToKhai',
  mustDigitise: 'PhaiSoHoa',
  fromDataStore: 'LayTuKhoDuLieu',
};
const resultKeys: Record<string, string> = { name: 'TenKetQua', electronic: 'LaBanDienTu' };
const legalKeys: Record<string, string> = {
  number: 'SoVanBan',
  title: 'TrichYeu',
  effectiveDate: 'NgayHieuLuc',
};
const workflowKeys: Record<string, string> = { leadAgencyId: 'DonViChuTri', steps: 'CacBuoc' };
const stepKeys: Record<string, string> = {
  kind: 'Loai',
  key: 'Ma',
  name: 'Ten',
  unitId: 'MaDonViXuLy',
  role: 'VaiTro',
  allottedHours: 'SoGio',
  actions: 'ThaoTac',
  branches: 'NhanhSongSong',
};
const branchKeys: Record<string, string> = { agencyId: 'MaDonVi', steps: 'CacBuoc' };

const levelNames: Record<string, string> = { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' };
const subjectNames: Record<string, string> = { citizen: 'Công dân Việt Nam', organisation: 'Tổ chức' };
const subjectAliases: Record<string, string> = { 'Cá nhân': 'citizen', 'Doanh nghiệp': 'organisation' };
const unitNames: Record<string, string> = {
  'working-hours': 'Giờ làm việc',
  'working-days': 'Ngày làm việc',
  days: 'Ngày',
  months: 'Tháng',
};
const onlineNames: Record<string, string> = { full: 'Toàn trình', partial: 'Một phần' };
const channelByNumber = new Map(Object.entries(channelNumbers).map(([k, n]) => [n, k]));

const invert = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k]));
const fromName = (m: Record<string, string>, value: unknown, aliases: Record<string, string> = {}) =>
  typeof value === 'string' ? (invert(m)[value] ?? aliases[value] ?? value) : value;

/** Our document's path → the record's path (for error messages). */
export function nationalPath(path: readonly PropertyKey[]): Path {
  const out: Path = [];
  const [head, ...rest] = path;
  if (head === undefined) return out;
  const key = String(head);
  out.push(top[key] ?? key);
  const nested: Record<string, Record<string, string>> = {
    channels: channelKeys,
    components: componentKeys,
    results: resultKeys,
    legalBasis: legalKeys,
  };
  if (key === 'implementingAgencyIds') {
    if (typeof rest[0] === 'number') out.push(rest[0], 'MaDonVi');
    return out;
  }
  const keys = nested[key];
  for (let i = 0; i < rest.length; i++) {
    const part = rest[i]!;
    if (typeof part === 'number') {
      out.push(part);
      continue;
    }
    const name = String(part);
    if (keys === channelKeys && (name === 'processingTime' || name === 'fees')) {
      out.push(channelKeys[name]!);
      const inner = name === 'processingTime' ? timeKeys : feeKeys;
      for (const p of rest.slice(i + 1))
        out.push(typeof p === 'number' ? p : (inner[String(p)] ?? String(p)));
      return out;
    }
    out.push(keys?.[name] ?? name);
  }
  return out;
}

/** A workflow's path → the record's path, below `QuyTrinhNoiBo[k]`. */
export function nationalWorkflowPath(path: readonly PropertyKey[]): Path {
  const out: Path = [];
  let keys = workflowKeys;
  for (const part of path) {
    if (typeof part === 'number') {
      out.push(part);
      continue;
    }
    const name = String(part);
    if (name === 'steps') {
      out.push(keys === branchKeys ? 'CacBuoc' : 'CacBuoc');
      keys = stepKeys;
    } else if (name === 'branches') {
      out.push('NhanhSongSong');
      keys = branchKeys;
    } else out.push(keys[name] ?? stepKeys[name] ?? name);
  }
  return out;
}

export interface Lookups {
  agencyIdByCode: ReadonlyMap<string, string>;
  agencyCodeById: ReadonlyMap<string, string>;
  agencyNameById: ReadonlyMap<string, string>;
  fieldNameByCode: ReadonlyMap<string, string>;
}

export interface MappedRecord {
  /** The document candidate, still to be validated with `procedureContentSchema`. */
  content: unknown;
  workflows: { agencyId: string | null; definition: unknown; index: number }[];
  /** Problems found while mapping (unknown agency codes), with record paths. */
  issues: { path: Path; code: string; message: string }[];
}

const asArray = (v: unknown): unknown[] | unknown => (v === undefined || v === null ? [] : v);
const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const opt = (v: unknown) => (v === undefined ? null : v);

function mapArray<T>(value: unknown, fn: (item: Record<string, unknown>, index: number) => T): unknown {
  const arr = asArray(value);
  return Array.isArray(arr) ? arr.map((item, i) => fn(obj(item), i)) : arr;
}

function codeToId(
  code: unknown,
  lookups: Lookups,
  path: Path,
  issues: MappedRecord['issues'],
  what: string,
): string {
  const id = typeof code === 'string' ? lookups.agencyIdByCode.get(code.trim()) : undefined;
  if (id === undefined) {
    issues.push({
      path,
      code: 'AGENCY_NOT_FOUND',
      message: `Không tìm thấy ${what} mã "${String(code ?? '')}"`,
    });
    return '00000000-0000-0000-0000-000000000000';
  }
  return id;
}

export function fromNationalRecord(input: unknown, lookups: Lookups): MappedRecord {
  const r = obj(input);
  const issues: MappedRecord['issues'] = [];
  const agencies = asArray(r.CoQuanThucHien);
  const content = {
    nationalCode: r.MaTTHC,
    name: r.TenTTHC,
    fieldCode: r.MaLinhVuc,
    levels: mapArray(r.CapThucHien, (_, i) => fromName(levelNames, (asArray(r.CapThucHien) as unknown[])[i])),
    subjects: mapArray(r.DoiTuongThucHien, (_, i) =>
      fromName(subjectNames, (asArray(r.DoiTuongThucHien) as unknown[])[i], subjectAliases),
    ),
    implementingAgencyIds: Array.isArray(agencies)
      ? agencies.map((a, i) =>
          codeToId(obj(a).MaDonVi, lookups, ['CoQuanThucHien', i, 'MaDonVi'], issues, 'cơ quan thực hiện'),
        )
      : agencies,
    agencyDescription: opt(r.MoTaCoQuanThucHien),
    channels: mapArray(r.CachThucThucHien, (c) => {
      const time = c.ThoiHanGiaiQuyet;
      const t = obj(time);
      return {
        channel: typeof c.Kenh === 'number' ? (channelByNumber.get(c.Kenh as 1 | 2 | 3) ?? c.Kenh) : c.Kenh,
        processingTime:
          time === null || time === undefined
            ? null
            : { value: t.GiaTri, unit: fromName(unitNames, t.DonVi), note: opt(t.GhiChu) },
        fees: mapArray(c.PhiLePhi, (f) => ({
          name: f.TenPhiLePhi,
          amountVnd: opt(f.SoTien),
          description: opt(f.MoTa),
        })),
      };
    }),
    steps: asArray(r.TrinhTuThucHien),
    components: mapArray(r.ThanhPhanHoSo, (c) => ({
      name: c.TenGiayTo,
      originals: c.SoBanChinh,
      copies: c.SoBanSao,
      required: c.BatBuoc,
      formTemplate: opt(c.MauDonToKhai),
      mustDigitise: c.PhaiSoHoa ?? false,
      fromDataStore: c.LayTuKhoDuLieu ?? false,
    })),
    results: mapArray(r.KetQua, (k) => ({ name: k.TenKetQua, electronic: opt(k.LaBanDienTu) })),
    legalBasis: mapArray(r.CanCuPhapLy, (l) => ({
      number: l.SoVanBan,
      title: l.TrichYeu,
      effectiveDate: opt(l.NgayHieuLuc),
    })),
    requirements: opt(r.YeuCau),
    onlineLevel: r.MucDo === undefined || r.MucDo === null ? null : fromName(onlineNames, r.MucDo),
    resultImmediately: r.CoKetQuaNgay ?? false,
    legalEffectiveDate: opt(r.NgayHieuLucCanCu),
    nationalDecision: opt(r.QuyetDinhCongBoTW),
    source: opt(r.NguonDuLieu),
    note: opt(r.GhiChu),
  };
  const workflows: MappedRecord['workflows'] = [];
  const wf = asArray(r[WORKFLOWS_KEY]);
  if (Array.isArray(wf)) {
    wf.forEach((item, k) => {
      const w = obj(item);
      const base: Path = [WORKFLOWS_KEY, k];
      const unit = (code: unknown, path: Path) =>
        codeToId(code, lookups, [...base, ...path], issues, 'đơn vị');
      const task = (s: Record<string, unknown>, path: Path) => ({
        kind: 'task',
        key: s.Ma,
        name: s.Ten,
        unitId: unit(s.MaDonViXuLy, [...path, 'MaDonViXuLy']),
        role: s.VaiTro,
        allottedHours: s.SoGio,
        actions: s.ThaoTac,
      });
      workflows.push({
        index: k,
        agencyId: typeof w.MaDonVi === 'string' ? (lookups.agencyIdByCode.get(w.MaDonVi) ?? null) : null,
        definition: {
          leadAgencyId: unit(w.DonViChuTri, ['DonViChuTri']),
          steps: mapArray(w.CacBuoc, (s, i) =>
            s.Loai === 'parallel'
              ? {
                  kind: 'parallel',
                  key: s.Ma,
                  name: s.Ten,
                  branches: mapArray(s.NhanhSongSong, (b, j) => ({
                    agencyId: unit(b.MaDonVi, ['CacBuoc', i, 'NhanhSongSong', j, 'MaDonVi']),
                    steps: mapArray(b.CacBuoc, (t, m) =>
                      task(t, ['CacBuoc', i, 'NhanhSongSong', j, 'CacBuoc', m]),
                    ),
                  })),
                }
              : task(s, ['CacBuoc', i]),
          ),
        },
      });
      if (workflows[workflows.length - 1]!.agencyId === null)
        issues.push({
          path: [...base, 'MaDonVi'],
          code: 'AGENCY_NOT_FOUND',
          message: `Không tìm thấy cơ quan thực hiện mã "${String(w.MaDonVi ?? '')}" của quy trình`,
        });
    });
  }
  return { content, workflows, issues };
}

export function toNationalRecord(
  content: ProcedureContent,
  lookups: Lookups,
  workflows: { agencyId: string; definition: WorkflowDefinition }[] = [],
): NationalRecord {
  const code = (id: string) => lookups.agencyCodeById.get(id) ?? id;
  const task = (s: Extract<WorkflowDefinition['steps'][number], { kind: 'task' }>) => ({
    Loai: 'task',
    Ma: s.key,
    Ten: s.name,
    MaDonViXuLy: code(s.unitId),
    VaiTro: s.role,
    SoGio: s.allottedHours,
    ThaoTac: [...s.actions],
  });
  const record: NationalRecord = {
    MaTTHC: content.nationalCode,
    TenTTHC: content.name,
    MaLinhVuc: content.fieldCode,
    [FIELD_NAME_KEY]: lookups.fieldNameByCode.get(content.fieldCode) ?? null,
    CapThucHien: content.levels.map((l) => levelNames[l]),
    DoiTuongThucHien: content.subjects.map((s) => subjectNames[s]),
    CoQuanThucHien: content.implementingAgencyIds.map((id) => ({
      MaDonVi: code(id),
      TenDonVi: lookups.agencyNameById.get(id) ?? null,
    })),
    MoTaCoQuanThucHien: content.agencyDescription ?? null,
    CachThucThucHien: content.channels.map((c) => ({
      Kenh: channelNumbers[c.channel],
      ThoiHanGiaiQuyet:
        c.processingTime === null
          ? null
          : {
              GiaTri: c.processingTime.value,
              DonVi: unitNames[c.processingTime.unit],
              GhiChu: c.processingTime.note ?? null,
            },
      PhiLePhi: c.fees.map((f) => ({
        TenPhiLePhi: f.name,
        SoTien: f.amountVnd,
        MoTa: f.description ?? null,
      })),
    })),
    TrinhTuThucHien: [...content.steps],
    ThanhPhanHoSo: content.components.map((c) => ({
      TenGiayTo: c.name,
      SoBanChinh: c.originals,
      SoBanSao: c.copies,
      BatBuoc: c.required,
      MauDonToKhai: c.formTemplate ?? null,
      PhaiSoHoa: c.mustDigitise,
      LayTuKhoDuLieu: c.fromDataStore,
    })),
    KetQua: content.results.map((k) => ({ TenKetQua: k.name, LaBanDienTu: k.electronic })),
    CanCuPhapLy: content.legalBasis.map((l) => ({
      SoVanBan: l.number,
      TrichYeu: l.title,
      NgayHieuLuc: l.effectiveDate,
    })),
    YeuCau: content.requirements ?? null,
    MucDo: content.onlineLevel === null ? null : onlineNames[content.onlineLevel],
    CoKetQuaNgay: content.resultImmediately,
    NgayHieuLucCanCu: content.legalEffectiveDate,
    QuyetDinhCongBoTW: content.nationalDecision ?? null,
    NguonDuLieu: content.source ?? null,
    GhiChu: content.note ?? null,
  };
  if (workflows.length > 0)
    record[WORKFLOWS_KEY] = workflows.map((w) => ({
      MaDonVi: code(w.agencyId),
      DonViChuTri: code(w.definition.leadAgencyId),
      CacBuoc: w.definition.steps.map((s) =>
        s.kind === 'task'
          ? task(s)
          : {
              Loai: 'parallel',
              Ma: s.key,
              Ten: s.name,
              NhanhSongSong: s.branches.map((b) => ({
                MaDonVi: code(b.agencyId),
                CacBuoc: b.steps.map(task),
              })),
            },
      ),
    }));
  return record;
}
