// Who may hand over results at a window (窗口领取), one line each like policy.ts, tested in
// handover.test.ts. A case that is not awaiting pick-up is a conflict (409), not a permission question.
import type { Actor } from '../../platform/auth.js';

/** 全市通办: any window clerk in the city sees the results awaiting pick-up and hands them over. */
export const canHandOver = (actor: Actor) => actor.kind === 'staff' && actor.roles.includes('clerk');
