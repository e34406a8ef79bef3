// Validates an applicant's values in the browser without generating code (the page's CSP forbids
// eval), with @cfworker/json-schema, and reports the errors the server's check reports: the same
// field, code and words, one per field. Never diverge from server/platform/forms.ts checkFormData.
import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import {
  createErrorHandler, getDefaultFormState, toErrorSchema, unwrapErrorHandler, validationDataMerge,
  type CustomValidator, type ErrorTransformer, type RJSFSchema, type RJSFValidationError, type UiSchema, type ValidationData, type ValidatorType,
} from '@rjsf/utils';
import { valueMessage } from '../../../contract/form-messages';
import { hiddenFormFields, type ItemForm } from '../../../contract/forms';
import type { FieldError } from '../../lib/api';
import { fieldLabel, widgetErrors, type Lang } from './uiSchema';

/** An error of a JSON Schema keyword on one field, with Ajv's names for its parameters. */
interface KeywordError { field: string; keyword: string; params: Record<string, unknown> }

const COMPOSITE = new Set(['if', 'not', 'anyOf', 'oneOf', 'allOf', 'properties', 'items', 'prefixItems', '$ref', 'false', 'dependentSchemas', 'unevaluatedProperties']);
const LIMITS = new Set(['minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems']);
// Ajv checks a value's keywords in this order (its rule groups); the first error of a field is the one shown
const AJV_ORDER = ['type', 'const', 'enum', 'maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf', 'maxLength', 'minLength', 'pattern',
  'maxItems', 'minItems', 'uniqueItems', 'required', 'additionalProperties', 'format'];
const rank = (keyword: string) => (AJV_ORDER.includes(keyword) ? AJV_ORDER.indexOf(keyword) : AJV_ORDER.length);

const validators = new WeakMap<object, Validator>();
function validatorOf(schema: object): Validator {
  let v = validators.get(schema);
  if (!v) validators.set(schema, (v = new Validator(schema as Schema, '2020-12', false)));
  return v;
}

/** The schema value a keyword error points at (`#/properties/age/minimum` → the minimum). */
function atPointer(schema: unknown, pointer: string): unknown {
  return pointer.replace(/^#\/?/, '').split('/').filter(Boolean)
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], schema);
}

const quoted = (error: string) => /"([^"]+)"/.exec(error)?.[1];

function keywordError(schema: object, unit: OutputUnit): KeywordError | undefined {
  const { keyword, keywordLocation, instanceLocation, error } = unit;
  if (COMPOSITE.has(keyword)) return undefined;
  const top = instanceLocation.replace(/^#\/?/, '').split('/')[0] || undefined;
  const params: Record<string, unknown> = {};
  let field = top;
  if (keyword === 'required' && !top) field = params.missingProperty = quoted(error);
  else if (keyword === 'additionalProperties' && !top) field = params.additionalProperty = quoted(error);
  else if (LIMITS.has(keyword)) params.limit = atPointer(schema, keywordLocation);
  else if (keyword === 'format') params.format = atPointer(schema, keywordLocation);
  else if (keyword === 'pattern') params.pattern = atPointer(schema, keywordLocation);
  else if (keyword === 'enum') params.allowedValues = atPointer(schema, keywordLocation);
  return field ? { field, keyword, params } : undefined;
}

/** The first keyword error of each field, in Ajv's order. */
export function schemaErrors(schema: object, data: Record<string, unknown>): KeywordError[] {
  const { errors } = validatorOf(schema).validate(data);
  const byField = new Map<string, KeywordError>();
  for (const e of errors.map((u) => keywordError(schema, u)).filter((e) => e !== undefined)) {
    const known = byField.get(e.field);
    if (!known || rank(e.keyword) < rank(known.keyword)) byField.set(e.field, e);
  }
  return [...byField.values()];
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const toCode = (keyword: string) => keyword.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

/**
 * An applicant's values checked as the server checks them: hidden fields dropped, empty values
 * dropped, shown `showIf` fields required, then the widget checks (mobile, ID number, region).
 * One known gap: for an ID number the browser checks the shape and check digit only; the server
 * also checks the province and birth date, and its error then shows under the field (extraErrors).
 */
export function formErrors(form: ItemForm, input: Record<string, unknown>, lang: Lang): FieldError[] {
  const props = (form.schema.properties ?? {}) as Record<string, unknown>;
  const fields = form.ui.fields;
  const hidden = hiddenFormFields(form, input);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const add = (field: string, code: string, params: Record<string, unknown> = {}, message?: string) => {
    if (seen.has(field)) return;
    seen.add(field);
    errors.push({ path: `formData.${field}`, code, message: message ?? valueMessage(code, fieldLabel(fields[field], field, lang), params, lang) });
  };
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!Object.hasOwn(props, key)) add(key, 'UNKNOWN_FIELD');
    else if (!hidden.has(key) && !isEmpty(value)) data[key] = value;
  }
  for (const e of schemaErrors(form.schema, data)) if (!hidden.has(e.field)) add(e.field, e.keyword === 'additionalProperties' ? 'UNKNOWN_FIELD' : toCode(e.keyword), e.params);
  const widgets = widgetErrors(form, data, lang);
  for (const [name, ui] of Object.entries(fields)) {
    if (ui.showIf && !hidden.has(name) && Object.hasOwn(props, name) && isEmpty(data[name])) add(name, 'REQUIRED');
    const widget = widgets[name];
    if (widget) add(name, ui.widget === 'mobile' ? 'MOBILE_INVALID' : ui.widget === 'idNumber' ? 'ID_NUMBER_INVALID' : 'REGION_INVALID', {}, widget);
  }
  return errors;
}

/**
 * An rjsf validator for one form in one language. Whole-form checks follow formErrors (the schema
 * rjsf passes is the rendered one; the form's own is the one the server checks); `isValid`, which
 * rjsf uses to resolve if/then, checks any subschema.
 */
export function createFormValidator(form: ItemForm, lang: Lang): ValidatorType {
  const validateFormData = (formData: unknown, schema: RJSFSchema, customValidate?: CustomValidator, transformErrors?: ErrorTransformer, uiSchema?: UiSchema): ValidationData<unknown> => {
    let errors: RJSFValidationError[] = formErrors(form, (formData ?? {}) as Record<string, unknown>, lang).map((e) => {
      const property = `.${e.path.slice('formData.'.length)}`;
      return { name: e.code, property, message: e.message, stack: `${property} ${e.message}`, params: {} };
    });
    if (transformErrors) errors = transformErrors(errors, uiSchema);
    const errorSchema = toErrorSchema(errors);
    if (!customValidate) return { errors, errorSchema };
    const withDefaults = getDefaultFormState(validator, schema, formData, schema, true);
    const handler = customValidate(withDefaults, createErrorHandler(withDefaults), uiSchema, errorSchema);
    return validationDataMerge({ errors, errorSchema }, unwrapErrorHandler(handler));
  };
  const validator: ValidatorType = {
    validateFormData,
    isValid(schema, formData, rootSchema) {
      try {
        const root = rootSchema as Record<string, unknown>;
        const withDefs = { ...schema, ...(root.$defs ? { $defs: root.$defs } : {}), ...(root.definitions ? { definitions: root.definitions } : {}) };
        return new Validator(withDefs as Schema, '2020-12', true).validate(formData).valid;
      } catch {
        return false;
      }
    },
    rawValidation(schema, formData) {
      try {
        return { errors: validatorOf(schema).validate(formData).errors as never[] };
      } catch (e) {
        return { errors: [], validationError: e as Error };
      }
    },
  };
  return validator;
}
