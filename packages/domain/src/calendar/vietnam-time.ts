// Vietnam has used a fixed UTC+7 offset without daylight saving since 1975, so local dates and
// times are computed by adding the offset: the host time zone is never consulted.
import { CalendarError } from './calendar-error';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1440;
export const VIETNAM_OFFSET_MINUTES = 7 * 60;
export const VIETNAM_OFFSET_MS = VIETNAM_OFFSET_MINUTES * MS_PER_MINUTE;

/** A calendar date as written in Vietnam's local time, e.g. `2026-02-17`. */
export type IsoDate = string;

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (counting years from March makes leap days last). */
export function epochDayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function civilFromEpochDay(epochDay: number): CivilDate {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfEpochDay(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function formatCivilDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function isoDateFromEpochDay(epochDay: number): IsoDate {
  const { year, month, day } = civilFromEpochDay(epochDay);
  return formatCivilDate(year, month, day);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(text: string): CivilDate {
  const match = ISO_DATE.exec(text);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new CalendarError(
      'INVALID_DATE',
      `Ngày không hợp lệ: "${text}" (định dạng YYYY-MM-DD).`,
      `Invalid date: "${text}" (expected YYYY-MM-DD).`,
      { value: text },
    );
  }
  return { year, month, day };
}

export function epochDayFromIsoDate(text: string): number {
  const { year, month, day } = parseIsoDate(text);
  return epochDayFromCivil(year, month, day);
}

/** The epoch day of the Vietnamese local date on which the instant falls. */
export function localEpochDay(instant: number): number {
  return Math.floor((instant + VIETNAM_OFFSET_MS) / MS_PER_DAY);
}

export function localDateOf(instant: number): IsoDate {
  return isoDateFromEpochDay(localEpochDay(instant));
}

/** The instant of local midnight (00:00+07:00) that opens the given epoch day. */
export function startOfLocalDay(epochDay: number): number {
  return epochDay * MS_PER_DAY - VIETNAM_OFFSET_MS;
}

/** Formats an instant as ISO 8601 in Vietnam time, e.g. `2026-02-25T10:00:00+07:00` (milliseconds only when not zero). */
export function formatVietnamInstant(instant: number): string {
  if (!Number.isFinite(instant)) {
    throw new CalendarError('INVALID_INSTANT', 'Thời điểm không hợp lệ.', 'Invalid instant.', {
      value: instant,
    });
  }
  const epochDay = localEpochDay(instant);
  const msOfDay = instant + VIETNAM_OFFSET_MS - epochDay * MS_PER_DAY;
  const hours = Math.floor(msOfDay / MS_PER_HOUR);
  const minutes = Math.floor((msOfDay % MS_PER_HOUR) / MS_PER_MINUTE);
  const seconds = Math.floor((msOfDay % MS_PER_MINUTE) / 1000);
  const millis = msOfDay % 1000;
  const fraction = millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`;
  return `${isoDateFromEpochDay(epochDay)}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}${fraction}+07:00`;
}

const ISO_INSTANT =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|([+-])(\d{2}):?(\d{2}))$/;

/**
 * Parses an ISO 8601 instant with an explicit offset (`2026-02-25T10:00:00+07:00`, `…Z`) or a local
 * date `YYYY-MM-DD`, read as 00:00 Vietnam time of that day. Returns epoch milliseconds.
 */
export function parseInstant(text: string): number {
  if (ISO_DATE.test(text)) return startOfLocalDay(epochDayFromIsoDate(text));
  const match = ISO_INSTANT.exec(text);
  const invalid = () =>
    new CalendarError(
      'INVALID_INSTANT',
      `Thời điểm không hợp lệ: "${text}" (cần ISO 8601 có múi giờ, ví dụ 2026-02-25T10:00:00+07:00).`,
      `Invalid instant: "${text}" (expected ISO 8601 with an offset, e.g. 2026-02-25T10:00:00+07:00).`,
      { value: text },
    );
  if (!match) throw invalid();
  const [, date = '', hh = '', mm = '', ss = '0', frac = '0', zone = 'Z', sign = '+', oh = '0', om = '0'] =
    match;
  const hours = Number(hh);
  const minutes = Number(mm);
  const seconds = Number(ss);
  const offsetMinutes = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  if (hours > 23 || minutes > 59 || seconds > 59 || Number(oh) > 23 || Number(om) > 59) throw invalid();
  let epochDay: number;
  try {
    epochDay = epochDayFromIsoDate(date);
  } catch {
    throw invalid();
  }
  const millis = Number(frac.padEnd(3, '0'));
  return (
    epochDay * MS_PER_DAY + (hours * 60 + minutes - offsetMinutes) * MS_PER_MINUTE + seconds * 1000 + millis
  );
}
