import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { seedItems } from '../../db/seed/data/items/index.js';
import { seedDepartments } from '../../db/seed/data/departments.js';
import { seedThemes } from '../../db/seed/data/themes.js';
import { checkItemRules, hasControlCharacters, localiseViolations, type RuleRefs } from './rules.js';
import { sampleDraft } from './test-fixtures.js';
import type { ItemDraft } from '../../../contract/catalog.js';

const refs: RuleRefs = {
  departmentExists: (c) => seedDepartments.some((d) => d.code === c),
  themeExists: (c) => seedThemes.some((t) => t.code === c),
};
const broken = (overrides: Partial<ItemDraft>) => checkItemRules(sampleDraft(overrides), refs).map((v) => `${v.path} ${v.code}`);

describe('item element rules', () => {
  it('accept a complete draft and every seeded item', () => {
    assert.deepEqual(checkItemRules(sampleDraft(), refs), []);
    for (const { code, ...draft } of seedItems) assert.deepEqual(checkItemRules(draft, refs), [], code);
  });

  it('require 0 visits for a fully online item', () => {
    assert.deepEqual(broken({ onlineDepth: 4, visits: 1 }), ['/visits FULLY_ONLINE_NEEDS_ZERO_VISITS']);
  });

  it('tie 即办件 to a promise of 0 working days, both ways', () => {
    assert.deepEqual(broken({ projectType: 'immediate', promisedLimitDays: 3 }), ['/promisedLimitDays IMMEDIATE_NEEDS_ZERO_DAYS']);
    assert.deepEqual(broken({ projectType: 'commitment', promisedLimitDays: 0 }), ['/projectType COMMITMENT_NEEDS_DAYS']);
    assert.deepEqual(broken({ projectType: 'immediate', promisedLimitDays: 0 }), []);
  });

  it('keep the promised limit within the legal limit', () => {
    assert.deepEqual(broken({ legalLimitDays: 2, promisedLimitDays: 3 }), ['/promisedLimitDays PROMISE_EXCEEDS_LEGAL_LIMIT']);
  });

  it('refuse online payment for a free item and ask a charged item for its standard', () => {
    assert.deepEqual(broken({ onlinePayment: true }), ['/onlinePayment FREE_ITEM_NO_ONLINE_PAYMENT']);
    assert.deepEqual(broken({ fee: { charged: true, standard: ' ' }, onlinePayment: true }), ['/fee/standard FEE_STANDARD_REQUIRED']);
    assert.deepEqual(broken({ fee: { charged: true, standard: '每件10元', basis: '《收费目录》' }, onlinePayment: true }), []);
  });

  it('require postal delivery for an item with 0 visits that is not fully online', () => {
    assert.deepEqual(broken({ onlineDepth: 3, visits: 0, delivery: false }), ['/delivery ZERO_VISITS_NEEDS_DELIVERY']);
    assert.deepEqual(broken({ onlineDepth: 3, visits: 1, delivery: false }), []);
    assert.deepEqual(broken({ onlineDepth: 4, visits: 0, delivery: false }), []);
  });

  it('require at least one required material and a holder for materials the government holds', () => {
    const d = sampleDraft();
    assert.deepEqual(broken({ materials: d.materials.map((m) => ({ ...m, required: false })) }), ['/materials REQUIRED_MATERIAL_MISSING']);
    assert.deepEqual(broken({ materials: [d.materials[0], { ...d.materials[1], heldBy: '' }] }), ['/materials/1/heldBy HELD_BY_REQUIRED']);
  });

  it('name unknown departments and themes with their field path', () => {
    assert.deepEqual(broken({ departmentCode: 'nope' }), ['/departmentCode UNKNOWN_DEPARTMENT']);
    assert.deepEqual(broken({ themeCodes: ['household', 'moon-landing'] }), ['/themeCodes/1 UNKNOWN_THEME']);
  });

  it('reject control characters anywhere, and line breaks in single-line fields', () => {
    assert.deepEqual(broken({ name: '犬只\u0000登记' }), ['/name CONTROL_CHARACTERS']);
    assert.deepEqual(broken({ name: '犬只\n登记' }), ['/name CONTROL_CHARACTERS']);
    assert.deepEqual(broken({ summary: '第一行\n第二行' }), []);
    assert.deepEqual(broken({ summary: 'right-to-left \u202e override' }), ['/summary CONTROL_CHARACTERS']);
    const d = sampleDraft();
    assert.deepEqual(broken({ faqs: [{ question: 'q\u0007', answer: 'a' }], materials: [{ ...d.materials[0], requirement: 'x\u001b[31m' }, d.materials[1]] }),
      ['/materials/0/requirement CONTROL_CHARACTERS', '/faqs/0/question CONTROL_CHARACTERS']);
    assert.equal(hasControlCharacters('\u0085', true), true);
    assert.equal(hasControlCharacters('制表\t符', true), false);
  });

  it('treat markup as plain text', () => {
    assert.deepEqual(broken({ name: '<script>alert(1)</script>登记', summary: '<b>粗体</b> & <img src=x onerror=alert(1)>' }), []);
  });

  it('reject blank text and duplicate aliases', () => {
    assert.deepEqual(broken({ name: '   ' }), ['/name BLANK_TEXT']);
    assert.deepEqual(broken({ aliases: ['办狗证', '办狗证', '犬只登记'] }), ['/aliases/1 DUPLICATE_ALIAS', '/aliases/2 DUPLICATE_ALIAS']);
  });

  it('report every violation at once, in the caller language', () => {
    const all = checkItemRules(sampleDraft({ onlineDepth: 4, visits: 2, onlinePayment: true, departmentCode: 'x' }), refs);
    assert.equal(all.length, 3);
    const zh = localiseViolations(all, 'zh');
    const en = localiseViolations(all, 'en');
    assert.ok(zh.every((e) => /[\u4e00-\u9fff]/.test(e.message)));
    assert.ok(en.every((e) => /^[\x20-\x7e]+$/.test(e.message)));
  });
});
