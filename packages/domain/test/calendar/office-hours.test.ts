import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OFFICE_HOURS,
  formatMinuteOfDay,
  minuteOfDay,
  officeHours,
} from '../../src/calendar/office-hours';

describe('office hours', () => {
  it('default is 07:30–11:30 and 13:00–17:00: 8 hours, one working day', () => {
    expect(
      DEFAULT_OFFICE_HOURS.intervals.map((i) => `${formatMinuteOfDay(i.start)}–${formatMinuteOfDay(i.end)}`),
    ).toEqual(['07:30–11:30', '13:00–17:00']);
    expect(DEFAULT_OFFICE_HOURS.dailyMinutes).toBe(480);
  });

  it('accepts other desks’ hours, e.g. 07:00–11:30, 13:30–17:00 (DOMAIN.md §8)', () => {
    const hours = officeHours([
      { start: minuteOfDay('07:00'), end: minuteOfDay('11:30') },
      { start: minuteOfDay('13:30'), end: minuteOfDay('17:00') },
    ]);
    expect(hours.dailyMinutes).toBe(480);
  });

  it.each([
    ['no interval', []],
    ['closing before opening', [{ start: 600, end: 540 }]],
    ['empty interval', [{ start: 600, end: 600 }]],
    ['beyond midnight', [{ start: 600, end: 1441 }]],
    ['negative', [{ start: -10, end: 600 }]],
    ['fractional minutes', [{ start: 450.5, end: 690 }]],
    [
      'overlapping',
      [
        { start: 450, end: 700 },
        { start: 690, end: 1020 },
      ],
    ],
    [
      'touching (no break)',
      [
        { start: 450, end: 690 },
        { start: 690, end: 1020 },
      ],
    ],
    [
      'out of order',
      [
        { start: 780, end: 1020 },
        { start: 450, end: 690 },
      ],
    ],
  ])('rejects %s with INVALID_OFFICE_HOURS', (_, intervals) => {
    expect(() => officeHours(intervals)).toThrow(expect.objectContaining({ code: 'INVALID_OFFICE_HOURS' }));
  });

  it('rejects a malformed time of day', () => {
    expect(() => minuteOfDay('7:30')).toThrow(expect.objectContaining({ code: 'INVALID_OFFICE_HOURS' }));
    expect(() => minuteOfDay('07:60')).toThrow(expect.objectContaining({ code: 'INVALID_OFFICE_HOURS' }));
  });
});
