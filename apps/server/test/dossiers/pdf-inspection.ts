// Reads rendered PDFs back the way a person or another program would: text through poppler's
// pdftotext, page size and metadata through pdfinfo, fonts through pdffonts, and the drawing
// operators of the page content streams (for the QR code, which has no text to extract).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

export const popplerMissingReason = (): string | null => {
  const probe = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  return probe.error
    ? 'pdftotext (poppler-utils) is not installed: apt-get install poppler-utils to run the PDF form tests'
    : null;
};

const workDir = mkdtempSync(join(tmpdir(), 'motcua-forms-'));
let fileCount = 0;
export const removeWorkDir = (): void => rmSync(workDir, { recursive: true, force: true });

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

export interface InspectedPdf {
  /** `pdftotext -layout` output. */
  readonly text: string;
  /** `pdfinfo` fields ("Title", "Author", "Pages", "Page size", …). */
  readonly info: Readonly<Record<string, string>>;
  readonly pages: number;
  /** Points, as pdfinfo prints them: [width, height] of the first page. */
  readonly pageSize: readonly [number, number];
  readonly fonts: readonly { readonly name: string; readonly embedded: boolean }[];
}

export function inspectPdf(pdf: Buffer, name = 'form'): InspectedPdf {
  const file = join(workDir, `${name}-${++fileCount}.pdf`);
  writeFileSync(file, pdf);
  const text = run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
  const info = Object.fromEntries(
    run('pdfinfo', ['-isodates', file])
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!.trim(), m[2]!.trim()]),
  );
  const size = /^([\d.]+) x ([\d.]+) pts/.exec(info['Page size'] ?? '');
  if (!size) throw new Error(`no page size in pdfinfo output: ${JSON.stringify(info)}`);
  // pdffonts: two header lines, then "name type encoding emb sub uni object ID" columns.
  const fonts = run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
    });
  return {
    text,
    info,
    pages: Number(info.Pages),
    pageSize: [Number(size[1]), Number(size[2])],
    fonts,
  };
}

/** The decompressed content of every Flate-encoded stream of the file, concatenated. */
export function decodedStreams(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const parts: string[] = [];
  const streamStart = /stream\r?\n/g;
  for (let m = streamStart.exec(raw); m !== null; m = streamStart.exec(raw)) {
    const begin = m.index + m[0].length;
    const end = raw.indexOf('endstream', begin);
    if (end < 0) break;
    try {
      parts.push(inflateSync(pdf.subarray(begin, end)).toString('latin1'));
    } catch {
      // not Flate (font programs are compressed too, but anything unreadable is simply skipped)
    }
    streamStart.lastIndex = end;
  }
  return parts.join('\n');
}

/** The rectangles (`x y w h re`) drawn on the pages, in order. */
export function rectangles(pdf: Buffer): string[] {
  return decodedStreams(pdf).match(/-?[\d.]+ -?[\d.]+ -?[\d.]+ -?[\d.]+ re\b/g) ?? [];
}

/** How many times `needle` occurs in `text`. */
export const occurrences = (text: string, needle: string): number => text.split(needle).length - 1;
