import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/client.js';
import { verifyAudit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth.js';
import { advanceClock, resetClock } from '../../platform/clock.js';
import { OFFICIAL_YEARS } from './holidays-data.js';
import { getCalendar, onCalendarChanged, seedCalendar, VERSION_CHECK_MS, type CalendarChange } from './index.js';
import { deleteYear, replaceYear } from './service.js';
import { atInstant, problemOf, startCalendarApp, type CalendarContext } from './test-fixtures.js';

const official2026 = OFFICIAL_YEARS.find((y) => y.year === 2026)!;
const year2027 = {
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
  periods: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03', makeupWorkdays: [] },
    { name: '春节', from: '2027-02-05', to: '2027-02-13', makeupWorkdays: ['2027-01-31', '2027-02-20'] },
  ],
};

describe('operators editing the calendar', () => {
  let t: CalendarContext;
  before(async () => { t = await startCalendarApp(); });
  after(async () => { await t.close(); });

  const due = async (from: string, days: number) => (await t.anonymous.get(`/api/calendar/working-days?from=${from}&days=${days}`)).json();
  const auditOf = async (year: number) =>
    (await rows<{ action: string }>(t.db.orm, sql`SELECT action FROM audit_log WHERE stream = ${`calendar:${year}`} ORDER BY seq`)).map((a) => a.action);
  const snapshot = async () => ({
    years: (await t.anonymous.get('/api/calendar/years')).json(),
    audit: (await rows<{ n: number }>(t.db.orm, sql`SELECT count(*)::int AS n FROM audit_log`))[0].n,
  });

  it('replaces a year: due dates computed through the API follow at once, listeners hear of it', async () => {
    const heard: CalendarChange[] = [];
    const stop = onCalendarChanged((change) => { heard.push(change); });
    assert.deepEqual(await due('2026-09-30', 1), { from: '2026-09-30', days: 1, due: '2026-10-08', provisional: false });

    // 国庆 2026 one day longer, Saturday Oct 10 no longer worked
    const periods = official2026.periods.map((p) => (p.name === '国庆节' ? { ...p, to: '2026-10-08', makeupWorkdays: ['2026-09-20'] } : p));
    const res = await t.operator.put('/api/calendar/years/2026', { source: official2026.source, periods });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([res.json().year, res.json().confirmed, res.json().periods.at(-1)], [2026, true, { name: '国庆节', from: '2026-10-01', to: '2026-10-08', makeupWorkdays: ['2026-09-20'] }]);
    assert.equal((await due('2026-09-30', 1)).due, '2026-10-09');
    assert.equal((await due('2026-10-09', 1)).due, '2026-10-12');
    stop();
    assert.equal(heard.length, 1);
    assert.deepEqual([heard[0].years, heard[0].action], [[2026], 'replace']);
    assert.equal(heard[0].version, (await t.anonymous.get('/api/calendar/years')).json().version);
    assert.deepEqual(await auditOf(2026), ['calendar.year.seed', 'calendar.year.replace']);
  });

  it('enters next year: the November warning goes and due dates into it are no longer provisional', async () => {
    assert.deepEqual(await due('2026-12-30', 5), { from: '2026-12-30', days: 5, due: '2027-01-06', provisional: true });
    const res = await t.operator.put('/api/calendar/years/2027', year2027);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(await due('2026-12-30', 5), { from: '2026-12-30', days: 5, due: '2027-01-07', provisional: false });
    assert.equal((await due('2027-02-19', 1)).due, '2027-02-20');
    await atInstant('2026-11-02T09:00:00+08:00', async () => {
      assert.deepEqual((await t.anonymous.get('/api/calendar/years')).json().warnings, []);
    });
  });

  it('keeps a year entered ahead of its notice provisional until it is confirmed', async () => {
    const draft = await t.operator.put('/api/calendar/years/2028', { source: '预计安排', confirmed: false, periods: [] });
    assert.equal(draft.json().confirmed, false);
    assert.equal((await due('2027-12-31', 1)).provisional, true);
    await atInstant('2027-11-03T09:00:00+08:00', async () => {
      assert.deepEqual((await t.anonymous.get('/api/calendar/years')).json().warnings, [{ code: 'YEAR_UNCONFIRMED', year: 2028 }]);
    });
    assert.equal((await t.operator.put('/api/calendar/years/2028', { source: '正式通知', periods: [] })).json().confirmed, true);
    assert.equal((await due('2027-12-31', 1)).provisional, false);
  });

  it('rejects a broken year with coded field errors and writes nothing', async () => {
    const before = await snapshot();
    const put = (body: unknown, year = 2027) => t.operator.put(`/api/calendar/years/${year}`, body);
    const fields = (p: { errors?: { path: string; code: string }[] }) => p.errors!.map((e) => `${e.path} ${e.code}`);
    const period = (from: string, to: string, makeupWorkdays: string[] = []) => ({ name: '假期', from, to, makeupWorkdays });

    const overlap = problemOf(await put({ source: 's', periods: [period('2027-10-01', '2027-10-07'), period('2027-10-05', '2027-10-09')] }));
    assert.deepEqual([overlap.status, overlap.code, fields(overlap)], [400, 'CALENDAR_PERIODS_OVERLAP', ['/periods/1/from CALENDAR_PERIODS_OVERLAP']]);
    const weekday = problemOf(await put({ source: 's', periods: [period('2027-10-01', '2027-10-07', ['2027-10-08'])] }));
    assert.deepEqual([weekday.code, fields(weekday)], ['CALENDAR_MAKEUP_NOT_WEEKEND', ['/periods/0/makeupWorkdays/0 CALENDAR_MAKEUP_NOT_WEEKEND']]);
    const impossible = problemOf(await put({ source: 's', periods: [period('2027-02-30', '2027-03-01')] }));
    assert.deepEqual([impossible.code, fields(impossible)], ['CALENDAR_DATE_INVALID', ['/periods/0/from CALENDAR_DATE_INVALID']]);
    const several = problemOf(await put({ source: 's', periods: [period('2027-05-05', '2027-05-01'), period('2026-12-31', '2027-01-01', ['2027-05-03'])] }));
    assert.deepEqual([several.code, fields(several)], ['CALENDAR_PERIOD_REVERSED', [
      '/periods/0/to CALENDAR_PERIOD_REVERSED', '/periods/1/from CALENDAR_DATE_OUTSIDE_YEAR', '/periods/1/makeupWorkdays/0 CALENDAR_MAKEUP_NOT_WEEKEND']]);
    const format = problemOf(await put({ source: 's', periods: [period('2027/10/01', '2027-10-07')] }));
    assert.deepEqual([format.code, fields(format)], ['VALIDATION_FAILED', ['/periods/0/from PATTERN']]);
    assert.equal(problemOf(await put({ source: 's', periods: [], sneaky: true })).code, 'VALIDATION_FAILED');
    assert.equal(problemOf(await put({ periods: [] })).code, 'VALIDATION_FAILED');
    assert.equal(problemOf(await put({ source: 's', periods: [] }, 1999)).code, 'VALIDATION_FAILED');
    assert.equal(problemOf(await t.operator.request('PUT', '/api/calendar/years/2027', 'not json', { 'content-type': 'application/json' })).code, 'MALFORMED_REQUEST');
    const en = problemOf(await t.operator.put('/api/calendar/years/2027', { source: 's', periods: [period('2027-10-01', '2027-10-07', ['2027-10-08'])] }, { 'accept-language': 'en' }));
    assert.equal(en.errors![0].message, 'A make-up working day must be a Saturday or Sunday');

    assert.deepEqual(await snapshot(), before);
  });

  it('deletes a year: its days count Monday to Friday again; deleting it twice is 404', async () => {
    const res = await t.operator.delete('/api/calendar/years/2027');
    assert.equal(res.statusCode, 204, res.body);
    assert.deepEqual(await due('2026-12-30', 5), { from: '2026-12-30', days: 5, due: '2027-01-06', provisional: true });
    const again = await t.operator.delete('/api/calendar/years/2027');
    assert.deepEqual([again.statusCode, problemOf(again).code], [404, 'CALENDAR_YEAR_NOT_FOUND']);
    assert.deepEqual(await auditOf(2027), ['calendar.year.replace', 'calendar.year.delete']);
    assert.deepEqual((await verifyAudit(t.db.orm)).breaks, []);
  });

  it('never re-enters an official year an operator deleted', async () => {
    assert.equal((await t.operator.delete('/api/calendar/years/2025')).statusCode, 204);
    assert.deepEqual(await seedCalendar(t.db), []);
    assert.deepEqual((await t.anonymous.get('/api/calendar/years')).json().years.map((y: any) => y.year), [2026, 2028]);
    const restored = await t.operator.put('/api/calendar/years/2025', { source: OFFICIAL_YEARS[0].source, periods: OFFICIAL_YEARS[0].periods });
    assert.equal(restored.statusCode, 200, restored.body);
  });

  it("notices another process's change within 30 seconds through calendar_version", async () => {
    const db = t.db.orm;
    assert.equal((await getCalendar(db)).isWorkingDay('2026-03-02'), true);
    // another process makes Monday Mar 2 a holiday: rows and version change, this process is not told
    await db.execute(sql`INSERT INTO calendar_periods (year, sort, name, from_date, to_date) VALUES (2026, 99, '测试', '2026-03-02', '2026-03-02')`);
    await db.execute(sql`UPDATE calendar_state SET version = version + 1`);
    try {
      assert.equal((await getCalendar(db)).isWorkingDay('2026-03-02'), true, 'cached');
      advanceClock(VERSION_CHECK_MS + 1000);
      assert.equal((await getCalendar(db)).isWorkingDay('2026-03-02'), false, 'reloaded');
      assert.equal((await due('2026-02-27', 1)).due, '2026-02-28');
      assert.equal((await due('2026-02-28', 1)).due, '2026-03-03');
    } finally {
      resetClock();
      await db.execute(sql`DELETE FROM calendar_periods WHERE year = 2026 AND sort = 99`);
    }
  });

  it('lets only operators change the calendar: anonymous 401, citizen 403, whatever the body', async () => {
    const before = await snapshot();
    const calls: [string, string, unknown?][] = [
      ['PUT', '/api/calendar/years/2027', year2027],
      ['PUT', '/api/calendar/years/2027', { periods: 'nonsense' }],
      ['DELETE', '/api/calendar/years/2026'],
    ];
    for (const [method, url, body] of calls) {
      const anon = await t.anonymous.request(method as 'PUT', url, body);
      assert.deepEqual([anon.statusCode, problemOf(anon).code], [401, 'UNAUTHENTICATED'], `${method} ${url}`);
      const citizen = await t.citizen.request(method as 'PUT', url, body);
      assert.deepEqual([citizen.statusCode, problemOf(citizen).code], [403, 'FORBIDDEN'], `${method} ${url}`);
    }
    assert.deepEqual(await snapshot(), before);
    const clerk: Actor = { accountId: 'x', username: 'clerk', kind: 'staff', name: '窗口', roles: ['clerk'], departments: [], realNameLevel: 2, sessionId: 's' };
    await assert.rejects(replaceYear(t.db.orm, clerk, 2027, year2027, 'zh'), { code: 'FORBIDDEN' });
    await assert.rejects(deleteYear(t.db.orm, null, 2026), { code: 'UNAUTHENTICATED' });
  });
});
