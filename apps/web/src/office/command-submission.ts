import { dossierCommandSchema } from '@motcua/contracts/dossier';
import { useMutation } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { isApiRequestError, messageOf } from '../api/client';
import type { ValidationIssue } from '../api/validation-issues';
import { officeText } from '../i18n/vi/office';
import { showIssuesOnForm } from '../staff/form-issues';
import { runCommand, useRefreshDossiers } from './dossier-queries';
import type { CommandInput, DossierView } from './dossier-types';

/** Server issues are about `command.<field>`; the dialog's fields are named after the command's. */
const withoutCommandPrefix = (issues: readonly ValidationIssue[]) =>
  issues.map((i) => ({ ...i, path: i.path[0] === 'command' ? i.path.slice(1) : i.path }));

/**
 * Runs one command on the dossier version the user is looking at. The contract's schema is checked
 * first (same messages as the server), issues go next to their fields, and a stale version (409
 * VERSION_CONFLICT: someone else acted meanwhile) says so and reloads the dossier; what was typed stays.
 */
export function useCommandSubmission<Values>(options: {
  form: FormInstance;
  view: DossierView;
  toCommand: (values: Values) => unknown;
  onSuccess: (command: CommandInput) => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const refresh = useRefreshDossiers();
  const mutation = useMutation({
    mutationFn: (command: CommandInput) =>
      runCommand(options.view.summary.id, options.view.summary.version, command),
  });

  const showIssues = (issues: ValidationIssue[], fallback: string) => {
    const unplaced = showIssuesOnForm(options.form, issues);
    setFormError(
      unplaced.length > 0 ? unplaced.map((i) => i.message).join(' ') : issues.length > 0 ? null : fallback,
    );
  };

  const submit = (values: Values) => {
    setFormError(null);
    const parsed = dossierCommandSchema.safeParse(options.toCommand(values));
    if (!parsed.success) {
      showIssues(
        parsed.error.issues.map((i) => ({
          path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
          message: i.message,
        })),
        '',
      );
      return;
    }
    mutation.mutate(parsed.data, {
      onSuccess: async () => {
        await refresh();
        options.onSuccess(parsed.data);
      },
      onError: (error) => {
        if (isApiRequestError(error) && error.code === 'VERSION_CONFLICT') {
          setFormError(officeText.versionConflict);
          void refresh();
          return;
        }
        if (isApiRequestError(error)) showIssues(withoutCommandPrefix(error.issues), error.message);
        else setFormError(messageOf(error));
      },
    });
  };

  return { submit, isPending: mutation.isPending, formError };
}
