// Identity: accounts, sessions, roles, enterprises and their agents. Public face for other modules;
// other modules use these exports and never read the identity tables.
import './errors.js';

export { contactOf } from './contacts.js';
export { createActorResolver } from './session.js';
export { identityRoutes } from './routes.js';
export { seedAccounts } from './seed.js';
export {
  actsForEnterprise, agentEnterpriseByCreditCode, agentsOfEnterprise, applicantProfile, creditCodeHash, enterpriseHashesOfAgent, enterprisesOfAgent, findPersonByIdNumber,
  staffOfDepartment,
} from './applicants.js';
export type { AgentEnterprise, ApplicantProfile } from './applicants.js';
export { onCitizenRegistered, recordRealNameCheck } from './real-name.js';
