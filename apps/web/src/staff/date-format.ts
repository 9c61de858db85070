/** Dates as Vietnamese people write them: dd/MM/yyyy, times HH:mm, in Asia/Ho_Chi_Minh. */
import { vietnamClock } from '../vietnam-clock';

/** `2025-07-01` → `01/07/2025`; calendar dates carry no time zone. */
export function formatLocalDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** An instant → `dd/MM/yyyy HH:mm:ss` on the Vietnamese wall clock. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = vietnamClock(iso);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

/** Today's calendar date in Vietnam, as `YYYY-MM-DD`. */
export function todayInVietnam(): string {
  const p = vietnamClock(new Date());
  return `${p.year}-${p.month}-${p.day}`;
}
