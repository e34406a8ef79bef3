// Registry-prefilled values checked again at submission (ADR 0013). The apply page locks what a
// registry filled after consent, but a client can send anything: so each such field is re-read
// through the exchange (logged like any other read) and a value that differs refuses the submission.
// It never writes: the caller records the returned timeline rows with the case.
import type { ApplicationBody } from '../../../contract/applications.js';
import type { Actor } from '../../platform/auth.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n.js';
import type { ApplicationSpec } from '../catalog/index.js';
import { exchangeQuery, findRegistry } from '../exchange/index.js';
import { creditCodeHash } from '../identity/index.js';
import type { Ctx, EventInput } from './context.js';
import './errors-exchange.js';
import { subjectFor } from './registry-prefill.js';
import { prefilledSinceLastSubmission } from './repo-prefills.js';

/** Why a prefilled value could not be confirmed at submission: the reviewer checks it by hand. */
export type UncheckedReason = 'unavailable' | 'denied' | 'not_found';

interface Prefilled { field: string; label: string; labelEn: string; registry: string; registryField: string }

/** The same value as the registry's, as a form holds it: text, a number, a date, a list of choices. */
const canonical = (v: unknown): string =>
  v === undefined || v === null ? '' : Array.isArray(v) ? v.map(canonical).join('\u0000') : String(v).trim();

/** A field as the timeline names it, in both languages (texts are rendered at read time). */
const named = (p: Prefilled, registry: { name: string; nameEn?: string }) =>
  ({ field: p.field, label: p.label, labelEn: p.labelEn, registryName: registry.name, registryNameEn: registry.nameEn ?? registry.name });

function mismatchError(list: { p: Prefilled; registryName: string }[], lang: Lang): AppError {
  const zh = list.map(({ p }) => p.label).join('、');
  const en = list.map(({ p }) => p.labelEn).join(', ');
  const errors: FieldError[] = list.map(({ p, registryName }) => ({
    path: `formData.${p.field}`, code: 'PREFILLED_VALUE_MISMATCH',
    message: lang === 'en' ? `${p.labelEn} differs from the record of ${registryName}` : `${p.label}与${registryName}的记录不一致`,
  }));
  return new AppError('PREFILLED_VALUE_MISMATCH', {
    zh: `以下信息与登记机关的记录不一致：${zh}。请使用登记信息，如登记信息有误请先向登记机关申请更正。`,
    en: `These values differ from the registries' records: ${en}. Use the registered values, or have the registry correct its record first.`,
  }, errors);
}

/**
 * For the fields a registry filled for this application after the applicant's consent, compare the
 * submitted value with what the registry holds now, read through the exchange for the item's
 * department with purpose prefill. A difference refuses the submission (422
 * PREFILLED_VALUE_MISMATCH naming each field) before anything is written. A registry that cannot
 * answer now (unavailable, the grant withdrawn, no record) does not block it: the value stands as
 * filed and the returned timeline row marks it unchecked for the reviewer. Returns the case's
 * timeline rows: the fields confirmed and the fields left unchecked. Clerks' submissions at the
 * counter and items without registry fields ask nothing.
 */
export async function checkRegistryPrefilled(ctx: Ctx, actor: Actor, spec: ApplicationSpec, formData: Record<string, unknown>,
  body: Pick<ApplicationBody, 'enterpriseCreditCode' | 'onBehalfOf'>, lang: Lang): Promise<EventInput[]> {
  const candidates: Prefilled[] = [];
  for (const [field, ui] of Object.entries(spec.form.ui.fields)) {
    const source = ui.registryPrefill;
    if (source && findRegistry(source.registry)) candidates.push({ field, label: ui.label, labelEn: ui.labelEn ?? ui.label, registry: source.registry, registryField: source.field });
  }
  if (!candidates.length || actor.kind !== 'person' || body.onBehalfOf) return [];
  const enterpriseHash = body.enterpriseCreditCode ? creditCodeHash(ctx.secretKey, body.enterpriseCreditCode) : null;
  const filled = new Set(await prefilledSinceLastSubmission(ctx.db, actor.accountId, spec.code, enterpriseHash));
  // a field left empty asserts nothing (a hidden conditional field, an optional one cleared)
  const wanted = candidates.filter((p) => filled.has(p.field) && canonical(formData[p.field]) !== '');
  if (!wanted.length) return [];

  const confirmed: ReturnType<typeof named>[] = [];
  const unchecked: (ReturnType<typeof named> & { reason: UncheckedReason })[] = [];
  const mismatched: { p: Prefilled; registryName: string }[] = [];
  for (const registry of [...new Set(wanted.map((p) => p.registry))]) {
    const provider = findRegistry(registry)!;
    const registryName = lang === 'en' ? provider.nameEn ?? provider.name : provider.name;
    const fields = wanted.filter((p) => p.registry === registry);
    const subject = await subjectFor(ctx, actor, provider.subjectKinds ?? ['person', 'enterprise'], body.enterpriseCreditCode);
    let answer: Awaited<ReturnType<typeof exchangeQuery>> | null = null;
    let reason: UncheckedReason | null = subject ? null : 'not_found';
    if (subject) {
      try {
        answer = await exchangeQuery(ctx.db, {
          consumerDepartment: spec.departmentCode, purpose: { kind: 'prefill', itemCode: spec.code }, registry, subject,
          fields: [...new Set(fields.map((p) => p.registryField))], actor: { accountId: actor.accountId, name: actor.name },
        });
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'EXCHANGE_REGISTRY_UNAVAILABLE')) throw error;
        reason = 'unavailable';
      }
    }
    for (const p of fields) {
      const held = answer?.data?.[p.registryField];
      const why: UncheckedReason | null = reason
        ?? (answer!.denied.includes(p.registryField) ? 'denied' : held === undefined || held === null || held === '' ? 'not_found' : null);
      if (why) unchecked.push({ ...named(p, provider), reason: why });
      else if (canonical(held) === canonical(formData[p.field])) confirmed.push(named(p, provider));
      else mismatched.push({ p, registryName });
    }
  }
  if (mismatched.length) throw mismatchError(mismatched, lang);
  const events: EventInput[] = [];
  if (confirmed.length) events.push({ action: 'prefill_verified', data: { fields: confirmed } });
  if (unchecked.length) events.push({ action: 'prefill_unverified', data: { fields: unchecked } });
  return events;
}
