#!/usr/bin/env node
// `npm run bench` runs every benchmark; `npm run bench -- calendar` runs one; `npm run bench -- search
// --postgres` runs one on PostgreSQL (the benches read --postgres/--pglite themselves). Each bench is a
// TypeScript module bench/<name>.ts exporting run<Name>Bench(): { name, lines }; it measures itself
// against a baseline in the same run and the lines it returns are printed as they are.
import { register } from 'tsx/esm/api';

register();

/** Registered benchmarks: name → what it measures. */
const benches = {
  calendar: 'due dates per second: indexed working calendar against the minute-by-minute reference',
  search:
    'catalogue search latency over HTTP (5,000 procedures, 1,000 queries) against a bare route; PGlite, --postgres (or MOTCUA_BENCH_DB=postgres) for PostgreSQL',
  intake:
    'desk receptions/s over HTTP on PostgreSQL (16 officers at 16 wards, 30 s) against pgbench TPC-B with 16 clients',
  lookup:
    'public tracking by dossier code over HTTP (64 concurrent, a few thousand dossiers) against a bare route; PostgreSQL, --pglite for PGlite',
  bundle:
    "each web area's first-load JavaScript and CSS (gzip) from a production build, against the entry + React baseline; fails if the portal exceeds 180 kB",
};

const exportName = (name) => `run${name.replace(/(^|-)(\w)/g, (_, __, letter) => letter.toUpperCase())}Bench`;

function listBenches() {
  return Object.entries(benches)
    .map(([name, about]) => `  ${name.padEnd(12)} ${about}`)
    .join('\n');
}

/** Options a bench reads from process.argv itself (bench/support/bench-app.ts `requestedEngine`). */
const options = {
  '--postgres': 'PostgreSQL (DATABASE_URL, else a throwaway cluster) instead of the bench default',
  '--pglite': 'PGlite in memory instead of the bench default',
};

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const requested = args.filter((arg) => !arg.startsWith('-'));
const unknownOptions = args.filter((arg) => arg.startsWith('-') && !Object.hasOwn(options, arg));
const unknown = requested.filter((name) => !Object.hasOwn(benches, name));
if (unknown.length > 0 || unknownOptions.length > 0) {
  const what = [
    ...(unknown.length > 0 ? [`Không có benchmark / unknown benchmark: ${unknown.join(', ')}`] : []),
    ...(unknownOptions.length > 0
      ? [`Tuỳ chọn không hợp lệ / unknown option: ${unknownOptions.join(', ')}`]
      : []),
  ];
  const optionList = Object.entries(options)
    .map(([flag, about]) => `  ${flag.padEnd(12)} ${about}`)
    .join('\n');
  console.error(
    `${what.join('\n')}\nCó sẵn / available:\n${listBenches()}\nTuỳ chọn / options:\n${optionList}`,
  );
  process.exit(2);
}

let failed = false;
for (const name of requested.length > 0 ? requested : Object.keys(benches)) {
  try {
    const module = await import(new URL(`./${name}.ts`, import.meta.url).href);
    const run = module[exportName(name)];
    if (typeof run !== 'function') throw new Error(`bench/${name}.ts does not export ${exportName(name)}()`);
    const result = await run();
    for (const line of result.lines) console.log(line);
  } catch (error) {
    failed = true;
    console.error(
      `${name}: THẤT BẠI / FAILED: ${error instanceof Error ? (error.stack ?? error.message) : error}`,
    );
  }
}
process.exit(failed ? 1 : 0);
