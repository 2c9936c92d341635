// 公益 rules: a drive's totals are exact; a beneficiary's name and school are read by the office only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { beneficiaryView, driveTotals, formatYuan, maskName, wanOf } from '../domain/charity-rules.ts';

test('a drive\'s totals: raised, given, balance and students, exactly', () => {
  const grants = [...Array(87).fill(3000), ...Array(83).fill(4000), ...Array(50).fill(5000)];
  const t = driveTotals([500_000, 343_000], grants);
  assert.deepEqual(t, { raisedYuan: 843_000, givenYuan: 843_000, balanceYuan: 0, beneficiaries: 220 });
  assert.equal(formatYuan(t.raisedYuan), '84.3万元');
  assert.equal(wanOf(t.raisedYuan), 84.3);
  assert.throws(() => driveTotals([0.1, 0.2], []), 'a fractional amount is refused');
});

test('the office reads a student\'s name and school; anyone else 张** and no school', () => {
  const row = { student_name: '张雨轩', school: '山西大学' };
  const office = { userId: 'o', tenantId: 't', permissions: new Set(['charity.manage', 'charity.read_private']) };
  const member = { userId: 'm', tenantId: 't', permissions: new Set(['charity.read']) };
  const leader = { userId: 'l', tenantId: 't', permissions: new Set(['charity.read', 'charity.read_all']) };
  assert.deepEqual(beneficiaryView(row, office), { studentName: '张雨轩', school: '山西大学', masked: false });
  assert.deepEqual(beneficiaryView(row, member), { studentName: '张**', school: null, masked: true });
  assert.deepEqual(beneficiaryView(row, leader), { studentName: '张**', school: null, masked: true });
  assert.equal(maskName('司马相如'), '司**');
});
