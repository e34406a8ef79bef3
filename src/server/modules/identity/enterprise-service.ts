// Enterprise rules: registering an enterprise and managing its agents (经办人). An enterprise the
// caller does not act for is reported as not found; changes are audited on the enterprise's stream.
import type { Agent, EnterpriseRegistration, EnterpriseSummary } from '../../../contract/identity.js';
import { tx, type Executor } from '../../db/client.js';
import { appendAudit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth.js';
import { now } from '../../platform/clock.js';
import type { FieldCipher } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { validateCreditCode } from '../../platform/ids.js';
import { maskName } from '../../../contract/mask.js';
import { queueNotice } from '../notifications/index.js';
import * as repo from './enterprise-repo.js';
import { uniqueViolation } from './repo.js';
import { canManageAgents, canViewAgents, type EnterpriseStanding } from './policy.js';
import * as notices from './notices.js';
import { canonicalCode, cleanText, creditCodeDetail, fieldError, textFieldErrors } from './rules.js';
import { findAccountByLogin } from './service.js';
import type { RequestMeta } from './session.js';
import { maskCreditCode, toAgent } from './views.js';

export const CREDIT_CODE_KIND = 'credit_code';

export function enterpriseService(orm: Executor, cipher: FieldCipher) {
  /** The caller's standing in the enterprise; NOT_FOUND when they may not even see it. */
  async function standing(actor: Actor, enterpriseId: string) {
    const row = await repo.findMembership(orm, enterpriseId, actor.accountId);
    const s: EnterpriseStanding | undefined = row && { relation: row.relation, hasLegalRepresentative: row.has_legal_representative };
    if (!row || !canViewAgents(actor, s)) throw new AppError('NOT_FOUND');
    return { row, standing: s };
  }

  async function managed(actor: Actor, enterpriseId: string) {
    const found = await standing(actor, enterpriseId);
    if (!canManageAgents(actor, found.standing)) throw new AppError('FORBIDDEN');
    return found.row;
  }

  async function register(actor: Actor, input: EnterpriseRegistration, meta: RequestMeta): Promise<EnterpriseSummary> {
    const name = cleanText(input.name);
    const legalRepresentative = cleanText(input.legalRepresentative);
    const address = input.address === undefined ? null : cleanText(input.address) || null;
    const fieldErrors = textFieldErrors([
      { path: '/name', value: name, min: 2 }, { path: '/legalRepresentative', value: legalRepresentative, min: 2 }, { path: '/address', value: address ?? undefined },
    ], meta.lang);
    if (fieldErrors.length) throw new AppError('VALIDATION_FAILED', undefined, fieldErrors);
    const creditCode = canonicalCode(input.creditCode);
    const check = validateCreditCode(creditCode);
    if (!check.ok) {
      const detail = creditCodeDetail(check.reason);
      throw new AppError('CREDIT_CODE_INVALID', detail, [fieldError('/creditCode', check.reason, detail, meta.lang)]);
    }
    const creditCodeHash = cipher.lookupHash(CREDIT_CODE_KIND, creditCode);
    const taken = () => new AppError('CREDIT_CODE_TAKEN', undefined, [fieldError('/creditCode', 'CREDIT_CODE_TAKEN', { zh: '已注册', en: 'Already registered' }, meta.lang)]);
    if (await repo.creditCodeRegistered(orm, creditCodeHash)) throw taken();
    // positions 3–8 of a credit code are the registering authority's region
    const regionCode = input.regionCode ?? creditCode.slice(2, 8);
    const relation: repo.Relation = cleanText(actor.name) === legalRepresentative ? 'legal_representative' : 'agent';
    const at = now();
    try {
      const id = await tx(orm, async (t) => {
        const enterpriseId = await repo.insertEnterprise(t, {
          name, creditCodeEnc: cipher.encrypt(creditCode), creditCodeHash, legalRepresentative, regionCode, address, createdBy: actor.accountId, at,
        });
        await repo.insertAgent(t, { enterpriseId, accountId: actor.accountId, relation, addedBy: actor.accountId, at });
        await appendAudit(t, {
          stream: `enterprise:${enterpriseId}`, actorId: actor.accountId, action: 'enterprise.registered', target: enterpriseId, regionCode,
          change: { name, creditCodeHash, regionCode, firstAgent: actor.accountId, relation },
        });
        await queueNotice(t, notices.enterpriseRegistered(actor.accountId, { name }, relation));
        return enterpriseId;
      });
      return { id, name, creditCodeMasked: maskCreditCode(creditCode), legalRepresentativeMasked: maskName(legalRepresentative), relation };
    } catch (error) {
      throw uniqueViolation(error) === 'enterprises_credit_code_hash_key' ? taken() : error;
    }
  }

  async function agents(actor: Actor, enterpriseId: string): Promise<Agent[]> {
    await standing(actor, enterpriseId);
    return (await repo.listAgents(orm, enterpriseId)).map((a) => toAgent(cipher, a));
  }

  async function addAgent(actor: Actor, enterpriseId: string, login: string): Promise<Agent> {
    const enterprise = await managed(actor, enterpriseId);
    const person = await findAccountByLogin(orm, cipher, login.trim());
    if (!person || person.kind !== 'person' || person.status !== 'active') throw new AppError('AGENT_ACCOUNT_NOT_FOUND');
    if (await repo.findAgent(orm, enterpriseId, person.id)) throw new AppError('AGENT_EXISTS');
    const relation: repo.Relation = !enterprise.has_legal_representative && person.name === enterprise.legal_representative ? 'legal_representative' : 'agent';
    try {
      await tx(orm, async (t) => {
        await repo.lockEnterprise(t, enterpriseId);
        await repo.insertAgent(t, { enterpriseId, accountId: person.id, relation, addedBy: actor.accountId, at: now() });
        await appendAudit(t, {
          stream: `enterprise:${enterpriseId}`, actorId: actor.accountId, action: 'enterprise.agent_added', target: person.id,
          regionCode: enterprise.region_code, change: { accountId: person.id, relation },
        });
        await queueNotice(t, notices.agentAdded(person.id, { name: enterprise.name }, relation));
      });
    } catch (error) {
      throw uniqueViolation(error) === 'enterprise_agents_pkey' ? new AppError('AGENT_EXISTS') : error;
    }
    return toAgent(cipher, (await repo.findAgent(orm, enterpriseId, person.id))!);
  }

  async function removeAgent(actor: Actor, enterpriseId: string, accountId: string): Promise<void> {
    const enterprise = await managed(actor, enterpriseId);
    await tx(orm, async (t) => {
      await repo.lockEnterprise(t, enterpriseId);
      const agent = await repo.findAgent(t, enterpriseId, accountId);
      if (!agent) throw new AppError('NOT_FOUND');
      if ((await repo.countAgents(t, enterpriseId)) <= 1) throw new AppError('LAST_AGENT');
      await repo.deleteAgent(t, enterpriseId, accountId);
      await appendAudit(t, {
        stream: `enterprise:${enterpriseId}`, actorId: actor.accountId, action: 'enterprise.agent_removed', target: accountId,
        regionCode: enterprise.region_code, change: { accountId, relation: agent.relation },
      });
    });
  }

  return { register, agents, addAgent, removeAgent };
}
