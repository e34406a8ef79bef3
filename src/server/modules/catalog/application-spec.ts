// What the applications module needs of a published item version: its form, checklist, process
// definition, commitment terms and delivery modes, with defaults for versions that predate them.
// Versions are immutable, so specs are cached per (code, version, publication time); which version
// is current is kept too, while the database announces every change of it (ADR 0015).
import type { Audience, ItemDraft, Material } from '../../../contract/catalog.js';
import type { DeliveryMode } from '../../../contract/applications.js';
import { defaultForm } from '../../../contract/default-forms.js';
import type { Commitment, ItemForm, ProcessDefinition } from '../../../contract/forms.js';
import type { Database, Executor } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { invalidatedCache } from '../../platform/invalidation.js';
import * as repo from './repo.js';

export interface ApplicationSpec {
  code: string;
  name: string;
  version: number;
  departmentCode: string;
  departmentName: string;
  /** the competent department's region (GB/T 2260): the region a case is filed and numbered under */
  regionCode: string;
  audience: Audience[];
  projectType: ItemDraft['projectType'];
  promisedLimitDays: number;
  legalLimitDays: number;
  handleArea: ItemDraft['handleArea'];
  materials: Material[];
  form: ItemForm;
  workflow: ProcessDefinition;
  commitment: Commitment | null;
  deliveryModes: DeliveryMode[];
}

/** One stage, all of it the item's own department's review, within the promise. */
export const defaultWorkflow = (d: Pick<ItemDraft, 'departmentCode' | 'promisedLimitDays'>): ProcessDefinition => ({
  stages: [{ name: '审查', rule: 'all', limitDays: d.promisedLimitDays, tasks: [{ departmentCode: d.departmentCode, name: '审查' }] }],
});

export const defaultDeliveryModes = (d: Pick<ItemDraft, 'delivery'>): DeliveryMode[] =>
  d.delivery ? ['elicence', 'window', 'post'] : ['elicence', 'window'];

export function toApplicationSpec(code: string, version: number, d: ItemDraft, department: { name: string; regionCode: string }): ApplicationSpec {
  return {
    code, name: d.name, version, departmentCode: d.departmentCode, departmentName: department.name, regionCode: department.regionCode,
    audience: d.audience, projectType: d.projectType, promisedLimitDays: d.promisedLimitDays, legalLimitDays: d.legalLimitDays,
    handleArea: d.handleArea, materials: d.materials,
    form: d.form ?? defaultForm(d.audience),
    workflow: d.workflow ?? defaultWorkflow(d),
    commitment: d.commitment ?? null,
    deliveryModes: d.deliveryModes ?? defaultDeliveryModes(d),
  };
}

const MAX_CACHED = 2000;
const cache = new Map<string, Readonly<ApplicationSpec>>();

function remember(key: string, spec: ApplicationSpec): ApplicationSpec {
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, Object.freeze(spec));
  return spec;
}

/**
 * A published version's application spec: the current version unless one is named. An unknown item,
 * one never published, or a version it does not have is ITEM_NOT_FOUND. The result is shared and
 * frozen at the top: do not modify it.
 */
export async function getApplicationSpec(db: Executor, code: string, version?: number): Promise<ApplicationSpec> {
  const stamp = version === undefined ? await currentStamp(db, code) : await repo.findVersionStamp(db, code, version);
  if (!stamp) throw new AppError('ITEM_NOT_FOUND');
  const key = `${code}@${stamp.version}@${repo.iso(stamp.published_at)}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const v = await repo.findVersion(db, code, stamp.version);
  if (!v) throw new AppError('ITEM_NOT_FOUND');
  const department = await repo.findDepartmentIssuer(db, v.data.departmentCode);
  return remember(key, toApplicationSpec(code, v.version, v.data, { name: department?.name ?? '', regionCode: department?.region_code ?? '' }));
}

type Stamp = { version: number; published_at: Date | string };

/** Each item's current version, kept while the database announces every change to it (ADR 0015). */
const currentVersions = invalidatedCache<Stamp>('item', MAX_CACHED);

const currentStamp = (db: Executor, code: string) => currentVersions.get(db, code, () => repo.findVersionStamp(db, code, undefined));

/** Keep items' current versions in memory for this database until the returned stop; a publication anywhere drops its item's. */
export const cacheCurrentVersions = (db: Database) => currentVersions.start(db);
