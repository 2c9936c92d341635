// The 调研视察 lifecycle and rules, pure: the road from 计划 to 办结, who may fire each step, the report's check before
// sign-off, the report deadline in working days across the National Day holiday and its 调休 Saturday and across the
// year's end, when members sign in and add notes, who sees a trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { libraryIsWorkday } from '../../../kernel/server/calendar.ts';
import { allowedActions, checkInput, checkTransition } from '../../../kernel/universal/workflow.ts';
import { pathTo } from '../../../../test/support/factories.ts';
import { inspectionLifecycle, inspectionPermissions as P, organises, type InspectionRecord } from '../domain/inspection-lifecycle.ts';
import { canSeeInspection, datesProblem, mayChangePlan, mayCollect, reportDue, reportLate, signInOpen } from '../domain/inspection-rules.ts';

const tenant = 'city';
const committee = 'agri';
const record = (state: string, over: Partial<InspectionRecord> = {}): InspectionRecord => ({ id: 'i1', tenant_id: tenant, state, version: 1, lead_committee_id: committee, report_no: 0, recommendation_count: 0, ...over });
const actor = (roles: string[], perms: string[], orgId = 'office') => ({ userId: `u-${roles.join('-')}`, orgId, tenantId: tenant, roles, permissions: new Set(perms) });
const committeeStaff = actor(['committee_staff'], [P.manage], committee);
const otherCommittee = actor(['committee_staff'], [P.manage], 'culture');
const office = actor(['office_staff'], [P.manage, P.approve, P.readAll]);
const leader = actor(['leader'], [P.signOff, P.readAll], 'city');
const member = actor(['member'], [P.takePart], 'city');
const names = (state: string, a: ReturnType<typeof actor>, r = record(state)) => allowedActions(inspectionLifecycle, state, { record: r, actor: a }).map((x) => x.name);

test('the road from 计划 to 办结 is approve → start → finish → submit_report → sign_off → send → close', () => {
  const road = pathTo(inspectionLifecycle, 'planned', 'closed', new Set(['cancelled']));
  assert.deepEqual(road?.map((t) => t.name), ['approve', 'start', 'finish', 'submit_report', 'sign_off', 'send', 'close']);
  // every state but the two ends waits for someone (a work item), and the ends are terminal
  for (const [code, s] of Object.entries(inspectionLifecycle.states)) {
    if (code === 'closed' || code === 'cancelled') assert.ok(s.terminal, code);
    else if (code !== 'sent') assert.ok(s.task, `${code} opens a work item`);
  }
  assert.equal(inspectionLifecycle.states.drafting.task?.dueField, 'report_due');
  assert.equal(inspectionLifecycle.states.approved.task?.dueField, 'planned_from');
});

test('who acts: the office records the chair\'s approval; the lead committee runs the trip; the leaders sign off; members fire nothing', () => {
  assert.deepEqual(names('planned', office), ['approve', 'cancel']);
  assert.deepEqual(names('planned', committeeStaff), ['cancel']);
  assert.deepEqual(names('planned', otherCommittee), [], 'another committee\'s staff');
  assert.deepEqual(names('approved', committeeStaff), ['cancel', 'start']);
  assert.deepEqual(names('underway', committeeStaff), ['finish']);
  assert.deepEqual(names('signoff', committeeStaff), []);
  assert.deepEqual(names('signoff', leader), ['return_report', 'sign_off']);
  assert.deepEqual(names('signed', office), ['send']);
  for (const s of Object.keys(inspectionLifecycle.states)) assert.deepEqual(names(s, member), [], `a member in ${s}`);
  assert.ok(organises({ tenant_id: tenant, lead_committee_id: 'any' }, office), 'the office runs any committee\'s trip');
  assert.ok(!organises({ tenant_id: 'county', lead_committee_id: committee }, committeeStaff), 'never another CPPCC\'s');
  const wrongTenant = checkTransition(inspectionLifecycle, 'signoff', 'sign_off', { record: record('signoff', { tenant_id: 'county' }), actor: leader, input: {} });
  assert.equal(wrongTenant.ok, false);
});

test('a report goes to sign-off only when drafted with at least one recommendation; approval and return ask for their fields', () => {
  const submit = inspectionLifecycle.transitions.find((t) => t.name === 'submit_report')!;
  const none = checkInput(submit, {}, record('drafting'), committeeStaff);
  assert.equal(none.ok, false);
  if (!none.ok) assert.match(none.message, /报告/);
  const noRecs = checkInput(submit, {}, record('drafting', { report_no: 2 }), committeeStaff);
  assert.equal(noRecs.ok, false);
  if (!noRecs.ok) assert.match(noRecs.message, /建议/);
  assert.equal(checkInput(submit, {}, record('drafting', { report_no: 2, recommendation_count: 23 }), committeeStaff).ok, true);
  const approve = inspectionLifecycle.transitions.find((t) => t.name === 'approve')!;
  const noMeeting = checkInput(approve, { approvedOn: '2025-03-01' }, record('planned'), office);
  assert.equal(noMeeting.ok, false);
  if (!noMeeting.ok) assert.match(noMeeting.message, /审定会议/);
  assert.equal(checkInput(approve, { meeting: '十届主席会议第3次会议', approvedOn: '2025-03-01' }, record('planned'), office).ok, true);
  const ret = inspectionLifecycle.transitions.find((t) => t.name === 'return_report')!;
  assert.equal(checkInput(ret, { reason: '' }, record('signoff'), leader).ok, false);
});

test('the report is due in working days: across the National Day holiday and its 调休 Saturday, and across the year\'s end', () => {
  // 2025: 1–8 October off, Saturday 11 October a working day
  assert.equal(libraryIsWorkday('2025-10-11'), true);
  assert.equal(reportDue(libraryIsWorkday, '2025-09-30', 15), '2025-10-28');
  assert.equal(reportDue(libraryIsWorkday, '2025-09-30', 1), '2025-10-09');
  // a trip ending on 31 December: the deadline lies in the next year, on working days only
  const due = reportDue(libraryIsWorkday, '2026-12-31', 3);
  assert.ok(due > '2027-01-01' && libraryIsWorkday(due), due);
  assert.equal(reportLate({ state: 'drafting', report_due: '2025-10-28' }, '2025-10-28'), false, 'on the day is on time');
  assert.equal(reportLate({ state: 'drafting', report_due: '2025-10-28' }, '2025-10-29'), true);
  assert.equal(reportLate({ state: 'signoff', report_due: '2025-10-28' }, '2025-12-31'), false, 'submitted is not late');
});

test('members sign in only while the trip is under way and on its days; notes while on the trip or drafting; the plan changes until the trip ends', () => {
  assert.equal(signInOpen('underway', '2025-06-10', '2025-06-10', '2025-06-11'), null);
  assert.equal(signInOpen('underway', '2025-06-11', '2025-06-10', '2025-06-11'), null);
  assert.match(signInOpen('underway', '2025-06-12', '2025-06-10', '2025-06-11')!, /期间/);
  assert.match(signInOpen('approved', '2025-06-10', '2025-06-10', '2025-06-11')!, /进行中/);
  assert.equal(mayCollect('underway'), null);
  assert.equal(mayCollect('drafting'), null);
  assert.ok(mayCollect('approved') && mayCollect('signoff') && mayCollect('sent'));
  assert.equal(mayChangePlan('planned'), null);
  assert.equal(mayChangePlan('underway'), null);
  assert.ok(mayChangePlan('drafting'));
  assert.equal(datesProblem('2025-06-10', '2025-06-11'), null);
  assert.equal(datesProblem('2025-06-10', '2025-06-09')?.field, 'plannedTo');
  assert.equal(datesProblem('2025-12-31', '2026-01-01')?.field, 'plannedTo', 'a trip stays within its plan\'s year');
});

test('who sees a trip: its CPPCC\'s readers, organisers and leaders, and its participants; never another CPPCC', () => {
  const r = { tenant_id: tenant, lead_committee_id: committee };
  assert.ok(canSeeInspection(r, office, false));
  assert.ok(canSeeInspection(r, leader, false));
  assert.ok(canSeeInspection(r, committeeStaff, false));
  assert.ok(!canSeeInspection(r, otherCommittee, false));
  assert.ok(!canSeeInspection(r, member, false));
  assert.ok(canSeeInspection(r, member, true), 'a participant');
  assert.ok(!canSeeInspection({ ...r, tenant_id: 'county' }, { ...office }, false));
});

test('the difference between two drafts: items added and dropped by their text, title and text changes', async () => {
  const { diffReport, diffSummary } = await import('../domain/report-diff.ts');
  const v1 = { title: '报告', body: '正文', problems: [{ text: '问题甲' }, { text: '问题乙' }], recommendations: [{ text: '建议一' }] };
  const v2 = { title: '报告（修改稿）', body: '正文 ', problems: [{ text: '问题甲' }], recommendations: [{ text: '建议一' }, { text: '建议二' }, { text: '建议三' }] };
  const d = diffReport(v1, v2);
  assert.deepEqual([d.problemsAdded, d.problemsDropped, d.recommendationsAdded, d.recommendationsDropped], [[], ['问题乙'], ['建议二', '建议三'], []]);
  assert.equal(d.titleChanged, true);
  assert.equal(d.bodyChanged, false, 'white space alone is no change');
  assert.equal(diffSummary(d), '删去问题 1 个，新增建议 2 条，修改标题');
  assert.equal(diffSummary(diffReport(v2, v2)), null);
  assert.deepEqual(diffReport(null, v1).problemsAdded, ['问题甲', '问题乙']);
});
