import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { sampleDraft, startCatalogApp, type CatalogContext } from './test-fixtures.js';

describe('search result cache', () => {
  let t: CatalogContext;
  before(async () => { t = await startCatalogApp({ searchCacheSeconds: 30 }); });
  after(async () => { await t.close(); });

  const names = async (q: string) => (await t.anonymous.get(`/api/catalog/items?q=${encodeURIComponent(q)}`)).json().items.map((i: { name: string }) => i.name);

  it('serves a repeated query from memory and forgets it as soon as an operator publishes', async () => {
    const first = await names('食品经营许可');
    assert.ok(first.length > 0);
    // a change behind the service's back is not seen while the result is cached…
    await t.db.orm.execute(sql`UPDATE item_search SET tokens = ''::tsvector, name_grams = ''::tsvector, initials = ''`);
    assert.deepEqual(await names('食品经营许可'), first, 'the repeated query came from memory');
    assert.deepEqual(await names('食品经营许可证'), [], 'a different query goes to the database');
    // …while a publication clears the cache at once
    const code = '419907019000';
    assert.equal((await t.operator.post('/api/admin/catalog/items', { code, ...sampleDraft({ name: '食品经营许可告知承诺备案' }) })).statusCode, 201);
    assert.equal((await t.operator.post(`/api/admin/catalog/items/${code}/publish`, { note: '新增' })).statusCode, 200);
    assert.deepEqual(await names('食品经营许可'), ['食品经营许可告知承诺备案']);
  });
});
