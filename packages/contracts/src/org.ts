import { z } from 'zod';
import { localDate, optionalText, text, uuid } from './primitives';

export const agencyKinds = [
  'province',
  'provincial-office',
  'service-centre',
  'department',
  'district',
  'commune',
  'office',
  'ministry',
  'other',
] as const;
export const agencyKindSchema = z.enum(agencyKinds);
export type AgencyKind = z.infer<typeof agencyKindSchema>;

export const agencyKindLabels: Record<AgencyKind, string> = {
  province: 'UBND tỉnh',
  'provincial-office': 'Văn phòng UBND tỉnh',
  'service-centre': 'Trung tâm Phục vụ hành chính công',
  department: 'Sở, ban, ngành',
  district: 'UBND cấp huyện',
  commune: 'UBND cấp xã',
  office: 'Phòng, đơn vị trực thuộc',
  ministry: 'Bộ, ngành trung ương',
  other: 'Khác',
};

export const agencyCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/, 'Mã định danh phải có dạng 000.00.00.H41');

export const agencySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: agencyKindSchema,
  parentId: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  successorId: z.string().nullable(),
});
export type Agency = z.infer<typeof agencySchema>;

export const agencyDetailSchema = agencySchema.extend({
  names: z.array(z.object({ name: z.string(), validFrom: z.string() })),
  predecessors: z.array(
    z.object({ id: z.string(), code: z.string(), name: z.string(), mergedOn: z.string() }),
  ),
});
export type AgencyDetail = z.infer<typeof agencyDetailSchema>;

/** GET /api/org/agencies?asOf=YYYY-MM-DD&includeEnded=true */
export const agencyListQuerySchema = z.object({
  asOf: localDate.optional(),
  includeEnded: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const agencyListSchema = z.object({ agencies: z.array(agencySchema) });

/** POST /api/org/agencies */
export const createAgencySchema = z.object({
  code: agencyCodeSchema,
  name: text(300),
  kind: agencyKindSchema,
  parentId: z.string().nullable(),
  validFrom: localDate,
});
export type CreateAgency = z.infer<typeof createAgencySchema>;

/** PATCH /api/org/agencies/:id — change kind or move under another parent (no cycles). */
export const updateAgencySchema = z
  .object({ kind: agencyKindSchema.optional(), parentId: z.string().nullable().optional() })
  .refine((v) => Object.keys(v).length > 0, 'Không có thay đổi nào');

/** POST /api/org/agencies/:id/renames — a new name from an effective date; history keeps the old one. */
export const renameAgencySchema = z.object({ name: text(300), effectiveDate: localDate });

/** POST /api/org/agencies/:id/dissolve — ends an agency with no active children or desks. */
export const dissolveAgencySchema = z.object({ effectiveDate: localDate });

/** POST /api/org/mergers — sources end the day before effectiveDate; the new agency starts on it. */
export const mergeAgenciesSchema = z.object({
  sourceIds: z.array(z.string()).min(2, 'Cần ít nhất 2 đơn vị để sáp nhập').max(20),
  target: createAgencySchema.omit({ validFrom: true }),
  effectiveDate: localDate,
});
export type MergeAgencies = z.infer<typeof mergeAgenciesSchema>;

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:mm');
export const officeHoursSchema = z
  .object({
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7), // ISO: 1 = Monday … 7 = Sunday
    sessions: z
      .array(z.object({ start: clock, end: clock }))
      .min(1)
      .max(4),
  })
  .superRefine((v, ctx) => {
    let previousEnd = '';
    v.sessions.forEach((s, i) => {
      if (s.start >= s.end)
        ctx.addIssue({
          code: 'custom',
          path: ['sessions', i],
          message: 'Giờ bắt đầu phải trước giờ kết thúc',
        });
      if (s.start < previousEnd)
        ctx.addIssue({
          code: 'custom',
          path: ['sessions', i],
          message: 'Các ca làm việc không được chồng lấn',
        });
      previousEnd = s.end;
    });
  });
export type OfficeHours = z.infer<typeof officeHoursSchema>;
export const defaultOfficeHours: OfficeHours = {
  weekdays: [1, 2, 3, 4, 5],
  sessions: [
    { start: '07:30', end: '11:30' },
    { start: '13:00', end: '17:00' },
  ],
};

export const deskSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  officeHours: officeHoursSchema,
  /** Agencies whose procedures the desk receives besides its own agency's subtree. */
  servesAgencyIds: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type Desk = z.infer<typeof deskSchema>;
export const deskListSchema = z.object({ desks: z.array(deskSchema) });

/** POST /api/org/desks */
export const createDeskSchema = z.object({
  agencyId: z.string(),
  name: text(300),
  address: optionalText(500),
  phone: optionalText(50),
  officeHours: officeHoursSchema.optional(),
  servesAgencyIds: z.array(uuid).max(200).optional(),
  validFrom: localDate,
});
/** PATCH /api/org/desks/:id */
export const updateDeskSchema = z
  .object({
    name: text(300).optional(),
    address: optionalText(500),
    phone: optionalText(50),
    officeHours: officeHoursSchema.optional(),
    servesAgencyIds: z.array(uuid).max(200).optional(),
    validTo: localDate.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Không có thay đổi nào');
