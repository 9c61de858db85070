// Official holiday schedules of the civil service (cán bộ, công chức, viên chức: Saturday and Sunday
// off), one entry per year; each replaces the provisional schedule of its year. To add a year, see
// docs/calendar.md. The figures are also summarised in DOMAIN.md §8.
import type { Holiday, OfficialSchedule } from './holiday-schedule';

const holiday = (date: string, name: string): Holiday => ({ date, name, kind: 'holiday' });
const compensatory = (date: string, name: string): Holiday => ({ date, name, kind: 'compensatory' });
const swap = (date: string, workingSaturday: string): Holiday => ({
  date,
  name: `Nghỉ hoán đổi, làm bù thứ Bảy ${workingSaturday}`,
  kind: 'swap',
});

export const OFFICIAL_SCHEDULES: readonly OfficialSchedule[] = Object.freeze([
  {
    year: 2023,
    sources: [
      'Công văn 8056/VPCP-KGVX ngày 01/12/2022 (Tết Âm lịch 20–26/01/2023, Quốc khánh 01–04/09/2023)',
      'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù 02/01, 02/5, 03/5)',
      'DOMAIN.md §8',
    ],
    holidays: [
      holiday('2023-01-01', 'Tết Dương lịch'),
      compensatory('2023-01-02', 'Nghỉ bù Tết Dương lịch, ngày 01/01'),
      holiday('2023-01-20', 'Tết Nguyên đán (29 tháng Chạp)'),
      holiday('2023-01-21', 'Tết Nguyên đán (30 tháng Chạp)'),
      holiday('2023-01-22', 'Tết Nguyên đán (mùng 1)'),
      holiday('2023-01-23', 'Tết Nguyên đán (mùng 2)'),
      holiday('2023-01-24', 'Tết Nguyên đán (mùng 3)'),
      compensatory('2023-01-25', 'Nghỉ bù Tết Nguyên đán, ngày 21/01'),
      compensatory('2023-01-26', 'Nghỉ bù Tết Nguyên đán, ngày 22/01'),
      holiday('2023-04-29', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
      holiday('2023-04-30', 'Ngày Chiến thắng (30/4)'),
      holiday('2023-05-01', 'Ngày Quốc tế Lao động (1/5)'),
      compensatory('2023-05-02', 'Nghỉ bù Giỗ Tổ Hùng Vương, ngày 29/04'),
      compensatory('2023-05-03', 'Nghỉ bù Ngày Chiến thắng, ngày 30/04'),
      holiday('2023-09-01', 'Quốc khánh (ngày liền kề)'),
      holiday('2023-09-02', 'Quốc khánh (2/9)'),
      compensatory('2023-09-04', 'Nghỉ bù Quốc khánh, ngày 02/09'),
    ],
    workingSaturdays: [],
  },
  {
    year: 2024,
    sources: [
      'Thông báo 5015/TB-LĐTBXH ngày 22/11/2023 (Tết Âm lịch 08–14/02/2024, Quốc khánh 31/08–03/09/2024)',
      'Công văn 2450/VPCP-KGVX ngày 12/4/2024 (hoán đổi thứ Hai 29/4 với thứ Bảy 04/5/2024)',
      'DOMAIN.md §8',
    ],
    holidays: [
      holiday('2024-01-01', 'Tết Dương lịch'),
      holiday('2024-02-08', 'Tết Nguyên đán (29 tháng Chạp)'),
      holiday('2024-02-09', 'Tết Nguyên đán (30 tháng Chạp)'),
      holiday('2024-02-10', 'Tết Nguyên đán (mùng 1)'),
      holiday('2024-02-11', 'Tết Nguyên đán (mùng 2)'),
      holiday('2024-02-12', 'Tết Nguyên đán (mùng 3)'),
      compensatory('2024-02-13', 'Nghỉ bù Tết Nguyên đán, ngày 10/02'),
      compensatory('2024-02-14', 'Nghỉ bù Tết Nguyên đán, ngày 11/02'),
      holiday('2024-04-18', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
      swap('2024-04-29', '04/5/2024'),
      holiday('2024-04-30', 'Ngày Chiến thắng (30/4)'),
      holiday('2024-05-01', 'Ngày Quốc tế Lao động (1/5)'),
      holiday('2024-09-02', 'Quốc khánh (2/9)'),
      holiday('2024-09-03', 'Quốc khánh (ngày liền kề)'),
    ],
    workingSaturdays: [{ date: '2024-05-04', reason: 'Làm bù cho ngày nghỉ hoán đổi thứ Hai 29/4/2024' }],
  },
  {
    year: 2025,
    sources: [
      'Thông báo 6150/TB-LĐTBXH (2024) thực hiện Công văn 8726/VPCP-KGVX ngày 26/11/2024 (Tết Âm lịch 25/01–02/02/2025; hoán đổi thứ Sáu 02/5 với thứ Bảy 26/4/2025; Quốc khánh 31/08–02/09/2025)',
      'DOMAIN.md §8',
    ],
    holidays: [
      holiday('2025-01-01', 'Tết Dương lịch'),
      holiday('2025-01-27', 'Tết Nguyên đán (28 tháng Chạp)'),
      holiday('2025-01-28', 'Tết Nguyên đán (29 tháng Chạp)'),
      holiday('2025-01-29', 'Tết Nguyên đán (mùng 1)'),
      holiday('2025-01-30', 'Tết Nguyên đán (mùng 2)'),
      holiday('2025-01-31', 'Tết Nguyên đán (mùng 3)'),
      holiday('2025-04-07', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
      holiday('2025-04-30', 'Ngày Chiến thắng (30/4)'),
      holiday('2025-05-01', 'Ngày Quốc tế Lao động (1/5)'),
      swap('2025-05-02', '26/4/2025'),
      holiday('2025-09-01', 'Quốc khánh (ngày liền kề)'),
      holiday('2025-09-02', 'Quốc khánh (2/9)'),
    ],
    workingSaturdays: [{ date: '2025-04-26', reason: 'Làm bù cho ngày nghỉ hoán đổi thứ Sáu 02/5/2025' }],
  },
  {
    year: 2026,
    sources: [
      'Thông báo 9441/TB-BNV ngày 16/10/2025 (Tết Âm lịch 16–20/02/2026, Quốc khánh 2026)',
      'DOMAIN.md §8 (hoán đổi 02/01 với thứ Bảy 10/01/2026, 31/8 với thứ Bảy 22/8/2026; 24/11 Ngày Văn hóa Việt Nam)',
    ],
    holidays: [
      holiday('2026-01-01', 'Tết Dương lịch'),
      swap('2026-01-02', '10/01/2026'),
      holiday('2026-02-16', 'Tết Nguyên đán (29 tháng Chạp, ngày cuối năm âm lịch)'),
      holiday('2026-02-17', 'Tết Nguyên đán (mùng 1)'),
      holiday('2026-02-18', 'Tết Nguyên đán (mùng 2)'),
      holiday('2026-02-19', 'Tết Nguyên đán (mùng 3)'),
      holiday('2026-02-20', 'Tết Nguyên đán (mùng 4)'),
      holiday('2026-04-26', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
      compensatory('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương, ngày 26/04'),
      holiday('2026-04-30', 'Ngày Chiến thắng (30/4)'),
      holiday('2026-05-01', 'Ngày Quốc tế Lao động (1/5)'),
      swap('2026-08-31', '22/8/2026'),
      holiday('2026-09-01', 'Quốc khánh (ngày liền kề)'),
      holiday('2026-09-02', 'Quốc khánh (2/9)'),
      holiday('2026-11-24', 'Ngày Văn hóa Việt Nam (24/11)'),
    ],
    workingSaturdays: [
      { date: '2026-01-10', reason: 'Làm bù cho ngày nghỉ hoán đổi thứ Sáu 02/01/2026' },
      { date: '2026-08-22', reason: 'Làm bù cho ngày nghỉ hoán đổi thứ Hai 31/8/2026' },
    ],
  },
] satisfies OfficialSchedule[]);
