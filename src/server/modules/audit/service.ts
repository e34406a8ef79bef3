// Audit trail for auditors: verify every stream's hash chain, and read one stream's entries.
// It never writes: the platform's appendAudit is the only writer of audit_log.
import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../../db/client.js';
import { verifyAudit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth.js';
import { AppError } from '../../platform/errors.js';
import { canReadAudit } from './policy.js';

function assertAuditor(actor: Actor | null) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!canReadAudit(actor)) throw new AppError('FORBIDDEN');
}

export async function verify(db: Executor, actor: Actor | null) {
  assertAuditor(actor);
  const result = await verifyAudit(db);
  return { ok: result.breaks.length === 0, entries: result.entries, streams: result.streams, breaks: result.breaks, checkedAt: new Date().toISOString() };
}

export interface AuditEntryView { seq: number; at: string; actorId: string; action: string; target: string; digest: string; hash: string }

export async function streamEntries(db: Executor, actor: Actor | null, stream: string, limit: number): Promise<AuditEntryView[]> {
  assertAuditor(actor);
  const list = await rows<{ seq: number; at: string | Date; actor_id: string; action: string; target: string; digest: string; hash: string }>(db,
    sql`SELECT seq, at, actor_id, action, target, digest, hash FROM audit_log WHERE stream = ${stream} ORDER BY seq DESC LIMIT ${limit}`);
  if (!list.length) throw new AppError('AUDIT_STREAM_NOT_FOUND');
  return list.map((r) => ({ seq: r.seq, at: new Date(r.at).toISOString(), actorId: r.actor_id, action: r.action, target: r.target, digest: r.digest, hash: r.hash }));
}
