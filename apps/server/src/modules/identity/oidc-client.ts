import * as client from 'openid-client';

/**
 * Citizens' login through OpenID Connect (VNeID in real deployments; a local oidc-provider in
 * development and tests). Discovery happens on first use, so the app can start before the provider.
 */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface OidcClaims {
  issuer: string;
  subject: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  identityNumber: string | null;
}

export class OidcClient {
  #config: Promise<client.Configuration> | undefined;

  constructor(readonly settings: OidcSettings) {}

  #discover(): Promise<client.Configuration> {
    if (!this.#config) {
      const issuer = new URL(this.settings.issuer);
      this.#config = client
        .discovery(issuer, this.settings.clientId, this.settings.clientSecret, undefined, {
          execute: issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [],
        })
        .catch((error: unknown) => {
          this.#config = undefined; // try again next time
          throw error;
        });
    }
    return this.#config;
  }

  async start(): Promise<{ url: string; state: string; codeVerifier: string; nonce: string }> {
    const config = await this.#discover();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid profile email phone',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, codeVerifier, nonce };
  }

  async finish(
    callbackUrl: URL,
    expected: { state: string; codeVerifier: string; nonce: string },
  ): Promise<OidcClaims> {
    const config = await this.#discover();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: expected.codeVerifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('OIDC provider returned no ID token');
    const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub).catch(() => claims);
    const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.normalize('NFC').trim() : null);
    return {
      issuer: claims.iss,
      subject: claims.sub,
      name: str(info.name ?? claims.name),
      email: str(info.email ?? claims.email)?.toLowerCase() ?? null,
      phone: str(info.phone_number ?? claims.phone_number),
      identityNumber: str(info.identity_number ?? claims.identity_number),
    };
  }
}
