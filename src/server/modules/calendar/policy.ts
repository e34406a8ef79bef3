// Who may change the working-day calendar. Routes declare the role guard; the service asks again,
// so a call from another module obeys the same rule. Reading the calendar is public.
import { hasRole, type Actor } from '../../platform/auth.js';

/** Enter, replace and delete years of the calendar. */
export const canEditCalendar = (actor: Actor | null): boolean => hasRole(actor, 'operator');
