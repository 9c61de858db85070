import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { TestApp, TestClient } from '../support/test-app';

/** Small real files and real multipart requests (built by Node's own FormData, as a browser would). */

export { jpegBytes, pdfBytes, pngBytes } from '../support/sample-files';

/** A Windows executable's header ("MZ"). */
export const exeBytes = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62, 0x90), Buffer.from('PE\0\0')]);

export const htmlBytes = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script>');

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface Part {
  field?: string;
  /** The file name; undefined sends a plain text field instead of a file. */
  name?: string;
  /** The part's declared Content-Type ('' lets FormData send application/octet-stream). */
  type?: string;
  bytes: Uint8Array;
}

export async function multipart(parts: Part[]): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  for (const p of parts) {
    if (p.name === undefined) form.append(p.field ?? 'file', Buffer.from(p.bytes).toString('utf8'));
    else form.append(p.field ?? 'file', new Blob([new Uint8Array(p.bytes)], { type: p.type ?? '' }), p.name);
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    body: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type')!,
  };
}

/** POST /api/files with one file part (or the given parts). */
export async function upload(client: TestClient, file: Part | Part[]) {
  const { body, contentType } = await multipart(Array.isArray(file) ? file : [file]);
  return client.post('/api/files', body, { 'content-type': contentType });
}

/** GET with the raw bytes of the answer (TestClient parses text). */
export async function download(t: TestApp, client: TestClient, url: string) {
  const res = await t.app.inject({
    method: 'GET',
    url,
    headers: client.cookie ? { cookie: client.cookie } : {},
  });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload, json: () => res.json() };
}

export async function userIdOf(client: TestClient): Promise<string> {
  const res = await client.get('/api/session');
  return res.body.user.id;
}

/** Every content file under DATA_DIR/files (staging included), as paths relative to it. */
export function storedPaths(dataDir: string): string[] {
  const root = join(dataDir, 'files');
  if (!existsSync(root)) return [];
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(root.length + 1))
    .sort();
}

export const contentPath = (hash: string) => join(hash.slice(0, 2), hash.slice(2, 4), hash);

export async function fileRowCount(t: TestApp): Promise<number> {
  const result = (await t.database.db.execute(
    sql`select count(*)::int as n from documents.files`,
  )) as unknown as {
    rows: { n: number }[];
  };
  return result.rows[0]!.n;
}
