/**
 * The one way the web app talks to the API: same-origin cookies, JSON both ways, the session's CSRF
 * token on every mutation, and every failure turned into an `ApiRequestError` with a Vietnamese message.
 * Response bodies are typed by the shared contracts but not parsed at run time: the server already
 * validates what it sends, and keeping zod out of this module keeps it out of the portal's bundle.
 */
import type { ApiError } from '@motcua/contracts/api-error';
import type { SessionInfo } from '@motcua/contracts/session';
import { commonText } from '../i18n/vi/shared-strings';
import { type ValidationIssue, validationIssuesOf } from './validation-issues';

export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';

  constructor(
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /**
   * Validation issues (`details.issues`), or this error itself when the server names the one field it
   * is about (`details.path`, e.g. an unknown field code found after validation).
   */
  get issues(): ValidationIssue[] {
    const issues = validationIssuesOf(this.details);
    if (issues.length > 0) return issues;
    const path = (this.details as { path?: unknown } | undefined)?.path;
    if (
      Array.isArray(path) &&
      path.length > 0 &&
      path.every((p) => typeof p === 'string' || typeof p === 'number')
    )
      return [{ path, message: this.message }];
    return [];
  }
}

export function isApiRequestError(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError;
}

/** The message to show a person for any error a request or a query can end with. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message;
  return commonText.networkError;
}

type QueryValue = string | number | boolean | null | undefined;

export function pathWithQuery(path: string, query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}

// undefined: not asked yet; null: the server has no session (and so no token) for us.
let csrfToken: string | null | undefined;

/** GET /api/session, remembering its CSRF token for the mutations that follow. */
export async function fetchSession(): Promise<SessionInfo> {
  const info = await send<SessionInfo>('GET', '/api/session');
  csrfToken = info.csrfToken;
  return info;
}

/** After login or logout the server starts a new session with a new token. */
export function forgetCsrfToken(): void {
  csrfToken = undefined;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function send<T>(method: Method, path: string, body?: unknown, isRetry = false): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    if (csrfToken === undefined) await fetchSession().catch(() => undefined);
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiRequestError(0, 'NETWORK_ERROR', commonText.networkError);
  }

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const payload = await readJson(response);
    if (payload === undefined) {
      throw new ApiRequestError(
        response.status,
        'UNEXPECTED_RESPONSE',
        commonText.unexpectedResponse(response.status),
      );
    }
    return payload as T;
  }

  const error = errorFrom(response.status, await readJson(response));
  // A stale token (the session rotated in another tab) is refreshed once, then the request is repeated.
  if (!isRetry && method !== 'GET' && response.status === 403 && error.code.includes('CSRF')) {
    forgetCsrfToken();
    return send<T>(method, path, body, true);
  }
  throw error;
}

async function readJson(response: Response): Promise<unknown> {
  if (!response.headers.get('content-type')?.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function errorFrom(status: number, payload: unknown): ApiRequestError {
  const error = (payload as Partial<ApiError> | undefined)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiRequestError(status, error.code, error.message, error.details);
  }
  // No JSON error body: a proxy or the network between us and the server answered instead.
  if (status >= 500)
    return new ApiRequestError(status, 'SERVER_UNAVAILABLE', commonText.serverUnavailable(status));
  return new ApiRequestError(status, `HTTP_${status}`, commonText.unexpectedResponse(status));
}

export const api = {
  get: <T>(path: string) => send<T>('GET', path),
  post: <T>(path: string, body?: unknown) => send<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => send<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => send<T>('PATCH', path, body),
  delete: <T>(path: string) => send<T>('DELETE', path),
};
