import type { Readable } from 'node:stream';
import type { AcceptedMediaType, StoredFile } from '@motcua/contracts/document';
import type { AccessContext, ServiceContext } from '../../platform/access-context';
import { AppError, notFound } from '../../platform/app-error';
import { recordAudit } from '../../platform/audit-log';
import { type Db, inTransaction } from '../../platform/database';
import { ContentTooLargeError, type FileStorage, type StagedContent } from '../../platform/file-storage';
import { cleanFileName } from './file-name';
import { canonicalExtension, detectMediaType, disagreement, signatureLength } from './file-type';
import * as store from './store';

/**
 * Uploaded files: checked by content, size and name, stored once per content, readable by their
 * uploader and, once a dossier names them, by those who may read that dossier.
 *
 * The dossier engine calls `attachFiles` inside its command's transaction (and `refreshFileReaders`
 * when a dossier's readers change); the HTTP routes call the rest.
 */

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const labels: Record<AcceptedMediaType, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

export const fileNotFound = () => notFound('tệp', 'FILE_NOT_FOUND');

function storedFile(row: store.FileRow): StoredFile {
  return {
    id: row.id,
    name: row.name,
    mediaType: row.mediaType as AcceptedMediaType,
    size: row.size,
    sha256: row.sha256,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

export function fileTooLarge(maxBytes: number): AppError {
  const mb = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(maxBytes / 1024 / 1024);
  return new AppError('FILE_TOO_LARGE', 413, `Tệp vượt quá dung lượng cho phép (tối đa ${mb} MB)`, {
    maxBytes,
    maxMb: maxBytes / 1024 / 1024,
  });
}

export interface Upload {
  /** The name the client gave (may contain anything). */
  name: string | undefined;
  /** The part's declared Content-Type. */
  declaredType: string | undefined;
  content: AsyncIterable<Uint8Array>;
}

/**
 * POST /api/files. Looks at the first bytes before storing anything, stages the bytes while hashing
 * them, then records the row and makes the bytes visible in one transaction holding the content's lock.
 * A refusal at any point leaves neither a row nor bytes, and the rest of the upload is read and dropped
 * so the client receives the answer.
 */
export async function uploadFile(
  ctx: ServiceContext,
  access: AccessContext,
  storage: FileStorage,
  upload: Upload,
  maxBytes: number,
): Promise<StoredFile> {
  if (access.userId === null) throw new AppError('UNAUTHENTICATED', 401, 'Bạn cần đăng nhập để tiếp tục');
  const source = upload.content[Symbol.asyncIterator]();
  let staged: StagedContent | null = null;
  try {
    const head = await readHead(source, signatureLength);
    if (head.byteLength === 0) throw new AppError('FILE_EMPTY', 422, 'Tệp tải lên không có nội dung');
    const mediaType = detectMediaType(head);
    if (mediaType === null)
      throw new AppError(
        'FILE_TYPE_NOT_ALLOWED',
        415,
        'Chỉ chấp nhận tệp PDF, JPEG hoặc PNG (loại tệp được xác định theo nội dung)',
      );
    const name = cleanFileName(upload.name, mediaType);
    const conflict = disagreement(mediaType, upload.declaredType, name);
    if (conflict !== null) {
      const claimed =
        conflict.extension !== null ? `đuôi .${conflict.extension}` : `loại ${conflict.declared}`;
      throw new AppError(
        'FILE_TYPE_MISMATCH',
        415,
        `Tệp được khai báo là ${claimed} nhưng nội dung là ${labels[mediaType]}: hãy đổi tên tệp cho đúng (.${canonicalExtension[mediaType]}) rồi tải lên lại`,
        { detected: mediaType, ...conflict },
      );
    }
    staged = await storage.put(withHead(head, source), { maxBytes });
    const content = staged;
    const row = await inTransaction(ctx.db, async (tx) => {
      await store.lockContent(tx, content.sha256);
      const inserted = await store.insertFile(tx, {
        name,
        mediaType,
        size: content.size,
        sha256: content.sha256,
        uploadedBy: access.userId!,
        createdAt: ctx.now(),
      });
      await recordAudit(
        tx,
        access.actor,
        {
          action: 'documents.file.upload',
          targetType: 'file',
          targetId: inserted.id,
          details: { name, mediaType, size: content.size, sha256: content.sha256 },
        },
        ctx.now(),
      );
      // Last: the bytes appear only when nothing else in the transaction can fail.
      await content.keep();
      return inserted;
    });
    return storedFile(row);
  } catch (error) {
    await staged?.discard();
    void drain(source);
    if (error instanceof ContentTooLargeError) throw fileTooLarge(maxBytes);
    throw error;
  }
}

/** The next chunk of the upload; a body cut short or malformed is the client's error, not ours. */
async function nextChunk(source: AsyncIterator<Uint8Array>): Promise<IteratorResult<Uint8Array>> {
  try {
    return await source.next();
  } catch (error) {
    throw new AppError(
      'FILE_INCOMPLETE',
      400,
      'Tệp tải lên bị gián đoạn hoặc không đúng định dạng, vui lòng gửi lại',
      {
        reason: (error as Error)?.message ?? String(error),
      },
    );
  }
}

async function readHead(source: AsyncIterator<Uint8Array>, length: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < length) {
    const next = await nextChunk(source);
    if (next.done) break;
    chunks.push(next.value);
    size += next.value.byteLength;
  }
  return Buffer.concat(chunks);
}

async function* withHead(head: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield head;
  for (let next = await nextChunk(rest); !next.done; next = await nextChunk(rest)) yield next.value;
}

/** Reads what the client still sends and drops it (busboy discards beyond the size limit). */
async function drain(source: AsyncIterator<Uint8Array>): Promise<void> {
  try {
    while (!(await source.next()).done) {
      // dropped
    }
  } catch {
    // the client went away: nothing left to read
  }
}

/**
 * Who may read a file: its uploader; staff whose `dossier.read` scope meets the agencies of a dossier
 * it is attached to; the applicant (account) of such a dossier. Anybody else is told it does not exist.
 * Reading a file attached to a dossier is reading personal data: audited.
 */
export async function readableFile(
  ctx: ServiceContext,
  access: AccessContext,
  id: string,
  what: 'content' | 'meta',
): Promise<store.FileRow> {
  const row = await store.fileById(ctx.db, id);
  if (!row || access.userId === null) throw fileNotFound();
  const links = row.attachedAt === null ? [] : await store.linksOfFile(ctx.db, id);
  let allowed = row.uploadedBy === access.userId;
  if (!allowed && access.kind === 'citizen')
    allowed = links.some((l) => l.applicantAccountId === access.userId);
  if (!allowed && access.kind === 'staff' && links.length > 0) {
    const scope = await access.scope('dossier.read');
    allowed = links.some((l) => l.agencyIds.some((a) => scope.has(a)));
  }
  if (!allowed) throw fileNotFound();
  if (links.length > 0) {
    await inTransaction(ctx.db, (tx) =>
      recordAudit(
        tx,
        access.actor,
        {
          action: what === 'content' ? 'documents.file.read' : 'documents.file.meta.read',
          targetType: 'file',
          targetId: row.id,
          agencyId: links[0]!.receivingAgencyId,
          details: { name: row.name, dossierIds: [...new Set(links.map((l) => l.dossierId))] },
        },
        ctx.now(),
      ),
    );
  }
  return row;
}

export async function fileMeta(ctx: ServiceContext, access: AccessContext, id: string): Promise<StoredFile> {
  return storedFile(await readableFile(ctx, access, id, 'meta'));
}

/** GET /api/files/:id: the row (for the headers) and its bytes. */
export async function fileContent(
  ctx: ServiceContext,
  access: AccessContext,
  storage: FileStorage,
  id: string,
): Promise<{ file: StoredFile; content: Readable }> {
  const row = await readableFile(ctx, access, id, 'content');
  const content = await storage.get(row.sha256);
  // A row without bytes is a storage fault (lost disk, partial restore), not the caller's error.
  if (content === null) throw new Error(`documents: bytes of file ${row.id} (${row.sha256}) are missing`);
  return { file: storedFile(row), content };
}

export interface AttachFilesInput {
  fileIds: readonly string[];
  dossierId: string;
  /** The dossier aggregate's distribution column. */
  receivingAgencyId: string;
  /** The dossier's agencies: staff with `dossier.read` over any of them may read its files. */
  agencyIds: readonly string[];
  /** The applicant's account, who may read the dossier's files; null for a paper applicant. */
  applicantAccountId: string | null;
  /** The user attaching (the dossier command's caller). */
  attachedBy: string;
}

/**
 * Inside a dossier command's transaction: the files become the dossier's. Each must be an upload of
 * `attachedBy` or already belong to this dossier; otherwise 422 FILE_NOT_FOUND naming them
 * (`details.fileIds`) and nothing is written. Locks the files until the transaction ends, so the
 * clean-up job cannot delete one under it. Also refreshes the readers of the dossier's earlier files.
 */
export async function attachFiles(tx: Db, input: AttachFilesInput): Promise<void> {
  const ids = [...new Set(input.fileIds)];
  const wellFormed = ids.filter((id) => uuidPattern.test(id)).map((id) => id.toLowerCase());
  const found = new Map((await store.lockFiles(tx, wellFormed)).map((f) => [f.id, f]));
  const alreadyHere = new Set(
    await store.linkedFileIds(tx, input.receivingAgencyId, input.dossierId, [...found.keys()]),
  );
  const missing = ids.filter((id) => {
    const file = uuidPattern.test(id) ? found.get(id.toLowerCase()) : undefined;
    return file === undefined || (file.uploadedBy !== input.attachedBy && !alreadyHere.has(file.id));
  });
  if (missing.length > 0)
    throw new AppError(
      'FILE_NOT_FOUND',
      422,
      missing.length === 1
        ? 'Không tìm thấy tệp đính kèm (tệp đã bị xoá hoặc không phải do bạn tải lên)'
        : `Không tìm thấy ${missing.length} tệp đính kèm (tệp đã bị xoá hoặc không phải do bạn tải lên)`,
      { fileIds: missing },
    );
  const readers = { agencyIds: [...input.agencyIds], applicantAccountId: input.applicantAccountId };
  await store.markAttached(tx, [...found.keys()]);
  await store.insertLinks(
    tx,
    [...found.keys()]
      .filter((id) => !alreadyHere.has(id))
      .map((fileId) => ({
        receivingAgencyId: input.receivingAgencyId,
        dossierId: input.dossierId,
        fileId,
        ...readers,
        attachedBy: input.attachedBy,
      })),
  );
  await store.updateLinkReaders(tx, input.receivingAgencyId, input.dossierId, readers);
}

/**
 * Inside a dossier command's transaction, when the dossier's agencies or applicant account change
 * (forwarded, sent to other agencies): its files follow the dossier's visibility.
 */
export async function refreshFileReaders(
  tx: Db,
  input: Pick<AttachFilesInput, 'dossierId' | 'receivingAgencyId' | 'agencyIds' | 'applicantAccountId'>,
): Promise<void> {
  await store.updateLinkReaders(tx, input.receivingAgencyId, input.dossierId, {
    agencyIds: [...input.agencyIds],
    applicantAccountId: input.applicantAccountId,
  });
}

export const DOCUMENTS_CLEANUP_QUEUE = 'documents-cleanup';
/** An upload no dossier has named for this long is abandoned (a closed wizard, a cancelled intake). */
export const unattachedLifetimeMs = 24 * 3600_000;
const cleanupBatch = 200;

/**
 * Deletes abandoned uploads: the row, and the bytes when no other row has the same content. One
 * transaction per file, holding the content's lock, so an upload of the same bytes either commits
 * first (and the bytes stay) or waits and stores them again.
 */
export async function cleanupUnattachedFiles(
  ctx: ServiceContext,
  storage: FileStorage,
): Promise<{ deleted: number; contentsDeleted: number }> {
  const before = new Date(ctx.now().getTime() - unattachedLifetimeMs);
  const actor = { id: null, name: DOCUMENTS_CLEANUP_QUEUE, ip: null };
  let deleted = 0;
  let contentsDeleted = 0;
  for (;;) {
    const batch = await store.unattachedBefore(ctx.db, before, cleanupBatch);
    for (const candidate of batch) {
      const outcome = await inTransaction(ctx.db, async (tx) => {
        await store.lockContent(tx, candidate.sha256);
        const row = await store.deleteUnattached(tx, candidate.id, before);
        if (!row) return null; // attached meanwhile
        await recordAudit(
          tx,
          actor,
          {
            action: 'documents.file.delete',
            targetType: 'file',
            targetId: row.id,
            details: { reason: 'unattached', name: row.name, sha256: row.sha256, uploadedBy: row.uploadedBy },
          },
          ctx.now(),
        );
        const shared = await store.contentInUse(tx, row.sha256);
        // Under the content's lock and before the commit: once it is released, an upload may need them.
        if (!shared) await storage.delete(row.sha256);
        return { shared };
      });
      if (outcome === null) continue;
      deleted++;
      if (!outcome.shared) contentsDeleted++;
    }
    if (batch.length < cleanupBatch) break;
  }
  // Staging files carry the operating system's clock, so they are judged by it (not the service clock).
  await storage.removeStaleStaging(new Date(Date.now() - unattachedLifetimeMs));
  return { deleted, contentsDeleted };
}
