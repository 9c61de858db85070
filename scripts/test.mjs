#!/usr/bin/env node
// `npm test`: every check CI runs, in order, stopping at the first failure.
//
//   node scripts/test.mjs [--skip-lint] [--only=<step>[,<step>…]] [--list]
//
// Steps: lint, typecheck, unit, server-pglite, server-postgres, e2e. The last line printed is
// "N passed, M failed", counting tests over all vitest runs (from their JSON reports).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ARTIFACTS = path.join(ROOT, '.test-artifacts');
const CI = process.env.CI === 'true';

/** A step is either a plain command or a vitest run over some projects. */
const STEPS = [
  { name: 'lint', command: ['npm', 'run', 'lint'] },
  { name: 'typecheck', command: ['npm', 'run', 'typecheck'] },
  { name: 'unit', vitest: ['domain', 'contracts'] },
  { name: 'server-pglite', vitest: ['server'], env: { MOTCUA_TEST_DB: 'pglite' } },
  {
    name: 'server-postgres',
    vitest: ['server'],
    env: { MOTCUA_TEST_DB: 'postgres' },
    // Outside CI a machine without PostgreSQL skips this step; in CI global-setup fails instead.
    unavailable: () =>
      !CI && !process.env.DATABASE_URL && !postgresInstalled()
        ? 'PostgreSQL not installed and DATABASE_URL not set'
        : null,
  },
  { name: 'e2e', vitest: ['e2e'] },
];

function parseArgs(argv) {
  const options = { skipLint: false, only: null, list: false };
  for (const arg of argv) {
    if (arg === '--skip-lint') options.skipLint = true;
    else if (arg === '--list') options.list = true;
    else if (arg.startsWith('--only=')) options.only = arg.slice('--only='.length).split(',').filter(Boolean);
    else if (arg === '--help' || arg === '-h') {
      console.log(
        `usage: node scripts/test.mjs [--skip-lint] [--only=<step>[,<step>…]] [--list]\nsteps: ${STEPS.map((s) => s.name).join(', ')}`,
      );
      process.exit(0);
    } else {
      console.error(`unknown argument: ${arg}`);
      process.exit(2);
    }
  }
  const unknown = (options.only ?? []).filter((name) => !STEPS.some((s) => s.name === name));
  if (unknown.length) {
    console.error(`unknown step(s): ${unknown.join(', ')}; steps are ${STEPS.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
  return options;
}

function localBin(name) {
  const bin = path.join(ROOT, 'node_modules', '.bin', name);
  return existsSync(bin) ? [bin] : ['npx', name];
}

function postgresInstalled() {
  const dirs = [];
  if (process.env.PG_BINDIR) dirs.push(process.env.PG_BINDIR);
  try {
    dirs.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: 'pipe' }).trim());
  } catch {
    // pg_config comes with libpq-dev only.
  }
  if (existsSync('/usr/lib/postgresql')) {
    for (const v of readdirSync('/usr/lib/postgresql')) dirs.push(path.join('/usr/lib/postgresql', v, 'bin'));
  }
  return dirs.some((dir) => existsSync(path.join(dir, 'initdb')));
}

/** The projects among `projects` that have test files, as vitest itself resolves its include globs. */
function projectsWithTests(projects) {
  const [cmd, ...args] = localBin('vitest');
  const result = spawnSync(
    cmd,
    [...args, 'list', '--filesOnly', '--json', ...projects.flatMap((p) => ['--project', p])],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (result.status !== 0) {
    throw new Error(`vitest list failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  const files = JSON.parse(result.stdout.slice(result.stdout.indexOf('[')));
  return projects.filter((p) => files.some((f) => f.projectName === p));
}

function run(command, env) {
  const [cmd, ...args] = command;
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (error) => {
      console.error(`cannot run ${cmd}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function readCounts(file) {
  if (!existsSync(file)) return null;
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0 };
  } catch {
    return null;
  }
}

function formatDuration(ms) {
  return ms < 60_000
    ? `${(ms / 1000).toFixed(1)} s`
    : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const selected = STEPS.filter(
    (step) =>
      (options.only ? options.only.includes(step.name) : true) && !(options.skipLint && step.name === 'lint'),
  );
  if (options.list) {
    for (const step of STEPS) console.log(step.name);
    return 0;
  }
  mkdirSync(ARTIFACTS, { recursive: true });

  const results = [];
  let passed = 0;
  let failed = 0;
  let failure = false;
  /** What made a vitest step fail, printed again after the summary: a CI log is read from its tail. */
  const failures = [];

  for (const step of selected) {
    if (failure) {
      results.push({ name: step.name, status: 'not run', ms: 0 });
      continue;
    }
    console.log(`\n━━ ${step.name} ━━`);
    const started = Date.now();
    let command = step.command;
    let report = null;
    let digest = null;

    if (step.vitest) {
      const reason = step.unavailable?.();
      if (reason) {
        console.log(`${step.name}: skipped (${reason})`);
        results.push({ name: step.name, status: 'skipped', note: reason, ms: Date.now() - started });
        continue;
      }
      const projects = projectsWithTests(step.vitest);
      if (projects.length === 0) {
        console.log(`${step.name}: skipped (no tests)`);
        results.push({ name: step.name, status: 'skipped', note: 'no tests', ms: Date.now() - started });
        continue;
      }
      report = path.join(ARTIFACTS, `${step.name}.json`);
      digest = path.join(ARTIFACTS, `${step.name}-failures.txt`);
      rmSync(report, { force: true });
      rmSync(digest, { force: true });
      command = [
        ...localBin('vitest'),
        'run',
        ...projects.flatMap((p) => ['--project', p]),
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${path.relative(ROOT, report)}`,
        `--reporter=${path.join(ROOT, 'scripts', 'failure-digest-reporter.mjs')}`,
      ];
    }

    console.log(
      `$ ${Object.entries(step.env ?? {})
        .map(([k, v]) => `${k}=${v} `)
        .join('')}${command.join(' ')}`,
    );
    const code = await run(command, { ...step.env, ...(digest ? { MOTCUA_FAILURE_DIGEST: digest } : {}) });
    const ms = Date.now() - started;
    const counts = report ? readCounts(report) : null;
    if (counts) {
      passed += counts.passed;
      failed += counts.failed;
    }
    const note = counts
      ? `${counts.passed} passed, ${counts.failed} failed`
      : report
        ? 'no report written'
        : '';
    results.push({ name: step.name, status: code === 0 ? 'passed' : `FAILED (exit ${code})`, note, ms });
    if (code !== 0) {
      failure = true;
      const text = digest && existsSync(digest) ? readFileSync(digest, 'utf8').trim() : '';
      if (text !== '') failures.push({ step: step.name, text });
    }
  }

  const nameWidth = Math.max(4, ...results.map((r) => r.name.length));
  const statusWidth = Math.max(6, ...results.map((r) => r.status.length));
  console.log('\n━━ summary ━━');
  console.log(`${'step'.padEnd(nameWidth)}  ${'status'.padEnd(statusWidth)}  ${'time'.padStart(10)}  tests`);
  for (const r of results) {
    console.log(
      `${r.name.padEnd(nameWidth)}  ${r.status.padEnd(statusWidth)}  ${(r.status === 'not run' ? '' : formatDuration(r.ms)).padStart(10)}  ${r.note ?? ''}`.trimEnd(),
    );
  }
  for (const f of failures) {
    console.log(`\n━━ why ${f.step} failed ━━\n${f.text}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failure ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
