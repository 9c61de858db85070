import {
  type ImportJob,
  type ImportRecordError,
  type ProcedureContent,
  procedureContentSchema,
  type StartImport,
  type WorkflowDefinition,
  workflowDefinitionSchema,
} from '@motcua/contracts/catalog';
import { legalLimitHours } from '@motcua/domain/catalog/workflow';
import type { AccessContext, ServiceContext } from '../../platform/access-context';
import { AppError, forbidden, invalid, notFound } from '../../platform/app-error';
import { type Actor, recordAudit } from '../../platform/audit-log';
import { inTransaction } from '../../platform/database';
import { agencyLabels, listAgencies } from '../org/agency-service';
import { columnsOf, insertProcedureWithDraft, isUuid } from './catalog-service';
import { locate, type RecordRows, readWorkbook, WorkbookError, writeWorkbook } from './catalogue-workbook';
import {
  fromNationalRecord,
  type Lookups,
  type NationalRecord,
  nationalPath,
  nationalWorkflowPath,
  toNationalRecord,
  WORKFLOWS_KEY,
} from './national-catalogue-mapping';
import * as store from './store';
import { workflowIssues } from './workflow-service';

/**
 * Import and export of the catalogue in the national record's shape (JSON) and as Excel.
 *
 * An import is ALL OR NOTHING: every record is validated first (each bad record is reported with its
 * index or sheet row and the reason), and only when all are valid are they written, in one
 * transaction. A catalogue is announced as a whole by one decision; a half-imported batch would leave
 * the office to find out which half went in and would make re-running it create duplicates.
 *
 * The request reads and checks what it can at once (the owner, the caller's scope, the workbook), then
 * writes the job row, with the records, its audit entry and a `catalog-import` job in one transaction,
 * and answers 202. The job (`runImportJob`, any process working the queue) does the rest from the row,
 * so an import survives a restart: pg-boss hands a job whose process died to another attempt. Every
 * attempt may safely run again until one finishes the row, since the write transaction finishes the
 * row itself (a second attempt waits on it, then finds the row finished and stops). The records are
 * cleared from the row when it finishes. Progress is in the job row (GET polls it); the job yields to
 * the event loop every 20 records, so the process it runs in keeps answering requests.
 */

export const CATALOG_IMPORT_QUEUE = 'catalog-import';

export interface ImportJobData {
  importJobId: string;
}

const YIELD_EVERY = 20;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function lookupsFor(ctx: ServiceContext): Promise<Lookups> {
  const [agencies, fields] = await Promise.all([
    listAgencies(ctx, { includeEnded: true }),
    store.allFields(ctx.db),
  ]);
  return {
    agencyIdByCode: new Map(agencies.map((a) => [a.code, a.id])),
    agencyCodeById: new Map(agencies.map((a) => [a.id, a.code])),
    agencyNameById: new Map(agencies.map((a) => [a.id, a.name])),
    fieldNameByCode: new Map(fields.map((f) => [f.code, f.name])),
  };
}

function toJob(row: store.ImportJobRow): ImportJob {
  return {
    id: row.id,
    format: row.format as ImportJob['format'],
    status: row.status as ImportJob['status'],
    total: row.total,
    validated: row.validated,
    imported: row.imported,
    created: row.created,
    amended: row.amended,
    errors: row.errors,
    createdAt: new Date(row.createdAt).toISOString(),
    finishedAt: row.finishedAt === null ? null : new Date(row.finishedAt).toISOString(),
  };
}

/** The import worker, registered with the catalogue's routes (before the job queue starts). */
export function registerImportJobs(ctx: ServiceContext): void {
  ctx.jobs.work<ImportJobData>(CATALOG_IMPORT_QUEUE, (job) => runImportJob(ctx, job.data.importJobId), {
    // One import at a time per fetch: a job fetched but waiting behind another would age towards its expiry.
    batchSize: 1,
    // An attempt whose process died is retried once pg-boss expires it: long enough for a large batch.
    expireInSeconds: 15 * 60,
    retryLimit: 3,
  });
}

export async function startImport(
  ctx: ServiceContext,
  access: AccessContext,
  input: StartImport,
): Promise<ImportJob> {
  const owner = (await agencyLabels(ctx, [input.ownerAgencyId])).get(input.ownerAgencyId);
  if (!owner)
    throw new AppError('AGENCY_NOT_FOUND', 404, 'Không tìm thấy cơ quan sở hữu danh mục', {
      path: ['ownerAgencyId'],
    });
  await access.assertInScope('catalog.edit', input.ownerAgencyId);
  let records: unknown[];
  let rows: RecordRows[] | null = null;
  if (input.format === 'json') records = input.records;
  else {
    try {
      const read = await readWorkbook(Buffer.from(input.fileBase64, 'base64'));
      records = read.records;
      rows = read.rows;
    } catch (error) {
      if (error instanceof WorkbookError)
        throw invalid('WORKBOOK_INVALID', error.message, { path: ['fileBase64'] });
      throw error;
    }
  }
  const job = await inTransaction(ctx.db, async (tx) => {
    const row = await store.insertImportJob(tx, {
      format: input.format,
      ownerAgencyId: input.ownerAgencyId,
      total: records.length,
      createdBy: access.actor.name,
      createdById: access.actor.id,
      input: { records, rows },
      at: ctx.now(),
    });
    await recordAudit(
      tx,
      access.actor,
      {
        action: 'catalog.import.start',
        targetType: 'import-job',
        targetId: row.id,
        agencyId: input.ownerAgencyId,
        details: { format: input.format, records: records.length },
      },
      ctx.now(),
    );
    await ctx.jobs.enqueue<ImportJobData>(tx, CATALOG_IMPORT_QUEUE, { importJobId: row.id });
    return row;
  });
  return toJob(job);
}

/**
 * One attempt of the `catalog-import` job: runs the import of an unfinished row; a finished (or unknown)
 * row is left alone, so a repeated or late attempt does nothing. A failure of the import finishes the row
 * as failed, with the reason: retrying the same records would fail the same way, and the officer sees
 * the outcome on the row.
 */
export async function runImportJob(ctx: ServiceContext, importJobId: string): Promise<void> {
  const row = await store.importJobById(ctx.db, importJobId);
  if (!row || row.finishedAt !== null) return;
  try {
    if (row.input === null)
      throw new AppError('IMPORT_INPUT_MISSING', 500, 'Không còn dữ liệu của lượt nhập, vui lòng nhập lại');
    const owner = (await agencyLabels(ctx, [row.ownerAgencyId])).get(row.ownerAgencyId);
    if (!owner) throw new AppError('AGENCY_NOT_FOUND', 404, 'Không tìm thấy cơ quan sở hữu danh mục');
    // The job acts for the officer who started it: their scope was checked when the import was accepted.
    const actor: Actor = { id: row.createdById, name: row.createdBy, ip: null };
    await runImport(
      ctx,
      actor,
      row.id,
      { ownerAgencyId: row.ownerAgencyId, ownerCode: owner.code },
      row.input.records,
      row.input.rows,
    );
  } catch (error) {
    await store.updateImportJob(ctx.db, row.id, {
      status: 'failed',
      finishedAt: ctx.now(),
      input: null,
      errors: [
        {
          index: -1,
          sheet: null,
          row: null,
          nationalCode: null,
          path: [],
          code: error instanceof AppError ? error.code : 'INTERNAL',
          message: error instanceof AppError ? error.message : 'Lỗi hệ thống khi nhập dữ liệu',
        },
      ],
    });
    // An unexpected error also fails the attempt, for the log to show it; the retry finds the row finished.
    if (!(error instanceof AppError)) throw error;
  }
}

/**
 * What the import writes with: the officer's name on versions and workflows and in the audit trail. It
 * grants no scope: `runImport` checks none (the owner agency was checked when the import was accepted).
 */
function actingFor(actor: Actor): AccessContext {
  return {
    actor,
    userId: actor.id,
    kind: 'staff',
    scope: async () => new Set<string>(),
    assertInScope: async () => {
      throw forbidden();
    },
  };
}

interface ValidRecord {
  index: number;
  content: ProcedureContent;
  fieldName: string;
  workflows: { agencyId: string; definition: WorkflowDefinition }[];
}

async function runImport(
  ctx: ServiceContext,
  actor: Actor,
  jobId: string,
  owner: { ownerAgencyId: string; ownerCode: string },
  records: unknown[],
  rows: RecordRows[] | null,
): Promise<void> {
  const lookups = await lookupsFor(ctx);
  const errors: ImportRecordError[] = [];
  const valid: ValidRecord[] = [];
  const seen = new Map<string, number>();
  const report = (
    index: number,
    code: string | null,
    path: (string | number)[],
    errCode: string,
    message: string,
  ) => {
    const where = rows ? locate(rows[index]!, path) : null;
    errors.push({
      index,
      sheet: where?.sheet ?? null,
      row: where?.row ?? null,
      nationalCode: code,
      path,
      code: errCode,
      message,
    });
  };
  for (let i = 0; i < records.length; i++) {
    if (i % YIELD_EVERY === 0 && i > 0) {
      if (!(await store.updateImportJob(ctx.db, jobId, { validated: i }))) return; // finished meanwhile
      await yieldToEventLoop();
    }
    const raw = records[i];
    const rawCode =
      typeof (raw as NationalRecord | null)?.MaTTHC === 'string'
        ? ((raw as NationalRecord).MaTTHC as string)
        : null;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      report(i, null, [], 'RECORD_NOT_OBJECT', 'Bản ghi phải là một đối tượng JSON');
      continue;
    }
    const mapped = fromNationalRecord(raw, lookups);
    const before = errors.length;
    for (const issue of mapped.issues) report(i, rawCode, issue.path, issue.code, issue.message);
    const parsed = procedureContentSchema.safeParse(mapped.content);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = nationalPath(issue.path);
        const missing = issue.code === 'invalid_type' && issue.input === undefined;
        report(
          i,
          rawCode,
          path,
          missing ? 'MISSING_FIELD' : 'INVALID_VALUE',
          missing ? `Thiếu trường ${path.join('.')}` : `${path.join('.')}: ${issue.message}`,
        );
      }
      continue;
    }
    const content = parsed.data;
    const fieldName = lookups.fieldNameByCode.get(content.fieldCode);
    if (fieldName === undefined)
      report(i, rawCode, ['MaLinhVuc'], 'FIELD_NOT_FOUND', `Không có lĩnh vực mã "${content.fieldCode}"`);
    const earlier = seen.get(content.nationalCode);
    if (earlier !== undefined)
      report(
        i,
        rawCode,
        ['MaTTHC'],
        'DUPLICATE_CODE',
        `Mã TTHC ${content.nationalCode} đã có ở bản ghi ${earlier}`,
      );
    seen.set(content.nationalCode, i);
    const workflows: ValidRecord['workflows'] = [];
    const { limitHours } = legalLimitHours(content.channels.map((c) => c.processingTime));
    for (const w of mapped.workflows) {
      const base = [WORKFLOWS_KEY, w.index];
      const def = workflowDefinitionSchema.safeParse(w.definition);
      if (!def.success) {
        for (const issue of def.error.issues)
          report(
            i,
            rawCode,
            [...base, ...nationalWorkflowPath(issue.path)],
            'WORKFLOW_INVALID',
            issue.message,
          );
        continue;
      }
      if (w.agencyId === null) continue; // reported by the mapping
      if (!content.implementingAgencyIds.includes(w.agencyId)) {
        report(
          i,
          rawCode,
          [...base, 'MaDonVi'],
          'AGENCY_NOT_IMPLEMENTING',
          'Quy trình của cơ quan không thực hiện thủ tục này',
        );
        continue;
      }
      for (const issue of await workflowIssues(ctx, def.data, limitHours))
        report(i, rawCode, [...base, ...nationalWorkflowPath(issue.path)], issue.code, issue.message);
      workflows.push({ agencyId: w.agencyId, definition: def.data });
    }
    if (errors.length === before && fieldName !== undefined)
      valid.push({ index: i, content, fieldName, workflows });
  }
  // Existing procedures: a draft is replaced, a published one is amended, one in review is refused.
  const plans: {
    record: ValidRecord;
    existing: store.ProcedureRow | undefined;
    latest: store.VersionRow | undefined;
  }[] = [];
  for (const record of valid) {
    const existing = await store.procedureByCodeOwner(
      ctx.db,
      record.content.nationalCode,
      owner.ownerAgencyId,
    );
    const all = existing ? await store.versionsOf(ctx.db, existing.id) : [];
    const latest = all[all.length - 1];
    const code = record.content.nationalCode;
    if (existing?.abolishedAt)
      report(record.index, code, ['MaTTHC'], 'PROCEDURE_ABOLISHED', `Thủ tục ${code} đã bị bãi bỏ`);
    else if (latest && ['submitted', 'approved', 'announced'].includes(latest.status))
      report(
        record.index,
        code,
        ['MaTTHC'],
        'PROCEDURE_IN_REVIEW',
        `Thủ tục ${code} đang có phiên bản chờ duyệt hoặc chờ công khai`,
      );
    else plans.push({ record, existing, latest });
  }
  await store.updateImportJob(ctx.db, jobId, { validated: records.length });
  if (errors.length > 0) {
    errors.sort((a, b) => a.index - b.index);
    await store.updateImportJob(ctx.db, jobId, {
      status: 'failed',
      errors,
      finishedAt: ctx.now(),
      input: null,
    });
    return;
  }
  if (!(await store.updateImportJob(ctx.db, jobId, { status: 'importing' }))) return;
  const access = actingFor(actor);
  let created = 0;
  let amended = 0;
  await inTransaction(ctx.db, async (tx) => {
    // Locks the row: another attempt of this job waits here until this one commits, then finds the row
    // finished (below, in this transaction) and writes nothing.
    if (!(await store.updateImportJob(tx, jobId, { status: 'importing' }))) return;
    for (let k = 0; k < plans.length; k++) {
      if (k % YIELD_EVERY === 0 && k > 0) await yieldToEventLoop();
      const { record, existing, latest } = plans[k]!;
      let procedureId: string;
      if (!existing || !latest) {
        const inserted = await insertProcedureWithDraft(tx, ctx.now(), access, {
          ownerAgencyId: owner.ownerAgencyId,
          ownerCode: owner.ownerCode,
          content: record.content,
          fieldName: record.fieldName,
        });
        procedureId = inserted.procedure.id;
        created++;
      } else {
        procedureId = existing.id;
        const columns = columnsOf(record.content, record.fieldName);
        if (latest.status === 'draft' || latest.status === 'returned')
          await store.updateVersionContent(tx, latest.id, record.content, columns, ctx.now());
        else
          await store.insertVersion(tx, {
            procedureId,
            number: latest.number + 1,
            status: 'draft',
            content: record.content,
            columns,
            at: ctx.now(),
            createdBy: access.actor.name,
            amendsVersionId: latest.status === 'published' ? latest.id : null,
          });
        amended++;
      }
      for (const w of record.workflows) {
        const existingWf = await store.workflowsOf(tx, procedureId, w.agencyId);
        await store.insertWorkflow(tx, {
          procedureId,
          agencyId: w.agencyId,
          number: (existingWf[existingWf.length - 1]?.number ?? 0) + 1,
          definition: w.definition,
          at: ctx.now(),
          by: access.actor.name,
        });
      }
    }
    await recordAudit(
      tx,
      access.actor,
      {
        action: 'catalog.import.commit',
        targetType: 'import-job',
        targetId: jobId,
        agencyId: owner.ownerAgencyId,
        details: { created, amended, codes: plans.map((p) => p.record.content.nationalCode) },
      },
      ctx.now(),
    );
    await store.updateImportJob(tx, jobId, {
      status: 'succeeded',
      imported: plans.length,
      created,
      amended,
      finishedAt: ctx.now(),
      input: null,
    });
  });
}

export async function getImportJob(
  ctx: ServiceContext,
  access: AccessContext,
  id: string,
): Promise<ImportJob> {
  const row = isUuid(id) ? await store.importJobById(ctx.db, id) : undefined;
  if (!row) throw notFound('lượt nhập dữ liệu', 'IMPORT_NOT_FOUND');
  await access.assertInScope('catalog.edit', row.ownerAgencyId, { hidden: true, what: 'lượt nhập dữ liệu' });
  return toJob(row);
}

/** The latest (or published) version of each procedure in the caller's scope, as national records. */
export async function exportRecords(
  ctx: ServiceContext,
  access: AccessContext,
  q: { ownerAgencyId?: string | undefined; which: 'latest' | 'published' },
): Promise<NationalRecord[]> {
  const scope = new Set([...(await access.scope('catalog.edit')), ...(await access.scope('catalog.review'))]);
  if (scope.size === 0) throw forbidden();
  const owners =
    q.ownerAgencyId !== undefined ? (scope.has(q.ownerAgencyId) ? [q.ownerAgencyId] : []) : [...scope];
  const lookups = await lookupsFor(ctx);
  const records: NationalRecord[] = [];
  for (let page = 0; ; page++) {
    const { rows } = await store.listLatest(ctx.db, { ownerIds: owners, limit: 500, offset: page * 500 });
    for (const { procedure, version: latest } of rows) {
      let version: store.VersionRow | undefined = latest;
      if (q.which === 'published') version = await store.versionInForce(ctx.db, procedure.id, ctx.now());
      if (!version) continue;
      const stored = await store.workflowsOf(ctx.db, procedure.id);
      const current = new Map<string, WorkflowDefinition>();
      for (const w of stored) current.set(w.agencyId, w.definition);
      records.push(
        toNationalRecord(
          version.content,
          lookups,
          [...current].map(([agencyId, definition]) => ({ agencyId, definition })),
        ),
      );
    }
    if (rows.length < 500) break;
  }
  return records;
}

export async function exportWorkbook(
  ctx: ServiceContext,
  access: AccessContext,
  q: { ownerAgencyId?: string | undefined; which: 'latest' | 'published' },
): Promise<Buffer> {
  return writeWorkbook(await exportRecords(ctx, access, q));
}
