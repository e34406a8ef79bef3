// HTTP face of the identity module: each route is schema → guard → one service call.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AddAgentSchema, AdminAccountPageSchema, AgentSchema, CitizenRegistrationSchema, EnterpriseRegistrationSchema, EnterpriseSummarySchema,
  LoginSchema, MeSchema, PasswordChangeSchema, RegistrationResultSchema,
} from '../../../contract/identity.js';
import { actorOf, requireAuth, type Actor } from '../../platform/auth.js';
import { AppError } from '../../platform/errors.js';
import { departmentNames } from '../catalog/index.js';
import { enterpriseService } from './enterprise-service.js';
import { canListAccounts, canRegisterEnterprise, canUnlock } from './policy.js';
import { AccountListQuery, AgentParams, EnterpriseParams, NoContent, Problems, UsernameParams } from './schemas.js';
import { cacheProfiles } from './applicants.js';
import { identityService } from './service.js';
import { clearSessionCookies, requestMeta, setSessionCookies } from './session.js';

const tags = ['identity'];
const session = [{ session: [] }];

/** A guard from a policy rule: anonymous callers get 401, others 403. */
const allow = (rule: (actor: Actor) => boolean) => async (req: FastifyRequest) => {
  if (!rule(actorOf(req))) throw new AppError('FORBIDDEN');
};

export async function identityRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const stopCachingProfiles = await cacheProfiles(app.db);
  app.addHook('onClose', () => stopCachingProfiles());
  const accounts = identityService(app.db, app.config, (codes) => departmentNames(app.db.orm, codes));
  const enterprises = enterpriseService(app.db.orm, accounts.cipher);

  app.post('/api/auth/register/citizen', {
    schema: { tags, summary: 'Register a citizen account (does not log in)', body: CitizenRegistrationSchema, response: { 201: RegistrationResultSchema, ...Problems } },
    config: { idempotent: true },
  }, async (req, reply) => reply.code(201).send(await accounts.registerCitizen(req.body, requestMeta(req))));

  app.post('/api/auth/login', {
    schema: { tags, summary: 'Log in with a username or mobile number', body: LoginSchema, response: { 200: MeSchema, ...Problems } },
  }, async (req, reply) => {
    const { session: opened, me } = await accounts.login(req.body, requestMeta(req), req.actor?.sessionId);
    setSessionCookies(reply, app.config, opened);
    return me;
  });

  app.post('/api/auth/logout', {
    schema: { tags, summary: 'End this session', response: { 204: NoContent, ...Problems } },
  }, async (req, reply) => {
    await accounts.logout(req.actor);
    clearSessionCookies(reply, app.config);
    return reply.code(204).send(null);
  });

  app.post('/api/auth/logout-all', {
    schema: { tags, summary: 'End every session of this account', security: session, response: { 204: NoContent, ...Problems } },
    preValidation: requireAuth,
  }, async (req, reply) => {
    await accounts.logoutEverywhere(actorOf(req));
    clearSessionCookies(reply, app.config);
    return reply.code(204).send(null);
  });

  app.get('/api/me', {
    schema: { tags, summary: 'The caller: masked profile, roles, enterprises, CSRF token', security: session, response: { 200: MeSchema, ...Problems } },
    preValidation: requireAuth,
  }, async (req) => accounts.me(actorOf(req)));

  app.put('/api/me/password', {
    schema: { tags, summary: 'Change the password; other sessions end', security: session, body: PasswordChangeSchema, response: { 204: NoContent, ...Problems } },
    preValidation: requireAuth,
  }, async (req, reply) => {
    await accounts.changePassword(actorOf(req), req.body, requestMeta(req));
    return reply.code(204).send(null);
  });

  app.post('/api/enterprises', {
    schema: { tags, summary: 'Register an enterprise; the caller becomes its first agent', security: session, body: EnterpriseRegistrationSchema, response: { 201: EnterpriseSummarySchema, ...Problems } },
    preValidation: allow(canRegisterEnterprise),
    config: { idempotent: true },
  }, async (req, reply) => reply.code(201).send(await enterprises.register(actorOf(req), req.body, requestMeta(req))));

  app.get('/api/enterprises/:id/agents', {
    schema: { tags, summary: "The enterprise's agents (经办人)", security: session, params: EnterpriseParams, response: { 200: Type.Array(AgentSchema), ...Problems } },
    preValidation: requireAuth,
  }, async (req) => enterprises.agents(actorOf(req), req.params.id));

  app.post('/api/enterprises/:id/agents', {
    schema: { tags, summary: 'Authorise a registered person as an agent', security: session, params: EnterpriseParams, body: AddAgentSchema, response: { 201: AgentSchema, ...Problems } },
    preValidation: requireAuth,
  }, async (req, reply) => reply.code(201).send(await enterprises.addAgent(actorOf(req), req.params.id, req.body.login)));

  app.delete('/api/enterprises/:id/agents/:accountId', {
    schema: { tags, summary: 'Withdraw an agent (the last one stays)', security: session, params: AgentParams, response: { 204: NoContent, ...Problems } },
    preValidation: requireAuth,
  }, async (req, reply) => {
    await enterprises.removeAgent(actorOf(req), req.params.id, req.params.accountId);
    return reply.code(204).send(null);
  });

  app.get('/api/admin/accounts', {
    schema: { tags, summary: 'Operator: find accounts (masked)', security: session, querystring: AccountListQuery, response: { 200: AdminAccountPageSchema, ...Problems } },
    preValidation: allow(canListAccounts),
  }, async (req) => accounts.listAccounts(req.query));

  app.post('/api/admin/accounts/:username/unlock', {
    schema: { tags, summary: 'Operator: lift a login lockout', security: session, params: UsernameParams, response: { 204: NoContent, ...Problems } },
    preValidation: allow(canUnlock),
  }, async (req, reply) => {
    await accounts.unlock(actorOf(req), req.params.username);
    return reply.code(204).send(null);
  });
}
