// SQL of the catalogue's own tables (regions, departments, themes, items, versions, drafts,
// notices). Only this module's service calls it; search queries live in search-repo.ts.
import { sql, type SQL } from 'drizzle-orm';
import type { ItemDraft } from '../../../contract/catalog.js';
import { one, rows, type Executor } from '../../db/client.js';
import { invalidate } from '../../platform/invalidation.js';

/** A PostgreSQL array literal; drizzle would expand a JS array into a parameter list. */
export function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

export { isoTimestamp as iso } from '../../db/client.js';

export interface RegionRow { code: string; name: string; level: string; parent_code: string | null }

export function findRegions(db: Executor, filter: { parent?: string; level?: string }) {
  const where: SQL[] = [sql`true`];
  if (filter.parent !== undefined) where.push(sql`parent_code = ${filter.parent}`);
  if (filter.level !== undefined) where.push(sql`level = ${filter.level}`);
  return rows<RegionRow>(db, sql`SELECT code, name, level, parent_code FROM regions WHERE ${sql.join(where, sql` AND `)} ORDER BY code`);
}

export interface DepartmentRow {
  code: string; name: string; short_name: string; region_code: string; phone: string; description: string;
  item_count: number; windows: { name: string; address: string; hours: string; phone: string }[];
}

const departmentSelect = sql`
  SELECT d.code, d.name, d.short_name, d.region_code, d.phone, d.description,
    (SELECT count(*)::int FROM items i WHERE i.department_code = d.code AND i.current_version IS NOT NULL) AS item_count,
    coalesce((SELECT json_agg(json_build_object('name', w.name, 'address', w.address, 'hours', w.hours, 'phone', w.phone) ORDER BY w.sort, w.id)
      FROM service_windows w WHERE w.department_code = d.code), '[]'::json) AS windows
  FROM departments d`;

export const findDepartments = (db: Executor) => rows<DepartmentRow>(db, sql`${departmentSelect} ORDER BY d.sort, d.code`);

export const findDepartment = (db: Executor, code: string) => one<DepartmentRow>(db, sql`${departmentSelect} WHERE d.code = ${code}`);

/** A department's name, credit code and region (the issuer of its e-licences). */
export const findDepartmentIssuer = (db: Executor, code: string) =>
  one<{ code: string; name: string; credit_code: string; region_code: string }>(db, sql`SELECT code, name, credit_code, region_code FROM departments WHERE code = ${code}`);

export async function findDepartmentNames(db: Executor, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const list = await rows<{ code: string; name: string }>(db, sql`SELECT code, name FROM departments WHERE code = ANY(${textArray(codes)}::text[])`);
  return new Map(list.map((r) => [r.code, r.name]));
}

export interface ThemeRow { code: string; name: string; audience: 'person' | 'enterprise'; description: string; icon: string; item_count: number }

export function findThemes(db: Executor, audience?: string) {
  return rows<ThemeRow>(db, sql`
    SELECT t.code, t.name, t.audience, t.description, t.icon,
      (SELECT count(*)::int FROM item_themes it WHERE it.theme_code = t.code) AS item_count
    FROM themes t ${audience ? sql`WHERE t.audience = ${audience}` : sql``} ORDER BY t.sort, t.code`);
}

/** Codes of every department and theme, for the element rules (small tables). */
export async function findReferenceCodes(db: Executor) {
  const [departments, themes] = await Promise.all([
    rows<{ code: string }>(db, sql`SELECT code FROM departments`),
    rows<{ code: string; name: string }>(db, sql`SELECT code, name FROM themes`),
  ]);
  return { departments: new Set(departments.map((d) => d.code)), themes: new Map(themes.map((t) => [t.code, t.name])) };
}

// ---- items, versions, drafts ----

export interface ItemRow { code: string; department_code: string; current_version: number | null; popularity: number; updated_at: Date | string }

export const findItem = (db: Executor, code: string, forUpdate = false) =>
  one<ItemRow>(db, sql`SELECT code, department_code, current_version, popularity, updated_at FROM items WHERE code = ${code} ${forUpdate ? sql`FOR UPDATE` : sql``}`);

export async function insertItem(db: Executor, code: string, departmentCode: string): Promise<boolean> {
  const inserted = await rows(db, sql`INSERT INTO items (code, department_code) VALUES (${code}, ${departmentCode}) ON CONFLICT (code) DO NOTHING RETURNING code`);
  return inserted.length === 1;
}

/** A published version with its item's current version: one row, or nothing when either is missing. */
export const findPublished = (db: Executor, code: string, version: number | undefined) =>
  one<VersionRow & { current_version: number }>(db, sql`
    SELECT v.code, v.version, v.data, v.published_at, v.published_by, v.note, i.current_version
    FROM items i JOIN item_versions v ON v.code = i.code AND v.version = ${version ?? null}::int
    WHERE i.code = ${code} AND i.current_version IS NOT NULL
    UNION ALL
    SELECT v.code, v.version, v.data, v.published_at, v.published_by, v.note, i.current_version
    FROM items i JOIN item_versions v ON v.code = i.code AND v.version = i.current_version
    WHERE i.code = ${code} AND ${version ?? null}::int IS NULL`);

/** Number and publication time of a published version (the current one unless named), without its data. */
export const findVersionStamp = (db: Executor, code: string, version: number | undefined) =>
  one<{ version: number; published_at: Date | string }>(db, sql`
    SELECT v.version, v.published_at FROM items i
    JOIN item_versions v ON v.code = i.code AND v.version = coalesce(${version ?? null}::int, i.current_version)
    WHERE i.code = ${code} AND i.current_version IS NOT NULL`);

export async function findThemeNames(db: Executor, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const list = await rows<{ code: string; name: string }>(db, sql`SELECT code, name FROM themes WHERE code = ANY(${textArray(codes)}::text[])`);
  return new Map(list.map((t) => [t.code, t.name]));
}

export interface VersionRow { code: string; version: number; data: ItemDraft; published_at: Date | string; published_by: string; note: string }

export const findVersion = (db: Executor, code: string, version: number) =>
  one<VersionRow>(db, sql`SELECT code, version, data, published_at, published_by, note FROM item_versions WHERE code = ${code} AND version = ${version}`);

export const findVersionList = (db: Executor, code: string) =>
  rows<{ version: number; published_at: Date | string; note: string }>(db, sql`
    SELECT version, published_at, note FROM item_versions WHERE code = ${code} ORDER BY version DESC`);

export async function insertVersion(db: Executor, v: { code: string; version: number; data: ItemDraft; publishedBy: string; note: string }) {
  invalidate('item', v.code); // this process at once; others when the trigger's message arrives
  await db.execute(sql`INSERT INTO item_versions (code, version, data, published_by, note)
    VALUES (${v.code}, ${v.version}, ${JSON.stringify(v.data)}::jsonb, ${v.publishedBy}, ${v.note})`);
  await db.execute(sql`UPDATE items SET current_version = ${v.version}, department_code = ${v.data.departmentCode}, updated_at = now() WHERE code = ${v.code}`);
}

export async function replaceItemThemes(db: Executor, code: string, themeCodes: string[]) {
  await db.execute(sql`DELETE FROM item_themes WHERE code = ${code}`);
  if (themeCodes.length) {
    await db.execute(sql`INSERT INTO item_themes (code, theme_code) SELECT ${code}, unnest(${textArray(themeCodes)}::text[])`);
  }
}

export interface DraftRow { code: string; base_version: number; data: ItemDraft; updated_at: Date | string; updated_by: string }

export const findDraft = (db: Executor, code: string) =>
  one<DraftRow>(db, sql`SELECT code, base_version, data, updated_at, updated_by FROM item_drafts WHERE code = ${code}`);

export function saveDraft(db: Executor, d: { code: string; baseVersion: number; data: ItemDraft; updatedBy: string }) {
  return one<DraftRow>(db, sql`
    INSERT INTO item_drafts (code, base_version, data, updated_at, updated_by)
    VALUES (${d.code}, ${d.baseVersion}, ${JSON.stringify(d.data)}::jsonb, now(), ${d.updatedBy})
    ON CONFLICT (code) DO UPDATE SET base_version = EXCLUDED.base_version, data = EXCLUDED.data, updated_at = now(), updated_by = EXCLUDED.updated_by
    RETURNING code, base_version, data, updated_at, updated_by`);
}

export const deleteDraft = (db: Executor, code: string) => db.execute(sql`DELETE FROM item_drafts WHERE code = ${code}`);

export interface AdminItemRow {
  code: string; name: string; department_code: string; department_name: string; current_version: number | null;
  unpublished: boolean; updated_at: Date | string; total: number;
}

/** Every item, published or not, named by its newest text (the draft when there is one). */
export async function findAdminItems(db: Executor, q: string | undefined, limit: number, offset: number) {
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const list = await rows<AdminItemRow>(db, sql`
    SELECT x.*, count(*) OVER ()::int AS total FROM (
      SELECT i.code, coalesce(d.data->>'name', v.data->>'name') AS name, i.department_code, dep.name AS department_name,
        i.current_version, d.code IS NOT NULL AND (v.data IS NULL OR d.data <> v.data) AS unpublished, greatest(i.updated_at, d.updated_at) AS updated_at
      FROM items i
      JOIN departments dep ON dep.code = i.department_code
      LEFT JOIN item_drafts d ON d.code = i.code
      LEFT JOIN item_versions v ON v.code = i.code AND v.version = i.current_version) x
    ${like ? sql`WHERE x.name LIKE ${like} OR x.code LIKE ${like}` : sql``}
    ORDER BY x.updated_at DESC, x.code
    LIMIT ${limit} OFFSET ${offset}`);
  if (list.length || offset === 0) return { list, total: list[0]?.total ?? 0 };
  const count = await one<{ n: number }>(db, sql`
    SELECT count(*)::int AS n FROM items i LEFT JOIN item_drafts d ON d.code = i.code
    LEFT JOIN item_versions v ON v.code = i.code AND v.version = i.current_version
    ${like ? sql`WHERE coalesce(d.data->>'name', v.data->>'name') LIKE ${like} OR i.code LIKE ${like}` : sql``}`);
  return { list, total: count?.n ?? 0 };
}

export interface NoticeRow { id: string; title: string; body: string; published_at: Date | string; department_name: string }

export const findNotices = (db: Executor, limit: number) => rows<NoticeRow>(db, sql`
  SELECT n.id, n.title, n.body, n.published_at, d.name AS department_name
  FROM notices n JOIN departments d ON d.code = n.department_code
  ORDER BY n.published_at DESC, n.id LIMIT ${limit}`);
