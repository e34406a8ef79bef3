import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, Role } from '../../platform/auth.js';
import {
  canAccept, canApply, canApplyOnBehalf, canReadCase, canSeeAcceptanceQueue, canSeeStaffCase, canSupplement, canWithdraw,
  canWorkTask, inboxDepartments, isClaimedByOther,
} from './policy.js';

const person = (accountId: string): Actor => ({
  accountId, username: accountId, kind: 'person', name: '李明华', roles: ['citizen'], departments: [], realNameLevel: 1, sessionId: 's',
});
const staff = (accountId: string, roles: Role[], departments: { code: string; roles: Role[] }[] = []): Actor => ({
  accountId, username: accountId, kind: 'staff', name: '孙晓梅', roles: [...roles, ...departments.flatMap((d) => d.roles)],
  departments, realNameLevel: 0, sessionId: 's',
});
const theCase = (status = 'in_review') => ({ applicant_account_id: 'a', applicant_kind: 'person' as const, acting_agent_account_id: 'clerk', department_code: 'gaj', status });
// filed by agent 'a' for an enterprise
const enterpriseCase = (status = 'in_review') => ({ ...theCase(status), applicant_kind: 'enterprise' as const, acting_agent_account_id: 'a' });
const agent = { agentOfEnterprise: true };
const outsider = { agentOfEnterprise: false };
const reviewerGaj = staff('r', [], [{ code: 'gaj', roles: ['reviewer', 'approver'] }]);
const adminGaj = staff('adm', [], [{ code: 'gaj', roles: ['dept_admin'] }]);
const clerk = staff('clerk', ['clerk']);

describe('applications policy', () => {
  it('lets the applicant and the acting agent read a case, nobody else', () => {
    assert.equal(canReadCase(person('a'), theCase()), true);
    assert.equal(canReadCase(clerk, theCase()), true);
    assert.equal(canReadCase(person('b'), theCase()), false);
    assert.equal(canReadCase(reviewerGaj, theCase()), false);
  });

  it('lets only the applicant withdraw a live case and supplement a returned one', () => {
    assert.equal(canWithdraw(person('a'), theCase('in_review')), true);
    assert.equal(canWithdraw(person('a'), theCase('concluded')), false);
    assert.equal(canWithdraw(person('b'), theCase('in_review')), false);
    assert.equal(canWithdraw(clerk, theCase('in_review')), false);
    assert.equal(canSupplement(person('a'), theCase('supplement')), true);
    assert.equal(canSupplement(person('a'), theCase('in_review')), false);
    assert.equal(canSupplement(person('b'), theCase('supplement')), false);
  });

  it('lets every current agent of the enterprise read, withdraw and supplement its case, and nobody else', () => {
    assert.equal(canReadCase(person('b'), enterpriseCase(), agent), true, 'another agent of the enterprise');
    assert.equal(canWithdraw(person('b'), enterpriseCase('in_review'), agent), true);
    assert.equal(canSupplement(person('b'), enterpriseCase('supplement'), agent), true);
    assert.equal(canWithdraw(person('b'), enterpriseCase('concluded'), agent), false);
    assert.equal(canReadCase(person('c'), enterpriseCase(), outsider), false, 'an agent of another enterprise');
    assert.equal(canReadCase(person('c'), enterpriseCase()), false);
    // the agent who filed it reads it while they act for the enterprise, not once removed
    assert.equal(canReadCase(person('a'), enterpriseCase(), agent), true);
    assert.equal(canReadCase(person('a'), enterpriseCase(), outsider), false);
    assert.equal(canWithdraw(person('a'), enterpriseCase(), outsider), false);
    // being an agent of an enterprise opens no one's personal case
    assert.equal(canReadCase(person('b'), theCase(), agent), false);
    assert.equal(canWithdraw(person('b'), theCase(), agent), false);
  });

  it('lets people apply, and staff only as window clerks on behalf of someone', () => {
    assert.equal(canApply(person('a')), true);
    assert.equal(canApply(clerk), true);
    assert.equal(canApply(reviewerGaj), false);
    assert.equal(canApplyOnBehalf(clerk), true);
    assert.equal(canApplyOnBehalf(person('a')), false);
  });

  it('lets any clerk and the competent department admin accept', () => {
    assert.equal(canAccept(clerk, theCase()), true);
    assert.equal(canAccept(adminGaj, theCase()), true);
    assert.equal(canAccept(reviewerGaj, theCase()), false);
    assert.equal(canAccept(staff('x', [], [{ code: 'scjg', roles: ['dept_admin'] }]), theCase()), false);
    assert.equal(canSeeAcceptanceQueue(clerk), true);
    assert.equal(canSeeAcceptanceQueue(adminGaj), true);
    assert.equal(canSeeAcceptanceQueue(reviewerGaj), false);
  });

  it('lets reviewers and approvers of the task department work it, not other departments or admins', () => {
    assert.equal(canWorkTask(reviewerGaj, { department_code: 'gaj' }), true);
    assert.equal(canWorkTask(reviewerGaj, { department_code: 'scjg' }), false);
    assert.equal(canWorkTask(adminGaj, { department_code: 'gaj' }), false);
    assert.equal(canWorkTask(clerk, { department_code: 'gaj' }), false);
  });

  it('tells a task claimed by someone else', () => {
    assert.equal(isClaimedByOther(reviewerGaj, { department_code: 'gaj', assignee_account_id: null }), false);
    assert.equal(isClaimedByOther(reviewerGaj, { department_code: 'gaj', assignee_account_id: 'r' }), false);
    assert.equal(isClaimedByOther(reviewerGaj, { department_code: 'gaj', assignee_account_id: 'other' }), true);
  });

  it('shows staff a case their department works on, or one they may accept', () => {
    const links = (taskDepartments: string[], handled = false) => ({ taskDepartments, handled });
    const scjg = (status = 'in_review', acting: string | null = null) => ({ department_code: 'scjg', status, acting_agent_account_id: acting });
    assert.equal(canSeeStaffCase(reviewerGaj, scjg(), links(['gaj'])), true);
    assert.equal(canSeeStaffCase(reviewerGaj, scjg(), links(['scjg'])), false);
    assert.equal(canSeeStaffCase(adminGaj, { ...scjg(), department_code: 'gaj' }, links([])), true);
    assert.equal(canSeeStaffCase(person('a'), { ...scjg(), department_code: 'gaj' }, links(['gaj'])), false);
  });

  it('shows a window clerk a case awaiting acceptance, afterwards only one they filed, accepted or refused', () => {
    const links = (handled: boolean) => ({ taskDepartments: ['scjg'], handled });
    assert.equal(canSeeStaffCase(clerk, { department_code: 'scjg', status: 'submitted', acting_agent_account_id: null }, links(false)), true);
    assert.equal(canSeeStaffCase(clerk, { department_code: 'scjg', status: 'in_review', acting_agent_account_id: null }, links(false)), false);
    assert.equal(canSeeStaffCase(clerk, { department_code: 'scjg', status: 'concluded', acting_agent_account_id: null }, links(true)), true);
    assert.equal(canSeeStaffCase(clerk, { department_code: 'scjg', status: 'concluded', acting_agent_account_id: 'clerk' }, links(false)), true);
  });

  it('lists the inbox departments of reviewers, approvers and admins only', () => {
    assert.deepEqual(inboxDepartments(reviewerGaj), ['gaj']);
    assert.deepEqual(inboxDepartments(adminGaj), ['gaj']);
    assert.deepEqual(inboxDepartments(clerk), []);
  });
});
