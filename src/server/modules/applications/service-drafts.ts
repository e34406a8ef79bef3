// The apply page and drafts: the pinned item version's form and checklist with prefill from the
// applicant's verified profile or enterprise, and drafts saved per account and item.
import type { ApplyFormView, DraftBody, DraftView } from '../../../contract/applications.js';
import { isoTimestamp } from '../../db/client.js';
import type { Actor } from '../../platform/auth.js';
import { now } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { getApplicationSpec } from '../catalog/index.js';
import { applicantProfile, enterprisesOfAgent } from '../identity/index.js';
import { dueOf } from './clock.js';
import { clockOf, type Ctx } from './context.js';
import { prefillForm } from './prefill.js';
import { registryPrefillOffers } from './registry-prefill.js';
import * as drafts from './repo-drafts.js';

const toDraftView = (d: drafts.DraftRow, itemName: string): DraftView => ({
  itemCode: d.item_code, itemName, itemVersion: d.item_version, formData: d.form_data, materials: d.materials,
  delivery: d.delivery, updatedAt: isoTimestamp(d.updated_at),
});

export async function applyForm(ctx: Ctx, actor: Actor, itemCode: string, enterpriseCreditCode?: string): Promise<ApplyFormView> {
  const spec = await getApplicationSpec(ctx.db, itemCode);
  const [person, enterprises, draft, clock] = await Promise.all([
    applicantProfile(ctx.db, ctx.secretKey, actor.accountId), enterprisesOfAgent(ctx.db, ctx.secretKey, actor.accountId),
    drafts.findDraft(ctx.db, actor.accountId, itemCode), clockOf(ctx),
  ]);
  const enterprise = enterprises.find((e) => e.creditCode === enterpriseCreditCode)
    ?? (spec.audience.includes('person') ? null : enterprises[0] ?? null);
  const { prefill, locked } = prefillForm(spec.form, person?.kind === 'person' ? person : null, enterprise);
  const due = dueOf(clock.cal, clock.today, spec.promisedLimitDays, 0);
  return {
    item: {
      code: spec.code, name: spec.name, version: spec.version, department: { code: spec.departmentCode, name: spec.departmentName },
      projectType: spec.projectType, promisedLimitDays: spec.promisedLimitDays, audience: [...spec.audience],
    },
    form: spec.form, materials: [...spec.materials], commitment: spec.commitment, deliveryModes: [...spec.deliveryModes],
    prefill, locked, enterprises: enterprises.map((e) => ({ name: e.name, creditCode: e.creditCode })),
    draft: draft ? toDraftView(draft, spec.name) : null,
    estimatedDueOn: due.dueOn, estimatedDueProvisional: due.dueProvisional,
    registryPrefill: await registryPrefillOffers(ctx.db, spec),
  };
}

export async function saveDraft(ctx: Ctx, actor: Actor, itemCode: string, body: DraftBody): Promise<DraftView> {
  const spec = await getApplicationSpec(ctx.db, itemCode);
  const row = await drafts.upsertDraft(ctx.db, {
    accountId: actor.accountId, itemCode, itemVersion: spec.version, formData: body.formData, materials: body.materials,
    delivery: body.delivery ?? null, at: now(),
  });
  return toDraftView(row, spec.name);
}

export async function getDraft(ctx: Ctx, actor: Actor, itemCode: string): Promise<DraftView> {
  const row = await drafts.findDraft(ctx.db, actor.accountId, itemCode);
  if (!row) throw new AppError('DRAFT_NOT_FOUND');
  return toDraftView(row, (await getApplicationSpec(ctx.db, itemCode, row.item_version).catch(() => null))?.name ?? itemCode);
}

export async function listDrafts(ctx: Ctx, actor: Actor): Promise<DraftView[]> {
  const list = await drafts.listDrafts(ctx.db, actor.accountId);
  return Promise.all(list.map(async (d) => toDraftView(d, (await getApplicationSpec(ctx.db, d.item_code, d.item_version).catch(() => null))?.name ?? d.item_code)));
}

export async function deleteDraft(ctx: Ctx, actor: Actor, itemCode: string): Promise<void> {
  if (!(await drafts.deleteDraft(ctx.db, actor.accountId, itemCode))) throw new AppError('DRAFT_NOT_FOUND');
}
