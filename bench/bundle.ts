// What each area of the web app makes a browser download before its first page shows: a production build
// (vite, into a temporary directory), then, from its manifest, the entry's and the area's static imports,
// gzipped. The portal must stay within 180 kB of JavaScript (issue 4); the baseline in the same run is
// the entry with React, which every area pays. Run: npm run bench -- bundle
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'apps', 'web');
const PORTAL_BUDGET_KB = 180;

const areas = {
  portal: 'src/portal/portal-area.tsx',
  office: 'src/office/office-area.tsx',
  admin: 'src/admin/admin-area.tsx',
  dashboard: 'src/dashboard/dashboard-area.tsx',
} as const;

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

function build(outDir: string): Manifest {
  // vite is the web workspace's own dependency: run its script with this Node.
  const vite = path.join(
    path.dirname(createRequire(path.join(WEB, 'package.json')).resolve('vite/package.json')),
    'bin',
    'vite.js',
  );
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--manifest', '--logLevel', 'error'],
    {
      cwd: WEB,
      env: { ...process.env, NODE_ENV: 'production' },
      encoding: 'utf8',
    },
  );
  if (result.status !== 0)
    throw new Error(`vite build failed: ${result.error?.message ?? ''}\n${result.stdout}\n${result.stderr}`);
  return JSON.parse(readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/** The chunks loaded with `keys`: their static imports, transitively. */
function staticClosure(manifest: Manifest, keys: string[], seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (seen.has(key) || !manifest[key]) continue;
    seen.add(key);
    staticClosure(manifest, manifest[key].imports ?? [], seen);
  }
  return seen;
}

/** Everything the area may ever load: static and lazy imports, transitively. */
function fullClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key) || !manifest[key]) return seen;
  seen.add(key);
  for (const next of [...(manifest[key].imports ?? []), ...(manifest[key].dynamicImports ?? [])])
    fullClosure(manifest, next, seen);
  return seen;
}

function gzipBytes(outDir: string, files: Iterable<string>): number {
  let total = 0;
  for (const file of files) total += gzipSync(readFileSync(path.join(outDir, file)), { level: 9 }).length;
  return total;
}

const files = (manifest: Manifest, chunks: Set<string>) => {
  const js = new Set<string>();
  const css = new Set<string>();
  for (const key of chunks) {
    const chunk = manifest[key]!;
    if (chunk.file.endsWith('.js')) js.add(chunk.file);
    for (const c of chunk.css ?? []) css.add(c);
  }
  return { js, css };
};

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export async function runBundleBench(): Promise<{ name: string; lines: string[] }> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'motcua-bundle-'));
  try {
    const manifest = build(outDir);
    const entry = staticClosure(manifest, ['index.html']);
    const baseline = files(manifest, entry);
    const baselineJs = gzipBytes(outDir, baseline.js);
    const lines = [
      'bundle: first-load download per area, production build, gzip -9 (kB = 1000 bytes)',
      `  baseline   entry + React (every area)      JS ${kb(baselineJs).padStart(9)}`,
    ];
    let portalJs = 0;
    for (const [area, key] of Object.entries(areas)) {
      if (!manifest[key]) {
        lines.push(`  ${area.padEnd(10)} (no ${key} in this build)`);
        continue;
      }
      const initial = files(manifest, staticClosure(manifest, [key], new Set(entry)));
      // The entry is not followed again: its lazy imports are the other areas.
      const all = files(manifest, fullClosure(manifest, key, new Set(entry)));
      const js = gzipBytes(outDir, initial.js);
      const css = gzipBytes(outDir, new Set([...baseline.css, ...initial.css]));
      const later = gzipBytes(
        outDir,
        [...all.js].filter((f) => !initial.js.has(f)),
      );
      if (area === 'portal') portalJs = js;
      lines.push(
        `  ${area.padEnd(10)} initial JS ${kb(js).padStart(9)} (+${kb(js - baselineJs)} over baseline)  CSS ${kb(css).padStart(8)}  loaded later ${kb(later).padStart(9)}`,
      );
    }
    const within = portalJs <= PORTAL_BUDGET_KB * 1000;
    lines.push(
      `  portal budget ${PORTAL_BUDGET_KB} kB initial JS: ${kb(portalJs)} — ${within ? 'within' : 'OVER BUDGET'}`,
    );
    if (!within) throw new Error(lines.join('\n'));
    return { name: 'bundle', lines };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
