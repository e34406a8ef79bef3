// Append-only audit log. Each stream (an account, an item, later a case or licence) carries its
// own SHA-256 hash chain, so writers of different streams never wait on one another.
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { one, rows, type Executor } from '../db/client.js';

export interface AuditEntry {
  stream: string;
  actorId: string;
  action: string;
  target: string;
  /** the change itself; only its digest is stored, so no personal data lands in the log */
  change: unknown;
  regionCode?: string | null;
}

const GENESIS = '0'.repeat(64);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** JSON with sorted keys, so the same change always has the same digest. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function entryHash(e: { prevHash: string; stream: string; seq: number; at: string; actorId: string; action: string; target: string; digest: string }) {
  return sha256([e.prevHash, e.stream, e.seq, e.at, e.actorId, e.action, e.target, e.digest].join('|'));
}

/**
 * Append an entry inside the caller's transaction. The stream's advisory lock orders concurrent
 * appends; `streamLocked: true` skips it (one round trip less) when the caller already holds a
 * lock every writer of the stream takes (a case's row lock for `case:<no>`). The lock cannot share
 * a statement with the read of the last entry: under READ COMMITTED that read's snapshot is taken
 * before the lock wait and would miss the entry the previous holder committed. Were a writer to
 * skip both locks, UNIQUE (stream, seq) turns the race into an error, never a forked chain.
 */
export async function appendAudit(t: Executor, entry: AuditEntry, options: { streamLocked?: boolean; newStream?: boolean } = {}): Promise<void> {
  if (options.newStream) {
    await rows(t, firstAuditEntry(entry));
    return;
  }
  if (!options.streamLocked) await rows(t, sql`SELECT pg_advisory_xact_lock(hashtext(${entry.stream}))`);
  const last = await one<{ seq: number; hash: string }>(t, sql`SELECT seq, hash FROM audit_log WHERE stream = ${entry.stream} ORDER BY seq DESC LIMIT 1`);
  await rows(t, entryInsert(entry, (last?.seq ?? 0) + 1, last?.hash ?? GENESIS));
}

/**
 * The INSERT of the first entry of a stream whose subject the caller's transaction creates (a case
 * just inserted): it reads nothing, so it may run on its own or ride on another statement of the
 * transaction as a data-modifying CTE. Were there an entry after all, UNIQUE (stream, seq) fails
 * the transaction rather than fork the chain.
 */
export const firstAuditEntry = (entry: AuditEntry): SQL => entryInsert(entry, 1, GENESIS);

function entryInsert(entry: AuditEntry, seq: number, prevHash: string): SQL {
  const at = new Date().toISOString();
  const digest = sha256(canonicalJson(entry.change));
  const hash = entryHash({ prevHash, stream: entry.stream, seq, at, actorId: entry.actorId, action: entry.action, target: entry.target, digest });
  return sql`INSERT INTO audit_log (stream, seq, at, actor_id, action, target, digest, prev_hash, hash, region_code)
    VALUES (${entry.stream}, ${seq}, ${at}, ${entry.actorId}, ${entry.action}, ${entry.target}, ${digest}, ${prevHash}, ${hash}, ${entry.regionCode ?? null})`;
}

export interface ChainBreak { stream: string; seq: number; id: number; reason: 'HASH_MISMATCH' | 'PREV_MISMATCH' | 'SEQ_GAP' }

/** Walk every stream's chain; report the first broken entry of each stream. */
export async function verifyAudit(db: Executor): Promise<{ entries: number; streams: number; breaks: ChainBreak[] }> {
  const all = await rows<{ id: number; stream: string; seq: number; at: string | Date; actor_id: string; action: string; target: string; digest: string; prev_hash: string; hash: string }>(
    db, sql`SELECT id, stream, seq, at, actor_id, action, target, digest, prev_hash, hash FROM audit_log ORDER BY stream, seq`);
  const breaks: ChainBreak[] = [];
  let stream = '';
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let broken = false;
  let streams = 0;
  for (const r of all) {
    if (r.stream !== stream) { stream = r.stream; prevHash = GENESIS; expectedSeq = 1; broken = false; streams++; }
    if (broken) continue;
    const at = new Date(r.at).toISOString();
    const reason = r.seq !== expectedSeq ? 'SEQ_GAP'
      : r.prev_hash !== prevHash ? 'PREV_MISMATCH'
      : entryHash({ prevHash: r.prev_hash, stream: r.stream, seq: r.seq, at, actorId: r.actor_id, action: r.action, target: r.target, digest: r.digest }) !== r.hash ? 'HASH_MISMATCH'
      : null;
    if (reason) { breaks.push({ stream, seq: r.seq, id: Number(r.id), reason }); broken = true; continue; }
    prevHash = r.hash;
    expectedSeq++;
  }
  return { entries: all.length, streams, breaks };
}
