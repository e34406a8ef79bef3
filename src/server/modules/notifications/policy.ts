// Who may see and mark a message: only the account it was sent to. Queries are also scoped by
// account; this rule is what the service checks before it changes one message.
import type { Actor } from '../../platform/auth.js';

/** Read, open and mark a message as read. */
export const isRecipient = (actor: Actor | null, message: { account_id: string }): boolean =>
  !!actor && actor.accountId === message.account_id;
