// Submissions: POST /api/applications through the real API (signed-in citizens, a fresh
// Idempotency-Key per request) beside the same rows written straight through `pg`, one
// transaction per submission, at the same concurrency and with a pool of the app's size.
import { createHash, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import type pg from 'pg';
import type { ApplicationBody } from '../src/contract/applications.js';
import { canonicalJson } from '../src/server/platform/audit.js';
import type { LoadResult } from './lib.js';

export interface Session { username: string; accountId: string; cookie: string; csrf: string }

/** Log in over HTTP; the session and CSRF cookies, and the CSRF header value. */
export async function login(url: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const me = (await res.json()) as { id: string };
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('tb_csrf='))!.slice('tb_csrf='.length);
  return { username, accountId: me.id, cookie: cookies.join('; '), csrf };
}

const headersOf = (s: Session, key: string) =>
  ({ 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf, 'idempotency-key': key });

export interface SubmitOutcome extends LoadResult {
  /** 201s seen by the load generator, and by the retries of requests cut off when the clock stopped */
  created: number; retried: number;
  /** case numbers of every 201, by Idempotency-Key; who sent each key */
  caseNos: Set<string>; byKey: Map<string, string>; sessionOf: Map<string, Session>;
}

let runSeq = 0;

/**
 * `connections` clients post submissions for `seconds`, the sessions in rotation. Requests the
 * clock cut off are then retried with their own key, as a client would after a timeout: their
 * 201s (replayed or new) count too, so every case written has exactly one 201.
 */
export async function apiSubmit(url: string, sessions: Session[], body: ApplicationBody, connections: number, seconds: number): Promise<SubmitOutcome> {
  const run = `${process.pid}-${++runSeq}-${Date.now().toString(36)}`;
  const payload = JSON.stringify(body);
  const pending = new Map<string, Session>();
  const caseNos = new Set<string>();
  const byKey = new Map<string, string>();
  const sessionOf = new Map<string, Session>();
  const created201 = (key: string, text: string) => {
    const caseNo = (JSON.parse(text) as { caseNo: string }).caseNo;
    caseNos.add(caseNo);
    byKey.set(key, caseNo);
  };
  let n = 0;
  const result = await autocannon({
    url, connections, duration: seconds,
    requests: [{
      method: 'POST',
      setupRequest: (req: any, context: any) => {
        const session = sessions[n % sessions.length];
        const key = `bench-${run}-${++n}`;
        context.key = key;
        pending.set(key, session);
        sessionOf.set(key, session);
        return { ...req, path: '/api/applications', headers: headersOf(session, key), body: payload };
      },
      onResponse: (status: number, text: string, context: any) => {
        pending.delete(context.key);
        if (status === 201) created201(context.key, text);
      },
    }],
  } as any);
  const created = caseNos.size;
  // the last setupRequest of each client built a request that was never sent: its retry is its first try
  await new Promise((r) => setTimeout(r, 500));
  for (const [key, session] of pending) {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${url}/api/applications`, { method: 'POST', headers: headersOf(session, key), body: payload });
      const text = await res.text();
      if (res.status === 201) { created201(key, text); break; }
      if (res.status === 409 && text.includes('IDEMPOTENCY_IN_PROGRESS') && attempt < 20) { await new Promise((r) => setTimeout(r, 250)); continue; }
      throw new Error(`retry of ${key}: ${res.status} ${text}`);
    }
  }
  return {
    label: `API: POST /api/applications, ${connections} clients`, rps: Math.round(result.requests.average),
    p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx,
    created, retried: caseNos.size - created, caseNos, byKey, sessionOf,
  };
}

/** What one API submission wrote, read back to serve as the raw transaction's values. */
export interface SubmissionTemplate {
  caseRow: Record<string, unknown>;
  tasks: Record<string, unknown>[];
  events: Record<string, unknown>[];
  outbox: { topic: string; payload: unknown }[];
  key: { method: string; route: string; request_hash: string; response_body: unknown };
}

export async function readTemplate(pool: pg.Pool, caseNo: string): Promise<SubmissionTemplate> {
  const q = async (text: string, values: unknown[]) => (await pool.query(text, values)).rows;
  const [caseRow] = await q(`SELECT region_code, item_code, item_version, item_name, department_code, applicant_kind, applicant_name,
    applicant_id_masked, id_tail_hash, status, form_data, materials, delivery, commitment, to_char(started_on, 'YYYY-MM-DD') AS started_on,
    limit_days, to_char(due_on, 'YYYY-MM-DD') AS due_on, due_provisional, id FROM cases WHERE case_no = $1`, [caseNo]);
  const tasks = await q(`SELECT region_code, item_code, kind, stage, stage_name, stage_rule, name, department_code, status, limit_days
    FROM case_tasks WHERE case_id = $1 ORDER BY stage, name`, [caseRow.id]);
  const events = await q('SELECT action, department_code, data FROM case_events WHERE case_id = $1 ORDER BY id', [caseRow.id]);
  const outbox = await q(`SELECT topic, payload FROM outbox WHERE payload->>'link' = $1 ORDER BY id`, [`/me/cases/${caseNo}`]);
  const [key] = await q(`SELECT method, route, request_hash, response_body FROM idempotency_keys WHERE response_body->>'caseNo' = $1`, [caseNo]);
  return { caseRow, tasks, events, outbox, key };
}

const S = {
  insertCase: `INSERT INTO cases (case_no, region_code, item_code, item_version, item_name, department_code, applicant_account_id,
      applicant_kind, applicant_name, applicant_id_masked, id_tail_hash, status, form_data, materials, delivery, commitment,
      started_on, limit_days, due_on, due_provisional, submitted_at)
    VALUES ($1 || lpad((nextval('case_no_seq') % 1000000)::text, 6, '0'), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
      $17::date, $18, $19::date, $20, now())
    ON CONFLICT (case_no) DO NOTHING RETURNING id, case_no`,
  insertTasks: `INSERT INTO case_tasks (case_id, region_code, item_code, kind, stage, stage_name, stage_rule, name, department_code, status, limit_days)
    SELECT $1, region_code, item_code, kind, stage, stage_name, stage_rule, name, department_code, status, limit_days
    FROM jsonb_to_recordset($2::jsonb) AS x(region_code text, item_code text, kind text, stage int, stage_name text, stage_rule text,
      name text, department_code text, status text, limit_days int)`,
  insertOutbox: 'INSERT INTO outbox (topic, payload, run_at, created_at) VALUES ($1, $2::jsonb, now(), now())',
  insertEvents: `INSERT INTO case_events (case_id, at, action, actor_account_id, actor_name, department_code, data)
    SELECT $1, now(), action, $2, $3, department_code, data FROM jsonb_to_recordset($4::jsonb) AS x(action text, department_code text, data jsonb)`,
  lockStream: 'SELECT pg_advisory_xact_lock(hashtext($1))',
  lastAudit: 'SELECT seq, hash FROM audit_log WHERE stream = $1 ORDER BY seq DESC LIMIT 1',
  insertAudit: `INSERT INTO audit_log (stream, seq, at, actor_id, action, target, digest, prev_hash, hash, region_code)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
  insertKey: `INSERT INTO idempotency_keys (scope, key, method, route, request_hash, status, response_status, response_body, response_headers,
      created_at, expires_at) VALUES ($1, $2, $3, $4, $5, 'done', 201, $6::jsonb, '{}'::jsonb, now(), now() + interval '24 hours')`,
} as const;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** One submission as the smallest set of statements writing the same rows, each a named prepared statement. */
async function rawSubmission(client: pg.PoolClient, t: SubmissionTemplate, who: Session, key: string, today: string) {
  const c = t.caseRow;
  const named = (name: keyof typeof S, values: unknown[]) => client.query({ name: `bench_${name}`, text: S[name], values });
  await client.query('BEGIN');
  try {
    const { rows: [row] } = await named('insertCase', [`${c.region_code}${today}`, c.region_code, c.item_code, c.item_version, c.item_name,
      c.department_code, who.accountId, c.applicant_kind, c.applicant_name, c.applicant_id_masked, c.id_tail_hash, c.status,
      JSON.stringify(c.form_data), JSON.stringify(c.materials), JSON.stringify(c.delivery), c.commitment, c.started_on, c.limit_days,
      c.due_on, c.due_provisional]);
    const caseNo = row.case_no as string;
    await named('insertTasks', [row.id, JSON.stringify(t.tasks)]);
    for (const o of t.outbox) {
      await named('insertOutbox', [o.topic, JSON.stringify({ ...(o.payload as object), link: `/me/cases/${caseNo}`, accountId: who.accountId })]);
    }
    await named('insertEvents', [row.id, who.accountId, who.username, JSON.stringify(t.events)]);
    const stream = `case:${caseNo}`;
    await named('lockStream', [stream]);
    const { rows: [last] } = await named('lastAudit', [stream]);
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? '0'.repeat(64);
    const at = new Date().toISOString();
    const digest = sha256(canonicalJson({ itemCode: c.item_code, formData: c.form_data, materials: c.materials, applicant: who.accountId }));
    const hash = sha256([prevHash, stream, seq, at, who.accountId, 'case.submitted', caseNo, digest].join('|'));
    await named('insertAudit', [stream, seq, at, who.accountId, 'case.submitted', caseNo, digest, prevHash, hash, c.region_code]);
    await named('insertKey', [who.accountId, key, t.key.method, t.key.route, t.key.request_hash,
      JSON.stringify({ ...(t.key.response_body as object), caseNo })]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

export const percentile = (sorted: number[], p: number) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] : 0;

/** The same writes through `pg` directly: `connections` workers, each one submission at a time, for `seconds`. */
export async function rawSubmit(pool: pg.Pool, t: SubmissionTemplate, sessions: Session[], connections: number, seconds: number): Promise<LoadResult & { created: number }> {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).replaceAll('-', '');
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  let n = 0;
  let errors = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const who = sessions[n++ % sessions.length];
      const t0 = performance.now();
      const client = await pool.connect();
      try {
        await rawSubmission(client, t, who, `raw-${randomUUID()}`, today);
        latencies.push(performance.now() - t0);
      } catch (error) {
        if (errors++ === 0) console.error('raw submission failed:', error);
      } finally {
        client.release();
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  latencies.sort((a, b) => a - b);
  return {
    label: `raw pg: the same rows, ${connections} clients`, rps: Math.round(latencies.length / seconds),
    p50: Math.round(percentile(latencies, 50)), p99: Math.round(percentile(latencies, 99)), errors, non2xx: 0, created: latencies.length,
  };
}
