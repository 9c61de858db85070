/** Small real files, for server tests and browser tests alike (no dependencies). */

/** A minimal PDF (catalogue, page tree, one empty A6 page) that viewers open; `mark` makes it unique. */
export function pdfBytes(mark = ''): Buffer {
  return Buffer.from(
    '%PDF-1.4\n' +
      '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n' +
      '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
      '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 298 420]>> endobj\n' +
      `trailer <</Root 1 0 R>>\n%${mark}\n%%EOF\n`,
    'latin1',
  );
}

/** A 1×1 red PNG. */
export const pngBytes = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

/** JPEG's start-of-image and JFIF marker, some payload, end-of-image (a phone camera's photo, in short). */
export const jpegBytes = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]),
  Buffer.from('ảnh chụp giấy tờ tùy thân', 'utf8'),
  Buffer.from([0xff, 0xd9]),
]);
