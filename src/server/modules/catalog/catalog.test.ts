import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { seedItems } from '../../db/seed/data/items/index.js';
import { departmentNames } from './index.js';
import { problemOf, startCatalogApp, type CatalogContext } from './test-fixtures.js';

describe('catalogue reading', () => {
  let t: CatalogContext;
  before(async () => { t = await startCatalogApp(); });
  after(async () => { await t.close(); });

  const get = async (url: string) => {
    const res = await t.anonymous.get(url);
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json();
  };
  const list = (query: string) => get(`/api/catalog/items?${query}`);

  it('lists regions by parent and level', async () => {
    const districts = await get('/api/regions?parent=419900');
    assert.ok(districts.length >= 5);
    assert.ok(districts.every((r: any) => r.parentCode === '419900' && r.level === 'district'));
    const streets = await get('/api/regions?level=street');
    assert.ok(streets.every((r: any) => r.level === 'street'));
    assert.deepEqual(await get('/api/regions?parent=999999'), []);
  });

  it('lists departments with their windows and item counts, and finds one', async () => {
    const all = await get('/api/catalog/departments');
    const scjg = all.find((d: any) => d.code === 'scjg');
    assert.ok(scjg.windows.length >= 1 && scjg.windows[0].address);
    assert.equal(scjg.itemCount, seedItems.filter((i) => i.departmentCode === 'scjg').length);
    assert.deepEqual(await get('/api/catalog/departments/scjg'), scjg);
    const missing = await t.anonymous.get('/api/catalog/departments/nowhere');
    assert.deepEqual([missing.statusCode, problemOf(missing).code], [404, 'DEPARTMENT_NOT_FOUND']);
  });

  it('lists themes for an audience with item counts', async () => {
    const enterprise = await get('/api/catalog/themes?audience=enterprise');
    assert.ok(enterprise.length > 0 && enterprise.every((x: any) => x.audience === 'enterprise'));
    const start = enterprise.find((x: any) => x.code === 'business-start');
    assert.equal(start.itemCount, seedItems.filter((i) => i.themeCodes.includes('business-start')).length);
  });

  it('shows the guide of a published item with department, themes and versions', async () => {
    const item = seedItems[0];
    const view = await get(`/api/catalog/items/${item.code}`);
    assert.deepEqual([view.code, view.version, view.latestVersion, view.name], [item.code, 1, 1, item.name]);
    assert.deepEqual(view.materials, item.materials);
    assert.equal(view.department.code, item.departmentCode);
    assert.ok(view.department.windows.length >= 1);
    assert.deepEqual(view.themes.map((x: any) => x.code), item.themeCodes);
    assert.deepEqual(view.versions.map((v: any) => v.version), [1]);
    assert.equal(view.typeName, '行政许可');
    const en = (await t.anonymous.get(`/api/catalog/items/${item.code}`, { 'accept-language': 'en' })).json();
    assert.equal(en.typeName, 'Administrative licensing');
  });

  it('answers unknown item codes and versions with coded problems', async () => {
    for (const [url, status, code] of [
      ['/api/catalog/items/000000000000', 404, 'ITEM_NOT_FOUND'],
      ['/api/catalog/items/whatever', 404, 'ITEM_NOT_FOUND'],
      [`/api/catalog/items/${seedItems[0].code}?version=9`, 404, 'ITEM_VERSION_NOT_FOUND'],
      [`/api/catalog/items/${seedItems[0].code}?version=0`, 400, 'VALIDATION_FAILED'],
      [`/api/catalog/items/${seedItems[0].code}?version=abc`, 400, 'VALIDATION_FAILED'],
      [`/api/catalog/items/${'x'.repeat(51)}`, 400, 'VALIDATION_FAILED'],
    ] as const) {
      const res = await t.anonymous.get(url);
      assert.deepEqual([res.statusCode, problemOf(res).code], [status, code], url);
    }
  });

  it('narrows the list by audience, department, theme, type, online depth, visits and region', async () => {
    const all = await list('pageSize=100');
    assert.equal(all.total, seedItems.length);
    const count = (pred: (i: (typeof seedItems)[number]) => boolean) => seedItems.filter(pred).length;
    const cases: [string, number][] = [
      ['audience=enterprise', count((i) => i.audience.includes('enterprise'))],
      ['audience=person', count((i) => i.audience.includes('person'))],
      ['department=gaj', count((i) => i.departmentCode === 'gaj')],
      ['theme=business-start', count((i) => i.themeCodes.includes('business-start'))],
      ['type=01', count((i) => i.type === '01')],
      ['onlineDepth=4', count((i) => i.onlineDepth === 4)],
      ['zeroVisits=true', count((i) => i.visits === 0)],
      ['department=scjg&onlineDepth=4&zeroVisits=true', count((i) => i.departmentCode === 'scjg' && i.onlineDepth === 4)],
      ['region=419902', seedItems.length], // city departments serve every district
      ['region=419900', seedItems.length],
      ['department=nowhere', 0],
      ['theme=no-such-theme', 0],
      ['region=999999', 0],
    ];
    for (const [query, expected] of cases) {
      const res = await list(`${query}&pageSize=100`);
      assert.equal(res.total, expected, query);
      assert.equal(res.items.length, Math.min(expected, 100), query);
    }
    const filtered = await list('q=登记&audience=enterprise&pageSize=100');
    assert.ok(filtered.total > 0);
    for (const i of filtered.items) assert.ok(i.audience.includes('enterprise'));
  });

  it('pages and sorts: popular by default, by name, by update, and by relevance with a query', async () => {
    const p1 = await list('pageSize=10&page=1');
    const p2 = await list('pageSize=10&page=2');
    assert.equal(p1.items.length, 10);
    assert.equal(p1.total, p2.total);
    assert.equal(new Set([...p1.items, ...p2.items].map((i: any) => i.code)).size, 20);
    const beyond = await list('pageSize=10&page=999');
    assert.deepEqual([beyond.items.length, beyond.total], [0, seedItems.length]);
    const byName = (await list('sort=name&pageSize=100')).items.map((i: any) => i.name);
    assert.deepEqual(byName, [...byName].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const hot = await get('/api/catalog/hot?limit=5');
    assert.deepEqual(p1.items.slice(0, 5).map((i: any) => i.code), hot.map((i: any) => i.code));
    const enterpriseHot = await get('/api/catalog/hot?audience=enterprise&limit=3');
    assert.ok(enterpriseHot.length === 3 && enterpriseHot.every((i: any) => i.audience.includes('enterprise')));
    assert.equal((await list('sort=updated&pageSize=3')).items.length, 3);
    const q = await list('q=登记&sort=name&pageSize=100');
    const names = q.items.map((i: any) => i.name);
    assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('shows the latest notices', async () => {
    const notices = await get('/api/portal/notices?limit=3');
    assert.equal(notices.length, 3);
    assert.ok(notices[0].publishedAt >= notices[1].publishedAt && notices[0].title && notices[0].departmentName);
  });

  it('rejects bad query strings on every public list', async () => {
    for (const url of [
      `/api/catalog/items?q=${'长'.repeat(101)}`,
      '/api/catalog/items?audience=alien',
      '/api/catalog/items?type=99',
      '/api/catalog/items?onlineDepth=5',
      '/api/catalog/items?page=0',
      '/api/catalog/items?pageSize=1000',
      '/api/catalog/items?sort=random',
      '/api/catalog/items?region=abc',
      '/api/catalog/items?unknown=1',
      '/api/catalog/themes?audience=alien',
      '/api/catalog/hot?limit=500',
      '/api/portal/notices?limit=0',
      '/api/regions?level=galaxy',
      '/api/regions?parent=1',
    ]) {
      const res = await t.anonymous.get(url);
      assert.deepEqual([res.statusCode, problemOf(res).code], [400, 'VALIDATION_FAILED'], url);
    }
  });

  it('gives other modules department names by code', async () => {
    const names = await departmentNames(t.db.orm, ['scjg', 'gaj', 'nowhere']);
    assert.deepEqual([...names.keys()].sort(), ['gaj', 'scjg']);
    assert.equal(names.get('scjg'), '青川市市场监督管理局');
    assert.equal((await departmentNames(t.db.orm, [])).size, 0);
  });

  it('documents every catalogue route in OpenAPI with its schemas', async () => {
    const doc = (await t.anonymous.get('/api/openapi.json')).json();
    const ops = Object.entries(doc.paths as Record<string, Record<string, any>>)
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })))
      .filter((o) => o.op.tags?.includes('catalog'));
    assert.ok(ops.length >= 14, `${ops.length} catalogue operations`);
    for (const { path, method, op } of ops) {
      const ok = op.responses['200'] ?? op.responses['201'];
      assert.ok(ok?.content?.['application/json']?.schema, `${method} ${path} has a response schema`);
      if (path.includes('{code}')) assert.ok(op.parameters?.some((p: any) => p.in === 'path'), `${method} ${path}`);
    }
  });
});
