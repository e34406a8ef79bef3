// Test helpers for the identity module: valid identifiers, registered people, logged-in clients.
import { sql } from 'drizzle-orm';
import type { App } from '../../app.js';
import { rows, type Database } from '../../db/client.js';
import { creditCheckChar, idCheckChar, orgCodeCheckChar } from '../../platform/ids.js';
import { Client } from '../../test/harness.js';

let serial = 0;
const next = () => ++serial;

export const PASSWORD = 'Tb-passw0rd';

/** A valid ID number; each call gives a new sequence number unless one is given. */
export function validIdNumber(birth = '19900307', region = '330106', sequence?: number): string {
  const first17 = region + birth + String(sequence ?? (100 + next()) % 1000).padStart(3, '0');
  return first17 + idCheckChar(first17);
}

/** A valid unified social credit code (both checks) for an 8-digit organisation body. */
export function validCreditCode(body = String(10_000_000 + next() * 7919).slice(-8), region = '330106'): string {
  const first16 = '91' + region + body;
  const first17 = first16 + orgCodeCheckChar(body);
  return first17 + creditCheckChar(first17);
}

export const uniqueMobile = () => `139${String(next() * 104_729).padStart(8, '0').slice(-8)}`;

export interface Person { id: string; username: string; name: string; mobile: string; idNumber: string; password: string }

export function citizenInput(overrides: Partial<Omit<Person, 'id'>> = {}) {
  const n = next();
  return { username: `citizen${n}`, name: '张三', idNumber: validIdNumber(), mobile: uniqueMobile(), password: PASSWORD, ...overrides };
}

export async function registerPerson(app: App, overrides: Partial<Omit<Person, 'id'>> = {}): Promise<Person> {
  const input = citizenInput(overrides);
  const res = await new Client(app).post('/api/auth/register/citizen', input);
  if (res.statusCode !== 201) throw new Error(`registration failed: ${res.body}`);
  return { ...input, id: res.json().id };
}

export async function loggedIn(app: App, login: string, password = PASSWORD): Promise<Client> {
  const client = new Client(app);
  const res = await client.post('/api/auth/login', { login, password });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  return client;
}

export async function auditActions(db: Database, stream: string): Promise<string[]> {
  const r = await rows<{ action: string }>(db.orm, sql`SELECT action FROM audit_log WHERE stream = ${stream} ORDER BY seq`);
  return r.map((x) => x.action);
}

export async function countRows(db: Database, table: 'accounts' | 'enterprises' | 'enterprise_agents' | 'sessions'): Promise<number> {
  const r = await rows<{ n: string | number }>(db.orm, sql`SELECT count(*) AS n FROM ${sql.raw(table)}`);
  return Number(r[0].n);
}

export const isProblem = (res: { headers: Record<string, unknown> }) => /^application\/problem\+json/.test(String(res.headers['content-type']));
