// Catalogue search latency through the real HTTP API: 5,000 published procedures (the 45 real seeded
// ones plus generated variants of them), 1,000 mixed queries (with and without diacritics, with typos,
// everyday synonyms), sent over loopback keep-alive sockets by 4 concurrent clients running in a worker
// thread (bench/support/http-load.ts), so the client's own work does not share the app's event loop.
// The baseline is a bare Fastify route of the same app measured the same way in the same run.
// Run: npx tsx bench/search.ts            (PGlite in memory; or npm run bench -- search)
//      DATABASE_URL=postgres://… npx tsx bench/search.ts
//      npx tsx bench/search.ts --postgres (a throwaway PostgreSQL cluster; or npm run bench -- search
//      --postgres, or MOTCUA_BENCH_DB=postgres)

import { sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import { columnsOf } from '../apps/server/src/modules/catalog/catalog-service';
import { seedContent, seedProcedures } from '../apps/server/src/modules/catalog/catalogue-seed-service';
import { procedures, versions } from '../apps/server/src/modules/catalog/schema';
import { versionColumnValues } from '../apps/server/src/modules/catalog/store';
import type { Database } from '../apps/server/src/platform/database';
import { seedDemoIfEmpty } from '../apps/server/src/seed/seed-demo';
import { openBenchDatabase, requestedEngine, seededRandom, startBenchApp } from './support/bench-app';
import { assertNoFailures, percentile, runLoad, summaryLine } from './support/http-load';

export { seededRandom };

const PROCEDURES = 5_000;
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1_000);
const WARMUP = Math.min(100, QUERIES);
const CONCURRENCY = 4;

const strip = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd');

const qualifiers = [
  'có yếu tố nước ngoài',
  'lưu động',
  'cho người cao tuổi',
  'trường hợp đặc biệt',
  'tại khu vực biên giới',
  'kết hợp',
  'đối với hộ nghèo',
  'cấp lại',
  'điều chỉnh',
  'gia hạn',
  'trực tuyến liên thông',
  'cho doanh nghiệp nhỏ',
];

function typo(word: string, random: () => number): string {
  if (word.length < 4) return word;
  const i = 1 + Math.floor(random() * (word.length - 2));
  return random() < 0.5
    ? word.slice(0, i) + word.slice(i + 1)
    : word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

export function makeQueries(names: string[], random: () => number): string[] {
  const everyday = [
    'sổ đỏ',
    'giấy khai sinh',
    'làm khai sinh',
    'bìa đỏ',
    'đăng ký kết hôn',
    'tạm trú',
    'chứng thực',
  ];
  const queries: string[] = [];
  while (queries.length < QUERIES + WARMUP) {
    const name = names[Math.floor(random() * names.length)]!.replace(/^Thủ tục /i, '');
    const words = name.split(/\s+/).filter((w) => w.length > 0);
    const length = 2 + Math.floor(random() * 3);
    const start = Math.floor(random() * Math.max(1, words.length - length));
    let q = words.slice(start, start + length).join(' ');
    const kind = random();
    if (kind < 0.35) q = strip(q);
    else if (kind < 0.65)
      q = strip(q)
        .split(' ')
        .map((w) => (random() < 0.5 ? typo(w, random) : w))
        .join(' ');
    else if (kind < 0.75) q = everyday[Math.floor(random() * everyday.length)]!;
    queries.push(q.toLowerCase());
  }
  return queries;
}

/** The bench's catalogue: the demo seed plus generated variants, up to PROCEDURES published versions. */
export async function loadBenchCatalogue(
  database: Database,
  random: () => number,
): Promise<{ names: string[] }> {
  await database.migrate();
  const existing = await database.db.execute(sql`select count(*)::int as n from catalog.procedures`);
  if (Number((existing as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0) > 0)
    throw new Error('the bench needs an empty database (it loads its own 5,000 procedures)');
  const now = new Date();
  await seedDemoIfEmpty(database.db, () => now);
  // Generated variants reuse the seeded procedures' documents and implementing agencies.
  const seeded = await database.db.select().from(versions);
  const owner = (await database.db.select().from(procedures).limit(1))[0]!;
  const real = seedProcedures();
  const fields = new Map(seeded.map((v) => [v.nationalCode, v]));
  const rows: PgInsertValue<typeof versions>[] = [];
  const procedureRows: (typeof procedures.$inferInsert & { id: string })[] = [];
  for (let i = seeded.length; i < PROCEDURES; i++) {
    const p = real[i % real.length]!;
    const base = fields.get(p.nationalCode)!;
    const code = `8.${String(i).padStart(6, '0')}`;
    const name = `${p.name} ${qualifiers[Math.floor(random() * qualifiers.length)]} (${i})`;
    const content = seedContent({ ...p, nationalCode: code, name }, base.fieldCode, base.agencyIds);
    const id = crypto.randomUUID();
    procedureRows.push({
      id,
      nationalCode: code,
      ownerAgencyId: owner.ownerAgencyId,
      localCode: `${code}.bench`,
      createdAt: now,
    });
    rows.push({
      ...versionColumnValues(columnsOf(content, p.fieldName)),
      procedureId: id,
      number: 1,
      status: 'published',
      content,
      createdAt: now,
      updatedAt: now,
      publishedAt: now,
      inForceFrom: now,
    });
  }
  for (let i = 0; i < rows.length; i += 250) {
    await database.db.insert(procedures).values(procedureRows.slice(i, i + 250));
    await database.db.insert(versions).values(rows.slice(i, i + 250));
  }
  await database.db.execute(sql`analyze catalog.versions`);
  await database.db.execute(sql`analyze catalog.procedures`);
  return { names: [...real.map((p) => p.name), ...rows.slice(0, 500).map((r) => r.name as string)] };
}

export async function runSearchBench(): Promise<{ name: string; lines: string[] }> {
  const bench = await openBenchDatabase({ engine: requestedEngine('pglite'), poolSize: 8 });
  try {
    const database = bench.database;
    const random = seededRandom(766);
    const { names } = await loadBenchCatalogue(database, random);
    const server = await startBenchApp(bench);
    const base = server.base;
    try {
      const queries = makeQueries(names, random).map((q) => `/api/catalog/search?q=${encodeURIComponent(q)}`);
      const load = async (paths: string[], requests: number) => {
        const result = await runLoad({
          base,
          clients: [{ method: 'GET', paths }],
          concurrency: CONCURRENCY,
          requests,
        });
        assertNoFailures('search', result);
        return result;
      };
      await load(queries.slice(0, WARMUP), WARMUP);
      const search = await load(queries.slice(WARMUP), QUERIES);
      const bare = await load([server.barePath], QUERIES);
      const engine = database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
      const target = database.kind === 'pglite' ? 50 : 20;
      const p95 = percentile(
        [...search.latencies].sort((a, b) => a - b),
        95,
      );
      return {
        name: 'search',
        lines: [
          summaryLine(
            `search (${engine}, ${PROCEDURES} procedures, ${QUERIES} queries, ${CONCURRENCY} concurrent)`,
            search,
          ),
          summaryLine('search: bare Fastify route, same app and clients', bare),
          `search: p95 target ≤ ${target} ms on ${engine}: ${p95 <= target ? 'met' : 'NOT met'}`,
        ],
      };
    } finally {
      await server.close();
    }
  } finally {
    await bench.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { lines } = await runSearchBench();
  for (const line of lines) console.log(line);
}
