// SQL of the files module's table `files`. find* may return nothing; no rules here.
import { sql } from 'drizzle-orm';
import { one, rows, type Executor } from '../../db/client.js';

export interface FileRow {
  id: string;
  owner_account_id: string;
  name: string;
  content_type: string;
  size: number | string;
  sha256: string;
  storage_key: string;
  created_at: Date | string;
  attached_at: Date | string | null;
  attached_to: string | null;
}

const COLUMNS = sql.raw('id::text AS id, owner_account_id::text AS owner_account_id, name, content_type, size, sha256, storage_key, created_at, attached_at, attached_to');
const iso = (d: Date) => d.toISOString();
/** a uuid[] parameter that both drivers pass the same way */
const uuidArray = (ids: string[]) => sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;

export interface NewFile {
  id: string; ownerAccountId: string; name: string; contentType: string; size: number; sha256: string; storageKey: string; at: Date;
}

export async function insertFile(t: Executor, f: NewFile): Promise<void> {
  await t.execute(sql`INSERT INTO files (id, owner_account_id, name, content_type, size, sha256, storage_key, created_at)
    VALUES (${f.id}, ${f.ownerAccountId}, ${f.name}, ${f.contentType}, ${f.size}, ${f.sha256}, ${f.storageKey}, ${iso(f.at)}::timestamptz)`);
}

export const findFile = (db: Executor, id: string) =>
  one<FileRow>(db, sql`SELECT ${COLUMNS} FROM files WHERE id = ${id}::uuid`);

export const findFiles = (db: Executor, ids: string[]) =>
  ids.length ? rows<FileRow>(db, sql`SELECT ${COLUMNS} FROM files WHERE id = ANY(${uuidArray(ids)})`) : Promise.resolve([]);

/**
 * Attach the owner's files that are free or already attached to `target`; returns those attached.
 * The row locks make a concurrent claim for another target wait, then find the file taken.
 */
export const attachFiles = (t: Executor, ownerAccountId: string, ids: string[], target: string, at: Date) =>
  rows<FileRow>(t, sql`UPDATE files SET attached_to = ${target}, attached_at = coalesce(attached_at, ${iso(at)}::timestamptz)
    WHERE id = ANY(${uuidArray(ids)}) AND owner_account_id = ${ownerAccountId}::uuid AND (attached_to IS NULL OR attached_to = ${target})
    RETURNING ${COLUMNS}`);

/** Move these files, attached to `from` by this owner, to `to` (a case that had to draw another number). */
export const moveAttachment = (t: Executor, ownerAccountId: string, ids: string[], from: string, to: string) =>
  rows<{ id: string }>(t, sql`UPDATE files SET attached_to = ${to}
    WHERE id = ANY(${uuidArray(ids)}) AND owner_account_id = ${ownerAccountId}::uuid AND attached_to = ${from} RETURNING id`);

/** Delete the row if it is still unattached; returns its storage key when it was deleted. */
export async function deleteUnattached(t: Executor, id: string): Promise<string | null> {
  const r = await one<{ storage_key: string }>(t, sql`DELETE FROM files WHERE id = ${id}::uuid AND attached_to IS NULL RETURNING storage_key`);
  return r?.storage_key ?? null;
}

/** Delete unattached rows created before `before` (at most `limit`); returns their storage keys. */
export async function deleteUnattachedBefore(t: Executor, before: Date, limit: number): Promise<string[]> {
  const r = await rows<{ storage_key: string }>(t, sql`DELETE FROM files WHERE id IN (
      SELECT id FROM files WHERE attached_to IS NULL AND created_at < ${iso(before)}::timestamptz
      ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING storage_key`);
  return r.map((x) => x.storage_key);
}
