/**
 * Typed errors with a stable machine code and a Vietnamese message for people. Services throw these;
 * the HTTP layer maps them to `{ error: { code, message, details } }` with their status.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
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
