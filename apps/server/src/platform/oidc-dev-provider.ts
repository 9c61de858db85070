// A real OpenID Connect provider (oidc-provider) standing in for VNeID in development and tests:
// authorization code flow with PKCE over plain http on loopback, a Vietnamese login page, consent
// granted automatically for the configured clients. Not for production: keys, sessions and grants
// live in memory and are lost on restart.
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error oidc-provider@8 ships no type declarations; the surface used is typed below.
import OidcProvider from 'oidc-provider';

export interface DevOidcClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  /** How the client authenticates at the token endpoint; openid-client's default is client_secret_post. */
  tokenEndpointAuthMethod?: 'client_secret_post' | 'client_secret_basic';
}

export interface DevOidcAccount {
  sub: string;
  username: string;
  password: string;
  name: string;
  email?: string;
  /** E.164, e.g. +84912345678. */
  phoneNumber?: string;
  /** Citizen identity card (CCCD) number, 12 digits. */
  identityNumber?: string;
}

export interface DevOidcProviderOptions {
  port: number;
  host?: string;
  /** Defaults to http://{host}:{port}. */
  issuer?: string;
  clients: DevOidcClient[];
  accounts: DevOidcAccount[];
}

export interface DevOidcProvider {
  issuer: string;
  close(): Promise<void>;
}

/** Scopes offered, and the claims each one releases (identity_number comes with `profile`). */
export const DEV_OIDC_SCOPES = ['openid', 'profile', 'email', 'phone'] as const;
const CLAIMS = {
  openid: ['sub'],
  profile: ['name', 'identity_number'],
  email: ['email', 'email_verified'],
  phone: ['phone_number', 'phone_number_verified'],
};

// The part of oidc-provider's (untyped) API this file uses.
interface Grant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
}
interface GrantConstructor {
  new (init: { clientId: string; accountId: string }): Grant;
  find(id: string): Promise<Grant | undefined>;
}
interface Interaction {
  uid: string;
  prompt: { name: string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[] } };
  params: { client_id: string; scope?: string };
  grantId?: string;
  session?: { accountId: string };
}
interface ProviderContext {
  oidc: {
    client?: { clientId: string };
    session: { accountId: string; grantIdFor(clientId: string): string | undefined };
    result?: { consent?: { grantId?: string } };
    params?: { scope?: string };
    requestParamClaims?: Set<string>;
    provider: { Grant: GrantConstructor };
  };
  type: string;
  body: string;
  status: number;
}
interface Provider {
  Grant: GrantConstructor;
  proxy: boolean;
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  on(event: string, listener: (...args: unknown[]) => void): void;
}
type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => Provider;

export async function startDevOidcProvider(opts: DevOidcProviderOptions): Promise<DevOidcProvider> {
  const host = opts.host ?? '127.0.0.1';
  // Listen first so that port 0 (any free port) gives an issuer with the real port.
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(503).end();
  };
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  // A wildcard bind address is not somewhere a browser can be sent: advertise loopback instead.
  const publicHost =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const issuer = (opts.issuer ?? `http://${publicHost}:${port}`).replace(/\/$/, '');
  const accountsBySub = new Map(opts.accounts.map((a) => [a.sub, a]));
  const accountsByUsername = new Map(opts.accounts.map((a) => [a.username, a]));
  const clientIds = new Set(opts.clients.map((c) => c.clientId));

  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  const configuration = {
    // State of this instance only (the built-in adapter is one LRU shared by every provider in the process).
    adapter: inMemoryAdapter(),
    clients: opts.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris ?? [],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: c.tokenEndpointAuthMethod ?? 'client_secret_post',
    })),
    jwks: { keys: [{ ...signingKey, kid: randomUUID(), use: 'sig', alg: 'RS256' }] },
    scopes: [...DEV_OIDC_SCOPES],
    claims: CLAIMS,
    // The relying party reads the citizen's name and CCCD number from the ID token itself.
    conformIdTokenClaims: false,
    pkce: { methods: ['S256'], required: () => true },
    responseTypes: ['code'],
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: ProviderContext, form: string) => {
          ctx.type = 'html';
          ctx.body = page(
            'Đăng xuất',
            `${form}<p>Đang đăng xuất…</p><button type="submit" form="op.logoutForm" name="logout" value="yes">Đăng xuất</button>
<script>document.getElementById('op.logoutForm').submit()</script>`,
          );
        },
        postLogoutSuccessSource: async (ctx: ProviderContext) => {
          ctx.type = 'html';
          ctx.body = page(
            'Đã đăng xuất',
            '<p>Bạn đã đăng xuất khỏi tài khoản định danh điện tử (mô phỏng).</p>',
          );
        },
      },
    },
    cookies: {
      keys: [randomBytes(32).toString('base64url')],
      // Plain http on loopback: browsers drop SameSite=None cookies that are not Secure.
      long: { httpOnly: true, sameSite: 'lax', signed: true },
      short: { httpOnly: true, sameSite: 'lax', signed: true },
    },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 120,
      IdToken: 3600,
      Interaction: 3600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, sub: string) => {
      const account = accountsBySub.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => accountClaims(account) };
    },
    // Consent is implied for the configured (first-party) clients.
    loadExistingGrant: async (ctx: ProviderContext) => {
      const { oidc } = ctx;
      const clientId = oidc.client?.clientId;
      if (!clientId) return undefined;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      if (!clientIds.has(clientId)) return undefined;
      const grant = new oidc.provider.Grant({ clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope(oidc.params?.scope ?? 'openid');
      if (oidc.requestParamClaims?.size) grant.addOIDCClaims([...oidc.requestParamClaims]);
      await grant.save();
      return grant;
    },
    renderError: async (ctx: ProviderContext, out: { error: string; error_description?: string }) => {
      ctx.type = 'html';
      ctx.body = page(
        'Lỗi đăng nhập',
        `<p role="alert">Không thể hoàn tất yêu cầu đăng nhập.</p><p><code>${escapeHtml(out.error)}</code> ${escapeHtml(out.error_description ?? '')}</p>`,
      );
    },
  };

  let provider: Provider;
  try {
    provider = new (OidcProvider as ProviderConstructor)(issuer, configuration);
  } catch (error) {
    server.close();
    throw error;
  }
  // Never trust X-Forwarded-*: this provider is reached directly over http on loopback.
  provider.proxy = false;
  const oidcHandler = provider.callback();

  async function handleInteraction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'consent') {
      const grantId = await grantConsent(provider, details);
      await provider.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
      return;
    }
    if (details.prompt.name !== 'login') {
      sendHtml(res, 400, page('Lỗi', '<p role="alert">Yêu cầu không được hỗ trợ.</p>'));
      return;
    }
    if (req.method === 'GET') {
      sendHtml(res, 200, loginPage(details.uid));
      return;
    }
    if (req.method !== 'POST') {
      sendHtml(res, 405, page('Lỗi', '<p role="alert">Phương thức không được hỗ trợ.</p>'));
      return;
    }
    const form = new URLSearchParams(await readBody(req));
    const username = form.get('username')?.trim() ?? '';
    const account = accountsByUsername.get(username);
    if (!account || account.password !== (form.get('password') ?? '')) {
      sendHtml(res, 401, loginPage(details.uid, username, 'Tên đăng nhập hoặc mật khẩu không đúng.'));
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: account.sub } },
      { mergeWithLastSubmission: false },
    );
  }

  handle = (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (/^\/interaction\/[^/]+\/?$/.test(url.pathname)) {
      handleInteraction(req, res).catch((error: unknown) => {
        if (res.headersSent) {
          res.end();
          return;
        }
        // An expired or unknown interaction (e.g. the form resubmitted after the login finished).
        const message = error instanceof Error ? error.message : String(error);
        sendHtml(
          res,
          400,
          page(
            'Phiên đăng nhập không hợp lệ',
            `<p role="alert">Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng thử lại từ ứng dụng.</p><p><code>${escapeHtml(message)}</code></p>`,
          ),
        );
      });
      return;
    }
    oidcHandler(req, res);
  };

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

type Payload = Record<string, unknown> & {
  grantId?: string;
  uid?: string;
  userCode?: string;
  consumed?: number;
};

// Every artefact (session, interaction, code, token, grant) with its expiry; swept on access.
function inMemoryAdapter() {
  const entries = new Map<string, { payload: Payload; expiresAt: number }>();
  const keysByGrant = new Map<string, Set<string>>();
  const sessionIdByUid = new Map<string, string>();
  const idByUserCode = new Map<string, string>();
  const get = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry?.payload;
  };
  return class DevOidcAdapter {
    private readonly model: string;
    constructor(model: string) {
      this.model = model;
    }
    private key(id: string) {
      return `${this.model}:${id}`;
    }
    async upsert(id: string, payload: Payload, expiresIn: number) {
      const key = this.key(id);
      entries.set(key, { payload, expiresAt: Date.now() + expiresIn * 1000 });
      if (this.model === 'Session' && payload.uid) sessionIdByUid.set(payload.uid, id);
      if (payload.userCode) idByUserCode.set(payload.userCode, id);
      if (payload.grantId) {
        const keys = keysByGrant.get(payload.grantId) ?? new Set<string>();
        keys.add(key);
        keysByGrant.set(payload.grantId, keys);
      }
    }
    async find(id: string) {
      return get(this.key(id));
    }
    async findByUid(uid: string) {
      const id = sessionIdByUid.get(uid);
      return id ? get(this.key(id)) : undefined;
    }
    async findByUserCode(userCode: string) {
      const id = idByUserCode.get(userCode);
      return id ? get(this.key(id)) : undefined;
    }
    async consume(id: string) {
      const payload = get(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      entries.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string) {
      for (const key of keysByGrant.get(grantId) ?? []) entries.delete(key);
      keysByGrant.delete(grantId);
    }
  };
}

async function grantConsent(provider: Provider, details: Interaction): Promise<string> {
  const accountId = details.session?.accountId;
  if (!accountId) throw new Error('consent prompt without a logged-in session');
  const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
  const grant = existing ?? new provider.Grant({ clientId: details.params.client_id, accountId });
  const scopes = details.prompt.details.missingOIDCScope;
  if (scopes?.length) grant.addOIDCScope(scopes.join(' '));
  const claims = details.prompt.details.missingOIDCClaims;
  if (claims?.length) grant.addOIDCClaims(claims);
  return grant.save();
}

function accountClaims(account: DevOidcAccount): Record<string, unknown> {
  return {
    sub: account.sub,
    name: account.name,
    ...(account.email ? { email: account.email, email_verified: true } : {}),
    ...(account.phoneNumber ? { phone_number: account.phoneNumber, phone_number_verified: true } : {}),
    ...(account.identityNumber ? { identity_number: account.identityNumber } : {}),
  };
}

function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > limit) {
        reject(new Error('request body too large'));
        req.destroy();
      }
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
  });
  res.end(html);
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — VNeID (mô phỏng)</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;background:#f5f5f5;color:#1f1f1f;margin:0}
main{max-width:24rem;margin:3rem auto;background:#fff;padding:1.5rem 2rem;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1{font-size:1.25rem;color:#a8071a;margin-top:0}
label{display:block;margin-top:1rem;font-weight:600}
input{box-sizing:border-box;width:100%;padding:.5rem;margin-top:.25rem;font-size:1rem;border:1px solid #767676;border-radius:4px}
button{margin-top:1.5rem;width:100%;padding:.6rem;font-size:1rem;font-weight:600;color:#fff;background:#a8071a;border:0;border-radius:4px;cursor:pointer}
[role=alert]{color:#a8071a;font-weight:600}
.note{font-size:.85rem;color:#595959}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>`;
}

function loginPage(uid: string, username = '', error?: string): string {
  const action = `/interaction/${encodeURIComponent(uid)}`;
  return page(
    'Đăng nhập bằng tài khoản định danh điện tử (mô phỏng VNeID)',
    `${error ? `<p role="alert" id="login-error">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${action}" autocomplete="off">
<label for="username">Tên đăng nhập</label>
<input id="username" name="username" type="text" required${error ? '' : ' autofocus'} value="${escapeHtml(username)}"${error ? ' aria-describedby="login-error"' : ''}>
<label for="password">Mật khẩu</label>
<input id="password" name="password" type="password" required${error ? ' autofocus aria-describedby="login-error"' : ''}>
<button type="submit">Đăng nhập</button>
</form>
<p class="note">Máy chủ định danh mô phỏng dùng cho phát triển và kiểm thử, không phải VNeID thật.</p>`,
  );
}
