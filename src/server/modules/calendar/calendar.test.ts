import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WorkingCalendar } from './calendar.js';
import { addDays, toDayNumber, weekday } from './civil-date.js';
import { OFFICIAL_YEARS } from './holidays-data.js';

const official = new WorkingCalendar(OFFICIAL_YEARS.map((y) => ({ year: y.year, confirmed: true, periods: y.periods })));

/** the rule spelled out day by day, to check the arithmetic against */
function bruteCount(cal: WorkingCalendar, a: string, b: string): number {
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let n = 0;
  for (let d = addDays(lo, 1); d <= hi; d = addDays(d, 1)) if (cal.isWorkingDay(d)) n++;
  return sign * n;
}

describe('working days on the official 2025 and 2026 calendars', () => {
  it('knows 国庆 2025: Oct 1–8 off, Sunday Sep 28 and Saturday Oct 11 worked', () => {
    for (let d = '2025-10-01'; d <= '2025-10-08'; d = addDays(d, 1)) assert.equal(official.isWorkingDay(d), false, d);
    assert.deepEqual(['2025-09-27', '2025-09-28', '2025-10-09', '2025-10-10', '2025-10-11', '2025-10-12'].map((d) => official.isWorkingDay(d)),
      [false, true, true, true, true, false]);
    assert.equal(official.addWorkingDays('2025-09-26', 1), '2025-09-28');
    assert.equal(official.addWorkingDays('2025-09-30', 1), '2025-10-09');
    assert.equal(official.addWorkingDays('2025-09-30', 3), '2025-10-11');
    assert.equal(official.addWorkingDays('2025-09-30', 4), '2025-10-13');
  });

  it('knows 春节 2025: Jan 28 – Feb 4 off, Sunday Jan 26 and Saturday Feb 8 worked', () => {
    assert.equal(official.addWorkingDays('2025-01-24', 1), '2025-01-26');
    assert.equal(official.addWorkingDays('2025-01-27', 1), '2025-02-05');
    assert.equal(official.addWorkingDays('2025-02-07', 1), '2025-02-08');
    assert.equal(official.isWorkingDay('2025-02-04'), false);
  });

  it('knows 元旦 and 春节 2026: Sunday Jan 4, Saturdays Feb 14 and Feb 28 worked, Feb 15–23 off', () => {
    assert.equal(official.addWorkingDays('2025-12-31', 1), '2026-01-04');
    assert.equal(official.addWorkingDays('2026-02-13', 1), '2026-02-14');
    assert.equal(official.addWorkingDays('2026-02-14', 1), '2026-02-24');
    assert.equal(official.addWorkingDays('2026-02-27', 1), '2026-02-28');
    assert.equal(official.workingDaysBetween('2026-02-13', '2026-02-24'), 2);
  });

  it('knows 中秋 and 国庆 2026: Sunday Sep 20 and Saturday Oct 10 worked', () => {
    assert.equal(official.addWorkingDays('2026-09-18', 1), '2026-09-20');
    assert.equal(official.addWorkingDays('2026-09-24', 1), '2026-09-28');
    assert.equal(official.addWorkingDays('2026-09-30', 1), '2026-10-08');
    assert.equal(official.addWorkingDays('2026-10-09', 1), '2026-10-10');
  });

  it('counts 248 working days in each of 2025 and 2026', () => {
    assert.equal(official.workingDaysBetween('2024-12-31', '2025-12-31'), 248);
    assert.equal(official.workingDaysBetween('2025-12-31', '2026-12-31'), 248);
    assert.equal(official.workingDaysBetween('2026-12-31', '2024-12-31'), -496);
  });

  it('does not count the start date, and n = 0 gives the start date itself', () => {
    assert.equal(official.addWorkingDays('2025-10-03', 0), '2025-10-03');
    assert.equal(official.addWorkingDays('2025-10-09', 1), '2025-10-10');
    assert.equal(official.workingDaysBetween('2025-10-09', '2025-10-09'), 0);
    assert.equal(official.workingDaysBetween('2025-09-30', '2025-10-09'), 1);
    assert.equal(official.workingDaysBetween('2025-10-09', '2025-09-30'), -1);
  });

  it('agrees with a day-by-day count, and adding then counting gives n back', () => {
    let seed = 20260214;
    const random = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
    for (let i = 0; i < 400; i++) {
      const a = addDays('2024-10-01', random(1000));
      const b = addDays(a, random(200) - 100);
      assert.equal(official.workingDaysBetween(a, b), bruteCount(official, a, b), `${a} → ${b}`);
      const n = random(40);
      assert.equal(official.workingDaysBetween(a, official.addWorkingDays(a, n)), n, `${a} + ${n}`);
    }
  });

  it('refuses negative or fractional counts and dates that do not exist', () => {
    assert.throws(() => official.addWorkingDays('2026-01-05', -1), RangeError);
    assert.throws(() => official.addWorkingDays('2026-01-05', 1.5), RangeError);
    assert.throws(() => official.isWorkingDay('2026-02-30'), RangeError);
  });
});

describe('years not entered', () => {
  it('counts 2027 Monday to Friday and marks answers reaching into it provisional', () => {
    assert.equal(weekday('2027-01-01'), 5);
    assert.equal(official.isWorkingDay('2027-01-01'), true, 'a Friday, whatever 元旦 2027 will be');
    assert.deepEqual(official.dueDate('2026-12-30', 5), { due: '2027-01-06', provisional: true });
    assert.deepEqual(official.dueDate('2026-12-30', 1), { due: '2026-12-31', provisional: false });
    assert.deepEqual(official.dueDate('2026-12-31', 0), { due: '2026-12-31', provisional: false });
    assert.deepEqual(official.countBetween('2026-12-01', '2027-01-04'), { workingDays: 24, provisional: true });
    assert.equal(official.isProvisional('2027-03-01'), true);
    assert.equal(official.isProvisional('2024-06-03'), true);
    assert.equal(official.isProvisional('2026-06-03'), false);
  });

  it('treats a year entered without confirmation as provisional, though its holidays count', () => {
    const cal = new WorkingCalendar([{ year: 2027, confirmed: false, periods: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', makeupWorkdays: [] }] }]);
    assert.deepEqual(cal.dueDate('2026-12-31', 1), { due: '2027-01-04', provisional: true });
    assert.deepEqual(cal.enteredYears(), [{ year: 2027, confirmed: false }]);
  });

  it('counts plain weekdays on an empty calendar', () => {
    const empty = new WorkingCalendar();
    assert.equal(empty.addWorkingDays('2025-09-30', 1), '2025-10-01');
    assert.equal(empty.workingDaysBetween('2025-01-05', '2025-01-12'), 5);
  });
});

describe('deadlines', () => {
  it('is ok with more than amberAt working days left, amber down to the due date, red once it has passed', () => {
    const due = '2026-02-24';
    assert.equal(official.workingDaysLeft('2026-02-12', due), 3);
    assert.equal(official.deadlineState('2026-02-12', due), 'ok');
    assert.equal(official.deadlineState('2026-02-13', due), 'amber');
    assert.equal(official.deadlineState('2026-02-20', due, { amberAt: 2 }), 'amber', 'inside 春节: 1 working day left');
    assert.equal(official.deadlineState(due, due), 'amber');
    assert.equal(official.workingDaysLeft('2026-02-25', due), -1);
    assert.equal(official.deadlineState('2026-02-25', due), 'red');
    assert.equal(official.deadlineState('2026-02-12', due, { amberAt: 5 }), 'amber');
    assert.equal(official.deadlineState('2026-02-13', due, { amberAt: 0 }), 'ok');
  });

  it('moves a due date by the working days the clock stood still during a supplement (补正)', () => {
    // paused on Friday Sep 26 with 9 working days left (国庆 in between); restarted Monday Oct 20
    assert.equal(official.workingDaysBetween('2025-09-26', '2025-10-15'), 9);
    assert.equal(official.resumeDeadline('2025-10-15', '2025-09-26', '2025-10-20'), '2025-10-31');
    assert.equal(official.resumeDeadline('2025-10-15', '2025-10-15', '2025-10-20'), '2025-10-20');
    assert.equal(official.resumeDeadline('2025-10-15', '2025-10-17', '2025-10-20'), '2025-10-15', 'already overdue');
  });

  it('describes a day with its holiday or make-up name', () => {
    assert.deepEqual(official.dayInfo('2026-02-14'), { date: '2026-02-14', weekday: 6, isWorkingDay: true, kind: 'makeup', name: '春节' });
    assert.deepEqual(official.dayInfo('2026-01-03'), { date: '2026-01-03', weekday: 6, isWorkingDay: false, kind: 'holiday', name: '元旦' });
    assert.deepEqual(official.dayInfo('2026-03-02'), { date: '2026-03-02', weekday: 1, isWorkingDay: true, kind: 'workday', name: null });
    assert.equal(official.dayInfo('2026-03-01').kind, 'weekend');
    assert.equal(toDayNumber('2026-03-02') - toDayNumber('2026-03-01'), 1);
  });
});
