import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OFFICIAL_YEARS } from './holidays-data.js';
import { checkYear } from './rules.js';
import { calendarWarnings } from './service.js';

const period = (from: string, to: string, makeupWorkdays: string[] = [], name = '假期') => ({ name, from, to, makeupWorkdays });
const codes = (year: number, periods: ReturnType<typeof period>[]) => checkYear(year, { periods }).map((v) => `${v.path} ${v.code}`);

describe('rules of a year', () => {
  it('accepts the official 2025 and 2026 notices as they are', () => {
    for (const y of OFFICIAL_YEARS) assert.deepEqual(checkYear(y.year, y), [], String(y.year));
  });

  it('accepts an empty year (no holidays entered yet)', () => {
    assert.deepEqual(codes(2027, []), []);
  });

  it('reports dates that do not exist or lie outside the year', () => {
    assert.deepEqual(codes(2026, [period('2026-02-30', '2026-03-01'), period('2025-12-31', '2026-01-01', ['2027-01-02'])]), [
      '/periods/0/from CALENDAR_DATE_INVALID',
      '/periods/1/from CALENDAR_DATE_OUTSIDE_YEAR',
      '/periods/1/makeupWorkdays/0 CALENDAR_DATE_OUTSIDE_YEAR',
    ]);
  });

  it('reports a period that ends before it starts, and overlapping periods', () => {
    assert.deepEqual(codes(2026, [period('2026-10-01', '2026-10-07'), period('2026-05-05', '2026-05-01'), period('2026-10-07', '2026-10-08'), period('2026-09-01', '2026-12-01')]), [
      '/periods/1/to CALENDAR_PERIOD_REVERSED',
      '/periods/2/from CALENDAR_PERIODS_OVERLAP',
      '/periods/3/from CALENDAR_PERIODS_OVERLAP',
    ]);
  });

  it('wants make-up days on a weekend, outside every period, listed once', () => {
    assert.deepEqual(codes(2026, [
      period('2026-10-01', '2026-10-07', ['2026-09-20', '2026-10-09', '2026-10-03']),
      period('2026-05-01', '2026-05-05', ['2026-05-09', '2026-09-20']),
    ]), [
      '/periods/0/makeupWorkdays/1 CALENDAR_MAKEUP_NOT_WEEKEND',
      '/periods/0/makeupWorkdays/2 CALENDAR_MAKEUP_IN_HOLIDAY',
      '/periods/1/makeupWorkdays/1 CALENDAR_MAKEUP_DUPLICATE',
    ]);
  });

  it('orders the reports as the fields appear (period 2 before period 10)', () => {
    const periods = Array.from({ length: 11 }, (_, i) => period(`2026-03-${String(i + 10).padStart(2, '0')}`, `2026-03-${String(i + 10).padStart(2, '0')}`));
    periods[10] = period('2026-03-31', '2026-03-30');
    periods[2] = period('2026-02-30', '2026-02-30');
    assert.deepEqual(codes(2026, periods), ['/periods/2/from CALENDAR_DATE_INVALID', '/periods/2/to CALENDAR_DATE_INVALID', '/periods/10/to CALENDAR_PERIOD_REVERSED']);
  });
});

describe('calendar warnings', () => {
  const entered = [{ year: 2025, confirmed: true }, { year: 2026, confirmed: true }];
  it('warns from November 1 when next year is missing, not before', () => {
    assert.deepEqual(calendarWarnings('2026-10-31', entered), []);
    assert.deepEqual(calendarWarnings('2026-11-01', entered), [{ code: 'NEXT_YEAR_MISSING', year: 2027 }]);
    assert.deepEqual(calendarWarnings('2026-12-31', entered), [{ code: 'NEXT_YEAR_MISSING', year: 2027 }]);
    assert.deepEqual(calendarWarnings('2025-11-20', entered), []);
  });

  it('warns all year when the current year is missing, and about unconfirmed years', () => {
    assert.deepEqual(calendarWarnings('2027-03-01', entered), [{ code: 'CURRENT_YEAR_MISSING', year: 2027 }]);
    assert.deepEqual(calendarWarnings('2026-11-05', [...entered, { year: 2027, confirmed: false }]), [{ code: 'YEAR_UNCONFIRMED', year: 2027 }]);
  });
});
