import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import {
  contentPath,
  download,
  exeBytes,
  fileRowCount,
  htmlBytes,
  jpegBytes,
  multipart,
  pdfBytes,
  pngBytes,
  sha256,
  storedPaths,
  upload,
} from './file-fixtures';

/**
 * Issue 3: "files of the wrong type or too large get a clear 4xx and nothing changes". Uploads are
 * judged by their content, their size (UPLOAD_MAX_MB, here 0.01 MB = 10,485 bytes) and their name;
 * a refused upload leaves no row and no bytes (not even a staging file).
 */
const maxBytes = Math.floor(0.01 * 1024 * 1024);
let t: TestApp;
let dataDir: string;
let citizen: TestClient;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'motcua-files-'));
  t = await startTestApp({ env: { DATA_DIR: dataDir, UPLOAD_MAX_MB: '0.01' } });
  citizen = await t.loginCitizen('congdan@minhhoa.demo');
});

afterAll(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs `refused` and checks it changed nothing: same rows, same files on disk. */
async function expectNothingStored(refused: () => Promise<void>) {
  const rows = await fileRowCount(t);
  const paths = storedPaths(dataDir);
  await refused();
  expect(await fileRowCount(t)).toBe(rows);
  expect(storedPaths(dataDir)).toEqual(paths);
}

describe('accepted files', () => {
  it.each([
    ['giay-khai-sinh.pdf', 'application/pdf', pdfBytes()],
    ['anh-the.jpg', 'image/jpeg', jpegBytes],
    ['so-ho-khau.png', 'image/png', pngBytes],
  ])('%s (%s) is stored under its SHA-256 and described', async (name, type, bytes) => {
    const res = await upload(citizen, { name, type, bytes });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name,
      mediaType: type,
      size: bytes.length,
      sha256: sha256(bytes),
      createdAt: t.clock.now.toISOString(),
    });
    expect(readFileSync(join(dataDir, 'files', contentPath(sha256(bytes))))).toEqual(bytes);
    expect(storedPaths(dataDir).filter((p) => p.startsWith('tmp'))).toEqual([]);
  });

  it('the type comes from the content: a client that does not know it (octet-stream) is fine', async () => {
    const res = await upload(citizen, { name: 'scan', type: 'application/octet-stream', bytes: pngBytes });
    expect(res.status).toBe(201);
    expect(res.body.mediaType).toBe('image/png');
    expect(res.body.name).toBe('scan.png'); // no extension: the content's is added
  });

  it('exactly at the limit is accepted', async () => {
    const bytes = Buffer.concat([pdfBytes(), Buffer.alloc(maxBytes - pdfBytes().length, 0x20)]);
    expect(bytes.length).toBe(maxBytes);
    const res = await upload(citizen, { name: 'vua-du.pdf', type: 'application/pdf', bytes });
    expect(res.status).toBe(201);
    expect(res.body.size).toBe(maxBytes);
  });

  it('the same content twice: two files, one copy of the bytes', async () => {
    const bytes = pdfBytes('twice');
    const first = await upload(citizen, { name: 'a.pdf', type: 'application/pdf', bytes });
    const second = await upload(citizen, { name: 'b.pdf', type: 'application/pdf', bytes });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.body.sha256).toBe(first.body.sha256);
    expect(storedPaths(dataDir).filter((p) => p.endsWith(sha256(bytes)))).toHaveLength(1);
  });
});

describe('file names', () => {
  it('are NFC, without directories, control characters or direction overrides', async () => {
    const nfd = 'Giấy khai sinh'.normalize('NFD');
    const res = await upload(citizen, {
      name: `..\\..\\windows\\${nfd}\u0007 bản\u202Esao.pdf`,
      type: 'application/pdf',
      bytes: pdfBytes(),
    });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe('Giấy khai sinh bảnsao.pdf');
    expect(res.body.name).toBe(res.body.name.normalize('NFC'));
  });

  it('are at most 255 characters, keeping the extension', async () => {
    const res = await upload(citizen, { name: `${'Hồ sơ '.repeat(60)}.pdf`, type: '', bytes: pdfBytes() });
    expect(res.status).toBe(201);
    expect(Array.from(res.body.name as string)).toHaveLength(255);
    expect(res.body.name.endsWith('.pdf')).toBe(true);
  });

  it('a dot is not always an extension', async () => {
    const res = await upload(citizen, { name: 'CMND Nguyen V.A', type: 'image/jpeg', bytes: jpegBytes });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe('CMND Nguyen V.A.jpg');
  });
});

describe('refused files change nothing', () => {
  it.each([
    ['an executable', exeBytes, 'application/pdf'],
    ['an HTML page', htmlBytes, 'application/pdf'],
    ['an HTML page declared as HTML', htmlBytes, 'text/html'],
  ])('%s named .pdf → 415 FILE_TYPE_NOT_ALLOWED', async (_what, bytes, type) => {
    await expectNothingStored(async () => {
      const res = await upload(citizen, { name: 'don-de-nghi.pdf', type, bytes });
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe('FILE_TYPE_NOT_ALLOWED');
      expect(res.body.error.message).toMatch(/PDF, JPEG hoặc PNG/);
    });
  });

  it.each([
    ['a PNG declared as PDF', { name: 'anh.png', type: 'application/pdf', bytes: pngBytes }],
    ['a PNG named .pdf', { name: 'giay-to.pdf', type: 'image/png', bytes: pngBytes }],
    ['a PNG named .pdf, type unknown', { name: 'giay-to.pdf', type: '', bytes: pngBytes }],
    ['a PDF named .exe', { name: 'ke-khai.exe', type: 'application/pdf', bytes: pdfBytes() }],
    ['a PDF declared as HTML', { name: 'ke-khai', type: 'text/html', bytes: pdfBytes() }],
  ])('%s → 415 FILE_TYPE_MISMATCH', async (_what, part) => {
    await expectNothingStored(async () => {
      const res = await upload(citizen, part);
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe('FILE_TYPE_MISMATCH');
      expect(res.body.error.details.detected).toBe(part.bytes === pngBytes ? 'image/png' : 'application/pdf');
    });
  });

  it('one byte over the limit → 413 FILE_TOO_LARGE naming the limit; no row, no bytes, no staging file', async () => {
    const bytes = Buffer.concat([pdfBytes(), Buffer.alloc(maxBytes + 1 - pdfBytes().length, 0x20)]);
    await expectNothingStored(async () => {
      const res = await upload(citizen, { name: 'qua-lon.pdf', type: 'application/pdf', bytes });
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('FILE_TOO_LARGE');
      expect(res.body.error.message).toContain('0,01 MB');
      expect(res.body.error.details.maxBytes).toBe(maxBytes);
    });
    expect(storedPaths(dataDir).some((p) => p.endsWith(sha256(bytes)))).toBe(false);
  });

  it('a request far over the limit is refused from its declared length', async () => {
    const bytes = Buffer.concat([pdfBytes(), Buffer.alloc(200_000, 0x20)]);
    await expectNothingStored(async () => {
      const res = await upload(citizen, { name: 'rat-lon.pdf', type: 'application/pdf', bytes });
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('FILE_TOO_LARGE');
    });
  });

  it('an empty file → 422 FILE_EMPTY', async () => {
    await expectNothingStored(async () => {
      const res = await upload(citizen, {
        name: 'rong.pdf',
        type: 'application/pdf',
        bytes: Buffer.alloc(0),
      });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('FILE_EMPTY');
    });
  });

  it('no part named "file" → 400 FILE_MISSING', async () => {
    await expectNothingStored(async () => {
      const onlyField = await upload(citizen, { field: 'note', bytes: Buffer.from('không có tệp') });
      expect(onlyField.status).toBe(400);
      expect(onlyField.body.error.code).toBe('FILE_MISSING');
      const otherName = await upload(citizen, { field: 'document', name: 'a.pdf', bytes: pdfBytes() });
      expect(otherName.status).toBe(400);
      expect(otherName.body.error.code).toBe('FILE_MISSING');
      const json = await citizen.post('/api/files', { file: 'JVBERi0=' });
      expect(json.status).toBe(400);
      expect(json.body.error.code).toBe('FILE_MISSING');
    });
  });

  it('an upload cut short (no closing boundary) → 400 FILE_INCOMPLETE', async () => {
    const { body, contentType } = await multipart([{ name: 'dang-do.pdf', bytes: pdfBytes('cut') }]);
    await expectNothingStored(async () => {
      const res = await citizen.post('/api/files', body.subarray(0, body.length - 60), {
        'content-type': contentType,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('FILE_INCOMPLETE');
    });
  });

  it('anonymous → 401, before anything is read', async () => {
    await expectNothingStored(async () => {
      const res = await upload(t.anonymous(), { name: 'a.pdf', type: 'application/pdf', bytes: pdfBytes() });
      expect(res.status).toBe(401);
    });
  });

  it('without the session CSRF token → 403', async () => {
    const { body, contentType } = await multipart([{ name: 'a.pdf', bytes: pdfBytes() }]);
    await expectNothingStored(async () => {
      const res = await citizen.post('/api/files', body, {
        'content-type': contentType,
        'x-csrf-token': 'x',
      });
      expect(res.status).toBe(403);
    });
  });
});

describe('reading a file back', () => {
  it('the uploader gets the same bytes, served as what they are and as a document that runs nothing', async () => {
    const name = 'Giấy khai sinh (bản sao).pdf';
    const bytes = pdfBytes('read-back');
    const uploaded = await upload(citizen, { name, type: 'application/pdf', bytes });
    expect(uploaded.status).toBe(201);
    const res = await download(t, citizen, `/api/files/${uploaded.body.id}`);
    expect(res.status).toBe(200);
    expect(Buffer.compare(res.bytes, bytes)).toBe(0);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-length']).toBe(String(bytes.length));
    expect(res.headers['content-disposition']).toBe(
      `inline; filename*=UTF-8''${encodeURIComponent(name).replace('(', '%28').replace(')', '%29')}`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(res.headers['cache-control']).toBe('private, no-store');

    const meta = await citizen.get(`/api/files/${uploaded.body.id}/meta`);
    expect(meta.status).toBe(200);
    expect(meta.body).toEqual(uploaded.body);
  });

  it('an image is also sandboxed', async () => {
    const uploaded = await upload(citizen, { name: 'anh.png', type: 'image/png', bytes: pngBytes });
    const res = await download(t, citizen, `/api/files/${uploaded.body.id}`);
    expect(res.headers['content-type']).toBe('image/png');
    expect(String(res.headers['content-security-policy'])).toMatch(/(^|; )sandbox($|;)/);
  });

  it('another citizen, unattached staff and anonymous callers are not told it exists', async () => {
    const uploaded = await upload(citizen, {
      name: 'rieng.pdf',
      type: 'application/pdf',
      bytes: pdfBytes('own'),
    });
    const other = t.anonymous();
    const reg = await other.post('/api/auth/citizen/register', {
      fullName: 'Lê Văn Khác',
      email: 'khac.files@example.vn',
      password: 'MotCua@2026',
    });
    expect(reg.status).toBe(201);
    const stranger = await t.loginCitizen('khac.files@example.vn');
    const staff = await t.loginStaff('motcua.anbinh');
    for (const client of [stranger, staff]) {
      for (const url of [`/api/files/${uploaded.body.id}`, `/api/files/${uploaded.body.id}/meta`]) {
        const res = await download(t, client, url);
        expect(res.status, url).toBe(404);
        expect(res.json().error.code).toBe('FILE_NOT_FOUND');
      }
    }
    const unknown = await citizen.get('/api/files/00000000-0000-4000-8000-000000000000/meta');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('FILE_NOT_FOUND');
    expect((await t.anonymous().get(`/api/files/${uploaded.body.id}`)).status).toBe(401);
  });
});

describe('multipart stays confined to the upload route', () => {
  it('other routes still refuse multipart bodies and take JSON', async () => {
    const { body, contentType } = await multipart([{ name: 'a.pdf', bytes: pdfBytes() }]);
    const res = await citizen.post('/api/notifications/read-all', body, { 'content-type': contentType });
    expect(res.status).toBe(415);
    expect((await citizen.post('/api/notifications/read-all', {})).status).toBe(200);
  });
});
