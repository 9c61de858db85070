import { readFileSync } from 'node:fs';
import { type ProcedureContent, procedureContentSchema } from '@motcua/contracts/catalog';
import type { AccessContext, ServiceContext } from '../../platform/access-context';
import { recordAudit } from '../../platform/audit-log';
import { inTransaction } from '../../platform/database';
import { insertProcedureWithDraft } from './catalog-service';
import { catalogueChanged } from './search-index-cache';
import * as store from './store';

/**
 * Loads the real starter catalogue (seed/procedures.json, 50 procedures with their sources) and the
 * synonym list into an empty catalogue, published at `now`. The seed records carry no field codes (the
 * national `G..-..` codes were not visible in the sources), so each field gets a local `L.…` code derived
 * from its name and marked `national: false`. The province's announcing decision is not invented: it
 * stays empty, so the 766 checks show "not applicable" rather than a made-up result.
 */

export interface SeedProcedure {
  nationalCode: string;
  name: string;
  fieldName: string;
  fieldCode: string | null;
  levels: string[];
  agencyKind: string;
  subjects: string[];
  onlineLevel: string | null;
  resultImmediately: boolean;
  channels: {
    channel: string;
    processingTime: { value: number | null; unit: string | null; note?: string };
    fees: { name: string; amountVnd: number | null; description?: string }[];
  }[];
  steps: string[];
  components: {
    name: string;
    originals: number;
    copies: number;
    required: boolean;
    formTemplate: string | null;
  }[];
  results: { name: string; electronic: boolean | null }[];
  legalBasis: { number: string; title: string; effectiveDate?: string }[];
  requirements: string | null;
  announcedBy: string | null;
  source: string;
  verified: string;
}

interface SeedFile {
  fields: { code: string | null; name: string }[];
  procedures: SeedProcedure[];
}
interface SynonymFile {
  synonyms: { term: string; expandsTo?: string[]; procedureCodes?: string[] }[];
}

const readJson = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`./seed/${name}`, import.meta.url), 'utf8')) as T;

/** A local field code from a field name: "Hộ tịch" → "L.HO-TICH". */
export function localFieldCode(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `L.${slug.slice(0, 36).replace(/-$/, '')}`;
}

export function seedContent(p: SeedProcedure, fieldCode: string, agencyIds: string[]): ProcedureContent {
  return procedureContentSchema.parse({
    nationalCode: p.nationalCode,
    name: p.name,
    fieldCode,
    levels: p.levels,
    subjects: p.subjects,
    implementingAgencyIds: agencyIds,
    agencyDescription: null,
    channels: p.channels.map((c) => ({
      channel: c.channel,
      processingTime:
        c.processingTime.value === null || c.processingTime.unit === null
          ? null
          : {
              value: c.processingTime.value,
              unit: c.processingTime.unit,
              note: c.processingTime.note ?? null,
            },
      fees: c.fees.map((f) => ({ name: f.name, amountVnd: f.amountVnd, description: f.description ?? null })),
    })),
    steps: p.steps,
    components: p.components.map((c) => ({ ...c, mustDigitise: false, fromDataStore: false })),
    results: p.results,
    legalBasis: p.legalBasis.map((l) => ({ ...l, effectiveDate: l.effectiveDate ?? null })),
    requirements: p.requirements,
    onlineLevel: p.onlineLevel,
    resultImmediately: p.resultImmediately,
    legalEffectiveDate: null,
    nationalDecision: p.announcedBy,
    source: p.source,
    note: p.verified,
  });
}

export function seedProcedures(): SeedProcedure[] {
  return readJson<SeedFile>('procedures.json').procedures;
}

export async function seedCatalogueIfEmpty(
  ctx: ServiceContext,
  access: AccessContext,
  owner: { agencyId: string; code: string },
  implementingAgencies: (p: SeedProcedure) => string[],
): Promise<number> {
  if ((await store.countProcedures(ctx.db)) > 0) return 0;
  const file = readJson<SeedFile>('procedures.json');
  const synonymFile = readJson<SynonymFile>('synonyms.json');
  const now = ctx.now();
  const codeOf = new Map<string, string>();
  for (const f of file.fields) codeOf.set(f.name, f.code ?? localFieldCode(f.name));
  const contents = file.procedures.map((p) => {
    if (!codeOf.has(p.fieldName)) codeOf.set(p.fieldName, p.fieldCode ?? localFieldCode(p.fieldName));
    return { p, content: seedContent(p, codeOf.get(p.fieldName)!, implementingAgencies(p)) };
  });
  await inTransaction(ctx.db, async (tx) => {
    for (const [name, code] of codeOf)
      await store.insertField(tx, { code, name, national: !code.startsWith('L.') });
    for (const { p, content } of contents) {
      const { version } = await insertProcedureWithDraft(tx, now, access, {
        ownerAgencyId: owner.agencyId,
        ownerCode: owner.code,
        content,
        fieldName: p.fieldName,
        status: 'published',
      });
      await store.updateVersion(tx, version.id, { publishedAt: now, inForceFrom: now });
    }
    for (const s of synonymFile.synonyms)
      await store.insertSynonym(tx, {
        term: s.term,
        expandsTo: s.expandsTo ?? [],
        procedureCodes: s.procedureCodes ?? [],
        at: now,
      });
    await recordAudit(
      tx,
      access.actor,
      {
        action: 'catalog.seed',
        targetType: 'catalog',
        targetId: null,
        agencyId: owner.agencyId,
        details: { procedures: contents.length, fields: codeOf.size, synonyms: synonymFile.synonyms.length },
      },
      now,
    );
  });
  catalogueChanged(ctx.db);
  return contents.length;
}
