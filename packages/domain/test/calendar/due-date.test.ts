import { describe, expect, it } from 'vitest';
import {
  classifyFinish,
  dueDate,
  dueDateWithPauses,
  type ProcessingTime,
  type ProcessingTimeUnit,
  validateProcessingTime,
  workingTimeBetween,
} from '../../src/calendar/due-date';
import { formatVietnamInstant, MS_PER_HOUR, parseInstant } from '../../src/calendar/vietnam-time';
import { createWorkingCalendar } from '../../src/calendar/working-calendar';

const calendar = createWorkingCalendar({ fromYear: 2022, toYear: 2031 });
const at = (local: string): number => parseInstant(`${local}+07:00`);
const due = (start: string, value: number, unit: ProcessingTimeUnit, cal = calendar): string =>
  formatVietnamInstant(dueDate(cal, at(start), { unit, value })).replace(':00+07:00', '');

describe('the issue’s canonical example (Thông báo 9441/TB-BNV: Tết 16–20/2/2026)', () => {
  it('received Friday 13/2/2026 10:00 with 3 working days is due Wednesday 25/2/2026 10:00', () => {
    const received = parseInstant('2026-02-13T10:00:00+07:00');
    const dueAt = dueDate(calendar, received, { unit: 'working-days', value: 3 });
    expect(formatVietnamInstant(dueAt)).toBe('2026-02-25T10:00:00+07:00');
    expect(workingTimeBetween(calendar, received, dueAt)).toBe(24 * MS_PER_HOUR);
  });
});

describe('clock start and office hours (07:30–11:30, 13:00–17:00)', () => {
  it.each([
    ['inside office hours: from the instant', '2026-03-10T09:15', 2, '2026-03-10T11:15'],
    ['during lunch: from the afternoon opening', '2026-03-10T12:00', 1, '2026-03-10T14:00'],
    ['before opening: from the opening', '2026-03-10T06:00', 2, '2026-03-10T09:30'],
    ['after closing: from the next working day’s opening', '2026-03-10T18:00', 2, '2026-03-11T09:30'],
    ['exactly at closing: from the next opening', '2026-03-10T17:00', 1, '2026-03-11T08:30'],
    ['exactly at the morning closing: from 13:00', '2026-03-10T11:30', 1, '2026-03-10T14:00'],
    ['on a Saturday: from Monday’s opening', '2026-03-14T09:00', 2, '2026-03-16T09:30'],
    ['on a Sunday night: from Monday’s opening', '2026-03-15T23:59', 4, '2026-03-16T11:30'],
    ['across the lunch break', '2026-03-10T10:30', 2, '2026-03-10T14:00'],
  ])('%s (%s + %i working hours → %s)', (_, start, hours, expected) => {
    expect(due(start, hours, 'working-hours')).toBe(expected);
  });

  it('a due instant at a closing time stays there (11:30, 17:00), it does not roll to the next opening', () => {
    expect(due('2026-03-10T07:30', 4, 'working-hours')).toBe('2026-03-10T11:30');
    expect(due('2026-03-10T07:30', 1, 'working-days')).toBe('2026-03-10T17:00');
    expect(due('2026-03-14T09:00', 1, 'working-days')).toBe('2026-03-16T17:00');
    expect(due('2026-03-10T13:00', 2, 'working-days')).toBe('2026-03-12T11:30');
  });

  it('a zero limit is due when the clock starts', () => {
    expect(due('2026-03-10T18:00', 0, 'working-hours')).toBe('2026-03-11T07:30');
    expect(due('2026-03-10T09:00', 0, 'working-days')).toBe('2026-03-10T09:00');
  });

  it('half days (0.5 working day = 4 office hours)', () => {
    expect(due('2026-03-10T07:30', 0.5, 'working-days')).toBe('2026-03-10T11:30');
    expect(due('2026-03-10T10:00', 0.5, 'working-days')).toBe('2026-03-10T15:30');
    expect(due('2026-03-13T13:00', 1.5, 'working-days')).toBe('2026-03-16T17:00');
    expect(due('2026-03-13T15:00', 2.5, 'working-days')).toBe('2026-03-18T09:30');
  });

  it('fractional working hours are office time too (1.5 h)', () => {
    expect(due('2026-03-10T11:00', 1.5, 'working-hours')).toBe('2026-03-10T14:00');
  });

  it('another desk’s hours (07:00–11:30, 13:30–17:00): lunch receipt counts from 13:30', () => {
    const desk = createWorkingCalendar({
      fromYear: 2026,
      toYear: 2026,
      officeHours: [
        { start: 420, end: 690 },
        { start: 810, end: 1020 },
      ],
    });
    expect(due('2026-03-10T12:00', 1, 'working-hours', desk)).toBe('2026-03-10T14:30');
    expect(due('2026-03-10T07:00', 1, 'working-days', desk)).toBe('2026-03-10T17:00');
  });

  it('a working day is the desk’s daily office time (a 6-hour desk: 1 working day = 6 hours)', () => {
    const desk = createWorkingCalendar({
      fromYear: 2026,
      toYear: 2026,
      officeHours: [
        { start: 480, end: 660 },
        { start: 840, end: 1020 },
      ],
    });
    expect(due('2026-03-10T08:00', 1, 'working-days', desk)).toBe('2026-03-10T17:00');
    expect(due('2026-03-10T08:00', 0.5, 'working-days', desk)).toBe('2026-03-10T11:00');
  });
});

describe('working days around every holiday of 2023–2026 (official schedules, DOMAIN.md §8)', () => {
  it.each([
    // 2023 — Công văn 8056/VPCP-KGVX ngày 01/12/2022; Bộ luật Lao động 2019 Điều 111(3)
    ['2023: Tết Dương lịch 1/1 (Sunday) compensated Monday 2/1', '2022-12-30T16:00', 1, '2023-01-03T16:00'],
    ['2023: Tết 20/1, 23–26/1', '2023-01-19T09:00', 2, '2023-01-30T09:00'],
    [
      '2023: Giỗ Tổ 29/4 (Sat), 30/4 (Sun), 1/5, compensated 2/5 and 3/5',
      '2023-04-28T07:30',
      2,
      '2023-05-04T17:00',
    ],
    ['2023: Quốc khánh 1/9 and 2/9 (Sat), compensated 4/9', '2023-08-31T13:00', 1, '2023-09-05T11:30'],
    // 2024 — Thông báo 5015/TB-LĐTBXH ngày 22/11/2023; Công văn 2450/VPCP-KGVX ngày 12/4/2024
    ['2024: Tết Dương lịch 1/1 (Monday)', '2023-12-29T17:00', 0.5, '2024-01-02T11:30'],
    ['2024: Tết 8–14/2', '2024-02-07T15:00', 1, '2024-02-15T15:00'],
    ['2024: Giỗ Tổ 18/4', '2024-04-17T12:00', 1, '2024-04-19T11:30'],
    ['2024: 29/4 (swap), 30/4, 1/5', '2024-04-26T09:00', 2, '2024-05-03T09:00'],
    ['2024: make-up Saturday 4/5 is a working day', '2024-05-03T13:00', 1, '2024-05-04T11:30'],
    ['2024: Quốc khánh 2/9 and 3/9', '2024-08-30T10:00', 1, '2024-09-04T10:00'],
    // 2025 — Thông báo 6150/TB-LĐTBXH (2024)
    ['2025: Tết Dương lịch 1/1 (Wednesday)', '2024-12-31T16:00', 0.5, '2025-01-02T10:30'],
    ['2025: Tết 27–31/1', '2025-01-24T08:00', 3, '2025-02-05T08:00'],
    ['2025: Giỗ Tổ 7/4 (Monday)', '2025-04-04T17:00', 1, '2025-04-08T17:00'],
    ['2025: make-up Saturday 26/4 is a working day', '2025-04-25T13:00', 1, '2025-04-26T11:30'],
    ['2025: 30/4, 1/5, 2/5 (swap)', '2025-04-29T13:00', 1, '2025-05-05T11:30'],
    ['2025: Quốc khánh 1/9 and 2/9', '2025-08-29T13:00', 1, '2025-09-03T11:30'],
    // 2026 — Thông báo 9441/TB-BNV ngày 16/10/2025; DOMAIN.md §8
    ['2026: Tết Dương lịch 1/1 and 2/1 (swap)', '2025-12-31T13:00', 1, '2026-01-05T11:30'],
    ['2026: make-up Saturday 10/1 is a working day', '2026-01-09T13:00', 1, '2026-01-10T11:30'],
    ['2026: Tết 16–20/2', '2026-02-13T16:00', 1, '2026-02-23T16:00'],
    ['2026: Giỗ Tổ 26/4 on Sunday, compensated Monday 27/4', '2026-04-24T13:00', 1, '2026-04-28T11:30'],
    ['2026: 30/4 and 1/5', '2026-04-29T07:30', 2, '2026-05-04T17:00'],
    ['2026: make-up Saturday 22/8 is a working day', '2026-08-21T13:00', 1, '2026-08-22T11:30'],
    ['2026: 31/8 (swap), 1/9, 2/9', '2026-08-28T13:00', 1, '2026-09-03T11:30'],
    ['2026: Culture Day 24/11 is off', '2026-11-23T13:00', 1, '2026-11-25T11:30'],
  ])('%s: %s + %s working days → %s', (_, start, days, expected) => {
    expect(due(start, days, 'working-days')).toBe(expected);
  });

  it('make-up Saturdays are working days and swapped weekdays are not', () => {
    for (const date of ['2024-05-04', '2025-04-26', '2026-01-10', '2026-08-22']) {
      expect(calendar.isWorkingDay(date)).toBe(true);
    }
    for (const date of ['2024-04-29', '2025-05-02', '2026-01-02', '2026-08-31', '2026-11-24']) {
      expect(calendar.isWorkingDay(date)).toBe(false);
    }
    expect(calendar.isWorkingDay('2026-08-29')).toBe(false);
  });
});

describe('calendar days and months (the day after receipt; a due day off moves to the next working day)', () => {
  it.each([
    ['over Tết 2026: 13/2 + 5 days = 18/2 (Tết) → Monday 23/2', '2026-02-13T10:00', 5, '2026-02-23T17:00'],
    ['received after closing still counts from the receipt day', '2026-03-10T20:00', 3, '2026-03-13T17:00'],
    ['a due Saturday moves to Monday', '2026-03-11T09:00', 3, '2026-03-16T17:00'],
    ['0 days: closing time of the receipt day', '2026-03-10T09:00', 0, '2026-03-10T17:00'],
    ['0 days on a Sunday: Monday', '2026-03-15T09:00', 0, '2026-03-16T17:00'],
    ['0 days received after closing: the next working day', '2026-03-13T18:00', 0, '2026-03-16T17:00'],
    ['over Culture Day 2026: 21/11 + 3 = 24/11 (off) → 25/11', '2026-11-21T10:00', 3, '2026-11-25T17:00'],
    ['make-up Saturday 22/8/2026 is a due day', '2026-08-17T10:00', 5, '2026-08-22T17:00'],
  ])('%s', (_, start, days, expected) => {
    expect(due(start, days, 'days')).toBe(expected);
  });

  it('the receipt day is the Vietnam local date, not the UTC date', () => {
    const received = parseInstant('2026-03-12T17:30:00Z'); // 00:30 on Friday 13/3 in Vietnam
    expect(formatVietnamInstant(dueDate(calendar, received, { unit: 'days', value: 1 }))).toBe(
      '2026-03-16T17:00:00+07:00',
    );
  });

  it.each([
    ['31 Jan + 1 month → 28 Feb 2026 (Saturday) → Monday 2/3', '2026-01-31T10:00', 1, '2026-03-02T17:00'],
    ['31 Jan + 1 month → 29 Feb in leap year 2028', '2028-01-31T10:00', 1, '2028-02-29T17:00'],
    ['31 Dec + 2 months → 28 Feb 2026 → 2/3', '2025-12-31T10:00', 2, '2026-03-02T17:00'],
    ['31 Mar + 1 month → 30 Apr 2026 (holiday) → Monday 4/5', '2026-03-31T10:00', 1, '2026-05-04T17:00'],
    ['15 Oct + 4 months → 15 Feb 2026 (Sunday), then Tết → 23/2', '2025-10-15T10:00', 4, '2026-02-23T17:00'],
    ['28 Feb + 12 months → 28 Feb 2026 → 2/3', '2025-02-28T10:00', 12, '2026-03-02T17:00'],
    ['10 Jan + 1 month → 10 Feb 2026 (Tuesday)', '2026-01-10T10:00', 1, '2026-02-10T17:00'],
  ])('%s', (_, start, months, expected) => {
    expect(due(start, months, 'months')).toBe(expected);
  });
});

describe('pauses (waiting for a supplement)', () => {
  const limit: ProcessingTime = { unit: 'working-days', value: 3 };
  const start = at('2026-03-09T07:30'); // Monday; due Wednesday 11/3 17:00 without pauses
  const withPauses = (pauses: [string, string][]) =>
    formatVietnamInstant(
      dueDateWithPauses(
        calendar,
        start,
        limit,
        pauses.map(([from, to]) => ({ from: at(from), to: at(to) })),
      ),
    );

  it('extends the due date by the office time paused', () => {
    expect(withPauses([])).toBe('2026-03-11T17:00:00+07:00');
    expect(withPauses([['2026-03-10T07:30', '2026-03-10T17:00']])).toBe('2026-03-12T17:00:00+07:00');
    // 10:00–11:30 and 13:00–14:00: 2.5 office hours
    expect(withPauses([['2026-03-10T10:00', '2026-03-10T14:00']])).toBe('2026-03-12T10:00:00+07:00');
  });

  it('overlapping pauses count once; pauses outside office time or before receipt do not count', () => {
    expect(
      withPauses([
        ['2026-03-10T07:30', '2026-03-10T17:00'],
        ['2026-03-10T13:00', '2026-03-10T17:00'],
      ]),
    ).toBe('2026-03-12T17:00:00+07:00');
    expect(withPauses([['2026-03-09T17:00', '2026-03-10T07:30']])).toBe('2026-03-11T17:00:00+07:00');
    expect(withPauses([['2026-03-06T07:30', '2026-03-09T11:30']])).toBe('2026-03-12T11:30:00+07:00');
  });

  it('a pause that starts after the due instant does not extend it', () => {
    expect(withPauses([['2026-03-12T07:30', '2026-03-13T17:00']])).toBe('2026-03-11T17:00:00+07:00');
  });

  it('a pause that runs past the original due instant extends it by all its office time', () => {
    // 20 office hours paused (Wed afternoon, Thu, Fri) after Wednesday 17:00: Thu, Fri, Monday morning
    expect(withPauses([['2026-03-11T13:00', '2026-03-13T17:00']])).toBe('2026-03-16T11:30:00+07:00');
  });

  it('rejects a pause that ends before it starts', () => {
    expect(() => dueDateWithPauses(calendar, start, limit, [{ from: start + 10, to: start }])).toThrow(
      expect.objectContaining({ code: 'INVALID_INSTANT' }),
    );
  });
});

describe('working time between two instants', () => {
  it('counts only office time of working days', () => {
    expect(workingTimeBetween(calendar, at('2026-03-10T11:00'), at('2026-03-10T13:30'))).toBe(MS_PER_HOUR);
    expect(workingTimeBetween(calendar, at('2026-02-13T17:00'), at('2026-02-23T07:30'))).toBe(0);
    expect(workingTimeBetween(calendar, at('2026-03-13T07:30'), at('2026-03-16T17:00'))).toBe(
      16 * MS_PER_HOUR,
    );
    expect(workingTimeBetween(calendar, at('2026-03-10T13:30'), at('2026-03-10T11:00'))).toBe(-MS_PER_HOUR);
  });
});

describe('classifying a finish against the due instant (Circular 01/2018 Art. 13, index 1)', () => {
  const dueAt = at('2026-02-25T10:00');
  it.each([
    ['2026-02-24T16:00', 'early'],
    ['2026-02-24T23:59', 'early'],
    ['2026-02-25T00:00', 'on-time'],
    ['2026-02-25T08:00', 'on-time'],
    ['2026-02-25T10:00', 'on-time'],
    ['2026-02-25T10:01', 'late'],
    ['2026-03-02T08:00', 'late'],
  ])('finished %s → %s', (finished, expected) => {
    expect(classifyFinish(at(finished), dueAt)).toBe(expected);
  });

  it('one millisecond after the due instant is late', () => {
    expect(classifyFinish(dueAt + 1, dueAt)).toBe('late');
  });
});

describe('validation', () => {
  it.each([
    [{ unit: 'weeks', value: 1 }, 'UNKNOWN_TIME_UNIT'],
    [{ unit: 'working-days', value: -1 }, 'INVALID_LIMIT'],
    [{ unit: 'working-days', value: 1.25 }, 'INVALID_LIMIT'],
    [{ unit: 'working-hours', value: Number.NaN }, 'INVALID_LIMIT'],
    [{ unit: 'working-hours', value: Number.POSITIVE_INFINITY }, 'INVALID_LIMIT'],
    [{ unit: 'days', value: 1.5 }, 'INVALID_LIMIT'],
    [{ unit: 'months', value: 0.5 }, 'INVALID_LIMIT'],
  ])('%j → %s, with Vietnamese and English messages', (limit, code) => {
    let error: unknown;
    try {
      dueDate(calendar, at('2026-03-10T09:00'), limit as ProcessingTime);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ name: 'CalendarError', code });
    const { message, messageEn } = error as { message: string; messageEn: string };
    expect(message).toMatch(/không hợp lệ/);
    expect(messageEn).toMatch(/^(Invalid|Unknown)/);
  });

  it('accepts whole and half working days, whole days and months', () => {
    for (const limit of [
      { unit: 'working-days', value: 0.5 },
      { unit: 'working-days', value: 15 },
      { unit: 'working-hours', value: 0.25 },
      { unit: 'days', value: 30 },
      { unit: 'months', value: 3 },
    ] as const) {
      expect(() => validateProcessingTime(limit)).not.toThrow();
    }
  });

  it('refuses instants and due dates outside the calendar’s years', () => {
    expect(() => due('2035-01-02T09:00', 1, 'working-days')).toThrow(
      expect.objectContaining({ code: 'OUTSIDE_CALENDAR_RANGE' }),
    );
    expect(() => due('2031-12-30T09:00', 5, 'working-days')).toThrow(
      expect.objectContaining({ code: 'OUTSIDE_CALENDAR_RANGE' }),
    );
    expect(() => due('2031-12-15T09:00', 1, 'months')).toThrow(
      expect.objectContaining({ code: 'OUTSIDE_CALENDAR_RANGE' }),
    );
  });
});

describe('the calendar is an immutable value that the server can rebuild', () => {
  it('is frozen and rebuilding from its definition gives the same due dates', () => {
    expect(Object.isFrozen(calendar)).toBe(true);
    expect(() => {
      (calendar as { fromYear: number }).fromYear = 1990;
    }).toThrow();
    const rebuilt = createWorkingCalendar(calendar.definition);
    for (const start of ['2026-02-13T10:00', '2024-04-26T09:00', '2030-06-01T12:00']) {
      expect(due(start, 7.5, 'working-days', rebuilt)).toBe(due(start, 7.5, 'working-days'));
    }
  });

  it('a calendar with local changes is a new value; the original is unchanged', () => {
    const local = createWorkingCalendar({
      ...calendar.definition,
      localChanges: [{ date: '2026-03-11', kind: 'day-off', reason: 'Nghỉ đột xuất do bão' }],
    });
    expect(due('2026-03-10T07:30', 2, 'working-days', local)).toBe('2026-03-12T17:00');
    expect(due('2026-03-10T07:30', 2, 'working-days')).toBe('2026-03-11T17:00');
    expect(local.yearSchedule(2026).daysOff).toContain('2026-03-11');
  });
});
