// A deliberately naive model of the deadline rules, stepping one minute (or one day) at a time over
// the year schedules, with no precomputed index. Tests compare the fast engine against it and the
// benchmark measures the speed-up. Working-time inputs must be whole minutes.
import { type ProcessingTime, validateProcessingTime } from './due-date';
import type { YearSchedule } from './holiday-schedule';
import type { OfficeHours } from './office-hours';
import {
  civilFromEpochDay,
  daysInMonth,
  epochDayFromCivil,
  isoDateFromEpochDay,
  localEpochDay,
  MINUTES_PER_DAY,
  MS_PER_DAY,
  MS_PER_MINUTE,
  startOfLocalDay,
  VIETNAM_OFFSET_MS,
  weekdayOfEpochDay,
} from './vietnam-time';

export class ReferenceStepper {
  private readonly daysOff: Set<string>;
  private readonly workingSaturdays: Set<string>;
  private readonly years: Set<number>;
  private readonly officeHours: OfficeHours;

  constructor(schedules: readonly YearSchedule[], officeHours: OfficeHours) {
    this.daysOff = new Set(schedules.flatMap((schedule) => schedule.daysOff));
    this.workingSaturdays = new Set(schedules.flatMap((schedule) => schedule.workingSaturdays));
    this.years = new Set(schedules.map((schedule) => schedule.year));
    this.officeHours = officeHours;
  }

  isWorkingEpochDay(epochDay: number): boolean {
    const date = isoDateFromEpochDay(epochDay);
    if (!this.years.has(Number(date.slice(0, 4))))
      throw new Error(`reference stepper: no schedule for ${date}`);
    const weekday = weekdayOfEpochDay(epochDay);
    if (weekday === 6) return this.workingSaturdays.has(date);
    return weekday !== 0 && !this.daysOff.has(date);
  }

  /** Whether the minute starting at `instant` is office time. */
  isOfficeMinute(instant: number): boolean {
    const epochDay = localEpochDay(instant);
    const minute = Math.floor((instant + VIETNAM_OFFSET_MS - epochDay * MS_PER_DAY) / MS_PER_MINUTE);
    const inHours = this.officeHours.intervals.some(
      (interval) => minute >= interval.start && minute < interval.end,
    );
    return inHours && this.isWorkingEpochDay(epochDay);
  }

  dueDate(receivedAt: number, limit: ProcessingTime): number {
    validateProcessingTime(limit);
    if (receivedAt % MS_PER_MINUTE !== 0) throw new Error('reference stepper: start must be a whole minute');
    switch (limit.unit) {
      case 'working-hours':
        return this.stepWorkingMinutes(receivedAt, limit.value * 60);
      case 'working-days':
        return this.stepWorkingMinutes(receivedAt, limit.value * this.officeHours.dailyMinutes);
      case 'days':
        return this.notBefore(
          receivedAt,
          this.closingOfWorkingDayFrom(localEpochDay(receivedAt) + limit.value),
        );
      case 'months': {
        const { year, month, day } = civilFromEpochDay(localEpochDay(receivedAt));
        const monthIndex = year * 12 + (month - 1) + limit.value;
        const targetYear = Math.floor(monthIndex / 12);
        const targetMonth = (monthIndex % 12) + 1;
        const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
        return this.notBefore(
          receivedAt,
          this.closingOfWorkingDayFrom(epochDayFromCivil(targetYear, targetMonth, targetDay)),
        );
      }
    }
  }

  /** Working minutes between two whole-minute instants, counted one minute at a time. */
  workingMinutesBetween(from: number, to: number): number {
    let count = 0;
    for (let t = from; t < to; t += MS_PER_MINUTE) if (this.isOfficeMinute(t)) count++;
    return count;
  }

  private stepWorkingMinutes(start: number, minutes: number): number {
    if (!Number.isInteger(minutes)) throw new Error('reference stepper: limit must be whole minutes');
    let t = start;
    while (!this.isOfficeMinute(t)) t += MS_PER_MINUTE;
    let remaining = minutes;
    while (remaining > 0) {
      if (this.isOfficeMinute(t)) remaining--;
      t += MS_PER_MINUTE;
    }
    return t;
  }

  /** A zero limit received after closing: the next working day's closing instead. */
  private notBefore(receivedAt: number, due: number): number {
    return due < receivedAt ? this.closingOfWorkingDayFrom(localEpochDay(due) + 1) : due;
  }

  private closingOfWorkingDayFrom(epochDay: number): number {
    let day = epochDay;
    while (!this.isWorkingEpochDay(day)) day++;
    const closing = this.officeHours.intervals.at(-1)?.end ?? MINUTES_PER_DAY;
    return startOfLocalDay(day) + closing * MS_PER_MINUTE;
  }
}
