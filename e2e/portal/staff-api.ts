// The officers' side of the portal journey, through the API with real staff sessions (the office
// screens have journeys of their own): log in, find a dossier by code, run commands, upload a result.

export const demoPassword = 'MotCua@2026';

export class StaffApi {
  private constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}

  static async login(baseUrl: string, username: string): Promise<StaffApi> {
    const res = await fetch(`${baseUrl}/api/auth/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: demoPassword }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('motcua_sid='));
    if (!cookie) throw new Error(`login ${username}: no session cookie`);
    const session = (await (await fetch(`${baseUrl}/api/session`, { headers: { cookie } })).json()) as {
      csrfToken: string;
    };
    return new StaffApi(baseUrl, cookie, session.csrfToken);
  }

  async get<T = any>(path: string): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, { headers: { cookie: this.cookie } });
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async dossierIdByCode(code: string): Promise<string> {
    const list = await this.get<{ dossiers: { id: string; code: string }[] }>(
      `/api/dossiers?q=${encodeURIComponent(code)}`,
    );
    const found = list.dossiers.find((d) => d.code === code);
    if (!found) throw new Error(`no dossier ${code} in this officer's scope`);
    return found.id;
  }

  /** Runs a command on the dossier's current version; throws unless the server accepts it. */
  async command(id: string, command: Record<string, unknown>): Promise<void> {
    const detail = await this.get<{ summary: { version: number } }>(`/api/dossiers/${id}`);
    const res = await fetch(`${this.baseUrl}/api/dossiers/${id}/commands`, {
      method: 'POST',
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ version: detail.summary.version, command }),
    });
    if (res.status !== 200) throw new Error(`${command.type}: ${res.status} ${await res.text()}`);
  }

  async upload(name: string, type: string, bytes: Uint8Array): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    const res = await fetch(`${this.baseUrl}/api/files`, {
      method: 'POST',
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf },
      body: form,
    });
    if (res.status !== 201) throw new Error(`upload ${name}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  }
}

/** A minimal PDF (catalogue, page tree, one empty A6 page) that viewers open; `mark` makes it unique. */
export function pdfBytes(mark: string): Buffer {
  return Buffer.from(
    '%PDF-1.4\n' +
      '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n' +
      '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
      '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 298 420]>> endobj\n' +
      `trailer <</Root 1 0 R>>\n%${mark}\n%%EOF\n`,
    'latin1',
  );
}

/** A 1×1 PNG. */
export const pngBytes = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

/** JPEG's start-of-image and JFIF marker, some payload, end-of-image (a phone camera's photo, in short). */
export const jpegBytes = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]),
  Buffer.from('ảnh chụp căn cước', 'utf8'),
  Buffer.from([0xff, 0xd9]),
]);
