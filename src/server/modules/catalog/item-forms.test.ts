import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { one } from '../../db/client.js';
import { nextInvalidation } from '../../platform/invalidation.js';
import { getApplicationSpec } from './index.js';
import { problemOf, sampleDraft, startCatalogApp, type CatalogContext } from './test-fixtures.js';

describe('item forms, process definitions and application specs', () => {
  let t: CatalogContext;
  before(async () => { t = await startCatalogApp(); });
  after(async () => { await t.close(); });
  const auditCount = async (code: string) =>
    (await one<{ n: number }>(t.db.orm, sql`SELECT count(*)::int AS n FROM audit_log WHERE stream = ${`item:${code}`}`))!.n;

  it('fills a default form, one-stage workflow and delivery modes for an item that has none', async () => {
    const created = await t.operator.post('/api/admin/catalog/items', { code: '419907101000', ...sampleDraft({ name: '犬只年检' }) });
    assert.equal(created.statusCode, 201, created.body);
    await assert.rejects(getApplicationSpec(t.db.orm, '419907101000'), (e: any) => e.code === 'ITEM_NOT_FOUND');
    assert.equal((await t.operator.post('/api/admin/catalog/items/419907101000/publish', { note: 'v1' })).statusCode, 200);

    const spec = await getApplicationSpec(t.db.orm, '419907101000');
    assert.deepEqual([spec.code, spec.version, spec.departmentCode, spec.promisedLimitDays], ['419907101000', 1, 'cgj', 3]);
    assert.ok(spec.departmentName.length > 0);
    assert.match(spec.regionCode, /^[0-9]{6}$/, 'the competent department\'s region, which numbers the case');
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

  it('keeps the current version in memory until the database announces a change to the item, by any process', async () => {
    const code = '419907104000';
    await t.operator.post('/api/admin/catalog/items', { code, ...sampleDraft({ name: '犬只注销登记' }) });
    await t.operator.post(`/api/admin/catalog/items/${code}/publish`, { note: 'v1' });
    assert.equal((await getApplicationSpec(t.db.orm, code)).version, 1);
    const saved = await t.operator.put(`/api/admin/catalog/items/${code}/draft`, { baseVersion: 1, draft: sampleDraft({ name: '犬只登记注销' }) });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal((await t.operator.post(`/api/admin/catalog/items/${code}/publish`, { note: 'v2' })).statusCode, 200);
    assert.equal((await getApplicationSpec(t.db.orm, code)).version, 2, 'this process\'s own publication is seen at once');
    // unannounced (its trigger off): the version kept in memory is served
    await t.db.orm.execute(sql`ALTER TABLE items DISABLE TRIGGER items_invalidate`);
    try {
      await t.db.orm.execute(sql`UPDATE items SET current_version = 1 WHERE code = ${code}`);
    } finally {
      await t.db.orm.execute(sql`ALTER TABLE items ENABLE TRIGGER items_invalidate`);
    }
    assert.equal((await getApplicationSpec(t.db.orm, code)).version, 2, 'served from memory');
    // announced, as another server process's publication is
    const heard = nextInvalidation('item', code);
    await t.db.orm.execute(sql`UPDATE items SET current_version = 1 WHERE code = ${code}`);
    await heard;
    assert.equal((await getApplicationSpec(t.db.orm, code)).version, 1);
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

  it('refuses a broken form or workflow with a coded 422 and writes nothing', async () => {
    const code = '419907104000';
    await t.operator.post('/api/admin/catalog/items', { code, ...sampleDraft({ name: '犬只死亡注销' }) });
    await t.operator.post(`/api/admin/catalog/items/${code}/publish`, { note: 'v1' });
    const auditBefore = await auditCount(code);
    const form = {
      schema: { type: 'object', properties: { dogName: { type: 'string' } } },
      ui: { sections: [{ title: '犬只', fields: ['dogName', 'ghost'] }], fields: { dogName: { label: '犬只名字', showIf: { field: 'nowhere', in: ['x'] } } } },
    };
    const badForm = await t.operator.put(`/api/admin/catalog/items/${code}/draft`, { baseVersion: 1, draft: { ...sampleDraft({ name: '犬只死亡注销' }), form } });
    assert.equal(badForm.statusCode, 422);
    const problem = problemOf(badForm);
    assert.equal(problem.code, 'ITEM_FORM_INVALID');
    assert.deepEqual(problem.errors!.map((e) => [e.path, e.code]), [
      ['/form/ui/sections/0/fields/1', 'FORM_FIELD_UNKNOWN'], ['/form/ui/fields/dogName/showIf/field', 'FORM_SHOW_IF_UNKNOWN'],
    ]);
    assert.match(problem.errors![0]!.message, /不存在的字段/);

    const workflow = { stages: [{ name: '审查', rule: 'all', limitDays: 5, tasks: [{ departmentCode: 'nosuch', name: '审查' }] }] };
    const badFlow = await t.operator.put(`/api/admin/catalog/items/${code}/draft`, { baseVersion: 1, draft: { ...sampleDraft({ name: '犬只死亡注销' }), workflow } });
    assert.equal(badFlow.statusCode, 422);
    assert.equal(problemOf(badFlow).code, 'ITEM_WORKFLOW_INVALID');
    assert.deepEqual(problemOf(badFlow).errors!.map((e) => e.code).sort(), ['WORKFLOW_EXCEEDS_PROMISE', 'WORKFLOW_UNKNOWN_DEPARTMENT']);

    const badCommitment = await t.operator.put(`/api/admin/catalog/items/${code}/draft`, {
      baseVersion: 1, draft: { ...sampleDraft({ name: '犬只死亡注销' }), commitment: { text: '本人承诺', replacesMaterials: [7], postCheckDays: 10 } },
    });
    assert.equal(problemOf(badCommitment).code, 'ITEM_RULES_VIOLATED');
    assert.equal(problemOf(badCommitment).errors![0]!.code, 'COMMITMENT_UNKNOWN_MATERIAL');

    // the validate endpoint and creation run the same checks
    assert.equal(problemOf(await t.operator.post('/api/admin/catalog/validate', { ...sampleDraft(), form })).code, 'ITEM_FORM_INVALID');
    const created = await t.operator.post('/api/admin/catalog/items', { code: '419907105000', ...sampleDraft({ name: '犬只补证' }), workflow });
    assert.equal(created.statusCode, 422);
    assert.equal(problemOf(await t.operator.get('/api/admin/catalog/items/419907105000/draft')).code, 'ITEM_NOT_FOUND');

    // nothing written: no draft, no audit entry
    const draft = (await t.operator.get(`/api/admin/catalog/items/${code}/draft`)).json();
    assert.deepEqual([draft.hasUnpublishedChanges, draft.draft.form, draft.draft.workflow], [false, undefined, undefined]);
    assert.equal(await auditCount(code), auditBefore);
  });

  it('lets only operators edit forms and workflows', async () => {
    const draft = { ...sampleDraft({ name: '犬只信息变更' }), workflow: { stages: [{ name: '审查', rule: 'all', limitDays: 1, tasks: [{ departmentCode: 'cgj', name: '审查' }] }] } };
    const denied = await t.citizen.post('/api/admin/catalog/items', { code: '419907106000', ...draft });
    assert.equal(denied.statusCode, 403);
    assert.equal(problemOf(denied).code, 'FORBIDDEN');
    assert.equal((await t.anonymous.post('/api/admin/catalog/validate', draft)).statusCode, 401);
    assert.equal((await t.citizen.put('/api/admin/catalog/items/419907103000/draft', { baseVersion: 2, draft })).statusCode, 403);
  });
});
