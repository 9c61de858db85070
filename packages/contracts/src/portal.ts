/**
 * The citizens' portal's own API: drafts of online submissions (saved as the citizen types, resumable on
 * another device) and the applicant's rating of a finished dossier (Circular 01/2018 Art. 13–15).
 */
import { z } from 'zod';
import { optionalText, uuid } from './primitives';

// ── drafts ─────────────────────────────────────────────────────────────

/** A file already uploaded (`POST /api/files`) and attached to a component in the draft. */
export const draftFileSchema = z.object({
  id: uuid,
  name: z.string().max(300),
  mediaType: z.string().max(100),
  size: z.number().int().min(0),
});
export type DraftFile = z.infer<typeof draftFileSchema>;

export const deliveryMethods = ['online', 'postal', 'desk'] as const;
export type DeliveryMethod = (typeof deliveryMethods)[number];

const draftText = (max: number) => z.string().max(max, `Tối đa ${max} ký tự`);

/**
 * What the wizard has so far. A draft is unfinished by nature, so fields are only bounded here; the
 * submission itself is checked by the dossier contract when it is sent.
 */
export const submissionDraftContentSchema = z.object({
  /** The procedure's name, shown in the citizen's list of drafts. */
  title: draftText(2000),
  /** The wizard step the citizen was on. */
  step: z.number().int().min(0).max(10),
  /** Sent with the submission: a retry (from any device) can never create a second dossier. */
  idempotencyKey: z.string().regex(/^[\w.:-]{8,128}$/, 'Khóa gửi hồ sơ không hợp lệ'),
  applicant: z.object({
    kind: z.enum(['citizen', 'organisation']),
    name: draftText(300),
    idNumber: draftText(30),
    address: draftText(500),
    phone: draftText(30),
    email: draftText(254),
  }),
  components: z.array(z.object({ name: draftText(2000), files: z.array(draftFileSchema).max(20) })).max(100),
  delivery: z.object({ method: z.enum(deliveryMethods).nullable(), address: draftText(500) }),
  note: draftText(2000),
  /** When the citizen last changed it (their device's clock): the newer of two copies wins. */
  editedAt: z.string().max(40),
});
export type SubmissionDraftContent = z.infer<typeof submissionDraftContentSchema>;

/** Drafts are kept one per citizen × procedure × implementing agency. */
export const draftParamsSchema = z.object({ procedureId: uuid, agencyId: uuid });
export const draftListQuerySchema = z.object({ procedureId: uuid.optional() });

/** PUT /api/portal/drafts/:procedureId/:agencyId — `version` is the one last read (0: a new draft). */
export const saveDraftSchema = z.object({
  version: z.number().int().min(0),
  content: submissionDraftContentSchema,
});
export type SaveDraftInput = z.infer<typeof saveDraftSchema>;

export const draftSchema = z.object({
  procedureId: z.string(),
  agencyId: z.string(),
  content: submissionDraftContentSchema,
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Draft = z.infer<typeof draftSchema>;
export const draftListSchema = z.object({ drafts: z.array(draftSchema) });

/** GET /api/portal/profile — what the wizard prefills the applicant with. */
export const applicantProfileSchema = z.object({
  fullName: z.string(),
  idNumber: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type ApplicantProfile = z.infer<typeof applicantProfileSchema>;

// ── ratings ────────────────────────────────────────────────────────────

const score = (what: string) =>
  z.union([z.literal(0), z.literal(1), z.literal(2)], { error: `Chọn một mức đánh giá ${what}` });

/**
 * The Circular 01 indices an applicant can judge (DOMAIN.md §1.5), each 2 / 1 / 0 points:
 * 1 total time against the appointment, 3 contacts with the desk needed to complete the dossier,
 * 4 agencies contacted, 7 the officers' attitude.
 */
export const ratingInputSchema = z.object({
  time: score('về thời gian giải quyết'),
  contacts: score('về số lần liên hệ'),
  agencies: score('về số cơ quan phải đến'),
  attitude: score('về thái độ của cán bộ'),
  comment: optionalText(2000),
});
export type RatingInput = z.infer<typeof ratingInputSchema>;

export const ratingSchema = z.object({
  dossierId: z.string(),
  time: z.number().int(),
  contacts: z.number().int(),
  agencies: z.number().int(),
  attitude: z.number().int(),
  comment: z.string().nullable(),
  createdAt: z.string(),
});
export type Rating = z.infer<typeof ratingSchema>;
export const ratingAnswerSchema = z.object({ rating: ratingSchema.nullable() });
export type RatingAnswer = z.infer<typeof ratingAnswerSchema>;
export const ratingParamsSchema = z.object({ id: uuid });
