// HTTP face of the audit trail: chain verification and one stream's entries, for auditors.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireRole } from '../../platform/auth.js';
import './errors.js';
import * as audit from './service.js';

const ChainBreak = Type.Object({ stream: Type.String(), seq: Type.Integer(), id: Type.Integer(), reason: Type.String() });
const VerifyResult = Type.Object({ ok: Type.Boolean(), entries: Type.Integer(), streams: Type.Integer(), breaks: Type.Array(ChainBreak), checkedAt: Type.String() });
const Entry = Type.Object({ seq: Type.Integer(), at: Type.String(), actorId: Type.String(), action: Type.String(), target: Type.String(), digest: Type.String(), hash: Type.String() });
const auditor = { preValidation: requireRole('auditor') };

export async function auditRoutes(app: FastifyInstance) {
  app.get('/api/audit/verify', {
    ...auditor,
    schema: { tags: ['audit'], summary: 'Walk every audit hash chain and report the first broken entry of each stream', response: { 200: VerifyResult } },
  }, async (req) => audit.verify(app.db.orm, req.actor));

  app.get('/api/audit/streams/:stream', {
    ...auditor,
    schema: {
      tags: ['audit'], summary: "One stream's entries, newest first (e.g. item:000133001000)",
      params: Type.Object({ stream: Type.String({ pattern: '^[a-z_]+:[A-Za-z0-9_.:-]{1,80}$' }) }),
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })) }, { additionalProperties: false }),
      response: { 200: Type.Array(Entry) },
    },
  }, async (req) => {
    const { stream } = req.params as { stream: string };
    const { limit } = req.query as { limit?: number };
    return audit.streamEntries(app.db.orm, req.actor, stream, limit ?? 100);
  });
}
