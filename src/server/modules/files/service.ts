// Uploads and stored files: streamed into the blob store while hashed, counted and sniffed; the
// row is written only once the bytes are stored and accepted, so a refused upload leaves nothing.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FileRef } from '../../../contract/applications.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth.js';
import { now } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { UploadMeter } from './meter.js';
import { sanitiseFileName } from './naming.js';
import { isOwner } from './policy.js';
import * as repo from './repo.js';
import { fileStore } from './store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const toFileRef = (f: repo.FileRow): FileRef => ({
  id: f.id, name: f.name, contentType: f.content_type, size: Number(f.size), sha256: f.sha256,
});

/** One file part of a multipart request, as @fastify/multipart hands it over. */
export interface UploadPart {
  filename?: string;
  /** busboy marks the stream truncated when it passed the size limit */
  file: Readable & { truncated?: boolean };
}

/** The request: its declared length and a way to reach its first file part. */
export interface UploadRequest {
  declaredLength: number | undefined;
  nextFile(): Promise<UploadPart | undefined>;
}

/** room for the multipart boundaries and part headers around the file itself */
const MULTIPART_OVERHEAD = 64 * 1024;

/** Store one upload for the actor and describe it; refused uploads store nothing. */
export async function upload(db: Executor, actor: Actor, request: UploadRequest, maxBytes: number): Promise<FileRef> {
  // a body declared larger than any acceptable file is refused before a byte of it is read
  if (request.declaredLength !== undefined && request.declaredLength > maxBytes + MULTIPART_OVERHEAD) {
    throw new AppError('UPLOAD_TOO_LARGE', sizeDetail(maxBytes));
  }
  const part = await request.nextFile().catch((error: unknown) => { throw multipartError(error, maxBytes); });
  if (!part) throw new AppError('UPLOAD_FILE_MISSING');
  const store = fileStore();
  const id = randomUUID();
  const meter = new UploadMeter(maxBytes);
  part.file.on('error', (e) => meter.destroy(e));
  try {
    await store.put(id, part.file.pipe(meter));
    if (part.file.truncated) throw new AppError('UPLOAD_TOO_LARGE', sizeDetail(maxBytes));
    if (meter.size === 0) throw new AppError('UPLOAD_EMPTY');
    const type = meter.contentType();
    if (!type) throw new AppError('UPLOAD_TYPE_NOT_ALLOWED');
    const ref: FileRef = { id, name: sanitiseFileName(part.filename, type), contentType: type, size: meter.size, sha256: meter.sha256 };
    await repo.insertFile(db, { ...ref, ownerAccountId: actor.accountId, storageKey: id, at: now() });
    return ref;
  } catch (error) {
    part.file.resume(); // read the rest of the request so the reply can be sent
    await store.delete(id);
    throw multipartError(error, maxBytes);
  }
}

const sizeDetail = (maxBytes: number) => ({
  zh: `文件不能超过 ${formatMB(maxBytes)}`, en: `Files may be at most ${formatMB(maxBytes)}`,
});
const formatMB = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** The multipart parser's own errors in the module's codes. */
function multipartError(error: unknown, maxBytes: number): unknown {
  if (error instanceof AppError) return error.code === 'UPLOAD_TOO_LARGE' && !error.detail ? new AppError('UPLOAD_TOO_LARGE', sizeDetail(maxBytes)) : error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('UPLOAD_TOO_LARGE', sizeDetail(maxBytes));
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError('UNSUPPORTED_MEDIA_TYPE');
  return error;
}

/** The caller's own upload; anyone else's is not found. */
export async function ownFile(db: Executor, actor: Actor, id: string): Promise<repo.FileRow> {
  const file = await repo.findFile(db, id);
  if (!file || !isOwner(actor, file)) throw new AppError('FILE_NOT_FOUND');
  return file;
}

/** Delete the caller's upload while no case holds it. */
export async function remove(db: Executor, actor: Actor, id: string): Promise<void> {
  const file = await ownFile(db, actor, id);
  if (file.attached_to) throw new AppError('FILE_ATTACHED');
  const key = await repo.deleteUnattached(db, id);
  if (!key) throw new AppError('FILE_ATTACHED'); // claimed between the read and the delete
  await fileStore().delete(key);
}

/**
 * Attach the owner's uploads to `attachTo` (a case number) inside the caller's transaction.
 * Every id must exist, belong to the owner and be free or already attached to the same target;
 * otherwise FILE_NOT_FOUND naming the first such id (and the caller's transaction rolls back).
 * Attaching writes no audit entry of its own: it is part of the case change the caller audits,
 * whose entry should list the files (id and sha256), so one chained entry covers the submission.
 */
export async function claimFiles(t: Executor, ownerAccountId: string, fileIds: string[], attachTo: string): Promise<FileRef[]> {
  const ids = [...new Set(fileIds)];
  const bad = ids.find((id) => !UUID.test(id));
  if (bad !== undefined) throw notFound(bad);
  if (!ids.length) return [];
  const attached = await repo.attachFiles(t, ownerAccountId, ids, attachTo, now());
  const byId = new Map(attached.map((f) => [f.id, f]));
  const missing = ids.find((id) => !byId.has(id.toLowerCase()));
  if (missing !== undefined) throw notFound(missing);
  return fileIds.map((id) => toFileRef(byId.get(id.toLowerCase())!));
}

/** Files claimed for `from` in this transaction follow their case to the number `to`. */
export async function moveClaimedFiles(t: Executor, ownerAccountId: string, fileIds: string[], from: string, to: string): Promise<void> {
  const ids = [...new Set(fileIds)];
  if (!ids.length) return;
  const moved = await repo.moveAttachment(t, ownerAccountId, ids, from, to);
  if (moved.length !== ids.length) throw new Error(`moveClaimedFiles: ${moved.length} of ${ids.length} files moved from ${from}`);
}

const notFound = (id: string) => new AppError('FILE_NOT_FOUND', { zh: `文件 ${id} 不存在或不可用`, en: `File ${id} does not exist or is not available` });

/** Describe the files with these ids, in the order given; ids that do not exist are left out. */
export async function fileRefs(db: Executor, ids: string[]): Promise<FileRef[]> {
  const valid = ids.filter((id) => UUID.test(id));
  const found = new Map((await repo.findFiles(db, valid)).map((f) => [f.id, f]));
  return valid.flatMap((id) => (found.has(id.toLowerCase()) ? [toFileRef(found.get(id.toLowerCase())!)] : []));
}

/** The file and its bytes, or null when there is no such file (or its bytes are gone). No access check. */
export async function openFile(db: Executor, id: string): Promise<{ ref: FileRef; stream: Readable } | null> {
  if (!UUID.test(id)) return null;
  const file = await repo.findFile(db, id);
  if (!file) return null;
  try {
    return { ref: toFileRef(file), stream: await fileStore().get(file.storage_key) };
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
}

export const UNATTACHED_RETENTION_DAYS = 7;

/** Delete unattached uploads created before `olderThan`, rows and bytes; returns how many. */
export async function purgeUnattachedFiles(db: Executor, olderThan: Date): Promise<number> {
  let removed = 0;
  for (;;) {
    const keys = await repo.deleteUnattachedBefore(db, olderThan, 500);
    for (const key of keys) await fileStore().delete(key);
    removed += keys.length;
    if (keys.length < 500) return removed;
  }
}
