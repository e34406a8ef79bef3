// Seeding the catalogue: regions, departments, themes, notices and items published as version 1
// by 'system', in bulk statements inside one transaction. Also synthetic items for benchmarks.
import { sql } from 'drizzle-orm';
import type { ItemCreate, ItemDraft } from '../../../contract/catalog.js';
import { one, tx, type Database, type Executor } from '../../db/client.js';
import { seedItems } from '../../db/seed/data/items/index.js';
import type { SeedDepartment, SeedRegion, SeedTheme } from '../../db/seed/data/types.js';
import { appendAudit } from '../../platform/audit.js';
import { buildSearchRow, type IndexContext } from './service.js';
import { upsertSearchRows } from './search-repo.js';

export interface SeedNotice { id: string; title: string; body: string; departmentCode: string; publishedAt: string }

export interface CatalogSeed {
  regions: SeedRegion[];
  departments: SeedDepartment[];
  themes: SeedTheme[];
  items: ItemCreate[];
  notices?: SeedNotice[];
}

const LEVELS = ['province', 'city', 'district', 'street', 'community'];
const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/** Idempotent: does nothing when the catalogue already has items. Returns the number of items seeded. */
export async function seedCatalog(db: Database, data: CatalogSeed): Promise<number> {
  const existing = await one<{ n: number }>(db.orm, sql`SELECT count(*)::int AS n FROM items`);
  if (existing && existing.n > 0) return 0;
  return tx(db.orm, async (t) => {
    const regions = [...data.regions].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
    await t.execute(sql`INSERT INTO regions (code, name, level, parent_code)
      SELECT code, name, level, parent_code FROM jsonb_to_recordset(${json(regions.map((r) => ({ code: r.code, name: r.name, level: r.level, parent_code: r.parentCode })))})
        AS x(code text, name text, level text, parent_code text)
      ON CONFLICT (code) DO NOTHING`);
    await t.execute(sql`INSERT INTO departments (code, name, short_name, credit_code, region_code, phone, description, sort)
      SELECT code, name, short_name, credit_code, region_code, phone, description, sort
      FROM jsonb_to_recordset(${json(data.departments.map((d, i) => ({ code: d.code, name: d.name, short_name: d.shortName, credit_code: d.creditCode, region_code: d.regionCode, phone: d.phone, description: d.description, sort: i })))})
        AS x(code text, name text, short_name text, credit_code text, region_code text, phone text, description text, sort int)
      ON CONFLICT (code) DO NOTHING`);
    await t.execute(sql`INSERT INTO service_windows (department_code, name, address, hours, phone, sort)
      SELECT department_code, name, address, hours, phone, sort
      FROM jsonb_to_recordset(${json(data.departments.flatMap((d) => d.windows.map((w, i) => ({ department_code: d.code, ...w, sort: i }))))})
        AS x(department_code text, name text, address text, hours text, phone text, sort int)
      WHERE NOT EXISTS (SELECT 1 FROM service_windows s WHERE s.department_code = x.department_code)`);
    await t.execute(sql`INSERT INTO themes (code, name, audience, description, icon, sort)
      SELECT code, name, audience, description, icon, sort
      FROM jsonb_to_recordset(${json(data.themes)}) AS x(code text, name text, audience text, description text, icon text, sort int)
      ON CONFLICT (code) DO NOTHING`);
    const notices = data.notices ?? demoNotices(data.departments.map((d) => d.code));
    if (notices.length) {
      await t.execute(sql`INSERT INTO notices (id, title, body, department_code, published_at)
        SELECT id, title, body, department_code, published_at FROM jsonb_to_recordset(${json(notices.map((n) => ({ id: n.id, title: n.title, body: n.body, department_code: n.departmentCode, published_at: n.publishedAt })))})
          AS x(id text, title text, body text, department_code text, published_at timestamptz)
        ON CONFLICT (id) DO NOTHING`);
    }
    await insertItems(t, data.items);
    await appendAudit(t, { stream: 'catalog:seed', actorId: 'system', action: 'catalog.seed', target: 'catalog', change: data.items.map((i) => i.code) });
    return data.items.length;
  });
}

/** Deterministic popularity: the items people use most get the most visits. */
const HOT_WORDS: [string, number][] = [
  ['公积金', 9000], ['社会保障卡', 8500], ['居民身份证', 8000], ['企业设立', 7800], ['医疗', 7000], ['出生', 6500],
  ['驾驶证', 6000], ['个体工商户', 5800], ['养老', 5500], ['户口', 5200], ['不动产', 5000], ['结婚', 4500],
  ['异地就医', 4200], ['失业', 4000], ['护照', 3800], ['营业', 3500], ['注销', 3000], ['社会保险', 2800],
];

export function popularityOf(item: { code: string; name: string }): number {
  let h = 0;
  for (const c of item.code) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const boost = HOT_WORDS.find(([w]) => item.name.includes(w))?.[1] ?? 0;
  return boost + (h % 500);
}

/** Insert items as published version 1 with their themes and search rows, in one transaction. */
export async function bulkInsertItems(db: Database | Executor, items: ItemCreate[]): Promise<void> {
  if ('orm' in db && 'kind' in db) await tx(db.orm, (t) => insertItems(t, items));
  else await insertItems(db as Executor, items);
}

async function insertItems(db: Executor, items: ItemCreate[], chunk = 500): Promise<void> {
  if (!items.length) return;
  const ctx = await indexContext(db);
  for (let i = 0; i < items.length; i += chunk) {
    const part = items.slice(i, i + chunk).map(({ code, ...draft }) => ({ code, draft: draft as ItemDraft, popularity: popularityOf({ code, name: draft.name }) }));
    await db.execute(sql`INSERT INTO items (code, department_code, current_version, popularity)
      SELECT code, department_code, 1, popularity FROM jsonb_to_recordset(${json(part.map((p) => ({ code: p.code, department_code: p.draft.departmentCode, popularity: p.popularity })))})
        AS x(code text, department_code text, popularity int)`);
    await db.execute(sql`INSERT INTO item_versions (code, version, data, published_by, note)
      SELECT x.code, 1, x.data, 'system', '初始版本' FROM jsonb_to_recordset(${json(part.map((p) => ({ code: p.code, data: p.draft })))}) AS x(code text, data jsonb)`);
    await db.execute(sql`INSERT INTO item_themes (code, theme_code)
      SELECT code, theme_code FROM jsonb_to_recordset(${json(part.flatMap((p) => p.draft.themeCodes.map((t) => ({ code: p.code, theme_code: t }))))})
        AS x(code text, theme_code text)`);
    await upsertSearchRows(db, part.map((p) => buildSearchRow(p.code, 1, p.draft, p.popularity, ctx)));
  }
  // fresh statistics, so the first searches are planned for the table as it now is
  await db.execute(sql`ANALYZE item_search`);
}

async function indexContext(db: Executor): Promise<IndexContext> {
  const [departments, themes] = await Promise.all([
    db.execute(sql`SELECT code, name, region_code FROM departments`),
    db.execute(sql`SELECT code, name FROM themes`),
  ]) as unknown as [{ rows: { code: string; name: string; region_code: string }[] }, { rows: { code: string; name: string }[] }];
  return {
    departments: new Map(departments.rows.map((d) => [d.code, { name: d.name, regionCode: d.region_code }])),
    themes: new Map(themes.rows.map((t) => [t.code, t.name])),
  };
}

// ---- synthetic data ----

/** A small, fast, seeded generator (mulberry32), so benchmarks see the same catalogue every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['清源区', '云栖区', '临江区', '青山县', '桐溪县', '丰源市', '人民路街道', '文昌街道', '科创街道', '江滨街道', '石湾镇', '溪口镇'];
const SITUATIONS = ['', '（新办）', '（变更）', '（延续）', '（补办）', '（注销）', '（跨省通办）', '（告知承诺制）'];

/** n synthetic variants of the given items: other places and situations, unique codes `S` + 11 digits. */
export function generateItems(n: number, seed: number, base: ItemCreate[] = seedItems): ItemCreate[] {
  const next = random(seed);
  const out: ItemCreate[] = [];
  for (let i = 0; i < n; i++) {
    const b = base[Math.floor(next() * base.length)];
    const place = PLACES[Math.floor(next() * PLACES.length)];
    const situation = SITUATIONS[Math.floor(next() * SITUATIONS.length)];
    out.push({
      ...b,
      code: `S${String(i).padStart(11, '0')}`,
      name: `${place}${b.name}${situation}`.slice(0, 200),
      aliases: b.aliases.slice(0, Math.floor(next() * (b.aliases.length + 1))),
      summary: `${place}：${b.summary}`.slice(0, 500),
    });
  }
  return out;
}

/** A handful of realistic portal notices (通知公告), dated relative to a fixed day. */
function demoNotices(departments: string[]): SeedNotice[] {
  const has = (code: string) => departments.includes(code);
  const list: SeedNotice[] = [
    { id: 'n-2026-001', departmentCode: 'sjj', publishedAt: '2026-01-05T09:00:00+08:00', title: '关于青川市政务服务网系统升级的公告',
      body: '为提升服务质量，青川市政务服务网将于1月10日22:00至1月11日6:00进行系统升级，期间网上办事暂停服务，给您带来不便敬请谅解。' },
    { id: 'n-2026-002', departmentCode: 'rsj', publishedAt: '2026-01-12T10:00:00+08:00', title: '2026年城乡居民基本养老保险缴费工作开始',
      body: '2026年度城乡居民基本养老保险集中缴费期为1月15日至6月30日，参保人可通过“青川通办”App、银行网点或社区服务站缴费。' },
    { id: 'n-2026-003', departmentCode: 'gjj', publishedAt: '2026-01-20T09:30:00+08:00', title: '住房公积金租房提取实现“全程网办”',
      body: '自2月1日起，无房职工租房提取住房公积金可在线申请，系统自动核验不动产和婚姻信息，符合条件的1个工作日内到账。' },
    { id: 'n-2026-004', departmentCode: 'scjg', publishedAt: '2026-02-03T09:00:00+08:00', title: '企业开办“一日办结”服务再提速',
      body: '企业设立登记、印章刻制、发票申领、社保和公积金开户实现一表填报、并联办理，材料齐全的1个工作日内全部办结。' },
    { id: 'n-2026-005', departmentCode: 'gaj', publishedAt: '2026-02-10T15:00:00+08:00', title: '春节期间户政窗口延时服务安排',
      body: '春节前两周，市民中心户政窗口周六上午照常办公，方便返乡群众办理居民身份证、户口迁移等业务。' },
    { id: 'n-2026-006', departmentCode: 'ybj', publishedAt: '2026-02-18T09:00:00+08:00', title: '异地就医备案可在手机上“秒办”',
      body: '参保人员通过“青川通办”App或国家医保服务平台申请异地就医备案，即时办结，备案后在就医地直接结算。' },
  ];
  return list.filter((n) => has(n.departmentCode));
}
