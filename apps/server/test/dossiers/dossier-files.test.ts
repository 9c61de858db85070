import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, pdfBytes, upload } from '../documents/file-fixtures';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { command, deskOf, MARITAL_STATUS, receive, requiredComponents } from './dossier-fixtures';

/** Scanned components and result files travel with the dossier and are readable only where it is. */
describe('files of a dossier', () => {
  let t: TestApp;
  let desk: TestClient;
  let deskId: string;

  beforeAll(async () => {
    t = await startTestApp();
    desk = await t.loginStaff('motcua.anbinh');
    deskId = await deskOf(t, '000.20.01.H99');
  });
  afterAll(() => t?.close());

  it('attaches the scans at intake: the ward reads them, another ward does not', async () => {
    const scan = await upload(desk, {
      name: 'to-khai.pdf',
      type: 'application/pdf',
      bytes: pdfBytes('to khai'),
    });
    expect(scan.status).toBe(201);
    const [component] = requiredComponents(MARITAL_STATUS);
    const res = await receive(desk, deskId, { components: [{ ...component, fileIds: [scan.body.id] }] });
    expect(res.status).toBe(201);
    const specialist = await t.loginStaff('congchuc.anbinh');
    expect((await download(t, specialist, `/api/files/${scan.body.id}`)).status).toBe(200);
    const other = await t.loginStaff('motcua.phulocthinh');
    expect((await download(t, other, `/api/files/${scan.body.id}`)).status).toBe(404);
    // Forwarded on: still readable by those who handle it.
    expect((await command(desk, res.body.summary.id, { type: 'forward', toUserId: null })).status).toBe(200);
    expect((await download(t, specialist, `/api/files/${scan.body.id}`)).status).toBe(200);
  });

  it("refuses someone else's file and consumes no dossier number", async () => {
    const other = await t.loginStaff('motcua.phulocthinh');
    const theirs = await upload(other, { name: 'x.pdf', type: 'application/pdf', bytes: pdfBytes('x') });
    const before = (await desk.get('/api/dossiers?pageSize=100')).body.total;
    const [component] = requiredComponents(MARITAL_STATUS);
    const res = await receive(desk, deskId, { components: [{ ...component, fileIds: [theirs.body.id] }] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('FILE_NOT_FOUND');
    expect((await desk.get('/api/dossiers?pageSize=100')).body.total).toBe(before);
    const next = await receive(desk, deskId);
    expect(next.body.summary.code).toBe(`000.20.01.H99-260302-${String(before + 1).padStart(4, '0')}`);
  });
});
