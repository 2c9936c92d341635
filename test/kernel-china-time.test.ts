import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatDateTime } from '../src/kernel/universal/china-time.ts';

describe('instants shown in China time', () => {
  test('an instant reads the same on a device set to another time zone', () => {
    const before = process.env.TZ;
    try {
      for (const tz of ['America/New_York', 'Europe/London', 'Asia/Shanghai', 'UTC']) {
        process.env.TZ = tz;
        // 16:30 UTC is 00:30 the next day in Beijing
        assert.equal(formatDateTime('2026-03-31T16:30:00.000Z'), '2026-04-01 00:30', tz);
        assert.equal(formatDate('2026-03-31T16:30:00.000Z'), '2026-04-01', tz);
        assert.equal(formatDateTime('2026-11-28T02:05:59.999Z'), '2026-11-28 10:05', tz);
      }
    } finally {
      if (before === undefined) delete process.env.TZ; else process.env.TZ = before;
    }
  });

  test('empty, plain dates and unreadable values', () => {
    assert.equal(formatDateTime(null), '');
    assert.equal(formatDateTime(undefined), '');
    assert.equal(formatDate(''), '');
    assert.equal(formatDate('2026-05-01'), '2026-05-01');
    assert.equal(formatDateTime('not a date'), 'not a date');
  });
});
