import type { AcceptedMediaType } from '@motcua/contracts/document';
import { canonicalExtension, typeExtension } from './file-type';

/**
 * The name a file is stored and served under. It is shown to people and sent back in
 * Content-Disposition, never used as a path on disk, but still: no directories (a "../../x" from a
 * client means nothing here), no control characters (line breaks would split headers and logs), no
 * bidirectional overrides (U+202E turns "gpj.exe" into what reads like "exe.jpg"), NFC like all our text.
 */
export const maxFileNameLength = 255;

// C0/C1 controls, the bidi embedding/override/isolate marks, and the byte order mark.
const invisible = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

export function cleanFileName(raw: string | undefined, mediaType: AcceptedMediaType): string {
  const base = (raw ?? '').normalize('NFC').replace(invisible, '').split(/[/\\]/).pop() ?? '';
  let name = base.trim().replace(/^\.+/, '').trim();
  if (name === '') name = 'tai-lieu';
  const extension = typeExtension(name) === null ? `.${canonicalExtension[mediaType]}` : '';
  // Code points, not UTF-16 units: a cut must not split a character; the extension survives the cut.
  const stem = Array.from(name);
  const room = maxFileNameLength - extension.length;
  if (stem.length <= room) return `${name}${extension}`;
  const own = extension === '' ? /\.[A-Za-z0-9]{1,5}$/.exec(name)?.[0] : undefined;
  if (own !== undefined)
    return `${stem
      .slice(0, maxFileNameLength - own.length)
      .join('')
      .trimEnd()}${own}`;
  return `${stem.slice(0, room).join('').trimEnd()}${extension}`;
}
