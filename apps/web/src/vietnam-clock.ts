/** What the wall clock in Vietnam (Asia/Ho_Chi_Minh) reads at an instant, as zero-padded strings. */
export interface VietnamClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

// One formatter for the whole app: building an Intl.DateTimeFormat costs far more than using one.
const clockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The Vietnamese wall clock at `instant` (epoch ms, ISO string or Date). */
export function vietnamClock(instant: number | string | Date): VietnamClock {
  const p = Object.fromEntries(clockFormat.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return {
    year: p.year!,
    month: p.month!,
    day: p.day!,
    hour: p.hour!,
    minute: p.minute!,
    second: p.second!,
  };
}
