import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ItemForm, ProcessDefinition } from '../../contract/forms.js';
import { checkFormData, checkFormDefinition, checkWorkflow, formValidator, validateFormData } from './forms.js';

const form = (): ItemForm => ({
  schema: {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 2, maxLength: 20 },
      idNumber: { type: 'string' },
      mobile: { type: 'string' },
      birthDate: { type: 'string', format: 'date' },
      kind: { type: 'string', enum: ['new', 'renew', 'lost'] },
      lostReason: { type: 'string', maxLength: 200 },
      region: { type: 'string' },
      copies: { type: 'integer', minimum: 1, maximum: 5 },
      agree: { type: 'boolean' },
    },
    required: ['name', 'kind'],
    if: { properties: { kind: { const: 'renew' } }, required: ['kind'] },
    then: { required: ['birthDate'] },
  },
  ui: {
    sections: [
      { title: '申请人', fields: ['name', 'idNumber', 'mobile', 'birthDate'] },
      { title: '申请内容', fields: ['kind', 'lostReason', 'region', 'copies', 'agree'] },
    ],
    fields: {
      name: { label: '姓名', labelEn: 'Name' }, idNumber: { label: '身份证号码', widget: 'idNumber' },
      mobile: { label: '手机号码', widget: 'mobile' }, birthDate: { label: '出生日期' },
      kind: { label: '申请类型', enumLabels: ['首次申领', '换领', '补领'] },
      lostReason: { label: '遗失原因', widget: 'textarea', showIf: { field: 'kind', in: ['lost'] } },
      region: { label: '居住地址', widget: 'region' }, copies: { label: '份数' }, agree: { label: '同意', widget: 'switch' },
    },
  },
});

const codes = (errors: { path: string; code: string }[]) => errors.map((e) => `${e.path}:${e.code}`).sort();

describe('form values', () => {
  it('accepts valid values and keeps them', () => {
    const data = { name: '李明华', idNumber: '419902198803150030', mobile: '13800138000', kind: 'new', region: '419901001', copies: 2, agree: true };
    const r = checkFormData(form(), data);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.data, data);
  });

  it('reports each kind of violation at formData.<field> with a Chinese message naming the field', () => {
    const errors = validateFormData(form(), {
      name: '李', idNumber: '419901199003070017', mobile: '1380013800', birthDate: '2024-13-01', kind: 'other', region: '41', copies: 9, agree: 'yes',
    });
    assert.deepEqual(codes(errors), [
      'formData.agree:TYPE', 'formData.birthDate:FORMAT', 'formData.copies:MAXIMUM', 'formData.idNumber:ID_NUMBER_INVALID', 'formData.kind:ENUM',
      'formData.mobile:MOBILE_INVALID', 'formData.name:MIN_LENGTH', 'formData.region:REGION_INVALID',
    ]);
    const byPath = new Map(errors.map((e) => [e.path, e.message]));
    assert.equal(byPath.get('formData.name'), '「姓名」不能少于 2 个字符');
    assert.equal(byPath.get('formData.kind'), '「申请类型」不是可选的值');
    assert.equal(byPath.get('formData.birthDate'), '「出生日期」应为日期（年-月-日）');
    assert.equal(byPath.get('formData.copies'), '「份数」不能大于 5');
  });

  it('treats empty values as missing and speaks English when asked', () => {
    assert.deepEqual(codes(validateFormData(form(), { name: '', kind: null })), ['formData.kind:REQUIRED', 'formData.name:REQUIRED']);
    assert.equal(validateFormData(form(), { kind: 'new' })[0]?.message, '请填写「姓名」');
    assert.equal(validateFormData(form(), { kind: 'new' }, 'en')[0]?.message, 'Name is required');
  });

  it('applies if/then conditions of the schema', () => {
    assert.deepEqual(codes(validateFormData(form(), { name: '李明华', kind: 'renew' })), ['formData.birthDate:REQUIRED']);
    assert.deepEqual(validateFormData(form(), { name: '李明华', kind: 'renew', birthDate: '1990-03-07' }), []);
  });

  it('requires a field shown by showIf, and neither requires nor keeps it when hidden', () => {
    assert.deepEqual(codes(validateFormData(form(), { name: '李明华', kind: 'lost' })), ['formData.lostReason:REQUIRED']);
    const shown = checkFormData(form(), { name: '李明华', kind: 'lost', lostReason: '不慎遗失' });
    assert.deepEqual([shown.errors, shown.data.lostReason], [[], '不慎遗失']);
    // hidden: an over-long value is not even checked, and it is dropped
    const hidden = checkFormData(form(), { name: '李明华', kind: 'new', lostReason: 'x'.repeat(500) });
    assert.deepEqual(hidden.errors, []);
    assert.equal('lostReason' in hidden.data, false);
  });

  it('rejects keys the form does not define', () => {
    const errors = validateFormData(form(), { name: '李明华', kind: 'new', salary: 100 });
    assert.deepEqual(codes(errors), ['formData.salary:UNKNOWN_FIELD']);
    assert.equal(errors[0]?.message, '表单中没有「salary」这一项');
  });

  it('compiles each schema once', () => {
    const a = form();
    assert.equal(formValidator(a.schema), formValidator(a.schema));
    assert.equal(formValidator(form().schema), formValidator(a.schema), 'the same content shares a validator');
  });
});

describe('form definitions', () => {
  it('accepts a well-formed form', () => {
    assert.deepEqual(checkFormDefinition(form()), []);
  });

  it('reports every broken reference with its pointer', () => {
    const f = form();
    f.ui.sections[0]!.fields.push('nickname');
    f.ui.sections[1]!.fields = f.ui.sections[1]!.fields.filter((x) => x !== 'copies');
    f.ui.sections[1]!.fields.push('name');
    f.ui.fields.ghost = { label: '幽灵' };
    f.ui.fields.lostReason!.showIf = { field: 'missing', in: ['x'] };
    f.ui.fields.kind!.enumLabels = ['首次申领'];
    f.ui.fields.agree!.widget = 'date';
    delete f.ui.fields.region;
    (f.schema.properties as Record<string, unknown>)['bad-name'] = { type: 'object' };
    f.ui.sections[0]!.fields.push('bad-name');
    f.ui.fields['bad-name'] = { label: '坏字段' };
    (f.schema.required as string[]).push('absent');
    assert.deepEqual(codes(checkFormDefinition(f)), [
      '/form/schema/properties/bad-name:FORM_FIELD_NAME_INVALID',
      '/form/schema/properties/bad-name:FORM_FIELD_TYPE_UNSUPPORTED',
      '/form/schema/properties/copies:FORM_FIELD_NOT_IN_SECTION',
      '/form/schema/required/2:FORM_FIELD_UNKNOWN',
      '/form/ui/fields/agree/widget:FORM_WIDGET_MISMATCH',
      '/form/ui/fields/ghost:FORM_FIELD_UNKNOWN',
      '/form/ui/fields/kind/enumLabels:FORM_ENUM_LABELS_MISMATCH',
      '/form/ui/fields/lostReason/showIf/field:FORM_SHOW_IF_UNKNOWN',
      '/form/ui/fields/region:FORM_FIELD_LABEL_MISSING',
      '/form/ui/sections/0/fields/4:FORM_FIELD_UNKNOWN',
      '/form/ui/sections/1/fields/4:FORM_FIELD_IN_TWO_SECTIONS',
    ]);
  });

  it('reports a schema that does not compile or is not an object schema', () => {
    const f = form();
    (f.schema.properties as Record<string, Record<string, unknown>>).name!.minLength = 'two';
    const [error] = checkFormDefinition(f);
    assert.equal(error?.code, 'FORM_SCHEMA_INVALID');
    assert.match(error!.message, /^表单 schema 无法编译：/);
    assert.deepEqual(codes(checkFormDefinition({ ...form(), schema: { type: 'array' } })), ['/form/schema:FORM_SCHEMA_NOT_OBJECT']);
  });
});

describe('process definitions', () => {
  const workflow = (): ProcessDefinition => ({
    stages: [
      { name: '受理审查', rule: 'all', limitDays: 2, tasks: [{ departmentCode: 'wjw', name: '出生医学证明核验' }, { departmentCode: 'gaj', name: '户口登记' }] },
      { name: '审批', rule: 'any', limitDays: 3, tasks: [{ departmentCode: 'ybj', name: '参保登记' }] },
    ],
  });
  const known = new Set(['wjw', 'gaj', 'ybj']);

  it('accepts known departments within the promise', () => {
    assert.deepEqual(checkWorkflow(workflow(), known, { promisedLimitDays: 5 }), []);
  });

  it('reports unknown and repeated departments, blank names and limits beyond the promise', () => {
    const w = workflow();
    w.stages[0]!.tasks.push({ departmentCode: 'gaj', name: '再次' }, { departmentCode: 'xyz', name: '  ' });
    w.stages[1]!.name = ' ';
    assert.deepEqual(codes(checkWorkflow(w, known, { promisedLimitDays: 4 })), [
      '/workflow/stages/0/tasks/2/departmentCode:WORKFLOW_DUPLICATE_DEPARTMENT',
      '/workflow/stages/0/tasks/3/departmentCode:WORKFLOW_UNKNOWN_DEPARTMENT',
      '/workflow/stages/0/tasks/3/name:WORKFLOW_BLANK_NAME',
      '/workflow/stages/1/name:WORKFLOW_BLANK_NAME',
      '/workflow/stages:WORKFLOW_EXCEEDS_PROMISE',
    ]);
  });
});
