/** How the back office shows instants, clocks and statuses: dd/MM/yyyy HH:mm, coloured time left. */
import { Tag } from 'antd';
import { officeText } from '../i18n/vi/office';
import { vietnamClock } from '../vietnam-clock';

/** An instant (epoch ms or ISO) → `dd/MM/yyyy HH:mm` on the Vietnamese wall clock. */
export function formatMoment(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const p = vietnamClock(date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** `2026-03-02T09:00:00+07:00`-style instant of `ms` in Vietnam time, for the API. */
export function vietnamIso(ms: number): string {
  const p = vietnamClock(ms);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}+07:00`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A wall-clock duration in words: `2 ngày 3 giờ`, `5 giờ 10 phút`, `20 phút`. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return officeText.lessThanMinute;
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  if (days > 0)
    return [officeText.days(days), hours > 0 ? officeText.hours(hours) : ''].filter(Boolean).join(' ');
  if (hours > 0)
    return [officeText.hours(hours), minutes > 0 ? officeText.minutes(minutes) : '']
      .filter(Boolean)
      .join(' ');
  return officeText.minutes(minutes);
}

const hoursFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
export const formatWorkingHours = (ms: number) => hoursFormat.format(ms / HOUR);

const vnd = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });
export const formatVnd = (amount: number) => vnd.format(amount);

export type LiveStatus = 'on-track' | 'due-soon' | 'late' | 'paused' | 'no-deadline';

const liveColours: Record<LiveStatus, string> = {
  'on-track': 'success',
  'due-soon': 'warning',
  late: 'error',
  paused: 'default',
  'no-deadline': 'default',
};

/**
 * The stored live status, corrected by the clock: a dossier whose appointment has passed is late even
 * before the deadline scanner's next round records it.
 */
export function effectiveLiveStatus(
  status: string | null | undefined,
  dueAt: number | string | null | undefined,
  now: number,
): LiveStatus | null {
  const live = (status ?? null) as LiveStatus | null;
  if (live === null) return null;
  const due = dueAt === null || dueAt === undefined ? null : new Date(dueAt).getTime();
  if ((live === 'on-track' || live === 'due-soon') && due !== null && now > due) return 'late';
  return live;
}

/**
 * The coloured time left of a deadline: green on track, orange due soon, red late. The colour is the
 * server's judgement (working time, with the desk's calendar); the words are wall-clock time until the
 * date, which is what a person reads on the receipt.
 */
export function TimeLeftTag({
  status,
  dueAt,
  now,
}: {
  status: string | null | undefined;
  dueAt: number | string | null | undefined;
  now: number;
}) {
  const live = effectiveLiveStatus(status, dueAt, now);
  if (live === null) return <span>{officeText.none}</span>;
  const due = dueAt === null || dueAt === undefined ? null : new Date(dueAt).getTime();
  const label = officeText.liveStatuses[live] ?? live;
  let words = '';
  if (due !== null && live !== 'no-deadline') {
    words =
      due >= now
        ? officeText.timeLeft(formatDuration(due - now))
        : officeText.overdueBy(formatDuration(now - due));
  }
  return (
    <Tag color={liveColours[live] ?? 'default'} data-live-status={live}>
      {label}
      {words && ` · ${words.toLowerCase()}`}
    </Tag>
  );
}

const statusColours: Record<string, string> = {
  submitted: 'processing',
  'intake-supplement': 'warning',
  'refused-at-intake': 'error',
  accepted: 'processing',
  processing: 'processing',
  'supplement-requested': 'warning',
  'payment-requested': 'warning',
  withdrawn: 'default',
  stopped: 'default',
  done: 'success',
  returned: 'success',
};

export function StatusTag({ status }: { status: string }) {
  return <Tag color={statusColours[status] ?? 'default'}>{officeText.statuses[status] ?? status}</Tag>;
}

const finishColours: Record<string, string> = { early: 'success', 'on-time': 'processing', late: 'error' };

export function FinishTag({ classification }: { classification: string | null }) {
  if (classification === null) return null;
  return <Tag color={finishColours[classification] ?? 'default'}>{officeText.finish[classification]}</Tag>;
}
