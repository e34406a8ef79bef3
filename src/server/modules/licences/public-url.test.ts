import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import type { RegisterEntry } from '../../../contract/licence-register.js';
import type { LicenceView, PresentationCreated } from '../../../contract/licences.js';
import { ConfigError, loadConfig } from '../../config.js';
import { verifyQrPng } from './pdf.js';
import { qrSvg } from './service.js';
import { issueLicence, startLicencesApp, type LicencesContext } from './test-fixtures.js';

const PUBLIC_URL = 'https://zwfw.qingchuan.example.gov.cn';

/** The pixel data of every image in a PDF (the QR code is the licence's only image). */
function imagesOf(pdf: PDFDocument): string[] {
  return pdf.context.enumerateIndirectObjects()
    .filter(([, o]) => o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'))
    .map(([, o]) => Buffer.from((o as PDFRawStream).contents).toString('base64'));
}

/** The URIs of the link annotations on the PDF's first page. */
function linksOf(pdf: PDFDocument): string[] {
  const annots = pdf.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray);
  return annots.asArray().map((ref) => {
    const action = pdf.context.lookup(ref, PDFDict).lookup(PDFName.of('A'), PDFDict);
    return action.lookup(PDFName.of('URI'), PDFString).decodeText();
  });
}

/** The image a PDF holds after embedding the QR code of `url` exactly as the licence does. */
async function expectedQrImage(url: string): Promise<string> {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  page.drawImage(await doc.embedPng(await verifyQrPng(url)), { x: 0, y: 0, width: 120, height: 120 });
  return imagesOf(await PDFDocument.load(await doc.save()))[0];
}

describe('TONGBAN_PUBLIC_URL: the public site printed on licences and presentations', () => {
  it('takes an absolute http(s) URL of the site\'s root, drops a trailing slash, and refuses anything else', () => {
    const base = { TONGBAN_EMBEDDED_STORAGE: 'memory', TONGBAN_SECRET_KEY: 'a1'.repeat(32) };
    assert.equal(loadConfig({ ...base }).publicUrl, undefined);
    assert.equal(loadConfig({ ...base, TONGBAN_PUBLIC_URL: '' }).publicUrl, undefined);
    assert.equal(loadConfig({ ...base, TONGBAN_PUBLIC_URL: 'https://zwfw.example.gov.cn/' }).publicUrl, 'https://zwfw.example.gov.cn');
    assert.equal(loadConfig({ ...base, TONGBAN_PUBLIC_URL: 'HTTP://Zwfw.Example.gov.cn:8080' }).publicUrl, 'http://zwfw.example.gov.cn:8080');
    for (const bad of ['zwfw.example.gov.cn', 'ftp://zwfw.example.gov.cn', 'https://zwfw.example.gov.cn/tongban', 'https://zwfw.example.gov.cn/?a=1',
      'https://zwfw.example.gov.cn/#top', 'https://user:pw@zwfw.example.gov.cn', 'https://']) {
      assert.throws(() => loadConfig({ ...base, TONGBAN_PUBLIC_URL: bad }), (e: Error) => e instanceof ConfigError && e.message.includes('TONGBAN_PUBLIC_URL'), bad);
    }
  });

  describe('when it is set', () => {
    let t: LicencesContext;
    before(async () => { t = await startLicencesApp({ publicUrl: PUBLIC_URL }); });
    after(async () => t?.close());

    it('puts it in the verify link, the PDF\'s QR code and link, the staff view and the 亮证 link and QR code, whatever the request\'s host', async () => {
      const l = await issueLicence(t);
      const expected = `${PUBLIC_URL}/verify/${l.id}`;
      const view: LicenceView = (await t.as.citizen1.get(`/api/licences/${l.id}`, { host: 'internal-node-3:3000' })).json();
      assert.equal(view.verifyUrl, expected);

      const res = await t.as.citizen1.get(`/api/licences/${l.id}/pdf`, { host: 'internal-node-3:3000' });
      assert.equal(res.statusCode, 200);
      const pdf = await PDFDocument.load(res.rawPayload);
      assert.deepEqual(linksOf(pdf), [expected]);
      assert.deepEqual(imagesOf(pdf), [await expectedQrImage(expected)], 'the QR code encodes the public verify link');
      assert.notDeepEqual(imagesOf(pdf), [await expectedQrImage(`http://internal-node-3:3000/verify/${l.id}`)]);

      const entry: RegisterEntry = (await t.as['reviewer.gaj'].get(`/api/workbench/licences/${l.id}`)).json();
      assert.equal(entry.licence.verifyUrl, expected);

      const created = await t.as.citizen1.post(`/api/licences/${l.id}/presentations`, { fields: ['vehicleClass'] });
      assert.equal(created.statusCode, 201, created.body);
      const p: PresentationCreated = created.json();
      assert.equal(p.url, `${PUBLIC_URL}/presentations/${p.token}`);
      assert.equal(p.qrSvg, await qrSvg(p.url));
    });
  });

  describe('when it is not set', () => {
    let t: LicencesContext;
    before(async () => { t = await startLicencesApp(); });
    after(async () => t?.close());

    it('uses the request\'s origin', async () => {
      const l = await issueLicence(t);
      const view: LicenceView = (await t.as.citizen1.get(`/api/licences/${l.id}`, { host: 'zwfw.local:8443' })).json();
      assert.equal(view.verifyUrl, `http://zwfw.local:8443/verify/${l.id}`);
      const pdf = await PDFDocument.load((await t.as.citizen1.get(`/api/licences/${l.id}/pdf`, { host: 'zwfw.local:8443' })).rawPayload);
      assert.deepEqual(linksOf(pdf), [view.verifyUrl]);
      assert.deepEqual(imagesOf(pdf), [await expectedQrImage(view.verifyUrl)]);
    });
  });
});
