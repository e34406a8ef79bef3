// Access grants (共享授权): a consumer department asks for fields of one registry for one service
// item on a legal basis; an operator approves or revokes. Each change writes its audit entry on
// `grant:<id>` in the same transaction. 不予共享 fields are refused whoever asks.
import type { Grant, GrantListQueryValue, GrantPage, NewGrant } from '../../../contract/exchange.js';
import { isoTimestamp, tx, type Executor } from '../../db/client.js';
import { appendAudit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth.js';
import { now } from '../../platform/clock.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n.js';
import { departmentNameMap, itemNames, registryName } from './names.js';
import { canDecideGrant, canListGrants, canRequestGrant, grantScope } from './policy.js';
import { findRegistry } from './provider.js';
import * as repo from './repo.js';

const msg = (lang: Lang, zh: string, en: string) => (lang === 'en' ? en : zh);

async function toGrants(db: Executor, list: repo.GrantRow[], actor: Actor, lang: Lang): Promise<Grant[]> {
  const [departments, items] = await Promise.all([
    departmentNameMap(db, list.map((g) => g.consumer_department)), itemNames(db, list.map((g) => g.item_code)),
  ]);
  const decide = canDecideGrant(actor);
  return list.map((g) => ({
    id: g.id, consumerDepartment: g.consumer_department, consumerDepartmentName: departments.get(g.consumer_department) ?? g.consumer_department,
    itemCode: g.item_code, itemName: items.get(g.item_code) ?? g.item_code, registry: g.registry, registryName: registryName(g.registry, lang),
    fields: g.fields, legalBasis: g.legal_basis, status: g.status,
    requestedBy: g.requested_by_name, requestedAt: isoTimestamp(g.requested_at),
    approvedBy: g.approved_by_name, approvedAt: g.approved_at ? isoTimestamp(g.approved_at) : null,
    revokedBy: g.revoked_by_name, revokedAt: g.revoked_at ? isoTimestamp(g.revoked_at) : null, revokeReason: g.revoke_reason,
    actions: !decide ? [] : g.status === 'pending' ? ['approve', 'revoke'] : g.status === 'approved' ? ['revoke'] : [],
  }));
}

export async function listGrants(db: Executor, actor: Actor, query: GrantListQueryValue, lang: Lang): Promise<GrantPage> {
  if (!canListGrants(actor)) throw new AppError('FORBIDDEN');
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const filter = { status: query.status, consumer: query.consumer, registry: query.registry, consumers: grantScope(actor) };
  const [list, total] = await Promise.all([repo.listGrants(db, filter, pageSize, (page - 1) * pageSize), repo.countGrants(db, filter)]);
  return { total, page, pageSize, items: await toGrants(db, list, actor, lang) };
}

/** The request's problems: unknown department, item, registry or field, and 不予共享 fields apart. */
async function checkNewGrant(db: Executor, input: NewGrant, lang: Lang): Promise<{ invalid: FieldError[]; notShareable: FieldError[] }> {
  const invalid: FieldError[] = [];
  const notShareable: FieldError[] = [];
  const [departments, items] = await Promise.all([departmentNameMap(db, [input.consumerDepartment]), itemNames(db, [input.itemCode])]);
  if (!departments.has(input.consumerDepartment)) invalid.push({ path: '/consumerDepartment', code: 'unknown', message: msg(lang, '没有这个部门', 'No such department') });
  if (!items.get(input.itemCode)) invalid.push({ path: '/itemCode', code: 'unknown', message: msg(lang, '没有这个已发布的事项', 'No such published item') });
  const provider = findRegistry(input.registry);
  if (!provider) {
    invalid.push({ path: '/registry', code: 'unknown', message: msg(lang, '信息资源目录中没有这个资源', 'No such registry in the catalogue') });
    return { invalid, notShareable };
  }
  input.fields.forEach((code, i) => {
    const def = provider.fields.find((f) => f.code === code);
    if (!def) invalid.push({ path: `/fields/${i}`, code: 'unknown', message: msg(lang, '该资源没有这个信息项', 'The registry has no such field') });
    else if (def.shareType === 'none') notShareable.push({ path: `/fields/${i}`, code: 'not_shareable', message: msg(lang, `“${def.name}”不予共享`, `"${def.nameEn ?? def.name}" is not shareable`) });
  });
  return { invalid, notShareable };
}

export async function requestGrant(db: Executor, actor: Actor, input: NewGrant, lang: Lang): Promise<Grant> {
  if (!canRequestGrant(actor, input.consumerDepartment)) throw new AppError('FORBIDDEN');
  const { invalid, notShareable } = await checkNewGrant(db, input, lang);
  if (invalid.length) throw new AppError('EXCHANGE_GRANT_INVALID', undefined, [...invalid, ...notShareable]);
  if (notShareable.length) throw new AppError('EXCHANGE_FIELD_NOT_SHAREABLE', undefined, notShareable);
  const row = await tx(db, async (t) => {
    const g = await repo.insertGrant(t, {
      consumerDepartment: input.consumerDepartment, itemCode: input.itemCode, registry: input.registry, fields: input.fields,
      legalBasis: input.legalBasis, status: 'pending', by: { accountId: actor.accountId, name: actor.name }, at: now(),
    });
    await appendAudit(t, { stream: `grant:${g.id}`, actorId: actor.accountId, action: 'exchange.grant.request', target: g.id, change: input });
    return g;
  });
  return (await toGrants(db, [row], actor, lang))[0];
}

async function changeGrant(db: Executor, actor: Actor, id: string, lang: Lang, action: 'approve' | 'revoke', reason?: string): Promise<Grant> {
  if (!canDecideGrant(actor)) throw new AppError('FORBIDDEN');
  const row = await tx(db, async (t) => {
    const g = await repo.findGrantForUpdate(t, id);
    if (!g) throw new AppError('EXCHANGE_GRANT_NOT_FOUND');
    const allowed = action === 'approve' ? g.status === 'pending' : g.status !== 'revoked';
    if (!allowed) throw new AppError('EXCHANGE_GRANT_STATE');
    const by = { accountId: actor.accountId, name: actor.name };
    const changed = action === 'approve' ? await repo.approveGrant(t, id, by, now()) : await repo.revokeGrant(t, id, by, reason ?? '', now());
    await appendAudit(t, { stream: `grant:${id}`, actorId: actor.accountId, action: `exchange.grant.${action}`, target: id, change: { from: g.status, to: changed.status, reason: reason ?? null } });
    return changed;
  });
  return (await toGrants(db, [row], actor, lang))[0];
}

export const approveGrant = (db: Executor, actor: Actor, id: string, lang: Lang) => changeGrant(db, actor, id, lang, 'approve');
export const revokeGrant = (db: Executor, actor: Actor, id: string, reason: string, lang: Lang) => changeGrant(db, actor, id, lang, 'revoke', reason);

/** Seeding: an approved grant without a requesting account (the demo city's standing agreements). */
export async function seedGrant(t: Executor, g: Omit<NewGrant, 'fields'> & { fields: string[] }): Promise<void> {
  const provider = findRegistry(g.registry);
  const bad = g.fields.filter((f) => provider?.fields.find((d) => d.code === f)?.shareType !== 'conditional' && provider?.fields.find((d) => d.code === f)?.shareType !== 'unconditional');
  if (!provider || bad.length) throw new Error(`seed grant ${g.registry}: bad fields ${bad.join(', ')}`);
  const row = await repo.insertGrant(t, { ...g, status: 'approved', by: { accountId: null, name: '青川市数据资源管理局' }, at: now() });
  await appendAudit(t, { stream: `grant:${row.id}`, actorId: 'system', action: 'exchange.grant.seed', target: row.id, change: g });
}
