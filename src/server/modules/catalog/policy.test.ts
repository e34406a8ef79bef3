import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, Role } from '../../platform/auth.js';
import { canEditCatalog } from './policy.js';

const actor = (roles: Role[], kind: Actor['kind'] = 'staff'): Actor => ({
  accountId: 'a1', username: 'u', kind, name: '测试', roles, departments: [], realNameLevel: 2, sessionId: 's1',
});

describe('catalogue policy', () => {
  it('lets an operator edit the catalogue', () => {
    assert.equal(canEditCatalog(actor(['operator'])), true);
    assert.equal(canEditCatalog(actor(['auditor', 'operator'])), true);
  });

  it('refuses citizens, enterprise agents, department staff and auditors', () => {
    for (const roles of [['citizen'], ['citizen', 'enterprise_agent'], ['clerk', 'reviewer'], ['approver', 'dept_admin'], ['auditor'], []] as Role[][]) {
      const who = actor(roles, roles[0] === 'citizen' ? 'person' : 'staff');
      assert.equal(canEditCatalog(who), false, roles.join(',') || 'no roles');
    }
  });

  it('refuses an anonymous caller', () => {
    assert.equal(canEditCatalog(null), false);
  });
});
