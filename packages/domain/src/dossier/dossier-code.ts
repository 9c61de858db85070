/**
 * Dossier code `<receiving agency code>-<YYMMDD>-<NNNN>` (Circular 01/2018, DOMAIN.md §2.2): the
 * receiving agency's electronic identifier, the local date received, and a 4-digit sequence per agency
 * per day starting at 0001. The sequence itself is allocated by the store (gap-free under concurrency).
 */
import { daysInMonth } from '../calendar/vietnam-time';
import { isAgencyCode } from '../org/agency-code';

export const MAX_DAILY_SEQUENCE = 9999;

export interface DossierCodeParts {
  agencyCode: string;
  /** Local (Vietnam) date, `YYYY-MM-DD`. */
  date: string;
  sequence: number;
}

export function formatDossierCode(parts: DossierCodeParts): string {
  const { agencyCode, date, sequence } = parts;
  if (!isAgencyCode(agencyCode)) throw new RangeError(`not an agency code: ${agencyCode}`);
  // The code keeps two digits of the year, so only 2000–2099 round-trips through `parseDossierCode`.
  const m = /^20(\d{2})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || !isCalendarDate(2000 + Number(m[1]), Number(m[2]), Number(m[3])))
    throw new RangeError(`not a date between 2000 and 2099: ${date}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_DAILY_SEQUENCE)
    throw new RangeError(`sequence out of range: ${sequence}`);
  const yymmdd = date.slice(2, 4) + date.slice(5, 7) + date.slice(8, 10);
  return `${agencyCode}-${yymmdd}-${String(sequence).padStart(4, '0')}`;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const codePattern = /^(.+)-(\d{2})(\d{2})(\d{2})-(\d{4})$/;

/** `null` when `text` is not a well-formed dossier code (years 2000–2099). */
export function parseDossierCode(text: string): DossierCodeParts | null {
  const m = codePattern.exec(text.trim());
  if (!m) return null;
  const [, agencyCode, yy, mm, dd, seq] = m as unknown as [string, string, string, string, string, string];
  if (!isAgencyCode(agencyCode)) return null;
  if (!isCalendarDate(2000 + Number(yy), Number(mm), Number(dd))) return null;
  const sequence = Number(seq);
  if (sequence < 1) return null;
  return { agencyCode, date: `20${yy}-${mm}-${dd}`, sequence };
}
