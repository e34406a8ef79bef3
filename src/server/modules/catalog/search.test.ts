import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { charGrams, highlight, highlightInitials, indexWords, initialsOf, normalise, parseQuery, queryGrams, searchDocument, weightedVector } from './search.js';

describe('search text processing', () => {
  it('normalises full-width forms, case and punctuation', () => {
    assert.equal(normalise('  ＹＹＺＺ，营业执照！ '), 'yyzz 营业执照');
    assert.equal(normalise('社保卡\t怎么办？？'), '社保卡 怎么办');
  });

  it('keeps domain words whole and indexes their parts too', () => {
    const words = indexWords('住房公积金提取');
    for (const w of ['住房公积金', '公积金', '住房', '提取']) assert.ok(words.includes(w), `${w} in ${words}`);
    assert.ok(!words.some((w) => [...w].length === 1), 'no single characters from running text');
  });

  it('expands a query word to its synonym group', () => {
    const q = parseQuery('社保');
    assert.deepEqual(q.terms.sort(), ['社会保险', '社保'].sort());
    assert.equal(q.groups.length, 1);
    assert.match(q.groups[0], /'社保'/);
    assert.match(q.groups[0], /'社会保险'|'社会' & '保险'/);
  });

  it('reads colloquial names as the formal item name', () => {
    assert.ok(parseQuery('开公司').terms.includes('企业设立登记'));
    assert.ok(parseQuery('我想开公司').terms.includes('企业设立登记'));
    assert.ok(parseQuery('生孩子').terms.includes('生育'));
    assert.ok(parseQuery('公积金').terms.includes('住房公积金'));
  });

  it('drops words that only say the citizen wants something', () => {
    const q = parseQuery('我要怎么办理护照');
    assert.deepEqual(q.words, ['护照']);
    assert.equal(parseQuery('办理').groups.length, 1, 'a query of nothing but such words keeps them');
  });

  it('requires every word of a longer query, with single characters kept', () => {
    const q = parseQuery('公积金怎么取');
    assert.deepEqual(q.words, ['公积金', '取']);
    assert.equal(q.groups.length, 2);
  });

  it('recognises pinyin abbreviations and initials', () => {
    const q = parseQuery('YYZZ');
    assert.equal(q.initials, 'yyzz');
    assert.ok(q.terms.includes('营业执照'));
    assert.equal(parseQuery('营业执照').initials, null);
    assert.equal(parseQuery('12345').initials, null, 'digits alone are not initials');
    assert.equal(initialsOf('个体工商户营业执照'), 'gtgshyyzz');
    assert.equal(initialsOf('A1驾照（增驾）'), 'a1jz zj ');
  });

  it('treats quotes, backslashes and operators as separators, so literals stay well formed', () => {
    assert.deepEqual(parseQuery("o'neil\\ & !(x | y):*").words, ['o', 'neil', 'x', 'y']);
    assert.equal(weightedVector([{ text: "it's \\ 'quoted'", weight: 'A' }]), "'it':1A 's':2A 'quoted':3A");
  });

  it('takes character pairs of the content words for the typo fallback', () => {
    assert.deepEqual(queryGrams('营业执招'), ['营业', '业执', '执招']);
    assert.deepEqual(queryGrams('税'), ['税']);
    assert.deepEqual(parseQuery('营业执招怎么办').grams, ['营业', '业执', '执招']);
    assert.deepEqual(charGrams(['社保卡']).sort(), ['保', '保卡', '卡', '社', '社保'].sort());
  });

  it('indexes names with weight A, aliases B, results and themes C, prose D', () => {
    const doc = searchDocument({ name: '企业设立登记', aliases: ['开公司'], summary: '领取营业执照', resultName: '营业执照', departmentName: '市场监督管理局', themeNames: ['开办企业'] });
    assert.match(doc.tokens, /'设立登记':\d+A/);
    assert.match(doc.tokens, /'开公司':\d+B/);
    assert.match(doc.tokens, /'营业执照':\d+C/);
    assert.match(doc.tokens, /'管理局':\d+D/);
    assert.equal(doc.aliasKey, '开公司');
    assert.equal(doc.initials, 'qysldj|kgs');
    assert.equal(doc.nameKey, '企业设立登记');
  });

  it('highlights terms as [start, end) ranges and merges neighbours', () => {
    assert.deepEqual(highlight('住房公积金提取', ['公积金', '提取']), [[2, 7]]);
    assert.deepEqual(highlight('社会保障卡挂失和补换', ['社会保障卡', '补换']), [[0, 5], [8, 10]]);
    assert.deepEqual(highlight('企业设立登记', ['营业执照']), []);
    assert.deepEqual(highlight('Ａ类', ['a']), [[0, 1]]);
    assert.deepEqual(highlightInitials('个体工商户营业执照', 'yyzz'), [[5, 9]]);
  });
});
