import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { seedItems } from '../../db/seed/data/items/index.js';
import { noResultQueries, searchCases } from '../../db/seed/data/search-cases.js';
import { loadConfig } from '../../config.js';
import { connect } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import { findItems } from './finder.js';
import { seedCatalog } from './seed.js';
import { demoCatalog, problemOf, startCatalogApp, type CatalogContext } from './test-fixtures.js';

const nameOf = new Map(seedItems.map((i) => [i.code, i.name]));

describe('search over the demo catalogue', () => {
  let t: CatalogContext;
  before(async () => { t = await startCatalogApp(); });
  after(async () => { await t.close(); });

  const search = async (query: string) => {
    const res = await t.anonymous.get(`/api/catalog/items?${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const q = (text: string, extra = '') => search(`q=${encodeURIComponent(text)}${extra}`);

  it(`ranks the expected item in the top 3 for each of the ${searchCases.length} search cases`, async () => {
    assert.ok(searchCases.length >= 30);
    const misses: string[] = [];
    for (const c of searchCases) {
      const res = await q(c.query, '&pageSize=3');
      const top = res.items.map((i: any) => i.code);
      if (!top.includes(c.expect)) misses.push(`${c.query} → ${nameOf.get(c.expect)} (got ${res.items.map((i: any) => i.name).join(', ') || 'nothing'})`);
    }
    assert.deepEqual(misses, []);
  });

  it('finds nothing, without guessing, for queries about things the catalogue lacks', async () => {
    for (const text of noResultQueries) {
      const res = await q(text);
      assert.deepEqual([res.total, res.items.length, res.fuzzy], [0, 0, false], text);
    }
  });

  it('suggests themes and the hotline when nothing is found', async () => {
    const res = await q('火星移民', '&audience=enterprise');
    assert.equal(res.suggestions.hotline, '12345');
    assert.ok(res.suggestions.themes.length > 0);
    assert.ok(res.suggestions.themes.every((x: any) => x.audience === 'enterprise'));
    assert.equal((await q('营业执照')).suggestions, undefined);
  });

  it('forgives a typo and says so', async () => {
    const res = await q('营业执造');
    assert.equal(res.fuzzy, true);
    assert.ok(res.total > 0);
    const exact = await q('营业执照');
    assert.equal(exact.fuzzy, false);
  });

  it('explains how the query was read: words and synonyms', async () => {
    const res = await q('社保');
    assert.ok(res.terms.includes('社保') && res.terms.includes('社会保险'), res.terms.join(','));
    assert.ok(res.items.length > 0);
  });

  it('highlights the matched words in each name as character ranges', async () => {
    const fund = (await q('公积金提取')).items.find((i: any) => i.code === '002026001000');
    const marked = fund.highlights.map(([s, e]: [number, number]) => fund.name.slice(s, e)).join('|');
    assert.match(marked, /公积金提取|公积金/);
    for (const item of (await q('社保卡')).items) {
      for (const [s, e] of item.highlights) {
        assert.ok(s >= 0 && e <= item.name.length && s < e, `${item.name} ${s}-${e}`);
        assert.match(item.name.slice(s, e), /社会保障卡|社保卡/);
      }
    }
    // initials: 个体工商户营业执照 has no word 营业执照 in its name, but yyzz are the initials of 营业执照
    const licence = (await q('gtgsh')).items.find((i: any) => i.name.startsWith('个体工商户'));
    assert.deepEqual(licence.highlights, [[0, 5]]);
    // a typo: the character pairs the name shares with the query are marked
    const typo = (await q('异地就医备安')).items.find((i: any) => i.code === '002049002000');
    assert.equal(typo.name.slice(typo.highlights[0][0], typo.highlights[0][1]), '异地就医备');
  });

  it('shows why a result matched when its name does not: the alias and the summary words', async () => {
    const res = await q('营业执照');
    const setUp = res.items.find((i: any) => i.code === '000133001000');
    assert.ok(setUp, '企业设立登记 is found through its alias');
    assert.equal(setUp.highlights.length, 0);
    const alias = setUp.matchedAlias;
    assert.ok(alias, 'the alias that matched is returned');
    assert.deepEqual(alias.highlights.map(([s, e]: [number, number]) => alias.text.slice(s, e)), ['营业执照']);
    assert.ok(setUp.summaryHighlights.some(([s, e]: [number, number]) => setUp.summary.slice(s, e) === '营业执照'));
    const named = (await q('公积金提取')).items.find((i: any) => i.code === '002026001000');
    assert.equal(named.matchedAlias, undefined, 'no alias is shown when the name already shows the match');
  });

  it('combines a query with filters and pages through the results', async () => {
    const all = await q('登记', '&pageSize=100');
    assert.ok(all.total > 5);
    const enterprise = await q('登记', '&audience=enterprise&pageSize=100');
    assert.ok(enterprise.total < all.total && enterprise.items.every((i: any) => i.audience.includes('enterprise')));
    const gaj = await q('登记', '&department=gaj&pageSize=100');
    assert.ok(gaj.items.every((i: any) => i.department.code === 'gaj'));
    const first = await q('登记', '&pageSize=2&page=1');
    const second = await q('登记', '&pageSize=2&page=2');
    assert.equal(first.total, all.total);
    assert.deepEqual([...first.items, ...second.items].map((i: any) => i.code), all.items.slice(0, 4).map((i: any) => i.code));
    const popular = await q('登记', '&sort=popular&pageSize=100');
    assert.deepEqual(popular.items.map((i: any) => i.code).sort(), all.items.map((i: any) => i.code).sort());
    assert.equal((await q('营业执照', '&department=nowhere')).total, 0);
  });

  it('rejects an over-long query as a coded problem', async () => {
    const res = await t.anonymous.get(`/api/catalog/items?q=${encodeURIComponent('社'.repeat(101))}`);
    assert.equal(res.statusCode, 400);
    assert.equal(problemOf(res).code, 'VALIDATION_FAILED');
    assert.equal((await q('社'.repeat(100))).fuzzy !== undefined, true, '100 characters are fine');
    for (const odd of ["'", '\\', '&|!():*', '<script>', '%', '　', '😀']) {
      assert.equal((await t.anonymous.get(`/api/catalog/items?q=${encodeURIComponent(odd)}`)).statusCode, 200, odd);
    }
  });

  it('gives the same results on PGlite and PostgreSQL', async () => {
    // In the PostgreSQL pass this compares the server with a fresh embedded database; in the
    // PGlite pass both sides are embedded, which still proves the results are deterministic.
    const embedded = await connect(loadConfig({ TONGBAN_EMBEDDED_STORAGE: 'memory', TONGBAN_DEMO: 'false', LOG_LEVEL: 'silent' }, { secretKey: 'c3'.repeat(32) }));
    try {
      await migrate(embedded);
      await seedCatalog(embedded, demoCatalog());
      const queries = [
        ...searchCases.map((c) => ({ q: c.query })), ...noResultQueries.map((text) => ({ q: text })),
        { q: '登记', sort: 'name' as const, pageSize: 50 }, { q: '许可', audience: 'enterprise' as const, pageSize: 50 },
        { q: '证明', onlineDepth: 4, zeroVisits: true }, { sort: 'popular' as const, pageSize: 100 }, { theme: 'birth', type: '20' as const },
      ];
      for (const query of queries) {
        const [server, local] = await Promise.all([findItems(t.db.orm, query, 'zh'), findItems(embedded.orm, query, 'zh')]);
        assert.deepEqual(server, local, JSON.stringify(query));
      }
      assert.equal(t.db.kind, process.env.DATABASE_URL ? 'postgres' : 'pglite');
    } finally {
      await embedded.close();
    }
  });
});
