/** Dates as Vietnamese people write them: dd/MM/yyyy, times HH:mm, in Asia/Ho_Chi_Minh. */

/** `2025-07-01` → `01/07/2025`; calendar dates carry no time zone. */
export function formatLocalDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

const instantFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant → `dd/MM/yyyy HH:mm:ss` on the Vietnamese wall clock. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const parts = Object.fromEntries(instantFormat.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** Today's calendar date in Vietnam, as `YYYY-MM-DD`. */
export function todayInVietnam(): string {
  const parts = Object.fromEntries(instantFormat.formatToParts(new Date()).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
