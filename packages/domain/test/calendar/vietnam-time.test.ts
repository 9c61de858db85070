import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilFromEpochDay,
  epochDayFromCivil,
  formatVietnamInstant,
  localDateOf,
  parseInstant,
} from '../../src/calendar/vietnam-time';

describe('Vietnam time (fixed UTC+7, no daylight saving)', () => {
  it('formats an instant with the +07:00 offset', () => {
    expect(formatVietnamInstant(Date.UTC(2026, 1, 25, 3, 0, 0))).toBe('2026-02-25T10:00:00+07:00');
    expect(formatVietnamInstant(Date.UTC(2026, 1, 24, 17, 0, 0))).toBe('2026-02-25T00:00:00+07:00');
    expect(formatVietnamInstant(Date.UTC(2026, 1, 25, 3, 0, 0, 5))).toBe('2026-02-25T10:00:00.005+07:00');
  });

  it('parses ISO instants with any offset and local dates as 00:00 in Vietnam', () => {
    expect(parseInstant('2026-02-25T10:00:00+07:00')).toBe(Date.UTC(2026, 1, 25, 3));
    expect(parseInstant('2026-02-25T03:00:00Z')).toBe(Date.UTC(2026, 1, 25, 3));
    expect(parseInstant('2026-02-24T22:00:00-05:00')).toBe(Date.UTC(2026, 1, 25, 3));
    expect(parseInstant('2026-02-25T10:00+07:00')).toBe(Date.UTC(2026, 1, 25, 3));
    expect(parseInstant('2026-02-25T10:00:00.250+07:00')).toBe(Date.UTC(2026, 1, 25, 3, 0, 0, 250));
    expect(parseInstant('2026-02-25')).toBe(Date.UTC(2026, 1, 24, 17));
  });

  it.each([
    '2026-02-25T10:00:00',
    '2026-02-30T10:00:00+07:00',
    '2026-02-25T24:00:00+07:00',
    '2026-13-01',
    '25/02/2026',
    '',
  ])('rejects %j with INVALID_INSTANT or INVALID_DATE', (text) => {
    expect(() => parseInstant(text)).toThrow(
      expect.objectContaining({ code: expect.stringMatching(/^INVALID_/) }),
    );
  });

  it('the local date of an instant is the date at UTC+7', () => {
    expect(localDateOf(Date.UTC(2026, 1, 24, 16, 59))).toBe('2026-02-24');
    expect(localDateOf(Date.UTC(2026, 1, 24, 17, 0))).toBe('2026-02-25');
  });

  it('format and parse round-trip, and civil dates agree with Date.UTC (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 11, 31) }), (instant) => {
        expect(parseInstant(formatVietnamInstant(instant))).toBe(instant);
        const epochDay = Math.floor(instant / 86_400_000);
        const date = new Date(epochDay * 86_400_000);
        expect(civilFromEpochDay(epochDay)).toEqual({
          year: date.getUTCFullYear(),
          month: date.getUTCMonth() + 1,
          day: date.getUTCDate(),
        });
        expect(epochDayFromCivil(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(
          epochDay,
        );
      }),
    );
  });
});
