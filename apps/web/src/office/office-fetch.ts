/**
 * The two requests the shared API client cannot make: a JSON post with an `Idempotency-Key` (desk
 * reception: a retried or double-submitted intake must not create a second dossier) and a multipart
 * upload (scanned components). Same cookies, CSRF token and error shape as `api/client.ts`.
 */
import { ApiRequestError, fetchSession } from '../api/client';
import { commonText } from '../i18n/vi/shared-strings';

async function csrfToken(): Promise<string | null> {
  try {
    return (await fetchSession()).csrfToken;
  } catch {
    return null;
  }
}

async function errorOf(response: Response): Promise<ApiRequestError> {
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    payload = undefined;
  }
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)
    ?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string')
    return new ApiRequestError(response.status, error.code, error.message, error.details);
  if (response.status >= 500)
    return new ApiRequestError(
      response.status,
      'SERVER_UNAVAILABLE',
      commonText.serverUnavailable(response.status),
    );
  return new ApiRequestError(
    response.status,
    `HTTP_${response.status}`,
    commonText.unexpectedResponse(response.status),
  );
}

async function send<T>(path: string, init: { body: BodyInit; headers: Record<string, string> }): Promise<T> {
  const token = await csrfToken();
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(token ? { 'x-csrf-token': token } : {}), ...init.headers },
      body: init.body,
    });
  } catch {
    throw new ApiRequestError(0, 'NETWORK_ERROR', commonText.networkError);
  }
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
}

/** POST a JSON body with an `Idempotency-Key`: a retry with the same key gets the first answer. */
export function postIdempotent<T>(path: string, body: unknown, key: string): Promise<T> {
  return send<T>(path, {
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
  });
}

/** POST one file as multipart part `file`. */
export function uploadFile<T>(path: string, file: Blob, name: string): Promise<T> {
  const form = new FormData();
  form.append('file', file, name);
  return send<T>(path, { body: form, headers: {} });
}

/** A fresh key per intake form: 8–128 characters of [\w.:-]. */
export function newIdempotencyKey(): string {
  return `desk-${crypto.randomUUID()}`;
}
