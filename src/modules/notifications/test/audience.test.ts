// Pure rules of notifications: where a notification links, who is told of a work item.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { entityLink, recipientsExcept, taskNoticeBody } from '../domain/audience.ts';

describe('notification links and recipients', () => {
  test('links point at the record page', () => {
    assert.equal(entityLink('proposal', 'ABC'), '/proposals/ABC');
  });
  test('the actor is never among the recipients, and each person appears once', () => {
    assert.deepEqual(recipientsExcept(['a', 'b', 'a', 'system'], 'b'), ['a']);
  });
});

describe('work-item notice text', () => {
  test('a label with brackets of its own is not wrapped in another pair', () => {
    const body = taskNoticeBody({ title: '关于加强老旧小区加装电梯工作的建议', label: '转办征询（转社情民意）', dueDate: '2026-12-20', arrived: false });
    assert.equal(body, '「关于加强老旧小区加装电梯工作的建议」需要您办理，待办事项：转办征询（转社情民意），请于 2026-12-20 前办理。');
    assert.doesNotMatch(body, /（[^）]*（/);
  });
});
