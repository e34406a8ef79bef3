// Application forms and process definitions: data that operators edit with each service item
// (versioned with it). A form is a JSON Schema plus UI hints; the server validates submissions with
// the same schema the web app renders.
import { Type, type Static } from 'typebox';

const Text = (maxLength: number, minLength = 1) => Type.String({ minLength, maxLength });

/** Where a field's value may come from when the form is opened: the applicant's verified profile or enterprise. */
export const PrefillSourceSchema = Type.Union([
  Type.Literal('person.name'), Type.Literal('person.idNumber'), Type.Literal('person.mobile'), Type.Literal('person.email'),
  Type.Literal('enterprise.name'), Type.Literal('enterprise.creditCode'), Type.Literal('enterprise.legalRepresentative'),
  Type.Literal('enterprise.address'), Type.Literal('enterprise.regionCode'),
]);
export type PrefillSource = Static<typeof PrefillSourceSchema>;

/**
 * A field a registry of the data exchange can fill (e.g. 户籍地址 from the population register),
 * fetched only after the applicant consents, for the item's department and this item.
 */
export const RegistryPrefillSourceSchema = Type.Object({
  registry: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }),
  field: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' }),
}, { additionalProperties: false });
export type RegistryPrefillSource = Static<typeof RegistryPrefillSourceSchema>;

export const FieldWidgetSchema = Type.Union([
  Type.Literal('input'), Type.Literal('textarea'), Type.Literal('number'), Type.Literal('date'), Type.Literal('select'),
  Type.Literal('radio'), Type.Literal('checkbox'), Type.Literal('switch'), Type.Literal('region'), Type.Literal('idNumber'), Type.Literal('mobile'),
]);
export type FieldWidget = Static<typeof FieldWidgetSchema>;

export const FieldUiSchema = Type.Object({
  label: Text(100),
  labelEn: Type.Optional(Text(200)),
  /** defaults from the JSON Schema type: string → input, enum → select, boolean → switch, format date → date */
  widget: Type.Optional(FieldWidgetSchema),
  placeholder: Type.Optional(Text(200, 0)),
  help: Type.Optional(Text(500, 0)),
  /** labels for enum values, in the same order as the schema's enum */
  enumLabels: Type.Optional(Type.Array(Text(100), { maxItems: 100 })),
  prefill: Type.Optional(PrefillSourceSchema),
  /** filled from a registry after the applicant's consent (数据授权) */
  registryPrefill: Type.Optional(RegistryPrefillSourceSchema),
  /** show (and require) the field only when another field has one of these values */
  showIf: Type.Optional(Type.Object({ field: Text(100), in: Type.Array(Type.Union([Type.String(), Type.Number(), Type.Boolean()]), { minItems: 1, maxItems: 50 }) })),
}, { additionalProperties: false });
export type FieldUi = Static<typeof FieldUiSchema>;

export const FormSectionSchema = Type.Object({
  title: Text(100), titleEn: Type.Optional(Text(200)),
  fields: Type.Array(Text(100), { minItems: 1, maxItems: 100 }),
}, { additionalProperties: false });

export const FormUiSchema = Type.Object({
  sections: Type.Array(FormSectionSchema, { minItems: 1, maxItems: 20 }),
  fields: Type.Record(Type.String(), FieldUiSchema),
}, { additionalProperties: false });
export type FormUi = Static<typeof FormUiSchema>;

/**
 * The JSON Schema (draft 2020-12 subset: type object, properties with string/number/integer/boolean/
 * array of enum, enum, format date/email, minLength, maxLength, pattern, minimum, maximum, required,
 * and if/then for conditional requirements) and its UI hints.
 */
export const ItemFormSchema = Type.Object({
  schema: Type.Record(Type.String(), Type.Unknown()),
  ui: FormUiSchema,
}, { additionalProperties: false });
export type ItemForm = Static<typeof ItemFormSchema>;

export const ProcessTaskSchema = Type.Object({
  departmentCode: Text(20),
  /** e.g. 出生医学证明核验, 户口登记 */
  name: Text(100),
}, { additionalProperties: false });

export const ProcessStageSchema = Type.Object({
  name: Text(100),
  /** all: every task must approve; any: the first approval completes the stage */
  rule: Type.Union([Type.Literal('all'), Type.Literal('any')]),
  /** the stage's time limit in working days */
  limitDays: Type.Integer({ minimum: 0, maximum: 365 }),
  tasks: Type.Array(ProcessTaskSchema, { minItems: 1, maxItems: 20 }),
}, { additionalProperties: false });
export type ProcessStage = Static<typeof ProcessStageSchema>;

/** Stages run in sequence; the tasks of one stage run in parallel (并联审批). */
export const ProcessDefinitionSchema = Type.Object({
  stages: Type.Array(ProcessStageSchema, { minItems: 1, maxItems: 10 }),
}, { additionalProperties: false });
export type ProcessDefinition = Static<typeof ProcessDefinitionSchema>;

/** 告知承诺制: the applicant signs this text instead of providing the listed certificates. */
export const CommitmentSchema = Type.Object({
  text: Text(4000),
  /** material indexes the commitment replaces */
  replacesMaterials: Type.Array(Type.Integer({ minimum: 0, maximum: 59 }), { maxItems: 60, uniqueItems: true }),
  /** the post-check (事后核查) must be done within this many working days */
  postCheckDays: Type.Integer({ minimum: 1, maximum: 365 }),
}, { additionalProperties: false });
export type Commitment = Static<typeof CommitmentSchema>;

/**
 * Fields hidden by their `showIf` for these values. A field whose controlling field is hidden is
 * hidden too, and so is a field on a cycle of conditions. The server and the web app both use it:
 * a hidden field is neither required nor kept.
 */
export function hiddenFormFields(form: ItemForm, data: Record<string, unknown>): Set<string> {
  const fields = form.ui.fields;
  const visible = new Map<string, boolean>();
  const visit = (name: string, path: Set<string>): boolean => {
    const known = visible.get(name);
    if (known !== undefined) return known;
    const rule = fields[name]?.showIf;
    let shown = true;
    if (rule) {
      if (path.has(name)) return false;
      path.add(name);
      shown = visit(rule.field, path) && rule.in.some((v) => v === data[rule.field]);
      path.delete(name);
    }
    visible.set(name, shown);
    return shown;
  };
  const properties = Object.keys((form.schema.properties ?? {}) as Record<string, unknown>);
  return new Set([...new Set([...properties, ...Object.keys(fields)])].filter((name) => !visit(name, new Set())));
}
