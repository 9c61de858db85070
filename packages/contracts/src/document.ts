import { z } from 'zod';
import { uuid } from './primitives';

/**
 * Uploaded files (dossier components, desk scans, results). A file is uploaded first, on its own, and
 * then named by id in a dossier's `components[].fileIds` or a result's `fileId`; an upload nobody
 * attaches to a dossier within 24 hours is deleted.
 */

/** The media types MotCua accepts, decided from the file's content (its first bytes), not its name. */
export const acceptedMediaTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AcceptedMediaType = (typeof acceptedMediaTypes)[number];

/** For `<input type="file" accept=…>`: the extensions and types the server accepts. */
export const fileInputAccept = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** The multipart/form-data part that carries the file in `POST /api/files`. */
export const fileUploadField = 'file';

/** `POST /api/files` (201) and `GET /api/files/:id/meta`. Instants are ISO 8601 (UTC). */
export const storedFileSchema = z.object({
  id: z.string(),
  /** The uploaded name, cleaned: NFC, no path, no control characters, at most 255 characters. */
  name: z.string(),
  mediaType: z.enum(acceptedMediaTypes),
  /** Bytes. */
  size: z.number().int(),
  /** SHA-256 of the content, lowercase hex. */
  sha256: z.string(),
  createdAt: z.string(),
});
export type StoredFile = z.infer<typeof storedFileSchema>;

/** `GET /api/files/:id` (the bytes) and `GET /api/files/:id/meta`. */
export const fileParamsSchema = z.object({ id: uuid });

/**
 * Error codes of the file endpoints (`{ error: { code, message, details } }`, message in Vietnamese):
 * - 400 `FILE_MISSING` — no multipart part named `file`;
 * - 400 `FILE_INCOMPLETE` — the upload was cut short or its multipart body is malformed;
 * - 413 `FILE_TOO_LARGE` — over the limit (`details.maxBytes`, `details.maxMb`);
 * - 415 `FILE_TYPE_NOT_ALLOWED` — the content is not PDF, JPEG or PNG;
 * - 415 `FILE_TYPE_MISMATCH` — the declared type or the name's extension disagrees with the content
 *   (`details.detected`, `details.declared`, `details.extension`);
 * - 422 `FILE_EMPTY`;
 * - 404 `FILE_NOT_FOUND` — no such file, or not the caller's to read;
 * - 422 `FILE_NOT_FOUND` from dossier commands naming files that are not the caller's uploads
 *   (`details.fileIds`).
 */
export const fileErrorCodes = [
  'FILE_MISSING',
  'FILE_INCOMPLETE',
  'FILE_TOO_LARGE',
  'FILE_TYPE_NOT_ALLOWED',
  'FILE_TYPE_MISMATCH',
  'FILE_EMPTY',
  'FILE_NOT_FOUND',
] as const;
export type FileErrorCode = (typeof fileErrorCodes)[number];
