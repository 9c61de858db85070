/**
 * The portal's requests the shared client cannot make: a JSON request with extra headers (the
 * Idempotency-Key of an online submission) and a file upload with progress (multipart, XMLHttpRequest,
 * so a phone on a weak connection sees how far it got). Both send the session's CSRF token and turn
 * every failure into an `ApiRequestError` with a Vietnamese message, like the shared client.
 */
import type { ApiError } from '@motcua/contracts/api-error';
import { ApiRequestError, fetchSession } from '../api/client';
import { commonText } from '../i18n/vi/shared-strings';

let token: string | null | undefined;

async function csrfToken(refresh = false): Promise<string | null> {
  if (refresh || token === undefined) token = (await fetchSession()).csrfToken;
  return token;
}

function errorFrom(status: number, payload: unknown): ApiRequestError {
  const error = (payload as Partial<ApiError> | undefined)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string')
    return new ApiRequestError(status, error.code, error.message, error.details);
  if (status >= 500)
    return new ApiRequestError(status, 'SERVER_UNAVAILABLE', commonText.serverUnavailable(status));
  return new ApiRequestError(status, `HTTP_${status}`, commonText.unexpectedResponse(status));
}

const isCsrfFailure = (error: ApiRequestError) => error.status === 403 && error.code.includes('CSRF');

/** POST with JSON and extra headers; a stale CSRF token is refreshed once. */
export async function postJson<T>(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      const csrf = await csrfToken(attempt > 0);
      response = await fetch(path, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          ...(csrf ? { 'x-csrf-token': csrf } : {}),
          ...headers,
        },
        body: JSON.stringify(body),
      });
    } catch {
      throw new ApiRequestError(0, 'NETWORK_ERROR', commonText.networkError);
    }
    const payload = response.headers.get('content-type')?.includes('json')
      ? await response.json().catch(() => undefined)
      : undefined;
    if (response.ok && payload !== undefined) return payload as T;
    const error = response.ok
      ? new ApiRequestError(
          response.status,
          'UNEXPECTED_RESPONSE',
          commonText.unexpectedResponse(response.status),
        )
      : errorFrom(response.status, payload);
    if (attempt === 0 && isCsrfFailure(error)) continue;
    throw error;
  }
}

export interface UploadedFile {
  id: string;
  name: string;
  mediaType: string;
  size: number;
}

/** POST /api/files (multipart part `file`), reporting progress from 0 to 1. */
export async function uploadFile(
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadedFile> {
  for (let attempt = 0; ; attempt++) {
    const csrf = await csrfToken(attempt > 0).catch(() => {
      throw new ApiRequestError(0, 'NETWORK_ERROR', commonText.networkError);
    });
    try {
      return await sendFile(file, csrf, onProgress, signal);
    } catch (error) {
      if (attempt === 0 && error instanceof ApiRequestError && isCsrfFailure(error)) continue;
      throw error;
    }
  }
}

function sendFile(
  file: File,
  csrf: string | null,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/files');
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiRequestError(0, 'NETWORK_ERROR', commonText.networkError));
    xhr.onabort = () => reject(new ApiRequestError(0, 'ABORTED', commonText.networkError));
    xhr.onload = () => {
      let payload: unknown;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        payload = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && payload !== undefined) {
        onProgress(1);
        resolve(payload as UploadedFile);
      } else reject(errorFrom(xhr.status, payload));
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** A key no other submission will use: random, and accepted by the server's Idempotency-Key rule. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `portal-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
