// Problem+json field errors → Ant Design form fields. '/materials/0/name' becomes
// ['materials', 0, 'name']; errors no field can show are returned for a summary.
import type { FormInstance } from 'antd';
import type { FieldError } from './api';
import { isApiError } from './api';

export type FieldPath = (string | number)[];

export function pathToName(path: string): FieldPath {
  return path.split('/').filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Put each field error next to its field. `resolve` maps an error path to a field name, or null
 * when no form field shows it (the caller displays those in a summary).
 */
export function showFieldErrors(
  form: FormInstance,
  errors: FieldError[],
  resolve: (name: FieldPath) => FieldPath | null,
): FieldError[] {
  const byField = new Map<string, { name: FieldPath; messages: string[] }>();
  const unmatched: FieldError[] = [];
  for (const error of errors) {
    const name = resolve(pathToName(error.path));
    if (!name) {
      unmatched.push(error);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, messages: [] };
    if (!entry.messages.includes(error.message)) entry.messages.push(error.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()].map(({ name, messages }) => ({ name, errors: messages })));
  return unmatched;
}

/** For flat forms: a path maps to its top-level field when that field is one of `fields`. */
export const topLevelResolver = (fields: readonly string[]) => (name: FieldPath): FieldPath | null =>
  typeof name[0] === 'string' && fields.includes(name[0]) ? [name[0]] : null;

/** Apply an API error to a flat form; returns the errors that still need showing elsewhere. */
export function applyApiError(form: FormInstance, error: unknown, fields: readonly string[]): FieldError[] {
  if (!isApiError(error)) return [];
  return showFieldErrors(form, error.fieldErrors, topLevelResolver(fields));
}
