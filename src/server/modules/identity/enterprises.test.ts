import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { one } from '../../db/client.js';
import { fieldCipher } from '../../platform/crypto.js';
import { creditCheckChar, orgCodeCheckChar } from '../../platform/ids.js';
import { Client, startTestApp, type TestContext } from '../../test/harness.js';
import { seedAccounts } from './seed.js';
import { auditActions, countRows, isProblem, loggedIn, PASSWORD, registerPerson, validCreditCode, type Person } from './test-support.js';

describe('enterprises and their agents', () => {
  let t: TestContext;
  let owner: Person;
  let ownerClient: Client;
  before(async () => {
    t = await startTestApp();
    await seedAccounts(t.db, { people: [], enterprises: [], staff: [], departmentCodes: ['scjg'], password: PASSWORD, secretKey: t.config.secretKey });
    owner = await registerPerson(t.app, { name: '赵丽' });
    ownerClient = await loggedIn(t.app, owner.username);
  });
  after(async () => { await t.close(); });

  const enterprise = (overrides: Record<string, unknown> = {}) => ({ name: '杭州示例科技有限公司', creditCode: validCreditCode(), legalRepresentative: '赵丽', ...overrides });

  async function registerEnterprise(client = ownerClient, overrides: Record<string, unknown> = {}) {
    const res = await client.post('/api/enterprises', enterprise(overrides));
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  }

  async function rejects(body: unknown, status: number, code: string) {
    const before = [await countRows(t.db, 'enterprises'), await countRows(t.db, 'enterprise_agents')];
    const res = await ownerClient.post('/api/enterprises', body);
    assert.equal(res.statusCode, status, res.body);
    assert.ok(isProblem(res));
    assert.equal(res.json().code, code);
    assert.deepEqual([await countRows(t.db, 'enterprises'), await countRows(t.db, 'enterprise_agents')], before, 'nothing written');
    return res.json();
  }

  it('registers an enterprise with the caller as legal representative and first agent', async () => {
    const code = validCreditCode();
    const res = await ownerClient.post('/api/enterprises', enterprise({ creditCode: code.toLowerCase() }));
    assert.equal(res.statusCode, 201, res.body);
    const summary = res.json();
    assert.equal(summary.relation, 'legal_representative');
    assert.equal(summary.creditCodeMasked, code.slice(0, 6) + '********' + code.slice(14));
    assert.equal(summary.legalRepresentativeMasked, '赵*');
    const row = await one<{ credit_code_enc: string; credit_code_hash: string; region_code: string }>(t.db.orm,
      sql`SELECT credit_code_enc, credit_code_hash, region_code FROM enterprises WHERE id = ${summary.id}`);
    assert.ok(!row!.credit_code_enc.includes(code));
    assert.equal(fieldCipher(t.config.secretKey).decrypt(row!.credit_code_enc), code);
    assert.equal(row!.credit_code_hash, fieldCipher(t.config.secretKey).lookupHash('credit_code', code));
    assert.equal(row!.region_code, code.slice(2, 8));
    assert.deepEqual(await auditActions(t.db, `enterprise:${summary.id}`), ['enterprise.registered']);
    const me = (await ownerClient.get('/api/me')).json();
    assert.ok(me.roles.includes('enterprise_agent'));
    assert.ok(me.enterprises.some((e: { id: string }) => e.id === summary.id));
  });

  it('makes a caller whose name differs an ordinary agent, and keeps markup as text', async () => {
    const name = '<img src=x onerror=alert(1)>有限公司';
    const summary = await registerEnterprise(ownerClient, { legalRepresentative: '钱多多', name });
    assert.equal(summary.relation, 'agent');
    assert.equal(summary.name, name);
  });

  it('rejects a wrong check code (position 18)', async () => {
    const good = validCreditCode();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const p = await rejects(enterprise({ creditCode: bad }), 400, 'CREDIT_CODE_INVALID');
    assert.deepEqual([p.errors[0].path, p.errors[0].code], ['/creditCode', 'CHECK_CODE']);
  });

  it('rejects a wrong organisation-code check (position 17) even when position 18 fits it', async () => {
    const body = '31002918';
    const right = orgCodeCheckChar(body);
    const wrong = right === '1' ? '2' : '1';
    const first17 = '91330106' + body + wrong;
    const p = await rejects(enterprise({ creditCode: first17 + creditCheckChar(first17) }), 400, 'CREDIT_CODE_INVALID');
    assert.equal(p.errors[0].code, 'ORG_CODE_CHECK');
    assert.match(p.detail, /第 17 位/);
  });

  it('rejects letters outside the GB 32100 alphabet, control characters and unknown fields', async () => {
    assert.equal((await rejects(enterprise({ creditCode: '91330106MA2XXXXXIO' }), 400, 'CREDIT_CODE_INVALID')).errors[0].code, 'FORMAT');
    assert.equal((await rejects(enterprise({ name: '示例\u0007公司' }), 400, 'VALIDATION_FAILED')).errors[0].path, '/name');
    assert.equal((await rejects({ ...enterprise(), verified: true }, 400, 'VALIDATION_FAILED')).errors[0].path, '/verified');
  });

  it('rejects a credit code that is already registered', async () => {
    const code = validCreditCode();
    await registerEnterprise(ownerClient, { creditCode: code });
    const other = await loggedIn(t.app, (await registerPerson(t.app)).username);
    const res = await other.post('/api/enterprises', enterprise({ creditCode: code }));
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'CREDIT_CODE_TAKEN');
  });

  it('requires a logged-in person to register an enterprise', async () => {
    assert.equal((await new Client(t.app).post('/api/enterprises', enterprise())).json().code, 'UNAUTHENTICATED');
    const staff = await loggedIn(t.app, 'reviewer.scjg');
    const res = await staff.post('/api/enterprises', enterprise());
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'FORBIDDEN');
  });

  it('adds agents by username or mobile, lists them masked, and removes them', async () => {
    const e = await registerEnterprise();
    const a = await registerPerson(t.app, { name: '孙经办' });
    const b = await registerPerson(t.app, { name: '周经办' });
    const added = await ownerClient.post(`/api/enterprises/${e.id}/agents`, { login: a.username });
    assert.equal(added.statusCode, 201, added.body);
    assert.deepEqual({ ...(added.json() as object), addedAt: undefined }, { accountId: a.id, username: a.username, nameMasked: '孙**', mobileMasked: a.mobile.slice(0, 3) + '****' + a.mobile.slice(7), addedAt: undefined, relation: 'agent' });
    assert.equal((await ownerClient.post(`/api/enterprises/${e.id}/agents`, { login: b.mobile })).statusCode, 201);
    assert.equal((await ownerClient.post(`/api/enterprises/${e.id}/agents`, { login: a.username })).json().code, 'AGENT_EXISTS');
    assert.equal((await ownerClient.post(`/api/enterprises/${e.id}/agents`, { login: 'nobody.at.all' })).json().code, 'AGENT_ACCOUNT_NOT_FOUND');
    assert.equal((await ownerClient.post(`/api/enterprises/${e.id}/agents`, { login: 'reviewer.scjg' })).json().code, 'AGENT_ACCOUNT_NOT_FOUND');

    const list = (await ownerClient.get(`/api/enterprises/${e.id}/agents`)).json();
    assert.deepEqual(list.map((x: { username: string }) => x.username).sort(), [owner.username, a.username, b.username].sort());
    assert.ok(!JSON.stringify(list).includes(a.mobile));

    const agentClient = await loggedIn(t.app, a.username);
    assert.ok((await agentClient.get('/api/me')).json().roles.includes('enterprise_agent'));
    assert.equal((await agentClient.get(`/api/enterprises/${e.id}/agents`)).statusCode, 200);
    // while the legal representative is on record, only they authorise agents
    assert.equal((await agentClient.delete(`/api/enterprises/${e.id}/agents/${b.id}`)).json().code, 'FORBIDDEN');

    assert.equal((await ownerClient.delete(`/api/enterprises/${e.id}/agents/${a.id}`)).statusCode, 204);
    assert.equal((await ownerClient.delete(`/api/enterprises/${e.id}/agents/${a.id}`)).json().code, 'NOT_FOUND');
    assert.deepEqual((await agentClient.get('/api/me')).json().roles, ['citizen']);
    assert.equal((await agentClient.get(`/api/enterprises/${e.id}/agents`)).statusCode, 404);
    assert.deepEqual(await auditActions(t.db, `enterprise:${e.id}`),
      ['enterprise.registered', 'enterprise.agent_added', 'enterprise.agent_added', 'enterprise.agent_removed']);
  });

  it('keeps the last agent', async () => {
    const e = await registerEnterprise();
    const res = await ownerClient.delete(`/api/enterprises/${e.id}/agents/${owner.id}`);
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'LAST_AGENT');
    assert.equal((await ownerClient.get(`/api/enterprises/${e.id}/agents`)).json().length, 1);
  });

  it("answers 404 for another person's enterprise, without confirming it exists", async () => {
    const e = await registerEnterprise();
    const stranger = await registerPerson(t.app);
    const client = await loggedIn(t.app, stranger.username);
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const id of [e.id, missing]) {
      const list = await client.get(`/api/enterprises/${id}/agents`);
      assert.equal(list.statusCode, 404);
      assert.equal(list.json().code, 'NOT_FOUND');
      assert.equal((await client.post(`/api/enterprises/${id}/agents`, { login: stranger.username })).statusCode, 404);
      assert.equal((await client.delete(`/api/enterprises/${id}/agents/${owner.id}`)).statusCode, 404);
    }
    assert.equal((await ownerClient.get(`/api/enterprises/${e.id}/agents`)).json().length, 1, 'nothing changed');
    assert.equal((await client.get('/api/enterprises/not-a-uuid/agents')).statusCode, 400);
  });

  it('lets any agent manage agents while no legal representative is on record', async () => {
    const e = await registerEnterprise(ownerClient, { legalRepresentative: '吴法人' });
    const helper = await registerPerson(t.app, { name: '郑帮手' });
    assert.equal((await ownerClient.post(`/api/enterprises/${e.id}/agents`, { login: helper.username })).statusCode, 201);
    const helperClient = await loggedIn(t.app, helper.username);
    assert.equal((await helperClient.delete(`/api/enterprises/${e.id}/agents/${owner.id}`)).statusCode, 204);
    const legal = await registerPerson(t.app, { name: '吴法人' });
    const added = await helperClient.post(`/api/enterprises/${e.id}/agents`, { login: legal.username });
    assert.equal(added.json().relation, 'legal_representative');
  });
});
