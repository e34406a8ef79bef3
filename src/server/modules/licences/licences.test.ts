import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import type { LicenceKeys, LicenceSummary, LicenceView } from '../../../contract/licences.js';
import { one, rows } from '../../db/client.js';
import { sm2Verify } from '../../platform/sm2.js';
import { pinClock, problemOf, START } from '../applications/test-fixtures.js';
import { cipherFor } from '../../platform/crypto.js';
import { licenceLibraryProvider } from './library.js';
import { signedRecord } from './record.js';
import type { LicenceRow } from './repo.js';
import { issueLicence, startLicencesApp, verdictOf, type LicencesContext } from './test-fixtures.js';
import { parseIdentifier } from './identifier.js';

const count = async (t: LicencesContext, table: string) => Number((await one<{ n: string }>(t.db.orm, sql.raw(`SELECT count(*) AS n FROM ${table}`)))!.n);

describe('e-licences: issuing, wallet, verification, revocation and replacement', () => {
  let t: LicencesContext;
  before(async () => { t = await startLicencesApp(); });
  after(async () => t?.close());

  it('issues a signed licence when a case delivered as an e-licence is approved, with audit entry and notice', async () => {
    const l = await issueLicence(t);
    assert.equal(l.typeName, '机动车驾驶证');
    assert.equal(l.holderName, '李明华');
    assert.ok(l.holderCode.endsWith('0030') && !l.holderCode.includes('19880315'), `the ID number is masked: ${l.holderCode}`);
    assert.equal(l.holderCodeType, '111');
    assert.equal(l.issuer.code, '11419900006930217E');
    assert.equal(l.validTo, '2036-03-01', 'ten years from the issue date');
    const parts = parseIdentifier(l.identifier);
    assert.ok(parts, 'the identifier carries a correct check character');
    assert.equal(parts.issuerCode, '11419900006930217E');
    assert.equal(parts.version, 1);
    const view: LicenceView = (await t.as.citizen1.get(`/api/licences/${l.id}`)).json();
    assert.deepEqual(view.fields.find((f) => f.name === 'purpose'), { name: 'purpose', label: '换证原因', value: '驾驶证有效期满换证' });
    assert.match(view.verifyUrl, new RegExp(`/verify/${l.id}$`));
    assert.equal(await count(t, `audit_log WHERE stream = 'licence:${l.id}' AND action = 'licence.issued'`), 1);
    const notice = await one<{ n: string }>(t.db.orm, sql`SELECT count(*) AS n FROM outbox WHERE topic = 'notify' AND payload->>'kind' = 'licence.issued'`);
    assert.ok(Number(notice!.n) >= 1);
    assert.equal(await verdictOf(t, l.id), 'authentic');
    assert.equal(await verdictOf(t, l.identifier), 'authentic', 'by identifier too');
    const uses = (await t.as.citizen1.get(`/api/licences/${l.id}/uses`)).json().items.map((u: { kind: string }) => u.kind);
    assert.deepEqual(uses, ['verified', 'verified', 'issued']);
  });

  it('reports a licence with one changed field in the database as tampered', async () => {
    const l = await issueLicence(t);
    await t.db.orm.execute(sql`UPDATE licences SET fields = jsonb_set(fields, '{purpose}', '"驾驶证遗失补证"') WHERE id = ${l.id}`);
    assert.equal(await verdictOf(t, l.id), 'tampered');
    const m = await issueLicence(t);
    await t.db.orm.execute(sql`UPDATE licences SET valid_to = '2046-03-01' WHERE id = ${m.id}`);
    assert.equal(await verdictOf(t, m.id), 'tampered');
  });

  it('reports an expired licence as expired', async () => {
    const l = await issueLicence(t);
    pinClock('2036-03-05T02:00:00.000Z');
    try {
      assert.equal(await verdictOf(t, l.id), 'expired');
    } finally {
      pinClock(START);
    }
    assert.equal(await verdictOf(t, l.id), 'authentic');
  });

  it('lets staff of the issuing department revoke with a reason; another department\'s staff get 404, a citizen 403; bad input writes nothing', async () => {
    const l = await issueLicence(t);
    const other = await t.as['reviewer.scjg'].post(`/api/licences/${l.id}/revoke`, { reason: '测试' });
    assert.equal(other.statusCode, 404);
    assert.equal(problemOf(other).code, 'LICENCE_NOT_FOUND');
    const otherReplace = await t.as['reviewer.scjg'].post(`/api/licences/${l.id}/replace`, { reason: '测试', fields: {} });
    assert.equal(otherReplace.statusCode, 404, otherReplace.body);
    assert.equal(problemOf(otherReplace).code, 'LICENCE_NOT_FOUND');
    const citizen = await t.as.citizen1.post(`/api/licences/${l.id}/revoke`, { reason: '测试' });
    assert.equal(citizen.statusCode, 403);
    assert.equal(problemOf(citizen).code, 'FORBIDDEN');
    const before = await count(t, 'licence_uses');
    const bad = await t.as['reviewer.gaj'].post(`/api/licences/${l.id}/revoke`, { reason: 'x', extra: 1 });
    assert.equal(bad.statusCode, 400);
    assert.equal(problemOf(bad).code, 'VALIDATION_FAILED');
    const badId = await t.as['reviewer.gaj'].post('/api/licences/not-a-uuid/revoke', { reason: '证照信息有误' });
    assert.equal(problemOf(badId).code, 'VALIDATION_FAILED');
    assert.equal(await count(t, 'licence_uses'), before, 'nothing written');
    const ok = await t.as['reviewer.gaj'].post(`/api/licences/${l.id}/revoke`, { reason: '驾驶人记分满分，依法注销' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().status, 'revoked');
    assert.equal(await verdictOf(t, l.id), 'revoked');
    const again = await t.as['reviewer.gaj'].post(`/api/licences/${l.id}/revoke`, { reason: '再次注销' });
    assert.equal(again.statusCode, 409);
    assert.equal(problemOf(again).code, 'LICENCE_NOT_VALID');
    assert.equal(await count(t, `audit_log WHERE stream = 'licence:${l.id}' AND action = 'licence.revoked'`), 1);
  });

  it('replaces a licence with version 002 of the same serial and marks the old one replaced', async () => {
    const l = await issueLicence(t);
    const unknown = await t.as['reviewer.gaj'].post(`/api/licences/${l.id}/replace`, { reason: '信息变更', fields: { colour: '红' } });
    assert.equal(problemOf(unknown).code, 'LICENCE_FIELD_UNKNOWN');
    const res = await t.as['reviewer.gaj'].post(`/api/licences/${l.id}/replace`, { reason: '准驾车型变更', fields: { vehicleClass: 'C1' } });
    assert.equal(res.statusCode, 200, res.body);
    const next: LicenceView = res.json();
    assert.equal(next.version, 2);
    assert.equal(parseIdentifier(next.identifier)!.serial, parseIdentifier(l.identifier)!.serial);
    assert.match(next.identifier, /\.002\.[0-9A-Z]$/);
    assert.equal(next.fields.find((f) => f.name === 'vehicleClass')!.value, 'C1');
    assert.equal(await verdictOf(t, l.id), 'replaced');
    assert.equal(await verdictOf(t, next.id), 'authentic');
    const old: LicenceView = (await t.as.citizen1.get(`/api/licences/${l.id}`)).json();
    assert.equal(old.replacedBy, next.id);
  });

  it('keeps licences signed with a retired key verifiable after the department rotates its key', async () => {
    const a = await issueLicence(t);
    assert.equal((await t.as['reviewer.scjg'].post('/api/licence-keys/gaj/rotate')).statusCode, 403);
    const rotated = await t.as['admin.gaj'].post('/api/licence-keys/gaj/rotate');
    assert.equal(rotated.statusCode, 200, rotated.body);
    const b = await issueLicence(t);
    const [ka, kb] = await Promise.all([a, b].map(async (x) => (await t.as.citizen1.get(`/api/licences/${x.id}`)).json().signature.keyId as string));
    assert.notEqual(ka, kb);
    assert.equal(kb, rotated.json().keyId);
    assert.equal(await verdictOf(t, a.id), 'authentic');
    assert.equal(await verdictOf(t, b.id), 'authentic');
    const doc = await t.anonymous.get('/.well-known/tongban/licence-keys.json');
    assert.equal(doc.statusCode, 200);
    assert.match(String(doc.headers['content-type']), /application\/json/);
    const keys: LicenceKeys = doc.json();
    assert.equal(keys.algorithm, 'SM2-SM3');
    assert.equal(keys.keys.find((k) => k.keyId === ka)!.status, 'retired');
    assert.equal(keys.keys.find((k) => k.keyId === kb)!.status, 'active');
    // anyone holding the published key and the record verifies the stored signature
    const row = (await one<LicenceRow>(t.db.orm, sql`SELECT *, to_char(issued_on, 'YYYY-MM-DD') AS issued_on, to_char(valid_from, 'YYYY-MM-DD') AS valid_from,
      to_char(valid_to, 'YYYY-MM-DD') AS valid_to FROM licences WHERE id = ${a.id}`))!;
    const record = signedRecord(row, cipherFor(t.config.secretKey).decrypt(row.holder_code_enc));
    assert.equal(sm2Verify(record, row.signature, keys.keys.find((k) => k.keyId === ka)!.publicKey), true);
  });

  it('shows a licence to its holder only (404 for others), and renders a PDF with the QR code', async () => {
    const l = await issueLicence(t);
    for (const path of [`/api/licences/${l.id}`, `/api/licences/${l.id}/pdf`, `/api/licences/${l.id}/uses`]) {
      const res = await t.as.citizen2.get(path);
      assert.equal(res.statusCode, 404, path);
      assert.equal(problemOf(res).code, 'LICENCE_NOT_FOUND');
    }
    assert.equal((await t.anonymous.get(`/api/licences/${l.id}`)).statusCode, 401);
    assert.ok(!(await t.as.citizen2.get('/api/licences')).json().items.some((x: { id: string }) => x.id === l.id));
    const mine: LicenceSummary = (await t.as.citizen1.get('/api/licences')).json().items.find((x: { id: string }) => x.id === l.id);
    const detail: LicenceView = (await t.as.citizen1.get(`/api/licences/${l.id}`)).json();
    assert.ok(mine.fields.length > 0 && mine.fields.some((f) => f.value), 'the wallet card carries the licence\'s own fields');
    assert.deepEqual(mine.fields, detail.fields);
    const res = await t.as.citizen1.get(`/api/licences/${l.id}/pdf`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    const pdf = await PDFDocument.load(res.rawPayload);
    assert.equal(pdf.getPageCount(), 1);
    assert.match(pdf.getTitle() ?? '', /机动车驾驶证/);
    assert.equal(pdf.getSubject(), l.identifier);
    const images = pdf.context.enumerateIndirectObjects().filter(([, o]) => o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'));
    assert.equal(images.length, 1, 'the QR code image');
    const fonts = pdf.context.enumerateIndirectObjects().filter(([, o]) => String(o).includes('/FontFile2'));
    assert.ok(fonts.length >= 1, 'the embedded CJK font');
  });

  it('answers the exchange with the holder\'s valid licences and logs the read for the holder', async () => {
    const l = await issueLicence(t);
    const provider = licenceLibraryProvider(t.config.secretKey);
    const answer = await provider.lookup(t.db.orm, { idNumber: '419902198803150030' }, ['licences', 'licenceTypes'], {
      consumerDepartment: 'scjg', purpose: { kind: 'case', caseNo: 'C1', itemCode: 'X' }, actor: { accountId: null, name: 'test' }, messageId: 'm1',
    });
    const list = answer!.licences as { identifier: string }[];
    assert.ok(list.some((x) => x.identifier === l.identifier));
    assert.deepEqual(answer!.licenceTypes, ['driving_licence']);
    assert.equal(await provider.lookup(t.db.orm, { idNumber: '419902199001010011' }, ['licences']), null);
    const uses = await rows<{ detail: { consumer: string } }>(t.db.orm, sql`SELECT detail FROM licence_uses WHERE licence_id = ${l.id} AND kind = 'exchange_read'`);
    assert.equal(uses[0].detail.consumer, 'scjg');
  });

  it('verifies unknown ids as not found (404) and malformed ones as invalid (400)', async () => {
    assert.equal(problemOf(await t.anonymous.get('/api/licences/verify/00000000-0000-4000-8000-000000000000')).code, 'LICENCE_NOT_FOUND');
    assert.equal(problemOf(await t.anonymous.get('/api/licences/verify/abc')).code, 'VALIDATION_FAILED');
  });
});
