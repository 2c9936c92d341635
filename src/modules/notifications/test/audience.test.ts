// Pure rules of the push channel: who an event reaches, which push it becomes, where a notification links.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { audienceIncludes, entityLink, pushEventName, recipientsExcept, sseFrame } from '../domain/audience.ts';

const clerk = { userId: 'u1', orgId: 'unit-zj', roles: ['unit_handler'] };

describe('push audience', () => {
  test('a user named in the audience receives the event', () => {
    assert.equal(audienceIncludes({ userIds: ['u1'] }, clerk), true);
  });
  test('a role holder in the audience organisation receives the event', () => {
    assert.equal(audienceIncludes({ orgIds: ['unit-zj'], roles: ['unit_handler'] }, clerk), true);
  });
  test('the same role in another organisation does not receive it', () => {
    assert.equal(audienceIncludes({ orgIds: ['unit-jy'], roles: ['unit_handler'] }, clerk), false);
  });
  test('another role in the same organisation does not receive it', () => {
    assert.equal(audienceIncludes({ orgIds: ['unit-zj'], roles: ['unit_leader'] }, clerk), false);
  });
  test('an event without audience reaches nobody', () => {
    assert.equal(audienceIncludes(undefined, clerk), false);
    assert.equal(audienceIncludes({}, clerk), false);
  });
});

describe('push names, links, recipients', () => {
  test('transitions become worklist pushes and notifications notification pushes; other events none', () => {
    assert.equal(pushEventName('proposal.transitioned'), 'worklist');
    assert.equal(pushEventName('notification.created'), 'notification');
    assert.equal(pushEventName('user.login'), null);
  });
  test('links point at the record page', () => {
    assert.equal(entityLink('proposal', 'ABC'), '/proposals/ABC');
  });
  test('the actor is never among the recipients, and each person appears once', () => {
    assert.deepEqual(recipientsExcept(['a', 'b', 'a', 'system'], 'b'), ['a']);
  });
  test('an SSE frame carries the event name and one-line JSON data', () => {
    const f = sseFrame('notification', { title: '第一行\n第二行' }, '7');
    assert.equal(f, 'id: 7\nevent: notification\ndata: {"title":"第一行\\n第二行"}\n\n');
  });
});
