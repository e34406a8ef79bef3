// Dynamic application forms: validates an applicant's values against the item's JSON Schema with
// Ajv (validators compiled once per schema), and checks operators' form and process definitions.
// Pure functions: no database; callers map the errors to their own problem codes.
import { createHash } from 'node:crypto';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { MOBILE_PATTERN, REGION_CODE_PATTERN } from '../../contract/form-messages.js';
import { hiddenFormFields, type FieldUi, type ItemForm, type ProcessDefinition } from '../../contract/forms.js';
import type { FieldError } from './errors.js';
import { DefinitionMessages, valueMessage, type DefinitionCode } from './form-messages.js';
import type { Lang } from './i18n.js';
import { validateIdNumber } from './ids.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020, formats: string[]) => Ajv2020;

export { DefinitionMessages } from './form-messages.js';

const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false, coerceTypes: false, useDefaults: false });
addFormats(ajv, ['date', 'email', 'time', 'date-time', 'uri']);

const MAX_CACHED = 500;
const byHash = new Map<string, ValidateFunction>();
const byObject = new WeakMap<object, ValidateFunction>();

const schemaHash = (schema: unknown) => createHash('sha256').update(JSON.stringify(schema)).digest('hex');

/** The compiled validator of a form schema: cached by object (cached item versions) and by content. */
export function formValidator(schema: Record<string, unknown>): ValidateFunction {
  const cached = byObject.get(schema);
  if (cached) return cached;
  const hash = schemaHash(schema);
  let validate = byHash.get(hash);
  if (!validate) {
    const copy = structuredClone(schema);
    validate = ajv.compile(copy);
    if (byHash.size >= MAX_CACHED) {
      const [oldest] = byHash.keys();
      byHash.delete(oldest!);
    }
    byHash.set(hash, validate);
  }
  byObject.set(schema, validate);
  return validate;
}


const properties = (form: ItemForm) => (form.schema.properties ?? {}) as Record<string, Record<string, unknown>>;
const labelOf = (ui: FieldUi | undefined, name: string, lang: Lang) => (lang === 'en' ? ui?.labelEn ?? ui?.label : ui?.label) ?? name;
const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

export interface FormCheck {
  /** the values to keep: visible fields only, empty values dropped */
  data: Record<string, unknown>;
  errors: FieldError[];
}

/** Field of an Ajv error: the first segment of its instance path, or the missing property. */
function fieldOf(e: ErrorObject): string | undefined {
  if (e.keyword === 'required') return e.instancePath ? e.instancePath.split('/')[1] : String(e.params.missingProperty);
  return e.instancePath.split('/')[1];
}

const toCode = (keyword: string) => keyword.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

/**
 * Checks an applicant's values. Hidden fields (their `showIf` unmet) are neither required nor kept;
 * a visible field with a `showIf` is required; a key the form does not define is an error.
 * Paths read `formData.<field>`; messages name the field by its label.
 */
export function checkFormData(form: ItemForm, input: Record<string, unknown>, lang: Lang = 'zh'): FormCheck {
  const props = properties(form);
  const fields = form.ui.fields;
  const hidden = hiddenFormFields(form, input);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const add = (field: string, code: string, params: Record<string, unknown> = {}) => {
    if (seen.has(field)) return;
    seen.add(field);
    errors.push({ path: `formData.${field}`, code, message: valueMessage(code, labelOf(fields[field], field, lang), params, lang) });
  };

  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!Object.hasOwn(props, key)) add(key, 'UNKNOWN_FIELD');
    else if (!hidden.has(key) && !isEmpty(value)) data[key] = value;
  }

  const validate = formValidator(form.schema);
  if (!validate(data)) {
    for (const e of validate.errors ?? []) {
      if (e.keyword === 'if' || e.keyword === 'not' || e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'allOf') continue;
      const field = fieldOf(e);
      if (!field || hidden.has(field)) continue;
      add(field, e.keyword === 'additionalProperties' ? 'UNKNOWN_FIELD' : toCode(e.keyword), e.params as Record<string, unknown>);
    }
  }
  for (const [name, ui] of Object.entries(fields)) {
    if (ui.showIf && !hidden.has(name) && Object.hasOwn(props, name) && isEmpty(data[name])) add(name, 'REQUIRED');
    const value = data[name];
    if (typeof value !== 'string' || seen.has(name)) continue;
    if (ui.widget === 'mobile' && !MOBILE_PATTERN.test(value)) add(name, 'MOBILE_INVALID');
    if (ui.widget === 'idNumber' && !validateIdNumber(value).ok) add(name, 'ID_NUMBER_INVALID');
    if (ui.widget === 'region' && !REGION_CODE_PATTERN.test(value)) add(name, 'REGION_INVALID');
  }
  return { data, errors };
}

/** The errors of an applicant's values (see checkFormData); empty when they may be submitted. */
export function validateFormData(form: ItemForm, data: Record<string, unknown>, lang: Lang = 'zh'): FieldError[] {
  return checkFormData(form, data, lang).errors;
}

// ---- definitions (operators) ----

interface DefinitionError { path: string; code: DefinitionCode; detail?: string }

const localise = (list: DefinitionError[], lang: Lang): FieldError[] =>
  list.map((e) => ({ path: e.path, code: e.code, message: DefinitionMessages[e.code][lang] + (e.detail ? `：${e.detail}` : '') }));

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const SCALAR = new Set(['string', 'number', 'integer', 'boolean']);
const WIDGET_TYPES: Record<string, string[]> = {
  input: ['string'], textarea: ['string'], number: ['number', 'integer'], date: ['string'], select: ['string', 'number', 'integer'],
  radio: ['string', 'number', 'integer', 'boolean'], checkbox: ['array', 'boolean'], switch: ['boolean'], region: ['string'],
  idNumber: ['string'], mobile: ['string'],
};

function checkProperty(name: string, p: Record<string, unknown>, path: string, out: DefinitionError[]) {
  if (!FIELD_NAME.test(name)) out.push({ path, code: 'FORM_FIELD_NAME_INVALID' });
  const type = p.type;
  const items = p.items as Record<string, unknown> | undefined;
  const arrayOfEnum = type === 'array' && !!items && Array.isArray(items.enum);
  if (typeof type !== 'string' || (!SCALAR.has(type) && !arrayOfEnum)) out.push({ path, code: 'FORM_FIELD_TYPE_UNSUPPORTED' });
}

/** Every problem of a form definition, with JSON pointers under `/form`. */
export function checkFormDefinition(form: ItemForm, lang: Lang = 'zh'): FieldError[] {
  const out: DefinitionError[] = [];
  const schema = form.schema;
  const props = schema.properties as Record<string, Record<string, unknown>> | undefined;
  if (schema.type !== 'object' || !props || typeof props !== 'object' || Array.isArray(props)) {
    return localise([{ path: '/form/schema', code: 'FORM_SCHEMA_NOT_OBJECT' }], lang);
  }
  try {
    formValidator(schema);
  } catch (e) {
    out.push({ path: '/form/schema', code: 'FORM_SCHEMA_INVALID', detail: (e as Error).message.slice(0, 300) });
  }
  const names = Object.keys(props);
  for (const name of names) {
    const p = props[name];
    const path = `/form/schema/properties/${name}`;
    if (!p || typeof p !== 'object') out.push({ path, code: 'FORM_FIELD_TYPE_UNSUPPORTED' });
    else checkProperty(name, p, path, out);
    if (!form.ui.fields[name]) out.push({ path: `/form/ui/fields/${name}`, code: 'FORM_FIELD_LABEL_MISSING' });
  }
  const required = Array.isArray(schema.required) ? schema.required : [];
  required.forEach((r, i) => { if (typeof r !== 'string' || !Object.hasOwn(props, r)) out.push({ path: `/form/schema/required/${i}`, code: 'FORM_FIELD_UNKNOWN' }); });

  const placed = new Map<string, number>();
  form.ui.sections.forEach((section, s) => section.fields.forEach((f, i) => {
    const path = `/form/ui/sections/${s}/fields/${i}`;
    if (!Object.hasOwn(props, f)) out.push({ path, code: 'FORM_FIELD_UNKNOWN' });
    else if (placed.has(f)) out.push({ path, code: 'FORM_FIELD_IN_TWO_SECTIONS' });
    placed.set(f, s);
  }));
  for (const name of names) if (!placed.has(name)) out.push({ path: `/form/schema/properties/${name}`, code: 'FORM_FIELD_NOT_IN_SECTION' });

  for (const [name, ui] of Object.entries(form.ui.fields)) {
    const path = `/form/ui/fields/${name}`;
    const p = props[name];
    if (!p) {
      out.push({ path, code: 'FORM_FIELD_UNKNOWN' });
      continue;
    }
    if (ui.showIf && (ui.showIf.field === name || !Object.hasOwn(props, ui.showIf.field))) out.push({ path: `${path}/showIf/field`, code: 'FORM_SHOW_IF_UNKNOWN' });
    const values = (p.enum ?? (p.items as Record<string, unknown> | undefined)?.enum) as unknown[] | undefined;
    if (ui.enumLabels && (!Array.isArray(values) || values.length !== ui.enumLabels.length)) out.push({ path: `${path}/enumLabels`, code: 'FORM_ENUM_LABELS_MISMATCH' });
    if (ui.widget && typeof p.type === 'string' && !WIDGET_TYPES[ui.widget]?.includes(p.type)) out.push({ path: `${path}/widget`, code: 'FORM_WIDGET_MISMATCH' });
  }
  return localise(out, lang);
}

/**
 * Every problem of a process definition: unknown departments, a department twice in one stage,
 * blank names, and stage limits adding up to more than the promise (when one is given).
 */
export function checkWorkflow(workflow: ProcessDefinition, knownDepartmentCodes: ReadonlySet<string> | readonly string[], options: { promisedLimitDays?: number; lang?: Lang } = {}): FieldError[] {
  const known = knownDepartmentCodes instanceof Set ? knownDepartmentCodes : new Set(knownDepartmentCodes as readonly string[]);
  const out: DefinitionError[] = [];
  workflow.stages.forEach((stage, s) => {
    const path = `/workflow/stages/${s}`;
    if (!stage.name.trim()) out.push({ path: `${path}/name`, code: 'WORKFLOW_BLANK_NAME' });
    const seen = new Set<string>();
    stage.tasks.forEach((task, i) => {
      if (!known.has(task.departmentCode)) out.push({ path: `${path}/tasks/${i}/departmentCode`, code: 'WORKFLOW_UNKNOWN_DEPARTMENT' });
      else if (seen.has(task.departmentCode)) out.push({ path: `${path}/tasks/${i}/departmentCode`, code: 'WORKFLOW_DUPLICATE_DEPARTMENT' });
      seen.add(task.departmentCode);
      if (!task.name.trim()) out.push({ path: `${path}/tasks/${i}/name`, code: 'WORKFLOW_BLANK_NAME' });
    });
  });
  const total = workflow.stages.reduce((sum, st) => sum + st.limitDays, 0);
  if (options.promisedLimitDays !== undefined && total > options.promisedLimitDays) out.push({ path: '/workflow/stages', code: 'WORKFLOW_EXCEEDS_PROMISE' });
  return localise(out, options.lang ?? 'zh');
}
