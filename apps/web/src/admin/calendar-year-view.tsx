import type { CalendarYear } from '@motcua/contracts/calendar';
import { adminText } from '../i18n/vi/admin';
import { formatLocalDate } from '../staff/date-format';

export type DayStatus = 'working' | 'weekend' | 'off' | 'working-saturday' | 'local-off' | 'local-working';

export const dayStatusLabels: Record<DayStatus, string> = {
  working: adminText.dayWorking,
  weekend: adminText.dayWeekend,
  off: adminText.dayOff,
  'working-saturday': adminText.dayWorkingSaturday,
  'local-off': adminText.dayLocalOff,
  'local-working': adminText.dayLocalWorking,
};

const legendOrder: DayStatus[] = [
  'working',
  'weekend',
  'off',
  'working-saturday',
  'local-off',
  'local-working',
];

const pad = (n: number) => String(n).padStart(2, '0');
/** 0 = Monday … 6 = Sunday: Vietnamese calendars start the week on Monday. */
const mondayIndex = (year: number, month: number, day: number) =>
  (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

interface DayInfo {
  status: DayStatus;
  names: string[];
}

/** Each date's status: a local change first, then the schedule's days off and working Saturdays. */
function classify(view: CalendarYear): (date: string, weekday: number) => DayInfo {
  const daysOff = new Set(view.daysOff);
  const workingSaturdays = new Set(view.workingSaturdays);
  const local = new Map(view.localChanges.map((c) => [c.date, c]));
  const names = new Map<string, string[]>();
  for (const h of view.holidays) names.set(h.date, [...(names.get(h.date) ?? []), h.name]);
  return (date, weekday) => {
    const change = local.get(date);
    const dayNames = names.get(date) ?? [];
    if (change) {
      const isOff = change.kind === 'day-off';
      return {
        status: isOff ? 'local-off' : 'local-working',
        names: isOff ? dayNames : [...dayNames, change.reason],
      };
    }
    if (daysOff.has(date)) return { status: 'off', names: dayNames };
    if (workingSaturdays.has(date)) return { status: 'working-saturday', names: dayNames };
    return { status: weekday >= 5 ? 'weekend' : 'working', names: dayNames };
  };
}

export function CalendarLegend() {
  return (
    <ul className="calendar-legend" aria-label={adminText.calendarLegend}>
      {legendOrder.map((status) => (
        <li key={status}>
          <span className={`calendar-swatch calendar-day-${status}`} aria-hidden />
          {dayStatusLabels[status]}
        </li>
      ))}
    </ul>
  );
}

/** Twelve month grids; every day says its status (and the holiday's name) in text, not only in colour. */
export function CalendarYearView({ view }: { view: CalendarYear }) {
  const infoOf = classify(view);
  return (
    <section aria-label={adminText.yearCalendar(view.year)} className="calendar-months">
      {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => {
        const offset = mondayIndex(view.year, month, 1);
        const count = daysIn(view.year, month);
        const cells: { key: string; day: number | null }[] = [];
        for (let blank = 0; blank < offset; blank++) cells.push({ key: `lead-${blank}`, day: null });
        for (let day = 1; day <= count; day++) cells.push({ key: `day-${day}`, day });
        for (let blank = 0; cells.length % 7 !== 0; blank++) cells.push({ key: `trail-${blank}`, day: null });
        const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
        return (
          <table key={month} className="calendar-month">
            <caption>{adminText.monthName(month)}</caption>
            <thead>
              <tr>
                {adminText.weekdayShort.map((label, index) => (
                  <th key={label} scope="col" abbr={adminText.weekdayLong[index]}>
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week[0]?.key}>
                  {week.map(({ key, day }) => {
                    if (day === null) return <td key={key} />;
                    const date = `${view.year}-${pad(month)}-${pad(day)}`;
                    const info = infoOf(date, mondayIndex(view.year, month, day));
                    const description = [dayStatusLabels[info.status], ...info.names].join(' — ');
                    return (
                      <td
                        key={date}
                        data-date={date}
                        data-status={info.status}
                        title={info.names.length > 0 ? info.names.join('; ') : undefined}
                        className={`calendar-day-${info.status}${info.names.length > 0 ? ' calendar-day-named' : ''}`}
                      >
                        <span aria-hidden>{day}</span>
                        <span className="visually-hidden">{`${formatLocalDate(date)}: ${description}`}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </section>
  );
}
