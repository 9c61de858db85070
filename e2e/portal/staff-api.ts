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

export { jpegBytes, pdfBytes, pngBytes } from '../../apps/server/test/support/sample-files.js';
