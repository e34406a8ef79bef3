import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, Role } from '../../platform/auth.js';
import { canEditCalendar } from './policy.js';

const actor = (roles: Role[], kind: Actor['kind'] = 'staff'): Actor => ({
  accountId: 'a1', username: 'u', kind, name: '测试', roles, departments: [], realNameLevel: 2, sessionId: 's1',
});

describe('calendar policy', () => {
  it('lets an operator edit the calendar', () => {
    assert.equal(canEditCalendar(actor(['operator'])), true);
  });

  it('refuses citizens, enterprise agents, department staff, auditors and anonymous callers', () => {
    for (const roles of [['citizen'], ['citizen', 'enterprise_agent'], ['clerk', 'reviewer'], ['approver', 'dept_admin'], ['auditor'], []] as Role[][]) {
      assert.equal(canEditCalendar(actor(roles, roles[0] === 'citizen' ? 'person' : 'staff')), false, roles.join(',') || 'no roles');
    }
    assert.equal(canEditCalendar(null), false);
  });
});
