// Legal deadlines (thời hạn giải quyết): when a dossier received at an instant is due, how much
// working time lies between two instants, and whether a dossier finished early, on time or late.
// Instants are epoch milliseconds; local days are Vietnam days (UTC+7).
import { CalendarError } from './calendar-error';
import { localEpochDay, MS_PER_HOUR } from './vietnam-time';
import type { WorkingCalendar } from './working-calendar';

export type ProcessingTimeUnit = 'working-hours' | 'working-days' | 'days' | 'months';

export const PROCESSING_TIME_UNITS: readonly ProcessingTimeUnit[] = Object.freeze([
  'working-hours',
  'working-days',
  'days',
  'months',
]);

/** A legal processing time: e.g. `{ unit: 'working-days', value: 3 }`, `{ unit: 'months', value: 1 }`. */
export interface ProcessingTime {
  readonly unit: ProcessingTimeUnit;
  readonly value: number;
}

/** A half-open interval [from, to) of epoch milliseconds during which the clock is stopped. */
export interface Pause {
  readonly from: number;
  readonly to: number;
}

export type FinishClassification = 'early' | 'on-time' | 'late';

const UNIT_NAMES_VI: Record<ProcessingTimeUnit, string> = {
  'working-hours': 'giờ làm việc',
  'working-days': 'ngày làm việc',
  days: 'ngày',
  months: 'tháng',
};

function invalidLimit(limit: ProcessingTime, vi: string, en: string): CalendarError {
  return new CalendarError(
    'INVALID_LIMIT',
    `Thời hạn giải quyết không hợp lệ: ${vi}`,
    `Invalid processing time: ${en}`,
    {
      unit: limit.unit,
      value: limit.value,
    },
  );
}

/**
 * Checks a processing time: a known unit; a finite value ≥ 0; working days in multiples of 0.5;
 * calendar days and months whole. Throws `CalendarError` (`UNKNOWN_TIME_UNIT`, `INVALID_LIMIT`).
 */
export function validateProcessingTime(limit: ProcessingTime): void {
  const { unit, value } = limit;
  if (unit !== 'working-hours' && unit !== 'working-days' && unit !== 'days' && unit !== 'months') {
    throw new CalendarError(
      'UNKNOWN_TIME_UNIT',
      `Đơn vị thời hạn không hợp lệ: "${String(unit)}" (giờ làm việc, ngày làm việc, ngày hoặc tháng).`,
      `Unknown processing time unit "${String(unit)}" (expected ${PROCESSING_TIME_UNITS.join(', ')}).`,
      { unit },
    );
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw invalidLimit(
      limit,
      `thời hạn phải là số không âm (${UNIT_NAMES_VI[unit]}).`,
      'the value must be a finite number ≥ 0.',
    );
  }
  if (unit === 'working-days' && !Number.isInteger(value * 2)) {
    throw invalidLimit(
      limit,
      'số ngày làm việc phải là bội số của 0,5.',
      'working days must be a multiple of 0.5.',
    );
  }
  if ((unit === 'days' || unit === 'months') && !Number.isInteger(value)) {
    throw invalidLimit(
      limit,
      `số ${UNIT_NAMES_VI[unit]} phải là số nguyên.`,
      `${unit} must be a whole number.`,
    );
  }
}

/**
 * The due instant of a dossier received at `receivedAt` with the legal processing time `limit`.
 *
 * - Working hours / working days: the clock starts at `receivedAt` inside office hours of a working
 *   day, else at the next opening (afternoon opening during the lunch break, next working day's
 *   opening after closing or on a day off); it is due when the limit of office time has elapsed
 *   (a working day is the desk's daily office time). A due instant at a closing time stays there.
 * - Days / months: the local day of receipt plus the days (or months, clamped to the end of the
 *   month); if that day is not a working day, the next working day; due at that day's closing time
 *   (a zero limit received after closing: the next working day's closing).
 */
export function dueDate(calendar: WorkingCalendar, receivedAt: number, limit: ProcessingTime): number {
  validateProcessingTime(limit);
  switch (limit.unit) {
    case 'working-hours':
      return addWorkingTime(calendar, receivedAt, Math.round(limit.value * MS_PER_HOUR));
    case 'working-days':
      return addWorkingTime(calendar, receivedAt, limit.value * calendar.workingDayMs);
    case 'days':
      return calendar.closingOfWorkingDayAfter(receivedAt, limit.value, 0);
    case 'months':
      return calendar.closingOfWorkingDayAfter(receivedAt, 0, limit.value);
  }
}

/**
 * The instant at which `workingMs` of office time has elapsed after `from` (counting from the
 * clock start). With 0 it is the clock start itself.
 */
export function addWorkingTime(calendar: WorkingCalendar, from: number, workingMs: number): number {
  const position = calendar.workingPosition(from);
  return workingMs > 0 ? calendar.instantReaching(position + workingMs) : calendar.instantLeaving(position);
}

/** Office time (milliseconds) between two instants; negative when `to` is before `from`. */
export function workingTimeBetween(calendar: WorkingCalendar, from: number, to: number): number {
  return calendar.workingPosition(to) - calendar.workingPosition(from);
}

/**
 * The due instant when the clock was stopped during `pauses` (e.g. waiting for the applicant's
 * supplement): the due date is extended by the office time paused. Overlapping pauses count once;
 * time before `receivedAt` is ignored, and a pause that starts at or after the (extended) due
 * instant does not extend it — the dossier was already due.
 */
export function dueDateWithPauses(
  calendar: WorkingCalendar,
  receivedAt: number,
  limit: ProcessingTime,
  pauses: readonly Pause[],
): number {
  let due = dueDate(calendar, receivedAt, limit);
  const sorted = pauses
    .map((pause) => {
      if (!Number.isFinite(pause.from) || !Number.isFinite(pause.to) || pause.to < pause.from) {
        throw new CalendarError(
          'INVALID_INSTANT',
          'Khoảng tạm dừng không hợp lệ (thời điểm kết thúc trước thời điểm bắt đầu).',
          'Invalid pause (it ends before it starts).',
          { from: pause.from, to: pause.to },
        );
      }
      return { from: Math.max(pause.from, receivedAt), to: pause.to };
    })
    .filter((pause) => pause.to > pause.from)
    .sort((a, b) => a.from - b.from);
  let coveredUntil = receivedAt;
  for (const pause of sorted) {
    if (pause.from >= due) break;
    const from = Math.max(pause.from, coveredUntil);
    if (pause.to <= from) continue;
    const paused = workingTimeBetween(calendar, from, pause.to);
    if (paused > 0) due = addWorkingTime(calendar, due, paused);
    coveredUntil = pause.to;
  }
  return due;
}

/**
 * Early: finished on a local day before the due day. On time: on the due day, not after the due
 * instant. Late: after the due instant.
 */
export function classifyFinish(finishedAt: number, dueAt: number): FinishClassification {
  if (finishedAt > dueAt) return 'late';
  return localEpochDay(finishedAt) < localEpochDay(dueAt) ? 'early' : 'on-time';
}
