// Blob storage behind one interface: uploaded files live here, their metadata in the database.
// Local disk by default; an in-memory store for tests; an S3-compatible store plugs in the same way.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface BlobStore {
  /** Store the bytes under key (replacing any previous object). Nothing is left under key if it fails. */
  put(key: string, body: Readable | Buffer): Promise<{ size: number }>;
  /** The object's bytes; rejects with code 'ENOENT' when there is none. */
  get(key: string): Promise<Readable>;
  /** Remove the object; removing a missing object is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

/** Keys are flat names (e.g. a uuid): letters, digits, dot, dash, underscore; never a path. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export function checkKey(key: string): string {
  if (!KEY.test(key) || key.includes('..')) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
  return key;
}

const notFound = (key: string) => Object.assign(new Error(`no stored object ${key}`), { code: 'ENOENT' });

/** Keeps objects in process memory: tests and the in-memory embedded mode. */
export class MemoryStore implements BlobStore {
  private readonly objects = new Map<string, Buffer>();

  async put(key: string, body: Readable | Buffer) {
    checkKey(key);
    let bytes: Buffer;
    if (Buffer.isBuffer(body)) bytes = Buffer.from(body);
    else {
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
      bytes = Buffer.concat(chunks);
    }
    this.objects.set(key, bytes);
    return { size: bytes.length };
  }

  async get(key: string) {
    const bytes = this.objects.get(checkKey(key));
    if (!bytes) throw notFound(key);
    return Readable.from([bytes]);
  }

  async delete(key: string) { this.objects.delete(checkKey(key)); }
  async exists(key: string) { return this.objects.has(checkKey(key)); }
  /** how many objects are stored (tests check that a refused upload left nothing behind) */
  get size() { return this.objects.size; }
}

/**
 * Files under a root folder, sharded two levels deep by a hash of the key (ab/cd/<key>) so no
 * folder grows too large. A put writes `tmp/<random>.part`, flushes it to disk and renames it into
 * place, so a crash never leaves a half-written file under the final key.
 */
export class LocalDiskStore implements BlobStore {
  private readonly tmpDir: string;
  constructor(readonly root: string) {
    this.tmpDir = path.join(root, 'tmp');
  }

  pathOf(key: string): string {
    const h = createHash('sha256').update(checkKey(key)).digest('hex');
    return path.join(this.root, h.slice(0, 2), h.slice(2, 4), key);
  }

  async put(key: string, body: Readable | Buffer) {
    const target = this.pathOf(key);
    await mkdir(this.tmpDir, { recursive: true });
    const temp = path.join(this.tmpDir, `${randomUUID()}.part`);
    const out = createWriteStream(temp, { flags: 'wx', mode: 0o600 });
    try {
      await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, out);
      const handle = await open(temp, 'r+');
      let size: number;
      try {
        await handle.sync();
        size = (await handle.stat()).size;
      } finally {
        await handle.close();
      }
      await mkdir(path.dirname(target), { recursive: true });
      await rename(temp, target);
      return { size };
    } catch (error) {
      // a source that fails at once can beat the file's open: the stream still creates the file
      // after pipeline gave up, so wait for it to close before removing it
      if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string) {
    const handle = await open(this.pathOf(key), 'r'); // rejects with ENOENT now, not later in the stream
    return handle.createReadStream();
  }

  async delete(key: string) { await rm(this.pathOf(key), { force: true }); }

  async exists(key: string) {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch {
      return false;
    }
  }

  /** Remove temp files a crashed process left behind (older than maxAgeMs, so live writes are spared). */
  async sweepTemp(maxAgeMs = 24 * 3600_000): Promise<number> {
    let removed = 0;
    const names = await readdir(this.tmpDir).catch(() => [] as string[]);
    for (const name of names) {
      const file = path.join(this.tmpDir, name);
      const info = await stat(file).catch(() => null);
      if (info && Date.now() - info.mtimeMs > maxAgeMs) {
        await rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }
}

export interface StorageSettings { fileStorage: 'disk' | 'memory'; fileStorageDir: string }

const stores = new Map<string, BlobStore>();

/** One store per process and setting, so every app built in this process sees the same objects. */
export function blobStoreFor(settings: StorageSettings): BlobStore {
  const id = settings.fileStorage === 'memory' ? 'memory' : `disk:${path.resolve(settings.fileStorageDir)}`;
  let store = stores.get(id);
  if (!store) {
    store = settings.fileStorage === 'memory' ? new MemoryStore() : new LocalDiskStore(path.resolve(settings.fileStorageDir));
    stores.set(id, store);
  }
  return store;
}
