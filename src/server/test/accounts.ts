// Test support shared by module tests: demo accounts with real sessions, and problem+json reading.
import assert from 'node:assert/strict';
import { seedPersons, seedStaff } from '../db/seed/data/people.js';
import { seedAccounts } from '../modules/identity/index.js';
import { Client, type TestContext } from './harness.js';

export const TEST_PASSWORD = 'Tongban@Test2026';

/** Seed the named demo people and staff, log each in through the API, and return their clients. */
export async function demoClients<U extends string>(t: TestContext, usernames: U[]): Promise<Record<U, Client>> {
  await seedAccounts(t.db, {
    people: seedPersons.filter((p) => (usernames as string[]).includes(p.username)),
    enterprises: [],
    staff: seedStaff.filter((s) => (usernames as string[]).includes(s.username)),
    departmentCodes: [],
    password: TEST_PASSWORD,
    secretKey: t.config.secretKey,
  });
  const clients = {} as Record<U, Client>;
  for (const username of usernames) {
    const client = new Client(t.app);
    const res = await client.post('/api/auth/login', { login: username, password: TEST_PASSWORD });
    assert.equal(res.statusCode, 200, `${username}: ${res.body}`);
    clients[username] = client;
  }
  return clients;
}

/** Assert a problem+json response and return its body. */
export const problemOf = (res: { statusCode: number; headers: Record<string, unknown>; json(): any }) => {
  assert.match(String(res.headers['content-type']), /application\/problem\+json/);
  return res.json() as { code: string; status: number; title: string; detail?: string; errors?: { path: string; code: string; message: string }[] };
};
