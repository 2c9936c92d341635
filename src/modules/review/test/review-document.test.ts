// The annual review's pure rules: which section a figure goes to by the office's layout (longest pattern wins, the rest
// to 其他工作), the wording cut into text and placeholders, what a save refuses (an unknown figure, a typed number with
// a figure's unit), the change in words, and the month periods of a 工作年度.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changePercent, changeText, defaultLayout, parseWording, sectionOf, wordingProblem } from '../domain/review-document.ts';
import { monthPeriods } from '../server/year-figures.ts';

test('a figure goes to the section of its longest matching pattern, an unclaimed one to 其他工作', () => {
  assert.equal(sectionOf(defaultLayout, 'proposals.filed'), 'advise');
  assert.equal(sectionOf(defaultLayout, 'proposals.participants'), 'members');
  assert.equal(sectionOf(defaultLayout, 'opinions.members_adopted'), 'members', 'opinions.members claims its _suffixes');
  assert.equal(sectionOf(defaultLayout, 'opinions.submitted'), 'advise');
  assert.equal(sectionOf(defaultLayout, 'platforms.platforms'), 'consult');
  assert.equal(sectionOf(defaultLayout, 'recommendations.implemented'), 'supervise');
  assert.equal(sectionOf(defaultLayout, 'nosuchmodule.things'), 'other', 'a figure no pattern claims goes to 其他工作');
  assert.equal(sectionOf({ ...defaultLayout, consult: [], self: ['platforms.'] }, 'platforms.platforms'), 'self', 'the office adjusts the layout');
  assert.equal(sectionOf({ consult: ['proposals.key'] }, 'proposals.keyword'), 'other', 'a whole key is not a prefix of another word');
});

test('the wording is text and placeholders, in order', () => {
  assert.deepEqual(parseWording('立案{proposals.filed}，{proposals.filed|change}。'), [
    { text: '立案' }, { key: 'proposals.filed', part: 'value' }, { text: '，' }, { key: 'proposals.filed', part: 'change' }, { text: '。' },
  ]);
  assert.deepEqual(parseWording('{a.b|previous}'), [{ key: 'a.b', part: 'previous' }]);
  assert.deepEqual(parseWording('没有数字'), [{ text: '没有数字' }]);
});

test('a save refuses an unknown figure and a number typed with a figure\'s unit, not a year or a placeholder', () => {
  const declared = new Set(['proposals.filed']);
  const units = ['件', '人', '篇'];
  assert.equal(wordingProblem('立案{proposals.filed}。', declared, units), null);
  assert.equal(wordingProblem('2025年，十四届四次会议期间', declared, units), null);
  assert.match(wordingProblem('{proposals.nothing}', declared, units)!, /不存在的统计数字「proposals.nothing」/);
  assert.match(wordingProblem('全年立案464 件。', declared, units)!, /不能直接写入数字「464 件」/);
  assert.match(wordingProblem('共3,543篇', declared, units)!, /3,543篇/);
});

test('the change in words and in percent', () => {
  assert.equal(changeText(464, 450, '件'), '较上年增加14件');
  assert.equal(changeText(3, 5, '件'), '较上年减少2件');
  assert.equal(changeText(5, 5, '件'), '与上年持平');
  assert.equal(changeText(5, null, '件'), '无上年数据');
  assert.equal(changePercent(110, 100), 10);
  assert.equal(changePercent(5, 0), null);
});

test('the month periods of a 工作年度 cover it exactly: January from its first day, December to its last', () => {
  const m = monthPeriods(2025, '2024-12-06', '2025-12-05');
  assert.equal(m.length, 12);
  assert.deepEqual(m[0], { month: '2025-01', from: '2024-12-06', to: '2025-01-31' });
  assert.deepEqual(m[1], { month: '2025-02', from: '2025-02-01', to: '2025-02-28' });
  assert.deepEqual(m[11], { month: '2025-12', from: '2025-12-01', to: '2025-12-05' });
  for (let i = 1; i < 12; i++) assert.ok(m[i].from > m[i - 1].to);
  assert.equal(monthPeriods(2028, '2028-01-01', '2028-12-31')[1].to, '2028-02-29', 'a leap year');
});
