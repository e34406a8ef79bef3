// Builders for the application forms of seed items: each field states its JSON Schema and UI hints
// once, and form() assembles the schema, the sections and the field hints from them.
import type { FieldUi, ItemForm } from '../../../../../contract/forms.js';

export interface FieldSpec { schema: Record<string, unknown>; ui: FieldUi; required: boolean }
type Extra = Partial<Omit<FieldUi, 'label' | 'labelEn'>>;
type Labels = [label: string, labelEn: string];

const field = (schema: Record<string, unknown>, [label, labelEn]: Labels, ui: Extra = {}, required = true): FieldSpec =>
  ({ schema, ui: { label, labelEn, ...ui }, required });

/** the same field, not required */
export const opt = (f: FieldSpec): FieldSpec => ({ ...f, required: false });

export const text = (l: Labels, maxLength = 100, ui: Extra = {}) => field({ type: 'string', minLength: 1, maxLength }, l, ui);
export const textarea = (l: Labels, maxLength = 1000, ui: Extra = {}) => field({ type: 'string', minLength: 1, maxLength }, l, { widget: 'textarea', ...ui });
export const date = (l: Labels, ui: Extra = {}) => field({ type: 'string', format: 'date' }, l, { widget: 'date', ...ui });
export const mobile = (l: Labels = ['联系电话', 'Mobile'], ui: Extra = {}) =>
  field({ type: 'string', pattern: '^1[3-9][0-9]{9}$' }, l, { widget: 'mobile', placeholder: '11 位手机号码', ...ui });
export const idNumber = (l: Labels, ui: Extra = {}) => field({ type: 'string', pattern: '^[0-9]{17}[0-9X]$' }, l, { widget: 'idNumber', ...ui });
/** a region code from the regions table: district (6 digits), street (9) or community (12) */
export const region = (l: Labels, ui: Extra = {}) => field({ type: 'string', pattern: '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$' }, l, { widget: 'region', ...ui });
export const integer = (l: Labels, minimum: number, maximum: number, ui: Extra = {}) => field({ type: 'integer', minimum, maximum }, l, { widget: 'number', ...ui });
export const yesNo = (l: Labels, ui: Extra = {}) => field({ type: 'boolean' }, l, { widget: 'switch', ...ui });
export const creditCode = (l: Labels = ['统一社会信用代码', 'Unified social credit code'], ui: Extra = {}) =>
  field({ type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$' }, l, ui);

/** one of several values, each with its Chinese label */
export function choice(l: Labels, options: [value: string, label: string][], ui: Extra = {}): FieldSpec {
  return field({ type: 'string', enum: options.map(([v]) => v) }, l, { widget: options.length <= 3 ? 'radio' : 'select', enumLabels: options.map(([, label]) => label), ...ui });
}

/** several of the values */
export function choices(l: Labels, options: [value: string, label: string][], ui: Extra = {}): FieldSpec {
  return field({ type: 'array', items: { type: 'string', enum: options.map(([v]) => v) }, uniqueItems: true, minItems: 1 }, l,
    { widget: 'checkbox', enumLabels: options.map(([, label]) => label), ...ui });
}

export interface SectionSpec { title: string; titleEn: string; fields: Record<string, FieldSpec> }

/** Assembles a form; `rules` are extra schema keywords such as if/then or allOf. */
export function form(sections: SectionSpec[], rules: Record<string, unknown> = {}): ItemForm {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  const fields: Record<string, FieldUi> = {};
  for (const s of sections) {
    for (const [name, f] of Object.entries(s.fields)) {
      properties[name] = f.schema;
      fields[name] = f.ui;
      // a field shown by a condition is required only while shown: the validator handles it
      if (f.required && !f.ui.showIf) required.push(name);
    }
  }
  return {
    schema: { type: 'object', properties, required, ...rules },
    ui: { sections: sections.map((s) => ({ title: s.title, titleEn: s.titleEn, fields: Object.keys(s.fields) })), fields },
  };
}

/** The applicant block most citizen forms start with, prefilled from the verified profile. */
export const applicantFields = () => ({
  applicantName: text(['申请人姓名', 'Applicant name'], 50, { prefill: 'person.name' }),
  applicantIdNumber: idNumber(['公民身份号码', 'ID number'], { prefill: 'person.idNumber' }),
  mobile: mobile(['联系电话', 'Mobile'], { prefill: 'person.mobile' }),
});

/** The enterprise block, prefilled from the enterprise the agent acts for. */
export const enterpriseFields = () => ({
  enterpriseName: text(['单位名称', 'Enterprise name'], 200, { prefill: 'enterprise.name' }),
  creditCode: creditCode(['统一社会信用代码', 'Unified social credit code'], { prefill: 'enterprise.creditCode' }),
  legalRepresentative: text(['法定代表人', 'Legal representative'], 50, { prefill: 'enterprise.legalRepresentative' }),
});
