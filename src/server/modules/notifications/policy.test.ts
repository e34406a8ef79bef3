import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../platform/auth.js';
import { isRecipient } from './policy.js';

const actor = (accountId: string, kind: Actor['kind'] = 'person'): Actor => ({
  accountId, username: `u${accountId}`, kind, name: '张三', roles: kind === 'person' ? ['citizen'] : ['operator'], departments: [], realNameLevel: 1, sessionId: 's',
});

describe('message centre policy', () => {
  it('lets the recipient read and mark their message', () => {
    assert.equal(isRecipient(actor('a1'), { account_id: 'a1' }), true);
  });

  it('keeps everyone else out, operators and anonymous callers included', () => {
    assert.equal(isRecipient(actor('b2'), { account_id: 'a1' }), false);
    assert.equal(isRecipient(actor('ops', 'staff'), { account_id: 'a1' }), false);
    assert.equal(isRecipient(null, { account_id: 'a1' }), false);
  });
});
