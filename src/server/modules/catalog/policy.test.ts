import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, Role } from '../../platform/auth.js';
import { canEditCatalog, canSeeUnpublished } from './policy.js';

const actor = (roles: Role[], kind: Actor['kind'] = 'staff'): Actor => ({
  accountId: 'a1', username: 'u', kind, name: '测试', roles, departments: [], realNameLevel: 2, sessionId: 's1',
});

describe('catalogue policy', () => {
  it('lets an operator edit the catalogue and see unpublished items', () => {
    assert.equal(canEditCatalog(actor(['operator'])), true);
    assert.equal(canSeeUnpublished(actor(['operator'])), true);
  });

  it('refuses citizens, enterprise agents, department staff and auditors', () => {
    for (const roles of [['citizen'], ['enterprise_agent'], ['clerk', 'reviewer'], ['approver', 'dept_admin'], ['auditor']] as Role[][]) {
      const who = actor(roles, roles[0] === 'citizen' || roles[0] === 'enterprise_agent' ? 'person' : 'staff');
      assert.equal(canEditCatalog(who), false, roles.join(','));
      assert.equal(canSeeUnpublished(who), false, roles.join(','));
    }
  });

  it('refuses an anonymous caller', () => {
    assert.equal(canEditCatalog(null), false);
    assert.equal(canSeeUnpublished(null), false);
  });
});
