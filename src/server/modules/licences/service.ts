// The wallet (卡包), verification, revocation and replacement, and the usage log. Every state change
// runs in one transaction with its audit entry on the licence's stream and its notice.
import QRCode from 'qrcode';
import { isoTimestamp, tx, type Executor } from '../../db/client.js';
import { appendAudit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth.js';
import { now } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n.js';
import { maskName } from '../../../contract/mask.js';
import type { LicenceList, LicenceUses, LicenceView, Verdict, Verification } from '../../../contract/licences.js';
import { calendarToday } from '../calendar/index.js';
import { enterprisesOfAgent } from '../identity/index.js';
import { queueNotice } from '../notifications/index.js';
import { cipherFor } from '../../platform/crypto.js';
import { publicKeyOf } from './keys.js';
import { canManageLicence, isHolder, isLicenceStaff } from './policy.js';
import { signedRecord, verifyRecord } from './record.js';
import * as repo from './repo.js';
import { writeLicence } from './service-issue.js';
import { flushVerifications, logVerification } from './verification-log.js';
import { licenceType } from './types.js';
import { CODE_TYPES, isExpired, toSummary, toView, typeName } from './views.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findByIdOrIdentifier(db: Executor, idOrIdentifier: string) {
  return UUID.test(idOrIdentifier) ? repo.findLicence(db, idOrIdentifier) : repo.findLicenceByIdentifier(db, idOrIdentifier);
}

/** Holder-code hashes of the enterprises the person acts for now, as an enterprise's licences carry them. */
async function enterpriseHolderHashes(db: Executor, secretKey: string, actor: Actor): Promise<string[]> {
  if (actor.kind !== 'person') return [];
  const cipher = cipherFor(secretKey);
  return (await enterprisesOfAgent(db, secretKey, actor.accountId)).map((e) => cipher.lookupHash(`licence-holder:${CODE_TYPES.enterprise}`, e.creditCode));
}

/** The holder's own licence, or an enterprise's the caller acts for; anyone else's is reported as not found. */
export async function mine(db: Executor, actor: Actor, id: string, secretKey?: string): Promise<repo.LicenceRow> {
  const l = UUID.test(id) ? await repo.findLicence(db, id) : undefined;
  const agentOf = l && secretKey && l.holder_code_type === CODE_TYPES.enterprise && !isHolder(actor, l) ? await enterpriseHolderHashes(db, secretKey, actor) : [];
  if (!l || !isHolder(actor, l, agentOf)) throw new AppError('LICENCE_NOT_FOUND');
  return l;
}

/** 我的证照: the caller's licences and those of the enterprises they act for. */
export async function list(db: Executor, secretKey: string, actor: Actor, lang: Lang): Promise<LicenceList> {
  const today = calendarToday();
  const held = await repo.listWallet(db, actor.accountId, CODE_TYPES.enterprise, await enterpriseHolderHashes(db, secretKey, actor));
  return { items: held.map((l) => toSummary(l, cipherFor(secretKey), lang, today)) };
}

export async function get(db: Executor, secretKey: string, actor: Actor, id: string, lang: Lang, origin: string): Promise<LicenceView> {
  return toView(await mine(db, actor, id, secretKey), cipherFor(secretKey), lang, calendarToday(), origin);
}

/** Signature check of the stored record against the published key of its key id. */
export async function signatureHolds(db: Executor, secretKey: string, l: repo.LicenceRow, options: { memo?: boolean } = {}): Promise<boolean> {
  const publicKey = await publicKeyOf(db, l.key_id);
  if (!publicKey) return false;
  let holderCode: string;
  try {
    holderCode = cipherFor(secretKey).decrypt(l.holder_code_enc);
  } catch {
    return false;
  }
  return verifyRecord(signedRecord(l, holderCode), l.signature, publicKey, options);
}

export async function verdictOf(db: Executor, secretKey: string, l: repo.LicenceRow): Promise<Verdict> {
  if (!(await signatureHolds(db, secretKey, l))) return 'tampered';
  if (l.status !== 'valid') return l.status;
  return isExpired(l, calendarToday()) ? 'expired' : 'authentic';
}

/** Public verification by id or identifier; the holder's name is masked; each check is logged for the holder. */
export async function verify(db: Executor, secretKey: string, idOrIdentifier: string, lang: Lang): Promise<Verification> {
  const l = await findByIdOrIdentifier(db, idOrIdentifier);
  if (!l) throw new AppError('LICENCE_NOT_FOUND');
  const verdict = await verdictOf(db, secretKey, l);
  const at = now();
  logVerification(db, l.id, { verdict }, at);
  return {
    verdict, identifier: l.identifier, typeName: typeName(l, lang), licenceNo: l.licence_no, holderName: maskName(l.holder_name),
    issuerName: l.issuer_name, issuedOn: l.issued_on, validFrom: l.valid_from, validTo: l.valid_to, keyId: l.key_id,
    statusReason: l.status_reason, checkedAt: at.toISOString(),
  };
}

async function lockManaged(t: Executor, actor: Actor, id: string): Promise<repo.LicenceRow> {
  const l = UUID.test(id) ? await repo.lockLicence(t, id) : undefined;
  // another department's licence is not there for its staff (as in the register); others lack the role
  if (!l || (isLicenceStaff(actor) && !canManageLicence(actor, l))) throw new AppError('LICENCE_NOT_FOUND');
  if (!canManageLicence(actor, l)) throw new AppError('FORBIDDEN');
  if (l.status !== 'valid') throw new AppError('LICENCE_NOT_VALID');
  return l;
}

export async function revoke(db: Executor, secretKey: string, actor: Actor, id: string, reason: string, lang: Lang, origin: string): Promise<LicenceView> {
  return tx(db, async (t) => {
    const l = await lockManaged(t, actor, id);
    const at = now();
    await repo.setStatus(t, l.id, { status: 'revoked', reason, at });
    await repo.insertUse(t, l.id, 'revoked', { reason }, at);
    await appendAudit(t, { stream: `licence:${l.id}`, actorId: actor.accountId, action: 'licence.revoked', target: l.identifier, change: { reason }, regionCode: l.region_code });
    const type = licenceType(l.type_key);
    await queueNotice(t, {
      accountId: l.holder_account_id, kind: 'licence.revoked', link: '/me/licences',
      title: { zh: `您的${type?.name ?? '电子证照'}已注销`, en: `Your ${type?.nameEn ?? 'licence'} has been revoked` },
      body: { zh: `${l.issuer_name}注销了证照 ${l.licence_no}，原因：${reason}`, en: `${l.issuer_name} revoked licence ${l.licence_no}. Reason: ${reason}` },
    });
    return toView((await repo.findLicence(t, l.id))!, cipherFor(secretKey), lang, calendarToday(), origin);
  });
}

/** Replace (换发): a new version of the same serial with the changed fields; the old one is marked replaced. */
export async function replace(db: Executor, secretKey: string, actor: Actor, id: string, body: { reason: string; fields?: Record<string, string> }, lang: Lang, origin: string): Promise<LicenceView> {
  return tx(db, async (t) => {
    const l = await lockManaged(t, actor, id);
    const type = licenceType(l.type_key)!;
    const known = new Set(type.fields.map((f) => f.name));
    const unknown = Object.keys(body.fields ?? {}).filter((k) => !known.has(k));
    if (unknown.length) throw new AppError('LICENCE_FIELD_UNKNOWN', undefined, unknown.map((k) => ({ path: `/fields/${k}`, code: 'LICENCE_FIELD_UNKNOWN', message: k })));
    // a field taken from the holder's identity changes with the identity, never by a replacement
    const locked = type.fields.filter((f) => f.from === 'applicant.name' && body.fields?.[f.name] !== undefined && body.fields[f.name] !== l.fields[f.name]);
    if (locked.length) throw new AppError('LICENCE_FIELD_LOCKED', undefined, locked.map((f) => ({ path: `/fields/${f.name}`, code: 'LICENCE_FIELD_LOCKED', message: f.name })));
    const holder = { accountId: l.holder_account_id, name: l.holder_name, code: cipherFor(secretKey).decrypt(l.holder_code_enc), codeType: l.holder_code_type };
    const newId = await writeLicence(t, secretKey, {
      type, holder, departmentCode: l.issuer_department, item: { code: l.item_code, name: l.item_name }, caseNo: l.case_no,
      fields: { ...l.fields, ...body.fields }, serial: l.serial, version: l.version + 1, validFrom: l.valid_from, validTo: l.valid_to,
    }, actor.accountId);
    const at = now();
    await repo.setStatus(t, l.id, { status: 'replaced', reason: body.reason, at, replacedBy: newId });
    await repo.insertUse(t, l.id, 'replaced', { reason: body.reason, by: newId }, at);
    await appendAudit(t, { stream: `licence:${l.id}`, actorId: actor.accountId, action: 'licence.replaced', target: l.identifier, change: { reason: body.reason, replacedBy: newId }, regionCode: l.region_code });
    return toView((await repo.findLicence(t, newId))!, cipherFor(secretKey), lang, calendarToday(), origin);
  });
}

export async function uses(db: Executor, actor: Actor, id: string, secretKey?: string): Promise<LicenceUses> {
  const l = await mine(db, actor, id, secretKey);
  await flushVerifications(db);
  return { items: (await repo.listUses(db, l.id)).map((u) => ({ kind: u.kind as LicenceUses['items'][number]['kind'], detail: u.detail, at: isoTimestamp(u.at) })) };
}

/** Record a read of a licence by the exchange (shown to the holder in the usage log). */
export async function recordExchangeRead(t: Executor, licenceId: string, detail: Record<string, unknown>): Promise<void> {
  await repo.insertUse(t, licenceId, 'exchange_read', detail, now());
}

export const qrSvg = (url: string) => QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
