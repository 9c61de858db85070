// An immutable working calendar built from (years' schedules + local changes + office hours). It
// precomputes a day index over its years so that every question is answered in constant time:
//   - working time is a "position": office milliseconds elapsed since the calendar's first day;
//   - every working day has the same office hours, so the position of a day's opening is
//     rank(day) × daily office time, and the k-th working day is looked up directly.
// The server stores the definition with each promise it makes and can rebuild the same calendar.
import { CalendarError } from './calendar-error';
import { type LocalChange, type OfficialSchedule, type YearSchedule, yearSchedule } from './holiday-schedule';
import { DEFAULT_OFFICE_HOURS, type OfficeHours, type OfficeInterval, officeHours } from './office-hours';
import { OFFICIAL_SCHEDULES } from './official-schedules';
import {
  epochDayFromCivil,
  epochDayFromIsoDate,
  type IsoDate,
  isoDateFromEpochDay,
  MS_PER_DAY,
  MS_PER_MINUTE,
  VIETNAM_OFFSET_MS,
  weekdayOfEpochDay,
} from './vietnam-time';

export interface WorkingCalendarDefinition {
  /** First and last Gregorian years covered (inclusive). Computations outside them are refused. */
  readonly fromYear: number;
  readonly toYear: number;
  /** Defaults to 07:30–11:30, 13:00–17:00. */
  readonly officeHours?: readonly OfficeInterval[];
  readonly localChanges?: readonly LocalChange[];
  /** Defaults to the shipped official schedules. */
  readonly officialSchedules?: readonly OfficialSchedule[];
}

const MAX_YEARS = 400;

export class WorkingCalendar {
  readonly fromYear: number;
  readonly toYear: number;
  readonly officeHours: OfficeHours;
  readonly schedules: readonly YearSchedule[];
  readonly localChanges: readonly LocalChange[];
  readonly officialSchedules: readonly OfficialSchedule[];

  /** Epoch day of 1 January of `fromYear`: day index 0. */
  private readonly firstEpochDay: number;
  private readonly dayCount: number;
  /** UTC instant of local midnight of day index 0. */
  private readonly firstDayStart: number;
  private readonly isWorking: Uint8Array;
  /** Working days strictly before each day index (length dayCount + 1). */
  private readonly workingRank: Int32Array;
  /** Day index of the k-th working day. */
  private readonly workingDayIndex: Int32Array;
  /** Day index of the first working day on or after each day index, −1 when none in range. */
  private readonly nextWorkingIndex: Int32Array;
  /** Month number since January of fromYear, and day of month, for each day index. */
  private readonly monthOfDay: Uint16Array;
  private readonly dayOfMonth: Uint8Array;
  /** Day index of the first day of each month (length monthCount + 1). */
  private readonly monthStartIndex: Int32Array;
  private readonly dailyMs: number;
  private readonly intervalStartMs: Float64Array;
  private readonly intervalEndMs: Float64Array;
  private readonly closingMs: number;

  constructor(definition: WorkingCalendarDefinition) {
    const { fromYear, toYear } = definition;
    if (
      !Number.isInteger(fromYear) ||
      !Number.isInteger(toYear) ||
      toYear < fromYear ||
      toYear - fromYear >= MAX_YEARS
    ) {
      throw new CalendarError(
        'INVALID_YEAR',
        `Khoảng năm của lịch làm việc không hợp lệ: ${fromYear}–${toYear}.`,
        `Invalid working calendar year range: ${fromYear}–${toYear}.`,
        { fromYear, toYear },
      );
    }
    this.fromYear = fromYear;
    this.toYear = toYear;
    this.officeHours = definition.officeHours ? officeHours(definition.officeHours) : DEFAULT_OFFICE_HOURS;
    this.localChanges = Object.freeze(
      [...(definition.localChanges ?? [])].map((change) => Object.freeze({ ...change })),
    );
    const official = definition.officialSchedules ?? OFFICIAL_SCHEDULES;
    this.officialSchedules = official;
    const schedules: YearSchedule[] = [];
    for (let year = fromYear; year <= toYear; year++)
      schedules.push(yearSchedule(year, this.localChanges, official));
    this.schedules = Object.freeze(schedules);

    this.firstEpochDay = epochDayFromCivil(fromYear, 1, 1);
    this.dayCount = epochDayFromCivil(toYear + 1, 1, 1) - this.firstEpochDay;
    this.firstDayStart = this.firstEpochDay * MS_PER_DAY - VIETNAM_OFFSET_MS;

    const exceptions = new Map<number, boolean>();
    for (const schedule of schedules) {
      for (const date of schedule.daysOff) exceptions.set(epochDayFromIsoDate(date), false);
      for (const date of schedule.workingSaturdays) exceptions.set(epochDayFromIsoDate(date), true);
    }
    this.isWorking = new Uint8Array(this.dayCount);
    this.workingRank = new Int32Array(this.dayCount + 1);
    const workingDays: number[] = [];
    for (let index = 0; index < this.dayCount; index++) {
      const epochDay = this.firstEpochDay + index;
      const weekday = weekdayOfEpochDay(epochDay);
      const working = exceptions.get(epochDay) ?? (weekday >= 1 && weekday <= 5);
      this.workingRank[index] = workingDays.length;
      if (working) {
        this.isWorking[index] = 1;
        workingDays.push(index);
      }
    }
    this.workingRank[this.dayCount] = workingDays.length;
    this.workingDayIndex = Int32Array.from(workingDays);
    this.nextWorkingIndex = new Int32Array(this.dayCount);
    let next = -1;
    for (let index = this.dayCount - 1; index >= 0; index--) {
      if (this.isWorking[index] === 1) next = index;
      this.nextWorkingIndex[index] = next;
    }

    const monthCount = (toYear - fromYear + 1) * 12;
    this.monthStartIndex = new Int32Array(monthCount + 1);
    this.monthOfDay = new Uint16Array(this.dayCount);
    this.dayOfMonth = new Uint8Array(this.dayCount);
    for (let month = 0; month <= monthCount; month++) {
      const start =
        epochDayFromCivil(fromYear + Math.floor(month / 12), (month % 12) + 1, 1) - this.firstEpochDay;
      this.monthStartIndex[month] = start;
      if (month === monthCount) break;
      const end =
        epochDayFromCivil(fromYear + Math.floor((month + 1) / 12), ((month + 1) % 12) + 1, 1) -
        this.firstEpochDay;
      for (let index = start; index < end; index++) {
        this.monthOfDay[index] = month;
        this.dayOfMonth[index] = index - start + 1;
      }
    }

    const intervals = this.officeHours.intervals;
    this.dailyMs = this.officeHours.dailyMinutes * MS_PER_MINUTE;
    this.intervalStartMs = Float64Array.from(intervals, (interval) => interval.start * MS_PER_MINUTE);
    this.intervalEndMs = Float64Array.from(intervals, (interval) => interval.end * MS_PER_MINUTE);
    this.closingMs = (intervals[intervals.length - 1]?.end ?? 0) * MS_PER_MINUTE;
    Object.freeze(this);
  }

  /** What the calendar was built from: enough for the server to rebuild an identical calendar. */
  get definition(): WorkingCalendarDefinition {
    return {
      fromYear: this.fromYear,
      toYear: this.toYear,
      officeHours: this.officeHours.intervals,
      localChanges: this.localChanges,
      officialSchedules: this.officialSchedules,
    };
  }

  /** Office time of one working day, in milliseconds. */
  get workingDayMs(): number {
    return this.dailyMs;
  }

  yearSchedule(year: number): YearSchedule {
    const schedule = this.schedules[year - this.fromYear];
    if (!schedule) throw this.outOfRange(`năm ${year}`, `year ${year}`);
    return schedule;
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.isWorking[this.dayIndexOfEpochDay(epochDayFromIsoDate(date))] === 1;
  }

  /** The first working day on or after the date. */
  nextWorkingDay(date: IsoDate): IsoDate {
    const next = this.nextWorkingIndex[this.dayIndexOfEpochDay(epochDayFromIsoDate(date))] ?? -1;
    if (next < 0) throw this.outOfRange(date, date);
    return isoDateFromEpochDay(this.firstEpochDay + next);
  }

  /** Whether the instant is inside office hours (opening included, closing excluded) of a working day. */
  isOfficeTime(instant: number): boolean {
    const local = instant - this.firstDayStart;
    const index = this.dayIndexOf(local, instant);
    if (this.isWorking[index] !== 1) return false;
    const msOfDay = local - index * MS_PER_DAY;
    for (let i = 0; i < this.intervalStartMs.length; i++) {
      if (msOfDay >= this.intervalStartMs[i]! && msOfDay < this.intervalEndMs[i]!) return true;
    }
    return false;
  }

  /** Whether the instant is the closing time (end of an office interval) of a working day. */
  isClosingTime(instant: number): boolean {
    const local = instant - this.firstDayStart;
    const index = this.dayIndexOf(local, instant);
    if (this.isWorking[index] !== 1) return false;
    const msOfDay = local - index * MS_PER_DAY;
    return this.intervalEndMs.includes(msOfDay);
  }

  /** Office milliseconds elapsed from the calendar's first day up to the instant. */
  workingPosition(instant: number): number {
    const local = instant - this.firstDayStart;
    const index = this.dayIndexOf(local, instant);
    let position = this.workingRank[index]! * this.dailyMs;
    if (this.isWorking[index] === 1) {
      const msOfDay = local - index * MS_PER_DAY;
      for (let i = 0; i < this.intervalStartMs.length; i++) {
        const start = this.intervalStartMs[i]!;
        if (msOfDay <= start) break;
        const end = this.intervalEndMs[i]!;
        position += Math.min(msOfDay, end) - start;
      }
    }
    return position;
  }

  /**
   * The earliest instant at which the working position reaches `position` (> 0): a position that
   * completes an office interval maps to its closing time, not to the next opening.
   */
  instantReaching(position: number): number {
    const k = Math.ceil(position / this.dailyMs) - 1;
    return this.instantIn(k, position - k * this.dailyMs, false, position);
  }

  /**
   * The instant at which the clock runs from `position`: inside office hours that is the instant
   * itself, at a closing time it is the next opening.
   */
  instantLeaving(position: number): number {
    const k = Math.floor(position / this.dailyMs);
    return this.instantIn(k, position - k * this.dailyMs, true, position);
  }

  /** When a clock started at `instant` starts running: the instant inside office hours, else the next opening. */
  clockStart(instant: number): number {
    return this.instantLeaving(this.workingPosition(instant));
  }

  /**
   * The closing time of the first working day on or after the local day `receivedAt` + `days`
   * (calendar days), or + `months` (clamped to the end of the month); never before `receivedAt`
   * (a zero limit received after closing is due at the next working day's closing).
   */
  closingOfWorkingDayAfter(receivedAt: number, days: number, months: number): number {
    const local = receivedAt - this.firstDayStart;
    let index = this.dayIndexOf(local, receivedAt);
    if (months !== 0) {
      const month = this.monthOfDay[index]! + months;
      const start = this.monthStartIndex[month];
      const end = this.monthStartIndex[month + 1];
      if (start === undefined || end === undefined) throw this.outOfRange(receivedAt, receivedAt);
      const day = this.dayOfMonth[index]!;
      index = start + Math.min(day, end - start) - 1;
    }
    index += days;
    let working = index < this.dayCount ? this.nextWorkingIndex[index]! : -1;
    let due = this.firstDayStart + working * MS_PER_DAY + this.closingMs;
    // Only a zero limit received after closing can fall before the receipt: then the next working day.
    if (working >= 0 && due < receivedAt) {
      working = working + 1 < this.dayCount ? this.nextWorkingIndex[working + 1]! : -1;
      due = this.firstDayStart + working * MS_PER_DAY + this.closingMs;
    }
    if (working < 0) throw this.outOfRange(receivedAt, receivedAt);
    return due;
  }

  private instantIn(k: number, remainder: number, leaving: boolean, position: number): number {
    const index = this.workingDayIndex[k];
    if (index === undefined || k < 0) throw this.outOfRange(position, position);
    let rest = remainder;
    const dayStart = this.firstDayStart + index * MS_PER_DAY;
    const count = this.intervalStartMs.length;
    for (let i = 0; i < count; i++) {
      const start = this.intervalStartMs[i]!;
      const length = this.intervalEndMs[i]! - start;
      if (leaving ? rest < length : rest <= length) return dayStart + start + rest;
      rest -= length;
    }
    // Unreachable: remainder is within one working day.
    return dayStart + this.closingMs;
  }

  private dayIndexOf(localMs: number, instant: number): number {
    const index = Math.floor(localMs / MS_PER_DAY);
    if (!(index >= 0 && index < this.dayCount)) throw this.outOfRange(instant, instant);
    return index;
  }

  private dayIndexOfEpochDay(epochDay: number): number {
    const index = epochDay - this.firstEpochDay;
    if (!(index >= 0 && index < this.dayCount)) {
      const date = isoDateFromEpochDay(epochDay);
      throw this.outOfRange(date, date);
    }
    return index;
  }

  private outOfRange(vi: unknown, en: unknown): CalendarError {
    return new CalendarError(
      'OUTSIDE_CALENDAR_RANGE',
      `Ngoài phạm vi lịch làm việc ${this.fromYear}–${this.toYear}: ${String(vi)}.`,
      `Outside the working calendar range ${this.fromYear}–${this.toYear}: ${String(en)}.`,
      { fromYear: this.fromYear, toYear: this.toYear, value: en },
    );
  }
}

export function createWorkingCalendar(definition: WorkingCalendarDefinition): WorkingCalendar {
  return new WorkingCalendar(definition);
}
