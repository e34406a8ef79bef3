import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { departmentNames } from './index.js';
import { startCatalogApp, type CatalogContext } from './test-fixtures.js';

describe('department names', () => {
  let t: CatalogContext;
  before(async () => { t = await startCatalogApp(); });
  after(async () => { await t.close(); });

  it('answers repeated look-ups from memory and still finds a department added after a miss', async () => {
    const first = await departmentNames(t.db.orm, ['gaj', 'zzz']);
    assert.equal(first.get('gaj'), '青川市公安局');
    assert.equal(first.has('zzz'), false);
    // behind the service's back: a cached name is served from memory (no statement), a miss is asked again
    await t.db.orm.execute(sql`UPDATE departments SET name = '改名' WHERE code = 'gaj'`);
    await t.db.orm.execute(sql`INSERT INTO departments (code, name, short_name, credit_code, region_code, phone, sort)
      SELECT 'zzz', '青川市测试局', '测试局', '11419900000000000X', region_code, '0399-0', 99 FROM departments WHERE code = 'gaj'`);
    const second = await departmentNames(t.db.orm, ['gaj', 'zzz']);
    assert.equal(second.get('gaj'), '青川市公安局', 'served from memory');
    assert.equal(second.get('zzz'), '青川市测试局', 'a code not found before is looked up again');
    assert.deepEqual([...(await departmentNames(t.db.orm, []))], []);
  });
});
