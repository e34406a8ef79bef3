import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RJSFSchema } from '@rjsf/utils';
import type { ItemForm } from '../../../contract/forms.js';
import { seedItems } from '../../../server/db/seed/data/items/index.js';
import { sampleFormData } from '../../../server/db/seed/data/items/form-samples.js';
import { checkFormData } from '../../../server/platform/forms.js';
import { effectiveSchema } from './uiSchema';
import { createFormValidator, formErrors } from './validator';

const formOf = (code: string) => seedItems.find((i) => i.code === code)!.form!;
const byPath = <T extends { path: string }>(list: T[]) => [...list].sort((a, b) => a.path.localeCompare(b.path));

/** Browser and server must report the same field, code and words for these values. */
function assertSameAsServer(form: ItemForm, data: Record<string, unknown>, lang: 'zh' | 'en' = 'zh') {
  const server = checkFormData(form, data, lang).errors.map(({ path, code, message }) => ({ path, code, message }));
  assert.deepEqual(byPath(formErrors(form, data, lang)), byPath(server), JSON.stringify(data));
  return server;
}

describe('browser form validation', () => {
  it('accepts every seed sample, as the server does', () => {
    assert.ok(Object.keys(sampleFormData).length >= 5);
    for (const [code, data] of Object.entries(sampleFormData)) {
      assert.deepEqual(formErrors(formOf(code), data, 'zh'), [], code);
      assertSameAsServer(formOf(code), data);
    }
  });

  it('reports what the server reports for broken variants of the samples', () => {
    let total = 0;
    for (const [code, sample] of Object.entries(sampleFormData)) {
      const form = formOf(code);
      const props = form.schema.properties as Record<string, Record<string, unknown>>;
      const required = (form.schema.required ?? []) as string[];
      const variants: Record<string, unknown>[] = [{}, { ...sample, unknownField: 'x' }];
      for (const name of required) variants.push(Object.fromEntries(Object.entries(sample).filter(([k]) => k !== name)));
      for (const [name, p] of Object.entries(props)) {
        const wrong = p.type === 'string' ? 12 : 'text';
        variants.push({ ...sample, [name]: wrong });
        if (p.enum) variants.push({ ...sample, [name]: 'not-a-choice' });
        if (typeof p.maxLength === 'number') variants.push({ ...sample, [name]: 'x'.repeat(p.maxLength + 1) });
        if (typeof p.minimum === 'number') variants.push({ ...sample, [name]: p.minimum - 1 });
        if (typeof p.maximum === 'number') variants.push({ ...sample, [name]: p.maximum + 1 });
        if (p.format === 'date') variants.push({ ...sample, [name]: '2026-02-30' });
        if (p.pattern) variants.push({ ...sample, [name]: '!' });
      }
      for (const [name, ui] of Object.entries(form.ui.fields)) {
        if (ui.widget === 'mobile') variants.push({ ...sample, [name]: '12345678901' });
        if (ui.widget === 'idNumber') variants.push({ ...sample, [name]: '419902198803150031' });
        if (ui.widget === 'region') variants.push({ ...sample, [name]: '4199' });
      }
      for (const v of variants) total += assertSameAsServer(form, v).length;
      assertSameAsServer(form, {}, 'en');
    }
    assert.ok(total > 100, `only ${total} errors compared`);
  });

  it('names the field in Chinese next to it: empty required field, bad mobile, bad ID number', () => {
    const form = formOf('000704002000');
    const data = { ...sampleFormData['000704002000']!, applicantName: '', mobile: '12345678901', applicantIdNumber: '419902198803150031' };
    const validator = createFormValidator(form, 'zh');
    const { errors, errorSchema } = validator.validateFormData(data, effectiveSchema(form, data) as RJSFSchema);
    assert.deepEqual(Object.fromEntries(errors.map((e) => [e.property, e.message])), {
      '.applicantName': '请填写「申请人姓名」',
      '.mobile': '「联系电话」格式不正确',
      '.applicantIdNumber': '「公民身份号码」不是有效的公民身份号码',
    });
    assert.deepEqual((errorSchema as Record<string, { __errors: string[] }>).mobile!.__errors, ['「联系电话」格式不正确']);
  });

  it('requires a shown conditional field and ignores a hidden one', () => {
    const form = formOf('000704002000');
    const sample = sampleFormData['000704002000']!;
    assert.deepEqual(assertSameAsServer(form, { ...sample, reason: 'info_change' }).map((e) => e.path), ['formData.changeDetail']);
    assert.deepEqual(assertSameAsServer(form, { ...sample, changeDetail: 'x'.repeat(1000) }), []);
  });

  it('resolves if/then for rjsf without generating code', () => {
    const validator = createFormValidator(formOf('000704002000'), 'zh');
    const root: RJSFSchema = { type: 'object', $defs: { reason: { const: 'expired' } } };
    assert.equal(validator.isValid({ properties: { reason: { $ref: '#/$defs/reason' } } }, { reason: 'expired' }, root), true);
    assert.equal(validator.isValid({ properties: { reason: { $ref: '#/$defs/reason' } } }, { reason: 'damaged' }, root), false);
    assert.equal(validator.isValid({ required: ['reason'] }, {}, root), false);
  });

  it('merges the errors of a custom check', () => {
    const form = formOf('000704002000');
    const data = sampleFormData['000704002000']!;
    const { errors } = createFormValidator(form, 'zh').validateFormData(data, effectiveSchema(form, data) as RJSFSchema, (_d, e) => {
      (e as unknown as Record<string, { addError(m: string): void }>).mobile!.addError('号码已停用');
      return e;
    });
    assert.deepEqual(errors.map((e) => e.stack), ['.mobile 号码已停用']);
  });
});
