import type { ProcessingTimeUnit } from '@motcua/domain/calendar/due-date';
import type { LocalChange, ScheduleSource } from '@motcua/domain/calendar/holiday-schedule';
import { z } from 'zod';
import { localDate, text, uuid } from './primitives';

export const processingTimeUnits = [
  'working-hours',
  'working-days',
  'days',
  'months',
] as const satisfies readonly ProcessingTimeUnit[];
export type { ProcessingTimeUnit };

export const processingTimeUnitLabels: Record<ProcessingTimeUnit, string> = {
  'working-hours': 'Giờ làm việc',
  'working-days': 'Ngày làm việc',
  days: 'Ngày',
  months: 'Tháng',
};

export const localChangeKinds = ['day-off', 'working-day'] as const satisfies readonly LocalChange['kind'][];
export const localChangeKindSchema = z.enum(localChangeKinds);

export const localChangeKindLabels: Record<LocalChange['kind'], string> = {
  'day-off': 'Nghỉ thêm',
  'working-day': 'Làm việc bù',
};

const scheduleSourceSchema = z.enum(['official', 'provisional'] as const satisfies readonly ScheduleSource[]);

/** GET /api/calendar/:year */
export const calendarYearParamsSchema = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, 'Năm phải có 4 chữ số')
    .transform((s) => Number(s)),
});

export const calendarYearSchema = z.object({
  year: z.number().int(),
  /** `official`: the Government's notice for the year is shipped; `provisional`: statutory rules only. */
  source: scheduleSourceSchema,
  /** The notices (or statutory articles) the schedule comes from. */
  sources: z.array(z.string()),
  /** Monday–Friday dates that are not working days, sorted YYYY-MM-DD. */
  daysOff: z.array(z.string()),
  /** Saturdays that are working days (make-up days, local changes), sorted. */
  workingSaturdays: z.array(z.string()),
  holidays: z.array(
    z.object({
      date: z.string(),
      name: z.string(),
      kind: z.enum(['holiday', 'compensatory', 'swap', 'local']),
    }),
  ),
  localChanges: z.array(z.object({ date: z.string(), kind: localChangeKindSchema, reason: z.string() })),
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;

/**
 * POST /api/calendar/due — read-only. `unit` and `limit` are checked by the calendar engine (not by the
 * schema) so that a bad value is answered with the engine's own Vietnamese message.
 */
export const dueDateRequestSchema = z.object({
  /** ISO 8601 instant with an offset, e.g. `2026-02-13T10:00:00+07:00` (or a date, read as 00:00 UTC+7). */
  start: z.string().min(1).max(64),
  limit: z.number(),
  unit: z.string().max(40),
  deskId: uuid.optional(),
});
export type DueDateRequest = z.infer<typeof dueDateRequestSchema>;

export const dueDateResultSchema = z.object({
  /** Vietnam time, e.g. `2026-02-25T10:00:00+07:00`. */
  due: z.string(),
  dueEpochMs: z.number(),
  /** `provisional` when any year from the start to the due date has no official schedule yet. */
  calendarYearSource: scheduleSourceSchema,
});
export type DueDateResult = z.infer<typeof dueDateResultSchema>;

/** A province-wide change applied on top of the official or provisional schedule. */
export const localChangeSchema = z.object({
  id: z.number().int(),
  date: z.string(),
  kind: localChangeKindSchema,
  reason: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type StoredLocalChange = z.infer<typeof localChangeSchema>;
export const localChangeListSchema = z.object({ localChanges: z.array(localChangeSchema) });

/** POST /api/calendar/local-changes */
export const createLocalChangeSchema = z.object({
  date: localDate,
  kind: localChangeKindSchema,
  reason: text(500),
});
export type CreateLocalChange = z.infer<typeof createLocalChangeSchema>;

/** DELETE /api/calendar/local-changes/:id */
export const localChangeParamsSchema = z.object({
  id: z
    .string()
    .regex(/^\d{1,15}$/, 'Mã thay đổi không hợp lệ')
    .transform((s) => Number(s)),
});
