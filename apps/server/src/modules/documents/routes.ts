import multipart, { type MultipartFile } from '@fastify/multipart';
import { fileParamsSchema, fileUploadField, storedFileSchema } from '@motcua/contracts/document';
import type { FastifyRequest } from 'fastify';
import type { ServiceContext } from '../../platform/access-context';
import { AppError } from '../../platform/app-error';
import type { FileStorage } from '../../platform/file-storage';
import type { HttpApp } from '../../platform/http-app';
import { fileContent, fileMeta, fileTooLarge, uploadFile } from './document-service';

/**
 * Room for the multipart framing around the file (boundaries, part headers, a long file name): a
 * request declaring more than the limit plus this cannot carry an acceptable file and is refused
 * before a byte of it is read.
 */
const multipartOverhead = 64 * 1024;

const fileMissing = (reason?: string) =>
  new AppError(
    'FILE_MISSING',
    400,
    `Chưa có tệp tải lên: gửi biểu mẫu multipart/form-data có trường "${fileUploadField}"`,
    reason === undefined ? undefined : { reason },
  );

/**
 * The bytes are served as what their content is, never sniffed into something else, and as a document
 * that may run nothing: no scripts, no requests, no forms. Images are also sandboxed; PDFs are not,
 * because browsers' built-in PDF viewers have refused sandboxed documents (Chromium's current one
 * accepts them; one browser that does not would leave officers without a preview), and those viewers
 * run no script of the page anyway. `frame-ancestors 'self'` lets MotCua's own pages preview a file in
 * a frame (checked in Chromium: a PDF with this policy renders inside a same-origin iframe).
 */
function contentSecurityPolicy(mediaType: string): string {
  const base =
    "default-src 'none'; img-src 'self' data: blob:; style-src 'unsafe-inline'; object-src 'self'; " +
    "frame-ancestors 'self'; base-uri 'none'; form-action 'none'";
  return mediaType.startsWith('image/') ? `${base}; sandbox` : base;
}

/** RFC 6266 / RFC 8187: the UTF-8 name, percent-encoded (Vietnamese names survive every browser). */
function contentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `inline; filename*=UTF-8''${encoded}`;
}

export async function documentRoutes(
  app: HttpApp,
  ctx: ServiceContext,
  options: { storage: FileStorage; maxBytes: number },
): Promise<void> {
  const { storage, maxBytes } = options;

  app.get(
    '/api/files/:id',
    { schema: { params: fileParamsSchema }, config: { access: 'authenticated' } },
    async (req, reply) => {
      const { file, content } = await fileContent(ctx, req.access, storage, req.params.id);
      return reply
        .header('content-type', file.mediaType)
        .header('content-length', file.size)
        .header('content-disposition', contentDisposition(file.name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', contentSecurityPolicy(file.mediaType))
        .header('cache-control', 'private, no-store')
        .send(content);
    },
  );

  app.get(
    '/api/files/:id/meta',
    {
      schema: { params: fileParamsSchema, response: { 200: storedFileSchema } },
      config: { access: 'authenticated' },
    },
    async (req) => fileMeta(ctx, req.access, req.params.id),
  );

  // Multipart parsing exists only inside this scope: every other route still refuses
  // multipart/form-data bodies (415), as before.
  await app.register(async (scope) => {
    await scope.register(multipart, {
      // One byte over the limit is enough to know a file is too large; busboy drops the rest.
      limits: { fileSize: maxBytes + 1, files: 1, fields: 10, fieldSize: 4096, parts: 12, headerPairs: 20 },
      throwFileSizeLimit: false,
    });
    scope.post(
      '/api/files',
      {
        schema: { consumes: ['multipart/form-data'], response: { 201: storedFileSchema } },
        config: { access: 'authenticated' },
      },
      async (req, reply) => {
        const declared = Number(req.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes + multipartOverhead) {
          // Not reading a body of this size: the connection ends with the answer.
          reply.header('connection', 'close');
          throw fileTooLarge(maxBytes);
        }
        const part = await firstFile(req);
        if (part.fieldname !== fileUploadField) {
          part.file.resume();
          throw fileMissing(`phần "${part.fieldname}" không phải "${fileUploadField}"`);
        }
        const stored = await uploadFile(
          ctx,
          req.access,
          storage,
          { name: part.filename, declaredType: part.mimetype, content: part.file },
          maxBytes,
        );
        return reply.status(201).send(stored);
      },
    );
  });
}

async function firstFile(req: FastifyRequest): Promise<MultipartFile> {
  if (!req.isMultipart()) throw fileMissing();
  let part: MultipartFile | undefined;
  try {
    part = await req.file();
  } catch (error) {
    // Malformed multipart (no boundary, cut short, too many parts): the client's mistake.
    throw fileMissing((error as Error).message);
  }
  if (part === undefined) throw fileMissing();
  return part;
}
