import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkFormData, checkFormDefinition, checkWorkflow } from '../../../../platform/forms.js';
import { checkItemRules } from '../../../../modules/catalog/rules.js';
import { seedDepartments } from '../departments.js';
import { seedRegions } from '../regions.js';
import { seedThemes } from '../themes.js';
import { sampleFormData } from './form-samples.js';
import { seedItems } from './index.js';

const departments = new Set(seedDepartments.map((d) => d.code));
const byCode = (code: string) => {
  const item = seedItems.find((i) => i.code === code);
  assert.ok(item, code);
  return item;
};

describe('seed application forms and process definitions', () => {
  it('are well formed and keep every catalogue rule', () => {
    const themes = new Set(seedThemes.map((t) => t.code));
    const withForm = seedItems.filter((i) => i.form || i.workflow);
    assert.ok(withForm.length >= 7, `only ${withForm.length} items have a form or workflow`);
    for (const item of withForm) {
      if (item.form) assert.deepEqual(checkFormDefinition(item.form), [], item.code);
      if (item.workflow) assert.deepEqual(checkWorkflow(item.workflow, departments, { promisedLimitDays: item.promisedLimitDays }), [], item.code);
      assert.deepEqual(checkItemRules(item, { departmentExists: (c) => departments.has(c), themeExists: (c) => themes.has(c) }), [], item.code);
    }
  });

  it('have samples that pass their forms, with region codes from the regions table', () => {
    const regions = new Set(seedRegions.map((r) => r.code));
    for (const [code, data] of Object.entries(sampleFormData)) {
      const item = byCode(code);
      assert.ok(item.form, code);
      const { errors, data: kept } = checkFormData(item.form, data);
      assert.deepEqual(errors, [], `${code} ${item.name}`);
      assert.deepEqual(kept, data, `${code}: nothing dropped`);
      for (const [name, ui] of Object.entries(item.form.ui.fields)) {
        if (ui.widget === 'region' && data[name] !== undefined) assert.ok(regions.has(String(data[name])), `${code}.${name}`);
      }
    }
  });

  it('show what the README promises', () => {
    const birth = byCode('000704001000').workflow!.stages;
    assert.deepEqual([birth.length, birth[0]!.rule, birth[0]!.tasks.map((t) => t.departmentCode)], [1, 'all', ['wjw', 'gaj', 'ybj', 'rsj']]);
    const school = byCode('002008001000').workflow!.stages;
    assert.deepEqual(school.map((s) => s.rule), ['any', 'all']);
    assert.deepEqual(byCode('000133010000').workflow!.stages.map((s) => s.name), ['受理审查', '审批']);
    assert.equal(byCode('000133010000').form!.ui.fields.enterpriseName!.prefill, 'enterprise.name');
    const permit = byCode('000131004000');
    assert.ok(permit.commitment && permit.commitment.postCheckDays > 0);
    assert.deepEqual(permit.commitment.replacesMaterials.map((i) => permit.materials[i]!.required), [true, false]);
    const immediate = byCode('002031002000');
    assert.deepEqual([immediate.projectType, immediate.promisedLimitDays, immediate.workflow!.stages[0]!.limitDays], ['immediate', 0, 0]);
    const id = byCode('000704002000').form!;
    assert.ok(id.schema.allOf, 'an if/then rule');
    assert.ok(Object.values(id.ui.fields).some((f) => f.showIf));
    assert.ok(Object.values(id.ui.fields).some((f) => f.widget === 'region'));
  });
});
