import { useMutation } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { isApiRequestError, messageOf } from '../api/client';
import type { ValidationIssue } from '../api/validation-issues';
import { showIssuesOnForm } from './form-issues';

/** The part of a zod schema this hook needs, so this file does not import zod itself. */
interface RequestSchema<Request> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: Request }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

interface FormSubmissionOptions<Values, Request, Result> {
  form: FormInstance;
  /** Turns what the form holds into the request body (empty strings to undefined, …). */
  toRequest?: (values: Values) => unknown;
  /** The contract's schema: checked before sending, so the same Vietnamese messages appear at once. */
  schema?: RequestSchema<Request>;
  send: (request: Request) => Promise<Result>;
  onSuccess?: (result: Result) => void | Promise<void>;
}

function asIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): ValidationIssue[] {
  return issues.map((issue) => ({
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: issue.message,
  }));
}

/**
 * Submits an antd Form to the API: validation problems (ours or the server's) go next to their fields,
 * anything else becomes `formError` for an alert in the form. The form keeps what was typed on failure.
 */
export function useFormSubmission<Values, Request, Result>(
  options: FormSubmissionOptions<Values, Request, Result>,
) {
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: options.send });

  const showIssues = (issues: readonly ValidationIssue[], fallback: string) => {
    const unplaced = showIssuesOnForm(options.form, issues);
    setFormError(
      unplaced.length > 0 ? unplaced.map((i) => i.message).join(' ') : issues.length > 0 ? null : fallback,
    );
  };

  const submit = (values: Values) => {
    setFormError(null);
    const body = options.toRequest ? options.toRequest(values) : values;
    let request = body as Request;
    if (options.schema) {
      const parsed = options.schema.safeParse(body);
      if (!parsed.success) {
        showIssues(asIssues(parsed.error.issues), '');
        return;
      }
      request = parsed.data;
    }
    mutation.mutate(request, {
      onSuccess: (result) => options.onSuccess?.(result),
      onError: (error) => {
        if (isApiRequestError(error)) showIssues(error.issues, error.message);
        else setFormError(messageOf(error));
      },
    });
  };

  const reset = () => {
    setFormError(null);
    mutation.reset();
  };

  return { submit, isPending: mutation.isPending, formError, reset };
}
