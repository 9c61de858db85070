import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dueDate,
  dueDateWithPauses,
  type ProcessingTime,
  workingTimeBetween,
} from '../../src/calendar/due-date';
import { ReferenceStepper } from '../../src/calendar/reference-stepper';
import {
  formatVietnamInstant,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  parseInstant,
} from '../../src/calendar/vietnam-time';
import { createWorkingCalendar } from '../../src/calendar/working-calendar';

const calendar = createWorkingCalendar({
  fromYear: 2023,
  toYear: 2034,
  localChanges: [
    { date: '2027-06-15', kind: 'day-off', reason: 'Nghỉ bù địa phương' },
    { date: '2028-03-11', kind: 'working-day', reason: 'Làm bù thứ Bảy' },
  ],
});
const stepper = new ReferenceStepper(calendar.schedules, calendar.officeHours);

const FIRST = parseInstant('2023-01-01T00:00:00+07:00');
const LAST = parseInstant('2030-12-31T23:59:00+07:00');

const minuteInstant = fc
  .integer({ min: FIRST / MS_PER_MINUTE, max: LAST / MS_PER_MINUTE })
  .map((m) => m * MS_PER_MINUTE);
const anyInstant = fc.integer({ min: FIRST, max: LAST });

const limitOf = (unit: ProcessingTime['unit'], value: number): ProcessingTime => ({ unit, value });
const workingLimit = fc.oneof(
  fc.integer({ min: 0, max: 320 }).map((quarters) => limitOf('working-hours', quarters / 4)),
  fc.integer({ min: 0, max: 60 }).map((halves) => limitOf('working-days', halves / 2)),
);
const anyLimit = fc.oneof(
  workingLimit,
  fc.integer({ min: 0, max: 90 }).map((days) => limitOf('days', days)),
  fc.integer({ min: 0, max: 12 }).map((months) => limitOf('months', months)),
);
const limitMs = (limit: ProcessingTime): number =>
  limit.unit === 'working-hours' ? limit.value * MS_PER_HOUR : limit.value * calendar.workingDayMs;
const show = (instant: number) => formatVietnamInstant(instant);

describe('due-date properties (fast-check)', () => {
  it('the due instant is inside office hours of a working day, or exactly at a closing time', () => {
    fc.assert(
      fc.property(anyInstant, anyLimit, (start, limit) => {
        const due = dueDate(calendar, start, limit);
        expect(calendar.isOfficeTime(due) || calendar.isClosingTime(due), show(due)).toBe(true);
        expect(due).toBeGreaterThanOrEqual(start);
      }),
      { numRuns: 2000 },
    );
  });

  it('is monotonic in the limit (same unit)', () => {
    fc.assert(
      fc.property(anyInstant, anyLimit, fc.nat({ max: 20 }), (start, limit, extra) => {
        const step =
          limit.unit === 'working-hours' ? extra / 4 : limit.unit === 'working-days' ? extra / 2 : extra;
        const longer = { unit: limit.unit, value: limit.value + step };
        expect(dueDate(calendar, start, longer)).toBeGreaterThanOrEqual(dueDate(calendar, start, limit));
      }),
      { numRuns: 2000 },
    );
  });

  it('is monotonic in the start', () => {
    fc.assert(
      fc.property(
        anyInstant,
        fc.integer({ min: 0, max: 20 * 86_400_000 }),
        anyLimit,
        (start, delay, limit) => {
          expect(dueDate(calendar, start + delay, limit)).toBeGreaterThanOrEqual(
            dueDate(calendar, start, limit),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('the working time between the start and the due instant equals the limit', () => {
    fc.assert(
      fc.property(anyInstant, workingLimit, (start, limit) => {
        const due = dueDate(calendar, start, limit);
        expect(workingTimeBetween(calendar, start, due)).toBe(limitMs(limit));
        // …and nothing shorter would do: one millisecond earlier the limit is not reached.
        if (limit.value > 0)
          expect(workingTimeBetween(calendar, start, due - 1)).toBeLessThan(limitMs(limit));
      }),
      { numRuns: 2000 },
    );
  });

  it('equals the minute-by-minute reference stepper', () => {
    const smallLimit = fc.oneof(
      fc.integer({ min: 0, max: 48 }).map((quarters) => limitOf('working-hours', quarters / 4)),
      fc.integer({ min: 0, max: 12 }).map((halves) => limitOf('working-days', halves / 2)),
      fc.integer({ min: 0, max: 45 }).map((days) => limitOf('days', days)),
      fc.integer({ min: 0, max: 6 }).map((months) => limitOf('months', months)),
    );
    fc.assert(
      fc.property(minuteInstant, smallLimit, (start, limit) => {
        expect(show(dueDate(calendar, start, limit))).toBe(show(stepper.dueDate(start, limit)));
      }),
      { numRuns: 300 },
    );
  });

  it('working time between two instants equals the reference stepper’s minute count', () => {
    fc.assert(
      fc.property(minuteInstant, fc.integer({ min: 0, max: 6 * 1440 }), (from, minutes) => {
        const to = from + minutes * MS_PER_MINUTE;
        expect(workingTimeBetween(calendar, from, to)).toBe(
          stepper.workingMinutesBetween(from, to) * MS_PER_MINUTE,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('a pause before the due instant extends it by exactly the office time paused', () => {
    fc.assert(
      fc.property(
        anyInstant,
        workingLimit.filter((limit) => limit.value > 0),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 10 * 86_400_000 }),
        (start, limit, where, length) => {
          const due = dueDate(calendar, start, limit);
          const from = start + Math.floor((due - start) * where);
          fc.pre(from < due);
          const pause = { from, to: from + length };
          const extended = dueDateWithPauses(calendar, start, limit, [pause]);
          const paused = workingTimeBetween(calendar, Math.max(pause.from, start), pause.to);
          expect(workingTimeBetween(calendar, start, extended)).toBe(limitMs(limit) + paused);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
