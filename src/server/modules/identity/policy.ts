// Who may do what in the identity module: one line per rule, tested in policy.test.ts.
import type { Actor } from '../../platform/auth.js';
import type { Relation } from './enterprise-repo.js';

/** The caller's standing in one enterprise; undefined when the caller is not its agent. */
export interface EnterpriseStanding { relation: Relation; hasLegalRepresentative: boolean }

export const isOperator = (actor: Actor | null): boolean => !!actor?.roles.includes('operator');

/** Operators lift lockouts. */
export const canUnlock = (actor: Actor | null): boolean => isOperator(actor);

/** Operators see the (masked) account list. */
export const canListAccounts = (actor: Actor | null): boolean => isOperator(actor);

/** Natural persons register enterprises; staff act for the government, not for companies. */
export const canRegisterEnterprise = (actor: Actor | null): boolean => actor?.kind === 'person';

/** Any agent of the enterprise sees who else acts for it. */
export const canViewAgents = (actor: Actor | null, standing: EnterpriseStanding | undefined): boolean =>
  actor?.kind === 'person' && !!standing;

/** The legal representative authorises agents; while none is on record, any agent may. */
export const canManageAgents = (actor: Actor | null, standing: EnterpriseStanding | undefined): boolean =>
  canViewAgents(actor, standing) && (standing!.relation === 'legal_representative' || !standing!.hasLegalRepresentative);
