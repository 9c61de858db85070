import { createHash } from 'node:crypto';
import type { ImportRecordError, ProcedureContent, WorkflowDefinition } from '@motcua/contracts/catalog';
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/database';
import { fields, importJobs, procedures, searchVocabulary, synonyms, versions, workflows } from './schema';

export type FieldRow = typeof fields.$inferSelect;
export type ProcedureRow = typeof procedures.$inferSelect;
export type VersionRow = typeof versions.$inferSelect;
export type WorkflowRow = typeof workflows.$inferSelect;
export type SynonymRow = typeof synonyms.$inferSelect;
export type ImportJobRow = typeof importJobs.$inferSelect;

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** The same hash as `catalog.word_hash`: the first 4 bytes of the word's MD5, signed. */
export function wordHash(word: string): number {
  return createHash('md5').update(word, 'utf8').digest().readInt32BE(0);
}

const hashArray = (words: readonly string[]): SQL =>
  sql.raw(`'{${[...new Set(words.map(wordHash))].join(',')}}'::integer[]`);

const textArray = (values: readonly string[]): SQL =>
  values.length === 0
    ? sql`array[]::text[]`
    : sql`array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`;

// ── fields ─────────────────────────────────────────────────────────────

export async function allFields(db: Db): Promise<FieldRow[]> {
  return db.select().from(fields).orderBy(asc(fields.name));
}

export async function fieldByCode(db: Db, code: string): Promise<FieldRow | undefined> {
  const [row] = await db.select().from(fields).where(eq(fields.code, code));
  return row;
}

export async function insertField(db: Db, f: { code: string; name: string; national: boolean }) {
  const [row] = await db.insert(fields).values(f).onConflictDoNothing().returning();
  return row;
}

// ── procedures and versions ────────────────────────────────────────────

export async function insertProcedure(
  db: Db,
  p: { nationalCode: string; ownerAgencyId: string; localCode: string; createdAt: Date },
): Promise<ProcedureRow> {
  const [row] = await db.insert(procedures).values(p).returning();
  return row!;
}

export async function procedureById(db: Db, id: string): Promise<ProcedureRow | undefined> {
  const [row] = await db.select().from(procedures).where(eq(procedures.id, id));
  return row;
}

export async function procedureByCodeOwner(
  db: Db,
  nationalCode: string,
  ownerAgencyId: string,
): Promise<ProcedureRow | undefined> {
  const [row] = await db
    .select()
    .from(procedures)
    .where(and(eq(procedures.nationalCode, nationalCode), eq(procedures.ownerAgencyId, ownerAgencyId)));
  return row;
}

export async function markAbolished(db: Db, id: string, at: Date): Promise<void> {
  await db.update(procedures).set({ abolishedAt: at }).where(eq(procedures.id, id));
}

export async function countProcedures(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(procedures);
  return row?.n ?? 0;
}

/** Columns copied from the document for queries; `searchSource` is folded by `catalog.fold`. */
export interface VersionColumns {
  name: string;
  nationalCode: string;
  fieldCode: string;
  levels: string[];
  agencyIds: string[];
  onlineLevel: string | null;
  hasFee: boolean;
  legalEffectiveDate: string | null;
  searchName: string;
  searchSource: string;
}

function columnValues(c: VersionColumns) {
  return {
    name: c.name,
    nationalCode: c.nationalCode,
    fieldCode: c.fieldCode,
    levels: c.levels,
    agencyIds: c.agencyIds,
    onlineLevel: c.onlineLevel,
    hasFee: c.hasFee,
    legalEffectiveDate: c.legalEffectiveDate,
    searchName: sql`catalog.fold(${c.searchName})`,
    searchText: sql`catalog.fold(${c.searchSource})`,
    searchWords: sql`array(select distinct w from regexp_split_to_table(catalog.fold(${c.searchSource}), '[^a-z0-9]+') as w where w <> '')`,
    searchHashes: sql`array(select distinct catalog.word_hash(w) from regexp_split_to_table(catalog.fold(${c.searchSource}), '[^a-z0-9]+') as w where w <> '')`,
  };
}

/** Adds a version's words to the search vocabulary. */
async function addToVocabulary(db: Db, words: readonly string[]): Promise<void> {
  if (words.length === 0) return;
  await db.execute(
    sql`insert into catalog.search_vocabulary (word) select unnest(${textArray(words)}) on conflict do nothing`,
  );
}

/** Fills the vocabulary from every stored version (after bulk loads that bypass the store). */
export async function rebuildVocabulary(db: Db): Promise<void> {
  await db.execute(
    sql`insert into catalog.search_vocabulary (word) select distinct unnest(search_words) from catalog.versions on conflict do nothing`,
  );
}

export async function vocabulary(db: Db): Promise<string[]> {
  return (await db.select({ word: searchVocabulary.word }).from(searchVocabulary)).map((r) => r.word);
}

export async function insertVersion(
  db: Db,
  v: {
    procedureId: string;
    number: number;
    status: string;
    content: ProcedureContent;
    columns: VersionColumns;
    at: Date;
    createdBy: string | null;
    amendsVersionId: string | null;
  },
): Promise<VersionRow> {
  const [row] = await db
    .insert(versions)
    .values({
      procedureId: v.procedureId,
      number: v.number,
      status: v.status,
      content: v.content,
      ...columnValues(v.columns),
      createdAt: v.at,
      updatedAt: v.at,
      createdBy: v.createdBy,
      amendsVersionId: v.amendsVersionId,
    })
    .returning();
  await addToVocabulary(db, row!.searchWords);
  return row!;
}

export async function updateVersionContent(
  db: Db,
  id: string,
  content: ProcedureContent,
  columns: VersionColumns,
  at: Date,
): Promise<VersionRow> {
  const [row] = await db
    .update(versions)
    .set({ content, ...columnValues(columns), updatedAt: at, status: 'draft' })
    .where(eq(versions.id, id))
    .returning();
  await addToVocabulary(db, row!.searchWords);
  return row!;
}

export async function updateVersion(
  db: Db,
  id: string,
  patch: Partial<
    Pick<
      VersionRow,
      | 'status'
      | 'updatedAt'
      | 'submittedAt'
      | 'reviewedAt'
      | 'reviewedBy'
      | 'returnReason'
      | 'decisionNumber'
      | 'decisionDate'
      | 'publishedAt'
      | 'inForceFrom'
      | 'inForceTo'
    >
  >,
): Promise<VersionRow> {
  const [row] = await db.update(versions).set(patch).where(eq(versions.id, id)).returning();
  return row!;
}

export async function versionById(db: Db, id: string): Promise<VersionRow | undefined> {
  const [row] = await db.select().from(versions).where(eq(versions.id, id));
  return row;
}

/** Locks the procedure's versions for a lifecycle change (concurrent actions serialise here). */
export async function lockProcedure(db: Db, procedureId: string): Promise<void> {
  await db.execute(sql`select id from catalog.procedures where id = ${procedureId} for update`);
}

export async function versionsOf(db: Db, procedureId: string): Promise<VersionRow[]> {
  return db
    .select()
    .from(versions)
    .where(eq(versions.procedureId, procedureId))
    .orderBy(asc(versions.number));
}

/** The published version in force at `at` (the dossier engine's question). */
export async function versionInForce(db: Db, procedureId: string, at: Date): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(versions)
    .where(and(eq(versions.procedureId, procedureId), inForceAt(at)))
    .orderBy(desc(versions.inForceFrom))
    .limit(1);
  return row;
}

function inForceAt(at: Date): SQL {
  return and(
    isNotNull(versions.publishedAt),
    lte(versions.inForceFrom, at),
    or(isNull(versions.inForceTo), gt(versions.inForceTo, at)),
  )!;
}

/** The latest version of each procedure (optionally only in `ownerIds`). */
export async function listLatest(
  db: Db,
  q: {
    ownerIds: readonly string[];
    status?: string | undefined;
    q?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ total: number; rows: { procedure: ProcedureRow; version: VersionRow }[] }> {
  if (q.ownerIds.length === 0) return { total: 0, rows: [] };
  const latest = db
    .selectDistinctOn([versions.procedureId], { id: versions.id })
    .from(versions)
    .orderBy(versions.procedureId, desc(versions.number));
  const conditions = [
    inArray(procedures.ownerAgencyId, [...q.ownerIds]),
    inArray(versions.id, latest),
    q.status !== undefined ? eq(versions.status, q.status) : undefined,
    q.q !== undefined && q.q.trim() !== ''
      ? or(
          sql`${versions.searchText} like '%' || catalog.fold(${q.q.trim()}) || '%'`,
          eq(versions.nationalCode, q.q.trim()),
        )
      : undefined,
  ].filter((c) => c !== undefined);
  const where = and(...conditions);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(versions)
    .innerJoin(procedures, eq(procedures.id, versions.procedureId))
    .where(where);
  const rows = await db
    .select({ procedure: procedures, version: versions })
    .from(versions)
    .innerJoin(procedures, eq(procedures.id, versions.procedureId))
    .where(where)
    .orderBy(asc(versions.nationalCode), asc(procedures.localCode))
    .limit(q.limit)
    .offset(q.offset);
  return { total: count?.n ?? 0, rows };
}

/** Published versions in force now, for a public lookup by national code. */
export async function publishedByNationalCode(
  db: Db,
  code: string,
  at: Date,
): Promise<VersionRow | undefined> {
  const [row] = await db
    .select({ version: versions })
    .from(versions)
    .innerJoin(procedures, eq(procedures.id, versions.procedureId))
    .where(and(eq(versions.nationalCode, code), inForceAt(at)))
    .orderBy(asc(procedures.localCode))
    .limit(1);
  return row?.version;
}

/** Versions of given procedures in force at `at`. */
export async function publishedVersionIds(db: Db, procedureIds: readonly string[], at: Date) {
  if (procedureIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ procedureId: versions.procedureId, id: versions.id })
    .from(versions)
    .where(and(inArray(versions.procedureId, [...procedureIds]), inForceAt(at)));
  return new Map(rows.map((r) => [r.procedureId, r.id]));
}

// ── search ─────────────────────────────────────────────────────────────

/**
 * One way the query can match: its phrase (for ranking) and, for each of its words, the vocabulary
 * words accepted for it (the word itself and its near misses). A version matches when it contains an
 * accepted word for at least `required` of the words.
 */
export interface MatchQuery {
  phrase: string;
  terms: readonly (readonly string[])[];
  required: number;
}

export interface SearchParams {
  q: string;
  queries: readonly MatchQuery[];
  synonymCodes: readonly string[];
  field?: string | undefined;
  level?: string | undefined;
  agencyId?: string | undefined;
  onlineLevel?: string | undefined;
  fee?: 'free' | 'paid' | undefined;
  at: Date;
  limit: number;
  offset: number;
}

export interface SearchAnswer {
  total: number;
  hits: {
    procedure_id: string;
    id: string;
    national_code: string;
    local_code: string;
    name: string;
    field_code: string;
    levels: string[];
    online_level: string | null;
    has_fee: boolean;
    score: number;
  }[];
  fields: { value: string; count: number }[];
  levels: { value: string; count: number }[];
  agencies: { value: string; count: number }[];
  onlineLevels: { value: string; count: number }[];
  fee: { value: string; count: number }[];
}

const RERANK = 60;

/**
 * One statement: the query's matches (published, in force), ranked; the page of hits; the total; and
 * the facet counts, each ignoring its own filter. Matching is word by word on the folded words (GIN
 * index on `search_words`), with the near misses the service found in the vocabulary; only the rows
 * that match are ranked with pg_trgm's word similarity of the folded phrase and name.
 */
export async function search(db: Db, p: SearchParams): Promise<SearchAnswer> {
  const codes = textArray(p.synonymCodes);
  const code = p.q.trim();
  // A national code (1.001193) is looked up exactly.
  const exactCode = /^\d\.\d{6}$/.test(code);
  const queries = p.queries.filter((mq) => mq.terms.some((t) => t.length > 0));
  const browsing = !exactCode && p.q.trim() === '' && p.synonymCodes.length === 0;
  const hits = (mq: MatchQuery) =>
    sql.join(
      mq.terms.filter((t) => t.length > 0).map((t) => sql`(v.search_hashes && ${hashArray(t)})::int`),
      sql` + `,
    );
  const allWords = [...new Set(queries.flatMap((mq) => mq.terms.flat()))];
  const prefilter = browsing
    ? sql`true`
    : exactCode
      ? sql`v.national_code = ${code}`
      : sql`(v.search_hashes && ${hashArray(allWords)} or v.national_code = any(${codes}))`;
  const hitColumns = queries.map((mq, i) => sql`, ${hits(mq)} as h${sql.raw(String(i))}`);
  const passes =
    browsing || exactCode
      ? sql`true`
      : sql`(x.national_code = any(${codes})${sql.join(
          queries.map((mq, i) => sql` or x.h${sql.raw(String(i))} >= ${mq.required}`),
          sql``,
        )})`;
  const coverage =
    queries.length === 0
      ? sql`0`
      : sql`greatest(${sql.join(
          queries.map((mq, i) => sql`x.h${sql.raw(String(i))}::real / ${mq.terms.length}`),
          sql`, `,
        )})`;
  const similarity =
    queries.length === 0
      ? sql`0`
      : sql`greatest(${sql.join(
          queries.map((mq) => sql`word_similarity(catalog.fold(${mq.phrase}), c.search_name)`),
          sql`, `,
        )})`;
  // Ranking in two passes: a cheap score (share of the query's words found, synonym codes) for every
  // match, then pg_trgm's word similarity of phrase and name only for the best RERANK of them.
  const coarse =
    browsing || exactCode
      ? sql`0::real`
      : sql`(2 * ${coverage} + case when x.national_code = any(${codes}) then 1.5 else 0 end)::real`;
  const fine =
    browsing || exactCode
      ? sql`c.coarse`
      : sql`(c.coarse + 2 * ${similarity}
        + case when position(catalog.fold(${p.q}) in c.search_name) > 0 then 0.5 else 0 end)::real`;
  const rerank = p.offset + p.limit + RERANK;
  const filters = {
    field: p.field !== undefined ? sql`m.field_code = ${p.field}` : sql`true`,
    level: p.level !== undefined ? sql`${p.level} = any(m.levels)` : sql`true`,
    agency: p.agencyId !== undefined ? sql`${p.agencyId}::uuid = any(m.agency_ids)` : sql`true`,
    online:
      p.onlineLevel !== undefined ? sql`coalesce(m.online_level, 'none') = ${p.onlineLevel}` : sql`true`,
    fee: p.fee !== undefined ? sql`m.has_fee = ${p.fee === 'paid'}` : sql`true`,
  };
  type Key = keyof typeof filters;
  const except = (skip: Key | null) =>
    sql.join(
      (Object.keys(filters) as Key[]).filter((k) => k !== skip).map((k) => filters[k]),
      sql` and `,
    );
  const all = except(null);
  const facet = (column: SQL, from: SQL, skip: Key) =>
    sql`coalesce((select json_agg(f) from (select ${column} as value, count(*)::int as count from ${from} where ${except(skip)} group by 1 order by 2 desc, 1) f), '[]'::json)`;
  const statement = sql`
      with m as materialized (
        select x.id, x.procedure_id, x.national_code, x.local_code, x.name, x.field_code, x.levels, x.agency_ids,
               x.online_level, x.has_fee, x.search_name, ${coarse} as coarse
        from (
          select v.id, v.procedure_id, v.national_code, p.local_code, v.name, v.field_code, v.levels, v.agency_ids,
                 v.online_level, v.has_fee, v.search_name${sql.join(hitColumns, sql``)}
          from catalog.versions v join catalog.procedures p on p.id = v.procedure_id
          where v.published_at is not null and v.in_force_from <= ${p.at}
            and (v.in_force_to is null or v.in_force_to > ${p.at}) and ${prefilter}
        ) x
        where ${passes}
      )
      select json_build_object(
        'total', (select count(*)::int from m where ${all}),
        'hits', coalesce((select json_agg(h) from (
            select c.procedure_id, c.id, c.national_code, c.local_code, c.name, c.field_code, c.levels,
                   c.online_level, c.has_fee, ${fine} as score
            from (select * from m where ${all} order by m.coarse desc, m.name limit ${rerank}) c
            order by score desc, c.name, c.local_code limit ${p.limit} offset ${p.offset}) h),
          '[]'::json),
        'fields', ${facet(sql`m.field_code`, sql`m`, 'field')},
        'levels', ${facet(sql`l.value`, sql`m cross join lateral unnest(m.levels) as l(value)`, 'level')},
        'agencies', ${facet(sql`a.value::text`, sql`m cross join lateral unnest(m.agency_ids) as a(value)`, 'agency')},
        'onlineLevels', ${facet(sql`coalesce(m.online_level, 'none')`, sql`m`, 'online')},
        'fee', ${facet(sql`case when m.has_fee then 'paid' else 'free' end`, sql`m`, 'fee')}
      ) as result`;
  const result = await db.execute(statement);
  const [row] = rowsOf<{ result: SearchAnswer | string }>(result);
  const answer = row!.result;
  return typeof answer === 'string' ? (JSON.parse(answer) as SearchAnswer) : answer;
}

// ── synonyms ───────────────────────────────────────────────────────────

export async function allSynonyms(db: Db): Promise<SynonymRow[]> {
  return db.select().from(synonyms).orderBy(asc(synonyms.termFolded));
}

/** Synonyms whose term occurs in the query as whole words (diacritic-insensitive). */
export async function synonymsIn(db: Db, query: string): Promise<SynonymRow[]> {
  return db
    .select()
    .from(synonyms)
    .where(sql`(' ' || catalog.fold(${query}) || ' ') like ('% ' || ${synonyms.termFolded} || ' %')`)
    .orderBy(desc(sql`length(${synonyms.termFolded})`))
    .limit(5);
}

export async function synonymById(db: Db, id: string): Promise<SynonymRow | undefined> {
  const [row] = await db.select().from(synonyms).where(eq(synonyms.id, id));
  return row;
}

export async function insertSynonym(
  db: Db,
  s: { term: string; expandsTo: string[]; procedureCodes: string[]; at: Date },
): Promise<SynonymRow> {
  const [row] = await db
    .insert(synonyms)
    .values({
      term: s.term,
      termFolded: sql`btrim(regexp_replace(catalog.fold(${s.term}), '\\s+', ' ', 'g'))`,
      expandsTo: s.expandsTo,
      procedureCodes: s.procedureCodes,
      updatedAt: s.at,
    })
    .returning();
  return row!;
}

export async function updateSynonym(
  db: Db,
  id: string,
  s: { term: string; expandsTo: string[]; procedureCodes: string[]; at: Date },
): Promise<SynonymRow | undefined> {
  const [row] = await db
    .update(synonyms)
    .set({
      term: s.term,
      termFolded: sql`btrim(regexp_replace(catalog.fold(${s.term}), '\\s+', ' ', 'g'))`,
      expandsTo: s.expandsTo,
      procedureCodes: s.procedureCodes,
      updatedAt: s.at,
    })
    .where(eq(synonyms.id, id))
    .returning();
  return row;
}

export async function deleteSynonym(db: Db, id: string): Promise<SynonymRow | undefined> {
  const [row] = await db.delete(synonyms).where(eq(synonyms.id, id)).returning();
  return row;
}

// ── workflows ──────────────────────────────────────────────────────────

export async function workflowsOf(db: Db, procedureId: string, agencyId?: string): Promise<WorkflowRow[]> {
  return db
    .select()
    .from(workflows)
    .where(
      and(
        eq(workflows.procedureId, procedureId),
        agencyId !== undefined ? eq(workflows.agencyId, agencyId) : undefined,
      ),
    )
    .orderBy(asc(workflows.agencyId), asc(workflows.number));
}

export async function insertWorkflow(
  db: Db,
  w: {
    procedureId: string;
    agencyId: string;
    number: number;
    definition: WorkflowDefinition;
    at: Date;
    by: string | null;
  },
): Promise<WorkflowRow> {
  const [row] = await db
    .insert(workflows)
    .values({
      procedureId: w.procedureId,
      agencyId: w.agencyId,
      number: w.number,
      definition: w.definition,
      createdAt: w.at,
      createdBy: w.by,
    })
    .returning();
  return row!;
}

// ── import jobs ────────────────────────────────────────────────────────

export async function insertImportJob(
  db: Db,
  j: { format: string; ownerAgencyId: string; total: number; createdBy: string | null; at: Date },
): Promise<ImportJobRow> {
  const [row] = await db
    .insert(importJobs)
    .values({
      format: j.format,
      status: 'validating',
      ownerAgencyId: j.ownerAgencyId,
      total: j.total,
      createdBy: j.createdBy,
      createdAt: j.at,
    })
    .returning();
  return row!;
}

export async function updateImportJob(
  db: Db,
  id: string,
  patch: Partial<{
    status: string;
    total: number;
    validated: number;
    imported: number;
    created: number;
    amended: number;
    errors: ImportRecordError[];
    finishedAt: Date;
  }>,
): Promise<void> {
  await db.update(importJobs).set(patch).where(eq(importJobs.id, id));
}

export async function importJobById(db: Db, id: string): Promise<ImportJobRow | undefined> {
  const [row] = await db.select().from(importJobs).where(eq(importJobs.id, id));
  return row;
}
