// Dates and times as Vietnamese administrative documents write them. Instants are epoch milliseconds
// and are always shown in Vietnam time (Asia/Ho_Chi_Minh, a fixed UTC+7): the host's time zone is
// never consulted, so a server running in UTC prints the same paper as one in Hanoi.
import { VIETNAM_OFFSET_MS } from '@motcua/domain/calendar/vietnam-time';

export interface VietnamWallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function vietnamWallClock(instant: number): VietnamWallClock {
  if (!Number.isFinite(instant)) {
    throw new TypeError(`Thời điểm không hợp lệ trên văn bản: ${String(instant)}`);
  }
  // Shifting by the offset and reading the UTC fields gives the local wall clock.
  const shifted = new Date(instant + VIETNAM_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** `05/01/2026` */
export function formatVietnamDate(instant: number): string {
  const t = vietnamWallClock(instant);
  return `${pad2(t.day)}/${pad2(t.month)}/${t.year}`;
}

/** `08 giờ 30 phút, ngày 05/01/2026` — the "hh:mm, date" fields of the one-stop forms. */
export function formatVietnamTimeAndDate(instant: number): string {
  const t = vietnamWallClock(instant);
  return `${pad2(t.hour)} giờ ${pad2(t.minute)} phút, ngày ${pad2(t.day)}/${pad2(t.month)}/${t.year}`;
}

/** `08:30 05/01/2026` — compact, for table cells. */
export function formatVietnamShortDateTime(instant: number): string {
  const t = vietnamWallClock(instant);
  return `${pad2(t.hour)}:${pad2(t.minute)} ${pad2(t.day)}/${pad2(t.month)}/${t.year}`;
}

/**
 * `ngày 05 tháng 01 năm 2026`, `ngày 15 tháng 3 năm 2026`: Decree 30/2020 (Annex I) writes a leading
 * zero only for days below 10 and for months 1 and 2.
 */
export function formatVietnamLongDate(instant: number): string {
  const t = vietnamWallClock(instant);
  const month = t.month <= 2 ? pad2(t.month) : String(t.month);
  return `ngày ${pad2(t.day)} tháng ${month} năm ${t.year}`;
}
