/**
 * Clocks of a dossier, computed from its state (itself a fold of events) and the working calendar:
 * the legal due date (Decree 61: the full limit restarts when a requested supplement is received), the
 * per-step due dates, the live status (on track / due soon / late), the finish classification, and the
 * Decision 766 view (supplement waits subtracted; more than one supplement request = late).
 */
import {
  addWorkingTime,
  classifyFinish,
  dueDate,
  type FinishClassification,
  type ProcessingTime,
  workingTimeBetween,
} from '../calendar/due-date';
import {
  epochDayFromIsoDate,
  localDateOf,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  startOfLocalDay,
} from '../calendar/vietnam-time';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { DossierRules } from './dossier-rules';
import type { DossierState } from './dossier-state';

/** The appointment for a clock started at `startAt`; null when the law states no limit. */
export function appointmentFrom(
  calendar: WorkingCalendar,
  startAt: number,
  limit: ProcessingTime | null,
): number | null {
  return limit === null ? null : dueDate(calendar, startAt, limit);
}

/** When a workflow step entered at `enteredAt` is due, from its allotted working hours. */
export function stepDueAt(calendar: WorkingCalendar, enteredAt: number, allottedHours: number): number {
  return addWorkingTime(calendar, enteredAt, Math.round(allottedHours * MS_PER_HOUR));
}

/**
 * When a paper dossier must reach the competent agency (Decree 61 Art. 16): the same working day, or the
 * start of the next working day if received after the cut-off (15:00) or outside a working day.
 */
export function forwardDeadline(calendar: WorkingCalendar, receivedAt: number, rules: DossierRules): number {
  const date = localDateOf(receivedAt);
  const today = startOfLocalDay(epochDayFromIsoDate(date));
  // "After 15:00" (Art. 16): 15:00:00 itself is still the same day, 15:00:01 is not.
  if (calendar.isWorkingDay(date) && receivedAt - today <= rules.forwardCutoffMinute * MS_PER_MINUTE) {
    // Same day only while the day's office hours are still ahead (a cut-off later than the closing time
    // must not give an instant already past). The lunch closing (11:30) is not the day's end.
    const closing = calendar.closingOfWorkingDayAfter(receivedAt, 0, 0);
    if (localDateOf(closing) === date && closing > receivedAt) return closing;
  }
  const nextDay = calendar.nextWorkingDay(localDateOf(today + MS_PER_DAY));
  return calendar.clockStart(startOfLocalDay(epochDayFromIsoDate(nextDay)));
}

export type LiveStatus = 'on-track' | 'due-soon' | 'late' | 'paused' | 'no-deadline';

export type Progress =
  | { kind: 'open'; status: LiveStatus; dueAt: number | null; remainingWorkingMs: number | null }
  | {
      kind: 'finished';
      classification: FinishClassification | null;
      finishedAt: number;
      dueAt: number | null;
    }
  | { kind: 'not-accepted' };

/** Legal progress at `now` (Decree 61 view: the appointment in force, restarted or extended). */
export function dossierProgress(
  state: DossierState,
  calendar: WorkingCalendar,
  rules: DossierRules,
  now: number,
): Progress {
  if (state.acceptedAt === null) {
    if (state.finishedAt !== null)
      return { kind: 'finished', classification: null, finishedAt: state.finishedAt, dueAt: null };
    return { kind: 'not-accepted' };
  }
  const due = state.appointmentAt;
  if (state.finishedAt !== null) {
    const processed = state.result !== null;
    return {
      kind: 'finished',
      classification: processed && due !== null ? classifyFinish(state.finishedAt, due) : null,
      finishedAt: state.finishedAt,
      dueAt: due,
    };
  }
  if (due === null) return { kind: 'open', status: 'no-deadline', dueAt: null, remainingWorkingMs: null };
  const remaining = workingTimeBetween(calendar, now, due);
  if (state.status === 'supplement-requested')
    return { kind: 'open', status: 'paused', dueAt: due, remainingWorkingMs: remaining };
  let status: LiveStatus = 'on-track';
  if (now > due) status = 'late';
  else if (remaining <= rules.dueSoonWorkingHours * MS_PER_HOUR) status = 'due-soon';
  return { kind: 'open', status, dueAt: due, remainingWorkingMs: remaining };
}

export interface Progress766 {
  /** Start of processing: acceptance. */
  start: number;
  /** First of: processing done, result returned, stopped/withdrawn; a supplement still awaited: its request; else the period's end. */
  end: number;
  finished: boolean;
  /** Working time spent waiting for the applicant's supplements, subtracted from the processing time. */
  waitingWorkingMs: number;
  supplementRequests: number;
  appointmentAt: number | null;
  onTime: boolean;
  /** Working time used (end − start − waiting). */
  usedWorkingMs: number;
}

/**
 * Decision 766 progress view of one dossier for a period ending at `periodEnd`. The appointment is the
 * one on the receipt (an apology's new date does not make a late dossier on time); without one the
 * legal limit counted from acceptance stands in. Null for dossiers never accepted.
 */
export function progress766(
  state: DossierState,
  calendar: WorkingCalendar,
  periodEnd: number,
): Progress766 | null {
  const start = state.acceptedAt;
  if (start === null) return null;
  const rounds = state.supplements.filter((r) => r.stage === 'processing');
  const open = rounds.find((r) => r.receivedAt === null);
  let end: number;
  let finished = true;
  if (state.result !== null) end = state.result.at;
  else if (state.returned !== null) end = state.returned.at;
  else if (state.finishedAt !== null) end = state.finishedAt;
  else if (open !== undefined) end = open.requestedAt;
  else {
    end = periodEnd;
    finished = false;
  }
  let waiting = 0;
  for (const r of rounds) {
    if (r.requestedAt >= end) continue;
    // A round never answered (the applicant withdrew, or processing stopped, while it was open) waited
    // until the end: that time is the applicant's, not the agency's.
    waiting += workingTimeBetween(calendar, r.requestedAt, Math.min(r.receivedAt ?? end, end));
  }
  const used = workingTimeBetween(calendar, start, end) - waiting;
  const appointment =
    state.originalAppointmentAt ?? appointmentFrom(calendar, start, state.procedure?.processingTime ?? null);
  const withinTime = appointment === null || used <= workingTimeBetween(calendar, start, appointment);
  return {
    start,
    end,
    finished,
    waitingWorkingMs: waiting,
    supplementRequests: rounds.length,
    appointmentAt: appointment,
    onTime: rounds.length <= 1 && withinTime,
    usedWorkingMs: used,
  };
}
