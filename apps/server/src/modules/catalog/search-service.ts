import type {
  ProcedureField,
  SearchQuery,
  SearchResult,
  Synonym,
  SynonymInput,
} from '@motcua/contracts/catalog';
import type { AccessContext, ServiceContext } from '../../platform/access-context';
import { conflict, notFound } from '../../platform/app-error';
import { recordAudit } from '../../platform/audit-log';
import { type Db, inTransaction, isUniqueViolation } from '../../platform/database';
import { isUuid } from './catalog-service';
import { acceptedWords, foldWords } from './search-vocabulary';
import * as store from './store';

/**
 * The public, forgiving search: diacritic-insensitive (`catalog.fold`: unaccent + đ → d), typo-tolerant
 * (pg_trgm word similarity on the folded text), ranked, with filters and facet counts, and everyday
 * terms expanded through the editable synonym list. Only published versions in force are searched.
 */

const MAX_EXPANSIONS = 6;
/** Words nearly every procedure name contains ("thủ tục"): they do not help to choose. */
const STOP_WORDS = new Set(['thu', 'tuc']);

/**
 * How the query (or a synonym's expansion) must match: each of its words stands for the vocabulary
 * words within a small edit distance; a procedure must contain such a word for most of them (all of
 * them when there are one or two, 60 % beyond: "đăng ký khai sinh cho con" still finds the birth
 * registration although the name has no "con").
 */
async function matchQuery(db: Db, phrase: string): Promise<store.MatchQuery> {
  const all = foldWords(phrase);
  const words = all.filter((w) => !STOP_WORDS.has(w));
  const chosen = words.length > 0 ? words : all;
  const terms = await acceptedWords(db, chosen);
  const n = terms.length;
  return { phrase, terms, required: n <= 2 ? n : Math.ceil(n * 0.6) };
}

export async function searchProcedures(ctx: ServiceContext, query: SearchQuery): Promise<SearchResult> {
  const q = query.q.normalize('NFC').trim();
  const matched = q === '' ? [] : await store.synonymsIn(ctx.db, q);
  const expansions = [...new Set(matched.flatMap((s) => s.expandsTo))].slice(0, MAX_EXPANSIONS);
  const codes = [...new Set(matched.flatMap((s) => s.procedureCodes))];
  const queries = await Promise.all(
    [q, ...expansions].filter((p) => p !== '').map((p) => matchQuery(ctx.db, p)),
  );
  const [answer, fields] = await Promise.all([
    store.search(ctx.db, {
      q,
      queries,
      synonymCodes: codes,
      field: query.field,
      level: query.level,
      agencyId: query.agencyId,
      onlineLevel: query.onlineLevel,
      fee: query.fee,
      at: ctx.now(),
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    }),
    fieldNames(ctx),
  ]);
  return {
    total: answer.total,
    page: query.page,
    pageSize: query.pageSize,
    hits: answer.hits.map((h) => ({
      procedureId: h.procedure_id,
      versionId: h.id,
      nationalCode: h.national_code,
      localCode: h.local_code,
      name: h.name,
      fieldCode: h.field_code,
      fieldName: fields.get(h.field_code) ?? h.field_code,
      levels: h.levels as SearchResult['hits'][number]['levels'],
      onlineLevel: h.online_level as SearchResult['hits'][number]['onlineLevel'],
      hasFee: h.has_fee,
      score: Math.round(h.score * 1000) / 1000,
    })),
    facets: {
      fields: answer.fields.map((f) => ({ ...f, name: fields.get(f.value) ?? f.value })),
      levels: answer.levels as SearchResult['facets']['levels'],
      agencies: answer.agencies,
      onlineLevels: answer.onlineLevels as SearchResult['facets']['onlineLevels'],
      fee: answer.fee as SearchResult['facets']['fee'],
    },
    synonymsUsed: matched.map((s) => ({ term: s.term, expandsTo: s.expandsTo })),
  };
}

// Field names change rarely; a short cache saves a query per search.
const fieldCaches = new WeakMap<Db, { at: number; names: Map<string, string> }>();
async function fieldNames(ctx: ServiceContext): Promise<Map<string, string>> {
  const now = Date.now();
  const cached = fieldCaches.get(ctx.db);
  if (cached && now - cached.at < 5_000) return cached.names;
  const names = new Map((await store.allFields(ctx.db)).map((f) => [f.code, f.name]));
  fieldCaches.set(ctx.db, { at: now, names });
  return names;
}

export async function listFields(ctx: ServiceContext): Promise<ProcedureField[]> {
  return (await store.allFields(ctx.db)).map((f) => ({ code: f.code, name: f.name, national: f.national }));
}

export async function createField(
  ctx: ServiceContext,
  access: AccessContext,
  input: { code: string; name: string; national: boolean },
): Promise<ProcedureField> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await store.insertField(tx, input);
    if (!row) throw conflict('FIELD_EXISTS', `Mã lĩnh vực ${input.code} đã có`, { path: ['code'] });
    await recordAudit(
      tx,
      access.actor,
      { action: 'catalog.field.create', targetType: 'procedure-field', targetId: input.code, details: input },
      ctx.now(),
    );
    fieldCaches.delete(ctx.db);
    return { code: row.code, name: row.name, national: row.national };
  });
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
  return inTransaction(ctx.db, async (tx) => {
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
  });
}

export async function updateSynonym(
  ctx: ServiceContext,
  access: AccessContext,
  id: string,
  input: SynonymInput,
): Promise<Synonym> {
  if (!isUuid(id)) throw notFound('từ đồng nghĩa', 'SYNONYM_NOT_FOUND');
  return inTransaction(ctx.db, async (tx) => {
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
  });
}

export async function deleteSynonym(ctx: ServiceContext, access: AccessContext, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound('từ đồng nghĩa', 'SYNONYM_NOT_FOUND');
  await inTransaction(ctx.db, async (tx) => {
    const row = await store.deleteSynonym(tx, id);
    if (!row) throw notFound('từ đồng nghĩa', 'SYNONYM_NOT_FOUND');
    await recordAudit(
      tx,
      access.actor,
      { action: 'catalog.synonym.delete', targetType: 'synonym', targetId: id, details: { term: row.term } },
      ctx.now(),
    );
  });
}
