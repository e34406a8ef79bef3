import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { one, rows } from '../../db/client.js';
import { verifyAudit } from '../../platform/audit.js';
import { advanceClock } from '../../platform/clock.js';
import { calendarToday, getCalendar } from '../calendar/index.js';
import { soonUntil } from './clock.js';
import { compactInboxCounts } from './repo-tasks.js';
import {
  accept, applicationBody, apply, decide, publishItem, startApplicationsApp, taskOf, type ApplicationsContext, type Username,
} from './test-fixtures.js';

const DAY = 86_400_000;
const DEPTS = ['gaj', 'wjw', 'ybj', 'rsj'] as const;

/** The badges as the inbox shows them to reviewer.<dept>. */
async function badges(t: ApplicationsContext, dept: string) {
  const res = await t.as[`reviewer.${dept}` as Username].get(`/api/workbench/tasks?department=${dept}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json().counts as { open: number; mine: number; dueSoon: number; overdue: number };
}

/** The same four numbers counted from the tasks themselves. */
async function counted(t: ApplicationsContext, dept: string) {
  const today = calendarToday();
  const soon = soonUntil(await getCalendar(t.db.orm), today);
  const reviewer = await one<{ id: string }>(t.db.orm, sql`SELECT id FROM accounts WHERE username = ${`reviewer.${dept}`}`);
  const r = await one<Record<string, string | number>>(t.db.orm, sql`SELECT count(*) AS open,
      count(*) FILTER (WHERE assignee_account_id = ${reviewer!.id}) AS mine,
      count(*) FILTER (WHERE due_on >= ${today}::date AND due_on <= ${soon}::date) AS due_soon,
      count(*) FILTER (WHERE due_on < ${today}::date) AS overdue
    FROM case_tasks WHERE department_code = ${dept} AND status = 'open'`);
  return { open: Number(r!.open), mine: Number(r!.mine), dueSoon: Number(r!.due_soon), overdue: Number(r!.overdue) };
}

async function assertBadgesExact(t: ApplicationsContext, when: string) {
  for (const dept of DEPTS) assert.deepEqual(await badges(t, dept), await counted(t, dept), `${dept} ${when}`);
}

describe('inbox badge counters', () => {
  let t: ApplicationsContext;
  let item: string;
  before(async () => {
    t = await startApplicationsApp();
    item = await publishItem(t, { stages: [
      { name: '并联审查', rule: 'all', limitDays: 2, tasks: [{ departmentCode: 'wjw', name: '核验' }, { departmentCode: 'gaj', name: '登记' }, { departmentCode: 'ybj', name: '参保' }] },
      { name: '制证', rule: 'all', limitDays: 2, tasks: [{ departmentCode: 'rsj', name: '制卡' }] },
    ] });
  });
  after(async () => t?.close());

  it('match the open tasks after concurrent acceptances, claims, decisions, returns and withdrawals', async () => {
    const cases = await Promise.all(Array.from({ length: 8 }, async (_, i) => {
      const who = i % 2 ? t.as.citizen2 : t.as.citizen1;
      return apply(who, await applicationBody(who, item));
    }));
    await Promise.all(cases.map((c) => accept(t, c.caseNo)));
    await assertBadgesExact(t, 'after acceptance');
    assert.equal((await badges(t, 'gaj')).open, 8);

    const gaj = await Promise.all(cases.map((c) => taskOf(t, c.caseNo, 'gaj')));
    await Promise.all(gaj.slice(0, 3).map((id) => t.as['reviewer.gaj'].post(`/api/workbench/tasks/${id}/claim`)));
    await Promise.all([
      decide(t, 'gaj', gaj[0], { decision: 'approve' }),
      decide(t, 'gaj', gaj[4], { decision: 'return', comment: '请补正', materials: [0] }),
      decide(t, 'gaj', gaj[5], { decision: 'deny', comment: '不符合条件' }),
      ...cases.slice(0, 2).map(async (c) => decide(t, 'wjw', await taskOf(t, c.caseNo, 'wjw'), { decision: 'approve' })),
      ...cases.slice(0, 2).map(async (c) => decide(t, 'ybj', await taskOf(t, c.caseNo, 'ybj'), { decision: 'approve' })),
      t.as.citizen2.post(`/api/applications/${cases[7].caseNo}/withdraw`, { reason: '不再需要' }),
    ]);
    await assertBadgesExact(t, 'after concurrent decisions');
    const gajNow = await badges(t, 'gaj');
    assert.equal(gajNow.mine, 2, 'the approved one of the three claimed left the reviewer\'s own');
    assert.equal((await badges(t, 'rsj')).open, 1, 'the case all three approved opened its next stage');

    // the days pass: the same open tasks become due soon, then overdue
    advanceClock(2 * DAY);
    await t.reloginAll();
    await assertBadgesExact(t, 'two days later');
    advanceClock(5 * DAY);
    await t.reloginAll();
    await assertBadgesExact(t, 'a week later');
    assert.ok((await badges(t, 'gaj')).overdue > 0);
  });

  it('leave every case\'s audit chain whole after the concurrent commands (each holds the case row, not the stream lock)', async () => {
    const audit = await verifyAudit(t.db.orm);
    assert.deepEqual(audit.breaks, []);
    const cases = await one<{ n: string | number }>(t.db.orm, sql`SELECT count(DISTINCT stream) AS n FROM audit_log WHERE stream LIKE 'case:%'`);
    assert.equal(Number(cases!.n), 8);
  });

  it('keep the same sums when the rows of ended connections are folded together', async () => {
    const before = await Promise.all(DEPTS.map((d) => badges(t, d)));
    // move one of a counter row's tasks to a connection that no longer exists
    const row = await one<{ department_code: string; item_code: string; due_on: string; slot: number }>(t.db.orm, sql`
      SELECT department_code, item_code, to_char(due_on, 'YYYY-MM-DD') AS due_on, slot FROM case_task_open_counts WHERE n >= 1 LIMIT 1`);
    assert.ok(row);
    const gone = 2_000_000_000;
    await rows(t.db.orm, sql`UPDATE case_task_open_counts SET n = n - 1 WHERE department_code = ${row.department_code}
      AND item_code = ${row.item_code} AND due_on = ${row.due_on}::date AND slot = ${row.slot} RETURNING n`);
    await rows(t.db.orm, sql`INSERT INTO case_task_open_counts (department_code, item_code, due_on, slot, n)
      VALUES (${row.department_code}, ${row.item_code}, ${row.due_on}::date, ${gone}, 1), ('gaj', ${item}, '2026-01-05', ${gone + 1}, 0) RETURNING n`);
    assert.deepEqual(await Promise.all(DEPTS.map((d) => badges(t, d))), before);

    assert.ok((await compactInboxCounts(t.db.orm)) >= 2);
    const left = await one<{ n: string | number }>(t.db.orm, sql`SELECT count(*) AS n FROM case_task_open_counts WHERE slot >= ${gone} OR n = 0`);
    assert.equal(Number(left!.n), 0, 'rows of ended connections and rows at zero are folded away');
    assert.deepEqual(await Promise.all(DEPTS.map((d) => badges(t, d))), before);
    await assertBadgesExact(t, 'after folding');
  });
});
