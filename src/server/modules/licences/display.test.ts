import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ItemForm } from '../../../contract/forms.js';
import { shown } from './service-issue.js';

const form: ItemForm = {
  schema: {
    type: 'object',
    properties: {
      babySex: { type: 'string', enum: ['M', 'F'] },
      scope: { type: 'array', items: { type: 'string', enum: ['retail', 'catering'] } },
      babyName: { type: 'string' },
    },
  },
  ui: {
    sections: [{ title: '新生儿', fields: ['babySex', 'scope', 'babyName'] }],
    fields: {
      babySex: { label: '性别', enumLabels: ['男', '女'] },
      scope: { label: '经营项目', enumLabels: ['预包装食品销售', '热食类食品制售'] },
      babyName: { label: '姓名' },
    },
  },
};

describe('licence face values', () => {
  it('shows a choice by its label, as the applicant saw it on the form', () => {
    assert.equal(shown(form, 'babySex', 'F'), '女');
    assert.deepEqual(shown(form, 'scope', ['catering', 'retail']), ['热食类食品制售', '预包装食品销售']);
  });

  it('keeps free text and values outside the choices as they are', () => {
    assert.equal(shown(form, 'babyName', '李安然'), '李安然');
    assert.equal(shown(form, 'babySex', 'X'), 'X');
  });
});
