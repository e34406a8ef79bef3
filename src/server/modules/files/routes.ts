// HTTP face of uploads: one file per request into the blob store, read back and deleted by its
// owner only. Each route is schema → guard → one service call.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { perProcess } from '../../config.js';
import { FileRefSchema } from '../../../contract/applications.js';
import { FileIdParams, UPLOAD_TYPES, UploadPolicySchema } from '../../../contract/files.js';
import { actorOf, requireAuth, requireRole } from '../../platform/auth.js';
import { blobStoreFor, LocalDiskStore } from '../../platform/storage.js';
import { DownloadQuery, NoContent, Problems } from './schemas.js';
import { sendFile } from './send.js';
import * as files from './service.js';
import { useFileStore } from './store.js';

const tags = ['uploads'];
const security = [{ session: [] }];
const uploaders = requireRole('citizen', 'enterprise_agent', 'clerk');

export async function filesRoutes(parent: FastifyInstance) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { maxUploadBytes, uploadsPerMinute } = app.config;
  const store = blobStoreFor(app.config);
  useFileStore(store);
  // temp files a crashed process left half-written
  if (store instanceof LocalDiskStore) void store.sweepTemp().catch((error: unknown) => app.log.warn({ err: error }, 'could not sweep upload temp files'));
  const db = () => app.db.orm;
  // multipart is parsed in this plugin's scope only; the file limit is enforced while streaming
  await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 1, fields: 4, parts: 5, fieldSize: 1024, headerPairs: 50 } });

  app.get('/api/uploads/policy', {
    schema: { tags, summary: 'Accepted file types and the size limit of uploads', response: { 200: UploadPolicySchema } },
  }, async () => ({ maxBytes: maxUploadBytes, types: [...UPLOAD_TYPES] }));

  app.post('/api/uploads', {
    schema: {
      tags, security, consumes: ['multipart/form-data'],
      summary: 'Upload one material file (form field "file"): PDF, JPG, PNG or OFD, type told from its bytes',
      response: { 201: FileRefSchema, ...Problems },
    },
    preValidation: uploaders,
    config: { rateLimit: { max: perProcess(app.config, uploadsPerMinute), timeWindow: '1 minute', hook: 'preHandler', keyGenerator: (req) => `upload:${req.actor?.accountId ?? req.ip}` } },
  }, async (req, reply) => {
    const declared = Number(req.headers['content-length']);
    const ref = await files.upload(db(), actorOf(req), {
      declaredLength: Number.isFinite(declared) ? declared : undefined,
      nextFile: async () => (await req.file()) ?? undefined,
    }, maxUploadBytes);
    return reply.code(201).send(ref);
  });

  app.get('/api/uploads/:id', {
    schema: { tags, security, summary: 'The caller\'s own upload, with its sniffed type', params: FileIdParams, querystring: DownloadQuery, response: { ...Problems } },
    preValidation: requireAuth,
  }, async (req, reply) => {
    await files.ownFile(db(), actorOf(req), req.params.id);
    return sendFile(reply, db(), req.params.id, req.query.download ? 'attachment' : 'inline');
  });

  app.delete('/api/uploads/:id', {
    schema: { tags, security, summary: 'Delete the caller\'s upload while no case holds it', params: FileIdParams, response: { 204: NoContent, ...Problems } },
    preValidation: requireAuth,
  }, async (req, reply) => {
    await files.remove(db(), actorOf(req), req.params.id);
    return reply.code(204).send(null);
  });
}
