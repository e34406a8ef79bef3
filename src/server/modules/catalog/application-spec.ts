// What the applications module needs of a published item version: its form, checklist, process
// definition, commitment terms and delivery modes, with defaults for versions that predate them.
// Versions are immutable, so specs are cached per (code, version, publication time).
import type { Audience, ItemDraft, Material } from '../../../contract/catalog.js';
import type { DeliveryMode } from '../../../contract/applications.js';
import type { Commitment, ItemForm, ProcessDefinition } from '../../../contract/forms.js';
import type { Executor } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import * as repo from './repo.js';

export interface ApplicationSpec {
  code: string;
  name: string;
  version: number;
  departmentCode: string;
  departmentName: string;
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

const descriptionField = {
  schema: { type: 'string', maxLength: 1000 },
  ui: { label: '申请事项说明', labelEn: 'About the application', widget: 'textarea' as const, placeholder: '简要说明申请的具体内容和原因（选填）' },
};

/** The form of an item that has none: who applies, how to reach them, and a free description. */
export function defaultForm(audience: Audience[]): ItemForm {
  if (audience.length === 1 && audience[0] === 'enterprise') {
    return {
      schema: {
        type: 'object',
        properties: {
          enterpriseName: { type: 'string', minLength: 1, maxLength: 200 },
          creditCode: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$' },
          agentName: { type: 'string', minLength: 1, maxLength: 50 },
          mobile: { type: 'string', pattern: '^1[3-9][0-9]{9}$' },
          description: descriptionField.schema,
        },
        required: ['enterpriseName', 'creditCode', 'agentName', 'mobile'],
      },
      ui: {
        sections: [
          { title: '申请单位', titleEn: 'Applicant enterprise', fields: ['enterpriseName', 'creditCode'] },
          { title: '经办人', titleEn: 'Agent', fields: ['agentName', 'mobile'] },
          { title: '申请内容', titleEn: 'Application', fields: ['description'] },
        ],
        fields: {
          enterpriseName: { label: '单位名称', labelEn: 'Enterprise name', prefill: 'enterprise.name' },
          creditCode: { label: '统一社会信用代码', labelEn: 'Unified social credit code', prefill: 'enterprise.creditCode' },
          agentName: { label: '经办人姓名', labelEn: 'Agent name', prefill: 'person.name' },
          mobile: { label: '联系电话', labelEn: 'Mobile', widget: 'mobile', prefill: 'person.mobile' },
          description: descriptionField.ui,
        },
      },
    };
  }
  return {
    schema: {
      type: 'object',
      properties: {
        applicantName: { type: 'string', minLength: 1, maxLength: 50 },
        mobile: { type: 'string', pattern: '^1[3-9][0-9]{9}$' },
        description: descriptionField.schema,
      },
      required: ['applicantName', 'mobile'],
    },
    ui: {
      sections: [
        { title: '申请人信息', titleEn: 'Applicant', fields: ['applicantName', 'mobile'] },
        { title: '申请内容', titleEn: 'Application', fields: ['description'] },
      ],
      fields: {
        applicantName: { label: '申请人姓名', labelEn: 'Applicant name', prefill: 'person.name' },
        mobile: { label: '联系电话', labelEn: 'Mobile', widget: 'mobile', prefill: 'person.mobile' },
        description: descriptionField.ui,
      },
    },
  };
}

/** One stage, all of it the item's own department's review, within the promise. */
export const defaultWorkflow = (d: Pick<ItemDraft, 'departmentCode' | 'promisedLimitDays'>): ProcessDefinition => ({
  stages: [{ name: '审查', rule: 'all', limitDays: d.promisedLimitDays, tasks: [{ departmentCode: d.departmentCode, name: '审查' }] }],
});

export const defaultDeliveryModes = (d: Pick<ItemDraft, 'delivery'>): DeliveryMode[] =>
  d.delivery ? ['elicence', 'window', 'post'] : ['elicence', 'window'];

export function toApplicationSpec(code: string, version: number, d: ItemDraft, departmentName: string): ApplicationSpec {
  return {
    code, name: d.name, version, departmentCode: d.departmentCode, departmentName,
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
  const stamp = await repo.findVersionStamp(db, code, version);
  if (!stamp) throw new AppError('ITEM_NOT_FOUND');
  const key = `${code}@${stamp.version}@${repo.iso(stamp.published_at)}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const v = await repo.findVersion(db, code, stamp.version);
  if (!v) throw new AppError('ITEM_NOT_FOUND');
  const names = await repo.findDepartmentNames(db, [v.data.departmentCode]);
  return remember(key, toApplicationSpec(code, v.version, v.data, names.get(v.data.departmentCode) ?? ''));
}
