import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  epochDayOfLunarDate,
  lunarDateOfEpochDay,
  lunarNewYear,
  lunarToSolar,
  lunarYearMonths,
  solarToLunar,
  sunLongitude,
} from '../../src/calendar/lunar-calendar';
import { epochDayFromCivil, epochDayFromIsoDate } from '../../src/calendar/vietnam-time';

describe('lunar New Year (mùng 1 Tết), UTC+7', () => {
  it.each([
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
  ])('%i falls on %s (DOMAIN.md §8)', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
  });

  it.each([
    [1900, '1900-01-31'],
    [1945, '1945-02-13'],
    [1975, '1975-02-11'],
    [2000, '2000-02-05'],
    [2010, '2010-02-14'],
    [2015, '2015-02-19'],
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2028, '2028-01-26'],
    [2033, '2033-01-31'],
    [2034, '2034-02-19'],
    [2050, '2050-01-23'],
    [2100, '2100-02-09'],
  ])('%i falls on %s (published Vietnamese calendar tables)', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
  });

  // Cases where the UTC+7 meridian gives a different day from the Chinese (UTC+8) calendar.
  it('1968: Tết on 29/1 in the North after the switch to UTC+7 (the South, on UTC+8, had it on 30/1)', () => {
    expect(lunarNewYear(1968)).toBe('1968-01-29');
  });

  it('1985: Vietnam celebrated Tết on 21/1, a month before China (20/2), because month 11 differs', () => {
    expect(lunarNewYear(1985)).toBe('1985-01-21');
  });

  it('2007: the new moon at 23:14 (UTC+7) on 17/2 makes Tết 17/2 in Vietnam (18/2 in China)', () => {
    expect(lunarNewYear(2007)).toBe('2007-02-17');
  });

  it('2030: the new moon at 23:07 (UTC+7) on 2/2 makes Tết 2/2 in Vietnam (3/2 in China)', () => {
    expect(lunarNewYear(2030)).toBe('2030-02-02');
  });
});

describe('leap months (tháng nhuận)', () => {
  const leapMonths = (year: number) => lunarYearMonths(year).filter((month) => month.isLeapMonth);

  it.each([
    [2020, 4, '2020-05-23'],
    [2023, 2, '2023-03-22'],
    [2025, 6, '2025-07-25'],
    [2028, 5, '2028-06-23'],
  ])('lunar year %i has leap month %i starting %s', (year, month, start) => {
    const leaps = leapMonths(year);
    expect(leaps).toHaveLength(1);
    expect(leaps[0]).toMatchObject({ month, start });
  });

  it('2033 problem: the leap month is 11 (after the winter solstice month), 2033-12-22; Tết 2034 is 19/2', () => {
    expect(leapMonths(2033)).toEqual([
      { year: 2033, month: 11, isLeapMonth: true, start: '2033-12-22', length: 29 },
    ]);
    expect(solarToLunar('2033-12-21')).toEqual({ year: 2033, month: 11, day: 30, isLeapMonth: false });
    expect(solarToLunar('2033-12-22')).toEqual({ year: 2033, month: 11, day: 1, isLeapMonth: true });
    expect(lunarToSolar({ year: 2033, month: 11, day: 1, isLeapMonth: true })).toBe('2033-12-22');
    expect(lunarYearMonths(2033)).toHaveLength(13);
  });

  it('2026 has no leap month and twelve months', () => {
    expect(lunarYearMonths(2026)).toHaveLength(12);
    expect(leapMonths(2026)).toEqual([]);
  });

  it('rejects a leap flag on a month that is not leap, and day 30 of a 29-day month', () => {
    expect(() => lunarToSolar({ year: 2026, month: 3, day: 1, isLeapMonth: true })).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
    expect(() => lunarToSolar({ year: 2023, month: 6, day: 1, isLeapMonth: true })).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
    const short = lunarYearMonths(2026).find((month) => month.length === 29);
    expect(short).toBeDefined();
    expect(() => lunarToSolar({ year: 2026, month: short!.month, day: 30, isLeapMonth: false })).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });
});

describe('Giỗ Tổ Hùng Vương, 10/3 lunar, matches the official schedules (DOMAIN.md §8)', () => {
  it.each([
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('%i: %s', (year, date) => {
    expect(lunarToSolar({ year, month: 3, day: 10, isLeapMonth: false })).toBe(date);
    expect(solarToLunar(date)).toEqual({ year, month: 3, day: 10, isLeapMonth: false });
  });
});

describe('solar ↔ lunar conversion, 1900–2100', () => {
  const first = epochDayFromCivil(1900, 1, 1);
  const last = epochDayFromCivil(2100, 12, 31);

  it('round-trips every sampled day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (epochDay) => {
        const lunar = lunarDateOfEpochDay(epochDay);
        expect(epochDayOfLunarDate(lunar)).toBe(epochDay);
        expect(lunar.day).toBeGreaterThanOrEqual(1);
        expect(lunar.day).toBeLessThanOrEqual(30);
      }),
      { numRuns: 400 },
    );
  });

  it('consecutive days advance the lunar day by one or start a new month (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: first, max: last - 1 }), (epochDay) => {
        const today = lunarDateOfEpochDay(epochDay);
        const tomorrow = lunarDateOfEpochDay(epochDay + 1);
        if (tomorrow.day === 1) expect([29, 30]).toContain(today.day);
        else expect(tomorrow).toEqual({ ...today, day: today.day + 1 });
      }),
      { numRuns: 200 },
    );
  });

  it('every lunar year 1900–2099 has 12 months, or 13 with exactly one leap month, each of 29 or 30 days', () => {
    for (let year = 1900; year <= 2099; year += 1) {
      const months = lunarYearMonths(year);
      const leaps = months.filter((month) => month.isLeapMonth);
      expect([12, 13]).toContain(months.length);
      expect(leaps).toHaveLength(months.length - 12);
      for (const month of months) expect([29, 30]).toContain(month.length);
      expect(months.filter((month) => !month.isLeapMonth).map((month) => month.month)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
      ]);
    }
  });

  it('lunar month 11 is the month in which the sun reaches 270° (winter solstice)', () => {
    const longitudeAtLocalMidnight = (date: string) =>
      sunLongitude(epochDayFromIsoDate(date) + 2_440_587.5 - 7 / 24);
    for (let year = 1900; year <= 2100; year += 3) {
      const month11 = lunarToSolar({ year, month: 11, day: 1, isLeapMonth: false });
      const next =
        lunarYearMonths(year).find((month) => month.start > month11)?.start ?? lunarNewYear(year + 1);
      expect(longitudeAtLocalMidnight(month11)).toBeGreaterThan(230);
      expect(longitudeAtLocalMidnight(month11)).toBeLessThan(270);
      expect(longitudeAtLocalMidnight(next)).toBeGreaterThanOrEqual(270);
    }
  });
});
