import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { one } from '../../db/client.js';
import type { MemoryStore } from '../../platform/storage.js';
import { demoClients, problemOf } from '../../test/accounts.js';
import { Client, startTestApp, type TestContext } from '../../test/harness.js';
import { fileStore } from './index.js';
import { fakeExe, htmlPage, multipart, plainZip, tinyJpeg, tinyOfd, tinyPdf, tinyPng } from './test-fixtures.js';

const MAX = 64 * 1024;

describe('material uploads (POST/GET/DELETE /api/uploads)', () => {
  let t: TestContext;
  let c: Record<'citizen1' | 'citizen2' | 'company1' | 'clerk1' | 'operator1', Client>;

  before(async () => {
    t = await startTestApp({ maxUploadBytes: MAX });
    c = await demoClients(t, ['citizen1', 'citizen2', 'company1', 'clerk1', 'operator1']);
  });
  after(async () => { await t.close(); });

  const upload = (client: Client, file: Parameters<typeof multipart>[0], fields?: Record<string, string>) => {
    const body = multipart(file, fields);
    return client.post('/api/uploads', body.payload, body.headers);
  };
  const fileCount = async () => Number((await one<{ n: string }>(t.db.orm, sql`SELECT count(*) AS n FROM files`))!.n);
  const storedCount = () => (fileStore() as MemoryStore).size;
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

  const accepted = [
    { label: 'a PDF', filename: '身份证明.pdf', data: tinyPdf(), type: 'application/pdf' },
    { label: 'a JPEG', filename: 'photo.JPG', data: tinyJpeg(), type: 'image/jpeg' },
    { label: 'a PNG', filename: 'scan.png', data: tinyPng(), type: 'image/png' },
    { label: 'an OFD (a ZIP with OFD.xml at its root)', filename: '营业执照.ofd', data: tinyOfd(), type: 'application/ofd' },
  ];
  for (const f of accepted) {
    it(`stores ${f.label} with the type told from its bytes and the SHA-256 of its bytes`, async () => {
      const before = [await fileCount(), storedCount()];
      const res = await upload(c.citizen1, { filename: f.filename, data: f.data, contentType: 'application/octet-stream' });
      assert.equal(res.statusCode, 201, res.body);
      const ref = res.json();
      assert.deepEqual(Object.keys(ref).sort(), ['contentType', 'id', 'name', 'sha256', 'size']);
      assert.deepEqual([ref.name, ref.contentType, ref.size, ref.sha256], [f.filename, f.type, f.data.length, sha(f.data)]);
      assert.deepEqual([await fileCount(), storedCount()], [before[0] + 1, before[1] + 1]);

      const back = await c.citizen1.get(`/api/uploads/${ref.id}`);
      assert.equal(back.statusCode, 200);
      assert.ok(back.rawPayload.equals(f.data));
      assert.equal(back.headers['content-type'], f.type);
      assert.equal(back.headers['x-content-type-options'], 'nosniff');
      assert.match(String(back.headers['content-security-policy']), /^sandbox\b/);
      assert.match(String(back.headers['content-disposition']), new RegExp(`^inline; filename="[^"]+"; filename\\*=UTF-8''${encodeURIComponent(f.filename).replace(/[()]/g, '\\$&')}$`));
    });
  }

  it('lets enterprise agents and window clerks upload too', async () => {
    for (const client of [c.company1, c.clerk1]) {
      assert.equal((await upload(client, { filename: 'a.pdf', data: tinyPdf() })).statusCode, 201);
    }
  });

  const refused = [
    { label: 'an executable named .pdf', filename: 'invoice.pdf', data: fakeExe(), contentType: 'application/pdf' },
    { label: 'an HTML page named .png', filename: 'x.png', data: htmlPage(), contentType: 'image/png' },
    { label: 'a ZIP without OFD.xml at its root named .ofd', filename: 'doc.ofd', data: plainZip(), contentType: 'application/ofd' },
  ];
  for (const f of refused) {
    it(`refuses ${f.label} with 415 and keeps nothing`, async () => {
      const before = [await fileCount(), storedCount()];
      const res = await upload(c.citizen1, f);
      assert.equal(res.statusCode, 415);
      assert.equal(problemOf(res).code, 'UPLOAD_TYPE_NOT_ALLOWED');
      assert.deepEqual([await fileCount(), storedCount()], before);
    });
  }

  it('refuses a file over the size limit with 413 and keeps nothing', async () => {
    const before = [await fileCount(), storedCount()];
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(MAX, 0x20)]);
    const res = await upload(c.citizen1, { filename: 'big.pdf', data: big });
    assert.equal(res.statusCode, 413);
    const problem = problemOf(res);
    assert.equal(problem.code, 'UPLOAD_TOO_LARGE');
    assert.match(problem.detail ?? '', /0\.1 MB/);
    assert.deepEqual([await fileCount(), storedCount()], before);
    // declared far too large: refused before the body is read
    const huge = multipart({ filename: 'huge.pdf', data: Buffer.concat([tinyPdf(), Buffer.alloc(MAX * 3)]) });
    const early = await c.citizen1.post('/api/uploads', huge.payload, huge.headers);
    assert.equal(problemOf(early).code, 'UPLOAD_TOO_LARGE');
    assert.deepEqual([await fileCount(), storedCount()], before);
  });

  it('accepts a file of exactly the size limit', async () => {
    const exact = Buffer.concat([tinyPdf(), Buffer.alloc(MAX - tinyPdf().length, 0x20)]);
    const res = await upload(c.citizen1, { filename: 'exact.pdf', data: exact });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().size, MAX);
  });

  it('refuses an empty file with 422 and a request without a file with 400', async () => {
    const before = [await fileCount(), storedCount()];
    const empty = await upload(c.citizen1, { filename: 'empty.pdf', data: Buffer.alloc(0) });
    assert.equal(empty.statusCode, 422);
    assert.equal(problemOf(empty).code, 'UPLOAD_EMPTY');
    const none = await upload(c.citizen1, null, { note: 'no file' });
    assert.equal(none.statusCode, 400);
    assert.equal(problemOf(none).code, 'UPLOAD_FILE_MISSING');
    const json = await c.citizen1.post('/api/uploads', { file: 'x' });
    assert.equal(problemOf(json).code, 'UNSUPPORTED_MEDIA_TYPE');
    assert.deepEqual([await fileCount(), storedCount()], before);
  });

  it('requires a signed-in uploader: 401 for strangers, 403 for other roles, 403 without the CSRF header', async () => {
    const body = multipart({ filename: 'a.pdf', data: tinyPdf() });
    const anonymous = await new Client(t.app).post('/api/uploads', body.payload, body.headers);
    assert.equal(anonymous.statusCode, 401);
    assert.equal(problemOf(anonymous).code, 'UNAUTHENTICATED');
    const operator = await c.operator1.post('/api/uploads', body.payload, body.headers);
    assert.equal(problemOf(operator).code, 'FORBIDDEN');
    const noCsrf = await c.citizen1.post('/api/uploads', body.payload, { ...body.headers, 'x-csrf-token': '' });
    assert.equal(noCsrf.statusCode, 403);
  });

  it('keeps a safe version of the file name, with an extension of the sniffed type', async () => {
    const cases: [string, Buffer, string][] = [
      ['..\\..\\etc/passwd.pdf', tinyPdf(), 'passwd.pdf'],
      ['报告\u202egpj.exe', tinyPng(), '报告gpj.exe.png'],
      ['photo.pdf', tinyPng(), 'photo.pdf.png'],
      ['   ', tinyJpeg(), 'file.jpg'],
    ];
    for (const [filename, data, expected] of cases) {
      const res = await upload(c.citizen1, { filename, data });
      assert.equal(res.json().name, expected, filename);
    }
  });

  it('serves an upload to its owner only; anyone else gets 404 as if it did not exist', async () => {
    const ref = (await upload(c.citizen1, { filename: 'mine.pdf', data: tinyPdf() })).json();
    assert.equal((await c.citizen1.get(`/api/uploads/${ref.id}?download=true`)).headers['content-disposition']?.toString().split(';')[0], 'attachment');
    for (const other of [c.citizen2, c.clerk1]) {
      const res = await other.get(`/api/uploads/${ref.id}`);
      assert.equal(res.statusCode, 404);
      assert.equal(problemOf(res).code, 'FILE_NOT_FOUND');
    }
    assert.equal((await new Client(t.app).get(`/api/uploads/${ref.id}`)).statusCode, 401);
    assert.equal(problemOf(await c.citizen1.get('/api/uploads/00000000-0000-4000-8000-000000000000')).code, 'FILE_NOT_FOUND');
    assert.equal(problemOf(await c.citizen1.get('/api/uploads/not-a-uuid')).code, 'VALIDATION_FAILED');
  });

  it('lets the owner delete an unattached upload (bytes and row), and nobody else', async () => {
    const ref = (await upload(c.citizen1, { filename: 'gone.pdf', data: tinyPdf() })).json();
    const before = [await fileCount(), storedCount()];
    assert.equal(problemOf(await c.citizen2.delete(`/api/uploads/${ref.id}`)).code, 'FILE_NOT_FOUND');
    assert.equal((await c.citizen1.delete(`/api/uploads/${ref.id}`)).statusCode, 204);
    assert.deepEqual([await fileCount(), storedCount()], [before[0] - 1, before[1] - 1]);
    assert.equal((await c.citizen1.get(`/api/uploads/${ref.id}`)).statusCode, 404);
    assert.equal(problemOf(await c.citizen1.delete(`/api/uploads/${ref.id}`)).code, 'FILE_NOT_FOUND');
  });

  it('refuses to delete an upload a case holds (409)', async () => {
    const ref = (await upload(c.citizen1, { filename: 'held.pdf', data: tinyPdf() })).json();
    await t.db.orm.execute(sql`UPDATE files SET attached_to = '330100202601010000001', attached_at = now() WHERE id = ${ref.id}`);
    const res = await c.citizen1.delete(`/api/uploads/${ref.id}`);
    assert.equal(res.statusCode, 409);
    assert.equal(problemOf(res).code, 'FILE_ATTACHED');
    assert.equal((await c.citizen1.get(`/api/uploads/${ref.id}`)).statusCode, 200);
  });

  it('publishes the accepted types and the size limit', async () => {
    const res = await new Client(t.app).get('/api/uploads/policy');
    assert.deepEqual(res.json(), { maxBytes: MAX, types: ['application/pdf', 'image/jpeg', 'image/png', 'application/ofd'] });
  });
});

describe('upload rate limit', () => {
  let t: TestContext;
  after(async () => { await t?.close(); });

  it('limits uploads per account per minute, each account on its own', async () => {
    t = await startTestApp({ uploadsPerMinute: 2 });
    const c = await demoClients(t, ['citizen1', 'citizen2']);
    const send = (client: Client) => { const b = multipart({ filename: 'a.pdf', data: tinyPdf() }); return client.post('/api/uploads', b.payload, b.headers); };
    assert.deepEqual([(await send(c.citizen1)).statusCode, (await send(c.citizen1)).statusCode], [201, 201]);
    const third = await send(c.citizen1);
    assert.equal(third.statusCode, 429);
    assert.equal(problemOf(third).code, 'RATE_LIMITED');
    assert.equal((await send(c.citizen2)).statusCode, 201);
  });
});
