// The pure rules of 文史资料: the table of contents grouped by section in order, who sees a material, the lifecycle's
// roads (who may do what in which state), and the contents document's outline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowedActions } from '../../../kernel/universal/workflow.ts';
import { issueLabel, tableOfContents } from '../domain/wenshi-catalogue.ts';
import { wenshiLifecycle } from '../domain/wenshi-lifecycle.ts';
import { canSeeMaterial, seesContact } from '../domain/wenshi-policy.ts';
import { tocOutline } from '../server/toc-docx.ts';

const e = (seq: number, section: string, title = `篇${seq}`) => ({ seq, section, title, author: '作者', period: null });

test('the contents follow the entries\' order, each section once, where it first appears', () => {
  const toc = tableOfContents([e(3, '红色记忆'), e(1, '上党史话'), e(2, '红色记忆'), e(4, '上党史话')]);
  assert.deepEqual(toc.map((s) => s.section), ['上党史话', '红色记忆']);
  assert.deepEqual(toc.map((s) => s.entries.map((x) => x.seq)), [[1, 4], [2, 3]]);
  assert.deepEqual(tableOfContents([]), []);
  assert.equal(issueLabel(41), '第41辑');
  const o = tocOutline({ number: 41, year: 2026, title: '长治文史', editor: '李主编', organisationName: '政协长治市委员会' }, [e(2, '古建遗存', '天台庵'), e(1, '红色记忆', '老顶山')]);
  assert.equal(o.heading, '长治文史 第41辑');
  assert.deepEqual(o.sections.flatMap((s) => s.lines.map((l) => [l.n, l.title])), [[1, '老顶山'], [2, '天台庵']], 'running numbers across sections');
});

const actor = (userId: string, perms: string[], tenantId = 'city') => ({ userId, tenantId, orgId: tenantId, roles: perms.length ? ['x'] : [], permissions: new Set(perms) });

test('who sees a material: its contributor, the staff of its CPPCC, and everyone who uses the module once it is published', () => {
  const draft = { tenant_id: 'city', owner_user_id: 'u1', published: 0 };
  const printed = { ...draft, published: 1 };
  const member = actor('u2', ['wenshi.create']);
  assert.equal(canSeeMaterial(draft, actor('u1', ['wenshi.create'])), true);
  assert.equal(canSeeMaterial(draft, member), false);
  assert.equal(canSeeMaterial(printed, member), true);
  assert.equal(canSeeMaterial(draft, actor('s', ['wenshi.read_all'])), true);
  assert.equal(canSeeMaterial(draft, actor('s', ['wenshi.read_all'], 'county')), false, 'never another CPPCC\'s');
  assert.equal(canSeeMaterial(printed, actor('admin', [])), false, 'not the administrators');
  assert.equal(canSeeMaterial({ ...draft, owner_user_id: null }, member), false, 'a public submission is no member\'s');
  assert.equal(seesContact(actor('s', ['wenshi.read_all'])), false, 'a leader reads materials, not contacts');
  assert.equal(seesContact(actor('s', ['wenshi.handle'])), true);
});

test('the lifecycle: staff review, accept or decline, edit and select; a member has nothing to do on a material', () => {
  const record = { id: 'm', tenant_id: 'city', state: 'received', version: 1, owner_user_id: 'u1' };
  const staff = { ...actor('s', ['wenshi.handle']), roles: ['committee_staff'] };
  const member = { ...actor('u1', ['wenshi.create']), roles: ['member'] };
  const names = (state: string, a: typeof staff) => allowedActions(wenshiLifecycle, state, { record: { ...record, state }, actor: a }).map((x) => x.name);
  assert.deepEqual(names('received', staff), ['review']);
  assert.deepEqual(names('reviewing', staff), ['accept', 'decline']);
  assert.deepEqual(names('accepted', staff), ['edit', 'select']);
  assert.deepEqual(names('edited', staff), ['edit', 'select']);
  assert.deepEqual(names('selected', staff), ['withdraw_from_issue']);
  assert.deepEqual(names('declined', staff), []);
  for (const s of ['received', 'reviewing', 'accepted']) assert.deepEqual(names(s, member), [], s);
  assert.deepEqual(names('received', { ...staff, tenantId: 'county' }), [], 'another CPPCC\'s staff');
});
