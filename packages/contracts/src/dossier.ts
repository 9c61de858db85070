import { z } from 'zod';
import { email, optionalText, phone, text, uuid } from './primitives';

/** Instants on the wire: ISO 8601 with an offset (e.g. `2026-02-25T10:00:00+07:00` or `…Z`). */
const instant = z.iso.datetime({
  offset: true,
  error: 'Thời điểm phải có dạng ISO 8601 (ví dụ 2026-02-25T10:00:00+07:00)',
});

export const applicantSchema = z.object({
  kind: z.enum(['citizen', 'organisation'], { error: 'Loại chủ hồ sơ là công dân hoặc tổ chức' }),
  name: text(300),
  idNumber: optionalText(30),
  address: optionalText(500),
  phone: phone.nullable().optional(),
  email: email.nullable().optional(),
});
export type ApplicantInput = z.infer<typeof applicantSchema>;

export const submittedComponentSchema = z.object({
  name: text(2000),
  originals: z.number().int().min(0).max(100).default(0),
  copies: z.number().int().min(0).max(100).default(0),
  digitised: z.boolean().default(false),
  fromDataStore: z.boolean().default(false),
  fileIds: z.array(uuid).max(20).default([]),
});

const supplementItem = z.object({ name: text(2000), reason: text(2000) });
const resultDocument = z.object({
  name: text(1000),
  fileId: uuid.nullable().default(null),
  electronic: z.boolean().default(false),
  number: optionalText(100),
});

export const intakeDecisionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('accept') }),
  z.object({
    type: z.literal('supplement'),
    items: z.array(supplementItem).min(1, 'Cần nêu ít nhất một giấy tờ phải bổ sung').max(50),
    guidance: text(2000),
  }),
  z.object({
    type: z.literal('refuse'),
    reasons: z.array(text(2000)).min(1, 'Cần nêu lý do từ chối').max(20),
  }),
]);

/** How the applicant wants the result: at the desk, by post to an address, or online. */
export const resultDeliverySchema = z.discriminatedUnion(
  'method',
  [
    z.object({ method: z.literal('desk') }),
    z.object({ method: z.literal('postal'), address: text(500) }),
    z.object({ method: z.literal('online') }),
  ],
  { error: 'Cách nhận kết quả là tại bộ phận một cửa, qua bưu chính (kèm địa chỉ) hoặc trực tuyến' },
);
export type ResultDeliveryInput = z.infer<typeof resultDeliverySchema>;

/** POST /api/dossiers — a dossier received at a desk (in person) or by post. */
export const receiveDossierSchema = z.object({
  deskId: uuid,
  /** Procedure id, or its national code (`1.001193`). */
  procedure: text(64),
  channel: z.enum(['in-person', 'postal'], { error: 'Kênh tiếp nhận là trực tiếp hoặc bưu chính' }),
  applicant: applicantSchema,
  components: z.array(submittedComponentSchema).max(100),
  sets: z.number().int().min(1).max(50).default(1),
  summary: optionalText(2000),
  /** Default: by post to the applicant's address for a postal dossier, at the desk otherwise. */
  delivery: resultDeliverySchema.optional(),
  /** What the desk decides on the spot; without it the dossier waits for the desk's check. */
  decision: intakeDecisionSchema.optional(),
});
export type ReceiveDossierInput = z.infer<typeof receiveDossierSchema>;

/** POST /api/portal/dossiers — a citizen's online submission (requires an Idempotency-Key header). */
export const submitDossierSchema = z.object({
  procedure: text(64),
  /** The implementing agency the citizen applies to (one of the procedure's). */
  agencyId: uuid,
  applicant: applicantSchema.partial({ kind: true, name: true }).optional(),
  components: z.array(submittedComponentSchema).max(100),
  summary: optionalText(2000),
  /** Default: online. */
  delivery: resultDeliverySchema.optional(),
});
export type SubmitDossierInput = z.infer<typeof submitDossierSchema>;

const participant = z.object({ agencyId: uuid, duty: text(2000), dueAt: instant });

/** POST /api/dossiers/:id/commands — every other action, with the version the caller saw. */
export const dossierCommandSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('requestIntakeSupplement'),
    items: z.array(supplementItem).min(1).max(50),
    guidance: text(2000),
  }),
  z.object({
    type: z.literal('receiveIntakeSupplement'),
    components: z.array(submittedComponentSchema).min(1).max(100),
  }),
  z.object({ type: z.literal('refuseAtIntake'), reasons: z.array(text(2000)).min(1).max(20) }),
  z.object({ type: z.literal('accept') }),
  z.object({ type: z.literal('assignHandler'), userId: uuid }),
  z.object({ type: z.literal('forward'), toUserId: uuid.nullable().default(null), note: optionalText(2000) }),
  z.object({ type: z.literal('sendBack'), reason: text(2000) }),
  z.object({
    type: z.literal('requestSupplement'),
    items: z.array(supplementItem).min(1).max(50),
    guidance: text(2000),
  }),
  z.object({
    type: z.literal('receiveSupplement'),
    components: z.array(submittedComponentSchema).min(1).max(100),
  }),
  z.object({ type: z.literal('startConsultation'), agencyId: uuid, question: text(5000), dueAt: instant }),
  z.object({ type: z.literal('answerConsultation'), consultationId: uuid, answer: text(5000) }),
  z.object({
    type: z.literal('sendToAgencies'),
    mode: z.enum(['parallel', 'sequential']),
    participants: z.array(participant).min(1).max(20),
  }),
  z.object({
    type: z.literal('recordAgencyResult'),
    agencyId: uuid,
    outcome: z.enum(['done', 'refused']),
    note: z.string().max(5000).default(''),
    documents: z.array(resultDocument).max(20).default([]),
  }),
  z.object({ type: z.literal('propose'), outcome: z.enum(['grant', 'refuse']), summary: text(5000) }),
  z.object({ type: z.literal('approve'), note: optionalText(2000) }),
  z.object({ type: z.literal('issueResult'), documents: z.array(resultDocument).min(1).max(20) }),
  z.object({ type: z.literal('refuseAfterAppraisal'), reasons: z.array(text(2000)).min(1).max(20) }),
  z.object({ type: z.literal('notifyEarlyReturn'), message: text(2000) }),
  z.object({ type: z.literal('apologise'), agencyId: uuid, reason: text(2000), appointmentAt: instant }),
  z.object({
    type: z.literal('requestPayment'),
    items: z
      .array(z.object({ name: text(300), amountVnd: z.number().int().positive() }))
      .min(1)
      .max(30),
  }),
  z.object({
    type: z.literal('recordPayment'),
    amountVnd: z.number().int().positive(),
    method: z.enum(['online', 'desk', 'transfer', 'postal']),
    reference: optionalText(200),
  }),
  z.object({
    type: z.literal('returnResult'),
    method: z.enum(['desk', 'postal', 'online']),
    trackingNumber: optionalText(100),
    collectedBy: optionalText(300),
  }),
  z.object({ type: z.literal('withdraw'), reason: text(2000) }),
  z.object({ type: z.literal('stop'), reason: text(2000) }),
]);
export type DossierCommandInput = z.infer<typeof dossierCommandSchema>;

export const dossierCommandRequestSchema = z.object({
  /** The dossier version the caller acted on (optimistic concurrency): a stale one answers 409. */
  version: z.number().int().min(1),
  command: dossierCommandSchema,
});

export const dossierParamsSchema = z.object({ id: uuid });
export const dossierCodeParamsSchema = z.object({ code: z.string().min(10).max(40) });

const nullableInstant = z.string().nullable();

/** What anyone may see without logging in: code, procedure, status and dates only. */
export const publicDossierSchema = z.object({
  code: z.string(),
  procedureName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  nationalStatus: z.number().int(),
  receivedAt: z.string(),
  appointmentAt: nullableInstant,
  finishedAt: nullableInstant,
  returnedAt: nullableInstant,
});
export type PublicDossier = z.infer<typeof publicDossierSchema>;

export const dossierSummarySchema = publicDossierSchema.extend({
  id: z.string(),
  receivingAgencyId: z.string(),
  channel: z.enum(['in-person', 'online', 'postal']),
  applicantName: z.string(),
  version: z.number().int(),
  stepKey: z.string().nullable(),
  stepDueAt: nullableInstant,
  assigneeUserId: z.string().nullable(),
  liveStatus: z.string().nullable(),
});
export type DossierSummary = z.infer<typeof dossierSummarySchema>;

/** Work queues of the back office (issue 5): each a filter over the dossiers in the caller's scope. */
export const dossierQueues = [
  'mine',
  'unit',
  'unassigned',
  'due-soon',
  'late',
  'supplement',
  'consultation',
  'inter-agency',
  'online-inbox',
] as const;
export type DossierQueue = (typeof dossierQueues)[number];

export const dossierQueueCountsSchema = z.object({
  queues: z.record(z.enum(dossierQueues), z.number().int()),
});

export const dossierListQuerySchema = z.object({
  queue: z.enum(dossierQueues).optional(),
  status: z.string().max(40).optional(),
  liveStatus: z.enum(['on-track', 'due-soon', 'late', 'paused', 'no-deadline']).optional(),
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const dossierListSchema = z.object({
  dossiers: z.array(dossierSummarySchema),
  total: z.number().int(),
});

/** The whole dossier for its applicant and for staff in scope: state, clocks and history. */
export const dossierDetailSchema = z.object({
  summary: dossierSummarySchema,
  state: z.record(z.string(), z.unknown()),
  progress: z.record(z.string(), z.unknown()),
  progress766: z.record(z.string(), z.unknown()).nullable(),
  events: z.array(z.record(z.string(), z.unknown())),
  /** The command types this caller may run now (a screen shows only these; the server checks again). */
  allowedCommands: z.array(z.string()),
});
export type DossierDetail = z.infer<typeof dossierDetailSchema>;

export const dossierFormParamsSchema = z.object({
  id: uuid,
  form: z.enum(['receipt', 'supplement-request', 'refusal', 'apology', 'control-sheet']),
});

export const trackingBookQuerySchema = z.object({
  deskId: uuid,
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  format: z.enum(['pdf', 'xlsx']).default('pdf'),
});

export const applicantLookupQuerySchema = z.object({ q: z.string().trim().min(6).max(30) });
export const applicantLookupSchema = z.object({
  applicants: z.array(
    z.object({
      kind: z.enum(['citizen', 'organisation']),
      name: z.string(),
      idNumber: z.string().nullable(),
      address: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
  ),
});

export const assigneeListSchema = z.object({
  staff: z.array(z.object({ id: z.string(), fullName: z.string() })),
});
