// Catalogue rules: reading published versions, operators' drafts and publication. Every change
// writes its audit entry (stream item:<code>) in the transaction that makes it.
import { Value } from 'typebox/value';
import { ITEM_TYPES, ItemDraftSchema, type Department, type ItemCreate, type ItemDraft, type ItemDraftView, type ItemView, type Notice, type Region, type Theme } from '../../../contract/catalog.js';
import { tx, type Executor } from '../../db/client.js';
import { appendAudit, canonicalJson } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth.js';
import { AppError } from '../../platform/errors.js';
import { checkFormDefinition, checkWorkflow } from '../../platform/forms.js';
import type { Lang } from '../../platform/i18n.js';
import { toSummary } from './finder.js';
import * as repo from './repo.js';
import { canEditCatalog } from './policy.js';
import { checkItemRules, localiseViolations } from './rules.js';
import { clearSearchCache } from './search-cache.js';
import { hotItems, upsertSearchRows, type SearchRow } from './search-repo.js';
import { searchDocument } from './search.js';

export { findItems } from './finder.js';

const toDepartment = (d: repo.DepartmentRow): Department => ({
  code: d.code, name: d.name, shortName: d.short_name, regionCode: d.region_code, phone: d.phone,
  description: d.description, itemCount: d.item_count, windows: d.windows,
});

export async function listRegions(db: Executor, filter: { parent?: string; level?: string }): Promise<Region[]> {
  const list = await repo.findRegions(db, filter);
  return list.map((r) => ({ code: r.code, name: r.name, level: r.level as Region['level'], parentCode: r.parent_code }));
}

export const listDepartments = async (db: Executor) => (await repo.findDepartments(db)).map(toDepartment);

export async function getDepartment(db: Executor, code: string): Promise<Department> {
  const d = await repo.findDepartment(db, code);
  if (!d) throw new AppError('DEPARTMENT_NOT_FOUND');
  return toDepartment(d);
}

export async function listThemes(db: Executor, audience?: string): Promise<Theme[]> {
  const list = await repo.findThemes(db, audience);
  return list.map((t) => ({ code: t.code, name: t.name, audience: t.audience, description: t.description, icon: t.icon, itemCount: t.item_count }));
}

export async function hot(db: Executor, audience: string | undefined, limit: number, lang: Lang) {
  return (await hotItems(db, audience, limit)).map((r) => toSummary(r, lang));
}

export async function notices(db: Executor, limit: number): Promise<Notice[]> {
  const list = await repo.findNotices(db, limit);
  return list.map((n) => ({ id: n.id, title: n.title, body: n.body, publishedAt: repo.iso(n.published_at), departmentName: n.department_name }));
}

/** Names by department code, for a minute: read on every case page, inbox and submission. */
const NAMES_TTL_MS = 60_000;
let nameCache = { at: 0, names: new Map<string, string>() };

/**
 * Department names by code. Departments are seeded and never renamed by a request, so a minute's
 * cache is safe; a code not found is asked again next time. Process-wide (one database per
 * process), so a transaction handle finds it too; a miss is read through the handle given.
 */
export async function departmentNames(db: Executor, codes: string[]): Promise<Map<string, string>> {
  if (Date.now() - nameCache.at > NAMES_TTL_MS) nameCache = { at: Date.now(), names: new Map() };
  const cached = nameCache.names;
  const missing = codes.filter((code) => !cached.has(code));
  if (missing.length) for (const [code, name] of await repo.findDepartmentNames(db, missing)) cached.set(code, name);
  return new Map(codes.flatMap((code): [string, string][] => (cached.has(code) ? [[code, cached.get(code)!]] : [])));
}

// ---- published items ----

/** A published version of an item; the current one unless a version is named. */
export async function getItem(db: Executor, code: string, version: number | undefined, lang: Lang): Promise<ItemView> {
  const v = await repo.findPublished(db, code, version);
  if (!v) {
    const item = version === undefined ? undefined : await repo.findItem(db, code);
    throw new AppError(item?.current_version ? 'ITEM_VERSION_NOT_FOUND' : 'ITEM_NOT_FOUND');
  }
  const [department, themes, versions] = await Promise.all([
    repo.findDepartment(db, v.data.departmentCode), repo.findThemeNames(db, v.data.themeCodes), repo.findVersionList(db, code),
  ]);
  if (!department) throw new AppError('DEPARTMENT_NOT_FOUND');
  return {
    ...v.data,
    code, version: v.version, latestVersion: v.current_version, publishedAt: repo.iso(v.published_at),
    typeName: ITEM_TYPES[v.data.type][lang],
    department: toDepartment(department),
    themes: v.data.themeCodes.filter((t) => themes.has(t)).map((t) => ({ code: t, name: themes.get(t)! })),
    versions: versions.map((x) => ({ version: x.version, publishedAt: repo.iso(x.published_at), note: x.note })),
  };
}

// ---- operators: drafts, publication, validation ----

async function assertRules(db: Executor, draft: ItemDraft, lang: Lang) {
  const refs = await repo.findReferenceCodes(db);
  const violations = checkItemRules(draft, { departmentExists: (c) => refs.departments.has(c), themeExists: (c) => refs.themes.has(c) });
  if (violations.length) throw new AppError('ITEM_RULES_VIOLATED', undefined, localiseViolations(violations, lang));
  // the application form and the process definition: 422, each problem with its JSON pointer
  const formErrors = draft.form ? checkFormDefinition(draft.form, lang) : [];
  if (formErrors.length) throw new AppError('ITEM_FORM_INVALID', undefined, formErrors);
  const workflowErrors = draft.workflow ? checkWorkflow(draft.workflow, refs.departments, { promisedLimitDays: draft.promisedLimitDays, lang }) : [];
  if (workflowErrors.length) throw new AppError('ITEM_WORKFLOW_INVALID', undefined, workflowErrors);
}

export async function validateDraft(db: Executor, actor: Actor | null, draft: ItemDraft, lang: Lang): Promise<{ ok: true }> {
  assertEditor(actor);
  await assertRules(db, draft, lang);
  return { ok: true };
}

/** Only the elements the schema names are kept; the validator lets unknown properties through. */
const cleanDraft = (draft: ItemDraft) => Value.Clean(ItemDraftSchema, structuredClone(draft)) as ItemDraft;

const splitCreate = ({ code, ...draft }: ItemCreate): [string, ItemDraft] => [code, cleanDraft(draft)];

function assertEditor(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!canEditCatalog(actor)) throw new AppError('FORBIDDEN');
}

function draftView(code: string, baseVersion: number, draft: ItemDraft, updatedAt: unknown, published?: ItemDraft): ItemDraftView {
  const hasUnpublishedChanges = !published || canonicalJson(published) !== canonicalJson(draft);
  return { code, baseVersion, hasUnpublishedChanges, updatedAt: repo.iso(updatedAt), draft };
}

export async function createItem(db: Executor, actor: Actor | null, body: ItemCreate, lang: Lang): Promise<ItemDraftView> {
  assertEditor(actor);
  const [code, draft] = splitCreate(body);
  await assertRules(db, draft, lang);
  return tx(db, async (t) => {
    if (!(await repo.insertItem(t, code, draft.departmentCode))) throw new AppError('ITEM_CODE_TAKEN');
    const saved = (await repo.saveDraft(t, { code, baseVersion: 0, data: draft, updatedBy: actor.accountId }))!;
    await appendAudit(t, { stream: `item:${code}`, actorId: actor.accountId, action: 'item.create', target: code, change: draft });
    return draftView(code, 0, saved.data, saved.updated_at);
  });
}

/** The operator's working copy: the saved draft, or the current version when nothing is pending. */
export async function getDraft(db: Executor, actor: Actor | null, code: string): Promise<ItemDraftView> {
  assertEditor(actor);
  const item = await repo.findItem(db, code);
  if (!item) throw new AppError('ITEM_NOT_FOUND');
  const [draft, current] = await Promise.all([
    repo.findDraft(db, code),
    item.current_version === null ? undefined : repo.findVersion(db, code, item.current_version),
  ]);
  if (draft) return draftView(code, draft.base_version, draft.data, draft.updated_at, current?.data);
  if (!current) throw new AppError('ITEM_NOT_FOUND');
  return draftView(code, current.version, current.data, current.published_at, current.data);
}

export async function saveDraft(db: Executor, actor: Actor | null, code: string, body: { baseVersion: number; draft: ItemDraft }, lang: Lang): Promise<ItemDraftView> {
  assertEditor(actor);
  return tx(db, async (t) => {
    const item = await repo.findItem(t, code, true);
    if (!item) throw new AppError('ITEM_NOT_FOUND');
    if (body.baseVersion !== (item.current_version ?? 0)) throw new AppError('DRAFT_CONFLICT');
    const draft = cleanDraft(body.draft);
    await assertRules(t, draft, lang);
    const saved = (await repo.saveDraft(t, { code, baseVersion: body.baseVersion, data: draft, updatedBy: actor.accountId }))!;
    await appendAudit(t, { stream: `item:${code}`, actorId: actor.accountId, action: 'item.draft.save', target: code, change: { baseVersion: body.baseVersion, draft } });
    const current = item.current_version === null ? undefined : await repo.findVersion(t, code, item.current_version);
    return draftView(code, saved.base_version, saved.data, saved.updated_at, current?.data);
  });
}

export async function publish(db: Executor, actor: Actor | null, code: string, note: string, lang: Lang): Promise<ItemView> {
  assertEditor(actor);
  const version = await tx(db, async (t) => {
    const item = await repo.findItem(t, code, true);
    if (!item) throw new AppError('ITEM_NOT_FOUND');
    const draft = await repo.findDraft(t, code);
    if (!draft) throw new AppError('NOTHING_TO_PUBLISH');
    const currentVersion = item.current_version ?? 0;
    if (draft.base_version !== currentVersion) throw new AppError('DRAFT_CONFLICT');
    const current = currentVersion ? await repo.findVersion(t, code, currentVersion) : undefined;
    if (current && canonicalJson(current.data) === canonicalJson(draft.data)) throw new AppError('NOTHING_TO_PUBLISH');
    await assertRules(t, draft.data, lang);
    const next = currentVersion + 1;
    await repo.insertVersion(t, { code, version: next, data: draft.data, publishedBy: actor.accountId, note });
    await repo.replaceItemThemes(t, code, draft.data.themeCodes);
    await upsertSearchRows(t, [await searchRowOf(t, code, next, draft.data, item.popularity)]);
    await repo.deleteDraft(t, code);
    await appendAudit(t, { stream: `item:${code}`, actorId: actor.accountId, action: 'item.publish', target: `${code}@${next}`, change: { version: next, note, data: draft.data } });
    return next;
  });
  clearSearchCache(); // again after commit: a search between the write and the commit saw the old rows
  return getItem(db, code, version, lang);
}

export async function listAdminItems(db: Executor, actor: Actor | null, q: string | undefined, page: number, pageSize: number) {
  assertEditor(actor);
  const { list, total } = await repo.findAdminItems(db, q?.trim() || undefined, pageSize, (page - 1) * pageSize);
  return {
    total, page, pageSize,
    items: list.map((r) => ({
      code: r.code, name: r.name, department: { code: r.department_code, name: r.department_name },
      currentVersion: r.current_version, hasUnpublishedChanges: r.unpublished, updatedAt: repo.iso(r.updated_at),
    })),
  };
}

// ---- the search index ----

export interface IndexContext { departments: Map<string, { name: string; regionCode: string }>; themes: Map<string, string> }

/** The item_search row of a published version. */
export function buildSearchRow(code: string, version: number, d: ItemDraft, popularity: number, ctx: IndexContext): SearchRow {
  const department = ctx.departments.get(d.departmentCode);
  const themeNames = d.themeCodes.map((t) => ctx.themes.get(t) ?? '').filter(Boolean);
  const doc = searchDocument({ name: d.name, aliases: d.aliases, summary: d.summary, resultName: d.resultName, departmentName: department?.name ?? '', themeNames });
  return {
    code, version, name: d.name, name_key: doc.nameKey, aliases: doc.aliases, alias_key: doc.aliasKey, summary: d.summary, tokens: doc.tokens, name_grams: doc.nameGrams,
    initials: doc.initials, audience: d.audience, type: d.type, department_code: d.departmentCode,
    department_name: department?.name ?? '', region_code: department?.regionCode ?? '', theme_codes: d.themeCodes,
    online_depth: d.onlineDepth, visits: d.visits, legal_limit_days: d.legalLimitDays, promised_limit_days: d.promisedLimitDays,
    popularity,
  };
}

async function searchRowOf(db: Executor, code: string, version: number, d: ItemDraft, popularity: number) {
  const [dept, themes] = await Promise.all([repo.findDepartment(db, d.departmentCode), repo.findThemeNames(db, d.themeCodes)]);
  const departments = new Map(dept ? [[dept.code, { name: dept.name, regionCode: dept.region_code }]] : []);
  return buildSearchRow(code, version, d, popularity, { departments, themes });
}
