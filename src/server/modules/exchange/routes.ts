// HTTP face of the exchange: the catalogue for staff, grants for operators and department admins,
// the log for auditors, and every person's own data uses. Each route: schema → guard → one call.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProblemSchema } from '../../../contract/common.js';
import {
  ApproveGrantSchema, CatalogueSchema, DataUsePageSchema, DataUseQuery, ExchangeLogPageSchema, ExchangeLogQuery,
  GrantListQuery, GrantPageSchema, GrantSchema, NewGrantSchema, RevokeGrantSchema,
} from '../../../contract/exchange.js';
import { actorOf, requireAuth, requireRole } from '../../platform/auth.js';
import * as grants from './grants.js';
import * as uses from './uses.js';

const tags = ['exchange'];
const security = [{ session: [] }];
const Problems = { '4xx': { ...ProblemSchema, description: 'An RFC 9457 problem (application/problem+json) with a stable code' } };
const GrantParams = Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,15}$', description: 'grant id' }) });

export async function exchangeRouteTable(parent: FastifyInstance) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.db.orm;

  app.get('/api/exchange/catalogue', {
    schema: { tags, security, summary: '信息资源目录: every registry with its fields, classification codes and share types (staff)', response: { 200: CatalogueSchema, ...Problems } },
    preValidation: requireRole('clerk', 'reviewer', 'approver', 'dept_admin', 'operator', 'auditor'),
  }, async (req) => uses.catalogue(db(), actorOf(req), req.lang));

  app.get('/api/exchange/grants', {
    schema: { tags, security, summary: 'Data-sharing grants, newest first (operators and auditors: all; department admins: their own)', querystring: GrantListQuery, response: { 200: GrantPageSchema, ...Problems } },
    preValidation: requireRole('operator', 'auditor', 'dept_admin'),
  }, async (req) => grants.listGrants(db(), actorOf(req), req.query, req.lang));

  app.post('/api/exchange/grants', {
    schema: { tags, security, summary: 'Ask for a grant: fields of one registry for one item, on a legal basis (pending until an operator approves)', body: NewGrantSchema, response: { 201: GrantSchema, ...Problems } },
    preValidation: requireRole('operator', 'dept_admin'),
    config: { idempotent: true },
  }, async (req, reply) => reply.code(201).send(await grants.requestGrant(db(), actorOf(req), req.body, req.lang)));

  app.post('/api/exchange/grants/:id/approve', {
    schema: { tags, security, summary: 'Approve a pending grant (operators)', params: GrantParams, body: ApproveGrantSchema, response: { 200: GrantSchema, ...Problems } },
    preValidation: requireRole('operator'),
  }, async (req) => grants.approveGrant(db(), actorOf(req), req.params.id, req.lang));

  app.post('/api/exchange/grants/:id/revoke', {
    schema: { tags, security, summary: 'Revoke a grant with a reason (operators); later calls are denied', params: GrantParams, body: RevokeGrantSchema, response: { 200: GrantSchema, ...Problems } },
    preValidation: requireRole('operator'),
  }, async (req) => grants.revokeGrant(db(), actorOf(req), req.params.id, req.body.reason, req.lang));

  app.get('/api/exchange/log', {
    schema: { tags, security, summary: 'Every exchange call, newest first, filtered by registry, consumer, outcome and days (auditors)', querystring: ExchangeLogQuery, response: { 200: ExchangeLogPageSchema, ...Problems } },
    preValidation: requireRole('auditor'),
  }, async (req) => uses.exchangeLog(db(), actorOf(req), req.query, req.lang));

  app.get('/api/me/data-uses', {
    schema: { tags, security, summary: '数据使用记录: every use of the caller\'s data (and their enterprises\'), newest first', querystring: DataUseQuery, response: { 200: DataUsePageSchema, ...Problems } },
    preValidation: requireAuth,
  }, async (req) => uses.myDataUses(db(), actorOf(req), req.query, req.lang));
}
