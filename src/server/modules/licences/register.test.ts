import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { DepartmentKeys, RegisterEntry, RegisterPage } from '../../../contract/licence-register.js';
import { one } from '../../db/client.js';
import { problemOf } from '../applications/test-fixtures.js';
import { issueLicence, startLicencesApp, verdictOf, type LicencesContext } from './test-fixtures.js';

const count = async (t: LicencesContext, what: string) => Number((await one<{ n: string }>(t.db.orm, sql.raw(`SELECT count(*) AS n FROM ${what}`)))!.n);

describe('the issuing department\'s licence register (证照管理): search, one licence, keys', () => {
  let t: LicencesContext;
  let first: Awaited<ReturnType<typeof issueLicence>>;
  let second: Awaited<ReturnType<typeof issueLicence>>;
  const search = async (query: string, who: keyof LicencesContext['as'] = 'reviewer.gaj') => {
    const res = await t.as[who].get(`/api/workbench/licences${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as RegisterPage;
  };
  const ids = (page: RegisterPage) => page.items.map((l) => l.id);

  before(async () => {
    t = await startLicencesApp();
    first = await issueLicence(t, '驾驶证有效期满换证');
    second = await issueLicence(t, '驾驶证损毁换证');
  });
  after(async () => t?.close());

  it('lists the department\'s licences newest first, paged, with the holder\'s ID number masked and the types it issues', async () => {
    const page = await search('?department=gaj');
    assert.equal(page.total, 2);
    assert.deepEqual(ids(page), [second.id, first.id]);
    assert.ok(page.items.every((l) => l.holderCode === '419902********0030'), JSON.stringify(page.items.map((l) => l.holderCode)));
    assert.ok(page.types.some((x) => x.key === 'driving_licence' && x.name === '机动车驾驶证'));
    const paged = await search('?department=gaj&page=2&pageSize=1');
    assert.deepEqual([paged.total, paged.page, paged.pageSize, ids(paged)], [2, 2, 1, [first.id]]);
    assert.deepEqual(ids(await search('')), [second.id, first.id], 'all of the caller\'s departments without one named');
  });

  it('finds a licence by identifier, licence number, case number, the holder\'s ID number and part of the holder\'s name', async () => {
    for (const q of [first.identifier, first.licenceNo, first.caseNo]) assert.deepEqual(ids(await search(`?q=${encodeURIComponent(q)}`)), [first.id], q);
    assert.deepEqual(ids(await search('?q=419902198803150030')), [second.id, first.id], 'by the holder\'s ID number (keyed hash)');
    assert.deepEqual(ids(await search(`?q=${encodeURIComponent('明华')}`)), [second.id, first.id], 'by part of the name');
    assert.deepEqual(ids(await search(`?q=${encodeURIComponent('张')}`)), []);
    assert.deepEqual(ids(await search('?type=driving_licence')), [second.id, first.id]);
    assert.deepEqual(ids(await search('?type=marriage')), []);
  });

  it('filters by status: valid, revoked, replaced and expired', async () => {
    const l = await issueLicence(t, '驾驶证遗失补证');
    const revoked = await t.as['reviewer.gaj'].post(`/api/licences/${l.id}/revoke`, { reason: '驾驶人记分满分，依法注销' });
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.deepEqual(ids(await search('?status=revoked')), [l.id]);
    assert.deepEqual(ids(await search('?status=valid')), [second.id, first.id]);
    assert.deepEqual(ids(await search('?status=expired')), []);
    assert.deepEqual(ids(await search('?status=replaced')), []);
  });

  it('rejects bad queries with stable codes, and departments the caller does not manage with 403', async () => {
    for (const [query, code] of [
      ['?status=lost', 'VALIDATION_FAILED'], ['?pageSize=0', 'VALIDATION_FAILED'], ['?page=abc', 'VALIDATION_FAILED'], ['?colour=red', 'VALIDATION_FAILED'],
      ['?department=GAJ!', 'VALIDATION_FAILED'], [`?q=${'x'.repeat(101)}`, 'VALIDATION_FAILED'], ['?type=spaceship_licence', 'LICENCE_TYPE_UNKNOWN'],
    ]) {
      const res = await t.as['reviewer.gaj'].get(`/api/workbench/licences${query}`);
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
      assert.match(String(res.headers['content-type']), /application\/problem\+json/);
      assert.equal(problemOf(res).code, code, query);
    }
    for (const [who, query] of [['reviewer.gaj', '?department=scjg'], ['citizen1', ''], ['clerk1', ''], ['operator1', '']] as const) {
      const res = await t.as[who].get(`/api/workbench/licences${query}`);
      assert.equal(res.statusCode, 403, `${who}${query}: ${res.body}`);
      assert.equal(problemOf(res).code, 'FORBIDDEN');
    }
    assert.equal((await t.anonymous.get('/api/workbench/licences')).statusCode, 401);
    assert.deepEqual(ids(await search('', 'reviewer.scjg')), [], 'another department sees none of gaj\'s licences');
  });

  it('shows one licence with its versions, status history and actions; another department\'s licence is not found', async () => {
    const res = await t.as['reviewer.gaj'].get(`/api/workbench/licences/${first.id}`);
    assert.equal(res.statusCode, 200, res.body);
    const entry: RegisterEntry = res.json();
    assert.equal(entry.licence.identifier, first.identifier);
    assert.equal(entry.licence.holderCode, '419902********0030');
    assert.deepEqual(entry.actions, ['revoke', 'replace']);
    assert.deepEqual(entry.history.map((e) => [e.kind, e.version]), [['issued', 1]]);
    assert.deepEqual(entry.editableFields.map((f) => [f.name, f.locked]), [['applicantName', true], ['vehicleClass', false], ['purpose', false]]);
    for (const who of ['reviewer.scjg', 'citizen1'] as const) {
      const other = await t.as[who].get(`/api/workbench/licences/${first.id}`);
      assert.equal(other.statusCode, who === 'citizen1' ? 403 : 404, `${who}: ${other.body}`);
      if (who === 'reviewer.scjg') assert.equal(problemOf(other).code, 'LICENCE_NOT_FOUND');
    }
    assert.equal(problemOf(await t.as['reviewer.gaj'].get('/api/workbench/licences/00000000-0000-4000-8000-000000000000')).code, 'LICENCE_NOT_FOUND');
    assert.equal(problemOf(await t.as['reviewer.gaj'].get('/api/workbench/licences/not-a-uuid')).code, 'VALIDATION_FAILED');
  });

  it('replaces with corrected fields and a reason, refuses to change a field that follows the holder, then tells the whole story', async () => {
    const before = await count(t, 'licences');
    const locked = await t.as['admin.gaj'].post(`/api/licences/${first.id}/replace`, { reason: '姓名更正', fields: { applicantName: '李明' } });
    assert.equal(locked.statusCode, 400);
    assert.equal(problemOf(locked).code, 'LICENCE_FIELD_LOCKED');
    assert.equal(await count(t, 'licences'), before, 'nothing written');
    const same = { applicantName: '李明华', vehicleClass: 'C1' };
    const res = await t.as['admin.gaj'].post(`/api/licences/${first.id}/replace`, { reason: '准驾车型登记有误，更正后换发', fields: same });
    assert.equal(res.statusCode, 200, res.body);
    const next = res.json().id as string;
    assert.equal(await verdictOf(t, first.id), 'replaced');
    const revoked = await t.as['admin.gaj'].post(`/api/licences/${next}/revoke`, { reason: '持证人申请注销' });
    assert.equal(revoked.statusCode, 200, revoked.body);

    const entry: RegisterEntry = (await t.as['admin.gaj'].get(`/api/workbench/licences/${first.id}`)).json();
    assert.deepEqual(entry.actions, [], 'nothing more to do with a replaced version');
    assert.deepEqual(entry.versions.map((v) => [v.version, v.status]), [[1, 'replaced'], [2, 'revoked']]);
    assert.deepEqual(entry.history.map((e) => [e.kind, e.version, e.reason]), [
      ['issued', 1, null], ['issued', 2, null], ['replaced', 1, '准驾车型登记有误，更正后换发'], ['revoked', 2, '持证人申请注销'],
    ]);
    assert.equal(entry.licence.replacedBy, next);
    const newer: RegisterEntry = (await t.as['admin.gaj'].get(`/api/workbench/licences/${next}`)).json();
    assert.equal(newer.editableFields.find((f) => f.name === 'vehicleClass')!.value, 'C1');
    assert.deepEqual(ids(await search('?status=replaced')), [first.id]);
  });

  it('shows the department\'s keys to its staff and lets only its admin rotate, once per Idempotency-Key; older licences still verify', async () => {
    const keysOf = async (who: keyof LicencesContext['as']) => {
      const res = await t.as[who].get('/api/licence-keys/gaj');
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as DepartmentKeys;
    };
    const before = await keysOf('admin.gaj');
    assert.deepEqual(before.actions, ['rotate']);
    assert.deepEqual((await keysOf('reviewer.gaj')).actions, [], 'an approver sees the keys but does not rotate');
    assert.deepEqual(before.keys.map((k) => k.status), ['active']);
    assert.equal(before.keys[0].licences, await count(t, `licences WHERE issuer_department = 'gaj'`));
    assert.match(before.keys[0].fingerprint, /^[0-9a-f]{32}$/);
    for (const [who, path, status, code] of [
      ['reviewer.scjg', '/api/licence-keys/gaj', 403, 'FORBIDDEN'], ['citizen1', '/api/licence-keys/gaj', 403, 'FORBIDDEN'],
      ['admin.gaj', '/api/licence-keys/GAJ', 400, 'VALIDATION_FAILED'], ['admin.gaj', '/api/licence-keys/scjg', 403, 'FORBIDDEN'],
    ] as const) {
      const res = await t.as[who].get(path);
      assert.equal(res.statusCode, status, `${who} ${path}: ${res.body}`);
      assert.equal(problemOf(res).code, code);
    }
    assert.equal(problemOf(await t.as['reviewer.gaj'].post('/api/licence-keys/gaj/rotate')).code, 'FORBIDDEN');

    const headers = { 'idempotency-key': `rotate-gaj-${process.pid}` };
    const rotated = await t.as['admin.gaj'].post('/api/licence-keys/gaj/rotate', {}, headers);
    assert.equal(rotated.statusCode, 200, rotated.body);
    const again = await t.as['admin.gaj'].post('/api/licence-keys/gaj/rotate', {}, headers);
    assert.equal(again.json().keyId, rotated.json().keyId, 'a retried rotation answers the same key');
    const after = await keysOf('admin.gaj');
    assert.deepEqual(after.keys.map((k) => [k.keyId, k.status]), [[rotated.json().keyId, 'active'], [before.keys[0].keyId, 'retired']]);
    assert.ok(after.keys[1].retiredAt);
    assert.equal(after.keys[0].licences, 0);
    assert.equal(await verdictOf(t, second.id), 'authentic', 'a licence signed with the retired key still verifies');
  });
});
