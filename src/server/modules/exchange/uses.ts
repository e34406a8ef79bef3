// Reading the exchange: the resource catalogue for staff, the exchange log for auditors, and each
// person's own data-use log (数据使用记录) — their own uses and those of enterprises they act for.
import type { Catalogue, DataUse, DataUsePage, ExchangeLogEntry, ExchangeLogPage, ExchangeLogQueryValue } from '../../../contract/exchange.js';
import { isoTimestamp, type Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth.js';
import { AppError } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n.js';
import { enterprisesOfAgent } from '../identity/index.js';
import { exchangeSecretKey, subjectHash } from './keys.js';
import { departmentNameMap, fieldName, itemNames, registryName } from './names.js';
import { canReadCatalogue, canReadExchangeLog } from './policy.js';
import { allRegistries, classCodeOf, findRegistry, resourceCodeOf } from './provider.js';
import * as repo from './repo.js';

export async function catalogue(db: Executor, actor: Actor, lang: Lang): Promise<Catalogue> {
  if (!canReadCatalogue(actor)) throw new AppError('FORBIDDEN');
  const registries = allRegistries();
  const departments = await departmentNameMap(db, registries.map((r) => r.departmentCode));
  return {
    registries: registries.map((r) => ({
      code: r.code, resourceCode: resourceCodeOf(r), name: registryName(r.code, lang), departmentCode: r.departmentCode,
      departmentName: departments.get(r.departmentCode) ?? r.departmentCode, subjectKinds: r.subjectKinds ?? ['person', 'enterprise'],
      remote: !!r.remote,
      fields: r.fields.map((f, i) => ({
        code: f.code, classCode: classCodeOf(r, f, i), name: lang === 'en' ? f.nameEn ?? f.name : f.name,
        dataType: f.dataType, shareType: f.shareType, description: f.description ?? '',
      })),
    })),
  };
}

async function toUses(db: Executor, list: repo.LogRow[], lang: Lang): Promise<DataUse[]> {
  const [departments, items] = await Promise.all([
    departmentNameMap(db, [...list.map((r) => r.consumer_department), ...list.map((r) => findRegistry(r.registry)?.departmentCode ?? '')]),
    itemNames(db, list.map((r) => r.item_code)),
  ]);
  return list.map((r) => {
    const provider = findRegistry(r.registry)?.departmentCode ?? '';
    const granted = new Set(r.fields_granted);
    const names = (codes: string[]) => codes.map((c) => fieldName(r.registry, c, lang));
    return {
      id: r.id, at: isoTimestamp(r.at), consumerDepartment: r.consumer_department,
      consumerDepartmentName: departments.get(r.consumer_department) ?? r.consumer_department,
      registry: r.registry, registryName: registryName(r.registry, lang), providerDepartmentName: departments.get(provider) ?? provider,
      purpose: r.purpose, itemCode: r.item_code, caseNo: r.case_no,
      // real-name verification names the platform's service, not a catalogue item
      itemName: r.purpose === 'verification' ? (lang === 'en' ? 'Real-name verification' : '实名核验') : items.get(r.item_code) ?? r.item_code,
      fieldsAsked: names(r.fields_asked), fieldsGranted: names(r.fields_granted),
      fieldsDenied: names(r.fields_asked.filter((c) => !granted.has(c))), outcome: r.outcome,
    };
  });
}

export async function myDataUses(db: Executor, actor: Actor, query: { page?: number; pageSize?: number }, lang: Lang): Promise<DataUsePage> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const enterprises = actor.kind === 'person' ? await enterprisesOfAgent(db, exchangeSecretKey(), actor.accountId) : [];
  const filter = { accountId: actor.accountId, subjectHashes: enterprises.map((e) => subjectHash({ creditCode: e.creditCode })) };
  const [list, total] = await Promise.all([
    repo.listLogForSubject(db, filter, pageSize, (page - 1) * pageSize), repo.countLogForSubject(db, filter),
  ]);
  return { total, page, pageSize, items: await toUses(db, list, lang) };
}

/** Midnight in Asia/Shanghai of a YYYY-MM-DD day. */
const shanghaiDay = (day: string, plusDays = 0) => new Date(new Date(`${day}T00:00:00+08:00`).getTime() + plusDays * 86_400_000);

export async function exchangeLog(db: Executor, actor: Actor, query: ExchangeLogQueryValue, lang: Lang): Promise<ExchangeLogPage> {
  if (!canReadExchangeLog(actor)) throw new AppError('FORBIDDEN');
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const filter = {
    registry: query.registry, consumer: query.consumer, outcome: query.outcome,
    from: query.from ? shanghaiDay(query.from) : undefined, to: query.to ? shanghaiDay(query.to, 1) : undefined,
  };
  const [list, total] = await Promise.all([repo.listLog(db, filter, pageSize, (page - 1) * pageSize), repo.countLog(db, filter)]);
  const uses = await toUses(db, list, lang);
  const items: ExchangeLogEntry[] = uses.map((u, i) => ({
    ...u, actorId: list[i].actor_id, actorName: list[i].actor_name, legalBasis: list[i].legal_basis,
    subjectHash: list[i].subject_hash, digest: list[i].digest,
  }));
  return { total, page, pageSize, items };
}
