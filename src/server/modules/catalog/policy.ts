// Who may do what with the catalogue. One line per permission; routes declare the role guard
// and the service asks these functions, so the rule is written once and tested once.
import { hasRole, type Actor } from '../../platform/auth.js';

/** Create items, edit drafts, publish versions, read unpublished items. */
export const canEditCatalog = (actor: Actor | null): boolean => hasRole(actor, 'operator');

/** An item without a published version exists only for those who may edit it. */
export const canSeeUnpublished = (actor: Actor | null): boolean => canEditCatalog(actor);
