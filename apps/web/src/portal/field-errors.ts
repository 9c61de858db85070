import { type ApiRequestError, messageOf } from '../api/client';

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

export interface FormErrors<Field extends string> {
  fields: FieldErrors<Field>;
  /** What cannot be pinned to a field: shown above the form. */
  form: string | null;
}

/**
 * Server answers mapped onto a plain HTML form: a validation issue whose path starts with one of the
 * form's fields goes next to that field; the rest, and any other error, is the form's message.
 */
export function formErrorsFrom<Field extends string>(
  error: ApiRequestError | Error,
  fields: readonly Field[],
  invalidFormMessage: string,
): FormErrors<Field> {
  const issues = 'issues' in error ? error.issues : [];
  const result: FormErrors<Field> = { fields: {}, form: null };
  const unplaced: string[] = [];
  for (const issue of issues) {
    const field = fields.find((f) => f === String(issue.path[0]));
    if (field && result.fields[field] === undefined) result.fields[field] = issue.message;
    else if (!field) unplaced.push(issue.message);
  }
  if (unplaced.length > 0) result.form = unplaced.join(' ');
  else if (issues.length === 0) result.form = messageOf(error);
  else result.form = invalidFormMessage;
  return result;
}

/** Moves the keyboard to the first field that needs fixing, so it is also read out. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
