import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, Role } from '../../platform/auth.js';
import { canManageLicence, canRotateKeys, isHolder, isLicenceStaff } from './policy.js';

const actor = (accountId: string, departments: { code: string; roles: Role[] }[] = []): Actor => ({
  accountId, username: accountId, kind: departments.length ? 'staff' : 'person', name: 'x', roles: departments.flatMap((d) => d.roles),
  departments, realNameLevel: 2, sessionId: 's',
});
const licence = { holder_account_id: 'holder', issuer_department: 'gaj' };

describe('licence policy', () => {
  it('lets the holder alone read and present a licence', () => {
    assert.equal(isHolder(actor('holder'), licence), true);
    assert.equal(isHolder(actor('other'), licence), false);
    assert.equal(isHolder(null, licence), false);
  });

  it('lets whoever acts for the holding enterprise read and present its licence', () => {
    const enterprises = { ...licence, holder_code_hash: 'h-ent' };
    assert.equal(isHolder(actor('agent2'), enterprises, ['h-ent']), true);
    assert.equal(isHolder(actor('agent2'), enterprises, ['h-other']), false);
    assert.equal(isHolder(actor('agent2'), enterprises), false);
    assert.equal(isHolder(null, enterprises, ['h-ent']), false);
  });

  it('lets approvers and admins of the issuing department manage it, nobody else', () => {
    assert.equal(canManageLicence(actor('a', [{ code: 'gaj', roles: ['approver'] }]), licence), true);
    assert.equal(canManageLicence(actor('b', [{ code: 'gaj', roles: ['dept_admin'] }]), licence), true);
    assert.equal(canManageLicence(actor('c', [{ code: 'gaj', roles: ['reviewer', 'clerk'] }]), licence), false);
    assert.equal(canManageLicence(actor('d', [{ code: 'scjg', roles: ['approver'] }]), licence), false);
    assert.equal(canManageLicence(actor('holder'), licence), false);
    assert.equal(isLicenceStaff(actor('d', [{ code: 'scjg', roles: ['approver'] }])), true);
    assert.equal(isLicenceStaff(actor('holder')), false);
  });

  it('lets only the department admin rotate its keys', () => {
    assert.equal(canRotateKeys(actor('b', [{ code: 'gaj', roles: ['dept_admin'] }]), 'gaj'), true);
    assert.equal(canRotateKeys(actor('b', [{ code: 'gaj', roles: ['dept_admin'] }]), 'scjg'), false);
    assert.equal(canRotateKeys(actor('a', [{ code: 'gaj', roles: ['approver'] }]), 'gaj'), false);
  });
});
