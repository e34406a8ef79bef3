// The issuing department's register (证照管理): its staff search the licences it issued, read one with
// its versions and status history, and see the department's signing keys. Another department's
// licence is reported as not found; a department the caller does not manage is forbidden.
import { createHash } from 'node:crypto';
import { isoTimestamp, type Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth.js';
import { AppError } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n.js';
import { validateCreditCode, validateIdNumber } from '../../platform/ids.js';
import type { DepartmentKeys, RegisterAction, RegisterEntry, RegisterPage, RegisterQuery } from '../../../contract/licence-register.js';
import { calendarToday } from '../calendar/index.js';
import { departmentIssuer } from '../catalog/index.js';
import { cipherFor } from '../../platform/crypto.js';
import { canManageLicence, canRotateKeys, licenceDepartments } from './policy.js';
import * as repo from './repo.js';
import { LICENCE_TYPES, licenceType } from './types.js';
import { CODE_TYPES, toSummary, toView } from './views.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The departments a register request covers: the one asked for, or all the caller manages. */
function departmentsOf(actor: Actor, department?: string): string[] {
  const mine = licenceDepartments(actor);
  if (!mine.length || (department && !mine.includes(department))) throw new AppError('FORBIDDEN');
  return department ? [department] : mine;
}

/** Keyed hashes the query would have if it were a holder's ID number or credit code. */
function holderCodeHashes(secretKey: string, q: string): string[] {
  const code = q.toUpperCase();
  const cipher = cipherFor(secretKey);
  const hashes: string[] = [];
  if (validateIdNumber(code).ok) hashes.push(cipher.lookupHash(`licence-holder:${CODE_TYPES.person}`, code));
  if (validateCreditCode(code).ok) hashes.push(cipher.lookupHash(`licence-holder:${CODE_TYPES.enterprise}`, code));
  return hashes;
}

export async function searchRegister(db: Executor, secretKey: string, actor: Actor, query: RegisterQuery, lang: Lang): Promise<RegisterPage> {
  const departments = departmentsOf(actor, query.department);
  if (query.type && !licenceType(query.type)) {
    throw new AppError('LICENCE_TYPE_UNKNOWN', undefined, [{ path: '/type', code: 'LICENCE_TYPE_UNKNOWN', message: query.type }]);
  }
  const today = calendarToday();
  const q = query.q?.trim() || undefined;
  const filter: repo.RegisterFilter = { departments, today, type: query.type, status: query.status, q, codeHashes: q ? holderCodeHashes(secretKey, q) : [] };
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const [items, total] = await Promise.all([repo.searchRegister(db, filter, pageSize, (page - 1) * pageSize), repo.countRegister(db, filter)]);
  const cipher = cipherFor(secretKey);
  const types = LICENCE_TYPES.filter((t) => departments.includes(t.issuer) || t.key === query.type);
  return {
    total, page, pageSize, items: items.map((l) => toSummary(l, cipher, lang, today)),
    types: (types.length ? types : LICENCE_TYPES).map((t) => ({ key: t.key, name: lang === 'en' ? t.nameEn : t.name })),
  };
}

/** One licence of the caller's departments; any other is reported as not found. */
async function managed(db: Executor, actor: Actor, id: string): Promise<repo.LicenceRow> {
  const l = UUID.test(id) ? await repo.findLicence(db, id) : undefined;
  if (!l || !licenceDepartments(actor).includes(l.issuer_department)) throw new AppError('LICENCE_NOT_FOUND');
  return l;
}

export async function registerEntry(db: Executor, secretKey: string, actor: Actor, id: string, lang: Lang, origin: string): Promise<RegisterEntry> {
  const l = await managed(db, actor, id);
  const [versions, events] = await Promise.all([repo.listVersions(db, l.serial), repo.listStatusEvents(db, l.serial)]);
  const actions: RegisterAction[] = l.status === 'valid' && canManageLicence(actor, l) ? ['revoke', 'replace'] : [];
  const type = licenceType(l.type_key);
  return {
    licence: toView(l, cipherFor(secretKey), lang, calendarToday(), origin),
    versions: versions.map((v) => ({ id: v.id, identifier: v.identifier, version: v.version, status: v.status, issuedAt: isoTimestamp(v.issued_at) })),
    history: events.map((e) => ({
      kind: e.kind, at: isoTimestamp(e.at), version: e.version, licenceId: e.licence_id,
      reason: typeof e.detail.reason === 'string' ? e.detail.reason : null,
    })),
    actions,
    editableFields: (type?.fields ?? []).map((f) => ({
      name: f.name, label: lang === 'en' ? f.labelEn : f.label, value: l.fields[f.name] ?? null, locked: f.from === 'applicant.name',
    })),
  };
}

const fingerprint = (publicKey: string) => createHash('sha256').update(publicKey).digest('hex').slice(0, 32);

/** The department's signing keys, active and retired, with what the caller may do. */
export async function departmentKeys(db: Executor, actor: Actor, departmentCode: string): Promise<DepartmentKeys> {
  departmentsOf(actor, departmentCode);
  const [keys, issuer] = await Promise.all([repo.listDepartmentKeys(db, departmentCode), departmentIssuer(db, departmentCode)]);
  return {
    departmentCode, issuerName: issuer?.name ?? departmentCode, algorithm: 'SM2-SM3',
    keys: keys.map((k) => ({
      keyId: k.id, status: k.status, publicKey: k.public_key, fingerprint: fingerprint(k.public_key),
      createdAt: isoTimestamp(k.created_at), retiredAt: k.retired_at ? isoTimestamp(k.retired_at) : null, licences: Number(k.licences),
    })),
    actions: canRotateKeys(actor, departmentCode) ? ['rotate'] : [],
  };
}
