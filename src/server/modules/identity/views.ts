// Rows → API shapes. Every personal field leaves the server masked; decryption happens only here.
import type { AdminAccount, Agent, EnterpriseSummary } from '../../../contract/identity.js';
import type { Role } from '../../platform/auth.js';
import type { FieldCipher } from '../../platform/crypto.js';
import { maskIdNumber, maskMobile, maskName } from '../../../contract/mask.js';
import type { AgentRow, EnterpriseRow, Relation } from './enterprise-repo.js';
import type { AccountListRow } from './repo.js';
import { isoTimestamp } from '../../db/client.js';


/** A credit code shows its registration authority and region (first 6) and the last 4, like an ID number. */
export const maskCreditCode = (code: string) => maskIdNumber(code);

export const maskedIdNumber = (cipher: FieldCipher, enc: string | null) => (enc ? maskIdNumber(cipher.decrypt(enc)) : null);

export const maskedMobile = (cipher: FieldCipher, enc: string) => maskMobile(cipher.decrypt(enc));

export function toEnterpriseSummary(cipher: FieldCipher, e: EnterpriseRow & { relation: Relation }): EnterpriseSummary {
  return {
    id: e.id,
    name: e.name,
    creditCodeMasked: maskCreditCode(cipher.decrypt(e.credit_code_enc)),
    legalRepresentativeMasked: maskName(e.legal_representative),
    relation: e.relation,
  };
}

export function toAgent(cipher: FieldCipher, a: AgentRow): Agent {
  return { accountId: a.account_id, username: a.username, nameMasked: maskName(a.name), mobileMasked: maskedMobile(cipher, a.mobile_enc), addedAt: isoTimestamp(a.added_at), relation: a.relation };
}

export function toAdminAccount(cipher: FieldCipher, a: AccountListRow, at: Date): AdminAccount {
  const lockedUntil = a.locked_until && new Date(a.locked_until) > at ? isoTimestamp(a.locked_until) : null;
  const roles: Role[] = a.kind === 'person' ? ['citizen'] : (a.roles ?? []);
  return {
    id: a.id,
    username: a.username,
    kind: a.kind,
    nameMasked: maskName(a.name),
    mobileMasked: maskedMobile(cipher, a.mobile_enc),
    idNumberMasked: maskedIdNumber(cipher, a.id_number_enc),
    status: a.status,
    lockedUntil,
    roles,
    createdAt: isoTimestamp(a.created_at),
  };
}
