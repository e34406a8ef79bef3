// HTTP face of the applicant's side: submit (with an Idempotency-Key), 我的办件, the case page, 补正,
// withdrawal, the apply form, drafts, case files and the public progress lookup.
// Each route is schema → guard → one service call.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  ApplicationBodySchema, ApplyFormViewSchema, CaseListQuerySchema, CaseListSchema, CaseNoParams, CaseViewSchema, DraftBodySchema,
  DraftViewSchema, ProgressQuerySchema, ProgressViewSchema, SupplementBodySchema, WithdrawBodySchema,
} from '../../../contract/applications.js';
import { perProcess } from '../../config.js';
import { actorOf, requireAuth, requireRole } from '../../platform/auth.js';
import { assertKeyUnused, idempotentAnswer } from '../../platform/idempotency.js';
import type { Ctx } from './context.js';
import { ApplyFormQuery, CaseFileParams, DraftListSchema, ItemCodeParams, NoContent, Problems, PROGRESS_LOOKUPS_PER_MINUTE } from './schemas.js';
import { sendApplicantFile } from './service-files.js';
import * as drafts from './service-drafts.js';
import { submit } from './service-submit.js';
import { supplement, withdraw } from './service-supplement.js';
import { caseView, listMine, progress } from './service-views.js';

const tags = ['applications'];
const security = [{ session: [] }];
const citizens = { preValidation: requireRole('citizen') };
const signedIn = { preValidation: requireAuth };

export async function applicantRoutes(parent: FastifyInstance) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = (): Ctx => ({ db: app.db.orm, secretKey: app.config.secretKey });

  app.post('/api/applications', {
    schema: { tags, security, summary: 'Submit an application (Idempotency-Key required): 201 with the case', body: ApplicationBodySchema, response: { 201: CaseViewSchema, ...Problems } },
    preValidation: requireRole('citizen', 'clerk'),
    config: { idempotent: 'required', idempotencyClaim: 'with-work' },
  }, async (req, reply) => reply.code(201).send(await submit(ctx(), actorOf(req), req.body, req.lang, {
    beforeOutsideWork: () => assertKeyUnused(app.db.orm, req),
    answer: (view) => idempotentAnswer(req, 201, view),
  })));

  app.get('/api/applications', {
    schema: { tags, security, summary: '我的办件: the caller\'s cases, newest first', querystring: CaseListQuerySchema, response: { 200: CaseListSchema, ...Problems } },
    ...signedIn,
  }, async (req) => listMine(ctx(), actorOf(req), req.query));

  app.get('/api/applications/forms/:itemCode', {
    schema: { tags, security, summary: 'The apply page: form, checklist, prefill, draft and estimated due date', params: ItemCodeParams, querystring: ApplyFormQuery, response: { 200: ApplyFormViewSchema, ...Problems } },
    ...signedIn,
  }, async (req) => drafts.applyForm(ctx(), actorOf(req), req.params.itemCode, req.query.enterprise));

  app.get('/api/applications/:caseNo', {
    schema: { tags, security, summary: 'The case page: status, tasks, timeline, days left and next actions', params: CaseNoParams, response: { 200: CaseViewSchema, ...Problems } },
    ...signedIn,
  }, async (req) => caseView(ctx(), actorOf(req), req.params.caseNo, req.lang));

  app.post('/api/applications/:caseNo/supplements', {
    schema: { tags, security, summary: '补正: supply what the departments asked for; the clock restarts', params: CaseNoParams, body: SupplementBodySchema, response: { 200: CaseViewSchema, ...Problems } },
    ...citizens,
  }, async (req) => supplement(ctx(), actorOf(req), req.params.caseNo, req.body, req.lang));

  app.post('/api/applications/:caseNo/withdraw', {
    schema: { tags, security, summary: 'Withdraw the application before a decision', params: CaseNoParams, body: WithdrawBodySchema, response: { 200: CaseViewSchema, ...Problems } },
    ...citizens,
  }, async (req) => withdraw(ctx(), actorOf(req), req.params.caseNo, req.body.reason, req.lang));

  app.get('/api/applications/:caseNo/files/:fileId', {
    schema: { tags, security, summary: 'A material file of the caller\'s case', params: CaseFileParams, response: { ...Problems } },
    ...signedIn,
  }, async (req, reply) => sendApplicantFile(ctx(), actorOf(req), req.params.caseNo, req.params.fileId, reply));

  app.get('/api/drafts', {
    schema: { tags, security, summary: 'The caller\'s saved application drafts', response: { 200: DraftListSchema, ...Problems } },
    ...citizens,
  }, async (req) => ({ items: await drafts.listDrafts(ctx(), actorOf(req)) }));

  app.get('/api/drafts/:itemCode', {
    schema: { tags, security, summary: 'The caller\'s draft for an item', params: ItemCodeParams, response: { 200: DraftViewSchema, ...Problems } },
    ...citizens,
  }, async (req) => drafts.getDraft(ctx(), actorOf(req), req.params.itemCode));

  app.put('/api/drafts/:itemCode', {
    schema: { tags, security, summary: 'Save the caller\'s draft for an item (resumed on any device)', params: ItemCodeParams, body: DraftBodySchema, response: { 200: DraftViewSchema, ...Problems } },
    ...citizens,
  }, async (req) => drafts.saveDraft(ctx(), actorOf(req), req.params.itemCode, req.body));

  app.delete('/api/drafts/:itemCode', {
    schema: { tags, security, summary: 'Discard the caller\'s draft for an item', params: ItemCodeParams, response: { 204: NoContent, ...Problems } },
    ...citizens,
  }, async (req, reply) => {
    await drafts.deleteDraft(ctx(), actorOf(req), req.params.itemCode);
    return reply.code(204).send(null);
  });

  app.get('/api/progress', {
    schema: { tags, summary: 'Public progress lookup by case number and the last 6 characters of the ID number', querystring: ProgressQuerySchema, response: { 200: ProgressViewSchema, ...Problems } },
    config: { rateLimit: { max: perProcess(app.config, PROGRESS_LOOKUPS_PER_MINUTE), timeWindow: '1 minute', keyGenerator: (req) => `progress:${req.ip}` } },
  }, async (req) => progress(ctx(), req.query.caseNo, req.query.idTail, req.lang));
}
