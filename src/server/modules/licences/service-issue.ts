// Issuing: the approval hook turns an approved case of a licence-issuing item into a signed licence,
// in the case's concluding transaction, with its audit entry, usage-log row and the holder's notice.
import type { Executor } from '../../db/client.js';
import { appendAudit } from '../../platform/audit.js';
import { now } from '../../platform/clock.js';
import { validateCreditCode } from '../../platform/ids.js';
import type { ApprovalHook } from '../applications/index.js';
import { calendarToday } from '../calendar/index.js';
import type { ItemForm } from '../../../contract/forms.js';
import { departmentIssuer, getApplicationSpec } from '../catalog/index.js';
import { applicantProfile, enterprisesOfAgent } from '../identity/index.js';
import { queueNotice } from '../notifications/index.js';
import { buildIdentifier } from './identifier.js';
import { cipherFor } from '../../platform/crypto.js';
import { signingKey } from './keys.js';
import { signedRecord, signRecord } from './record.js';
import * as repo from './repo.js';
import { licenceTypeOfItem, type LicenceType } from './types.js';
import { CODE_TYPES } from './views.js';

type CaseRow = Parameters<ApprovalHook>[1];
export interface Holder { accountId: string; name: string; code: string; codeType: string }

const text = (v: unknown): string | null => {
  if (v === undefined || v === null || v === '') return null;
  return Array.isArray(v) ? v.map(String).join('、') : String(v);
};

async function holderOf(t: Executor, secretKey: string, c: CaseRow, type: LicenceType): Promise<Holder> {
  const form = c.form_data;
  if (type.holder === 'enterprise') {
    const code = typeof form.creditCode === 'string' ? form.creditCode : null;
    const name = typeof form.enterpriseName === 'string' ? form.enterpriseName : c.enterprise_name;
    if (code && name && validateCreditCode(code).ok) return { accountId: c.applicant_account_id, name, code, codeType: CODE_TYPES.enterprise };
    const mine = (await enterprisesOfAgent(t, secretKey, c.applicant_account_id)).find((e) => e.name === c.enterprise_name);
    if (mine) return { accountId: c.applicant_account_id, name: mine.name, code: mine.creditCode, codeType: CODE_TYPES.enterprise };
  }
  const person = await applicantProfile(t, secretKey, c.applicant_account_id);
  if (!person?.idNumber) throw new Error(`case ${c.case_no}: the applicant has no ID number to hold a licence`);
  return { accountId: person.accountId, name: person.name, code: person.idNumber, codeType: CODE_TYPES.person };
}

/** A form value as the licence face shows it: a choice by its label (女, not F), in the form's own words. */
export function shown(form: ItemForm, field: string, value: unknown): unknown {
  const property = (form.schema.properties as Record<string, { enum?: unknown[]; items?: { enum?: unknown[] } }> | undefined)?.[field];
  const choices = property?.enum ?? property?.items?.enum;
  const labels = form.ui.fields[field]?.enumLabels;
  if (!choices || !labels) return value;
  const label = (v: unknown) => labels[choices.indexOf(v)] ?? v;
  return Array.isArray(value) ? value.map(label) : label(value);
}

function fieldsOf(c: CaseRow, form: ItemForm, type: LicenceType, holder: Holder): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of type.fields) {
    const v = f.from === 'applicant.name' ? holder.name : text(shown(form, f.from, c.form_data[f.from]));
    if (v !== null) out[f.name] = v;
  }
  return out;
}

const addYears = (date: string, years: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

export interface LicenceDraft {
  type: LicenceType; holder: Holder; departmentCode: string; item: { code: string; name: string }; caseNo: string;
  fields: Record<string, string>; serial?: string; version?: number; issuedOn?: string; validFrom?: string; validTo?: string | null;
}

/** Sign and store a licence (a new one, or the next version of a serial); returns its id. */
export async function writeLicence(t: Executor, secretKey: string, d: LicenceDraft, actorId: string): Promise<string> {
  const issuer = await departmentIssuer(t, d.departmentCode);
  if (!issuer) throw new Error(`unknown issuing department ${d.departmentCode}`);
  const at = now();
  const issuedOn = calendarToday();
  const serial = d.serial ?? `${issuedOn.slice(0, 4)}${String(await repo.nextSerial(t)).padStart(7, '0')}`;
  const version = d.version ?? 1;
  const validFrom = d.validFrom ?? issuedOn;
  const validTo = d.validTo !== undefined ? d.validTo : d.type.validYears === null ? null : addYears(validFrom, d.type.validYears);
  const key = await signingKey(t, secretKey, d.departmentCode);
  const cipher = cipherFor(secretKey);
  const row: repo.NewLicence = {
    identifier: buildIdentifier({ typeCode: d.type.typeCode, issuerCode: issuer.creditCode, serial, version }),
    licence_no: `${issuer.regionCode}${d.type.typeCode.slice(-3)}${serial}`, type_key: d.type.key, type_code: d.type.typeCode, serial, version,
    holder_account_id: d.holder.accountId, holder_name: d.holder.name, holder_code_enc: cipher.encrypt(d.holder.code),
    holder_code_hash: cipher.lookupHash(`licence-holder:${d.holder.codeType}`, d.holder.code), holder_code_type: d.holder.codeType,
    issuer_department: d.departmentCode, issuer_name: issuer.name, issuer_code: issuer.creditCode, region_code: issuer.regionCode,
    item_code: d.item.code, item_name: d.item.name, case_no: d.caseNo, issued_on: issuedOn, valid_from: validFrom, valid_to: validTo,
    fields: d.fields, signature: '', key_id: key.id, issued_at: at,
  };
  row.signature = signRecord(signedRecord(row, d.holder.code), key.pair);
  const id = await repo.insertLicence(t, row);
  await repo.insertUse(t, id, 'issued', { caseNo: d.caseNo, version }, at);
  await appendAudit(t, {
    stream: `licence:${id}`, actorId, action: version === 1 ? 'licence.issued' : 'licence.reissued', target: row.identifier,
    change: { identifier: row.identifier, keyId: key.id, signature: row.signature }, regionCode: issuer.regionCode,
  });
  const name = d.type.name;
  await queueNotice(t, {
    accountId: d.holder.accountId, kind: version === 1 ? 'licence.issued' : 'licence.reissued', link: '/me/licences',
    title: { zh: `您的${name}已签发`, en: `Your ${d.type.nameEn} has been issued` },
    body: { zh: `${issuer.name}已签发${name}（第${version}版），可在“我的证照”中查看、下载和亮证。`, en: `${issuer.name} issued your ${d.type.nameEn} (version ${version}). Find it in your wallet.` },
  });
  return id;
}

/** The approval hook: issue the licence of an approved case whose item issues one. */
export function licenceApprovalHook(secretKey: string): ApprovalHook {
  return async (t, c) => {
    const type = licenceTypeOfItem(c.item_code);
    if (!type) return;
    const holder = await holderOf(t, secretKey, c, type);
    const { form } = await getApplicationSpec(t, c.item_code, c.item_version);
    await writeLicence(t, secretKey, {
      type, holder, departmentCode: c.department_code, item: { code: c.item_code, name: c.item_name }, caseNo: c.case_no, fields: fieldsOf(c, form, type, holder),
    }, 'system');
  };
}
