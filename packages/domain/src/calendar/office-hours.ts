// Office hours of a desk on each working day, in minutes after local midnight (Vietnam time).
import { CalendarError } from './calendar-error';
import { MINUTES_PER_DAY } from './vietnam-time';

export interface OfficeInterval {
  /** Opening, minutes after 00:00 (07:30 → 450). */
  readonly start: number;
  /** Closing, minutes after 00:00, after `start` (11:30 → 690). */
  readonly end: number;
}

export interface OfficeHours {
  readonly intervals: readonly OfficeInterval[];
  /** Office minutes in one working day: the length of one working day for `working-days` limits. */
  readonly dailyMinutes: number;
}

function invalid(vi: string, en: string, details: Record<string, unknown>): CalendarError {
  return new CalendarError(
    'INVALID_OFFICE_HOURS',
    `Giờ làm việc không hợp lệ: ${vi}`,
    `Invalid office hours: ${en}`,
    details,
  );
}

/**
 * Validates office hours: at least one interval, whole minutes within the day, each closing after
 * its opening, intervals in order and separated by a break (a closing time that is also an opening
 * time would make "due at closing" ambiguous).
 */
export function officeHours(intervals: readonly OfficeInterval[]): OfficeHours {
  if (!Array.isArray(intervals) || intervals.length === 0) {
    throw invalid('cần ít nhất một khoảng thời gian.', 'at least one interval is required.', {});
  }
  let previousEnd = -1;
  let dailyMinutes = 0;
  for (const [index, interval] of intervals.entries()) {
    const { start, end } = interval ?? {};
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(end) ||
      start < 0 ||
      end > MINUTES_PER_DAY ||
      start >= end
    ) {
      throw invalid(
        `khoảng thứ ${index + 1} phải là số phút nguyên trong ngày, giờ mở trước giờ đóng.`,
        `interval ${index + 1} must be whole minutes within the day with opening before closing.`,
        { index, start, end },
      );
    }
    if (start <= previousEnd) {
      throw invalid(
        `khoảng thứ ${index + 1} phải bắt đầu sau khi khoảng trước kết thúc.`,
        `interval ${index + 1} must start after the previous one ends.`,
        { index, start, end },
      );
    }
    previousEnd = end;
    dailyMinutes += end - start;
  }
  return Object.freeze({
    intervals: Object.freeze(intervals.map(({ start, end }) => Object.freeze({ start, end }))),
    dailyMinutes,
  });
}

/** `'07:30'` → 450. */
export function minuteOfDay(text: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || minutes > 59 || hours * 60 + minutes > MINUTES_PER_DAY) {
    throw invalid(`giờ "${text}" không đúng định dạng HH:MM.`, `time "${text}" is not HH:MM.`, {
      value: text,
    });
  }
  return hours * 60 + minutes;
}

export function formatMinuteOfDay(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** 07:30–11:30 and 13:00–17:00: 8 office hours, one working day. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = officeHours([
  { start: 7 * 60 + 30, end: 11 * 60 + 30 },
  { start: 13 * 60, end: 17 * 60 },
]);
