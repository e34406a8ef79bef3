// Pure checks of a submission against the item version: materials (files, 免提交 or replaced by a
// signed commitment) and the delivery mode. Each returns field errors; empty means it may go in.
import type { Delivery, MaterialSubmission } from '../../../contract/applications.js';
import type { Material } from '../../../contract/catalog.js';
import type { ItemForm } from '../../../contract/forms.js';
import type { FieldError } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n.js';

const MESSAGES = {
  MATERIAL_REQUIRED: { zh: (n: string) => `请提供「${n}」`, en: (n: string) => `Provide "${n}"` },
  UNKNOWN_MATERIAL: { zh: () => '该事项没有这项材料', en: () => 'The item has no such material' },
  DUPLICATE_MATERIAL: { zh: () => '同一项材料只能提交一次', en: () => 'Each material may be listed once' },
  GOVERNMENT_HELD_NOT_ALLOWED: { zh: (n: string) => `「${n}」须由申请人提交，不能选择免提交`, en: (n: string) => `"${n}" must be provided by the applicant` },
  DELIVERY_MODE_NOT_OFFERED: { zh: () => '该事项不提供此送达方式', en: () => 'The item does not offer this delivery mode' },
  UNKNOWN_FIELD: { zh: () => '该事项的申请表没有这个字段', en: () => 'The item\'s form has no such field' },
  DELIVERY_DETAILS_REQUIRED: { zh: () => '邮寄送达须填写收件人、手机号和地址', en: () => 'Postal delivery needs a recipient, a mobile number and an address' },
} as const;
type Code = keyof typeof MESSAGES;

const error = (path: string, code: Code, lang: Lang, name = ''): FieldError => ({ path, code, message: MESSAGES[code][lang](name) });

export interface MaterialCheckInput {
  materials: readonly Material[];
  submitted: MaterialSubmission[];
  /** material indexes a signed commitment replaces */
  replaced: readonly number[];
}

export function checkMaterials({ materials, submitted, replaced }: MaterialCheckInput, lang: Lang): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<number>();
  submitted.forEach((m, i) => {
    const material = materials[m.index];
    if (!material) return errors.push(error(`materials.${i}.index`, 'UNKNOWN_MATERIAL', lang));
    if (seen.has(m.index)) return errors.push(error(`materials.${i}.index`, 'DUPLICATE_MATERIAL', lang));
    seen.add(m.index);
    if (m.governmentHeld && !material.governmentHeld) errors.push(error(`materials.${i}.governmentHeld`, 'GOVERNMENT_HELD_NOT_ALLOWED', lang, material.name));
  });
  materials.forEach((material, index) => {
    if (!material.required || replaced.includes(index)) return;
    const given = submitted.find((m) => m.index === index);
    const held = !!given?.governmentHeld && material.governmentHeld;
    if (!given || (given.fileIds.length === 0 && !held)) errors.push(error(`materials.${index}`, 'MATERIAL_REQUIRED', lang, material.name));
  });
  return errors;
}

export function checkDelivery(delivery: Delivery, offered: readonly string[], lang: Lang): FieldError[] {
  if (!offered.includes(delivery.mode)) return [error('delivery.mode', 'DELIVERY_MODE_NOT_OFFERED', lang)];
  if (delivery.mode === 'post' && (!delivery.recipient || !delivery.mobile || !delivery.address)) {
    return [error('delivery', 'DELIVERY_DETAILS_REQUIRED', lang)];
  }
  return [];
}

/** A return for 补正 may ask only for materials and form fields the pinned item version has. */
export function checkSupplementRequest(ask: { materials?: number[]; fields?: string[] }, item: { materials: readonly Material[]; form: ItemForm }, lang: Lang): FieldError[] {
  const fields = new Set(Object.keys((item.form.schema.properties ?? {}) as Record<string, unknown>));
  return [
    ...(ask.materials ?? []).flatMap((index, i) => (item.materials[index] ? [] : [error(`materials.${i}`, 'UNKNOWN_MATERIAL', lang)])),
    ...(ask.fields ?? []).flatMap((field, i) => (fields.has(field) ? [] : [error(`fields.${i}`, 'UNKNOWN_FIELD', lang)])),
  ];
}
