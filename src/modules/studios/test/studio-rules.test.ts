// 委员工作室 rules: exact money (万元 typed → whole 元, totals shown as 亿元/万元), masking of names, and who records,
// manages and sees the parties of a studio.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apportion, decimalOf, formatYuan, mayManageStudio, mayRecordIn, maskName, recordKindsOf, seesParties, sumYuan, wanOf, yuanFromWan } from '../domain/studio-rules.ts';

test('万元 as typed becomes whole 元 exactly, without floating point', () => {
  assert.equal(yuanFromWan('126.5'), 1_265_000);
  assert.equal(yuanFromWan('0.0001'), 1);
  assert.equal(yuanFromWan(' 3 '), 30_000);
  // 0.1 + 0.2 style drift: 1.1 万 is 11,000 元, not 11,000.000000000002
  assert.equal(yuanFromWan('1.1'), 11_000);
  assert.equal(yuanFromWan('260200'), 2_602_000_000);
  for (const bad of ['', '-1', '0', '1.23456', 'abc', '1e5', '10000000.1']) assert.equal(yuanFromWan(bad), null, bad);
});

test('totals read as 亿元 and 万元 with exact decimals', () => {
  assert.equal(formatYuan(2_602_000_000), '26.02亿元');
  assert.equal(formatYuan(21_300_000_000), '213亿元');
  assert.equal(formatYuan(843_000), '84.3万元');
  assert.equal(formatYuan(2_805_000), '280.5万元');
  assert.equal(formatYuan(800), '800元');
  assert.equal(decimalOf(123_456_789, 4), '12345.6789');
  assert.equal(wanOf(2_602_000_000), 260_200);
  assert.equal(wanOf(1), 0.0001);
});

test('sums stay exact integers; a fractional amount is refused', () => {
  const parts = Array.from({ length: 2065 }, (_, i) => 1_000_000 + i);
  assert.equal(sumYuan(parts), 2065 * 1_000_000 + (2064 * 2065) / 2);
  assert.throws(() => sumYuan([1, 0.5]));
});

test('apportion splits a total exactly over weights', () => {
  const p = apportion(260_200, Array.from({ length: 2065 }, (_, i) => 0.2 + (i % 7)));
  assert.equal(p.length, 2065);
  assert.equal(p.reduce((a, b) => a + b, 0), 260_200);
  assert.ok(p.every((x) => Number.isInteger(x) && x >= 0));
});

test('a masked name keeps the surname and never tells its length', () => {
  assert.equal(maskName('张三'), '张**');
  assert.equal(maskName('欧阳春生'), '欧**');
  assert.equal(maskName(''), '');
});

test('members and the office record in a studio; the convener and the office manage it; parties follow recording', () => {
  const studio = { tenant_id: 't1', convener_user_id: 'c', memberIds: ['c', 'm'] };
  const member = (userId: string) => ({ userId, tenantId: 't1', permissions: new Set(['studios.record']) });
  const office = { userId: 'o', tenantId: 't1', permissions: new Set(['studios.manage', 'studios.read_all']) };
  const leader = { userId: 'l', tenantId: 't1', permissions: new Set(['studios.read_all']) };
  assert.equal(mayRecordIn(studio, member('m')), true);
  assert.equal(mayRecordIn(studio, member('x')), false);
  assert.equal(mayRecordIn(studio, office), true);
  assert.equal(mayRecordIn(studio, leader), false);
  assert.equal(mayRecordIn(studio, { ...office, tenantId: 't2' }), false, 'another CPPCC');
  assert.equal(mayManageStudio(studio, member('c')), true);
  assert.equal(mayManageStudio(studio, member('m')), false);
  assert.equal(seesParties(studio, leader), false);
  assert.equal(seesParties(studio, member('m')), true);
  assert.deepEqual(recordKindsOf('finance'), ['finance', 'projects']);
  assert.deepEqual(recordKindsOf('legal'), ['cases']);
  assert.deepEqual(recordKindsOf('university'), []);
});
