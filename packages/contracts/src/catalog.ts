import { CalendarError } from '@motcua/domain/calendar/calendar-error';
import { type ProcessingTimeUnit, validateProcessingTime } from '@motcua/domain/calendar/due-date';
import { z } from 'zod';
import { processingTimeUnits } from './calendar';
import { localDate, optionalText, text, uuid } from './primitives';
import { staffRoleSchema } from './session';

/**
 * The procedure catalogue's HTTP API (issue 7). A procedure (thủ tục hành chính) has versions; each
 * version holds one validated document (`procedureContent`) and goes through the publication
 * lifecycle. Public routes show only the published version in force; admin routes need `catalog.edit`
 * (procedure-control officers) or `catalog.review` (the Department of Justice reviewer) in the scope
 * of the agency that owns the procedure.
 */

// ── primitives ─────────────────────────────────────────────────────────

/** National catalogue code `d.dddddd` (e.g. `1.001193`, `2.000635`). */
export const nationalCodeSchema = z
  .string()
  .trim()
  .regex(/^\d\.\d{6}$/, 'Mã TTHC quốc gia phải có dạng 1.001193');

export const procedureLevels = ['province', 'district', 'commune'] as const;
export const procedureLevelSchema = z.enum(procedureLevels, {
  error: (iss) => `Cấp thực hiện không hợp lệ: "${String(iss.input)}" (province, district, commune)`,
});
export type ProcedureLevel = z.infer<typeof procedureLevelSchema>;
export const procedureLevelLabels: Record<ProcedureLevel, string> = {
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};

export const subjectKinds = ['citizen', 'organisation'] as const;
export const subjectKindSchema = z.enum(subjectKinds, {
  error: (iss) => `Đối tượng thực hiện không hợp lệ: "${String(iss.input)}" (citizen, organisation)`,
});
export type SubjectKind = z.infer<typeof subjectKindSchema>;
export const subjectKindLabels: Record<SubjectKind, string> = {
  citizen: 'Công dân Việt Nam',
  organisation: 'Tổ chức',
};

export const channelKinds = ['in-person', 'online', 'postal'] as const;
export const channelKindSchema = z.enum(channelKinds, {
  error: (iss) => `Cách thức thực hiện không hợp lệ: "${String(iss.input)}" (in-person, online, postal)`,
});
export type ChannelKind = z.infer<typeof channelKindSchema>;
export const channelKindLabels: Record<ChannelKind, string> = {
  'in-person': 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Dịch vụ bưu chính',
};
/** The numbers the national portal uses for channels (KenhThucHien). */
export const channelNumbers: Record<ChannelKind, 1 | 2 | 3> = { 'in-person': 1, online: 2, postal: 3 };

export const onlineLevels = ['full', 'partial'] as const;
export const onlineLevelSchema = z.enum(onlineLevels, {
  error: (iss) => `Mức độ dịch vụ công trực tuyến không hợp lệ: "${String(iss.input)}" (full, partial)`,
});
export type OnlineLevel = z.infer<typeof onlineLevelSchema>;
export const onlineLevelLabels: Record<OnlineLevel, string> = {
  full: 'Toàn trình',
  partial: 'Một phần',
};

/**
 * The document's schemas, built twice: for input (text normalised to NFC and trimmed, by transforms)
 * and for responses (plain strings: a response schema must not transform).
 */
function contentSchemas(
  text: (max: number) => z.ZodType<string, string>,
  optionalText: (max: number) => z.ZodType<string | null | undefined, string | null | undefined>,
) {
  /**
   * A legal processing time. The unit must be one the calendar engine knows; the value follows the
   * engine's rules (`validateProcessingTime`: ≥ 0, working days in halves, calendar days and months whole).
   */
  const processingTime = z
    .object({
      value: z.number({ error: 'Thời hạn phải là một số' }),
      unit: z.enum(processingTimeUnits, {
        error: (iss) =>
          `Đơn vị thời hạn không hợp lệ: "${String(iss.input)}" (working-hours, working-days, days, months)`,
      }),
      note: optionalText(2000),
    })
    .superRefine((v, ctx) => {
      try {
        validateProcessingTime({ value: v.value, unit: v.unit });
      } catch (error) {
        if (!(error instanceof CalendarError)) throw error;
        ctx.addIssue({ code: 'custom', path: ['value'], message: error.message });
      }
    });

  /** A fee or charge: an integer amount in VND (≥ 0), or `null` with a description when it varies. */
  const fee = z
    .object({
      name: text(300),
      amountVnd: z
        .number({ error: 'Số tiền phải là một số' })
        .int('Số tiền phải là số nguyên (đồng)')
        .min(0, 'Số tiền không được âm')
        .max(1_000_000_000_000, 'Số tiền quá lớn')
        .nullable(),
      description: optionalText(2000),
    })
    .refine((f) => f.amountVnd !== null || (f.description ?? null) !== null, {
      message: 'Phí, lệ phí không có số tiền cố định thì phải có mô tả',
      path: ['description'],
    });

  const channelSpec = z.object({
    channel: channelKindSchema,
    /** `null` when the legal text states no limit (e.g. chứng thực "trong ngày"): shown as "not stated". */
    processingTime: processingTime.nullable(),
    fees: z.array(fee).max(30),
  });

  const dossierComponent = z.object({
    name: text(2000),
    originals: z.number().int().min(0).max(100),
    copies: z.number().int().min(0).max(100),
    /** `true`: always required; `false`: conditional (only in the case its name describes). */
    required: z.boolean(),
    /** Name or file reference of the form template (mẫu đơn, tờ khai), if any. */
    formTemplate: optionalText(1000),
    /** Must be digitised at intake (Decree 45/2020, 766 group 5). */
    mustDigitise: z.boolean().default(false),
    /** Can be taken from the applicant's personal data store instead of being uploaded. */
    fromDataStore: z.boolean().default(false),
  });

  const procedureResult = z.object({
    name: text(1000),
    /** `null`: the source does not say. */
    electronic: z.boolean().nullable(),
  });

  const legalBasis = z.object({
    number: text(100),
    title: text(1000),
    effectiveDate: localDate.nullable().default(null),
  });

  /**
   * The document stored with each procedure version, shaped like the national catalogue's record.
   * Implementing agencies are agencies of the org tree (ids); `agencyDescription` keeps the catalogue's
   * wording ("UBND cấp xã").
   */
  const content = z.object({
    nationalCode: nationalCodeSchema,
    name: text(1000),
    fieldCode: text(40),
    levels: z.array(procedureLevelSchema).min(1, 'Cần ít nhất một cấp thực hiện').max(3),
    subjects: z.array(subjectKindSchema).min(1, 'Cần ít nhất một đối tượng thực hiện').max(2),
    implementingAgencyIds: z.array(uuid).min(1, 'Cần ít nhất một cơ quan thực hiện').max(500),
    agencyDescription: optionalText(1000),
    channels: z.array(channelSpec).min(1, 'Cần ít nhất một cách thức thực hiện').max(3),
    steps: z.array(text(5000)).max(50),
    components: z.array(dossierComponent).max(100),
    results: z.array(procedureResult).max(30),
    legalBasis: z.array(legalBasis).max(100),
    requirements: optionalText(10000),
    onlineLevel: onlineLevelSchema.nullable(),
    resultImmediately: z.boolean(),
    /**
     * The date from which this version's legal basis applies (for the 766 "announced on time" check).
     * `null`: the latest effective date among `legalBasis`.
     */
    legalEffectiveDate: localDate.nullable().default(null),
    /** The ministry's decision that announced the procedure nationally (e.g. `163/QĐ-BTP`). */
    nationalDecision: optionalText(200),
    /** Where each fact comes from (URL of the national record, provincial portal…). */
    source: optionalText(2000),
    note: optionalText(5000),
  });
  return { processingTime, fee, channelSpec, dossierComponent, procedureResult, legalBasis, content };
}

const input = contentSchemas(text, optionalText);
const output = contentSchemas(
  () => z.string(),
  () => z.string().nullable().optional(),
);

export const processingTimeSchema = input.processingTime;
export type ProcessingTimeSpec = z.infer<typeof processingTimeSchema>;
export const feeSchema = input.fee;
export type Fee = z.infer<typeof feeSchema>;
export const channelSpecSchema = input.channelSpec;
export type ChannelSpec = z.infer<typeof channelSpecSchema>;
export const dossierComponentSchema = input.dossierComponent;
export type DossierComponent = z.infer<typeof dossierComponentSchema>;
export const procedureResultSchema = input.procedureResult;
export const legalBasisSchema = input.legalBasis;
export type LegalBasis = z.infer<typeof legalBasisSchema>;
/** The procedure document, as sent (PUT/POST bodies, import). */
export const procedureContentSchema = input.content;
export type ProcedureContent = z.infer<typeof procedureContentSchema>;
export type ProcedureContentInput = z.input<typeof procedureContentSchema>;
/** The same document in responses. */
export const procedureContentViewSchema = output.content;

// ── fields (lĩnh vực) ──────────────────────────────────────────────────

/**
 * `national: false` marks a local code (`L.…`) given to a field whose national code (`G..-..`) is not
 * known yet; replace it when the national code is found.
 */
export const procedureFieldSchema = z.object({ code: z.string(), name: z.string(), national: z.boolean() });
export type ProcedureField = z.infer<typeof procedureFieldSchema>;
export const procedureFieldListSchema = z.object({ fields: z.array(procedureFieldSchema) });
/** POST /api/catalog/fields (catalog.edit) */
export const createProcedureFieldSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9.\-_]{0,39}$/, 'Mã lĩnh vực 1–40 ký tự: chữ, số, dấu chấm, gạch'),
  name: text(300),
  national: z.boolean().default(true),
});

// ── lifecycle ──────────────────────────────────────────────────────────

export const versionStatuses = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'announced',
  'published',
  'superseded',
  'abolished',
] as const;
export const versionStatusSchema = z.enum(versionStatuses);
export type VersionStatus = z.infer<typeof versionStatusSchema>;
export const versionStatusLabels: Record<VersionStatus, string> = {
  draft: 'Dự thảo',
  submitted: 'Chờ kiểm soát chất lượng',
  returned: 'Bị trả lại',
  approved: 'Đã được duyệt',
  announced: 'Đã công bố',
  published: 'Đã công khai',
  superseded: 'Đã được thay thế',
  abolished: 'Đã bãi bỏ',
};

/** The 766 group-1 checks (DOMAIN.md §4): `null` = not applicable yet (never a silent false). */
export const transparencyChecksSchema = z.object({
  announcedOnTime: z.boolean().nullable(),
  publishedOnTime: z.boolean().nullable(),
  deadlines: z.object({
    legalEffectiveDate: z.string().nullable(),
    /** Latest decision date: the legal basis effective date − 5 working days (provinces). */
    announceBy: z.string().nullable(),
    decisionDate: z.string().nullable(),
    /** Latest publication date: the decision date + 5 working days (provinces). */
    publishBy: z.string().nullable(),
    publishedAt: z.string().nullable(),
  }),
  /** Why a check is `null` (Vietnamese, for the admin screen). */
  notes: z.array(z.string()),
  /** `local-changes`: the province's working calendar incl. its local changes. */
  calendar: z.literal('local-changes'),
});
export type TransparencyChecks = z.infer<typeof transparencyChecksSchema>;

export const versionSummarySchema = z.object({
  id: z.string(),
  procedureId: z.string(),
  number: z.number().int(),
  status: versionStatusSchema,
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  returnReason: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** In force over [inForceFrom, inForceTo): instants, ISO 8601 UTC. */
  inForceFrom: z.string().nullable(),
  inForceTo: z.string().nullable(),
  /** The version this one amends. */
  amendsVersionId: z.string().nullable(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

export const procedureVersionSchema = versionSummarySchema.extend({
  content: procedureContentViewSchema,
  localCode: z.string(),
});
export type ProcedureVersion = z.infer<typeof procedureVersionSchema>;

export const procedureStatuses = ['draft', 'in-review', 'published', 'abolished'] as const;

/** A row of the admin list: the procedure and its latest version. */
export const procedureSummarySchema = z.object({
  id: z.string(),
  nationalCode: z.string(),
  localCode: z.string(),
  ownerAgencyId: z.string(),
  name: z.string(),
  fieldCode: z.string(),
  levels: z.array(procedureLevelSchema),
  latestVersion: versionSummarySchema,
  /** The published version in force now, if any. */
  publishedVersionId: z.string().nullable(),
  abolishedAt: z.string().nullable(),
});
export type ProcedureSummary = z.infer<typeof procedureSummarySchema>;

/** GET /api/catalog/admin/procedures */
export const adminProcedureListQuerySchema = z.object({
  q: z.string().max(200).optional(),
  status: versionStatusSchema.optional(),
  ownerAgencyId: uuid.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const adminProcedureListSchema = z.object({
  total: z.number().int(),
  procedures: z.array(procedureSummarySchema),
});

/** GET /api/catalog/admin/procedures/:id */
export const procedureDetailSchema = z.object({
  procedure: procedureSummarySchema,
  versions: z.array(versionSummarySchema),
  latest: procedureVersionSchema,
  /** The 766 checks of the latest announced/published version (or of the latest version). */
  transparency: transparencyChecksSchema,
  /** What the caller may do now (for the editor's buttons). */
  allowedActions: z.array(
    z.enum(['edit', 'submit', 'approve', 'return', 'announce', 'publish', 'amend', 'abolish']),
  ),
});
export type ProcedureDetail = z.infer<typeof procedureDetailSchema>;

/** POST /api/catalog/admin/procedures — creates the procedure and its first (draft) version. */
export const createProcedureSchema = z.object({
  /** The agency whose catalogue this is (e.g. the provincial office); sets the local code. */
  ownerAgencyId: uuid,
  content: procedureContentSchema,
});
export type CreateProcedure = z.infer<typeof createProcedureSchema>;

/** PUT /api/catalog/admin/versions/:id — only drafts and returned versions (else VERSION_PUBLISHED / VERSION_LOCKED). */
export const updateVersionSchema = z.object({ content: procedureContentSchema });

/** POST /api/catalog/admin/versions/:id/return (catalog.review) */
export const returnVersionSchema = z.object({ reason: text(2000) });

/** POST /api/catalog/admin/versions/:id/announce — the province's announcing decision. */
export const announceVersionSchema = z.object({
  decisionNumber: text(100),
  decisionDate: localDate,
});

/**
 * POST /api/catalog/admin/versions/:id/publish — the publication instant is now. `effectiveFrom`
 * (a Vietnam date, default today): from then on this version is in force and the one it amends is
 * superseded.
 */
export const publishVersionSchema = z.object({ effectiveFrom: localDate.optional() });

/** POST /api/catalog/admin/procedures/:id/abolish */
export const abolishProcedureSchema = z.object({
  effectiveDate: localDate,
  decisionNumber: text(100),
  reason: optionalText(2000),
});

export const versionParamsSchema = z.object({ id: z.string().max(64) });
export const procedureParamsSchema = z.object({ id: z.string().max(64) });

// ── workflows (quy trình nội bộ) ───────────────────────────────────────

export const workflowActions = [
  'receive',
  'process',
  'consult',
  'supplement',
  'approve',
  'sign',
  'refuse',
  'forward',
  'return',
] as const;
export const workflowActionSchema = z.enum(workflowActions);
export type WorkflowAction = z.infer<typeof workflowActionSchema>;
export const workflowActionLabels: Record<WorkflowAction, string> = {
  receive: 'Tiếp nhận',
  process: 'Thẩm định, xử lý',
  consult: 'Xin ý kiến',
  supplement: 'Yêu cầu bổ sung',
  approve: 'Phê duyệt',
  sign: 'Ký',
  refuse: 'Từ chối',
  forward: 'Chuyển xử lý',
  return: 'Trả kết quả',
};

const stepKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Mã bước 1–40 ký tự: chữ thường không dấu, số, gạch');

// Response schemas must not transform: step names are checked, not normalised.
const stepName = z.string().min(1, 'Không được để trống').max(300, 'Tối đa 300 ký tự');

/** Working hours allotted to a step, in halves of an hour. */
const allottedHours = z
  .number()
  .min(0, 'Thời gian không được âm')
  .max(10_000)
  .refine((h) => Number.isInteger(h * 2), 'Thời gian tính theo nửa giờ (0,5)');

export const workflowTaskSchema = z.object({
  kind: z.literal('task'),
  key: stepKey,
  name: stepName,
  /** The responsible unit (an agency or one of its offices). */
  unitId: uuid,
  role: staffRoleSchema,
  allottedHours,
  actions: z.array(workflowActionSchema).min(1, 'Cần ít nhất một thao tác').max(9),
});
export type WorkflowTask = z.infer<typeof workflowTaskSchema>;

/** Inter-agency handling (liên thông): branches run in parallel; the step takes the longest branch. */
export const workflowParallelSchema = z.object({
  kind: z.literal('parallel'),
  key: stepKey,
  name: stepName,
  branches: z
    .array(
      z.object({
        agencyId: uuid,
        steps: z.array(workflowTaskSchema).min(1, 'Nhánh cần ít nhất một bước').max(30),
      }),
    )
    .min(1, 'Cần ít nhất một nhánh')
    .max(20),
});

export const workflowStepSchema = z.discriminatedUnion('kind', [workflowTaskSchema, workflowParallelSchema]);
export type WorkflowStep = z.infer<typeof workflowStepSchema>;

export const workflowDefinitionSchema = z.object({
  /** The agency in charge (cơ quan chủ trì); parallel branches belong to other agencies. */
  leadAgencyId: uuid,
  steps: z.array(workflowStepSchema).min(1, 'Quy trình cần ít nhất một bước').max(60),
});
export type WorkflowDefinition = z.infer<typeof workflowDefinitionSchema>;

/** One precise problem of a workflow (422 WORKFLOW_INVALID lists them in `details.issues`). */
export const workflowIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
});
export type WorkflowIssue = z.infer<typeof workflowIssueSchema>;

export const workflowSchema = z.object({
  procedureId: z.string(),
  agencyId: z.string(),
  /** `null` with `generated: true`: no workflow stored yet, this is the default one. */
  version: z.number().int().nullable(),
  generated: z.boolean(),
  definition: workflowDefinitionSchema,
  totals: z.object({
    allottedHours: z.number(),
    /** The legal limit in working hours (the strictest channel), `null` when no channel states one. */
    limitHours: z.number().nullable(),
    /** How the limit was converted: working hours/days exactly; calendar days/months approximated. */
    limitBasis: z.enum(['working-time', 'calendar-approximation', 'none']),
  }),
  createdAt: z.string().nullable(),
  createdBy: z.string().nullable(),
});
export type Workflow = z.infer<typeof workflowSchema>;
export const workflowListSchema = z.object({ workflows: z.array(workflowSchema) });
export const workflowHistorySchema = z.object({ current: workflowSchema, history: z.array(workflowSchema) });

/** PUT /api/catalog/admin/procedures/:id/workflows/:agencyId */
export const replaceWorkflowSchema = z.object({ definition: workflowDefinitionSchema });
export const workflowParamsSchema = z.object({ id: z.string().max(64), agencyId: z.string().max(64) });
/** POST …/workflows/:agencyId/validate — a dry run. */
export const workflowValidationSchema = z.object({
  valid: z.boolean(),
  issues: z.array(workflowIssueSchema),
  totals: workflowSchema.shape.totals,
});

// ── public search and procedure page ───────────────────────────────────

/** GET /api/catalog/search */
export const searchQuerySchema = z.object({
  q: z.string().max(200).default(''),
  field: z.string().max(40).optional(),
  level: procedureLevelSchema.optional(),
  agencyId: uuid.optional(),
  onlineLevel: z.enum(['full', 'partial', 'none']).optional(),
  fee: z.enum(['free', 'paid']).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const searchHitSchema = z.object({
  procedureId: z.string(),
  versionId: z.string(),
  nationalCode: z.string(),
  localCode: z.string(),
  name: z.string(),
  fieldCode: z.string(),
  fieldName: z.string(),
  levels: z.array(procedureLevelSchema),
  onlineLevel: onlineLevelSchema.nullable(),
  hasFee: z.boolean(),
  /** Each channel's legal processing time, in channel order; channels whose text states none are left out. */
  processingTimes: z.array(
    z.object({ channel: channelKindSchema, value: z.number(), unit: z.enum(processingTimeUnits) }),
  ),
  /**
   * What it costs: the distinct fixed amounts above zero (VND, ascending) over all channels, and whether
   * some amount varies (a fee described, not fixed). Neither: free.
   */
  fees: z.object({ amountsVnd: z.array(z.number().int()), varies: z.boolean() }),
  score: z.number(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

const facetCount = <T extends z.ZodType>(value: T) => z.array(z.object({ value, count: z.number().int() }));

export const searchResultSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  hits: z.array(searchHitSchema),
  /** Counts over the query's matches, each ignoring its own filter (so the other choices stay visible). */
  facets: z.object({
    fields: z.array(z.object({ value: z.string(), name: z.string(), count: z.number().int() })),
    levels: facetCount(procedureLevelSchema),
    agencies: facetCount(z.string()),
    onlineLevels: facetCount(z.enum(['full', 'partial', 'none'])),
    fee: facetCount(z.enum(['free', 'paid'])),
  }),
  /** Everyday terms of the query that a synonym expanded (e.g. "sổ đỏ"). */
  synonymsUsed: z.array(z.object({ term: z.string(), expandsTo: z.array(z.string()) })),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

/** GET /api/catalog/procedures/:id — the public page; `:id` is a procedure id or a national code. */
export const publicProcedureSchema = z.object({
  procedureId: z.string(),
  versionId: z.string(),
  localCode: z.string(),
  publishedAt: z.string(),
  inForceFrom: z.string(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  field: procedureFieldSchema,
  content: procedureContentViewSchema,
  /** Where to submit: the implementing agencies in force and their one-stop desks. */
  agencies: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      desks: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          address: z.string().nullable(),
          phone: z.string().nullable(),
        }),
      ),
    }),
  ),
  hasFee: z.boolean(),
  /** Online submission is offered (an `online` channel exists). */
  onlineSubmission: z.boolean(),
});
export type PublicProcedure = z.infer<typeof publicProcedureSchema>;

// ── synonyms ───────────────────────────────────────────────────────────

export const synonymSchema = z.object({
  id: z.string(),
  term: z.string(),
  expandsTo: z.array(z.string()),
  procedureCodes: z.array(z.string()),
  updatedAt: z.string(),
});
export type Synonym = z.infer<typeof synonymSchema>;
export const synonymListSchema = z.object({ synonyms: z.array(synonymSchema) });
/** POST /api/catalog/synonyms, PUT /api/catalog/synonyms/:id (catalog.edit) */
export const synonymInputSchema = z
  .object({
    term: text(200),
    expandsTo: z.array(text(500)).max(20).default([]),
    procedureCodes: z.array(nationalCodeSchema).max(50).default([]),
  })
  .refine((s) => s.expandsTo.length + s.procedureCodes.length > 0, {
    message: 'Cần ít nhất một cụm từ mở rộng hoặc một mã thủ tục',
    path: ['expandsTo'],
  });
export type SynonymInput = z.infer<typeof synonymInputSchema>;

// ── import and export ──────────────────────────────────────────────────

/**
 * POST /api/catalog/admin/imports (catalog.edit) — starts an import job (202). JSON: an array of
 * national catalogue records (Vietnamese field names: MaTTHC, TenTTHC, MaLinhVuc…, see docs/catalog.md);
 * Excel: the workbook produced by the export, base64-encoded. All or nothing: one bad record and
 * nothing is imported; every bad record is reported with its index (JSON) or row (Excel) and reason.
 */
export const startImportSchema = z.discriminatedUnion('format', [
  z.object({ format: z.literal('json'), ownerAgencyId: uuid, records: z.array(z.unknown()).max(5000) }),
  z.object({
    format: z.literal('xlsx'),
    ownerAgencyId: uuid,
    fileBase64: z.string().max(30_000_000),
  }),
]);
export type StartImport = z.infer<typeof startImportSchema>;

export const importRecordErrorSchema = z.object({
  /** 0-based index in the JSON array, or the Excel sheet and 1-based row. */
  index: z.number().int(),
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  nationalCode: z.string().nullable(),
  /** Path inside the record, with the national field names (e.g. ["CachThucThucHien", 0, "PhiLePhi", 0, "SoTien"]). */
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
});
export type ImportRecordError = z.infer<typeof importRecordErrorSchema>;

export const importJobSchema = z.object({
  id: z.string(),
  format: z.enum(['json', 'xlsx']),
  status: z.enum(['validating', 'importing', 'succeeded', 'failed']),
  total: z.number().int(),
  validated: z.number().int(),
  imported: z.number().int(),
  /** Procedures created (new codes) and amended (a new draft version of an existing procedure). */
  created: z.number().int(),
  amended: z.number().int(),
  errors: z.array(importRecordErrorSchema),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;
export const importJobParamsSchema = z.object({ id: z.string().max(64) });

/** GET /api/catalog/admin/exports?format=json|xlsx — the latest version of each procedure in scope. */
export const exportQuerySchema = z.object({
  format: z.enum(['json', 'xlsx']).default('json'),
  ownerAgencyId: uuid.optional(),
  /** `published`: only the published versions in force; `latest`: each procedure's latest version. */
  which: z.enum(['latest', 'published']).default('latest'),
});

export type { ProcessingTimeUnit };
