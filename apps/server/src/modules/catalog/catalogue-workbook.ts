import ExcelJS from 'exceljs';
import type { NationalRecord } from './national-catalogue-mapping';

/**
 * The catalogue as an Excel workbook: one row per procedure on `ThuTuc`, and one sheet per repeated
 * part (channels, fees, components, results, legal basis, steps), linked by MaTTHC. Column names are
 * the national record's field names. Reading gives back national records plus, for each, the sheet row
 * of every part, so that an error is reported at its row.
 */

const mainColumns = [
  'MaTTHC',
  'TenTTHC',
  'MaLinhVuc',
  'TenLinhVuc',
  'CapThucHien',
  'DoiTuongThucHien',
  'CoQuanThucHien',
  'MoTaCoQuanThucHien',
  'YeuCau',
  'MucDo',
  'CoKetQuaNgay',
  'NgayHieuLucCanCu',
  'QuyetDinhCongBoTW',
  'NguonDuLieu',
  'GhiChu',
  'QuyTrinhNoiBo',
] as const;

const parts = {
  CachThuc: ['MaTTHC', 'Kenh', 'GiaTri', 'DonVi', 'GhiChuThoiHan'],
  PhiLePhi: ['MaTTHC', 'Kenh', 'TenPhiLePhi', 'SoTien', 'MoTa'],
  ThanhPhanHoSo: [
    'MaTTHC',
    'TenGiayTo',
    'SoBanChinh',
    'SoBanSao',
    'BatBuoc',
    'MauDonToKhai',
    'PhaiSoHoa',
    'LayTuKhoDuLieu',
  ],
  KetQua: ['MaTTHC', 'TenKetQua', 'LaBanDienTu'],
  CanCuPhapLy: ['MaTTHC', 'SoVanBan', 'TrichYeu', 'NgayHieuLuc'],
  TrinhTu: ['MaTTHC', 'NoiDung'],
} as const;

const LIST_SEPARATOR = '; ';
type Cell = string | number | boolean | null;
const arr = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? (v as Record<string, unknown>[]) : [];

export async function writeWorkbook(records: readonly NationalRecord[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'MotCua';
  const main = wb.addWorksheet('ThuTuc');
  main.addRow([...mainColumns]);
  const sheets = Object.fromEntries(
    Object.entries(parts).map(([name, cols]) => {
      const ws = wb.addWorksheet(name);
      ws.addRow([...cols]);
      return [name, ws];
    }),
  ) as Record<keyof typeof parts, ExcelJS.Worksheet>;
  for (const r of records) {
    const code = r.MaTTHC as string;
    main.addRow(
      mainColumns.map((c): Cell => {
        const v = r[c];
        if (c === 'CapThucHien' || c === 'DoiTuongThucHien') return (v as string[]).join(LIST_SEPARATOR);
        if (c === 'CoQuanThucHien')
          return arr(v)
            .map((a) => a.MaDonVi as string)
            .join(LIST_SEPARATOR);
        if (c === 'QuyTrinhNoiBo') return v === undefined ? null : JSON.stringify(v);
        return (v ?? null) as Cell;
      }),
    );
    for (const ch of arr(r.CachThucThucHien)) {
      const t = ch.ThoiHanGiaiQuyet as Record<string, unknown> | null;
      sheets.CachThuc.addRow([
        code,
        ch.Kenh as number,
        (t?.GiaTri ?? null) as Cell,
        (t?.DonVi ?? null) as Cell,
        (t?.GhiChu ?? null) as Cell,
      ]);
      for (const f of arr(ch.PhiLePhi))
        sheets.PhiLePhi.addRow([
          code,
          ch.Kenh as number,
          f.TenPhiLePhi as string,
          f.SoTien as Cell,
          f.MoTa as Cell,
        ]);
    }
    for (const c of arr(r.ThanhPhanHoSo))
      sheets.ThanhPhanHoSo.addRow(
        parts.ThanhPhanHoSo.map((k) => (k === 'MaTTHC' ? code : ((c[k] ?? null) as Cell))),
      );
    for (const k of arr(r.KetQua)) sheets.KetQua.addRow([code, k.TenKetQua as string, k.LaBanDienTu as Cell]);
    for (const l of arr(r.CanCuPhapLy))
      sheets.CanCuPhapLy.addRow([code, l.SoVanBan as string, l.TrichYeu as string, l.NgayHieuLuc as Cell]);
    for (const s of (r.TrinhTuThucHien as string[]) ?? []) sheets.TrinhTu.addRow([code, s]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Where each part of a record came from: sheet rows (1-based, the header is row 1). */
export interface RecordRows {
  main: number;
  parts: Record<string, number[]>;
  fees: number[][];
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (typeof value === 'object' && 'result' in value) return (value.result ?? null) as Cell;
  return String(value);
}

function rowsOf(ws: ExcelJS.Worksheet | undefined): { row: number; values: Record<string, Cell> }[] {
  if (!ws) return [];
  const header: string[] = [];
  ws.getRow(1).eachCell((cell, col) => {
    header[col] = String(cellValue(cell.value) ?? '');
  });
  const out: { row: number; values: Record<string, Cell> }[] = [];
  ws.eachRow((row, number) => {
    if (number === 1) return;
    const values: Record<string, Cell> = {};
    header.forEach((name, col) => {
      if (name) values[name] = cellValue(row.getCell(col).value);
    });
    out.push({ row: number, values });
  });
  return out;
}

const list = (v: Cell | undefined) =>
  v === null || v === undefined || v === ''
    ? []
    : String(v)
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== '');

export class WorkbookError extends Error {}

export async function readWorkbook(data: Buffer): Promise<{ records: NationalRecord[]; rows: RecordRows[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookError('Tệp không phải là bảng tính Excel (.xlsx) hợp lệ');
  }
  const main = wb.getWorksheet('ThuTuc');
  if (!main) throw new WorkbookError('Bảng tính thiếu trang "ThuTuc"');
  const byCode = (name: keyof typeof parts) => {
    const map = new Map<string, { row: number; values: Record<string, Cell> }[]>();
    for (const r of rowsOf(wb.getWorksheet(name))) {
      const code = String(r.values.MaTTHC ?? '');
      const listed = map.get(code);
      if (listed) listed.push(r);
      else map.set(code, [r]);
    }
    return map;
  };
  const grouped = Object.fromEntries(
    (Object.keys(parts) as (keyof typeof parts)[]).map((k) => [k, byCode(k)]),
  ) as Record<keyof typeof parts, Map<string, { row: number; values: Record<string, Cell> }[]>>;
  const records: NationalRecord[] = [];
  const rows: RecordRows[] = [];
  for (const { row, values: v } of rowsOf(main)) {
    const code = String(v.MaTTHC ?? '');
    const channels = grouped.CachThuc.get(code) ?? [];
    const fees = grouped.PhiLePhi.get(code) ?? [];
    const of = (k: keyof typeof parts) => grouped[k].get(code) ?? [];
    let workflows: unknown;
    if (v.QuyTrinhNoiBo !== null && v.QuyTrinhNoiBo !== '') {
      try {
        workflows = JSON.parse(String(v.QuyTrinhNoiBo));
      } catch {
        workflows = String(v.QuyTrinhNoiBo);
      }
    }
    const record: NationalRecord = {
      MaTTHC: v.MaTTHC === null ? undefined : String(v.MaTTHC),
      TenTTHC: v.TenTTHC,
      MaLinhVuc: v.MaLinhVuc === null ? undefined : String(v.MaLinhVuc),
      TenLinhVuc: v.TenLinhVuc,
      CapThucHien: list(v.CapThucHien),
      DoiTuongThucHien: list(v.DoiTuongThucHien),
      CoQuanThucHien: list(v.CoQuanThucHien).map((c) => ({ MaDonVi: c })),
      MoTaCoQuanThucHien: v.MoTaCoQuanThucHien,
      CachThucThucHien: channels.map((c) => ({
        Kenh: c.values.Kenh,
        ThoiHanGiaiQuyet:
          c.values.GiaTri === null && c.values.DonVi === null
            ? null
            : { GiaTri: c.values.GiaTri, DonVi: c.values.DonVi, GhiChu: c.values.GhiChuThoiHan },
        PhiLePhi: fees
          .filter((f) => f.values.Kenh === c.values.Kenh)
          .map((f) => ({ TenPhiLePhi: f.values.TenPhiLePhi, SoTien: f.values.SoTien, MoTa: f.values.MoTa })),
      })),
      TrinhTuThucHien: of('TrinhTu').map((s) => s.values.NoiDung),
      ThanhPhanHoSo: of('ThanhPhanHoSo').map((c) => {
        const { MaTTHC: _code, ...rest } = c.values;
        return rest;
      }),
      KetQua: of('KetQua').map((k) => ({ TenKetQua: k.values.TenKetQua, LaBanDienTu: k.values.LaBanDienTu })),
      CanCuPhapLy: of('CanCuPhapLy').map((l) => ({
        SoVanBan: l.values.SoVanBan === null ? undefined : String(l.values.SoVanBan),
        TrichYeu: l.values.TrichYeu,
        NgayHieuLuc: l.values.NgayHieuLuc,
      })),
      YeuCau: v.YeuCau,
      MucDo: v.MucDo,
      CoKetQuaNgay: v.CoKetQuaNgay ?? false,
      NgayHieuLucCanCu: v.NgayHieuLucCanCu,
      QuyetDinhCongBoTW: v.QuyetDinhCongBoTW === null ? null : String(v.QuyetDinhCongBoTW),
      NguonDuLieu: v.NguonDuLieu,
      GhiChu: v.GhiChu,
    };
    if (workflows !== undefined) record.QuyTrinhNoiBo = workflows;
    records.push(record);
    rows.push({
      main: row,
      parts: {
        CachThucThucHien: channels.map((c) => c.row),
        ThanhPhanHoSo: of('ThanhPhanHoSo').map((c) => c.row),
        KetQua: of('KetQua').map((c) => c.row),
        CanCuPhapLy: of('CanCuPhapLy').map((c) => c.row),
        TrinhTuThucHien: of('TrinhTu').map((c) => c.row),
      },
      fees: channels.map((c) => fees.filter((f) => f.values.Kenh === c.values.Kenh).map((f) => f.row)),
    });
  }
  return { records, rows };
}

const partSheet: Record<string, string> = {
  CachThucThucHien: 'CachThuc',
  ThanhPhanHoSo: 'ThanhPhanHoSo',
  KetQua: 'KetQua',
  CanCuPhapLy: 'CanCuPhapLy',
  TrinhTuThucHien: 'TrinhTu',
};

/** The sheet and row where the value at a record path lives. */
export function locate(rows: RecordRows, path: readonly (string | number)[]): { sheet: string; row: number } {
  const [head, index, sub, subIndex] = path;
  if (typeof head === 'string' && typeof index === 'number' && partSheet[head]) {
    if (head === 'CachThucThucHien' && sub === 'PhiLePhi' && typeof subIndex === 'number') {
      const row = rows.fees[index]?.[subIndex];
      if (row !== undefined) return { sheet: 'PhiLePhi', row };
    }
    const row = rows.parts[head]?.[index];
    if (row !== undefined) return { sheet: partSheet[head]!, row };
  }
  return { sheet: 'ThuTuc', row: rows.main };
}
