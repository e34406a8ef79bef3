import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/client.js';
import { verifyAudit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth.js';
import { createItem, publish } from './service.js';
import { problemOf, sampleDraft, startCatalogApp, type CatalogContext } from './test-fixtures.js';

describe('catalogue editing', () => {
  let t: CatalogContext;
  before(async () => { t = await startCatalogApp(); });
  after(async () => { await t.close(); });

  const search = async (q: string) => (await t.anonymous.get(`/api/catalog/items?q=${encodeURIComponent(q)}`)).json();

  it('publishes versions: older ones stay readable, the list and search follow the newest', async () => {
    const created = await t.operator.post('/api/admin/catalog/items', { code: '419907001000', ...sampleDraft() });
    assert.equal(created.statusCode, 201, created.body);
    assert.deepEqual([created.json().baseVersion, created.json().hasUnpublishedChanges], [0, true]);

    // a new item is invisible to the public until published
    assert.equal(problemOf(await t.anonymous.get('/api/catalog/items/419907001000')).code, 'ITEM_NOT_FOUND');
    assert.equal((await search('犬只登记')).total, 0);

    const v1 = await t.operator.post('/api/admin/catalog/items/419907001000/publish', { note: '首次发布' });
    assert.equal(v1.statusCode, 200, v1.body);
    assert.deepEqual([v1.json().version, v1.json().latestVersion, v1.json().name], [1, 1, '犬只登记']);
    assert.equal((await search('犬只登记')).items[0].code, '419907001000');

    const draft = (await t.operator.get('/api/admin/catalog/items/419907001000/draft')).json();
    assert.deepEqual([draft.baseVersion, draft.hasUnpublishedChanges, draft.draft.name], [1, false, '犬只登记']);
    const saved = await t.operator.put('/api/admin/catalog/items/419907001000/draft', {
      baseVersion: 1, draft: { ...draft.draft, name: '养犬登记证核发', aliases: ['办犬证'], summary: '新版说明' },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().hasUnpublishedChanges, true);
    // saving does not publish
    assert.equal((await t.anonymous.get('/api/catalog/items/419907001000')).json().name, '犬只登记');

    const v2 = (await t.operator.post('/api/admin/catalog/items/419907001000/publish', { note: '更名' })).json();
    assert.deepEqual([v2.version, v2.latestVersion, v2.name], [2, 2, '养犬登记证核发']);
    assert.deepEqual(v2.versions.map((v: any) => [v.version, v.note]), [[2, '更名'], [1, '首次发布']]);

    const old = (await t.anonymous.get('/api/catalog/items/419907001000?version=1')).json();
    assert.deepEqual([old.version, old.latestVersion, old.name, old.summary], [1, 2, '犬只登记', sampleDraft().summary]);
    assert.equal((await t.anonymous.get('/api/catalog/items/419907001000')).json().version, 2);

    const list = (await t.anonymous.get('/api/catalog/items?department=cgj&pageSize=100')).json();
    const row = list.items.find((i: any) => i.code === '419907001000');
    assert.deepEqual([row.name, row.version], ['养犬登记证核发', 2]);
    assert.equal((await search('养犬登记证')).items[0].code, '419907001000');
    // the old name and a dropped alias match no more (at most as a typo-tolerant guess)
    for (const gone of ['犬只登记', '养狗登记']) {
      const r = await search(gone);
      assert.ok(r.fuzzy || !r.items.some((i: any) => i.code === '419907001000'), gone);
    }

    assert.equal(problemOf(await t.anonymous.get('/api/catalog/items/419907001000?version=3')).code, 'ITEM_VERSION_NOT_FOUND');
    assert.equal(problemOf(await t.operator.post('/api/admin/catalog/items/419907001000/publish', { note: '再次' })).code, 'NOTHING_TO_PUBLISH');

    // every change is in the item's audit stream, and the chain verifies
    const audit = await rows<{ action: string }>(t.db.orm, sql`SELECT action FROM audit_log WHERE stream = 'item:419907001000' ORDER BY seq`);
    assert.deepEqual(audit.map((a) => a.action), ['item.create', 'item.publish', 'item.draft.save', 'item.publish']);
    assert.deepEqual((await verifyAudit(t.db.orm)).breaks, []);
  });

  it('refuses a draft based on a version that is no longer current', async () => {
    await t.operator.post('/api/admin/catalog/items', { code: '419907002000', ...sampleDraft({ name: '犬只注销登记' }) });
    await t.operator.post('/api/admin/catalog/items/419907002000/publish', { note: 'v1' });
    const a = (await t.operator.get('/api/admin/catalog/items/419907002000/draft')).json();
    const first = await t.operator.put('/api/admin/catalog/items/419907002000/draft', { baseVersion: 1, draft: { ...a.draft, summary: '甲的修改' } });
    assert.equal(first.statusCode, 200);
    await t.operator.post('/api/admin/catalog/items/419907002000/publish', { note: 'v2' });
    const stale = await t.operator.put('/api/admin/catalog/items/419907002000/draft', { baseVersion: 1, draft: { ...a.draft, summary: '乙的修改' } });
    assert.equal(stale.statusCode, 409);
    assert.equal(problemOf(stale).code, 'DRAFT_CONFLICT');
    assert.equal((await t.anonymous.get('/api/catalog/items/419907002000')).json().summary, '甲的修改');
  });

  it('refuses a taken code and an unpublished item without a draft change', async () => {
    const taken = await t.operator.post('/api/admin/catalog/items', { code: '419907001000', ...sampleDraft() });
    assert.deepEqual([taken.statusCode, problemOf(taken).code], [409, 'ITEM_CODE_TAKEN']);
    const seeded = await t.operator.post('/api/admin/catalog/items', { code: '000133001000', ...sampleDraft() });
    assert.equal(problemOf(seeded).code, 'ITEM_CODE_TAKEN');
    assert.equal(problemOf(await t.operator.post('/api/admin/catalog/items/000133001000/publish', { note: 'x' })).code, 'NOTHING_TO_PUBLISH');
  });

  it('reports every broken element rule with its field path, on validate, create, save and publish', async () => {
    const bad = sampleDraft({ onlineDepth: 4, visits: 1, departmentCode: 'nowhere', themeCodes: ['birth', 'no-such-theme'], onlinePayment: true });
    const expected = ['/departmentCode UNKNOWN_DEPARTMENT', '/themeCodes/1 UNKNOWN_THEME', '/visits FULLY_ONLINE_NEEDS_ZERO_VISITS', '/onlinePayment FREE_ITEM_NO_ONLINE_PAYMENT'];
    const paths = (res: any) => problemOf(res).errors!.map((e) => `${e.path} ${e.code}`).sort();
    for (const res of [
      await t.operator.post('/api/admin/catalog/validate', bad),
      await t.operator.post('/api/admin/catalog/items', { code: '419907003000', ...bad }),
      await t.operator.put('/api/admin/catalog/items/000133001000/draft', { baseVersion: 1, draft: bad }),
    ]) {
      assert.equal(res.statusCode, 400);
      assert.equal(problemOf(res).code, 'ITEM_RULES_VIOLATED');
      assert.deepEqual(paths(res), [...expected].sort());
    }
    assert.deepEqual((await t.operator.post('/api/admin/catalog/validate', sampleDraft())).json(), { ok: true });
    const en = await t.operator.post('/api/admin/catalog/validate', bad, { 'accept-language': 'en' });
    assert.match(problemOf(en).errors![0].message, /^[\x20-\x7e]+$/);
  });

  it('stores markup verbatim as text and returns it unchanged', async () => {
    const name = '<script>alert("x")</script>犬只年检';
    const summary = '<img src=x onerror=alert(1)> & "引号" \'单引号\' \\ 反斜杠';
    const res = await t.operator.post('/api/admin/catalog/items', { code: '41990700400A', ...sampleDraft({ name, summary, aliases: ["o'neil"] }) });
    assert.equal(res.statusCode, 201, res.body);
    await t.operator.post('/api/admin/catalog/items/41990700400A/publish', { note: '<b>说明</b>' });
    const view = await t.anonymous.get('/api/catalog/items/41990700400A');
    assert.match(String(view.headers['content-type']), /application\/json/);
    assert.deepEqual([view.json().name, view.json().summary, view.json().versions[0].note], [name, summary, '<b>说明</b>']);
    const found = (await search('犬只年检')).items.find((i: any) => i.code === '41990700400A');
    assert.equal(found.name, name);
    assert.ok((await search("o'neil")).items.some((i: any) => i.code === '41990700400A'));
  });

  it('rejects over-long fields, control characters and unknown fields as coded problems', async () => {
    const long = await t.operator.post('/api/admin/catalog/items', { code: '419907005000', ...sampleDraft({ name: '长'.repeat(201) }) });
    assert.equal(problemOf(long).code, 'VALIDATION_FAILED');
    assert.ok(problemOf(long).errors!.some((e) => e.path === '/name' && e.code === 'MAX_LENGTH'));
    const control = await t.operator.post('/api/admin/catalog/validate', sampleDraft({ name: '犬只\u0000登记' }));
    assert.deepEqual(problemOf(control).errors!.map((e) => e.path), ['/name']);
    const badCode = await t.operator.post('/api/admin/catalog/items', { code: 'abc', ...sampleDraft() });
    assert.ok(problemOf(badCode).errors!.some((e) => e.path === '/code'));
    const extra = await t.operator.put('/api/admin/catalog/items/000133001000/draft', { baseVersion: 1, draft: sampleDraft(), sneaky: true });
    assert.equal(problemOf(extra).code, 'VALIDATION_FAILED');
    // unknown properties inside the draft are dropped, never stored
    const padded = await t.operator.post('/api/admin/catalog/items', { code: '419907007000', ...sampleDraft({ name: '犬只迁出登记' }), sneaky: '<x>', fee: { charged: false, hidden: 1 } });
    assert.equal(padded.statusCode, 201, padded.body);
    const stored = await rows<{ data: any }>(t.db.orm, sql`SELECT data FROM item_drafts WHERE code = '419907007000'`);
    assert.deepEqual([stored[0].data.sneaky, stored[0].data.fee], [undefined, { charged: false }]);
    const longNote = await t.operator.post('/api/admin/catalog/items/000133001000/publish', { note: 'x'.repeat(501) });
    assert.equal(problemOf(longNote).code, 'VALIDATION_FAILED');
    const noBody = await t.operator.request('POST', '/api/admin/catalog/validate', 'not json', { 'content-type': 'application/json' });
    assert.equal(problemOf(noBody).code, 'MALFORMED_REQUEST');
    for (const url of ['/api/admin/catalog/items/NOPE00000000/draft']) assert.equal(problemOf(await t.operator.get(url)).code, 'ITEM_NOT_FOUND');
    assert.equal(problemOf(await t.operator.put('/api/admin/catalog/items/NOPE00000000/draft', { baseVersion: 0, draft: sampleDraft() })).code, 'ITEM_NOT_FOUND');
    assert.equal(problemOf(await t.operator.post('/api/admin/catalog/items/NOPE00000000/publish', { note: 'x' })).code, 'ITEM_NOT_FOUND');
  });

  it('lists every item for operators, unpublished ones included', async () => {
    await t.operator.post('/api/admin/catalog/items', { code: '419907006000', ...sampleDraft({ name: '犬只走失登记' }) });
    const res = (await t.operator.get('/api/admin/catalog/items?q=走失')).json();
    assert.deepEqual(res.items.map((i: any) => [i.code, i.currentVersion, i.hasUnpublishedChanges]), [['419907006000', null, true]]);
    const all = (await t.operator.get('/api/admin/catalog/items?pageSize=5&page=2')).json();
    assert.ok(all.total > 50);
    assert.equal(all.items.length, 5);
  });

  it('lets only operators use the editing endpoints: anonymous 401, citizen 403', async () => {
    const calls: [string, string, unknown?][] = [
      ['POST', '/api/admin/catalog/items', { code: '419907009000', ...sampleDraft() }],
      ['GET', '/api/admin/catalog/items'],
      ['GET', '/api/admin/catalog/items/000133001000/draft'],
      ['PUT', '/api/admin/catalog/items/000133001000/draft', { baseVersion: 1, draft: sampleDraft() }],
      ['POST', '/api/admin/catalog/items/000133001000/publish', { note: '越权' }],
      ['POST', '/api/admin/catalog/validate', sampleDraft()],
    ];
    for (const [method, url, body] of calls) {
      const anon = await t.anonymous.request(method as 'GET', url, body);
      assert.deepEqual([anon.statusCode, problemOf(anon).code], [401, 'UNAUTHENTICATED'], `${method} ${url}`);
      const citizen = await t.citizen.request(method as 'GET', url, body);
      assert.deepEqual([citizen.statusCode, problemOf(citizen).code], [403, 'FORBIDDEN'], `${method} ${url}`);
    }
    assert.equal((await t.anonymous.get('/api/catalog/items/000133001000')).json().version, 1, 'nothing changed');
    // access is decided before the body is validated: strangers learn nothing about the schema
    const invalid = await t.citizen.post('/api/admin/catalog/validate', { name: '' });
    assert.deepEqual([invalid.statusCode, problemOf(invalid).code], [403, 'FORBIDDEN']);
    const invalidAnon = await t.anonymous.post('/api/admin/catalog/items', { code: 'bad' });
    assert.deepEqual([invalidAnon.statusCode, problemOf(invalidAnon).code], [401, 'UNAUTHENTICATED']);
    // the service applies the same rule to calls that do not come through HTTP
    const clerk: Actor = { accountId: 'x', username: 'clerk', kind: 'staff', name: '窗口', roles: ['clerk'], departments: [], realNameLevel: 2, sessionId: 's' };
    await assert.rejects(createItem(t.db.orm, clerk, { code: '419907009000', ...sampleDraft() }, 'zh'), { code: 'FORBIDDEN' });
    await assert.rejects(publish(t.db.orm, null, '000133001000', 'x', 'zh'), { code: 'UNAUTHENTICATED' });
  });
});
