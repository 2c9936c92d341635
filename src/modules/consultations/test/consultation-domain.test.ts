// The 协商活动 lifecycle and deadline rules, pure: every transition by who may fire it, the checks on the outcome, the
// working-day deadlines counted back from the meeting and forward from it, lateness, and the windows for answers,
// written speeches and sign-in.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { allowedActions, checkTransition, type ActorLike } from '../../../kernel/universal/workflow.ts';
import { consultationLifecycle, type ConsultationRecord } from '../domain/consultation-lifecycle.ts';
import { canSeeConsultation, mayAnswer, mayHandInSpeech, materialsLate, noticeLate, preparationDeadlines, signInOpen, workingDaysAfter, workingDaysBefore } from '../domain/consultation-rules.ts';

// a calendar of plain weeks: Saturday and Sunday off
const weekdays = (d: string) => { const w = new Date(`${d}T00:00:00Z`).getUTCDay(); return w !== 0 && w !== 6; };
const committee = 'c-agri';
const record = (state: string, extra: Partial<ConsultationRecord> = {}): ConsultationRecord => ({ id: 'x', tenant_id: 'city', state, version: 1, lead_committee_id: committee, outcome_text: null, recommendation_count: 0, ...extra });
const person = (roles: string[], orgId = 'city', tenantId = 'city'): ActorLike => ({ userId: roles.join('-'), orgId, tenantId, roles });
const staff = person(['committee_staff'], committee);
const otherStaff = person(['committee_staff'], 'c-other');
const office = person(['office_staff'], 'office');
const leader = person(['leader']);
const member = person(['member']);
const countyOffice = person(['office_staff'], 'county-office', 'county');

describe('协商活动 lifecycle', () => {
  const road: Array<[string, string, string, ActorLike, Record<string, unknown>?, Partial<ConsultationRecord>?]> = [
    ['preparing', 'send_notice', 'notified', staff],
    ['notified', 'send_materials', 'materials_sent', staff],
    ['materials_sent', 'hold', 'held', office, { minutes: '纪要' }],
    ['held', 'draft_outcome', 'drafting', staff, { outcomeKind: 'proposal_report' }],
    ['drafting', 'submit_outcome', 'signoff', staff, {}, { outcome_text: '成果', recommendation_count: 2 }],
    ['signoff', 'return_outcome', 'drafting', leader, { reason: '请补充建议' }],
    ['signoff', 'sign_off', 'signed', leader],
    ['signed', 'send', 'sent', staff],
    ['sent', 'close', 'closed', staff],
  ];
  for (const [from, action, to, actor, input = {}, extra = {}] of road) {
    test(`${from} —${action}→ ${to}, by the lifecycle's people only`, () => {
      const r = record(from, extra);
      const ok = checkTransition(consultationLifecycle, from, action, { record: r, actor, input });
      assert.ok(ok.ok, JSON.stringify(ok));
      assert.equal(consultationLifecycle.transitions.find((t) => t.name === action)!.to, to);
      // nobody else: a member, another committee's staff, another CPPCC
      for (const other of [member, otherStaff, countyOffice]) {
        assert.equal(checkTransition(consultationLifecycle, from, action, { record: r, actor: other, input }).ok, false, `${other.roles} may not ${action}`);
      }
    });
  }

  test('the outcome goes to sign-off only written and with a recommendation (400 naming the field)', () => {
    const none = checkTransition(consultationLifecycle, 'drafting', 'submit_outcome', { record: record('drafting'), actor: staff, input: {} });
    assert.equal(none.ok, false);
    assert.equal(!none.ok && none.field, 'outcomeText');
    const noRecs = checkTransition(consultationLifecycle, 'drafting', 'submit_outcome', { record: record('drafting', { outcome_text: '正文' }), actor: staff, input: {} });
    assert.equal(!noRecs.ok && noRecs.field, 'recommendations');
    assert.match(!noRecs.ok ? noRecs.message : '', /建议/);
  });

  test('returning the outcome needs a reason; the leader signs off, committee staff may not', () => {
    const r = checkTransition(consultationLifecycle, 'signoff', 'return_outcome', { record: record('signoff'), actor: leader, input: {} });
    assert.equal(r.ok, false);
    assert.deepEqual(allowedActions(consultationLifecycle, 'signoff', { record: record('signoff'), actor: staff }).map((a) => a.name), []);
    assert.deepEqual(allowedActions(consultationLifecycle, 'signoff', { record: record('signoff'), actor: leader }).map((a) => a.name).sort(), ['return_outcome', 'sign_off']);
    assert.deepEqual(allowedActions(consultationLifecycle, 'closed', { record: record('closed'), actor: office }), [], 'a closed consultation has no way out');
  });

  test('every waiting state opens a work item; the preparation ones fall due on the record\'s own deadlines', () => {
    assert.equal(consultationLifecycle.states.preparing.task?.dueField, 'notice_due');
    assert.equal(consultationLifecycle.states.notified.task?.dueField, 'materials_due');
    assert.equal(consultationLifecycle.states.drafting.task?.dueField, 'outcome_due');
    assert.equal(consultationLifecycle.states.signoff.task?.role, 'leader');
  });
});

describe('协商活动 deadlines on the working-day calendar', () => {
  test('notice 15 and materials 10 working days before the meeting, the outcome 7 after it', () => {
    // Friday 2026-03-27: 15 working days back is Friday 03-06, 10 back is Friday 03-13
    assert.deepEqual(preparationDeadlines(weekdays, '2026-03-27', { noticeWorkingDays: 15, materialsWorkingDays: 10, outcomeWorkingDays: 7 }), { noticeDue: '2026-03-06', materialsDue: '2026-03-13' });
    assert.equal(workingDaysBefore(weekdays, '2026-03-30', 1), '2026-03-27', 'Monday minus one working day is Friday');
    assert.equal(workingDaysAfter(weekdays, '2026-03-27', 7), '2026-04-07');
    // a holiday in between moves the deadline earlier
    const withHoliday = (d: string) => weekdays(d) && d !== '2026-03-20';
    assert.equal(preparationDeadlines(withHoliday, '2026-03-27', { noticeWorkingDays: 15, materialsWorkingDays: 10, outcomeWorkingDays: 7 }).materialsDue, '2026-03-12');
  });

  test('a notice or materials sent after the deadline, or unsent past it, is late', () => {
    const base = { notice_due: '2026-03-06', materials_due: '2026-03-13', notice_sent_on: null, materials_sent_on: null };
    assert.equal(noticeLate({ ...base, state: 'preparing' }, '2026-03-06'), false, 'on the day is on time');
    assert.equal(noticeLate({ ...base, state: 'preparing' }, '2026-03-09'), true);
    assert.equal(noticeLate({ ...base, state: 'notified', notice_sent_on: '2026-03-05' }, '2026-03-20'), false);
    assert.equal(noticeLate({ ...base, state: 'notified', notice_sent_on: '2026-03-10' }, '2026-03-10'), true);
    assert.equal(materialsLate({ ...base, state: 'notified', notice_sent_on: '2026-03-05' }, '2026-03-16'), true);
    assert.equal(materialsLate({ ...base, state: 'materials_sent', materials_sent_on: '2026-03-13' }, '2026-03-30'), false);
  });

  test('members answer and hand in speeches between the notice and the meeting; sign-in only on the day', () => {
    assert.match(mayAnswer('preparing', '2026-03-01', '2026-03-27') ?? '', /通知发出后/);
    assert.equal(mayAnswer('notified', '2026-03-01', '2026-03-27'), null);
    assert.match(mayAnswer('materials_sent', '2026-03-28', '2026-03-27') ?? '', /已过/);
    assert.equal(mayHandInSpeech('materials_sent', '2026-03-27', '2026-03-27'), null);
    assert.match(mayHandInSpeech('held', '2026-03-27', '2026-03-27') ?? '', /召开前/);
    assert.equal(signInOpen('materials_sent', '2026-03-27', '2026-03-27'), null);
    assert.equal(signInOpen('held', '2026-03-27', '2026-03-27'), null, 'late arrivals sign in after the meeting is recorded, that day');
    assert.match(signInOpen('materials_sent', '2026-03-26', '2026-03-27') ?? '', /当天/);
    assert.match(signInOpen('materials_sent', '2026-03-28', '2026-03-27') ?? '', /已过/);
    assert.match(signInOpen('drafting', '2026-03-27', '2026-03-27') ?? '', /结束/);
  });

  test('who sees a consultation: its CPPCC\'s office and leaders, its committee\'s staff, the invited; never another CPPCC', () => {
    const r = { tenant_id: 'city', lead_committee_id: committee };
    const withRead = (a: ActorLike): ActorLike => ({ ...a, permissions: new Set(['consultations.read_all']) });
    assert.equal(canSeeConsultation(r, withRead(office), false), true);
    assert.equal(canSeeConsultation(r, { ...staff, permissions: new Set(['consultations.manage']) }, false), true);
    assert.equal(canSeeConsultation(r, { ...otherStaff, permissions: new Set(['consultations.manage']) }, false), false);
    assert.equal(canSeeConsultation(r, { ...member, permissions: new Set(['consultations.attend']) }, false), false);
    assert.equal(canSeeConsultation(r, { ...member, permissions: new Set(['consultations.attend']) }, true), true);
    assert.equal(canSeeConsultation(r, withRead(countyOffice), true), false);
  });
});
