// HTTP face of the staff workbench: the department inbox, claim and release, decisions, post-checks,
// the acceptance queue (受理), the staff case view with its files, and 窗口领取 (the pick-up queue
// and the hand-over).
// Each route is schema → guard → one service call.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AcceptanceQuerySchema, CaseListSchema, CaseNoParams, DecisionBodySchema, InboxQuerySchema, InboxSchema, InboxTaskSchema,
  NotAcceptBodySchema, PostCheckBodySchema, StaffCaseViewSchema, TaskIdParams,
} from '../../../contract/applications.js';
import { HandoverBodySchema, PickupListSchema, PickupQuerySchema, PickupViewSchema } from '../../../contract/pickups.js';
import { actorOf, requireRole } from '../../platform/auth.js';
import { completeIdempotentRequest } from '../../platform/idempotency.js';
import type { Ctx } from './context.js';
import { CaseFileParams, Problems } from './schemas.js';
import { accept, acceptanceQueue, notAccept } from './service-accept.js';
import { claimTask, decideTask, postCheck, releaseTask } from './service-decide.js';
import { sendStaffFile } from './service-files.js';
import { handOver, pickupQueue, pickupView } from './service-handover.js';
import { inbox } from './service-inbox.js';
import { staffCaseView } from './service-views.js';

const tags = ['workbench'];
const security = [{ session: [] }];
const deciders = { preValidation: requireRole('reviewer', 'approver') };
const acceptors = { preValidation: requireRole('clerk', 'dept_admin') };
const staff = { preValidation: requireRole('clerk', 'reviewer', 'approver', 'dept_admin') };
const clerks = { preValidation: requireRole('clerk') };

export async function workbenchRoutes(parent: FastifyInstance) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = (): Ctx => ({ db: app.db.orm, secretKey: app.config.secretKey });

  app.get('/api/workbench/tasks', {
    schema: { tags, security, summary: 'Task inbox of the caller\'s departments (open, mine, due soon, overdue, done) with counts', querystring: InboxQuerySchema, response: { 200: InboxSchema, ...Problems } },
    preValidation: requireRole('reviewer', 'approver', 'dept_admin'),
  }, async (req) => inbox(ctx(), actorOf(req), req.query));

  app.post('/api/workbench/tasks/:id/claim', {
    schema: { tags, security, summary: 'Claim an open task of the caller\'s department', params: TaskIdParams, response: { 200: InboxTaskSchema, ...Problems } },
    ...deciders,
  }, async (req) => claimTask(ctx(), actorOf(req), req.params.id));

  app.post('/api/workbench/tasks/:id/release', {
    schema: { tags, security, summary: 'Release a task the caller claimed', params: TaskIdParams, response: { 200: InboxTaskSchema, ...Problems } },
    ...deciders,
  }, async (req) => releaseTask(ctx(), actorOf(req), req.params.id));

  app.post('/api/workbench/tasks/:id/decision', {
    schema: { tags, security, summary: 'Approve, deny or return for 补正 (comment required for deny and return)', params: TaskIdParams, body: DecisionBodySchema, response: { 200: StaffCaseViewSchema, ...Problems } },
    ...deciders,
  }, async (req) => decideTask(ctx(), actorOf(req), req.params.id, req.body, req.lang));

  app.post('/api/workbench/tasks/:id/post-check', {
    schema: { tags, security, summary: '事后核查 of a commitment: confirmed, or false (revokes the result)', params: TaskIdParams, body: PostCheckBodySchema, response: { 200: StaffCaseViewSchema, ...Problems } },
    ...deciders,
  }, async (req) => postCheck(ctx(), actorOf(req), req.params.id, req.body, req.lang));

  app.get('/api/workbench/acceptance', {
    schema: { tags, security, summary: '待受理: submitted cases the caller may accept, oldest first', querystring: AcceptanceQuerySchema, response: { 200: CaseListSchema, ...Problems } },
    ...acceptors,
  }, async (req) => acceptanceQueue(ctx(), actorOf(req), req.query));

  app.post('/api/workbench/cases/:caseNo/accept', {
    schema: { tags, security, summary: '受理: accept a submitted case; its first stage opens in each department', params: CaseNoParams, response: { 200: StaffCaseViewSchema, ...Problems } },
    ...acceptors,
  }, async (req) => accept(ctx(), actorOf(req), req.params.caseNo, req.lang));

  app.post('/api/workbench/cases/:caseNo/not-accept', {
    schema: { tags, security, summary: '不予受理 with a reason', params: CaseNoParams, body: NotAcceptBodySchema, response: { 200: StaffCaseViewSchema, ...Problems } },
    ...acceptors,
  }, async (req) => notAccept(ctx(), actorOf(req), req.params.caseNo, req.body.reason, req.lang));

  app.get('/api/workbench/cases/:caseNo', {
    schema: { tags, security, summary: 'The case as staff see it: form, materials, every department\'s opinion, history', params: CaseNoParams, response: { 200: StaffCaseViewSchema, ...Problems } },
    ...staff,
  }, async (req) => staffCaseView(ctx(), actorOf(req), req.params.caseNo, req.lang));

  app.get('/api/workbench/pickups', {
    schema: { tags, security, summary: '待领取: approved results waiting at the windows (any window in the city), longest waiting first; search by case number', querystring: PickupQuerySchema, response: { 200: PickupListSchema, ...Problems } },
    ...clerks,
  }, async (req) => pickupQueue(ctx(), actorOf(req), req.query));

  app.get('/api/workbench/cases/:caseNo/pickup', {
    schema: { tags, security, summary: 'A result\'s window pick-up: awaiting, collected (with the hand-over) or revoked', params: CaseNoParams, response: { 200: PickupViewSchema, ...Problems } },
    ...clerks,
  }, async (req) => pickupView(ctx(), actorOf(req), req.params.caseNo));

  app.post('/api/workbench/cases/:caseNo/handover', {
    schema: { tags, security, summary: '窗口领取: record that the result was handed over (collector, identity check, window); Idempotency-Key honoured', params: CaseNoParams, body: HandoverBodySchema, response: { 200: PickupViewSchema, ...Problems } },
    ...clerks,
    config: { idempotent: true },
  }, async (req) => handOver(ctx(), actorOf(req), req.params.caseNo, req.body, req.lang, (t, view) => completeIdempotentRequest(t, req, 200, view)));

  app.get('/api/workbench/cases/:caseNo/files/:fileId', {
    schema: { tags, security, summary: 'A material file of a case the caller may see', params: CaseFileParams, response: { ...Problems } },
    ...staff,
  }, async (req, reply) => sendStaffFile(ctx(), actorOf(req), req.params.caseNo, req.params.fileId, reply));
}
