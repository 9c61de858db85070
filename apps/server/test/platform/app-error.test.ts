// Errors below 500 are answers, not faults: they are built without a stack trace (cheap to throw and
// catch); a 500 keeps its trace for the log. Error.stackTraceLimit is left as it was either way.
import { describe, expect, it } from 'vitest';
import { AppError, forbidden } from '../../src/platform/app-error';

const frames = (error: Error) => (error.stack ?? '').split('\n').filter((l) => l.trim().startsWith('at '));

describe('AppError', () => {
  it('carries no stack frames below 500, and keeps code, status, message and details', () => {
    const limit = Error.stackTraceLimit;
    const error = new AppError('DOSSIER_NOT_FOUND', 404, 'Không tìm thấy hồ sơ', { id: 'x' });
    expect(frames(error)).toEqual([]);
    expect(error).toMatchObject({ code: 'DOSSIER_NOT_FOUND', status: 404, details: { id: 'x' } });
    expect(error.message).toBe('Không tìm thấy hồ sơ');
    expect(error).toBeInstanceOf(Error);
    expect(frames(forbidden())).toEqual([]);
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('keeps the stack of a 500 and of ordinary errors', () => {
    expect(frames(new AppError('INTERNAL', 500, 'Lỗi hệ thống')).length).toBeGreaterThan(0);
    new AppError('FORBIDDEN', 403, 'x');
    expect(frames(new Error('after')).length).toBeGreaterThan(0);
  });
});
