// PDF rendering for printable administrative documents, over pdfmake 0.3 with the Tinos font:
// metric-compatible with Times New Roman (the font Decree 30/2020 prescribes) and complete for
// Vietnamese. The fonts travel inside the npm package, so no system font is ever needed.
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { Content, DynamicContent, Margins, TDocumentDefinitions } from 'pdfmake/interfaces';

export const PDF_FONT = 'Tinos';

const resolveFont = createRequire(import.meta.url).resolve;
const fontFiles = {
  normal: resolveFont('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'),
  bold: resolveFont('@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf'),
  italics: resolveFont('@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf'),
  bolditalics: resolveFont('@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf'),
} as const;
const allowedFiles = new Set<string>(Object.values(fontFiles));

// pdfmake is a process-wide singleton. Documents are built from our own view models, never from
// user-supplied definitions, but a stray image URL or path must still not make the server fetch or
// read anything: the network is closed and only the four font files may be read.
pdfmake.setFonts({ [PDF_FONT]: { ...fontFiles } });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => allowedFiles.has(path));

export type PdfPageSize = 'A4' | 'A5';
export type PdfOrientation = 'portrait' | 'landscape';
/** Points: [left, top, right, bottom]. */
export type PdfMargins = readonly [number, number, number, number];

const PAGE_POINTS: Record<PdfPageSize, readonly [number, number]> = {
  A4: [595.28, 841.89],
  A5: [419.53, 595.28],
};
/** 15 mm on the binding side, 10 mm elsewhere: a printed A5 form keeps room to write in. */
export const DEFAULT_MARGINS: PdfMargins = [42.5, 28.35, 28.35, 28.35];

/** Width in points between the left and right margins. */
export function contentWidth(
  pageSize: PdfPageSize,
  orientation: PdfOrientation = 'portrait',
  margins: PdfMargins = DEFAULT_MARGINS,
): number {
  const [short, long] = PAGE_POINTS[pageSize];
  return (orientation === 'portrait' ? short : long) - margins[0] - margins[2];
}

export interface PdfMetadata {
  readonly title: string;
  /** The issuing agency. */
  readonly author: string;
  readonly subject?: string;
  readonly keywords?: string;
}

export interface PdfDocument {
  readonly pageSize: PdfPageSize;
  readonly pageOrientation?: PdfOrientation;
  readonly pageMargins?: PdfMargins;
  readonly fontSize?: number;
  readonly metadata: PdfMetadata;
  /**
   * Epoch milliseconds written as the PDF's creation date. Passed in (never the clock) because the
   * file identifier is derived from it: the same input then gives byte-identical output.
   */
  readonly createdAt: number;
  /** "Trang 1/3" at the foot of every page when the document has more than one page. */
  readonly pageNumbers?: boolean;
  readonly content: Content;
}

/** Deep copy with every string in NFC, the one form of Vietnamese text the PDF text layer should carry. */
function toNfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(toNfc) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNfc(v)])) as T;
  }
  return value;
}

const pageNumberFooter =
  (margins: PdfMargins, fontSize: number): DynamicContent =>
  (currentPage, pageCount) =>
    pageCount > 1
      ? {
          text: `Trang ${currentPage}/${pageCount}`,
          alignment: 'right',
          fontSize: fontSize - 2,
          margin: [margins[0], 4, margins[2], 0],
        }
      : null;

export async function renderPdf(doc: PdfDocument): Promise<Buffer> {
  if (!Number.isFinite(doc.createdAt)) throw new TypeError('renderPdf: createdAt must be epoch milliseconds');
  const margins = doc.pageMargins ?? DEFAULT_MARGINS;
  const fontSize = doc.fontSize ?? 12;
  const created = new Date(doc.createdAt);
  const definition: TDocumentDefinitions = {
    pageSize: doc.pageSize,
    pageOrientation: doc.pageOrientation ?? 'portrait',
    pageMargins: [...margins] as Margins,
    language: 'vi-VN',
    info: {
      title: doc.metadata.title.normalize('NFC'),
      author: doc.metadata.author.normalize('NFC'),
      subject: doc.metadata.subject?.normalize('NFC'),
      keywords: doc.metadata.keywords?.normalize('NFC'),
      creator: 'MotCua',
      producer: 'MotCua (pdfmake)',
      creationDate: created,
      modDate: created,
    },
    defaultStyle: { font: PDF_FONT, fontSize, lineHeight: 1.1 },
    content: toNfc(doc.content),
    ...(doc.pageNumbers ? { footer: pageNumberFooter(margins, fontSize) } : {}),
  };
  return pdfmake.createPdf(definition).getBuffer();
}
