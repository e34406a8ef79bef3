import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { seedItems } from '../../../server/db/seed/data/items/index.js';
import { sampleFormData } from '../../../server/db/seed/data/items/form-samples.js';
import { effectiveSchema, regionPath, toExtraErrors, toUiSchema, widgetErrors } from './uiSchema';
import { createFormValidator } from './validator';

const idCardForm = seedItems.find((i) => i.code === '000704002000')!.form!;

const browserErrors = (data: Record<string, unknown>, lang: 'zh' | 'en' = 'zh') => {
  const { errors } = createFormValidator(idCardForm, lang).validateFormData(data, effectiveSchema(idCardForm, data));
  return Object.fromEntries(errors.map((e) => [e.property, e.message]));
};

describe('application form rendering', () => {
  it('hides fields whose showIf is unmet and requires them once shown', () => {
    const hidden = effectiveSchema(idCardForm, { reason: 'expired' });
    assert.equal('changeDetail' in (hidden.properties ?? {}), false);
    assert.equal((hidden.required ?? []).includes('changeDetail'), false);
    const shown = effectiveSchema(idCardForm, { reason: 'info_change' });
    assert.ok('changeDetail' in (shown.properties ?? {}));
    assert.ok((shown.required ?? []).includes('changeDetail'));
  });

  it('validates in the browser with the words the server uses', () => {
    assert.deepEqual(browserErrors(sampleFormData['000704002000']!), {});
    const errors = browserErrors({ reason: 'expired', mobile: '138' });
    assert.equal(errors['.applicantName'], '请填写「申请人姓名」');
    assert.equal(errors['.oldExpiryDate'], '请填写「原证有效期截止日期」', 'the if/then rule');
    assert.equal(errors['.mobile'], '「联系电话」格式不正确');
    assert.equal(browserErrors({ reason: 'info_change' })['.changeDetail'], '请填写「变更内容」');
    assert.equal(browserErrors({}, 'en')['.reason'], 'Reason is required');
  });

  it('checks widgets as the server does', () => {
    assert.deepEqual(widgetErrors(idCardForm, { mobile: '12345678901', applicantIdNumber: '419902198803150031', residenceRegion: '4199' }, 'zh'), {
      mobile: '「联系电话」应为 11 位手机号码',
      applicantIdNumber: '「公民身份号码」不是有效的公民身份号码',
      residenceRegion: '请为「现居住地」选择行政区划',
    });
    assert.deepEqual(widgetErrors(idCardForm, sampleFormData['000704002000']!, 'zh'), {});
  });

  it('maps labels, option labels, widgets and locked fields into the uiSchema', () => {
    const ui = toUiSchema(idCardForm, 'zh', new Set(['applicantName']));
    assert.equal(ui.reason['ui:title'], '换领原因');
    assert.deepEqual(ui.reason['ui:enumNames'], ['有效期满', '证件损坏', '登记项目变更', '其他']);
    assert.equal(ui.residenceRegion['ui:widget'], 'tbRegion');
    assert.equal(ui.oldExpiryDate['ui:widget'], 'date');
    assert.deepEqual([ui.applicantName['ui:widget'], ui.applicantName['ui:readonly']], ['tbLocked', true]);
    assert.equal(toUiSchema(idCardForm, 'en', new Set()).reason['ui:title'], 'Reason');
    assert.deepEqual((ui['ui:options'] as { sections: { title: string }[] }).sections.map((s) => s.title), ['申请人信息', '换领信息', '现居住地址']);
  });

  it('shows server errors under their fields', () => {
    assert.deepEqual(toExtraErrors([
      { path: 'formData.mobile', code: 'PATTERN', message: '「联系电话」格式不正确' }, { path: '/delivery/mode', code: 'X', message: 'ignored' },
    ]), { mobile: { __errors: ['「联系电话」格式不正确'] } });
    assert.equal(toExtraErrors([]), undefined);
  });

  it('opens the region cascade down to a stored code', () => {
    assert.deepEqual(regionPath('419902001001'), ['410000', '419900', '419902', '419902001', '419902001001']);
    assert.deepEqual(regionPath('419903'), ['410000', '419900', '419903']);
    assert.deepEqual(regionPath(''), []);
  });
});
