import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { LocalChange } from '@motcua/domain/calendar/holiday-schedule';
import type { WorkingCalendar } from '@motcua/domain/calendar/working-calendar';
import { type ServiceContext, vietnamDate } from '../../platform/access-context';
import { AppError } from '../../platform/app-error';
import { type Database, openDatabase } from '../../platform/database';
import { unavailableJobQueue } from '../../platform/job-queue';
import { getDesk, listAgencies, listDesks } from '../org/agency-service';
import {
  buildWorkingCalendar,
  currentLocalChanges,
  dueDateOn,
  workingCalendar,
  yearWithChanges,
} from './calendar-service';

/**
 * `motcua calendar due|year`. Works without any database (a fresh checkout): it then uses the shipped
 * schedules only. The province's local changes are read when a database is configured: DATABASE_URL is
 * set, or DATA_DIR (default ./data) holds a PGlite database. A configured database that cannot be read
 * (down, not migrated yet) gives a warning on stderr and the shipped schedules. `--desk` needs the
 * database (office hours are the org module's data). Stdout carries only the answer, for scripts.
 */
export const calendarHelp = `Cách dùng / usage:
  motcua calendar due --start <ISO 8601> --limit <số / number> --unit <working-hours|working-days|days|months> [--desk <mã đơn vị / agency code | desk id>]
      hạn xử lý / the due instant, e.g. 2026-02-25T10:00:00+07:00
  motcua calendar year <năm / year> [--json]
      ngày nghỉ và thứ Bảy làm việc của năm / the year's days off and working Saturdays

Thay đổi lịch địa phương được đọc từ CSDL khi có DATABASE_URL hoặc DATA_DIR/pglite; nếu không, chỉ dùng lịch
ban hành sẵn / local changes are read from the database when DATABASE_URL or DATA_DIR/pglite exists;
otherwise the shipped schedules are used.`;

const UNITS = ['working-hours', 'working-days', 'days', 'months'];

class UsageError extends Error {
  constructor(vi: string, en: string) {
    super(`${vi} / ${en}`);
  }
}

interface Output {
  out(line: string): void;
  err(line: string): void;
}

const console_: Output = { out: (l) => console.log(l), err: (l) => console.error(l) };

export async function runCalendarCommand(args: string[], io: Output = console_): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
      io.out(calendarHelp);
      return sub === undefined ? 2 : 0;
    }
    if (sub === 'due') return await due(rest, io);
    if (sub === 'year') return await year(rest, io);
    throw new UsageError(`lệnh lịch không tồn tại: ${sub}`, `unknown calendar command: ${sub}`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return 2;
    }
    if (error instanceof AppError) {
      const en = (error.details as { messageEn?: unknown } | undefined)?.messageEn;
      io.err(typeof en === 'string' ? `${error.message} / ${en}` : `${error.message} (${error.code})`);
      return error.status === 422 ? 2 : 1;
    }
    throw error;
  }
}

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(
      'tham số không hợp lệ',
      (error as Error).message.split('\n')[0] ?? 'invalid arguments',
    );
  }
}

async function due(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(args, {
    start: { type: 'string' },
    limit: { type: 'string' },
    unit: { type: 'string' },
    desk: { type: 'string' },
  });
  if (positionals.length > 0)
    throw new UsageError(
      `tham số thừa: ${positionals.join(' ')}`,
      `unexpected argument: ${positionals.join(' ')}`,
    );
  const start = values.start as string | undefined;
  const limitText = values.limit as string | undefined;
  const unit = values.unit as string | undefined;
  const desk = values.desk as string | undefined;
  for (const [name, value] of [
    ['start', start],
    ['limit', limitText],
    ['unit', unit],
  ] as const) {
    if (value === undefined || value === '')
      throw new UsageError(`thiếu tham số --${name}`, `missing --${name}`);
  }
  if (!UNITS.includes(unit!)) {
    throw new UsageError(
      `đơn vị thời hạn không hợp lệ: "${unit}" (working-hours, working-days, days, months)`,
      `unknown unit "${unit}" (expected ${UNITS.join(', ')})`,
    );
  }
  const limit = /^\d+(\.\d+)?$/.test(limitText!) ? Number(limitText) : Number.NaN;
  if (Number.isNaN(limit)) {
    throw new UsageError(
      `thời hạn phải là số không âm: "${limitText}"`,
      `the limit must be a non-negative number: "${limitText}"`,
    );
  }
  const input = { start: start!, limit, unit: unit! };

  const result = await withOptionalDatabase(io, desk !== undefined, async (ctx) => {
    let calendar: WorkingCalendar;
    if (ctx === null) calendar = buildWorkingCalendar([]);
    else calendar = await workingCalendar(ctx, desk === undefined ? undefined : await resolveDesk(ctx, desk));
    return dueDateOn(calendar, input);
  });
  io.out(result.due);
  return 0;
}

async function year(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  const [yearText, ...extra] = positionals;
  if (yearText === undefined) throw new UsageError('thiếu năm', 'missing year');
  if (extra.length > 0)
    throw new UsageError(`tham số thừa: ${extra.join(' ')}`, `unexpected argument: ${extra.join(' ')}`);
  if (!/^\d{4}$/.test(yearText))
    throw new UsageError(`năm không hợp lệ: "${yearText}"`, `invalid year: "${yearText}"`);
  const changes = await withOptionalDatabase(io, false, async (ctx) =>
    ctx === null ? ([] as readonly LocalChange[]) : currentLocalChanges(ctx),
  );
  const view = yearWithChanges(Number(yearText), changes);
  if (values.json === true) {
    io.out(
      JSON.stringify({
        year: view.year,
        source: view.source,
        daysOff: view.daysOff,
        workingSaturdays: view.workingSaturdays,
      }),
    );
    return 0;
  }
  const source = view.source === 'official' ? 'chính thức / official' : 'tạm tính / provisional';
  io.out(`Năm / year ${view.year}: lịch ${source} (${view.sources.join('; ')})`);
  io.out(`Ngày nghỉ / days off (${view.daysOff.length}): ${view.daysOff.join(', ')}`);
  io.out(
    `Thứ Bảy làm việc / working Saturdays (${view.workingSaturdays.length}): ${view.workingSaturdays.join(', ') || '—'}`,
  );
  for (const change of view.localChanges)
    io.out(`Thay đổi địa phương / local change: ${change.date} ${change.kind} — ${change.reason}`);
  return 0;
}

/** A desk by id, or the one desk in force today of the agency with that code. */
async function resolveDesk(ctx: ServiceContext, reference: string): Promise<string> {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(reference))
    return (await getDesk(ctx, reference)).id;
  const code = reference.trim().toUpperCase();
  const agency = (await listAgencies(ctx, {})).find((a) => a.code === code);
  if (!agency) throw new UsageError(`không tìm thấy đơn vị mã ${code}`, `no agency with code ${code}`);
  const desks = await listDesks(ctx, { agencyId: agency.id, activeOn: vietnamDate(ctx.now()) });
  if (desks.length !== 1) {
    throw new UsageError(
      `đơn vị ${code} có ${desks.length} bộ phận một cửa: hãy dùng mã (id) bộ phận`,
      `agency ${code} has ${desks.length} desks: give the desk id`,
    );
  }
  return desks[0]!.id;
}

/** Where the configured database is, without creating anything (loadConfig would create DATA_DIR). */
function configuredDatabase(): { databaseUrl: string | null; dataDir: string } | null {
  const databaseUrl = process.env.DATABASE_URL?.trim() || null;
  const dataDir = resolve(process.env.DATA_DIR?.trim() || './data');
  if (databaseUrl !== null) return { databaseUrl, dataDir };
  return existsSync(join(dataDir, 'pglite', 'PG_VERSION')) ? { databaseUrl: null, dataDir } : null;
}

async function withOptionalDatabase<T>(
  io: Output,
  required: boolean,
  fn: (ctx: ServiceContext | null) => Promise<T>,
): Promise<T> {
  const where = configuredDatabase();
  if (where === null) {
    if (required) {
      throw new UsageError(
        '--desk cần cơ sở dữ liệu (DATABASE_URL hoặc DATA_DIR)',
        '--desk needs the database (DATABASE_URL or DATA_DIR)',
      );
    }
    return fn(null);
  }
  let database: Database | null = null;
  let ctx: ServiceContext | null = null;
  try {
    database = await openDatabase({ ...where, poolSize: 1 });
    ctx = { db: database.db, now: () => new Date(), jobs: unavailableJobQueue('motcua calendar') };
    await currentLocalChanges(ctx);
  } catch (error) {
    if (required) {
      await database?.close().catch(() => undefined);
      throw error;
    }
    const reason = (error as Error).message.split('\n')[0];
    io.err(
      `Cảnh báo: không đọc được thay đổi lịch địa phương, dùng lịch ban hành sẵn / warning: could not read local changes, using the shipped schedules (${reason})`,
    );
    await database?.close().catch(() => undefined);
    return fn(null);
  }
  try {
    return await fn(ctx);
  } finally {
    await database.close();
  }
}
