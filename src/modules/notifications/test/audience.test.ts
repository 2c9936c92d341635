// Pure rules of notifications: where a notification links, who is told of a work item.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { entityLink, recipientsExcept } from '../domain/audience.ts';

describe('notification links and recipients', () => {
  test('links point at the record page', () => {
    assert.equal(entityLink('proposal', 'ABC'), '/proposals/ABC');
  });
  test('the actor is never among the recipients, and each person appears once', () => {
    assert.deepEqual(recipientsExcept(['a', 'b', 'a', 'system'], 'b'), ['a']);
  });
});
