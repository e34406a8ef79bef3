import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, stat, utimes, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { LocalDiskStore, MemoryStore, blobStoreFor, type BlobStore } from './storage.js';

const read = async (s: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};
/** a stream that yields some bytes and then fails, like a client that drops mid-upload */
const failing = () => Readable.from((async function* () { yield Buffer.from('half of a file'); throw new Error('connection reset'); })());

let root: string;
before(async () => { root = await mkdtemp(path.join(tmpdir(), 'tongban-store-')); });
after(async () => { await rm(root, { recursive: true, force: true }); });

const stores: [string, () => BlobStore][] = [
  ['MemoryStore', () => new MemoryStore()],
  ['LocalDiskStore', () => new LocalDiskStore(path.join(root, `s${Math.random().toString(16).slice(2)}`))],
];

for (const [label, make] of stores) {
  describe(`${label} keeps the BlobStore contract`, () => {
    it('stores buffers and streams, reads them back, replaces, deletes', async () => {
      const store = make();
      assert.deepEqual(await store.put('a', Buffer.from('first')), { size: 5 });
      assert.deepEqual(await store.put('b', Readable.from([Buffer.from('str'), Buffer.from('eam')])), { size: 6 });
      assert.equal((await read(await store.get('a'))).toString(), 'first');
      assert.equal((await read(await store.get('b'))).toString(), 'stream');
      await store.put('a', Buffer.from('second'));
      assert.equal((await read(await store.get('a'))).toString(), 'second');
      assert.equal(await store.exists('a'), true);
      await store.delete('a');
      await store.delete('a'); // deleting what is gone is fine
      assert.equal(await store.exists('a'), false);
      await assert.rejects(store.get('a'), { code: 'ENOENT' });
    });

    it('keeps nothing under the key when the incoming stream fails', async () => {
      const store = make();
      await assert.rejects(store.put('broken', failing()), /connection reset/);
      assert.equal(await store.exists('broken'), false);
    });

    it('refuses keys that could escape the store', async () => {
      const store = make();
      for (const key of ['../x', 'a/b', '', '.hidden', 'a..b', 'x'.repeat(201)]) {
        await assert.rejects(store.put(key, Buffer.from('x')), /invalid storage key/, key);
      }
    });
  });
}

describe('LocalDiskStore on disk', () => {
  it('shards keys two folders deep and leaves no temp file behind, also after a failed write', async () => {
    const dir = path.join(root, 'shards');
    const store = new LocalDiskStore(dir);
    await store.put('3f2b1c5e-0000-4000-8000-000000000001', Buffer.from('pdf bytes'));
    const file = store.pathOf('3f2b1c5e-0000-4000-8000-000000000001');
    assert.match(path.relative(dir, file), /^[0-9a-f]{2}\/[0-9a-f]{2}\/3f2b1c5e-0000-4000-8000-000000000001$/);
    assert.equal((await stat(file)).size, 9);
    await assert.rejects(store.put('other', failing()));
    assert.deepEqual(await readdir(path.join(dir, 'tmp')), []);
  });

  it('sweeps temp files a crashed process left, sparing fresh ones', async () => {
    const dir = path.join(root, 'sweep');
    const store = new LocalDiskStore(dir);
    await mkdir(path.join(dir, 'tmp'), { recursive: true });
    await writeFile(path.join(dir, 'tmp', 'old.part'), 'x');
    await writeFile(path.join(dir, 'tmp', 'new.part'), 'x');
    const twoDaysAgo = new Date(Date.now() - 48 * 3600_000);
    await utimes(path.join(dir, 'tmp', 'old.part'), twoDaysAgo, twoDaysAgo);
    assert.equal(await store.sweepTemp(), 1);
    assert.deepEqual(await readdir(path.join(dir, 'tmp')), ['new.part']);
  });
});

describe('blobStoreFor', () => {
  it('gives every app of the process the same store for the same setting', () => {
    const disk = { fileStorage: 'disk' as const, fileStorageDir: path.join(root, 'same') };
    assert.equal(blobStoreFor(disk), blobStoreFor({ ...disk, fileStorageDir: path.join(root, 'x', '..', 'same') }));
    assert.ok(blobStoreFor(disk) instanceof LocalDiskStore);
    assert.ok(blobStoreFor({ fileStorage: 'memory', fileStorageDir: '/unused' }) instanceof MemoryStore);
    assert.notEqual(blobStoreFor(disk), blobStoreFor({ ...disk, fileStorageDir: path.join(root, 'other') }));
  });
});
