// Serving a stored file safely: the sniffed type only, never sniffed again by the browser, shown
// in a sandbox (no scripts, no same-origin access) and never cached by shared caches.
import type { FastifyReply } from 'fastify';
import type { Executor } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { contentDisposition } from './naming.js';
import { openFile } from './service.js';

/** The headers every stored file is sent with. */
export function safeFileHeaders(ref: { name: string; contentType: string; size: number }, disposition: 'inline' | 'attachment' = 'inline') {
  return {
    'content-type': ref.contentType,
    'content-length': String(ref.size),
    'content-disposition': contentDisposition(ref.name, disposition),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'",
    'cache-control': 'private, no-store',
  };
}

/**
 * Stream file `id` as the reply, with the safe headers; FILE_NOT_FOUND when it does not exist.
 * It checks no access: the route that calls it has decided the caller may read this file.
 */
export async function sendFile(reply: FastifyReply, db: Executor, id: string, disposition: 'inline' | 'attachment' = 'inline'): Promise<FastifyReply> {
  const opened = await openFile(db, id);
  if (!opened) throw new AppError('FILE_NOT_FOUND');
  return reply.headers(safeFileHeaders(opened.ref, disposition)).send(opened.stream);
}
