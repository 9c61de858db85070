import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachFiles,
  DOCUMENTS_CLEANUP_QUEUE,
  refreshFileReaders,
} from '../../src/modules/documents/document-service';
import { inTransaction } from '../../src/platform/database';
import { deskOf, receive, submitOnline } from '../dossiers/dossier-fixtures';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import {
  contentPath,
  download,
  jpegBytes,
  pdfBytes,
  pngBytes,
  sha256,
  upload,
  userIdOf,
} from './file-fixtures';

/**
 * Files become a dossier's through `attachFiles`, inside the dossier command's transaction; from then on
 * the dossier's staff and applicant may read them (audited). Uploads nobody attaches are removed after
 * 24 hours by the daily clean-up job, keeping content another file still uses.
 */
let t: TestApp;
let dataDir: string;
let anBinh: string;
let phuLocThinh: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'motcua-files-'));
  t = await startTestApp({ env: { DATA_DIR: dataDir } });
  anBinh = await t.agencyId('000.20.01.H99');
  phuLocThinh = await t.agencyId('000.20.05.H99');
});

afterAll(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const onDisk = (hash: string) => existsSync(join(dataDir, 'files', contentPath(hash)));

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

const attach = (input: Parameters<typeof attachFiles>[1]) =>
  inTransaction(t.database.db, (tx) => attachFiles(tx, input));

async function paperDossier(desk: TestClient) {
  const res = await receive(desk, await deskOf(t, '000.20.01.H99'));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return {
    id: res.body.summary.id as string,
    receivingAgencyId: res.body.summary.receivingAgencyId as string,
  };
}

async function expectReads(client: TestClient, fileId: string, status: number) {
  const content = await download(t, client, `/api/files/${fileId}`);
  expect(content.status).toBe(status);
  expect((await client.get(`/api/files/${fileId}/meta`)).status).toBe(status);
}

describe('the default limit', () => {
  it('a 2 MB scan passes (the JSON body limit of 1 MB does not apply to uploads)', async () => {
    const citizen = await t.loginCitizen('congdan@minhhoa.demo');
    const bytes = Buffer.concat([pdfBytes(), Buffer.alloc(2 * 1024 * 1024, 0x20)]);
    const res = await upload(citizen, { name: 'ban-quet.pdf', type: 'application/pdf', bytes });
    expect(res.status).toBe(201);
    expect(res.body.size).toBe(bytes.length);
    expect(onDisk(sha256(bytes))).toBe(true);
  });
});

describe('attachFiles', () => {
  it("someone else's upload → 422 FILE_NOT_FOUND naming it, and nothing is written", async () => {
    const desk = await t.loginStaff('motcua.anbinh');
    const citizen = await t.loginCitizen('congdan@minhhoa.demo');
    const deskId = await userIdOf(desk);
    const mine = (
      await upload(desk, { name: 'scan.pdf', type: 'application/pdf', bytes: pdfBytes('desk-1') })
    ).body.id;
    const theirs = (await upload(citizen, { name: 'cccd.jpg', type: 'image/jpeg', bytes: jpegBytes })).body
      .id;
    const unknown = '00000000-0000-4000-8000-000000000001';
    const dossier = await paperDossier(desk);

    for (const fileIds of [[mine, theirs], [unknown], ['not-a-uuid', mine]]) {
      const failure = await attach({
        fileIds,
        dossierId: dossier.id,
        receivingAgencyId: dossier.receivingAgencyId,
        agencyIds: [anBinh],
        applicantAccountId: null,
        attachedBy: deskId,
      }).catch((e: unknown) => e);
      expect(failure).toMatchObject({ code: 'FILE_NOT_FOUND', status: 422 });
      expect((failure as { details: unknown }).details).toEqual({
        fileIds: fileIds.filter((id) => id !== mine),
      });
    }
    expect(await rows(sql`select * from documents.file_links where dossier_id = ${dossier.id}`)).toEqual([]);
    expect(
      await rows(
        sql`select id from documents.files where id in (${mine}, ${theirs}) and attached_at is not null`,
      ),
    ).toEqual([]);
    // Still only its uploader's: the ward's specialist does not see the desk's unattached scan.
    await expectReads(await t.loginStaff('congchuc.anbinh'), mine, 404);
  });

  it('attached to a paper dossier: the ward reads it (audited), another ward does not', async () => {
    const desk = await t.loginStaff('motcua.anbinh');
    const deskId = await userIdOf(desk);
    const bytes = pdfBytes('desk-2');
    const scan = (await upload(desk, { name: 'to-khai.pdf', type: 'application/pdf', bytes })).body.id;
    const dossier = await paperDossier(desk);
    const input = {
      fileIds: [scan],
      dossierId: dossier.id,
      receivingAgencyId: dossier.receivingAgencyId,
      agencyIds: [anBinh],
      applicantAccountId: null,
      attachedBy: deskId,
    };
    await attach(input);
    await attach(input); // a retried command: the same link, once
    expect(
      await rows(sql`select file_id from documents.file_links where dossier_id = ${dossier.id}`),
    ).toEqual([{ file_id: scan }]);

    const specialist = await t.loginStaff('congchuc.anbinh');
    const read = await download(t, specialist, `/api/files/${scan}`);
    expect(read.status).toBe(200);
    expect(Buffer.compare(read.bytes, bytes)).toBe(0);
    await expectReads(await t.loginStaff('chutich.anbinh'), scan, 200);
    await expectReads(await t.loginStaff('motcua.phulocthinh'), scan, 404);
    await expectReads(await t.loginCitizen('congdan@minhhoa.demo'), scan, 404);

    const audited = await rows<{ action: string; actor_name: string; agency_id: string; details: any }>(
      sql`select action, actor_name, agency_id, details from audit.entries
          where target_id = ${scan} and action like 'documents.file.%read' order by id`,
    );
    expect(audited.map((a) => a.actor_name)).toEqual(['congchuc.anbinh', 'chutich.anbinh', 'chutich.anbinh']);
    expect(audited[0]).toMatchObject({
      action: 'documents.file.read',
      agency_id: dossier.receivingAgencyId,
      details: { dossierIds: [dossier.id] },
    });

    // Another officer may name a file the dossier already holds (a later command repeating the list).
    await attach({ ...input, attachedBy: await userIdOf(specialist) });

    // The dossier goes to another agency: its files follow its readers.
    await inTransaction(t.database.db, (tx) =>
      refreshFileReaders(tx, { ...input, agencyIds: [anBinh, phuLocThinh] }),
    );
    await expectReads(await t.loginStaff('motcua.phulocthinh'), scan, 200);
  });

  it("an online dossier's applicant reads the files, another citizen does not", async () => {
    const citizen = await t.loginCitizen('congdan@minhhoa.demo');
    const citizenId = await userIdOf(citizen);
    const photo = (await upload(citizen, { name: 'anh.png', type: 'image/png', bytes: pngBytes })).body.id;
    const submitted = await submitOnline(citizen, anBinh, 'files-online-0001');
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const { id, receivingAgencyId } = submitted.body.summary;
    await attach({
      fileIds: [photo],
      dossierId: id,
      receivingAgencyId,
      agencyIds: [anBinh],
      applicantAccountId: citizenId,
      attachedBy: citizenId,
    });
    const desk = await t.loginStaff('motcua.anbinh');
    await expectReads(desk, photo, 200);
    // The desk scans a paper copy into the applicant's dossier: the applicant reads it too.
    const scan = (await upload(desk, { name: 'ban-sao.pdf', type: 'application/pdf', bytes: pdfBytes('x') }))
      .body.id;
    await attach({
      fileIds: [scan],
      dossierId: id,
      receivingAgencyId,
      agencyIds: [anBinh],
      applicantAccountId: citizenId,
      attachedBy: await userIdOf(desk),
    });
    await expectReads(citizen, scan, 200);

    const register = await t.anonymous().post('/api/auth/citizen/register', {
      fullName: 'Phạm Thị Khác',
      email: 'khac.attach@example.vn',
      password: 'MotCua@2026',
    });
    expect(register.status).toBe(201);
    const stranger = await t.loginCitizen('khac.attach@example.vn');
    await expectReads(stranger, photo, 404);
    await expectReads(stranger, scan, 404);
  });
});

describe('the clean-up job', () => {
  it('is scheduled daily', async () => {
    const schedules = await t.jobs.schedules();
    expect(schedules.find((s) => s.name === DOCUMENTS_CLEANUP_QUEUE)).toMatchObject({
      cron: '30 2 * * *',
      timezone: 'Asia/Ho_Chi_Minh',
    });
  });

  it('removes uploads unattached for 24 hours, keeping attached ones, recent ones and shared content', async () => {
    let desk = await t.loginStaff('motcua.anbinh');
    const deskId = await userIdOf(desk);
    const put = async (name: string, bytes: Buffer) => {
      const res = await upload(desk, { name, type: 'application/pdf', bytes });
      expect(res.status).toBe(201);
      return res.body as { id: string; sha256: string };
    };
    const abandoned = await put('bo-do.pdf', pdfBytes('abandoned'));
    const attached = await put('dinh-kem.pdf', pdfBytes('shared'));
    const sameContent = await put('ban-trung.pdf', pdfBytes('shared'));
    const dossier = await paperDossier(desk);
    await attach({
      fileIds: [attached.id],
      dossierId: dossier.id,
      receivingAgencyId: dossier.receivingAgencyId,
      agencyIds: [anBinh],
      applicantAccountId: null,
      attachedBy: deskId,
    });

    t.clock.advance(23 * 3600_000);
    desk = await t.loginStaff('motcua.anbinh');
    const recent = await put('moi.pdf', pdfBytes('recent'));
    t.clock.advance(2 * 3600_000); // the first three are 25 h old, the last one 2 h

    await inTransaction(t.database.db, (tx) => t.jobs.enqueue(tx, DOCUMENTS_CLEANUP_QUEUE, {}));
    const report = await t.jobs.drain({ names: [DOCUMENTS_CLEANUP_QUEUE] });
    expect(report).toEqual({ completed: 1, failures: [] });

    const left = await rows<{ id: string }>(
      sql`select id from documents.files where id in (${abandoned.id}, ${attached.id}, ${sameContent.id}, ${recent.id})`,
    );
    expect(left.map((r) => r.id).sort()).toEqual([attached.id, recent.id].sort());
    expect(onDisk(abandoned.sha256)).toBe(false);
    expect(onDisk(attached.sha256)).toBe(true); // also sameContent's bytes: the attached file holds them
    expect(onDisk(recent.sha256)).toBe(true);

    desk = await t.loginStaff('motcua.anbinh');
    await expectReads(desk, abandoned.id, 404);
    await expectReads(desk, sameContent.id, 404);
    const kept = await download(t, desk, `/api/files/${attached.id}`);
    expect(kept.status).toBe(200);
    expect(Buffer.compare(kept.bytes, pdfBytes('shared'))).toBe(0);
    await expectReads(desk, recent.id, 200);

    const deletions = await rows<{ target_id: string }>(
      sql`select target_id from audit.entries where action = 'documents.file.delete' order by id`,
    );
    expect(deletions.map((d) => d.target_id)).toContain(abandoned.id);

    // An abandoned file is gone for good: it cannot be attached any more.
    const late = await attach({
      fileIds: [abandoned.id],
      dossierId: dossier.id,
      receivingAgencyId: dossier.receivingAgencyId,
      agencyIds: [anBinh],
      applicantAccountId: null,
      attachedBy: deskId,
    }).catch((e: unknown) => e);
    expect(late).toMatchObject({ code: 'FILE_NOT_FOUND', status: 422 });

    // The same bytes uploaded again after the clean-up are stored again.
    const again = await put('bo-do-lan-2.pdf', pdfBytes('abandoned'));
    expect(again.sha256).toBe(abandoned.sha256);
    expect(onDisk(again.sha256)).toBe(true);
  });
});
