import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getApplicationSpec } from './index.js';
import { problemOf, sampleDraft, startCatalogApp, type CatalogContext } from './test-fixtures.js';

describe('application spec of an item version', () => {
  let t: CatalogContext;
  before(async () => { t = await startCatalogApp(); });
  after(async () => { await t.close(); });

  it('fills a default form, one-stage workflow and delivery modes for an item that has none', async () => {
    const created = await t.operator.post('/api/admin/catalog/items', { code: '419907101000', ...sampleDraft({ name: '犬只年检' }) });
    assert.equal(created.statusCode, 201, created.body);
    await assert.rejects(getApplicationSpec(t.db.orm, '419907101000'), (e: any) => e.code === 'ITEM_NOT_FOUND');
    assert.equal((await t.operator.post('/api/admin/catalog/items/419907101000/publish', { note: 'v1' })).statusCode, 200);

    const spec = await getApplicationSpec(t.db.orm, '419907101000');
    assert.deepEqual([spec.code, spec.version, spec.departmentCode, spec.promisedLimitDays], ['419907101000', 1, 'cgj', 3]);
    assert.ok(spec.departmentName.length > 0);
    assert.deepEqual(Object.keys(spec.form.schema.properties as object), ['applicantName', 'mobile', 'description']);
    assert.equal(spec.form.ui.fields.applicantName?.prefill, 'person.name');
    assert.deepEqual(spec.workflow, { stages: [{ name: '审查', rule: 'all', limitDays: 3, tasks: [{ departmentCode: 'cgj', name: '审查' }] }] });
    assert.deepEqual(spec.deliveryModes, ['elicence', 'window', 'post']);
    assert.equal(spec.commitment, null);
  });

  it('prefills the enterprise for enterprise-only items, and post only when the item delivers', async () => {
    const draft = sampleDraft({ name: '犬只经营备案', audience: ['enterprise'], delivery: false, visits: 1, onlineDepth: 3 });
    assert.equal((await t.operator.post('/api/admin/catalog/items', { code: '419907102000', ...draft })).statusCode, 201);
    await t.operator.post('/api/admin/catalog/items/419907102000/publish', { note: 'v1' });
    const spec = await getApplicationSpec(t.db.orm, '419907102000');
    assert.equal(spec.form.ui.fields.enterpriseName?.prefill, 'enterprise.name');
    assert.equal(spec.form.ui.fields.creditCode?.prefill, 'enterprise.creditCode');
    assert.deepEqual(spec.deliveryModes, ['elicence', 'window']);
  });

  it('pins versions: a named version keeps its own form after a newer one is published', async () => {
    const code = '419907103000';
    await t.operator.post('/api/admin/catalog/items', { code, ...sampleDraft({ name: '犬只迁移登记' }) });
    await t.operator.post(`/api/admin/catalog/items/${code}/publish`, { note: 'v1' });
    const v1 = await getApplicationSpec(t.db.orm, code);
    const form = {
      schema: { type: 'object', properties: { dogName: { type: 'string', maxLength: 20 } }, required: ['dogName'] },
      ui: { sections: [{ title: '犬只信息', fields: ['dogName'] }], fields: { dogName: { label: '犬只名字' } } },
    };
    const workflow = { stages: [{ name: '受理审查', rule: 'all', limitDays: 1, tasks: [{ departmentCode: 'cgj', name: '受理' }] },
      { name: '审批', rule: 'any', limitDays: 2, tasks: [{ departmentCode: 'cgj', name: '审批' }, { departmentCode: 'gaj', name: '备案' }] }] };
    const saved = await t.operator.put(`/api/admin/catalog/items/${code}/draft`, { baseVersion: 1, draft: { ...sampleDraft({ name: '犬只迁移登记' }), form, workflow, deliveryModes: ['elicence'] } });
    assert.equal(saved.statusCode, 200, saved.body);
    await t.operator.post(`/api/admin/catalog/items/${code}/publish`, { note: 'v2' });

    const v2 = await getApplicationSpec(t.db.orm, code);
    assert.equal(v2.version, 2);
    assert.deepEqual(v2.form, form);
    assert.deepEqual(v2.workflow, workflow);
    assert.deepEqual(v2.deliveryModes, ['elicence']);
    const again = await getApplicationSpec(t.db.orm, code, 1);
    assert.deepEqual(again, v1);
    assert.equal(again, await getApplicationSpec(t.db.orm, code, 1), 'served from the cache');
    await assert.rejects(getApplicationSpec(t.db.orm, code, 3), (e: any) => e.code === 'ITEM_NOT_FOUND');
    await assert.rejects(getApplicationSpec(t.db.orm, '419999999999'), (e: any) => e.code === 'ITEM_NOT_FOUND');
    // the public guide shows the published form
    assert.deepEqual((await t.anonymous.get(`/api/catalog/items/${code}`)).json().form, form);
    assert.equal(problemOf(await t.anonymous.get(`/api/catalog/items/${code}?version=9`)).code, 'ITEM_VERSION_NOT_FOUND');
  });
});
