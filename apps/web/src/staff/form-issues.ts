import type { FormInstance } from 'antd';
import { samePath, startsWithPath, type ValidationIssue } from '../api/validation-issues';

type FieldPath = (string | number)[];

/**
 * Puts validation issues next to the antd Form fields they are about and answers the ones no field
 * shows. Form field names follow the request body, so an issue's path is a field's name; an issue about
 * a group (`officeHours.sessions.0`) goes to the group's first field, and one about a part of a field
 * (`roles.0.agencyId` when only `roles` is a field) to that field.
 */
export function showIssuesOnForm(form: FormInstance, issues: readonly ValidationIssue[]): ValidationIssue[] {
  const registered: FieldPath[] = form.getFieldsError().map((field) => field.name);
  const errorsByField = new Map<string, { name: FieldPath; errors: string[] }>();
  const unplaced: ValidationIssue[] = [];

  for (const issue of issues) {
    const name =
      registered.find((field) => samePath(field, issue.path)) ??
      (issue.path.length > 0 ? registered.find((field) => startsWithPath(field, issue.path)) : undefined) ??
      registered
        .filter((field) => field.length > 0 && startsWithPath(issue.path, field))
        .sort((a, b) => b.length - a.length)[0];
    if (!name) {
      unplaced.push(issue);
      continue;
    }
    const key = name.join('.');
    const entry = errorsByField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    errorsByField.set(key, entry);
  }

  form.setFields([...errorsByField.values()]);
  const first = [...errorsByField.values()][0];
  if (first) form.scrollToField(first.name, { block: 'center', focus: true });
  return unplaced;
}
