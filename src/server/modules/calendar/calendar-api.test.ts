import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/client.js';
import { seedCalendar } from './seed.js';
import { atInstant, problemOf, startCalendarApp, type CalendarContext } from './test-fixtures.js';

describe('reading the calendar', () => {
  let t: CalendarContext;
  before(async () => { t = await startCalendarApp(); });
  after(async () => { await t.close(); });

  const due = async (from: string, days: number) => {
    const res = await t.anonymous.get(`/api/calendar/working-days?from=${from}&days=${days}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { from: string; days: number; due: string; provisional: boolean };
  };

  it('lists the official years with their periods and make-up days', async () => {
    const res = (await t.anonymous.get('/api/calendar/years')).json();
    assert.deepEqual(res.years.map((y: any) => [y.year, y.confirmed, y.periods.length]), [[2025, true, 6], [2026, true, 7]]);
    const national = res.years[1].periods.find((p: any) => p.name === '国庆节');
    assert.deepEqual(national, { name: '国庆节', from: '2026-10-01', to: '2026-10-07', makeupWorkdays: ['2026-09-20', '2026-10-10'] });
    assert.match(res.years[0].source, /国办发明电〔2024〕12号/);
    assert.ok(res.version >= 1);
    assert.match(res.today, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('adds working days across the official holidays and make-up days', async () => {
    const vectors: [string, number, string][] = [
      ['2025-09-26', 1, '2025-09-28'], ['2025-09-30', 1, '2025-10-09'], ['2025-01-27', 1, '2025-02-05'],
      ['2025-02-07', 1, '2025-02-08'], ['2026-02-13', 1, '2026-02-14'], ['2026-02-14', 1, '2026-02-24'],
      ['2026-02-27', 1, '2026-02-28'], ['2025-12-31', 1, '2026-01-04'], ['2026-09-18', 1, '2026-09-20'],
      ['2026-10-09', 1, '2026-10-10'], ['2026-03-02', 0, '2026-03-02'], ['2026-01-05', 20, '2026-02-02'],
    ];
    for (const [from, days, expected] of vectors) assert.deepEqual(await due(from, days), { from, days, due: expected, provisional: false }, `${from} + ${days}`);
  });

  it('counts working days between two dates, negative backwards', async () => {
    const count = async (from: string, to: string) => (await t.anonymous.get(`/api/calendar/working-days?from=${from}&to=${to}`)).json();
    assert.deepEqual(await count('2025-09-30', '2025-10-09'), { from: '2025-09-30', to: '2025-10-09', workingDays: 1, provisional: false });
    assert.deepEqual(await count('2024-12-31', '2025-12-31'), { from: '2024-12-31', to: '2025-12-31', workingDays: 248, provisional: false });
    assert.equal((await count('2026-02-24', '2026-02-13')).workingDays, -2);
  });

  it('counts a year not entered Monday to Friday and marks the answer provisional', async () => {
    assert.deepEqual(await due('2026-12-30', 5), { from: '2026-12-30', days: 5, due: '2027-01-06', provisional: true });
    assert.equal((await due('2026-12-30', 1)).provisional, false);
    const count = (await t.anonymous.get('/api/calendar/working-days?from=2026-12-01&to=2027-01-04')).json();
    assert.deepEqual([count.workingDays, count.provisional], [24, true]);
    const month = (await t.anonymous.get('/api/calendar/days?month=2027-01')).json();
    assert.deepEqual([month.provisional, month.days[0].isWorkingDay, month.days[0].kind], [true, true, 'workday']);
  });

  it('shows a month day by day with the holiday or make-up name', async () => {
    const res = await t.anonymous.get('/api/calendar/days?month=2026-02');
    assert.equal(res.statusCode, 200, res.body);
    const month = res.json();
    assert.equal(month.days.length, 28);
    assert.equal(month.provisional, false);
    const day = (d: string) => month.days.find((x: any) => x.date === d);
    assert.deepEqual(day('2026-02-14'), { date: '2026-02-14', weekday: 6, isWorkingDay: true, kind: 'makeup', name: '春节' });
    assert.deepEqual(day('2026-02-16'), { date: '2026-02-16', weekday: 1, isWorkingDay: false, kind: 'holiday', name: '春节' });
    assert.deepEqual(day('2026-02-07'), { date: '2026-02-07', weekday: 6, isWorkingDay: false, kind: 'weekend', name: null });
  });

  it('warns from November 1 (Asia/Shanghai) while next year is missing', async () => {
    const warnings = async () => (await t.anonymous.get('/api/calendar/years')).json();
    await atInstant('2026-10-31T23:59:00+08:00', async () => {
      const res = await warnings();
      assert.deepEqual([res.today, res.warnings], ['2026-10-31', []]);
    });
    await atInstant('2026-11-01T00:01:00+08:00', async () => {
      const res = await warnings();
      assert.deepEqual([res.today, res.warnings], ['2026-11-01', [{ code: 'NEXT_YEAR_MISSING', year: 2027 }]]);
    });
    await atInstant('2025-11-15T10:00:00+08:00', async () => assert.deepEqual((await warnings()).warnings, []));
    await atInstant('2027-01-04T10:00:00+08:00', async () => {
      assert.deepEqual((await warnings()).warnings, [{ code: 'CURRENT_YEAR_MISSING', year: 2027 }]);
    });
  });

  it('rejects malformed questions with coded problems', async () => {
    const ask = async (query: string) => problemOf(await t.anonymous.get(`/api/calendar/working-days?${query}`));
    const fields = (p: { errors?: { path: string; code: string }[] }) => p.errors?.map((e) => `${e.path} ${e.code}`);

    const format = await ask('from=2026-9-1&days=1');
    assert.deepEqual([format.status, format.code, fields(format)], [400, 'VALIDATION_FAILED', ['/from PATTERN']]);
    const impossible = await ask('from=2026-02-30&days=1');
    assert.deepEqual([impossible.status, impossible.code, fields(impossible)], [400, 'CALENDAR_DATE_INVALID', ['/from CALENDAR_DATE_INVALID']]);
    assert.deepEqual(fields(await ask('from=2026-02-01&to=2026-04-31')), ['/to CALENDAR_DATE_INVALID']);
    const negative = await ask('from=2026-02-01&days=-1');
    assert.deepEqual([negative.code, fields(negative)], ['VALIDATION_FAILED', ['/days MINIMUM']]);
    const tooMany = await ask('from=2026-02-01&days=1000');
    assert.deepEqual([tooMany.code, fields(tooMany)], ['VALIDATION_FAILED', ['/days MAXIMUM']]);
    assert.equal((await ask('from=2026-02-01&days=1.5')).code, 'VALIDATION_FAILED');
    assert.equal((await ask('from=2026-02-01')).code, 'CALENDAR_DAYS_OR_TO');
    assert.equal((await ask('from=2026-02-01&days=3&to=2026-03-01')).code, 'CALENDAR_DAYS_OR_TO');
    assert.equal((await ask('days=3')).code, 'VALIDATION_FAILED');
    assert.equal((await ask('from=2026-02-01&days=3&extra=1')).code, 'VALIDATION_FAILED');
    for (const month of ['2026-13', '2026-2', '26-02']) {
      assert.equal(problemOf(await t.anonymous.get(`/api/calendar/days?month=${month}`)).code, 'VALIDATION_FAILED', month);
    }
    const en = problemOf(await t.anonymous.get('/api/calendar/working-days?from=2026-02-30&days=1', { 'accept-language': 'en' }));
    assert.deepEqual([en.title, en.errors![0].message], ['No such date', 'No such date']);
  });

  it('seeds each official year once', async () => {
    assert.deepEqual(await seedCalendar(t.db), []);
    const counts = await rows<{ year: number; n: number }>(t.db.orm, sql`SELECT year, count(*)::int AS n FROM calendar_periods GROUP BY year ORDER BY year`);
    assert.deepEqual(counts.map((c) => [Number(c.year), c.n]), [[2025, 6], [2026, 7]]);
  });
});
