// Pure rules of 社情民意: the report and issue lifecycles, who sees and edits a report, the points table and the length guide.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { allowedActions, checkTransition } from '../../../kernel/universal/workflow.ts';
import { issueLifecycle, reportLifecycle } from '../domain/opinion-lifecycle.ts';
import { canEditReport, canSeeReport, canSendUp } from '../domain/opinion-policy.ts';
import { defaultPoints, lengthWarning, pointsFor, textLength } from '../domain/scoring.ts';

const actor = (userId: string, roles: string[], perms: string[], tenantId = 'city') => ({ userId, orgId: tenantId, tenantId, roles, permissions: new Set(perms) });
const editor = actor('e1', ['info_editor'], ['opinion.edit', 'opinion.read_all']);
const member = actor('m1', ['member'], ['opinion.submit']);
const report = (over: Record<string, unknown> = {}) => ({ id: 'r1', tenant_id: 'city', state: 'submitted', version: 1, submitter_user_id: 'm1', ...over });

describe('report lifecycle', () => {
  test('an editor may accept, keep on file or return a submitted report; the submitter may only withdraw it', () => {
    assert.deepEqual(allowedActions(reportLifecycle, 'submitted', { record: report(), actor: editor }).map((a) => a.name).sort(), ['accept', 'retain', 'return']);
    assert.deepEqual(allowedActions(reportLifecycle, 'submitted', { record: report(), actor: member }).map((a) => a.name), ['withdraw']);
  });
  test('returning needs a reason; a kept report can still be accepted later', () => {
    const r = checkTransition(reportLifecycle, 'submitted', 'return', { record: report(), actor: editor, input: {} });
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.field, 'reason');
    assert.equal(checkTransition(reportLifecycle, 'retained', 'accept', { record: report({ state: 'retained' }), actor: editor, input: {} }).ok, true);
  });
  test('an editor of another CPPCC cannot act on the report; another member cannot resubmit it', () => {
    const other = actor('e2', ['info_editor'], ['opinion.edit'], 'county');
    assert.equal(checkTransition(reportLifecycle, 'submitted', 'accept', { record: report(), actor: other, input: {} }).ok, false);
    const m2 = actor('m2', ['member'], ['opinion.submit']);
    assert.equal(checkTransition(reportLifecycle, 'returned', 'resubmit', { record: report({ state: 'returned' }), actor: m2, input: {} }).ok, false);
  });
  test('an issue is sent for sign-off by editors and signed only by a leader', () => {
    const issue = { id: 'i1', tenant_id: 'city', state: 'signing', version: 2 };
    assert.equal(checkTransition(issueLifecycle, 'signing', 'sign', { record: issue, actor: editor, input: {} }).ok, false);
    assert.equal(checkTransition(issueLifecycle, 'signing', 'sign', { record: issue, actor: actor('l1', ['leader'], ['opinion.sign']), input: {} }).ok, true);
  });
});

describe('report visibility', () => {
  test('an informant sees only their own reports; editors see all of their CPPCC; nobody sees another CPPCC\'s', () => {
    const informant = actor('i1', ['informant'], ['opinion.submit']);
    assert.equal(canSeeReport(report(), informant), false);
    assert.equal(canSeeReport(report({ submitter_user_id: 'i1' }), informant), true);
    assert.equal(canSeeReport(report(), editor), true);
    assert.equal(canSeeReport(report({ tenant_id: 'county' }), editor), false);
  });
  test('a copy sent up carries the submitter for credit but is the upper level\'s record', () => {
    assert.equal(canSeeReport(report({ source_report_id: 'orig' }), member), false);
  });
  test('the submitter edits only while returned; editors while it is handled; sending up needs 录用', () => {
    assert.equal(canEditReport(report({ state: 'returned' }), member), true);
    assert.equal(canEditReport(report(), member), false);
    assert.equal(canEditReport(report({ state: 'verified' }), editor), true);
    assert.equal(canEditReport(report({ state: 'reported' }), editor), false);
    assert.equal(canSendUp(report(), editor), false);
    assert.equal(canSendUp(report({ state: 'accepted' }), editor), true);
    assert.equal(canSendUp(report({ state: 'accepted', sent_up_at: '2025-01-01' }), editor), false);
  });
});

describe('points and the length guide', () => {
  test('points follow the table by level, single or composite, and the instructing leader\'s level', () => {
    assert.equal(pointsFor(defaultPoints, { kind: 'adoption', level: 'province', adoptionType: 'single' }), 5);
    assert.equal(pointsFor(defaultPoints, { kind: 'adoption', level: 'province', adoptionType: 'composite' }), 3);
    assert.equal(pointsFor(defaultPoints, { kind: 'instruction', level: 'city', leaderLevel: 'national' }), 30);
    assert.equal(pointsFor(defaultPoints, { kind: 'feedback', level: 'city' }), 0);
    const custom = { ...defaultPoints, adoption: { ...defaultPoints.adoption, city: { single: 7, composite: 4 } } };
    assert.equal(pointsFor(custom, { kind: 'adoption', level: 'city', adoptionType: 'single' }), 7);
  });
  test('past about 1,500 characters the writer gets a warning, not a refusal; whitespace does not count', () => {
    assert.equal(textLength('一 二\n三'), 3);
    assert.equal(lengthWarning('字'.repeat(1500)), null);
    assert.match(lengthWarning('字'.repeat(1501))!, /1501 字/);
    assert.equal(lengthWarning('字'.repeat(900), 800) !== null, true);
  });
});
