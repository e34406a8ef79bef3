// Licence rows → API views; the holder code is shown masked, the fields labelled in the caller's language.
import type { Lang } from '../../platform/i18n.js';
import { maskIdNumber } from '../../../contract/mask.js';
import type { LicenceSummary, LicenceView, LicenceField as FieldView } from '../../../contract/licences.js';
import type { FieldCipher } from '../../platform/crypto.js';
import type { LicenceRow } from './repo.js';
import { licenceType } from './types.js';

export const CODE_TYPES = { person: '111', enterprise: '001' } as const;

export const isExpired = (l: Pick<LicenceRow, 'valid_to'>, today: string) => !!l.valid_to && l.valid_to < today;

export const typeName = (l: Pick<LicenceRow, 'type_key'>, lang: Lang) => {
  const t = licenceType(l.type_key);
  return t ? (lang === 'en' ? t.nameEn : t.name) : l.type_key;
};

/** Credit codes are public (公示); ID numbers are masked. */
export const maskHolderCode = (code: string, codeType: string) => (codeType === CODE_TYPES.person ? maskIdNumber(code) : code);

export function fieldViews(l: Pick<LicenceRow, 'type_key' | 'fields'>, lang: Lang, only?: string[]): FieldView[] {
  const t = licenceType(l.type_key);
  const list = t?.fields ?? Object.keys(l.fields).map((name) => ({ name, label: name, labelEn: name }));
  return list
    .filter((f) => !only || only.includes(f.name))
    .map((f) => ({ name: f.name, label: lang === 'en' ? f.labelEn : f.label, value: l.fields[f.name] ?? null }));
}

export function toSummary(l: LicenceRow, cipher: FieldCipher, lang: Lang, today: string): LicenceSummary {
  return {
    id: l.id, identifier: l.identifier, licenceNo: l.licence_no, typeKey: l.type_key, typeName: typeName(l, lang), typeCode: l.type_code,
    version: l.version, holderName: l.holder_name, holderCode: maskHolderCode(cipher.decrypt(l.holder_code_enc), l.holder_code_type),
    holderCodeType: l.holder_code_type, issuer: { name: l.issuer_name, code: l.issuer_code, departmentCode: l.issuer_department },
    issuedOn: l.issued_on, validFrom: l.valid_from, validTo: l.valid_to, status: l.status, expired: isExpired(l, today),
    fields: fieldViews(l, lang),
  };
}

export function toView(l: LicenceRow, cipher: FieldCipher, lang: Lang, today: string, origin: string): LicenceView {
  return {
    ...toSummary(l, cipher, lang, today), item: { code: l.item_code, name: l.item_name }, caseNo: l.case_no, regionCode: l.region_code,
    fields: fieldViews(l, lang), statusReason: l.status_reason, replacedBy: l.replaced_by,
    signature: { algorithm: 'SM2-SM3', keyId: l.key_id, value: l.signature }, verifyUrl: verifyUrl(origin, l.id),
  };
}

export const verifyUrl = (origin: string, id: string) => `${origin}/verify/${id}`;
