import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, datesOfMonth, dayNumber, fromDayNumber, shanghaiDate, weekday } from './civil-date.js';

describe('civil dates', () => {
  it('accepts real dates only', () => {
    assert.equal(dayNumber('1970-01-01'), 0);
    assert.equal(dayNumber('2024-02-29') !== null, true);
    for (const bad of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-1', '20260101', '2026-01-01T00:00']) {
      assert.equal(dayNumber(bad), null, bad);
    }
  });

  it('steps across months, years and leap days', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2025-12-31', 1), '2026-01-01');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(fromDayNumber(dayNumber('2099-12-31')!), '2099-12-31');
    assert.equal(weekday('2025-09-28'), 0);
    assert.equal(weekday('2026-02-14'), 6);
  });

  it('takes today in Asia/Shanghai whatever the host zone is', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        assert.equal(shanghaiDate(new Date('2026-10-31T15:59:59Z')), '2026-10-31', tz);
        assert.equal(shanghaiDate(new Date('2026-10-31T16:00:00Z')), '2026-11-01', tz);
        assert.equal(addDays('2026-03-08', 1), '2026-03-09', `${tz}: no daylight-saving gap`);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ; else process.env.TZ = zone;
    }
  });

  it('lists the days of a month', () => {
    assert.equal(datesOfMonth('2026-02').length, 28);
    assert.equal(datesOfMonth('2024-02').at(-1), '2024-02-29');
    assert.deepEqual([datesOfMonth('2026-12')[0], datesOfMonth('2026-12').at(-1)], ['2026-12-01', '2026-12-31']);
  });
});
