import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { one, rows, tx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { demoClients } from '../../test/accounts.js';
import { startTestApp, type Client, type TestContext } from '../../test/harness.js';
import { claimFiles, fileRefs, fileStore, openFile, purgeUnattachedFiles } from './index.js';
import { multipart, tinyJpeg, tinyPdf, tinyPng } from './test-fixtures.js';

const CASE_A = '330100202601050000001';
const CASE_B = '330100202601050000002';

describe('files for other modules: claimFiles, fileRefs, openFile, purgeUnattachedFiles', () => {
  let t: TestContext;
  let c: Record<'citizen1' | 'citizen2', Client>;
  let owner: string;

  before(async () => {
    t = await startTestApp({ outboxWorker: false });
    c = await demoClients(t, ['citizen1', 'citizen2']);
    owner = (await c.citizen1.get('/api/me')).json().id;
  });
  after(async () => { await t.close(); });

  const upload = async (client: Client, data = tinyPdf(), filename = 'a.pdf') => {
    const body = multipart({ filename, data });
    const res = await client.post('/api/uploads', body.payload, body.headers);
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; name: string; sha256: string; size: number; contentType: string };
  };
  const attachedTo = async (id: string) => (await one<{ attached_to: string | null }>(t.db.orm, sql`SELECT attached_to FROM files WHERE id = ${id}`))?.attached_to;
  const claim = (ids: string[], target: string, account = owner) => tx(t.db.orm, (q) => claimFiles(q, account, ids, target));
  const rejectsWith = async (p: Promise<unknown>, id: string) => {
    await assert.rejects(p, (e: unknown) => e instanceof AppError && e.code === 'FILE_NOT_FOUND' && e.status === 404
      && typeof e.detail === 'object' && e.detail.en.includes(id));
  };

  it('attaches the owner\'s files to a case in the caller\'s transaction and describes them in order', async () => {
    const a = await upload(c.citizen1, tinyPdf(), '申请表.pdf');
    const b = await upload(c.citizen1, tinyPng(), 'photo.png');
    const refs = await claim([b.id, a.id], CASE_A);
    assert.deepEqual(refs, [b, a]);
    assert.deepEqual([await attachedTo(a.id), await attachedTo(b.id)], [CASE_A, CASE_A]);
    // again for the same case: nothing changes, no error
    assert.deepEqual(await claim([a.id], CASE_A), [a]);
    // a rolled-back transaction leaves the file free
    const d = await upload(c.citizen1);
    await assert.rejects(tx(t.db.orm, async (q) => { await claimFiles(q, owner, [d.id], CASE_B); throw new Error('case insert failed'); }));
    assert.equal(await attachedTo(d.id), null);
  });

  it('refuses, naming the id, a file attached to another case, someone else\'s, an unknown or a malformed one, and attaches none of the batch', async () => {
    const held = await upload(c.citizen1);
    await claim([held.id], CASE_A);
    const free = await upload(c.citizen1);
    const foreign = await upload(c.citizen2);
    const unknown = '00000000-0000-4000-8000-000000000000';
    await rejectsWith(claim([free.id, held.id], CASE_B), held.id);
    await rejectsWith(claim([free.id, foreign.id], CASE_B), foreign.id);
    await rejectsWith(claim([free.id, unknown], CASE_B), unknown);
    await rejectsWith(claim(['../etc/passwd'], CASE_B), '../etc/passwd');
    assert.deepEqual([await attachedTo(free.id), await attachedTo(held.id), await attachedTo(foreign.id)], [null, CASE_A, null]);
    assert.deepEqual(await claim([], CASE_B), []);
  });

  it('lets only one of two concurrent claims for different cases take a file', async () => {
    const f = await upload(c.citizen1);
    const results = await Promise.allSettled([claim([f.id], CASE_A), claim([f.id], CASE_B)]);
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    assert.ok([CASE_A, CASE_B].includes((await attachedTo(f.id))!));
  });

  it('describes files in the order asked, leaving out unknown ids', async () => {
    const a = await upload(c.citizen1, tinyJpeg(), 'a.jpg');
    const b = await upload(c.citizen2, tinyPdf(), 'b.pdf');
    assert.deepEqual(await fileRefs(t.db.orm, [b.id, 'nope', a.id, '00000000-0000-4000-8000-000000000000']), [b, a]);
    assert.deepEqual(await fileRefs(t.db.orm, []), []);
  });

  it('opens a file with its bytes, or says there is none', async () => {
    const data = tinyPng();
    const f = await upload(c.citizen1, data, 'p.png');
    const opened = await openFile(t.db.orm, f.id);
    assert.ok(opened);
    assert.deepEqual(opened.ref, f);
    const chunks: Buffer[] = [];
    for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
    assert.ok(Buffer.concat(chunks).equals(data));
    assert.equal(await openFile(t.db.orm, '00000000-0000-4000-8000-000000000000'), null);
    assert.equal(await openFile(t.db.orm, 'x'), null);
  });

  it('purges unattached uploads older than the cut-off, rows and bytes, and keeps attached and recent ones', async () => {
    const old = await upload(c.citizen1);
    const oldAttached = await upload(c.citizen1);
    await claim([oldAttached.id], CASE_A);
    const recent = await upload(c.citizen1);
    await t.db.orm.execute(sql`UPDATE files SET created_at = created_at - interval '8 days' WHERE id IN (${old.id}, ${oldAttached.id})`);
    const cutoff = new Date(Date.now() - 7 * 86_400_000);
    const keyOf = async (id: string) => (await one<{ storage_key: string }>(t.db.orm, sql`SELECT storage_key FROM files WHERE id = ${id}`))!.storage_key;
    const oldKey = await keyOf(old.id);
    assert.equal(await fileStore().exists(oldKey), true);

    assert.equal(await purgeUnattachedFiles(t.db.orm, cutoff), 1);
    const left = (await rows<{ id: string }>(t.db.orm, sql`SELECT id::text AS id FROM files WHERE id IN (${old.id}, ${oldAttached.id}, ${recent.id})`)).map((r) => r.id).sort();
    assert.deepEqual(left, [oldAttached.id, recent.id].sort());
    assert.equal(await fileStore().exists(oldKey), false);
    assert.equal(await fileStore().exists(await keyOf(recent.id)), true);
    assert.equal(await purgeUnattachedFiles(t.db.orm, cutoff), 0);
  });
});
