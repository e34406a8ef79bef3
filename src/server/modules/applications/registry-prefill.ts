// Prefill from registries (数据授权): the apply page first shows which registries would fill which
// fields, owned by which department, for which item — fetching nothing. Only the applicant's consent
// (recorded in the audit log) makes the item's department ask the exchange, with purpose prefill;
// the fields filled are noted (application_prefills) for the check at submission.
import type { RegistryPrefillBody, RegistryPrefillOffer, RegistryPrefillResult } from '../../../contract/applications.js';
import type { Executor } from '../../db/client.js';
import { tx } from '../../db/client.js';
import { appendAudit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth.js';
import { now } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { departmentNames, getApplicationSpec, type ApplicationSpec } from '../catalog/index.js';
import { exchangeQuery, findRegistry, type ExchangeSubject } from '../exchange/index.js';
import { agentEnterpriseByCreditCode, applicantProfile, creditCodeHash, enterprisesOfAgent } from '../identity/index.js';
import type { Ctx } from './context.js';
import './errors-exchange.js';
import { canApply } from './policy.js';
import { insertPrefill } from './repo-prefills.js';

/** What the form would take from each registry, without asking any of them. */
export async function registryPrefillOffers(db: Executor, spec: ApplicationSpec): Promise<RegistryPrefillOffer[]> {
  const byRegistry = new Map<string, RegistryPrefillOffer['fields']>();
  for (const [field, ui] of Object.entries(spec.form.ui.fields)) {
    const source = ui.registryPrefill;
    const provider = source && findRegistry(source.registry);
    const def = provider?.fields.find((f) => f.code === source!.field);
    if (!source || !def || def.shareType === 'none') continue;
    const list = byRegistry.get(source.registry) ?? [];
    list.push({ field, label: ui.label, registryField: def.code, registryFieldName: def.name });
    byRegistry.set(source.registry, list);
  }
  if (!byRegistry.size) return [];
  const providers = [...byRegistry.keys()].map((code) => findRegistry(code)!);
  const names = await departmentNames(db, [...new Set(providers.map((p) => p.departmentCode))]);
  return providers.map((p) => ({
    registry: p.code, registryName: p.name,
    department: { code: p.departmentCode, name: names.get(p.departmentCode) ?? p.departmentCode },
    fields: byRegistry.get(p.code)!,
    purpose: `${spec.departmentName}办理“${spec.name}”`,
  }));
}

/** Whose record a registry is asked for: the applicant, or the enterprise they apply for (at consent and at submission alike). */
export async function subjectFor(ctx: Ctx, actor: Actor, kinds: ('person' | 'enterprise')[], creditCode?: string): Promise<ExchangeSubject | null> {
  if (kinds.includes('person')) {
    const person = await applicantProfile(ctx.db, ctx.secretKey, actor.accountId);
    if (person?.idNumber) return { idNumber: person.idNumber };
  }
  if (kinds.includes('enterprise')) {
    const enterprise = creditCode
      ? await agentEnterpriseByCreditCode(ctx.db, ctx.secretKey, actor.accountId, creditCode)
      : (await enterprisesOfAgent(ctx.db, ctx.secretKey, actor.accountId))[0] ?? null;
    if (creditCode && !enterprise) throw new AppError('ENTERPRISE_NOT_AUTHORISED');
    if (enterprise) return { creditCode: enterprise.creditCode };
  }
  return null;
}

/**
 * The applicant consents to the listed registries: the consent is audited (stream
 * `consent:<account>`), then each registry is asked through the exchange for the item's department
 * with purpose prefill. Granted values fill their fields; refused or missing ones are listed.
 */
export async function fetchRegistryPrefill(ctx: Ctx, actor: Actor, itemCode: string, body: RegistryPrefillBody): Promise<RegistryPrefillResult> {
  if (!canApply(actor) || actor.kind !== 'person') throw new AppError('FORBIDDEN');
  const spec = await getApplicationSpec(ctx.db, itemCode);
  const offers = await registryPrefillOffers(ctx.db, spec);
  const chosen = body.registries.map((code) => offers.find((o) => o.registry === code));
  if (chosen.some((o) => !o)) throw new AppError('PREFILL_REGISTRY_NOT_OFFERED');
  const at = now();
  await tx(ctx.db, (t) => appendAudit(t, {
    stream: `consent:${actor.accountId}`, actorId: actor.accountId, action: 'prefill.consented', target: itemCode,
    change: {
      itemCode, itemVersion: spec.version, consumerDepartment: spec.departmentCode, at: at.toISOString(),
      registries: chosen.map((o) => ({ registry: o!.registry, fields: o!.fields.map((f) => f.registryField) })),
    },
  }));

  const result: RegistryPrefillResult = { values: {}, sources: {}, denied: [], consentedAt: at.toISOString() };
  for (const offer of chosen as RegistryPrefillOffer[]) {
    const provider = findRegistry(offer.registry)!;
    const subject = await subjectFor(ctx, actor, provider.subjectKinds ?? ['person', 'enterprise'], body.enterpriseCreditCode);
    if (!subject) {
      for (const f of offer.fields) result.denied.push({ field: f.field, registry: offer.registry, reason: 'not_found' });
      continue;
    }
    const answer = await exchangeQuery(ctx.db, {
      consumerDepartment: spec.departmentCode, purpose: { kind: 'prefill', itemCode: spec.code }, registry: offer.registry, subject,
      fields: [...new Set(offer.fields.map((f) => f.registryField))], actor: { accountId: actor.accountId, name: actor.name },
    });
    for (const f of offer.fields) {
      const value = answer.data?.[f.registryField];
      if (answer.granted.includes(f.registryField) && value !== undefined && value !== null && value !== '') {
        result.values[f.field] = value;
        result.sources[f.field] = { registry: offer.registry, registryName: offer.registryName, departmentName: offer.department.name };
      } else {
        result.denied.push({ field: f.field, registry: offer.registry, reason: answer.denied.includes(f.registryField) ? 'denied' : 'not_found' });
      }
    }
  }
  // what the registries filled is re-read and compared at submission (prefill-check.ts)
  const filled = Object.keys(result.values);
  if (filled.length) {
    await insertPrefill(ctx.db, {
      accountId: actor.accountId, itemCode: spec.code, fields: filled, at,
      enterpriseCreditCodeHash: body.enterpriseCreditCode ? creditCodeHash(ctx.secretKey, body.enterpriseCreditCode) : null,
    });
  }
  return result;
}
