// Who may do what with the catalogue. Routes declare the role guard; the service asks these
// functions again, so a call from another module obeys the same rule.
import { hasRole, type Actor } from '../../platform/auth.js';

/** Create items, edit drafts, validate, publish versions, and see items not yet published. */
export const canEditCatalog = (actor: Actor | null): boolean => hasRole(actor, 'operator');
