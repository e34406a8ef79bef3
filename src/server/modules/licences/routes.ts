// HTTP face of e-licences: the holder's wallet and 亮证, public verification and the published keys,
// the issuing department's register (证照管理): search, one licence, revocation, replacement, keys
// and their rotation. Each route is schema → guard → one service call.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  LicenceKeysSchema, LicenceListSchema, LicenceUsesSchema, LicenceViewSchema, PresentationBody, PresentationCreatedSchema,
  PresentationViewSchema, ReplaceBody, RevokeBody, VerificationSchema,
} from '../../../contract/licences.js';
import { DepartmentKeysSchema, RegisterEntrySchema, RegisterPageSchema, RegisterQuerySchema } from '../../../contract/licence-register.js';
import { perProcess } from '../../config.js';
import { tx } from '../../db/client.js';
import { actorOf, requireAuth } from '../../platform/auth.js';
import { AppError } from '../../platform/errors.js';
import { keysDocument, rotateKey } from './keys.js';
import { renderLicencePdf } from './pdf.js';
import { canRotateKeys, isLicenceStaff } from './policy.js';
import { look, present } from './presentations.js';
import { departmentKeys, registerEntry, searchRegister } from './register.js';
import { DepartmentParams, LicenceIdParams, Problems, RotatedSchema, TokenParams, VerifyParams } from './schemas.js';
import * as licences from './service.js';

const tags = ['licences'];
const security = [{ session: [] }];
const signedIn = { preValidation: requireAuth };
const staff = {
  preValidation: async (req: FastifyRequest) => {
    if (!isLicenceStaff(actorOf(req))) throw new AppError('FORBIDDEN');
  },
};

export async function licenceRoutes(parent: FastifyInstance) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  // links and QR codes printed on licences and presentations: the configured public URL, else the request's origin
  const originOf = (req: FastifyRequest) => app.config.publicUrl ?? `${req.protocol}://${req.host}`;
  const db = () => app.db.orm;
  const key = () => app.config.secretKey;
  const publicLimit = (name: string) => ({ rateLimit: { max: perProcess(app.config, app.config.rateLimitPerMinute), timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => `${name}:${req.ip}` } });

  app.get('/.well-known/tongban/licence-keys.json', {
    schema: { tags, summary: 'Public SM2 keys of every issuing department, active and retired', response: { 200: LicenceKeysSchema } },
  }, async (_req, reply) => reply.header('cache-control', 'public, max-age=300').send(await keysDocument(db())));

  app.get('/api/licences', {
    schema: { tags, security, summary: '卡包: the caller\'s licences, newest first', response: { 200: LicenceListSchema, ...Problems } },
    ...signedIn,
  }, async (req) => licences.list(db(), key(), actorOf(req), req.lang));

  app.get('/api/licences/verify/:id', {
    schema: { tags, summary: 'Verify a licence by id or identifier (public): authentic, revoked, replaced, expired or tampered', params: VerifyParams, response: { 200: VerificationSchema, ...Problems } },
    config: publicLimit('licence-verify'),
  }, async (req) => licences.verify(db(), key(), req.params.id, req.lang));

  app.get('/api/licences/:id', {
    schema: { tags, security, summary: 'One of the caller\'s licences', params: LicenceIdParams, response: { 200: LicenceViewSchema, ...Problems } },
    ...signedIn,
  }, async (req) => licences.get(db(), key(), actorOf(req), req.params.id, req.lang, originOf(req)));

  app.get('/api/licences/:id/pdf', {
    schema: { tags, security, summary: 'The licence rendered as PDF with its verification QR code', params: LicenceIdParams },
    ...signedIn,
  }, async (req, reply) => {
    const view = await licences.get(db(), key(), actorOf(req), req.params.id, 'zh', originOf(req));
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="licence-${view.licenceNo}.pdf"`)
      .header('cache-control', 'private, no-store').send(Buffer.from(await renderLicencePdf(view)));
  });

  app.get('/api/licences/:id/uses', {
    schema: { tags, security, summary: 'Usage log of one of the caller\'s licences: presentations, verifications, exchange reads', params: LicenceIdParams, response: { 200: LicenceUsesSchema, ...Problems } },
    ...signedIn,
  }, async (req) => licences.uses(db(), actorOf(req), req.params.id, key()));

  app.post('/api/licences/:id/presentations', {
    schema: { tags, security, summary: '亮证: a one-time token and QR code showing only the chosen fields', params: LicenceIdParams, body: PresentationBody, response: { 201: PresentationCreatedSchema, ...Problems } },
    ...signedIn,
  }, async (req, reply) => reply.code(201).send(await present(db(), actorOf(req), req.params.id, req.body, originOf(req), key())));

  app.get('/api/presentations/:token', {
    schema: { tags, summary: 'Open a presentation token (public, once): the chosen fields and the licence\'s verdict', params: TokenParams, response: { 200: PresentationViewSchema, ...Problems } },
    config: publicLimit('licence-presentation'),
  }, async (req, reply) => reply.header('cache-control', 'no-store').send(await look(db(), key(), req.params.token, req.lang)));

  app.get('/api/workbench/licences', {
    schema: { tags, security, summary: '证照管理: licences the caller\'s departments issued, by identifier, number, case, holder, type and status, newest first', querystring: RegisterQuerySchema, response: { 200: RegisterPageSchema, ...Problems } },
    ...staff,
  }, async (req) => searchRegister(db(), key(), actorOf(req), req.query, req.lang));

  app.get('/api/workbench/licences/:id', {
    schema: { tags, security, summary: 'One licence the caller\'s department issued, with its versions, status history and the caller\'s actions', params: LicenceIdParams, response: { 200: RegisterEntrySchema, ...Problems } },
    ...staff,
  }, async (req) => registerEntry(db(), key(), actorOf(req), req.params.id, req.lang, originOf(req)));

  app.get('/api/licence-keys/:departmentCode', {
    schema: { tags, security, summary: 'The department\'s signing keys, active and retired, with the licences each signed (its staff)', params: DepartmentParams, response: { 200: DepartmentKeysSchema, ...Problems } },
    ...staff,
  }, async (req) => departmentKeys(db(), actorOf(req), req.params.departmentCode));

  app.post('/api/licences/:id/revoke', {
    schema: { tags, security, summary: 'Revoke a licence (staff of the issuing department)', params: LicenceIdParams, body: RevokeBody, response: { 200: LicenceViewSchema, ...Problems } },
    ...staff, config: { idempotent: true },
  }, async (req) => licences.revoke(db(), key(), actorOf(req), req.params.id, req.body.reason, req.lang, originOf(req)));

  app.post('/api/licences/:id/replace', {
    schema: { tags, security, summary: 'Replace (换发) a licence with a new version (staff of the issuing department)', params: LicenceIdParams, body: ReplaceBody, response: { 200: LicenceViewSchema, ...Problems } },
    ...staff, config: { idempotent: true },
  }, async (req) => licences.replace(db(), key(), actorOf(req), req.params.id, req.body, req.lang, originOf(req)));

  app.post('/api/licence-keys/:departmentCode/rotate', {
    schema: { tags, security, summary: 'Retire the department\'s signing key and make a new one (dept_admin)', params: DepartmentParams, response: { 200: RotatedSchema, ...Problems } },
    ...signedIn, config: { idempotent: true },
  }, async (req) => {
    if (!canRotateKeys(actorOf(req), req.params.departmentCode)) throw new AppError('FORBIDDEN');
    return { keyId: await tx(db(), (t) => rotateKey(t, key(), req.params.departmentCode, actorOf(req).accountId)) };
  });
}
