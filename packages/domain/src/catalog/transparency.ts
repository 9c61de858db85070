/**
 * Decision 766/QĐ-TTg, group 1 (transparency), per procedure (DOMAIN.md §4):
 *   1.1 announced on time: decision date ≤ legal basis effective date − 5 working days (provinces; −20
 *       for ministries);
 *   1.2 published on time: publication date ≤ decision date + 5 working days (provinces; +10 for
 *       ministries).
 * A check is `null` while it cannot be decided (a date missing, or not done yet and still within its
 * deadline): never a silent `false`. Once a deadline has passed without the act, the check is `false`.
 */
import { CalendarError } from '../calendar/calendar-error';
import { epochDayFromIsoDate, type IsoDate, isoDateFromEpochDay } from '../calendar/vietnam-time';

export interface WorkingDays {
  isWorkingDay(date: IsoDate): boolean;
}

export type Tier = 'province' | 'ministry';

const announceLead: Record<Tier, number> = { province: 5, ministry: 20 };
const publishLag: Record<Tier, number> = { province: 5, ministry: 10 };

/**
 * The `n`-th working day after `date` (n > 0) or before it (n < 0), not counting `date` itself: a
 * limit in days starts the day after the event (DOMAIN.md §8).
 */
export function shiftWorkingDays(calendar: WorkingDays, date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n === 0) throw new RangeError('n must be a non-zero integer');
  const step = n > 0 ? 1 : -1;
  let day = epochDayFromIsoDate(date);
  let remaining = Math.abs(n);
  while (remaining > 0) {
    day += step;
    if (calendar.isWorkingDay(isoDateFromEpochDay(day))) remaining--;
  }
  return isoDateFromEpochDay(day);
}

export interface TransparencyInput {
  tier: Tier;
  /** The date from which the legal basis of this version applies. */
  legalEffectiveDate: IsoDate | null;
  /** The announcing decision's date (quyết định công bố). */
  decisionDate: IsoDate | null;
  /** The Vietnam date of the publication instant. */
  publishedDate: IsoDate | null;
  /** Today in Vietnam. */
  today: IsoDate;
}

export interface TransparencyResult {
  announcedOnTime: boolean | null;
  publishedOnTime: boolean | null;
  announceBy: IsoDate | null;
  publishBy: IsoDate | null;
  notes: string[];
}

function deadline(calendar: WorkingDays, date: IsoDate, n: number, notes: string[]): IsoDate | null {
  try {
    return shiftWorkingDays(calendar, date, n);
  } catch (error) {
    if (!(error instanceof CalendarError)) throw error;
    notes.push(`Ngày ${date} nằm ngoài phạm vi lịch làm việc, không tính được hạn`);
    return null;
  }
}

function judge(done: IsoDate | null, by: IsoDate, today: IsoDate): boolean | null {
  if (done !== null) return done <= by;
  return today > by ? false : null;
}

export function transparencyChecks(calendar: WorkingDays, input: TransparencyInput): TransparencyResult {
  const notes: string[] = [];
  let announceBy: IsoDate | null = null;
  let announcedOnTime: boolean | null = null;
  if (input.legalEffectiveDate === null) {
    notes.push('Chưa có ngày có hiệu lực của căn cứ pháp lý: chưa đánh giá được việc công bố đúng hạn');
  } else {
    announceBy = deadline(calendar, input.legalEffectiveDate, -announceLead[input.tier], notes);
    if (announceBy !== null) {
      announcedOnTime = judge(input.decisionDate, announceBy, input.today);
      if (announcedOnTime === null) notes.push(`Chưa có quyết định công bố; hạn công bố: ${announceBy}`);
    }
  }
  let publishBy: IsoDate | null = null;
  let publishedOnTime: boolean | null = null;
  if (input.decisionDate === null) {
    notes.push('Chưa có quyết định công bố: chưa đánh giá được việc công khai đúng hạn');
  } else {
    publishBy = deadline(calendar, input.decisionDate, publishLag[input.tier], notes);
    if (publishBy !== null) {
      publishedOnTime = judge(input.publishedDate, publishBy, input.today);
      if (publishedOnTime === null) notes.push(`Chưa công khai; hạn công khai: ${publishBy}`);
    }
  }
  return { announcedOnTime, publishedOnTime, announceBy, publishBy, notes };
}

/** The date this version's legal basis applies from: explicit, or the latest of its documents' dates. */
export function legalEffectiveDateOf(content: {
  legalEffectiveDate: IsoDate | null;
  legalBasis: readonly { effectiveDate: IsoDate | null }[];
}): IsoDate | null {
  if (content.legalEffectiveDate !== null) return content.legalEffectiveDate;
  let latest: IsoDate | null = null;
  for (const doc of content.legalBasis)
    if (doc.effectiveDate !== null && (latest === null || doc.effectiveDate > latest))
      latest = doc.effectiveDate;
  return latest;
}
