// Our form definition (JSON Schema + `ui` hints) → what rjsf renders: the schema for the current
// values (hidden fields removed, shown conditional fields required), a uiSchema, and errors in
// the same words the server uses (validator.ts checks the values).
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import { idNumberLooksValid, MOBILE_PATTERN, REGION_CODE_PATTERN, valueMessage } from '../../../contract/form-messages';
import { hiddenFormFields, type FieldUi, type ItemForm } from '../../../contract/forms';
import type { FieldError } from '../../lib/api';

export type Lang = 'zh' | 'en';

const properties = (form: ItemForm) => (form.schema.properties ?? {}) as Record<string, Record<string, unknown>>;

export const fieldLabel = (ui: FieldUi | undefined, name: string, lang: Lang) => (lang === 'en' ? ui?.labelEn ?? ui?.label : ui?.label) ?? name;

/** The schema rjsf validates and renders for these values: hidden fields gone, shown `showIf` fields required. */
export function effectiveSchema(form: ItemForm, value: Record<string, unknown>): RJSFSchema {
  const hidden = hiddenFormFields(form, value);
  const props = properties(form);
  const kept = Object.fromEntries(Object.entries(props).filter(([name]) => !hidden.has(name)));
  const required = new Set(((form.schema.required ?? []) as string[]).filter((r) => !hidden.has(r)));
  for (const [name, ui] of Object.entries(form.ui.fields)) if (ui.showIf && !hidden.has(name) && name in props) required.add(name);
  return { ...(form.schema as RJSFSchema), properties: kept as RJSFSchema['properties'], required: [...required] };
}

const WIDGETS: Record<string, string> = {
  textarea: 'textarea', number: 'updown', date: 'date', select: 'select', radio: 'radio', switch: 'tbSwitch',
  region: 'tbRegion', idNumber: 'tbIdNumber', mobile: 'tbMobile', input: 'text',
};

/** The rjsf uiSchema: labels in the current language, widgets, option labels, locked fields, sections. */
export function toUiSchema(form: ItemForm, lang: Lang, locked: ReadonlySet<string>): UiSchema {
  const props = properties(form);
  const ui: UiSchema = {
    'ui:submitButtonOptions': { norender: true },
    'ui:order': [...form.ui.sections.flatMap((s) => s.fields), '*'],
    'ui:options': { sections: form.ui.sections.map((s) => ({ title: lang === 'en' ? s.titleEn ?? s.title : s.title, fields: s.fields })) },
  };
  for (const [name, f] of Object.entries(form.ui.fields)) {
    const isArray = props[name]?.type === 'array';
    const entry: UiSchema = { 'ui:title': fieldLabel(f, name, lang) };
    if (f.placeholder) entry['ui:placeholder'] = f.placeholder;
    if (f.help) entry['ui:help'] = f.help;
    if (f.enumLabels) {
      if (isArray) entry.items = { 'ui:enumNames': f.enumLabels };
      else entry['ui:enumNames'] = f.enumLabels;
    }
    if (isArray) entry['ui:widget'] = 'checkboxes';
    else if (f.widget === 'checkbox') entry['ui:widget'] = 'checkbox';
    else if (f.widget) entry['ui:widget'] = WIDGETS[f.widget];
    if (locked.has(name)) {
      entry['ui:widget'] = 'tbLocked';
      entry['ui:readonly'] = true;
    }
    ui[name] = entry;
  }
  return ui;
}

/** The widget checks the server makes beyond the schema (mobile, ID number, region code). */
export function widgetErrors(form: ItemForm, value: Record<string, unknown>, lang: Lang): Record<string, string> {
  const hidden = hiddenFormFields(form, value);
  const out: Record<string, string> = {};
  for (const [name, ui] of Object.entries(form.ui.fields)) {
    const v = value[name];
    if (hidden.has(name) || typeof v !== 'string' || v === '') continue;
    const label = fieldLabel(ui, name, lang);
    if (ui.widget === 'mobile' && !MOBILE_PATTERN.test(v)) out[name] = valueMessage('MOBILE_INVALID', label, {}, lang);
    if (ui.widget === 'idNumber' && !idNumberLooksValid(v)) out[name] = valueMessage('ID_NUMBER_INVALID', label, {}, lang);
    if (ui.widget === 'region' && !REGION_CODE_PATTERN.test(v)) out[name] = valueMessage('REGION_INVALID', label, {}, lang);
  }
  return out;
}

/** Server errors (`formData.<field>`) as rjsf extraErrors. */
export function toExtraErrors(errors: FieldError[] | undefined): ErrorSchema | undefined {
  const fieldErrors = (errors ?? []).map((e) => ({ field: /^\/?formData[./]([A-Za-z0-9_]+)/.exec(e.path)?.[1], message: e.message })).filter((e) => e.field);
  if (!fieldErrors.length) return undefined;
  const schema: Record<string, { __errors: string[] }> = {};
  for (const { field, message } of fieldErrors) (schema[field!] ??= { __errors: [] }).__errors.push(message);
  return schema as ErrorSchema;
}

/** Values without empty strings, so a cleared optional field is absent rather than "". */
export function compact(value: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

/** The codes from the province down to `code` (GB/T 2260 codes nest by prefix). */
export function regionPath(code: string): string[] {
  if (!code) return [];
  const path = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code.slice(0, 6)];
  if (code.length >= 9) path.push(code.slice(0, 9));
  if (code.length >= 12) path.push(code.slice(0, 12));
  return path.filter((c, i) => path.indexOf(c) === i);
}
