import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, Role } from '../../platform/auth.js';
import { canListAccounts, canManageAgents, canRegisterEnterprise, canUnlock, canViewAgents } from './policy.js';

const actor = (kind: Actor['kind'], roles: Role[]): Actor => ({
  accountId: 'a1', username: 'someone', kind, name: '张三', roles, departments: [], realNameLevel: kind === 'person' ? 1 : 0, sessionId: 's1',
});
const citizen = actor('person', ['citizen']);
const operator = actor('staff', ['operator']);
const auditor = actor('staff', ['auditor']);
const deptAdmin = actor('staff', ['dept_admin']);

describe('identity policy', () => {
  it('lets only operators unlock accounts and list them', () => {
    assert.equal(canUnlock(operator), true);
    assert.equal(canListAccounts(operator), true);
    for (const a of [citizen, auditor, deptAdmin, null]) {
      assert.equal(canUnlock(a), false);
      assert.equal(canListAccounts(a), false);
    }
  });

  it('lets persons, not staff, register enterprises', () => {
    assert.equal(canRegisterEnterprise(citizen), true);
    assert.equal(canRegisterEnterprise(operator), false);
    assert.equal(canRegisterEnterprise(null), false);
  });

  it('shows agents only to agents of the enterprise', () => {
    assert.equal(canViewAgents(citizen, { relation: 'agent', hasLegalRepresentative: true }), true);
    assert.equal(canViewAgents(citizen, undefined), false);
    assert.equal(canViewAgents(operator, { relation: 'agent', hasLegalRepresentative: true }), false);
    assert.equal(canViewAgents(null, { relation: 'agent', hasLegalRepresentative: true }), false);
  });

  it('lets the legal representative manage agents, and any agent while none is on record', () => {
    assert.equal(canManageAgents(citizen, { relation: 'legal_representative', hasLegalRepresentative: true }), true);
    assert.equal(canManageAgents(citizen, { relation: 'agent', hasLegalRepresentative: true }), false);
    assert.equal(canManageAgents(citizen, { relation: 'agent', hasLegalRepresentative: false }), true);
    assert.equal(canManageAgents(citizen, undefined), false);
    assert.equal(canManageAgents(operator, { relation: 'legal_representative', hasLegalRepresentative: true }), false);
  });
});
