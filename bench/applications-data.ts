// A city's worth of cases, generated in SQL (INSERT … SELECT generate_series) straight into cases,
// case_tasks and case_events: a mix of demo items over two years, most concluded, the latest
// `live` in review. Exactly `inboxOpen` open tasks land in department gaj (公安), some claimed by
// reviewer.gaj, due dates spread over overdue, due soon and later.
import type pg from 'pg';

export interface GenerateOptions {
  cases: number;
  /** live (in review) cases, the newest ones; half of them hold an open gaj task */
  live: number;
  /** applicants that own every 100th case (the citizens who read their case pages) */
  readers: string[];
  /** reviewer.gaj: claims every 25th open gaj task; department code → a reviewer who decided the older ones */
  gajReviewer: string;
  reviewers: Record<string, string>;
  /** synthetic applicants owning the rest */
  otherApplicants?: number;
}

// demo items and their workflow: [template, code, name, competent department, [stage, stage name, rule, task name, department, limit]]
const ITEMS: [number, string, string, string, [number, string, string, string, string, number][]][] = [
  [1, '000704001000', '出生登记（新生儿入户）', 'gaj', [[1, '并联审批', 'all', '出生医学证明核验', 'wjw', 1], [1, '并联审批', 'all', '户口登记', 'gaj', 1],
    [1, '并联审批', 'all', '医保参保登记', 'ybj', 1], [1, '并联审批', 'all', '社保卡申领', 'rsj', 1]]],
  [2, '000704002000', '居民身份证换领', 'gaj', [[1, '审查', 'all', '审查', 'gaj', 10]]],
  [3, '000133010000', '食品经营许可证核发', 'scjg', [[1, '受理审查', 'all', '受理审查', 'scjg', 5], [2, '审批', 'all', '审批', 'scjg', 5]]],
  [4, '002049003000', '基本医疗保险关系转移接续', 'ybj', [[1, '审查', 'all', '审查', 'ybj', 15]]],
  [5, '002026006000', '住房公积金异地转移接续', 'gjj', [[1, '审查', 'all', '审查', 'gjj', 5]]],
  [6, '000512001000', '失业保险金申领', 'rsj', [[1, '审查', 'all', '审查', 'rsj', 3]]],
];

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Generate the cases; returns seconds taken and row counts. Indexes are dropped and rebuilt around the load. */
export async function generateCases(pool: pg.Pool, o: GenerateOptions, log: (s: string) => void) {
  const t0 = performance.now();
  const c = await pool.connect();
  const run = async (label: string, text: string) => {
    const t = performance.now();
    const r = await c.query(text);
    log(`  ${label}${r.command === 'INSERT' ? `: ${r.rowCount} rows` : ''}, ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  try {
    await c.query(`SET synchronous_commit = off; SET maintenance_work_mem = '256MB'; SET work_mem = '64MB';
      SET session_replication_role = replica`); // no FK triggers during the bulk load (values are consistent by construction)
    const items = ITEMS.map(([k, code, name, dept, tasks]) => `(${k}, ${lit(code)}, ${lit(name)}, ${lit(dept)}, ${tasks.length})`).join(',');
    const tasks = ITEMS.flatMap(([k, , , , list]) => list.map(([stage, sname, rule, tname, dept, limit], n) =>
      `(${k}, ${n + 1}, ${stage}, ${lit(sname)}, ${lit(rule)}, ${lit(tname)}, ${lit(dept)}, ${limit})`)).join(',');
    const reviewers = Object.entries(o.reviewers).map(([d, id]) => `(${lit(d)}, ${lit(id)}::uuid)`).join(',');
    await c.query(`CREATE TEMP TABLE gen_items (tpl int PRIMARY KEY, code text, name text, dept text, ntasks int);
      INSERT INTO gen_items VALUES ${items};
      CREATE TEMP TABLE gen_tasks (tpl int, n int, stage int, stage_name text, rule text, name text, dept text, limit_days int);
      INSERT INTO gen_tasks VALUES ${tasks};
      CREATE TEMP TABLE gen_reviewers (dept text PRIMARY KEY, id uuid);
      INSERT INTO gen_reviewers VALUES ${reviewers};`);
    await run('synthetic applicants', `INSERT INTO accounts (username, kind, name, mobile_enc, mobile_hash, password_hash, real_name_level, created_at, password_changed_at)
      SELECT 'gen' || g, 'person', '市民' || g, 'bench', 'bench-mobile-' || g, 'bench', 1, now(), now() FROM generate_series(1, ${o.otherApplicants ?? 20_000}) g`);
    await c.query(`CREATE TEMP TABLE gen_applicants AS
      SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, name FROM accounts WHERE username LIKE 'gen%';
      CREATE TEMP TABLE gen_readers AS SELECT n - 1 AS n, a.id, a.name FROM unnest(ARRAY[${o.readers.map((r) => `${lit(r)}::uuid`).join(',')}]) WITH ORDINALITY AS r(id, n)
        JOIN accounts a ON a.id = r.id;
      ANALYZE gen_applicants; ANALYZE gen_readers;`);
    // secondary indexes are rebuilt after the load (a sorted build is far faster than 1M random inserts)
    const { rows: defs } = await c.query<{ name: string; def: string }>(`SELECT indexname AS name, indexdef AS def FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename IN ('cases', 'case_tasks', 'case_events') AND indexname NOT LIKE '%_pkey'`);
    for (const d of defs) await c.query(`DROP INDEX ${d.name}`);
    const n = o.cases;
    const live = `(g.i > ${n - o.live})`;
    // live cases: even ones are gaj items (birth, ID card), so exactly live/2 open gaj tasks
    const tpl = `CASE WHEN ${live} THEN (CASE WHEN g.i % 4 = 0 THEN 1 WHEN g.i % 4 = 2 THEN 2 ELSE 3 + (g.i / 2) % 4 END) ELSE 1 + g.i % 6 END`;
    const status = `CASE WHEN ${live} THEN 'in_review' WHEN g.i % 97 = 3 THEN 'withdrawn' WHEN g.i % 89 = 5 THEN 'not_accepted' ELSE 'concluded' END`;
    const others = o.otherApplicants ?? 20_000;
    await c.query(`CREATE TEMP TABLE gen_cases AS
      SELECT g.i, md5('case' || g.i)::uuid AS id, ${tpl} AS tpl, ${status} AS status, coalesce(r.id, a.id) AS applicant,
        coalesce(r.name, a.name) AS applicant_name, now() - (${n} - g.i) * interval '63 seconds' AS submitted_at
      FROM generate_series(1, ${n}) AS g(i)
        LEFT JOIN gen_readers r ON g.i % 100 = 0 AND r.n = (g.i / 100) % ${o.readers.length}
        LEFT JOIN gen_applicants a ON g.i % 100 <> 0 AND a.n = g.i % ${others};
      ALTER TABLE gen_cases ADD PRIMARY KEY (i); ANALYZE gen_cases;`);
    log(`  case plan: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // numbers offset by 500,000: today's generated cases must not take the numbers the submission
    // phases (API and raw, drawn from case_no_seq from 1) have already given out today
    await run('cases', `INSERT INTO cases (id, case_no, region_code, item_code, item_version, item_name, department_code, applicant_account_id,
        applicant_kind, applicant_name, applicant_id_masked, id_tail_hash, status, result, form_data, materials, delivery, commitment,
        started_on, limit_days, due_on, submitted_at, accepted_at, concluded_at, not_accepted_reason)
      SELECT g.id, '419900' || to_char(g.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(((g.i + 500000) % 1000000)::text, 6, '0'),
        '419900', it.code, 1, it.name, it.dept, g.applicant, 'person', g.applicant_name, '419902********' || lpad((g.i % 10000)::text, 4, '0'),
        md5('tail' || g.i), g.status, CASE g.status WHEN 'concluded' THEN (CASE WHEN g.i % 50 = 7 THEN 'denied' ELSE 'approved' END) END,
        jsonb_build_object('applicantName', g.applicant_name, 'mobile', '138' || lpad((g.i % 100000000)::text, 8, '0'), 'purpose', '办理' || it.name,
          'residenceRegion', '419902001001', 'residenceAddress', '府前路 ' || (g.i % 300) || ' 号 ' || (g.i % 30) || ' 栋 ' || (g.i % 2000) || ' 室'),
        '[{"index":0,"name":"居民身份证","governmentHeld":true,"files":[]},{"index":1,"name":"户口簿","governmentHeld":true,"files":[]}]'::jsonb,
        '{"mode":"elicence"}'::jsonb, false, (g.submitted_at AT TIME ZONE 'Asia/Shanghai')::date, 5,
        (g.submitted_at AT TIME ZONE 'Asia/Shanghai')::date + 7, g.submitted_at,
        CASE WHEN g.status <> 'not_accepted' THEN g.submitted_at + interval '2 hours' END,
        CASE WHEN g.status IN ('concluded', 'withdrawn', 'not_accepted') THEN g.submitted_at + interval '3 days' END,
        CASE WHEN g.status = 'not_accepted' THEN '材料不齐全' END
      FROM gen_cases g JOIN gen_items it ON it.tpl = g.tpl
      ORDER BY g.i`);
    // live: stage 1 open (even, gaj ones: every 25th claimed by reviewer.gaj), later stages pending; old: decided
    await run('case_tasks', `INSERT INTO case_tasks (case_id, region_code, item_code, kind, stage, stage_name, stage_rule, name, department_code,
        status, assignee_account_id, assignee_name, opened_on, opened_at, limit_days, due_on, decided_at, decided_by, decided_by_name)
      SELECT g.id, '419900', it.code, 'review', t.stage, t.stage_name, t.rule, t.name, t.dept, x.status,
        CASE WHEN x.status = 'open' AND t.dept = 'gaj' AND g.i % 25 = 0 THEN ${lit(o.gajReviewer)}::uuid END,
        CASE WHEN x.status = 'open' AND t.dept = 'gaj' AND g.i % 25 = 0 THEN '公安局审核员' END,
        CASE WHEN x.status <> 'pending' THEN (g.submitted_at AT TIME ZONE 'Asia/Shanghai')::date END,
        CASE WHEN x.status <> 'pending' THEN g.submitted_at + interval '2 hours' END, t.limit_days,
        CASE WHEN x.status = 'open' THEN (now() AT TIME ZONE 'Asia/Shanghai')::date + ((g.i * 7 + t.n) % 20 - 4)
             WHEN x.status <> 'pending' THEN (g.submitted_at AT TIME ZONE 'Asia/Shanghai')::date + t.limit_days END,
        CASE WHEN x.status IN ('approved', 'denied', 'cancelled') THEN g.submitted_at + interval '3 days' END,
        CASE WHEN x.status IN ('approved', 'denied') THEN r.id END, CASE WHEN x.status IN ('approved', 'denied') THEN '审核员' END
      FROM gen_cases g JOIN gen_items it ON it.tpl = g.tpl JOIN gen_tasks t ON t.tpl = g.tpl LEFT JOIN gen_reviewers r ON r.dept = t.dept
        CROSS JOIN LATERAL (SELECT CASE
          WHEN g.status = 'in_review' THEN (CASE WHEN t.stage = 1 THEN 'open' ELSE 'pending' END)
          WHEN g.status = 'concluded' AND g.i % 50 = 7 THEN (CASE WHEN t.n = 1 THEN 'denied' ELSE 'cancelled' END)
          WHEN g.status = 'concluded' THEN 'approved' ELSE 'cancelled' END AS status) x
      ORDER BY g.i, t.n`);
    await run('case_events', `INSERT INTO case_events (case_id, at, action, actor_account_id, actor_name, department_code, task_id, data)
      SELECT g.id, g.submitted_at + e.n * interval '1 hour', e.action, CASE WHEN e.action = 'submitted' THEN g.applicant END,
        CASE WHEN e.action = 'submitted' THEN '申请人' ELSE '审核员' END, e.dept, NULL, e.data
      FROM gen_cases g JOIN gen_items it ON it.tpl = g.tpl
        CROSS JOIN LATERAL (
          SELECT 0 AS n, 'submitted' AS action, it.dept AS dept, '{"itemVersion":1}'::jsonb AS data
          UNION ALL SELECT 1, CASE WHEN g.status = 'not_accepted' THEN 'not_accepted' ELSE 'accepted' END, it.dept, NULL WHERE true
          UNION ALL SELECT 1 + t.n, 'task_opened', t.dept, jsonb_build_object('taskName', t.name) FROM gen_tasks t
            WHERE t.tpl = g.tpl AND t.stage = 1 AND g.status IN ('in_review', 'concluded')
          UNION ALL SELECT 10 + t.n, 'task_approved', t.dept, jsonb_build_object('taskName', t.name) FROM gen_tasks t
            WHERE t.tpl = g.tpl AND g.status = 'concluded'
          UNION ALL SELECT 20, 'concluded', it.dept, '{"result":"approved"}'::jsonb WHERE g.status = 'concluded'
          UNION ALL SELECT 20, 'withdrawn', NULL, NULL WHERE g.status = 'withdrawn') e
      ORDER BY g.i, e.n`);
    for (const d of defs) await run(`index ${d.name}`, d.def);
    await c.query('RESET session_replication_role');
    // the inbox badge counters (migration 0012) are kept by triggers, which the bulk load bypassed
    await run('case_task_open_counts', `DELETE FROM case_task_open_counts;
      INSERT INTO case_task_open_counts (department_code, item_code, due_on, slot, n)
      SELECT department_code, item_code, coalesce(due_on, 'infinity'::date), 0, count(*) FROM case_tasks WHERE status = 'open' GROUP BY 1, 2, 3`);
    await run('VACUUM ANALYZE', 'VACUUM ANALYZE accounts, cases, case_tasks, case_events');
    const { rows: [counts] } = await c.query(`SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM case_tasks)::int AS tasks,
      (SELECT count(*) FROM case_events)::int AS events,
      (SELECT count(*) FROM case_tasks WHERE department_code = 'gaj' AND status = 'open')::int AS gaj_open`);
    return { seconds: (performance.now() - t0) / 1000, ...(counts as { cases: number; tasks: number; events: number; gaj_open: number }) };
  } finally {
    c.release();
  }
}

/** Case numbers of generated cases owned by each reader (every 100th case), newest first. */
export async function readerCases(pool: pg.Pool, readers: string[], perReader: number): Promise<Map<string, string[]>> {
  const { rows } = await pool.query<{ applicant: string; case_no: string }>(`SELECT applicant_account_id AS applicant, case_no FROM (
      SELECT applicant_account_id, case_no, row_number() OVER (PARTITION BY applicant_account_id ORDER BY submitted_at DESC) AS k
      FROM cases WHERE applicant_account_id = ANY($1::uuid[]) AND submitted_at < now() - interval '1 day') x
    WHERE k <= $2`, [readers, perReader]);
  const byReader = new Map<string, string[]>();
  for (const r of rows) byReader.set(r.applicant, [...(byReader.get(r.applicant) ?? []), r.case_no]);
  return byReader;
}
