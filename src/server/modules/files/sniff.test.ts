import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { UploadMeter } from './meter.js';
import { contentDisposition, sanitiseFileName } from './naming.js';
import { isOfdZip, sniffHead } from './sniff.js';
import { fakeExe, plainZip, tinyJpeg, tinyOfd, tinyPdf, tinyPng, zip } from './test-fixtures.js';

/** run bytes through the meter in chunks of `size` bytes */
async function meter(data: Buffer, chunk = 1, max = 1 << 20) {
  const m = new UploadMeter(max);
  const parts: Buffer[] = [];
  for (let i = 0; i < data.length; i += chunk) parts.push(data.subarray(i, i + chunk));
  await pipeline(Readable.from(parts), m, new Writable({ write(_c, _e, done) { done(); } }));
  return m;
}

describe('type sniffing', () => {
  it('tells each accepted type from its bytes, even when they arrive one byte at a time', async () => {
    const cases: [Buffer, string][] = [[tinyPdf(), 'application/pdf'], [tinyJpeg(), 'image/jpeg'], [tinyPng(), 'image/png'], [tinyOfd(), 'application/ofd']];
    for (const [data, type] of cases) {
      assert.equal((await meter(data, 1)).contentType(), type);
      assert.equal((await meter(data, 4096)).contentType(), type);
    }
  });

  it('fails at the first bytes of a type that is not allowed, before the rest is read', async () => {
    await assert.rejects(meter(fakeExe()), { code: 'UPLOAD_TYPE_NOT_ALLOWED' });
    await assert.rejects(meter(Buffer.from('%PDX-1.4 not quite')), { code: 'UPLOAD_TYPE_NOT_ALLOWED' });
    assert.equal(sniffHead(Buffer.from('%P'), false), 'undecided');
    assert.equal(sniffHead(Buffer.from('%P'), true), null);
  });

  it('fails once the size passes the limit', async () => {
    await assert.rejects(meter(Buffer.concat([tinyPdf(), Buffer.alloc(100)]), 16, 64), { code: 'UPLOAD_TOO_LARGE' });
  });

  it('accepts a ZIP as OFD only when OFD.xml is an entry at its root', () => {
    const ofd = tinyOfd();
    assert.equal(isOfdZip(ofd, ofd.length), true);
    assert.equal(isOfdZip(plainZip(), plainZip().length), false);
    assert.equal(isOfdZip(zip([{ name: 'ofd.xml', data: Buffer.from('x') }]), zip([{ name: 'ofd.xml', data: Buffer.from('x') }]).length), false);
    // an archive comment after the end record is allowed
    const commented = Buffer.concat([ofd.subarray(0, ofd.length - 2), Buffer.from([5, 0]), Buffer.from('hello')]);
    assert.equal(isOfdZip(commented, commented.length), true);
    // a directory offset that does not add up (a truncated or spliced file) is not trusted
    const shifted = Buffer.concat([Buffer.from('junk'), ofd]);
    assert.equal(isOfdZip(shifted, shifted.length), false);
    assert.equal(isOfdZip(ofd.subarray(0, ofd.length - 10), ofd.length - 10), false);
  });
});

describe('file names', () => {
  it('sends the UTF-8 name as filename* with an ASCII fallback', () => {
    assert.equal(contentDisposition('营业执照 (副本).pdf'),
      `inline; filename="____ (__).pdf"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%20%28%E5%89%AF%E6%9C%AC%29.pdf`);
    assert.equal(contentDisposition('a"b\\c.pdf', 'attachment'), `attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`);
  });

  it('keeps names within 200 characters with the extension', () => {
    const name = sanitiseFileName(`${'长'.repeat(300)}.pdf`, 'application/pdf');
    assert.equal([...name].length, 200);
    assert.ok(name.endsWith('.pdf'));
    assert.equal(sanitiseFileName('scan.JPEG', 'image/jpeg'), 'scan.JPEG');
    assert.equal(sanitiseFileName(undefined, 'application/ofd'), 'file.ofd');
    assert.equal(sanitiseFileName('a<b>:c?.png', 'image/png'), 'a_b__c_.png');
  });
});
