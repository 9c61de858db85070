/**
 * Validation problems as the server reports them in `error.details.issues` (zod issues) and as the
 * client finds them with the same zod schemas: a path into the request body and a Vietnamese message.
 */
export interface ValidationIssue {
  path: (string | number)[];
  message: string;
}

export function validationIssuesOf(details: unknown): ValidationIssue[] {
  if (typeof details !== 'object' || details === null || !('issues' in details)) return [];
  const { issues } = details as { issues: unknown };
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue): ValidationIssue[] => {
    if (typeof issue !== 'object' || issue === null) return [];
    const { path, message } = issue as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') return [];
    const segments = Array.isArray(path)
      ? path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number')
      : typeof path === 'string' && path !== ''
        ? path.split('.')
        : [];
    return [{ path: segments, message }];
  });
}

/** Compares paths segment by segment as text: JSON may carry an array index as `0` or `"0"`. */
export function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((segment, i) => String(segment) === String(b[i]));
}

export function startsWithPath(
  path: readonly (string | number)[],
  prefix: readonly (string | number)[],
): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => String(segment) === String(path[i]));
}
