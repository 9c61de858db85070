/** Dates, times left and colours of a citizen's dossier, in Vietnam time. */
import { dossierText } from '../i18n/vi/portal-dossier';
import { vietnamClock } from '../vietnam-clock';
import type { LiveStatus } from './dossier-types';

/** `14:00 05/03/2026`. */
export function formatDateTime(instant: number | string | Date | null | undefined): string {
  if (instant === null || instant === undefined) return '';
  const p = vietnamClock(instant);
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}

/** `05/03/2026`. */
export function formatDay(instant: number | string | Date | null | undefined): string {
  if (instant === null || instant === undefined) return '';
  const p = vietnamClock(instant);
  return `${p.day}/${p.month}/${p.year}`;
}

/** A duration as days and hours (or minutes when under an hour); `dayMs` is 24 h, or 8 working hours. */
export function durationText(ms: number, dayMs: number): string {
  const hourMs = 3_600_000;
  const abs = Math.max(0, ms);
  const days = Math.floor(abs / dayMs);
  const hours = Math.floor((abs - days * dayMs) / hourMs);
  if (days > 0)
    return hours > 0 ? `${dossierText.days(days)} ${dossierText.hours(hours)}` : dossierText.days(days);
  if (hours > 0) return dossierText.hours(hours);
  return dossierText.minutes(Math.max(1, Math.round(abs / 60_000)));
}

export type DeadlineTone = 'on-track' | 'due-soon' | 'late' | 'paused' | 'none';

/**
 * Time left to the appointment, coloured by the engine's live status. `remainingWorkingMs` (the dossier
 * page has it) counts working time, 8 hours a working day; the list has only the date, so it counts
 * calendar time.
 */
export function deadlineLabel(
  status: LiveStatus | string | null,
  dueAt: number | string | null,
  now: number,
  remainingWorkingMs?: number | null,
): { tone: DeadlineTone; text: string } {
  if (status === 'paused') return { tone: 'paused', text: dossierText.timeLeft.paused };
  if (dueAt === null || status === 'no-deadline') return { tone: 'none', text: dossierText.timeLeft.none };
  const due = new Date(dueAt).getTime();
  if (status === 'late' || due < now)
    return { tone: 'late', text: dossierText.timeLeft.late(durationText(now - due, 86_400_000)) };
  const left =
    remainingWorkingMs !== undefined && remainingWorkingMs !== null
      ? dossierText.workingLeft(durationText(remainingWorkingMs, 8 * 3_600_000))
      : durationText(due - now, 86_400_000);
  if (status === 'due-soon') return { tone: 'due-soon', text: dossierText.timeLeft.dueSoon(left) };
  return { tone: 'on-track', text: dossierText.timeLeft.onTrack(left) };
}

/** Statuses after which nothing more is awaited from the agencies. */
export const finishedStatuses = new Set(['refused-at-intake', 'withdrawn', 'stopped', 'done', 'returned']);
