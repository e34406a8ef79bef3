// 免提交 by reference to an e-licence: a material whose heldBy names a licence type is found in the
// e-licence library through the exchange; the case keeps the licence identifier and the verdict.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sampleDraft } from '../catalog/test-fixtures.js';
import { seedExchange } from '../exchange/index.js';
import { issueLicence, startLicencesApp, type LicencesContext } from '../licences/test-fixtures.js';
import { count, problemOf, TEST_FORM, upload } from './test-fixtures.js';

const ITEM = `9908${String(process.pid % 100_000_000).padStart(8, '0')}`;

describe('免提交 by reference to an e-licence', () => {
  let t: LicencesContext;
  let identifier: string;
  before(async () => {
    t = await startLicencesApp();
    identifier = (await issueLicence(t)).identifier;
    const draft = sampleDraft({
      departmentCode: 'gaj', promisedLimitDays: 5, legalLimitDays: 10, projectType: 'commitment', form: TEST_FORM, deliveryModes: ['window'],
      workflow: { stages: [{ name: '审查', rule: 'all', limitDays: 3, tasks: [{ departmentCode: 'gaj', name: '审查' }] }] },
      materials: [
        { name: '申请表', required: true, form: 'electronic', originals: 0, copies: 0, sourceType: 'applicant', governmentHeld: false },
        { name: '机动车驾驶证', required: true, form: 'electronic', originals: 0, copies: 0, sourceType: 'government', governmentHeld: true, heldBy: '机动车驾驶证（电子证照）' },
      ],
    });
    assert.equal((await t.as.operator1.post('/api/admin/catalog/items', { code: ITEM, ...draft })).statusCode, 201);
    assert.equal((await t.as.operator1.post(`/api/admin/catalog/items/${ITEM}/publish`, { note: '测试事项' })).statusCode, 200);
    await seedExchange(t.db, {
      secretKey: t.config.secretKey, records: [],
      grants: [{ consumerDepartment: 'gaj', itemCode: ITEM, registry: 'licences', fields: ['licenceTypes', 'licences'], legalBasis: '《机动车驾驶证申领和使用规定》第五十五条' }],
    });
  });
  after(() => t.close());

  const body = async (who: 'citizen1' | 'citizen2') => ({
    itemCode: ITEM, formData: { mobile: '13800000009', purpose: '驾驶证相关业务' }, delivery: { mode: 'window' },
    materials: [{ index: 0, fileIds: [await upload(t.as[who])] }, { index: 1, fileIds: [], governmentHeld: true }],
  });

  it('stores the licence identifier and the verdict valid for the holder, shown to the window clerk', async () => {
    const res = await t.as.citizen1.post('/api/applications', await body('citizen1'), { 'idempotency-key': randomUUID() });
    assert.equal(res.statusCode, 201, res.body);
    const verified = res.json().materials[1].verified;
    assert.deepEqual([verified.kind, verified.registry, verified.licence.identifier, verified.licence.verdict], ['licence', 'licences', identifier, 'valid']);
    const staff = (await t.as.clerk1.get(`/api/workbench/cases/${res.json().caseNo}`)).json();
    assert.equal(staff.materials[1].verified.licence.identifier, identifier);
  });

  it('answers a retry of the same submission from its key, without asking the licence library again', async () => {
    const sent = await body('citizen1');
    const key = randomUUID();
    const first = await t.as.citizen1.post('/api/applications', sent, { 'idempotency-key': key });
    assert.equal(first.statusCode, 201, first.body);
    const [calls, cases] = [await count(t, 'exchange_log'), await count(t, 'cases')];
    const again = await t.as.citizen1.post('/api/applications', sent, { 'idempotency-key': key });
    assert.equal(again.statusCode, 201, again.body);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal(again.json().caseNo, first.json().caseNo);
    assert.deepEqual([await count(t, 'exchange_log'), await count(t, 'cases')], [calls, cases]);
  });

  it('refuses 免提交 of a licence the applicant does not hold', async () => {
    const res = await t.as.citizen2.post('/api/applications', await body('citizen2'), { 'idempotency-key': randomUUID() });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(problemOf(res).code, 'HELD_MATERIAL_NOT_AVAILABLE');
  });
});
