/**
 * The demo province shown by `npm start`: fictional (codes in the unused H99 range, names marked as
 * demo), shaped like a real province after the 2025 two-tier reform — a service centre, departments,
 * communes and wards, and two communes merged on 1/7/2025.
 */
export const demoPassword = 'MotCua@2026';

export interface DemoAgency {
  key: string;
  code: string;
  name: string;
  kind: string;
  parent: string | null;
  validFrom: string;
  mergedInto?: { key: string; on: string };
  renamed?: { name: string; on: string };
}

export const demoAgencies: DemoAgency[] = [
  {
    key: 'province',
    code: '000.00.00.H99',
    name: 'UBND tỉnh Minh Hòa (dữ liệu mẫu)',
    kind: 'province',
    parent: null,
    validFrom: '2008-01-01',
  },
  {
    key: 'office',
    code: '000.00.01.H99',
    name: 'Văn phòng UBND tỉnh Minh Hòa',
    kind: 'provincial-office',
    parent: 'province',
    validFrom: '2008-01-01',
  },
  {
    key: 'centre',
    code: '000.00.02.H99',
    name: 'Trung tâm Phục vụ hành chính công tỉnh Minh Hòa',
    kind: 'service-centre',
    parent: 'office',
    validFrom: '2019-03-01',
  },
  {
    key: 'justice',
    code: '000.00.10.H99',
    name: 'Sở Tư pháp',
    kind: 'department',
    parent: 'province',
    validFrom: '2008-01-01',
  },
  {
    key: 'justice-civil',
    code: '000.01.10.H99',
    name: 'Phòng Hành chính tư pháp',
    kind: 'office',
    parent: 'justice',
    validFrom: '2008-01-01',
  },
  {
    key: 'construction',
    code: '000.00.11.H99',
    name: 'Sở Xây dựng',
    kind: 'department',
    parent: 'province',
    validFrom: '2008-01-01',
  },
  {
    key: 'agriculture',
    code: '000.00.12.H99',
    name: 'Sở Tài nguyên và Môi trường',
    kind: 'department',
    parent: 'province',
    validFrom: '2008-01-01',
    renamed: { name: 'Sở Nông nghiệp và Môi trường', on: '2025-03-01' },
  },
  {
    key: 'health',
    code: '000.00.13.H99',
    name: 'Sở Y tế',
    kind: 'department',
    parent: 'province',
    validFrom: '2008-01-01',
  },
  {
    key: 'anbinh',
    code: '000.20.01.H99',
    name: 'UBND phường An Bình',
    kind: 'commune',
    parent: 'province',
    validFrom: '2008-01-01',
  },
  {
    key: 'tanphu',
    code: '000.20.02.H99',
    name: 'UBND xã Tân Phú',
    kind: 'commune',
    parent: 'province',
    validFrom: '2008-01-01',
  },
  {
    key: 'phuloc',
    code: '000.20.03.H99',
    name: 'UBND xã Phú Lộc',
    kind: 'commune',
    parent: 'province',
    validFrom: '2008-01-01',
    mergedInto: { key: 'phulocthinh', on: '2025-07-01' },
  },
  {
    key: 'phuthinh',
    code: '000.20.04.H99',
    name: 'UBND xã Phú Thịnh',
    kind: 'commune',
    parent: 'province',
    validFrom: '2008-01-01',
    mergedInto: { key: 'phulocthinh', on: '2025-07-01' },
  },
  {
    key: 'phulocthinh',
    code: '000.20.05.H99',
    name: 'UBND xã Phú Lộc Thịnh',
    kind: 'commune',
    parent: 'province',
    validFrom: '2025-07-01',
  },
];

export const demoDesks: {
  agency: string;
  name: string;
  address: string;
  phone: string;
  /** The provincial centre receives the departments' dossiers. */
  serves?: string[];
}[] = [
  {
    agency: 'centre',
    serves: ['justice', 'construction', 'agriculture', 'health'],
    name: 'Trung tâm Phục vụ hành chính công tỉnh',
    address: '01 Quảng trường Trung tâm, TP. Minh Hòa',
    phone: '02203 888 000',
  },
  {
    agency: 'anbinh',
    name: 'Bộ phận Một cửa phường An Bình',
    address: '12 Lê Lợi, phường An Bình',
    phone: '02203 888 101',
  },
  {
    agency: 'tanphu',
    name: 'Bộ phận Một cửa xã Tân Phú',
    address: 'Thôn Tân Phú 1, xã Tân Phú',
    phone: '02203 888 102',
  },
  {
    agency: 'phulocthinh',
    name: 'Bộ phận Một cửa xã Phú Lộc Thịnh',
    address: 'Thôn Phú Lộc, xã Phú Lộc Thịnh',
    phone: '02203 888 105',
  },
];

export const demoStaff: {
  username: string;
  fullName: string;
  role: string;
  agency: string;
  email: string;
}[] = [
  {
    username: 'quantri',
    fullName: 'Trần Quản Trị',
    role: 'administrator',
    agency: 'province',
    email: 'quantri@minhhoa.demo',
  },
  {
    username: 'motcua.tinh',
    fullName: 'Lê Thị Mai',
    role: 'desk-officer',
    agency: 'centre',
    email: 'mai.lt@minhhoa.demo',
  },
  {
    username: 'chuyenvien.tuphap',
    fullName: 'Phạm Văn Hùng',
    role: 'specialist',
    agency: 'justice-civil',
    email: 'hung.pv@minhhoa.demo',
  },
  {
    username: 'truongphong.tuphap',
    fullName: 'Nguyễn Thị Lan',
    role: 'unit-leader',
    agency: 'justice-civil',
    email: 'lan.nt@minhhoa.demo',
  },
  {
    username: 'giamdoc.tuphap',
    fullName: 'Đỗ Minh Quang',
    role: 'agency-head',
    agency: 'justice',
    email: 'quang.dm@minhhoa.demo',
  },
  {
    username: 'kiemsoat.tthc',
    fullName: 'Vũ Thu Hà',
    role: 'procedure-control-officer',
    agency: 'office',
    email: 'ha.vt@minhhoa.demo',
  },
  {
    // A Sở Tư pháp official whose quality-control role covers the whole provincial catalogue: a role held
    // at Sở Tư pháp itself would reach only that department's subtree, not the provincial office's
    // procedures it reviews, so the assignment is at the province.
    username: 'kiemsoat.tuphap',
    fullName: 'Lương Thị Thu',
    role: 'procedure-reviewer',
    agency: 'province',
    email: 'thu.lt@minhhoa.demo',
  },
  {
    username: 'motcua.anbinh',
    fullName: 'Hoàng Văn Nam',
    role: 'desk-officer',
    agency: 'anbinh',
    email: 'nam.hv@minhhoa.demo',
  },
  {
    username: 'congchuc.anbinh',
    fullName: 'Bùi Thị Hoa',
    role: 'specialist',
    agency: 'anbinh',
    email: 'hoa.bt@minhhoa.demo',
  },
  {
    username: 'chutich.anbinh',
    fullName: 'Đặng Quốc Bảo',
    role: 'agency-head',
    agency: 'anbinh',
    email: 'bao.dq@minhhoa.demo',
  },
  {
    username: 'quantri.anbinh',
    fullName: 'Ngô Thanh Tùng',
    role: 'administrator',
    agency: 'anbinh',
    email: 'tung.nt@minhhoa.demo',
  },
  {
    username: 'motcua.phulocthinh',
    fullName: 'Trịnh Văn Lộc',
    role: 'desk-officer',
    agency: 'phulocthinh',
    email: 'loc.tv@minhhoa.demo',
  },
];

export const demoCitizen = {
  fullName: 'Nguyễn Thị Bình',
  email: 'congdan@minhhoa.demo',
  phone: '0912345678',
};

/** The identity the local OIDC provider (standing in for VNeID) knows: a 12-digit citizen ID number. */
export const demoOidcAccount = {
  sub: 'vneid-001099012345',
  username: '001099012345',
  password: demoPassword,
  name: 'Nguyễn Văn An',
  email: 'an.nguyen@minhhoa.demo',
  phoneNumber: '0987654321',
  identityNumber: '001099012345',
};
