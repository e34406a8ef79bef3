// The case's form data as labelled rows, using the pinned item version's UI hints (sections, labels,
// enum labels) when they are at hand and plain keys otherwise.
import type { ItemForm } from '../../../../contract/forms';

/** `regionCode`: a region picker's answer, shown by its place names rather than its code. */
export interface FormRow { name: string; label: string; value: string; regionCode?: string }
export interface FormSection { title: string; rows: FormRow[] }

interface Words { yes: string; no: string; other: string; en: boolean }

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function enumLabel(form: ItemForm | undefined, name: string, value: unknown): string | undefined {
  const property = (form?.schema.properties as Record<string, { enum?: unknown[]; items?: { enum?: unknown[] } }> | undefined)?.[name];
  const values = property?.enum ?? property?.items?.enum;
  const labels = form?.ui.fields[name]?.enumLabels;
  const index = values?.indexOf(value) ?? -1;
  return index >= 0 ? labels?.[index] : undefined;
}

function display(form: ItemForm | undefined, name: string, value: unknown, words: Words): string {
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (Array.isArray(value)) return value.map((v) => display(form, name, v, words)).join('、');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return enumLabel(form, name, value) ?? String(value);
}

export function fieldLabel(form: ItemForm | undefined, name: string, en: boolean): string {
  const ui = form?.ui.fields[name];
  return (en ? ui?.labelEn : undefined) ?? ui?.label ?? name;
}

export function formSections(form: ItemForm | undefined, data: Record<string, unknown>, words: Words): FormSection[] {
  const row = (name: string): FormRow => {
    const value = data[name];
    const region = form?.ui.fields[name]?.widget === 'region' && typeof value === 'string' ? { regionCode: value } : {};
    return { name, label: fieldLabel(form, name, words.en), value: display(form, name, value, words), ...region };
  };
  const placed = new Set<string>();
  const sections: FormSection[] = [];
  for (const section of form?.ui.sections ?? []) {
    const names = section.fields.filter((name) => !isEmpty(data[name]));
    names.forEach((name) => placed.add(name));
    if (names.length) sections.push({ title: (words.en ? section.titleEn : undefined) ?? section.title, rows: names.map(row) });
  }
  const rest = Object.keys(data).filter((name) => !placed.has(name) && !isEmpty(data[name]));
  if (rest.length) sections.push({ title: sections.length ? words.other : '', rows: rest.map(row) });
  return sections;
}

/** Fields a department may ask the applicant to supplement: the form's fields, in form order. */
export function supplementFieldOptions(form: ItemForm | undefined, data: Record<string, unknown>, en: boolean) {
  const names = [...new Set([...(form?.ui.sections.flatMap((s) => s.fields) ?? []), ...Object.keys(data)])];
  return names.map((name) => ({ value: name, label: fieldLabel(form, name, en) }));
}
