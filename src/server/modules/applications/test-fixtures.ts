// Shared set-up of the applications tests: the demo catalogue, applicants, an enterprise agent, a
// window clerk, department reviewers and admins with real sessions, and fictional items published
// through the operator API with the workflow each test needs. The platform clock is pinned.
import assert from 'node:assert/strict';
import type { ApplicationBody, CaseView } from '../../../contract/applications.js';
import type { ItemDraft } from '../../../contract/catalog.js';
import type { ItemForm, ProcessDefinition } from '../../../contract/forms.js';
import type { Config } from '../../config.js';
import { seedEnterprises, seedPersons, seedStaff } from '../../db/seed/data/people.js';
import { advanceClock, now, resetClock } from '../../platform/clock.js';
import { drainOnce } from '../../platform/outbox.js';
import { TEST_PASSWORD, problemOf } from '../../test/accounts.js';
import { Client, startTestApp, type TestContext } from '../../test/harness.js';
import { demoCatalog, sampleDraft } from '../catalog/test-fixtures.js';
import { seedCatalog } from '../catalog/index.js';
import { multipart, tinyPdf } from '../files/test-fixtures.js';
import { seedAccounts } from '../identity/index.js';
import { applicationHandlers, LoggingDeliveryAdapter } from './index.js';

export { problemOf };

export const DEPARTMENTS = ['gaj', 'scjg', 'wjw', 'ybj', 'rsj', 'cgj'] as const;
const PEOPLE = ['citizen1', 'citizen2', 'citizen3', 'company1'];
const STAFF = ['clerk1', 'operator1', 'admin.gaj'];

export type Username = 'citizen1' | 'citizen2' | 'company1' | 'clerk1' | 'operator1' | 'admin.gaj' | `reviewer.${typeof DEPARTMENTS[number]}`;

export interface ApplicationsContext extends TestContext {
  as: Record<Username, Client>;
  anonymous: Client;
  /** log the account in again (after the clock moved past a session's end) */
  relogin(username: Username): Promise<Client>;
  /** log every account in again */
  reloginAll(): Promise<void>;
}

/** 2026-03-02 is a Monday in an entered, confirmed calendar year. */
export const START = '2026-03-02T02:00:00.000Z';

export function pinClock(iso: string): void {
  advanceClock(new Date(iso).getTime() - now().getTime());
}

export async function startApplicationsApp(overrides: Partial<Config> = {}): Promise<ApplicationsContext> {
  pinClock(START);
  const t = await startTestApp({ outboxWorker: false, ...overrides });
  await seedCatalog(t.db, demoCatalog());
  await seedAccounts(t.db, {
    people: seedPersons.filter((p) => PEOPLE.includes(p.username)),
    enterprises: seedEnterprises.filter((e) => e.agents.includes('company1')),
    staff: seedStaff.filter((s) => STAFF.includes(s.username)),
    departmentCodes: [...DEPARTMENTS], password: TEST_PASSWORD, secretKey: t.config.secretKey,
  });
  const relogin = async (username: Username) => {
    const client = new Client(t.app);
    const res = await client.post('/api/auth/login', { login: username, password: TEST_PASSWORD });
    assert.equal(res.statusCode, 200, `${username}: ${res.body}`);
    as[username] = client;
    return client;
  };
  const as = {} as Record<Username, Client>;
  const reloginAll = async () => {
    for (const u of [...PEOPLE, ...STAFF, ...DEPARTMENTS.map((d) => `reviewer.${d}`)]) await relogin(u as Username);
  };
  await reloginAll();
  return {
    ...t, as, anonymous: new Client(t.app), relogin, reloginAll,
    async close() {
      resetClock();
      await t.close();
    },
  };
}

/** A form with a locked name, a mobile and a purpose. */
export const TEST_FORM: ItemForm = {
  schema: {
    type: 'object',
    properties: {
      applicantName: { type: 'string', minLength: 1, maxLength: 50 },
      mobile: { type: 'string', pattern: '^1[3-9][0-9]{9}$' },
      purpose: { type: 'string', minLength: 2, maxLength: 200 },
    },
    required: ['applicantName', 'mobile', 'purpose'],
  },
  ui: {
    sections: [{ title: '申请信息', fields: ['applicantName', 'mobile', 'purpose'] }],
    fields: {
      applicantName: { label: '申请人姓名', prefill: 'person.name' },
      mobile: { label: '联系电话', widget: 'mobile', prefill: 'person.mobile' },
      purpose: { label: '申请事由' },
    },
  },
};

export const singleStage = (departmentCode: string, limitDays = 3): ProcessDefinition => ({
  stages: [{ name: '审查', rule: 'all', limitDays, tasks: [{ departmentCode, name: '审查' }] }],
});

let itemSeq = 0;
/** Publish a fictional item (materials: 0 a required upload, 1 a required 免提交 ID card) and return its code. */
export async function publishItem(t: ApplicationsContext, workflow: ProcessDefinition, overrides: Partial<ItemDraft> = {}): Promise<string> {
  const code = `TEST${String(++itemSeq).padStart(4, '0')}${String(process.pid % 10000).padStart(4, '0')}`;
  const draft = sampleDraft({
    departmentCode: workflow.stages[0].tasks[0].departmentCode, promisedLimitDays: 5, legalLimitDays: 10, projectType: 'commitment',
    form: TEST_FORM, workflow, deliveryModes: ['elicence', 'window', 'post'], ...overrides,
  });
  const created = await t.as.operator1.post('/api/admin/catalog/items', { code, ...draft });
  assert.equal(created.statusCode, 201, created.body);
  const published = await t.as.operator1.post(`/api/admin/catalog/items/${code}/publish`, { note: '测试事项' });
  assert.equal(published.statusCode, 200, published.body);
  return code;
}

/** Publish an item under `code` with this form and workflow, window delivery and one uploaded 出生登记申报表 (the registry-prefill tests). */
export async function publishPrefillItem(t: ApplicationsContext, code: string, form: ItemForm, workflow: ProcessDefinition): Promise<void> {
  const draft = sampleDraft({
    departmentCode: 'gaj', promisedLimitDays: 5, legalLimitDays: 10, projectType: 'commitment', form, workflow,
    deliveryModes: ['window'],
    materials: [{ name: '出生登记申报表', required: true, form: 'electronic', originals: 0, copies: 0, sourceType: 'applicant', governmentHeld: false }],
  });
  assert.equal((await t.as.operator1.post('/api/admin/catalog/items', { code, ...draft })).statusCode, 201);
  assert.equal((await t.as.operator1.post(`/api/admin/catalog/items/${code}/publish`, { note: '测试事项' })).statusCode, 200);
}

/** Upload a small PDF as the client; returns its file id. */
export async function upload(client: Client): Promise<string> {
  const { payload, headers } = multipart({ filename: '免疫证明.pdf', contentType: 'application/pdf', data: tinyPdf() });
  const res = await client.post('/api/uploads', payload, headers);
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

export async function applicationBody(client: Client, itemCode: string, overrides: Partial<ApplicationBody> = {}): Promise<ApplicationBody> {
  return {
    itemCode, formData: { mobile: '13800000009', purpose: '办理测试事项' }, delivery: { mode: 'window' },
    materials: [{ index: 0, fileIds: [await upload(client)] }, { index: 1, fileIds: [], governmentHeld: true }],
    ...overrides,
  };
}

let keySeq = 0;
export const newKey = () => `test-${process.pid}-${++keySeq}`;

/** Submit and expect 201, whose body is the case page as its GET answers it right after; returns the case view. */
export async function apply(client: Client, body: ApplicationBody, key = newKey()): Promise<CaseView> {
  const res = await client.post('/api/applications', body, { 'idempotency-key': key });
  assert.equal(res.statusCode, 201, res.body);
  const page = await client.get(`/api/applications/${res.json().caseNo}`);
  assert.equal(page.statusCode, 200, page.body);
  assert.deepEqual(res.json(), page.json(), 'the 201 is the case page');
  return res.json();
}

export async function accept(t: ApplicationsContext, caseNo: string) {
  const res = await t.as.clerk1.post(`/api/workbench/cases/${caseNo}/accept`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

/** The id of the case's task in a department (open unless said otherwise). */
export async function taskOf(t: ApplicationsContext, caseNo: string, departmentCode: string, status = 'open'): Promise<string> {
  const view = (await t.as.clerk1.get(`/api/workbench/cases/${caseNo}`)).json() as CaseView;
  const task = view.tasks.find((k) => k.department.code === departmentCode && k.status === status);
  assert.ok(task, `no ${status} task of ${departmentCode} on ${caseNo}: ${JSON.stringify(view.tasks)}`);
  return task.id;
}

export async function decide(t: ApplicationsContext, departmentCode: string, taskId: string, body: Record<string, unknown>, expect = 200) {
  const res = await t.as[`reviewer.${departmentCode}` as Username].post(`/api/workbench/tasks/${taskId}/decision`, body);
  assert.equal(res.statusCode, expect, res.body);
  return res.json();
}

/** Run the due outbox jobs of applications (delivery, recomputation) once. */
export const drainApplicationJobs = (t: TestContext) =>
  drainOnce(t.db.orm, applicationHandlers({ delivery: new LoggingDeliveryAdapter({ info: () => undefined, warn: () => undefined, error: () => undefined }) }));

export async function count(t: TestContext, table: string): Promise<number> {
  const { rows } = await import('../../db/client.js');
  const { sql } = await import('drizzle-orm');
  const r = await rows<{ n: string | number }>(t.db.orm, sql.raw(`SELECT count(*) AS n FROM ${table}`));
  return Number(r[0].n);
}
