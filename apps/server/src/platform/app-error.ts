/**
 * Typed errors with a stable machine code and a Vietnamese message for people. Services throw these;
 * the HTTP layer maps them to `{ error: { code, message, details } }` with their status.
 *
 * An error below 500 is an answer to the caller, not a fault, so it carries no stack trace: capturing
 * one was most of the cost of a refused request, and of authorisation checks that probe by catching
 * (a dossier's allowed commands: about 25 µs per desk reception in the intake bench's profile).
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: string, status: number, message: string, details?: unknown) {
    const limit = Error.stackTraceLimit;
    if (status < 500) Error.stackTraceLimit = 0;
    super(message); // Error's constructor does not throw: the limit is always put back
    Error.stackTraceLimit = limit;
    this.code = code;
    this.status = status;
    if (details !== undefined) this.details = details;
  }
}

export const notFound = (what: string, code = 'NOT_FOUND') =>
  new AppError(code, 404, `Không tìm thấy ${what}`);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này') =>
  new AppError('FORBIDDEN', 403, message);
export const unauthenticated = (message = 'Bạn cần đăng nhập để tiếp tục', code = 'UNAUTHENTICATED') =>
  new AppError(code, 401, message);
export const conflict = (code: string, message: string, details?: unknown) =>
  new AppError(code, 409, message, details);
export const invalid = (code: string, message: string, details?: unknown) =>
  new AppError(code, 422, message, details);
