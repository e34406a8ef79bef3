// Who may do what with an uploaded file. Reading or deleting someone else's file is reported as
// not found (never confirm it exists); staff see case files through the case's own access rules.
import type { Actor } from '../../platform/auth.js';

/** Download, preview or delete an upload through /api/uploads. */
export const isOwner = (actor: Actor | null, file: { owner_account_id: string }): boolean =>
  !!actor && actor.accountId === file.owner_account_id;
