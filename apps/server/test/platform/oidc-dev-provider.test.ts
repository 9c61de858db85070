import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevOidcProvider, startDevOidcProvider } from '../../src/platform/oidc-dev-provider.js';
import { Browser, formAction } from '../support/http-browser';
import { findFreePort } from '../support/postgres-cluster.js';

// The dev provider is what citizens log in with outside production, so these tests drive it exactly
// as the server will: openid-client for the protocol, and a cookie-keeping "browser" made of fetch.
const CLIENT = {
  clientId: 'motcua-portal',
  clientSecret: 'portal-secret',
  redirectUri: 'http://127.0.0.1:5999/auth/callback',
};
const CITIZEN = {
  sub: 'vneid-0001',
  username: 'nguyenvana',
  password: 'MatKhau@2025',
  name: 'Nguyễn Văn A',
  email: 'nguyenvana@example.vn',
  phoneNumber: '+84912345678',
  identityNumber: '001090012345',
};

describe('development OpenID Connect provider (VNeID stand-in)', () => {
  let provider: DevOidcProvider;
  let config: oidc.Configuration;

  beforeAll(async () => {
    provider = await startDevOidcProvider({
      port: await findFreePort(),
      clients: [
        {
          clientId: CLIENT.clientId,
          clientSecret: CLIENT.clientSecret,
          redirectUris: [CLIENT.redirectUri],
          postLogoutRedirectUris: ['http://127.0.0.1:5999/'],
        },
      ],
      accounts: [CITIZEN, { sub: 'vneid-0002', username: 'tranthib', password: 'x', name: 'Trần Thị B' }],
    });
    config = await oidc.discovery(new URL(provider.issuer), CLIENT.clientId, CLIENT.clientSecret, undefined, {
      execute: [oidc.allowInsecureRequests],
    });
  });

  afterAll(async () => {
    await provider?.close();
  });

  async function authorizationRequest(scope: string) {
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: CLIENT.redirectUri,
      scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
    });
    return { url, codeVerifier, state };
  }

  async function beginLogin(scope = 'openid profile email phone') {
    const { url, codeVerifier, state } = await authorizationRequest(scope);
    const browser = new Browser();
    const { url: loginUrl, response } = await browser.follow(url, CLIENT.redirectUri);
    expect(response?.status).toBe(200);
    const html = await response!.text();
    return { browser, codeVerifier, state, loginUrl, html };
  }

  function submit(browser: Browser, action: string, username: string, password: string) {
    return browser.request(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password }).toString(),
    });
  }

  it('advertises the code flow with PKCE and the scopes the portal asks for', () => {
    const metadata = config.serverMetadata();
    expect(metadata.issuer).toBe(provider.issuer);
    expect(provider.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(metadata.response_types_supported).toEqual(['code']);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(metadata.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'profile', 'email', 'phone']),
    );
    expect(metadata.claims_supported).toEqual(
      expect.arrayContaining(['name', 'email', 'phone_number', 'identity_number']),
    );
  });

  it('logs a citizen in through the Vietnamese login page and releases their identity claims', async () => {
    const { browser, codeVerifier, state, loginUrl, html } = await beginLogin();
    expect(loginUrl).toMatch(/\/interaction\/[^/]+$/);
    expect(html).toContain('Đăng nhập bằng tài khoản định danh điện tử (mô phỏng VNeID)');
    expect(html).toMatch(/<label for="username">Tên đăng nhập<\/label>/);
    expect(html).toMatch(/<label for="password">Mật khẩu<\/label>/);
    expect(html).toMatch(/<button type="submit">Đăng nhập<\/button>/);

    const posted = await submit(browser, formAction(html, loginUrl), CITIZEN.username, CITIZEN.password);
    expect(posted.status).toBe(303);
    // No consent page: the provider grants the configured client straight away.
    const { url: callbackUrl, response } = await browser.follow(
      new URL(posted.headers.get('location')!, loginUrl),
      CLIENT.redirectUri,
    );
    expect(response, `stopped at ${callbackUrl} instead of the redirect URI`).toBeUndefined();
    expect(new URL(callbackUrl).searchParams.get('code')).toBeTruthy();

    const tokens = await oidc.authorizationCodeGrant(config, new URL(callbackUrl), {
      pkceCodeVerifier: codeVerifier,
      expectedState: state,
    });
    expect(tokens.claims()).toMatchObject({
      iss: provider.issuer,
      aud: CLIENT.clientId,
      sub: CITIZEN.sub,
      name: CITIZEN.name,
      email: CITIZEN.email,
      phone_number: CITIZEN.phoneNumber,
      identity_number: CITIZEN.identityNumber,
    });
    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, CITIZEN.sub);
    expect(userinfo).toMatchObject({
      sub: CITIZEN.sub,
      name: CITIZEN.name,
      email: CITIZEN.email,
      email_verified: true,
      phone_number: CITIZEN.phoneNumber,
      identity_number: CITIZEN.identityNumber,
    });

    // The code is single-use.
    await expect(
      oidc.authorizationCodeGrant(config, new URL(callbackUrl), {
        pkceCodeVerifier: codeVerifier,
        expectedState: state,
      }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('re-shows the form with an error on a wrong password, then accepts the right one', async () => {
    const { browser, codeVerifier, state, loginUrl, html } = await beginLogin();
    const action = formAction(html, loginUrl);

    const wrong = await submit(browser, action, CITIZEN.username, 'sai-mat-khau');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('location')).toBeNull();
    const again = await wrong.text();
    expect(again).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(again).toContain(`value="${CITIZEN.username}"`);
    expect(again).toContain('Mật khẩu');

    const unknown = await submit(browser, action, 'khongtontai', CITIZEN.password);
    expect(unknown.status).toBe(401);

    const right = await submit(browser, formAction(again, loginUrl), CITIZEN.username, CITIZEN.password);
    expect(right.status).toBe(303);
    const { url: callbackUrl } = await browser.follow(
      new URL(right.headers.get('location')!, loginUrl),
      CLIENT.redirectUri,
    );
    const tokens = await oidc.authorizationCodeGrant(config, new URL(callbackUrl), {
      pkceCodeVerifier: codeVerifier,
      expectedState: state,
    });
    expect(tokens.claims()?.sub).toBe(CITIZEN.sub);
  });

  it('keeps the session: a later request for more scopes is granted without a login or consent page', async () => {
    const first = await beginLogin('openid');
    const posted = await submit(
      first.browser,
      formAction(first.html, first.loginUrl),
      CITIZEN.username,
      CITIZEN.password,
    );
    const { url: firstCallback } = await first.browser.follow(
      new URL(posted.headers.get('location')!, first.loginUrl),
      CLIENT.redirectUri,
    );
    const firstTokens = await oidc.authorizationCodeGrant(config, new URL(firstCallback), {
      pkceCodeVerifier: first.codeVerifier,
      expectedState: first.state,
    });
    expect(firstTokens.claims()?.name).toBeUndefined();

    const second = await authorizationRequest('openid profile phone');
    const { url: secondCallback, response } = await first.browser.follow(second.url, CLIENT.redirectUri);
    expect(response, 'a page was shown instead of returning to the client').toBeUndefined();
    const secondTokens = await oidc.authorizationCodeGrant(config, new URL(secondCallback), {
      pkceCodeVerifier: second.codeVerifier,
      expectedState: second.state,
    });
    expect(secondTokens.claims()).toMatchObject({
      sub: CITIZEN.sub,
      name: CITIZEN.name,
      phone_number: CITIZEN.phoneNumber,
    });
    expect(secondTokens.claims()?.email).toBeUndefined();
  });

  it('refuses an authorization request without PKCE', async () => {
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: CLIENT.redirectUri,
      scope: 'openid',
      state: oidc.randomState(),
    });
    const { url: landed } = await new Browser().follow(url, CLIENT.redirectUri);
    const params = new URL(landed).searchParams;
    expect(params.get('error')).toBe('invalid_request');
    expect(params.get('error_description')).toMatch(/PKCE/);
  });

  it('refuses a client it does not know', async () => {
    const stranger = await oidc.discovery(new URL(provider.issuer), 'stranger', 'secret', undefined, {
      execute: [oidc.allowInsecureRequests],
    });
    const url = oidc.buildAuthorizationUrl(stranger, {
      redirect_uri: CLIENT.redirectUri,
      scope: 'openid',
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    const { response } = await new Browser().follow(url, CLIENT.redirectUri);
    expect(response?.status).toBe(400);
    expect(await response!.text()).toContain('invalid_client');
  });
});
