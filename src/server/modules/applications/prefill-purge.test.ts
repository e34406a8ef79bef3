// The records of registry prefill are purged by the housekeeping: those older than the retention and
// those a submission used up go, window by window; recent ones stay, and a submission prepared with
// consent is still checked against the registry after a purge.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { CaseView } from '../../../contract/applications.js';
import type { ItemForm } from '../../../contract/forms.js';
import { buildApp } from '../../app.js';
import { one, rows } from '../../db/client.js';
import { seedPersons } from '../../db/seed/data/people.js';
import { advanceClock, now } from '../../platform/clock.js';
import { seedExchange } from '../exchange/index.js';
import { PREFILL_RETENTION_DAYS, purgeApplicationPrefills } from './index.js';
import { insertPrefill } from './repo-prefills.js';
import { newKey, problemOf, publishPrefillItem, singleStage, startApplicationsApp, upload, type ApplicationsContext } from './test-fixtures.js';

const ITEM = `9907${String(process.pid % 100_000_000).padStart(8, '0')}`;
const OTHER_ITEM = `9906${String(process.pid % 100_000_000).padStart(8, '0')}`;
const DAY = 86_400_000;
const idOf = (u: string) => seedPersons.find((p) => p.username === u)!.idNumber;

const FORM: ItemForm = {
  schema: {
    type: 'object',
    properties: { babyName: { type: 'string', minLength: 1, maxLength: 50 }, purpose: { type: 'string', minLength: 2, maxLength: 200 } },
    required: ['babyName', 'purpose'],
  },
  ui: {
    sections: [{ title: '登记信息', fields: ['babyName', 'purpose'] }],
    fields: {
      babyName: { label: '新生儿姓名', labelEn: 'Newborn', registryPrefill: { registry: 'birth_medical', field: 'babyName' } },
      purpose: { label: '申请事由', labelEn: 'Purpose' },
    },
  },
};

type Who = 'citizen1' | 'citizen2';

describe('purge of registry prefill records', () => {
  let t: ApplicationsContext;
  const ids = {} as Record<Who, string>;
  const prefillRows = (where = sql`TRUE`) => rows<{ account_id: string; item_code: string; filled_at: Date | string }>(t.db.orm,
    sql`SELECT account_id, item_code, filled_at FROM application_prefills WHERE ${where} ORDER BY id`);
  const countOf = async (accountId: string, itemCode: string) => (await one<{ n: number }>(t.db.orm,
    sql`SELECT count(*)::int AS n FROM application_prefills WHERE account_id = ${accountId} AND item_code = ${itemCode}`))!.n;
  const consent = async (who: Who) => {
    const res = await t.as[who].post(`/api/applications/forms/${ITEM}/registry-prefill`, { registries: ['birth_medical'] });
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { values: Record<string, unknown> }).values;
  };
  const submit = async (who: Who, babyName: unknown) => t.as[who].post('/api/applications', {
    itemCode: ITEM, formData: { babyName, purpose: '新生儿入户' }, delivery: { mode: 'window' },
    materials: [{ index: 0, fileIds: [await upload(t.as[who])] }],
  }, { 'idempotency-key': newKey() });
  /** `n` records of fields filled at `at` (bulk, as a busy city would leave them) */
  const bulkInsert = (accountId: string, itemCode: string, n: number, at: Date) => t.db.orm.execute(sql`
    INSERT INTO application_prefills (account_id, item_code, enterprise_credit_code_hash, fields, filled_at)
    SELECT ${accountId}, ${itemCode}, NULL, ARRAY['babyName']::text[], ${at.toISOString()}::timestamptz FROM generate_series(1, ${n})`);

  before(async () => {
    t = await startApplicationsApp();
    await publishPrefillItem(t, ITEM, FORM, singleStage('gaj'));
    await seedExchange(t.db, {
      secretKey: t.config.secretKey,
      records: [
        { registry: 'birth_medical', subject: { idNumber: idOf('citizen1') }, data: { certificateNo: 'R410000901', babyName: '李小禾', birthDate: '2026-03-02' } },
        { registry: 'birth_medical', subject: { idNumber: idOf('citizen2') }, data: { certificateNo: 'R410000902', babyName: '王小满', birthDate: '2026-02-20' } },
      ],
      grants: [{ consumerDepartment: 'gaj', itemCode: ITEM, registry: 'birth_medical', fields: ['babyName'], legalBasis: '《中华人民共和国户口登记条例》第七条' }],
    });
    for (const who of ['citizen1', 'citizen2'] as const) ids[who] = (await t.as[who].get('/api/me')).json().id;
  });
  after(async () => t?.close());

  it('deletes the records older than the retention, window by window, and keeps the recent ones', async () => {
    const at = now();
    const old = new Date(at.getTime() - (PREFILL_RETENTION_DAYS + 1) * DAY);
    const recent = new Date(at.getTime() - (PREFILL_RETENTION_DAYS - 1) * DAY);
    // old and recent rows interleaved in id order, so a window holds both and the walk must go past recent ones
    await bulkInsert(ids.citizen1, OTHER_ITEM, 250, old);
    await bulkInsert(ids.citizen2, OTHER_ITEM, 30, recent);
    await bulkInsert(ids.citizen1, OTHER_ITEM, 175, old);
    await insertPrefill(t.db.orm, { accountId: ids.citizen2, itemCode: OTHER_ITEM, enterpriseCreditCodeHash: null, fields: ['babyName'], at: new Date(at.getTime() - DAY) });
    await bulkInsert(ids.citizen1, OTHER_ITEM, 7, old);

    assert.equal(await purgeApplicationPrefills(t.db.orm, at, 50), 432);
    assert.equal(await countOf(ids.citizen1, OTHER_ITEM), 0, 'every old record went');
    assert.equal(await countOf(ids.citizen2, OTHER_ITEM), 31, 'the recent ones stay');
    assert.equal(await purgeApplicationPrefills(t.db.orm, at, 50), 0, 'a second run finds nothing');
    // a record exactly at the edge of the retention stays; one a millisecond older goes
    const edge = new Date(at.getTime() - PREFILL_RETENTION_DAYS * DAY);
    await insertPrefill(t.db.orm, { accountId: ids.citizen1, itemCode: OTHER_ITEM, enterpriseCreditCodeHash: null, fields: ['babyName'], at: edge });
    await insertPrefill(t.db.orm, { accountId: ids.citizen1, itemCode: OTHER_ITEM, enterpriseCreditCodeHash: null, fields: ['babyName'], at: new Date(edge.getTime() - 1) });
    assert.equal(await purgeApplicationPrefills(t.db.orm, at), 1);
    assert.equal(await countOf(ids.citizen1, OTHER_ITEM), 1);
    await t.db.orm.execute(sql`DELETE FROM application_prefills WHERE account_id = ${ids.citizen1}`);
  });

  it('deletes the records a submission used up and checks the next application\'s consent after the purge', async () => {
    const filled = await consent('citizen1');
    assert.deepEqual(filled, { babyName: '李小禾' });
    await consent('citizen2'); // another applicant preparing the same item
    await insertPrefill(t.db.orm, { accountId: ids.citizen1, itemCode: OTHER_ITEM, enterpriseCreditCodeHash: null, fields: ['babyName'], at: new Date(now().getTime() - 3600_000) });
    const first = await submit('citizen1', '李小禾');
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(await countOf(ids.citizen1, ITEM), 1, 'the used record is still there until the purge');

    advanceClock(60_000);
    await consent('citizen1'); // the next application, prepared with consent again
    const before = await prefillRows(sql`item_code = ${ITEM}`);
    assert.equal(before.length, 3);
    assert.equal(await purgeApplicationPrefills(t.db.orm), 1, 'only the record the submission used up');
    const left = await prefillRows(sql`item_code = ${ITEM}`);
    assert.deepEqual(left.map((r) => r.account_id).sort(), [ids.citizen1, ids.citizen2].sort());
    assert.ok(new Date(left.find((r) => r.account_id === ids.citizen1)!.filled_at) > new Date((first.json() as CaseView).submittedAt),
      'citizen1 keeps the consent given after the submission');
    assert.equal(await countOf(ids.citizen1, OTHER_ITEM), 1, 'another item\'s record is not used up by this submission');

    const changed = await submit('citizen1', '李小河');
    assert.equal(changed.statusCode, 422, changed.body);
    assert.equal(problemOf(changed).code, 'PREFILLED_VALUE_MISMATCH');
    const kept = await submit('citizen1', '李小禾');
    assert.equal(kept.statusCode, 201, kept.body);
    assert.ok((kept.json() as CaseView).timeline.some((e) => e.action === 'prefill_verified'));
  });

  it('still checks a submission after a purge of many unrelated records', async () => {
    const at = now();
    await bulkInsert(ids.citizen1, OTHER_ITEM, 1200, new Date(at.getTime() - 90 * DAY));
    await bulkInsert(ids.citizen1, ITEM, 40, new Date(at.getTime() - 2 * DAY)); // before citizen1's last submission: used up
    // with them goes citizen1's last consent, used up by the submission that ended the previous test
    assert.equal(await purgeApplicationPrefills(t.db.orm, at, 500), 1241);
    assert.equal(await countOf(ids.citizen2, ITEM), 1, 'citizen2\'s consent is neither old nor used up');

    const changed = await submit('citizen2', '王小');
    assert.equal(changed.statusCode, 422, changed.body);
    assert.deepEqual(problemOf(changed).errors!.map((e) => [e.path, e.code]), [['formData.babyName', 'PREFILLED_VALUE_MISMATCH']]);
    const kept = await submit('citizen2', '王小满');
    assert.equal(kept.statusCode, 201, kept.body);
    const line = (kept.json() as CaseView).timeline.find((e) => e.action === 'prefill_verified');
    assert.equal(line?.text, '提交时已与登记机关核对预填信息：新生儿姓名（出生医学证明信息）');
  });

  it('runs in the outbox worker\'s housekeeping', async () => {
    await bulkInsert(ids.citizen2, OTHER_ITEM, 3, new Date(now().getTime() - (PREFILL_RETENTION_DAYS + 5) * DAY));
    const recentBefore = await countOf(ids.citizen2, OTHER_ITEM) - 3;
    // a second process on the same database, with its worker: housekeeping runs at its first round
    const worker = await buildApp({ ...t.config, outboxWorker: true, outboxPollMs: 50 }, { db: t.db, logger: false });
    try {
      await worker.ready();
      for (let i = 0; i < 100 && (await countOf(ids.citizen2, OTHER_ITEM)) !== recentBefore; i++) await sleep(50);
      assert.equal(await countOf(ids.citizen2, OTHER_ITEM), recentBefore);
    } finally {
      await worker.close();
    }
  });

  it('no longer checks a consent older than the retention: the submission is taken as typed by hand', async () => {
    await consent('citizen2');
    advanceClock((PREFILL_RETENTION_DAYS + 1) * DAY);
    await t.relogin('citizen2');
    assert.ok(await purgeApplicationPrefills(t.db.orm) >= 1);
    assert.equal(await countOf(ids.citizen2, ITEM), 0);
    const res = await submit('citizen2', '王小');
    assert.equal(res.statusCode, 201, res.body);
    assert.ok(!(res.json() as CaseView).timeline.some((e) => e.action.startsWith('prefill_')), 'nothing claims a check that did not happen');
  });
});
