import { describe, expect, it } from 'vitest';
import {
  type LocalChange,
  nationalDayAdjacentDate,
  type OfficialSchedule,
  provisionalHolidays,
  yearSchedule,
} from '../../src/calendar/holiday-schedule';
import { OFFICIAL_SCHEDULES } from '../../src/calendar/official-schedules';
import { epochDayFromIsoDate, weekdayOfEpochDay } from '../../src/calendar/vietnam-time';

const range = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let day = Number(from.slice(8)); day <= Number(to.slice(8)); day++) {
    days.push(`${from.slice(0, 8)}${String(day).padStart(2, '0')}`);
  }
  return days;
};

describe('official civil-service schedules (DOMAIN.md §8 table)', () => {
  it('2023 (Công văn 8056/VPCP-KGVX ngày 01/12/2022): weekdays off, no make-up Saturday', () => {
    const schedule = yearSchedule(2023);
    expect(schedule.source).toBe('official');
    expect(schedule.daysOff).toEqual([
      '2023-01-02',
      '2023-01-20',
      ...range('2023-01-23', '2023-01-26'),
      '2023-05-01',
      '2023-05-02',
      '2023-05-03',
      '2023-09-01',
      '2023-09-04',
    ]);
    expect(schedule.workingSaturdays).toEqual([]);
  });

  it('2024 (Thông báo 5015/TB-LĐTBXH; Công văn 2450/VPCP-KGVX): swap 29/4 ↔ Saturday 4/5', () => {
    const schedule = yearSchedule(2024);
    expect(schedule.source).toBe('official');
    expect(schedule.daysOff).toEqual([
      '2024-01-01',
      '2024-02-08',
      '2024-02-09',
      ...range('2024-02-12', '2024-02-14'),
      '2024-04-18',
      '2024-04-29',
      '2024-04-30',
      '2024-05-01',
      '2024-09-02',
      '2024-09-03',
    ]);
    expect(schedule.workingSaturdays).toEqual(['2024-05-04']);
  });

  it('2025 (Thông báo 6150/TB-LĐTBXH (2024)): swap 2/5 ↔ Saturday 26/4', () => {
    const schedule = yearSchedule(2025);
    expect(schedule.source).toBe('official');
    expect(schedule.daysOff).toEqual([
      '2025-01-01',
      ...range('2025-01-27', '2025-01-31'),
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-05-02',
      '2025-09-01',
      '2025-09-02',
    ]);
    expect(schedule.workingSaturdays).toEqual(['2025-04-26']);
  });

  it('2026 (Thông báo 9441/TB-BNV; DOMAIN.md §8): swaps 2/1 ↔ 10/1 and 31/8 ↔ 22/8, Culture Day 24/11', () => {
    const schedule = yearSchedule(2026);
    expect(schedule.source).toBe('official');
    expect(schedule.daysOff).toEqual([
      '2026-01-01',
      '2026-01-02',
      ...range('2026-02-16', '2026-02-20'),
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-08-31',
      '2026-09-01',
      '2026-09-02',
      '2026-11-24',
    ]);
    expect(schedule.workingSaturdays).toEqual(['2026-01-10', '2026-08-22']);
    expect(schedule.holidays).toContainEqual(
      expect.objectContaining({ date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' }),
    );
    expect(schedule.holidays).toContainEqual(
      expect.objectContaining({ date: '2026-11-24', name: 'Ngày Văn hóa Việt Nam (24/11)' }),
    );
    expect(schedule.sources.join(' ')).toContain('9441/TB-BNV');
  });

  it('every shipped schedule lists only valid dates of its year and only Saturdays as working Saturdays', () => {
    for (const official of OFFICIAL_SCHEDULES) {
      for (const holiday of official.holidays)
        expect(holiday.date.startsWith(`${official.year}-`)).toBe(true);
      for (const saturday of official.workingSaturdays) {
        expect(weekdayOfEpochDay(epochDayFromIsoDate(saturday.date))).toBe(6);
      }
    }
  });

  it('days off are sorted Monday–Friday dates', () => {
    for (const year of [2023, 2024, 2025, 2026, 2027, 2031]) {
      const { daysOff } = yearSchedule(year);
      expect([...daysOff].sort()).toEqual(daysOff);
      for (const date of daysOff) expect(weekdayOfEpochDay(epochDayFromIsoDate(date))).not.toBeOneOf([0, 6]);
    }
  });
});

describe('provisional schedule from the statutory rules (Labour Code 2019 Art. 111–112)', () => {
  it('2026 without official data gives the statutory days: Tết 30 Tết..mùng 4, Giỗ Tổ on Sunday → Monday 27/4', () => {
    const schedule = yearSchedule(2026, [], []);
    expect(schedule.source).toBe('provisional');
    expect(schedule.daysOff).toEqual([
      '2026-01-01',
      ...range('2026-02-16', '2026-02-20'),
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
      '2026-11-24',
    ]);
    expect(schedule.workingSaturdays).toEqual([]);
  });

  it('2027: Tết from Friday 5/2 (30 Tết) to Tuesday 9/2, with the weekend days compensated on 10/2 and 11/2', () => {
    const schedule = yearSchedule(2027);
    expect(schedule.source).toBe('provisional');
    expect(schedule.daysOff.filter((date) => date.startsWith('2027-02'))).toEqual([
      '2027-02-05',
      ...range('2027-02-08', '2027-02-11'),
    ]);
    // 1/5/2027 is a Saturday: next working day (Art. 111(3)) is Monday 3/5.
    expect(schedule.daysOff).toContain('2027-05-03');
  });

  it('a holiday on a weekend gives the next working day that is not already off (2028: 1/1 Saturday → 3/1; 30/4 Sunday → 2/5)', () => {
    const { daysOff } = yearSchedule(2028);
    expect(daysOff).toContain('2028-01-03');
    expect(daysOff).toContain('2028-05-01');
    expect(daysOff).toContain('2028-05-02');
  });

  it('Culture Day 24/11 is not compensated when on a weekend (2029: Saturday) and does not exist before 1/7/2026', () => {
    expect(yearSchedule(2029).daysOff.filter((date) => date >= '2029-11-20')).toEqual([]);
    expect(provisionalHolidays(2025).map((holiday) => holiday.date)).not.toContain('2025-11-24');
    expect(yearSchedule(2027).daysOff).toContain('2027-11-24');
  });

  it.each([
    [2023, '2023-09-01'], // 2/9 Saturday: 1/9 Friday (as in the official 2023 schedule)
    [2024, '2024-09-03'], // 2/9 Monday: 1/9 is Sunday, so 3/9 (as in 2024)
    [2025, '2025-09-01'], // 2/9 Tuesday: 1/9 Monday (as in 2025)
    [2026, '2026-09-01'], // 2/9 Wednesday: 1/9 Tuesday (as in 2026)
    [2027, '2027-09-03'], // 2/9 Thursday: 3/9 Friday joins the weekend
    [2029, '2029-09-03'], // 2/9 Sunday: 1/9 Saturday, so 3/9 Monday
  ])('the day adjacent to 2/9 in %i is %s (documented rule, matches 2023–2026)', (year, date) => {
    expect(nationalDayAdjacentDate(year)).toBe(date);
  });

  it('2029: 2/9 on Sunday and the adjacent Monday 3/9 give Monday and Tuesday off', () => {
    expect(yearSchedule(2029).daysOff.filter((date) => date.startsWith('2029-09'))).toEqual([
      '2029-09-03',
      '2029-09-04',
    ]);
  });

  it('statutory rules reproduce the official weekday holidays of 2026 except the two swaps', () => {
    const official = yearSchedule(2026).daysOff.filter(
      (date) => date !== '2026-01-02' && date !== '2026-08-31',
    );
    expect(yearSchedule(2026, [], []).daysOff).toEqual(official);
  });
});

describe('local changes', () => {
  const changes: LocalChange[] = [
    { date: '2026-03-10', kind: 'day-off', reason: 'Nghỉ lễ hội địa phương' },
    { date: '2026-03-14', kind: 'working-day', reason: 'Làm bù ngày 10/3' },
    { date: '2026-08-22', kind: 'day-off', reason: 'Không làm bù thứ Bảy 22/8 tại địa phương' },
    { date: '2026-11-24', kind: 'working-day', reason: 'Trực tiếp nhận hồ sơ' },
    { date: '2027-01-05', kind: 'day-off', reason: 'Thuộc năm khác' },
  ];

  it('are applied on top of the official schedule of their year', () => {
    const schedule = yearSchedule(2026, changes);
    expect(schedule.source).toBe('official');
    expect(schedule.daysOff).toContain('2026-03-10');
    expect(schedule.daysOff).not.toContain('2026-11-24');
    expect(schedule.workingSaturdays).toEqual(['2026-01-10', '2026-03-14']);
    expect(schedule.localChanges).toHaveLength(4);
    expect(schedule.holidays).toContainEqual({
      date: '2026-03-10',
      name: 'Nghỉ lễ hội địa phương',
      kind: 'local',
    });
  });

  it('are rejected with INVALID_LOCAL_CHANGE when invalid', () => {
    const bad: LocalChange[][] = [
      [{ date: '2026-02-30', kind: 'day-off', reason: 'x' }],
      [{ date: '2026-03-10', kind: 'day-off', reason: '  ' }],
      [{ date: '2026-03-15', kind: 'working-day', reason: 'Chủ nhật' }],
      [
        { date: '2026-03-10', kind: 'day-off', reason: 'a' },
        { date: '2026-03-10', kind: 'working-day', reason: 'b' },
      ],
      [{ date: '2026-03-10', kind: 'holiday' as 'day-off', reason: 'a' }],
    ];
    for (const input of bad) {
      expect(() => yearSchedule(2026, input)).toThrow(
        expect.objectContaining({ code: 'INVALID_LOCAL_CHANGE' }),
      );
    }
  });

  it('a given official schedule overrides the shipped one', () => {
    const custom: OfficialSchedule = {
      year: 2027,
      sources: ['Thông báo thử nghiệm'],
      holidays: [{ date: '2027-01-01', name: 'Tết Dương lịch', kind: 'holiday' }],
      workingSaturdays: [{ date: '2027-01-09', reason: 'thử' }],
    };
    const schedule = yearSchedule(2027, [], [custom]);
    expect(schedule).toMatchObject({
      source: 'official',
      daysOff: ['2027-01-01'],
      workingSaturdays: ['2027-01-09'],
    });
  });

  it('the schedule is frozen', () => {
    const schedule = yearSchedule(2026);
    expect(Object.isFrozen(schedule)).toBe(true);
    expect(Object.isFrozen(schedule.daysOff)).toBe(true);
  });
});
