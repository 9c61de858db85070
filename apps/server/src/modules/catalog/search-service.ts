import type {
  ProcedureField,
  SearchHit,
  SearchQuery,
  SearchResult,
  Synonym,
  SynonymInput,
} from '@motcua/contracts/catalog';
import { searchCatalogue } from '@motcua/domain/catalog/search-index';
import type { AccessContext, ServiceContext } from '../../platform/access-context';
import { conflict, notFound } from '../../platform/app-error';
import { recordAudit } from '../../platform/audit-log';
import { inTransaction, isUniqueViolation } from '../../platform/database';
import { isUuid } from './catalog-service';
import { catalogueSearchIndex, committedChange } from './search-index-cache';
import * as store from './store';

/**
 * The public, forgiving search (diacritic-insensitive, typo-tolerant, ranked, filtered, with facet
 * counts and the editable synonyms) runs on the in-memory index of `search-index-cache.ts`; the rules
 * are in `@motcua/domain/catalog/search-index`. Only published versions in force at the request's
 * instant are searched.
 */
export async function searchProcedures(ctx: ServiceContext, query: SearchQuery): Promise<SearchResult> {
  const now = ctx.now().getTime();
  const { index, fieldNames } = await catalogueSearchIndex(ctx.db, now);
  const answer = searchCatalogue(index, {
    q: query.q,
    field: query.field,
    level: query.level,
    agencyId: query.agencyId,
    onlineLevel: query.onlineLevel,
    fee: query.fee,
    at: now,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    total: answer.total,
    page: query.page,
    pageSize: query.pageSize,
    hits: answer.hits.map(({ document: d, score }) => ({
      procedureId: d.procedureId,
      versionId: d.versionId,
      nationalCode: d.nationalCode,
      localCode: d.localCode,
      name: d.name,
      fieldCode: d.fieldCode,
      fieldName: fieldNames.get(d.fieldCode) ?? d.fieldCode,
      levels: d.levels as SearchHit['levels'],
      onlineLevel: d.onlineLevel as SearchHit['onlineLevel'],
      hasFee: d.hasFee,
      processingTimes: d.processingTimes,
      fees: d.fees,
      score: Math.round(score * 1000) / 1000,
    })),
    facets: {
      fields: answer.facets.fields.map((f) => ({ ...f, name: fieldNames.get(f.value) ?? f.value })),
      levels: answer.facets.levels as SearchResult['facets']['levels'],
      agencies: answer.facets.agencies,
      onlineLevels: answer.facets.onlineLevels as SearchResult['facets']['onlineLevels'],
      fee: answer.facets.fee as SearchResult['facets']['fee'],
    },
    synonymsUsed: answer.synonymsUsed.map((s) => ({ term: s.term, expandsTo: [...s.expandsTo] })),
  };
}

export async function listFields(ctx: ServiceContext): Promise<ProcedureField[]> {
  return (await store.allFields(ctx.db)).map((f) => ({ code: f.code, name: f.name, national: f.national }));
}

export async function createField(
  ctx: ServiceContext,
  access: AccessContext,
  input: { code: string; name: string; national: boolean },
): Promise<ProcedureField> {
  return committedChange(
    ctx.db,
    inTransaction(ctx.db, async (tx) => {
      const row = await store.insertField(tx, input);
      if (!row) throw conflict('FIELD_EXISTS', `Mã lĩnh vực ${input.code} đã có`, { path: ['code'] });
      await recordAudit(
        tx,
        access.actor,
        {
          action: 'catalog.field.create',
          targetType: 'procedure-field',
          targetId: input.code,
          details: input,
        },
        ctx.now(),
      );
      return { code: row.code, name: row.name, national: row.national };
    }),
  );
}

// ── synonyms ───────────────────────────────────────────────────────────

function toSynonym(row: store.SynonymRow): Synonym {
  return {
    id: row.id,
    term: row.term,
    expandsTo: row.expandsTo,
    procedureCodes: row.procedureCodes,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export async function listSynonyms(ctx: ServiceContext): Promise<Synonym[]> {
  return (await store.allSynonyms(ctx.db)).map(toSynonym);
}

function termTaken(term: string) {
  return conflict('SYNONYM_EXISTS', `Đã có từ đồng nghĩa "${term}"`, { path: ['term'] });
}

export async function createSynonym(
  ctx: ServiceContext,
  access: AccessContext,
  input: SynonymInput,
): Promise<Synonym> {
  return committedChange(
    ctx.db,
    inTransaction(ctx.db, async (tx) => {
      let row: store.SynonymRow;
      try {
        row = await store.insertSynonym(tx, { ...input, at: ctx.now() });
      } catch (error) {
        if (isUniqueViolation(error)) throw termTaken(input.term);
        throw error;
      }
      await recordAudit(
        tx,
        access.actor,
        { action: 'catalog.synonym.create', targetType: 'synonym', targetId: row.id, details: { ...input } },
        ctx.now(),
      );
      return toSynonym(row);
    }),
  );
}

export async function updateSynonym(
  ctx: ServiceContext,
  access: AccessContext,
  id: string,
  input: SynonymInput,
): Promise<Synonym> {
  if (!isUuid(id)) throw notFound('từ đồng nghĩa', 'SYNONYM_NOT_FOUND');
  return committedChange(
    ctx.db,
    inTransaction(ctx.db, async (tx) => {
      const before = await store.synonymById(tx, id);
      if (!before) throw notFound('từ đồng nghĩa', 'SYNONYM_NOT_FOUND');
      let row: store.SynonymRow | undefined;
      try {
        row = await store.updateSynonym(tx, id, { ...input, at: ctx.now() });
      } catch (error) {
        if (isUniqueViolation(error)) throw termTaken(input.term);
        throw error;
      }
      await recordAudit(
        tx,
        access.actor,
        {
          action: 'catalog.synonym.update',
          targetType: 'synonym',
          targetId: id,
          details: { before: toSynonym(before), after: { ...input } },
        },
        ctx.now(),
      );
      return toSynonym(row!);
    }),
  );
}

export async function deleteSynonym(ctx: ServiceContext, access: AccessContext, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound('từ đồng nghĩa', 'SYNONYM_NOT_FOUND');
  await committedChange(
    ctx.db,
    inTransaction(ctx.db, async (tx) => {
      const row = await store.deleteSynonym(tx, id);
      if (!row) throw notFound('từ đồng nghĩa', 'SYNONYM_NOT_FOUND');
      await recordAudit(
        tx,
        access.actor,
        {
          action: 'catalog.synonym.delete',
          targetType: 'synonym',
          targetId: id,
          details: { term: row.term },
        },
        ctx.now(),
      );
    }),
  );
}
