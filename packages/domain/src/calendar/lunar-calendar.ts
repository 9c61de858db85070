// The Vietnamese lunisolar calendar (âm lịch), computed for the UTC+7 meridian.
//
// Rules (as described by Hồ Ngọc Đức, "Thuật toán tính âm lịch"):
// - a lunar month starts on the local day (UTC+7) that contains the astronomical new moon;
// - month 11 is the month that contains the winter solstice (sun's apparent longitude 270°);
// - when 13 new moons start between two months 11, the year has a leap month: the first month
//   after month 11 that contains no principal solar term (a multiple of 30° of the sun's longitude)
//   repeats the number of the month before it.
//
// Astronomy: true new moons from Meeus, "Astronomical Algorithms" (2nd ed.), ch. 49 (periodic and
// planetary terms), converted from dynamical time to UT with the Espenak–Meeus ΔT polynomials; the
// sun's apparent longitude from Meeus ch. 25 (about 0.01°). A term that lands at the same local
// day as a new moon is judged at local midnight, like the published tables.
import { CalendarError } from './calendar-error';
import { epochDayFromCivil, epochDayFromIsoDate, type IsoDate, isoDateFromEpochDay } from './vietnam-time';

export interface LunarDate {
  /** Lunar year, named after the Gregorian year in which its first month begins. */
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly isLeapMonth: boolean;
}

export interface LunarMonth {
  readonly year: number;
  readonly month: number;
  readonly isLeapMonth: boolean;
  /** First day (mùng 1) as a Gregorian date. */
  readonly start: IsoDate;
  /** 29 or 30. */
  readonly length: number;
}

export const LUNAR_YEAR_MIN = 1800;
export const LUNAR_YEAR_MAX = 2199;

const TIME_ZONE_DAYS = 7 / 24;
/** Julian day number of 1970-01-01. */
const JDN_UNIX_EPOCH = 2_440_588;
const SYNODIC_MONTH = 29.530588861;
/** Julian ephemeris day of the mean new moon k = 0 (2000-01-06). */
const NEW_MOON_EPOCH = 2_451_550.09766;
const RAD = Math.PI / 180;

function deltaTSeconds(year: number): number {
  if (year < 1860) {
    const u = (year - 1820) / 100;
    return -20 + 32 * u * u;
  }
  if (year < 1900) {
    const t = year - 1860;
    return (
      7.62 + 0.5737 * t - 0.251754 * t ** 2 + 0.01680668 * t ** 3 - 0.0004473624 * t ** 4 + t ** 5 / 233_174
    );
  }
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return (
      63.86 +
      0.3345 * t -
      0.060374 * t ** 2 +
      0.0017275 * t ** 3 +
      0.000651814 * t ** 4 +
      0.00002373599 * t ** 5
    );
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  if (year < 2150) {
    const u = (year - 1820) / 100;
    return -20 + 32 * u * u - 0.5628 * (2150 - year);
  }
  const u = (year - 1820) / 100;
  return -20 + 32 * u * u;
}

const yearOfJulianDay = (jd: number): number => 2000 + (jd - 2_451_545) / 365.25;

/** Julian day (UT) of the true new moon number k (k = 0 is 2000-01-06). */
function newMoonJulianDay(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const t4 = t3 * t;
  const jde = NEW_MOON_EPOCH + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.00000015 * t3 + 0.00000000073 * t4;
  const e = 1 - 0.002516 * t - 0.0000074 * t2;
  const sunAnomaly = (2.5534 + 29.1053567 * k - 0.0000014 * t2 - 0.00000011 * t3) * RAD;
  const moonAnomaly =
    (201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4) * RAD;
  const latitudeArg =
    (160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4) * RAD;
  const ascendingNode = (124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3) * RAD;
  const m = sunAnomaly;
  const mp = moonAnomaly;
  const f = latitudeArg;
  const periodic =
    -0.4072 * Math.sin(mp) +
    0.17241 * e * Math.sin(m) +
    0.01608 * Math.sin(2 * mp) +
    0.01039 * Math.sin(2 * f) +
    0.00739 * e * Math.sin(mp - m) -
    0.00514 * e * Math.sin(mp + m) +
    0.00208 * e * e * Math.sin(2 * m) -
    0.00111 * Math.sin(mp - 2 * f) -
    0.00057 * Math.sin(mp + 2 * f) +
    0.00056 * e * Math.sin(2 * mp + m) -
    0.00042 * Math.sin(3 * mp) +
    0.00042 * e * Math.sin(m + 2 * f) +
    0.00038 * e * Math.sin(m - 2 * f) -
    0.00024 * e * Math.sin(2 * mp - m) -
    0.00017 * Math.sin(ascendingNode) -
    0.00007 * Math.sin(mp + 2 * m) +
    0.00004 * Math.sin(2 * mp - 2 * f) +
    0.00004 * Math.sin(3 * m) +
    0.00003 * Math.sin(mp + m - 2 * f) +
    0.00003 * Math.sin(2 * mp + 2 * f) -
    0.00003 * Math.sin(mp + m + 2 * f) +
    0.00003 * Math.sin(mp - m + 2 * f) -
    0.00002 * Math.sin(mp - m - 2 * f) -
    0.00002 * Math.sin(3 * mp + m) +
    0.00002 * Math.sin(4 * mp);
  const planetary =
    0.000325 * Math.sin((299.77 + 0.107408 * k - 0.009173 * t2) * RAD) +
    0.000165 * Math.sin((251.88 + 0.016321 * k) * RAD) +
    0.000164 * Math.sin((251.83 + 26.651886 * k) * RAD) +
    0.000126 * Math.sin((349.42 + 36.412478 * k) * RAD) +
    0.00011 * Math.sin((84.66 + 18.206239 * k) * RAD) +
    0.000062 * Math.sin((141.74 + 53.303771 * k) * RAD) +
    0.00006 * Math.sin((207.14 + 2.453732 * k) * RAD) +
    0.000056 * Math.sin((154.84 + 7.30686 * k) * RAD) +
    0.000047 * Math.sin((34.52 + 27.261239 * k) * RAD) +
    0.000042 * Math.sin((207.19 + 0.121824 * k) * RAD) +
    0.00004 * Math.sin((291.34 + 1.844379 * k) * RAD) +
    0.000037 * Math.sin((161.72 + 24.198154 * k) * RAD) +
    0.000035 * Math.sin((239.56 + 25.513099 * k) * RAD) +
    0.000023 * Math.sin((331.55 + 3.592518 * k) * RAD);
  const trueJde = jde + periodic + planetary;
  return trueJde - deltaTSeconds(yearOfJulianDay(trueJde)) / 86_400;
}

/** Apparent geocentric longitude of the sun, in degrees [0, 360), at Julian day `jd` (UT). */
export function sunLongitude(jd: number): number {
  const jde = jd + deltaTSeconds(yearOfJulianDay(jd)) / 86_400;
  const t = (jde - 2_451_545) / 36_525;
  const meanLongitude = 280.46646 + 36_000.76983 * t + 0.0003032 * t * t;
  const meanAnomaly = (357.52911 + 35_999.05029 * t - 0.0001537 * t * t) * RAD;
  const center =
    (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(meanAnomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly) +
    0.000289 * Math.sin(3 * meanAnomaly);
  const node = (125.04 - 1934.136 * t) * RAD;
  const apparent = meanLongitude + center - 0.00569 - 0.00478 * Math.sin(node);
  return ((apparent % 360) + 360) % 360;
}

/** Local (UTC+7) epoch day that contains new moon k. */
function newMoonDay(k: number): number {
  return Math.floor(newMoonJulianDay(k) + 0.5 + TIME_ZONE_DAYS) - JDN_UNIX_EPOCH;
}

/** Sun longitude at local midnight opening the epoch day. */
function sunLongitudeAtDayStart(epochDay: number): number {
  return sunLongitude(epochDay + JDN_UNIX_EPOCH - 0.5 - TIME_ZONE_DAYS);
}

const principalTermSector = (epochDay: number): number => Math.floor(sunLongitudeAtDayStart(epochDay) / 30);

/** Index of the lunation whose month contains the epoch day. */
function lunationContaining(epochDay: number): number {
  let k = Math.round((epochDay + JDN_UNIX_EPOCH - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  while (newMoonDay(k) > epochDay) k--;
  while (newMoonDay(k + 1) <= epochDay) k++;
  return k;
}

/** Lunation that starts lunar month 11 of `year` (the month containing the December solstice). */
function month11Lunation(year: number): number {
  let solsticeDay = epochDayFromCivil(year, 12, 15);
  while (sunLongitudeAtDayStart(solsticeDay + 1) < 270) solsticeDay++;
  return lunationContaining(solsticeDay);
}

interface LunarYearFrame {
  /** Lunation of month 11 of the previous lunar year (that opens this frame). */
  readonly firstLunation: number;
  /** Number of months from that month 11 to the next month 11: 12, or 13 in a leap year. */
  readonly monthCount: number;
  /** Position (1..12) of the leap month after month 11, or 0 if none. */
  readonly leapPosition: number;
}

/** Months from month 11 of `year - 1` up to (excluding) month 11 of `year`. */
function frameEndingIn(year: number): LunarYearFrame {
  const first = month11Lunation(year - 1);
  const next = month11Lunation(year);
  const monthCount = next - first;
  let leapPosition = 0;
  if (monthCount === 13) {
    for (let position = 1; position <= 12; position++) {
      if (
        principalTermSector(newMoonDay(first + position)) ===
        principalTermSector(newMoonDay(first + position + 1))
      ) {
        leapPosition = position;
        break;
      }
    }
  }
  return { firstLunation: first, monthCount, leapPosition };
}

/** Month number (1..12) and leap flag of the month at `position` months after month 11. */
function monthAtPosition(frame: LunarYearFrame, position: number): { month: number; isLeapMonth: boolean } {
  const shifted = frame.leapPosition > 0 && position >= frame.leapPosition ? position - 1 : position;
  const month = ((10 + shifted) % 12) + 1;
  return { month, isLeapMonth: frame.leapPosition > 0 && position === frame.leapPosition };
}

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_YEAR_MIN || year > LUNAR_YEAR_MAX) {
    throw new CalendarError(
      'INVALID_YEAR',
      `Năm ${year} nằm ngoài phạm vi âm lịch hỗ trợ (${LUNAR_YEAR_MIN}–${LUNAR_YEAR_MAX}).`,
      `Year ${year} is outside the supported lunar calendar range (${LUNAR_YEAR_MIN}–${LUNAR_YEAR_MAX}).`,
      { year },
    );
  }
}

export function lunarDateOfEpochDay(epochDay: number): LunarDate {
  const lunation = lunationContaining(epochDay);
  const monthStart = newMoonDay(lunation);
  const civilYear = Math.floor(1970 + (monthStart + 0.5) / 365.2425);
  // Find the frame (month 11 of year-1 .. month 11 of year) that holds this lunation.
  let frameYear = civilYear;
  let frame = frameEndingIn(frameYear);
  while (lunation < frame.firstLunation) frame = frameEndingIn(--frameYear);
  while (lunation >= frame.firstLunation + frame.monthCount) frame = frameEndingIn(++frameYear);
  const position = lunation - frame.firstLunation;
  const { month, isLeapMonth } = monthAtPosition(frame, position);
  // Months 11 and 12 (and their leap copies) at the start of the frame still belong to the previous year.
  const year = month >= 11 && position < 4 ? frameYear - 1 : frameYear;
  return { year, month, day: epochDay - monthStart + 1, isLeapMonth };
}

export function epochDayOfLunarDate(date: LunarDate): number {
  const { year, month, day, isLeapMonth } = date;
  assertSupportedYear(year);
  const invalid = (reason: string) =>
    new CalendarError(
      'INVALID_DATE',
      `Ngày âm lịch không hợp lệ: ${day}/${month}${isLeapMonth ? ' (nhuận)' : ''}/${year}.`,
      `Invalid lunar date ${year}-${month}-${day}${isLeapMonth ? ' (leap month)' : ''}: ${reason}.`,
      { year, month, day, isLeapMonth, reason },
    );
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw invalid('month or day out of range');
  }
  const frame = frameEndingIn(month >= 11 ? year + 1 : year);
  let position = (month + 1) % 12; // month 11 → 0, 12 → 1, 1 → 2 …
  if (frame.leapPosition > 0) {
    const leapMonth = monthAtPosition(frame, frame.leapPosition).month;
    if (isLeapMonth && month !== leapMonth) throw invalid('that month is not a leap month this year');
    if (isLeapMonth || position >= frame.leapPosition) position++;
  } else if (isLeapMonth) {
    throw invalid('the year has no leap month');
  }
  const lunation = frame.firstLunation + position;
  const start = newMoonDay(lunation);
  if (day > newMoonDay(lunation + 1) - start) throw invalid('the month has only 29 days');
  return start + day - 1;
}

/** Gregorian date (YYYY-MM-DD) → lunar date. */
export function solarToLunar(date: IsoDate): LunarDate {
  const epochDay = epochDayFromIsoDate(date);
  assertSupportedYear(Number(date.slice(0, 4)));
  return lunarDateOfEpochDay(epochDay);
}

/** Lunar date → Gregorian date (YYYY-MM-DD). */
export function lunarToSolar(date: LunarDate): IsoDate {
  return isoDateFromEpochDay(epochDayOfLunarDate(date));
}

/** Mùng 1 Tết: the first day of the lunar year that starts in Gregorian `year`. */
export function lunarNewYear(year: number): IsoDate {
  return lunarToSolar({ year, month: 1, day: 1, isLeapMonth: false });
}

/** The months of a lunar year in order, from month 1 to month 12, leap month included. */
export function lunarYearMonths(year: number): LunarMonth[] {
  assertSupportedYear(year);
  const months: LunarMonth[] = [];
  const firstLunation = lunationContaining(
    epochDayOfLunarDate({ year, month: 1, day: 1, isLeapMonth: false }),
  );
  const lastLunation = lunationContaining(
    epochDayOfLunarDate({ year: year + 1, month: 1, day: 1, isLeapMonth: false }),
  );
  for (let lunation = firstLunation; lunation < lastLunation; lunation++) {
    const start = newMoonDay(lunation);
    const info = lunarDateOfEpochDay(start);
    months.push({
      year,
      month: info.month,
      isLeapMonth: info.isLeapMonth,
      start: isoDateFromEpochDay(start),
      length: newMoonDay(lunation + 1) - start,
    });
  }
  return months;
}
