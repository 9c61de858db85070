import type {
  CalendarYear,
  CreateLocalChange,
  DueDateRequest,
  DueDateResult,
  StoredLocalChange,
} from '@motcua/contracts/calendar';
import type { OfficeHours as DeskOfficeHours } from '@motcua/contracts/org';
import { CalendarError } from '@motcua/domain/calendar/calendar-error';
import { dueDate, type ProcessingTime } from '@motcua/domain/calendar/due-date';
import { type LocalChange, type YearSchedule, yearSchedule } from '@motcua/domain/calendar/holiday-schedule';
import { minuteOfDay, type OfficeInterval, officeHours } from '@motcua/domain/calendar/office-hours';
import {
  epochDayFromIsoDate,
  formatVietnamInstant,
  localDateOf,
  parseInstant,
  weekdayOfEpochDay,
} from '@motcua/domain/calendar/vietnam-time';
import { createWorkingCalendar, type WorkingCalendar } from '@motcua/domain/calendar/working-calendar';
import type { AccessContext, ServiceContext } from '../../platform/access-context';
import { AppError, conflict, invalid, notFound } from '../../platform/app-error';
import { recordAudit } from '../../platform/audit-log';
import { type Database, type Db, inTransaction, isUniqueViolation } from '../../platform/database';
import { getDesk } from '../org/agency-service';
import * as store from './store';

/**
 * The working calendar of the province: the shipped official (or provisional) holiday schedules, plus
 * the province's local changes stored here, with a desk's office hours.
 *
 * Promises do not move: the dossier engine stores the due instant it computed when it made the
 * promise (and the definition of the calendar it used). Editing the local changes later changes only
 * due dates computed afterwards, never a due date already given to an applicant.
 *
 * Built calendars are cached per database, keyed by the local changes' version (row count and latest
 * id: rows are only inserted and deleted, ids never reused) and the office hours. Each request reads
 * that version (one tiny query), so a change made by another process is seen at once; a change made
 * here also clears the cache directly.
 */

export const CALENDAR_FROM_YEAR = 2020;
export const CALENDAR_TO_YEAR = 2035;
const MAX_CACHED_CALENDARS = 32;

interface CalendarCache {
  version: string;
  /** The watch's epoch when this cache was last checked against the database. */
  epoch: number;
  changes: readonly LocalChange[];
  calendars: Map<string, WorkingCalendar>;
}

const caches = new WeakMap<Db, CalendarCache>();

/**
 * The province's local changes are read on every reception, command and due-date computation. A change
 * is rare, and the database announces each one (a trigger on `calendar.local_changes` notifies
 * `CALENDAR_CHANNEL` at commit): while this process listens, a cache checked since the last
 * announcement is used as it is; otherwise (not listening, or something was announced) its version is
 * checked first, one small statement. This process's own changes drop the cache at once.
 */
export const CALENDAR_CHANNEL = 'motcua_calendar_changed';

interface CalendarWatch {
  listening: boolean;
  /** Moves on every announcement and on every (re)connection of the listener. */
  epoch: number;
}

const watches = new WeakMap<Db, CalendarWatch>();

/** Keeps the calendar cache of `database` in step with its change announcements; resolves to `stop`. */
export async function listenForCalendarChanges(database: Database): Promise<() => Promise<void>> {
  const watch: CalendarWatch = { listening: false, epoch: 0 };
  watches.set(database.db, watch);
  const moved = (listening: boolean) => () => {
    watch.epoch++;
    watch.listening = listening;
  };
  const stop = await database.listen(CALENDAR_CHANNEL, {
    onListening: moved(true),
    onNotify: moved(true),
    onLost: moved(false),
  });
  return async () => {
    watch.listening = false;
    watches.delete(database.db);
    await stop();
  };
}
let builds = 0;
let versionChecks = 0;

/** How many times this process has read the local changes' version (tests check the listener spares it). */
export function calendarVersionCheckCount(): number {
  return versionChecks;
}

/** How many working calendars this process has built (tests check that requests reuse them). */
export function calendarBuildCount(): number {
  return builds;
}

/** A working calendar over CALENDAR_FROM_YEAR..CALENDAR_TO_YEAR with the given changes and hours. */
export function buildWorkingCalendar(
  changes: readonly LocalChange[],
  intervals?: readonly OfficeInterval[],
): WorkingCalendar {
  builds++;
  return withCalendarErrors(() =>
    createWorkingCalendar({
      fromYear: CALENDAR_FROM_YEAR,
      toYear: CALENDAR_TO_YEAR,
      localChanges: changes,
      ...(intervals ? { officeHours: intervals } : {}),
    }),
  );
}

/** The calendar engine's errors, as the API's errors: 422 with the engine's code and Vietnamese message. */
export function toAppError(error: CalendarError): AppError {
  return new AppError(error.code, 422, error.message, { ...error.details, messageEn: error.messageEn });
}

function withCalendarErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof CalendarError) throw toAppError(error);
    throw error;
  }
}

const ISO_WORKWEEK = '1,2,3,4,5';

/**
 * A desk's office hours (org module: ISO weekdays and 'HH:mm' sessions) as the engine's intervals.
 * The engine's working days are Monday–Friday, minus the schedule's days off, plus its make-up
 * working Saturdays, the same for every desk: it has no per-desk working weekdays. A desk open on
 * other weekdays (e.g. Saturday mornings, or Monday–Thursday) is refused rather than silently
 * computed with the wrong days. Touching sessions (11:30–11:30) are refused too: the engine needs a
 * break between sessions so that "due at closing" is unambiguous.
 */
export function deskOfficeIntervals(hours: DeskOfficeHours): OfficeInterval[] {
  const weekdays = [...new Set(hours.weekdays)].sort((a, b) => a - b).join(',');
  if (weekdays !== ISO_WORKWEEK) {
    throw invalid(
      'DESK_WEEKDAYS_UNSUPPORTED',
      'Giờ làm việc của bộ phận một cửa có ngày làm việc khác thứ Hai – thứ Sáu; lịch tính hạn chỉ hỗ trợ thứ Hai – thứ Sáu (và các thứ Bảy làm bù theo lịch nghỉ lễ)',
      { weekdays: hours.weekdays, supported: [1, 2, 3, 4, 5] },
    );
  }
  return withCalendarErrors(() => {
    const intervals = hours.sessions.map((s) => ({ start: minuteOfDay(s.start), end: minuteOfDay(s.end) }));
    officeHours(intervals);
    return intervals;
  });
}

function toDomainChange(row: store.LocalChangeRow): LocalChange {
  return { date: row.date, kind: row.kind as LocalChange['kind'], reason: row.reason };
}

function toStoredChange(row: store.LocalChangeRow): StoredLocalChange {
  return {
    id: row.id,
    date: row.date,
    kind: row.kind as LocalChange['kind'],
    reason: row.reason,
    createdBy: row.createdBy,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

async function currentCache(db: Db): Promise<CalendarCache> {
  const watch = watches.get(db);
  const cached = caches.get(db);
  if (cached && watch?.listening && cached.epoch === watch.epoch) return cached;
  // Taken before reading: an announcement arriving while we read leaves the cache to be checked again.
  const epoch = watch?.epoch ?? 0;
  versionChecks++;
  const version = await store.localChangesVersion(db);
  if (cached && cached.version === version) {
    cached.epoch = epoch;
    return cached;
  }
  const rows = await store.allLocalChanges(db);
  const fresh: CalendarCache = { version, epoch, changes: rows.map(toDomainChange), calendars: new Map() };
  caches.set(db, fresh);
  return fresh;
}

function calendarFrom(cache: CalendarCache, intervals?: readonly OfficeInterval[]): WorkingCalendar {
  const key = intervals ? intervals.map((i) => `${i.start}-${i.end}`).join(',') : 'default';
  let calendar = cache.calendars.get(key);
  if (!calendar) {
    calendar = buildWorkingCalendar(cache.changes, intervals);
    if (cache.calendars.size >= MAX_CACHED_CALENDARS) cache.calendars.clear();
    cache.calendars.set(key, calendar);
  }
  return calendar;
}

/** The province's working calendar with a desk's office hours (the default hours without a desk). */
export async function workingCalendar(ctx: ServiceContext, deskId?: string): Promise<WorkingCalendar> {
  const intervals =
    deskId === undefined ? undefined : deskOfficeIntervals((await getDesk(ctx, deskId)).officeHours);
  return calendarFrom(await currentCache(ctx.db), intervals);
}

export async function currentLocalChanges(ctx: ServiceContext): Promise<readonly LocalChange[]> {
  return (await currentCache(ctx.db)).changes;
}

function yearView(schedule: YearSchedule): CalendarYear {
  return {
    year: schedule.year,
    source: schedule.source,
    sources: [...schedule.sources],
    daysOff: [...schedule.daysOff],
    workingSaturdays: [...schedule.workingSaturdays],
    holidays: schedule.holidays.map((h) => ({ date: h.date, name: h.name, kind: h.kind })),
    localChanges: schedule.localChanges.map((c) => ({ date: c.date, kind: c.kind, reason: c.reason })),
  };
}

/** The schedule of a year with the given local changes (any year the engine supports). */
export function yearWithChanges(year: number, changes: readonly LocalChange[]): CalendarYear {
  return withCalendarErrors(() => yearView(yearSchedule(year, changes)));
}

/** GET /api/calendar/:year */
export async function calendarYear(ctx: ServiceContext, year: number): Promise<CalendarYear> {
  const cache = await currentCache(ctx.db);
  if (year >= CALENDAR_FROM_YEAR && year <= CALENDAR_TO_YEAR)
    return yearView(calendarFrom(cache).yearSchedule(year));
  return yearWithChanges(year, cache.changes);
}

/** A due date on a given calendar: the engine parses and checks the start, the unit and the limit. */
export function dueDateOn(
  calendar: WorkingCalendar,
  input: { start: string; limit: number; unit: string },
): DueDateResult {
  return withCalendarErrors(() => {
    const start = parseInstant(input.start);
    const limit = { unit: input.unit, value: input.limit } as ProcessingTime;
    const due = dueDate(calendar, start, limit);
    const fromYear = Number(localDateOf(start).slice(0, 4));
    const toYear = Number(localDateOf(due).slice(0, 4));
    let source: DueDateResult['calendarYearSource'] = 'official';
    for (let year = fromYear; year <= toYear; year++) {
      if (calendar.yearSchedule(year).source === 'provisional') source = 'provisional';
    }
    return { due: formatVietnamInstant(due), dueEpochMs: due, calendarYearSource: source };
  });
}

/** POST /api/calendar/due — read-only. */
export async function computeDueDate(ctx: ServiceContext, input: DueDateRequest): Promise<DueDateResult> {
  return dueDateOn(await workingCalendar(ctx, input.deskId), input);
}

/** GET /api/calendar/local-changes */
export async function listLocalChanges(ctx: ServiceContext): Promise<StoredLocalChange[]> {
  return (await store.allLocalChanges(ctx.db)).map(toStoredChange);
}

/**
 * The rules of a new local change, against the shipped schedule of its year: an extra day off must
 * fall on a Monday–Friday working day, an extra working day on a Saturday that is off.
 */
function checkLocalChange(input: CreateLocalChange): void {
  const year = Number(input.date.slice(0, 4));
  if (year < CALENDAR_FROM_YEAR || year > CALENDAR_TO_YEAR) {
    throw invalid(
      'OUTSIDE_CALENDAR_RANGE',
      `Chỉ có thể thay đổi lịch trong các năm ${CALENDAR_FROM_YEAR}–${CALENDAR_TO_YEAR}`,
      { path: ['date'] },
    );
  }
  const schedule = withCalendarErrors(() => yearSchedule(year));
  const weekday = weekdayOfEpochDay(withCalendarErrors(() => epochDayFromIsoDate(input.date)));
  if (input.kind === 'day-off') {
    if (weekday === 0 || weekday === 6 || schedule.daysOff.includes(input.date)) {
      throw invalid(
        'LOCAL_CHANGE_NOT_WORKING_DAY',
        'Ngày nghỉ thêm phải là một ngày làm việc từ thứ Hai đến thứ Sáu (không phải ngày nghỉ lễ, nghỉ bù)',
        { path: ['date'] },
      );
    }
  } else if (weekday !== 6 || schedule.workingSaturdays.includes(input.date)) {
    throw invalid(
      'LOCAL_CHANGE_NOT_SATURDAY_OFF',
      'Ngày làm việc bù phải là một ngày thứ Bảy đang được nghỉ',
      {
        path: ['date'],
      },
    );
  }
}

/** POST /api/calendar/local-changes */
export async function createLocalChange(
  ctx: ServiceContext,
  access: AccessContext,
  input: CreateLocalChange,
): Promise<StoredLocalChange> {
  checkLocalChange(input);
  const row = await inTransaction(ctx.db, async (tx) => {
    if (await store.localChangeByDate(tx, input.date)) throw dateTaken(input.date);
    let inserted: store.LocalChangeRow;
    try {
      inserted = await store.insertLocalChange(tx, { ...input, createdBy: access.userId });
    } catch (error) {
      if (isUniqueViolation(error)) throw dateTaken(input.date);
      throw error;
    }
    await recordAudit(
      tx,
      access.actor,
      {
        action: 'calendar.local-change.create',
        targetType: 'calendar-local-change',
        targetId: String(inserted.id),
        details: { date: input.date, kind: input.kind, reason: input.reason },
      },
      ctx.now(),
    );
    return inserted;
  });
  caches.delete(ctx.db);
  return toStoredChange(row);
}

/** DELETE /api/calendar/local-changes/:id */
export async function deleteLocalChange(
  ctx: ServiceContext,
  access: AccessContext,
  id: number,
): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const row = await store.deleteLocalChange(tx, id);
    if (!row) throw notFound('thay đổi lịch', 'LOCAL_CHANGE_NOT_FOUND');
    await recordAudit(
      tx,
      access.actor,
      {
        action: 'calendar.local-change.delete',
        targetType: 'calendar-local-change',
        targetId: String(row.id),
        details: { date: row.date, kind: row.kind, reason: row.reason },
      },
      ctx.now(),
    );
  });
  caches.delete(ctx.db);
}

function dateTaken(date: string): AppError {
  return conflict(
    'LOCAL_CHANGE_DATE_TAKEN',
    `Ngày ${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)} đã có một thay đổi lịch địa phương`,
    {
      path: ['date'],
    },
  );
}
