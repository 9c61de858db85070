// Public holidays of the civil service as data: the statutory rules give a provisional schedule for
// any year, an official schedule (published each year by the Government) replaces it for its year,
// and local changes (a province's extra day off, a make-up working day) are applied on top.
import { CalendarError } from './calendar-error';
import { epochDayOfLunarDate, LUNAR_YEAR_MAX, LUNAR_YEAR_MIN, lunarNewYear } from './lunar-calendar';
import { OFFICIAL_SCHEDULES } from './official-schedules';
import {
  epochDayFromCivil,
  epochDayFromIsoDate,
  type IsoDate,
  isoDateFromEpochDay,
  weekdayOfEpochDay,
} from './vietnam-time';

export type HolidayKind =
  /** a statutory holiday (ngày nghỉ lễ, Tết) */
  | 'holiday'
  /** a weekday off because a holiday fell on a weekend (nghỉ bù, Labour Code Art. 111(3)) */
  | 'compensatory'
  /** a weekday off swapped with a make-up working Saturday (hoán đổi ngày làm việc) */
  | 'swap'
  /** an extra day off decided locally */
  | 'local';

export interface Holiday {
  readonly date: IsoDate;
  /** Vietnamese name, as shown to people. */
  readonly name: string;
  readonly kind: HolidayKind;
}

export interface MakeUpWorkingDay {
  readonly date: IsoDate;
  readonly reason: string;
}

export interface OfficialSchedule {
  readonly year: number;
  /** The notices and decisions the schedule comes from. */
  readonly sources: readonly string[];
  /** Every holiday, compensatory and swapped day of the year, weekend holidays included. */
  readonly holidays: readonly Holiday[];
  readonly workingSaturdays: readonly MakeUpWorkingDay[];
}

export interface LocalChange {
  readonly date: IsoDate;
  /** `day-off`: an extra day off; `working-day`: a weekday holiday cancelled or a Saturday made a working day. */
  readonly kind: 'day-off' | 'working-day';
  readonly reason: string;
}

export type ScheduleSource = 'official' | 'provisional';

export interface YearSchedule {
  readonly year: number;
  readonly source: ScheduleSource;
  /** Where the schedule comes from (the official notices, or the statutory articles). */
  readonly sources: readonly string[];
  /** Every Monday–Friday of the year that is not a working day, sorted. */
  readonly daysOff: readonly IsoDate[];
  /** Saturdays that are working days, sorted. */
  readonly workingSaturdays: readonly IsoDate[];
  readonly holidays: readonly Holiday[];
  /** The local changes that were applied to this year. */
  readonly localChanges: readonly LocalChange[];
}

export const STATUTORY_SOURCES: readonly string[] = Object.freeze([
  'Bộ luật Lao động 2019, Điều 111–112 (lịch tạm tính, chưa có thông báo chính thức)',
]);

/** 24/11 Ngày Văn hóa Việt Nam is a paid day off from this date, without compensation when on a weekend. */
export const CULTURE_DAY_FROM: IsoDate = '2026-07-01';
/** The Labour Code 2019 (in force 1/1/2021) added the day adjacent to 2/9. */
const ADJACENT_NATIONAL_DAY_FROM_YEAR = 2021;

const SATURDAY = 6;
const SUNDAY = 0;
const isWeekend = (epochDay: number): boolean => {
  const weekday = weekdayOfEpochDay(epochDay);
  return weekday === SATURDAY || weekday === SUNDAY;
};

const TET_DAY_NAMES = [
  'Tết Nguyên đán (mùng 1)',
  'Tết Nguyên đán (mùng 2)',
  'Tết Nguyên đán (mùng 3)',
  'Tết Nguyên đán (mùng 4)',
];

/**
 * The adjacent day of Quốc khánh (Art. 112(1)(đ) leaves the choice to the Prime Minister). Rule used
 * for provisional schedules, matching 2021–2026: 3/9 when 2/9 is a Thursday (3/9 is then a Friday
 * joining the weekend) or when 1/9 falls on a weekend; otherwise 1/9.
 */
export function nationalDayAdjacentDate(year: number): IsoDate {
  const nationalDay = epochDayFromCivil(year, 9, 2);
  const useThird = weekdayOfEpochDay(nationalDay) === 4 || isWeekend(nationalDay - 1);
  return isoDateFromEpochDay(useThird ? nationalDay + 1 : nationalDay - 1);
}

interface StatutoryDay {
  readonly epochDay: number;
  readonly name: string;
  readonly compensated: boolean;
}

/** Holidays of the statutory rules (Labour Code 2019 Art. 111–112) for a year, with compensatory days. */
export function provisionalHolidays(year: number): Holiday[] {
  assertYear(year);
  const days: StatutoryDay[] = [];
  const add = (epochDay: number, name: string, compensated = true) =>
    days.push({ epochDay, name, compensated });

  add(epochDayFromCivil(year, 1, 1), 'Tết Dương lịch');
  // Tết: the usual pattern of the last day of the lunar year and the first four days of the new one.
  const newYear = epochDayFromIsoDate(lunarNewYear(year));
  add(newYear - 1, 'Tết Nguyên đán (ngày cuối năm âm lịch)');
  for (const [offset, name] of TET_DAY_NAMES.entries()) add(newYear + offset, name);
  add(
    epochDayOfLunarDate({ year, month: 3, day: 10, isLeapMonth: false }),
    'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
  );
  add(epochDayFromCivil(year, 4, 30), 'Ngày Chiến thắng (30/4)');
  add(epochDayFromCivil(year, 5, 1), 'Ngày Quốc tế Lao động (1/5)');
  add(epochDayFromCivil(year, 9, 2), 'Quốc khánh (2/9)');
  if (year >= ADJACENT_NATIONAL_DAY_FROM_YEAR) {
    add(epochDayFromIsoDate(nationalDayAdjacentDate(year)), 'Quốc khánh (ngày liền kề)');
  }
  const cultureDay = epochDayFromCivil(year, 11, 24);
  if (cultureDay >= epochDayFromIsoDate(CULTURE_DAY_FROM))
    add(cultureDay, 'Ngày Văn hóa Việt Nam (24/11)', false);

  days.sort((a, b) => a.epochDay - b.epochDay);
  const taken = new Set(days.map((d) => d.epochDay));
  const holidays: Holiday[] = days.map((d) => ({
    date: isoDateFromEpochDay(d.epochDay),
    name: d.name,
    kind: 'holiday',
  }));
  for (const day of days) {
    if (!day.compensated || !isWeekend(day.epochDay)) continue;
    let next = day.epochDay + 1;
    while (isWeekend(next) || taken.has(next)) next++;
    taken.add(next);
    const date = isoDateFromEpochDay(day.epochDay);
    holidays.push({
      date: isoDateFromEpochDay(next),
      name: `Nghỉ bù ${day.name}, ngày ${date.slice(8, 10)}/${date.slice(5, 7)}`,
      kind: 'compensatory',
    });
  }
  return holidays.sort(byDate);
}

const byDate = (a: { date: IsoDate }, b: { date: IsoDate }): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : 0;

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_YEAR_MIN || year > LUNAR_YEAR_MAX - 1) {
    throw new CalendarError(
      'INVALID_YEAR',
      `Năm ${year} nằm ngoài phạm vi lịch hỗ trợ (${LUNAR_YEAR_MIN}–${LUNAR_YEAR_MAX - 1}).`,
      `Year ${year} is outside the supported range (${LUNAR_YEAR_MIN}–${LUNAR_YEAR_MAX - 1}).`,
      { year },
    );
  }
}

function invalidChange(change: LocalChange, vi: string, en: string): CalendarError {
  return new CalendarError(
    'INVALID_LOCAL_CHANGE',
    `Thay đổi lịch địa phương ${change.date}: ${vi}`,
    `Local change ${change.date}: ${en}`,
    {
      date: change.date,
      kind: change.kind,
    },
  );
}

/** Checks local changes: valid dates, known kinds, a reason, no two changes on the same day, no working Sunday. */
export function validateLocalChanges(changes: readonly LocalChange[]): void {
  const seen = new Set<IsoDate>();
  for (const change of changes) {
    let epochDay: number;
    try {
      epochDay = epochDayFromIsoDate(change.date);
    } catch {
      throw invalidChange(change, 'ngày không hợp lệ.', 'invalid date.');
    }
    if (change.kind !== 'day-off' && change.kind !== 'working-day') {
      throw invalidChange(change, 'loại thay đổi không hợp lệ.', `unknown kind "${String(change.kind)}".`);
    }
    if (typeof change.reason !== 'string' || change.reason.trim() === '') {
      throw invalidChange(change, 'cần ghi lý do.', 'a reason is required.');
    }
    if (seen.has(change.date)) {
      throw invalidChange(
        change,
        'có hơn một thay đổi cho cùng một ngày.',
        'more than one change for the same day.',
      );
    }
    if (change.kind === 'working-day' && weekdayOfEpochDay(epochDay) === SUNDAY) {
      throw invalidChange(
        change,
        'không thể đặt Chủ nhật là ngày làm việc.',
        'a Sunday cannot be made a working day.',
      );
    }
    seen.add(change.date);
  }
}

/**
 * The schedule of one year: the official schedule when one is shipped (or given) for that year,
 * otherwise the provisional one from the statutory rules; then the local changes of that year.
 */
export function yearSchedule(
  year: number,
  localChanges: readonly LocalChange[] = [],
  officialSchedules: readonly OfficialSchedule[] = OFFICIAL_SCHEDULES,
): YearSchedule {
  assertYear(year);
  validateLocalChanges(localChanges);
  const official = officialSchedules.find((schedule) => schedule.year === year);
  const baseHolidays: Holiday[] = official ? [...official.holidays] : provisionalHolidays(year);
  const daysOff = new Set<IsoDate>();
  for (const holiday of baseHolidays) {
    if (!isWeekend(epochDayFromIsoDate(holiday.date))) daysOff.add(holiday.date);
  }
  const workingSaturdays = new Set<IsoDate>(official ? official.workingSaturdays.map((day) => day.date) : []);

  const prefix = `${String(year).padStart(4, '0')}-`;
  const applied = localChanges.filter((change) => change.date.startsWith(prefix));
  const holidays = [...baseHolidays];
  for (const change of applied) {
    const weekday = weekdayOfEpochDay(epochDayFromIsoDate(change.date));
    if (change.kind === 'day-off') {
      holidays.push({ date: change.date, name: change.reason, kind: 'local' });
      if (weekday === SATURDAY) workingSaturdays.delete(change.date);
      else if (weekday !== SUNDAY) daysOff.add(change.date);
    } else if (weekday === SATURDAY) {
      workingSaturdays.add(change.date);
    } else {
      daysOff.delete(change.date);
    }
  }
  return Object.freeze({
    year,
    source: official ? 'official' : 'provisional',
    sources: official ? official.sources : STATUTORY_SOURCES,
    daysOff: Object.freeze([...daysOff].sort()),
    workingSaturdays: Object.freeze([...workingSaturdays].sort()),
    holidays: Object.freeze(holidays.sort(byDate).map((holiday) => Object.freeze({ ...holiday }))),
    localChanges: Object.freeze(applied.map((change) => Object.freeze({ ...change }))),
  });
}
