import type { AcceptedMediaType } from '@motcua/contracts/document';

/**
 * What a file is, decided by its first bytes: a name or a declared type costs nothing to fake, and a
 * browser shown an HTML page labelled `.pdf` might run it. The name and the declared type are then only
 * checked against the content, so a mislabelled file is refused instead of being stored under a lie.
 */

/** Bytes needed to recognise every accepted type (PNG's signature is the longest). */
export const signatureLength = 8;

const signatures: readonly { mediaType: AcceptedMediaType; bytes: readonly number[] }[] = [
  { mediaType: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mediaType: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mediaType: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export function detectMediaType(head: Uint8Array): AcceptedMediaType | null {
  for (const s of signatures) {
    if (head.length >= s.bytes.length && s.bytes.every((b, i) => head[i] === b)) return s.mediaType;
  }
  return null;
}

/** The extension given to a name that has none, and the one shown in messages. */
export const canonicalExtension: Record<AcceptedMediaType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

const typeAliases: Record<AcceptedMediaType, readonly string[]> = {
  'application/pdf': ['application/pdf', 'application/x-pdf', 'application/acrobat'],
  'image/jpeg': ['image/jpeg', 'image/jpg', 'image/pjpeg'],
  'image/png': ['image/png', 'image/x-png'],
};

const extensionAliases: Record<AcceptedMediaType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
};

/** What clients send when they do not know the type: says nothing, so it cannot disagree. */
const unknownTypes = new Set([
  '',
  'application/octet-stream',
  'binary/octet-stream',
  'application/unknown',
  'application/x-download',
  'application/force-download',
]);

/**
 * Extensions that name a type. Only these can contradict the content: "Nguyen V.A" or "ho so.v2" have
 * a dot, not an extension, and are accepted (the canonical extension is then appended).
 */
const knownExtensions = new Set([
  ...Object.values(extensionAliases).flat(),
  ...['gif', 'bmp', 'tif', 'tiff', 'webp', 'heic', 'heif', 'avif', 'svg', 'svgz', 'ico', 'psd'],
  ...['doc', 'docx', 'docm', 'dot', 'xls', 'xlsx', 'xlsm', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'rtf'],
  ...['txt', 'csv', 'xml', 'json', 'htm', 'html', 'xhtml', 'shtml', 'mht', 'mhtml', 'js', 'mjs'],
  ...['exe', 'dll', 'com', 'bat', 'cmd', 'msi', 'scr', 'ps1', 'vbs', 'sh', 'jar', 'apk', 'app', 'lnk'],
  ...['zip', 'rar', '7z', 'gz', 'tgz', 'tar', 'bz2', 'xz', 'iso', 'dmg'],
  ...['mp3', 'mp4', 'm4a', 'mov', 'avi', 'mkv', 'wav', 'webm', 'ogg'],
]);

/** The name's extension (lowercase, without the dot) when it names a type, else null. */
export function typeExtension(name: string): string | null {
  const match = /\.([A-Za-z0-9]{1,5})$/.exec(name);
  const extension = match?.[1]?.toLowerCase() ?? null;
  return extension !== null && knownExtensions.has(extension) ? extension : null;
}

export type Disagreement = { declared: string | null; extension: string | null };

/**
 * Null when the declared type (the part's Content-Type) and the name's extension both agree with the
 * detected type or say nothing; otherwise what disagreed.
 */
export function disagreement(
  detected: AcceptedMediaType,
  declaredType: string | undefined,
  name: string,
): Disagreement | null {
  const declared = (declaredType ?? '').split(';')[0]!.trim().toLowerCase();
  const badType = !unknownTypes.has(declared) && !typeAliases[detected].includes(declared);
  const extension = typeExtension(name);
  const badExtension = extension !== null && !extensionAliases[detected].includes(extension);
  if (!badType && !badExtension) return null;
  return { declared: badType ? declared : null, extension: badExtension ? extension : null };
}
