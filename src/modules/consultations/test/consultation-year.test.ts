// A generated working year of consultation meetings driven through the API on SQLite and PostgreSQL, on the kernel
// clock: meetings from before the 12-05 cut-off of the year before to after the year's own cut-off, one just after the
// Spring Festival and one just after the National Day holidays, each taken as far as its plan says (notice only, held,
// outcome drafting, sent, closed), with invitations, leave, written and oral speeches, sign-ins by the day's link and by
// staff, and notices or materials sent late; the year's plan with its topics and items, three carried out by meetings held.
// Then every consultations figure of the year (the office's, by form and by
// lead committee, and a member's own) is compared with the scenario's tally, and each figure's list has that many rows.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';
import { consultationForms } from '../domain/consultation-forms.ts';

type Stop = 'notified' | 'held' | 'drafting' | 'sent' | 'closed';
interface Meeting {
  plannedOn: string;
  form: (typeof consultationForms)[number];
  /** the lead committee's staff ('committee', 农业和农村委员会) or the office (办公室, for the 提案委员会) */
  by: 'committee' | 'office';
  late?: 'notice' | 'materials';
  stop: Stop;
  invite: string[];
  leave?: string;
  written: string[];
  oral: string[];
  byLink: string[];
  byStaff: string[];
  /** the 年度协商计划 item it carries out */
  item?: string;
}

/** The year's plan: working year 2027 runs from 2026-12-06 to 2027-12-05 on the default 12-05 cut-off. */
const YEAR = 2027;
const meetings: Meeting[] = [
  { plannedOn: '2026-11-30', form: 'standing_topic', by: 'committee', stop: 'sent', invite: ['member', 'm0001', 'm0002'], written: ['member'], oral: [], byLink: ['member', 'm0001'], byStaff: [] },
  { plannedOn: '2026-12-04', form: 'counterpart', by: 'committee', stop: 'held', invite: ['member', 'm0003'], written: [], oral: ['m0003'], byLink: ['m0003'], byStaff: ['member'] },
  { plannedOn: '2026-12-07', form: 'special', by: 'office', item: 'special', stop: 'sent', invite: ['member', 'm0001', 'm0002', 'm0003'], leave: 'm0002', written: ['m0001'], oral: ['member'], byLink: ['member', 'm0001'], byStaff: ['m0003'] },
  { plannedOn: '2027-01-15', form: 'sector', by: 'committee', item: 'sector', late: 'notice', stop: 'drafting', invite: ['m0001', 'm0004'], written: [], oral: ['m0004'], byLink: ['m0001', 'm0004'], byStaff: [] },
  { plannedOn: '2027-02-18', form: 'proposal_handling', by: 'office', stop: 'closed', invite: ['member', 'm0002', 'm0004'], leave: 'm0004', written: ['member', 'm0002'], oral: [], byLink: ['member'], byStaff: ['m0002'] },
  { plannedOn: '2027-04-20', form: 'online', by: 'committee', item: 'online', late: 'materials', stop: 'held', invite: ['member', 'm0001', 'm0002', 'm0003', 'm0004'], written: [], oral: ['m0002', 'm0003'], byLink: ['m0001', 'm0002', 'm0003', 'm0004'], byStaff: [] },
  { plannedOn: '2027-06-16', form: 'remote', by: 'office', item: 'remote', stop: 'notified', invite: ['member', 'm0003'], written: ['m0003'], oral: [], byLink: [], byStaff: [] },
  { plannedOn: '2027-10-08', form: 'standing_topic', by: 'committee', stop: 'sent', invite: ['member', 'm0001', 'm0004'], written: ['m0004'], oral: ['member'], byLink: ['member', 'm0004'], byStaff: ['m0001'] },
  { plannedOn: '2027-12-05', form: 'counterpart', by: 'office', late: 'notice', stop: 'held', invite: ['member', 'm0002'], written: [], oral: [], byLink: ['m0002'], byStaff: [] },
  { plannedOn: '2027-12-06', form: 'special', by: 'committee', stop: 'held', invite: ['member', 'm0001'], written: ['member'], oral: [], byLink: ['member', 'm0001'], byStaff: [] },
];
/** the year's plan: its items by form (one per form named; the counterpart item has no meeting) and the topics proposed */
const planItems = [['special', 12], ['sector', 1], ['online', 4], ['remote', 6], ['counterpart', 11]] as const;
const topicsProposed = ['关于农村人居环境整治的协商选题', '关于县域商业体系建设的协商选题'];
const held: Stop[] = ['held', 'drafting', 'sent', 'closed'];
const sent: Stop[] = ['sent', 'closed'];
const FINAL_DAY = '2027-12-10';

for (const d of await dialects()) {
  describe(`协商活动: a generated working year (${d.kind})`, { skip: d.skip }, () => {
    let w: World;
    const offset = clock.offsetMs();
    before(async () => {
      clock.set(`${addDays(meetings[0].plannedOn, -50)}T09:00`);
      w = await startWorld(d.kind, { members: 4, config: { webDist: '/nonexistent-web-dist' } });
    });
    after(async () => { await w?.close(); clock.reset(); clock.advance(offset); });

    // a day of the scenario: the clock moves there and everyone signs in afresh (sessions do not outlive a jump of months)
    let clients = new Map<string, Promise<Client>>();
    const on = (day: string) => { clock.set(`${day}T09:00`); clients = new Map(); };
    const as = (u: string) => { let c = clients.get(u); if (!c) { c = w.login(u); clients.set(u, c); } return c; };
    const ok = async (p: Promise<{ status: number; body: any }>, what: string, status = 200) => {
      const r = await p;
      assert.equal(r.status, status, `${what}: ${JSON.stringify(r.body)}`);
      return r.body;
    };

    test('every figure of the year equals the scenario\'s tally, and opens a list of exactly that many rows', async () => {
      const userOf = (u: string) => w.people.get(u)!.userId;
      const committeeOf = (m: Meeting) => (m.by === 'committee' ? w.ids.committeeIds['农业和农村委员会'] : w.ids.committeeIds['提案委员会']);
      const ids: string[] = [];
      const dues: Array<{ materialsDue: string }> = [];

      // the plan of the year, decided before its first meeting: topics proposed, items added, approved by the leaders
      on(addDays(meetings[0].plannedOn, -50));
      for (const title of topicsProposed) {
        await ok((await as('committee')).post('/api/consultations/topics', { year: YEAR, title, reason: '这是一个需要协商的重要问题，请列入年度计划。', form: 'special', contact: '张联络员 13800000000' }), 'topic', 201);
      }
      const office0 = await as('office');
      let plan = await ok(office0.post('/api/consultations/plans', { year: YEAR }), 'plan', 201);
      const itemIds: Record<string, string> = {};
      for (const [form, month] of planItems) {
        const detail = await ok(office0.post(`/api/consultations/plans/${plan.id}/items`, { title: `计划项：${form}`, form, leadOrgId: w.ids.committeeIds['农业和农村委员会'], partnerUnitIds: [], plannedMonth: month, notes: null }), 'item', 201);
        itemIds[form] = detail.items.find((i: any) => i.title === `计划项：${form}`).id;
      }
      // a meeting names an item of the plan, not the plan or anything else
      const notAnItem = await office0.post('/api/consultations', { title: '协商会', form: 'special', topic: '议题。', leadCommitteeId: w.ids.committeeIds['提案委员会'], partnerUnitIds: [], plannedOn: meetings[0].plannedOn, planItemId: plan.id });
      assert.equal(notAnItem.status, 400, JSON.stringify(notAnItem.body));
      assert.equal(notAnItem.body.error.field, 'planItemId');
      plan = (await office0.get(`/api/consultations/plans/${plan.id}`)).body;
      plan = await ok(office0.post(`/api/consultations/plans/${plan.id}/transitions`, { action: 'submit', version: plan.version, input: {} }), 'submit plan');
      await ok((await as('leader')).post(`/api/consultations/plans/${plan.id}/transitions`, { action: 'approve', version: plan.version, input: { meeting: '主席会议', approvedOn: clock.today() } }), 'approve plan');

      for (const [k, m] of meetings.entries()) {
        // scheduled about six weeks ahead, the invitations with it
        on(addDays(m.plannedOn, -45));
        const org = await as(m.by);
        let c = await ok(org.post('/api/consultations', {
          title: `${m.plannedOn} 协商会（${k + 1}）`, form: m.form, topic: '年度协商计划中的议题。', leadCommitteeId: committeeOf(m), partnerUnitIds: [], plannedOn: m.plannedOn,
          ...(m.item ? { planItemId: itemIds[m.item] } : {}),
        }), `create ${m.plannedOn}`, 201);
        c = await ok(org.post(`/api/consultations/${c.id}/participants`, { version: c.version, userIds: m.invite.map(userOf) }), 'invite');
        ids.push(c.id);
        dues.push({ materialsDue: c.materialsDue });
        const fire = async (who: Client, action: string, input: Record<string, unknown> = {}) => { c = await ok(who.post(`/api/consultations/${c.id}/transitions`, { action, version: c.version, input }), action); };

        // the notice, on its deadline or a few days late; the members answer and hand in written speeches
        on(m.late === 'notice' ? addDays(c.noticeDue, 2) : c.noticeDue);
        await fire(await as(m.by), 'send_notice');
        for (const u of m.invite) {
          if (u === m.leave) await ok((await as(u)).post(`/api/consultations/${c.id}/answer`, { answer: 'leave', reason: '外出学习' }), 'leave');
          else await ok((await as(u)).post(`/api/consultations/${c.id}/answer`, { answer: 'confirm' }), 'confirm');
        }
        for (const u of m.written) await ok((await as(u)).put(`/api/consultations/${c.id}/speech`, { text: `${u} 关于本次协商议题的书面发言，提出三条建议。` }), 'speech');
        if (m.leave) {
          const detail = (await (await as(m.by)).get(`/api/consultations/${c.id}`)).body;
          const p = detail.participants.find((x: any) => x.userId === userOf(m.leave!));
          await ok((await as(m.by)).post(`/api/consultations/${c.id}/participants/${p.id}/leave`, { version: p.version, approve: true }), 'approve leave');
        }
        if (m.stop === 'notified') continue;

        on(m.late === 'materials' ? addDays(c.materialsDue, 2) : c.materialsDue);
        c = (await (await as(m.by)).get(`/api/consultations/${c.id}`)).body;
        await fire(await as(m.by), 'send_materials');

        // the meeting day: sign-in by the day's link and by staff, the order of oral speeches, held
        on(m.plannedOn);
        const staff = await as(m.by);
        const { token } = await ok(staff.get(`/api/consultations/${c.id}/signin-code`), 'signin code');
        for (const u of m.byLink) await ok((await as(u)).post(`/api/consultations/${c.id}/signin`, { token }), `${u} signs in`);
        c = (await staff.get(`/api/consultations/${c.id}`)).body;
        for (const u of m.byStaff) {
          const p = c.participants.find((x: any) => x.userId === userOf(u));
          await ok(staff.post(`/api/consultations/${c.id}/participants/${p.id}/signin`), `${u} signed in by staff`);
        }
        c = (await staff.get(`/api/consultations/${c.id}`)).body;
        if (m.oral.length) {
          c = await ok(staff.put(`/api/consultations/${c.id}/speeches`, {
            version: c.version, speeches: m.oral.map((u) => ({ participantId: c.participants.find((x: any) => x.userId === userOf(u)).id, kind: 'oral' })),
          }), 'speeches');
        }
        await fire(staff, 'hold', { minutes: '会议纪要。' });
        if (m.stop === 'held') continue;
        await fire(staff, 'draft_outcome', { outcomeKind: 'minutes' });
        if (m.stop === 'drafting') continue;

        // the outcome the next working days: signed off by a leader, sent on
        on(addDays(m.plannedOn, 3));
        c = await ok((await as(m.by)).put(`/api/consultations/${c.id}/outcome`, { version: c.version, outcomeText: '关于本次协商议题的协商纪要正文。', recommendations: [{ text: '加快推进相关工作落实', unitIds: [w.ids.unitIds['市农业农村局']], dueWorkingDays: 30 }] }), 'outcome');
        await fire(await as(m.by), 'submit_outcome');
        await fire(await as('leader'), 'sign_off');
        await fire(await as(m.by), 'send');
        if (m.stop === 'closed') await fire(await as(m.by), 'close');
      }

      // the tally of the working year, by the scenario's own facts
      on(FINAL_DAY);
      const office = await as('office');
      const r = await ok(office.get(`/api/figures?year=${YEAR}&modules=consultations`), 'figures');
      const { from, to } = r;
      assert.deepEqual([from, to], ['2026-12-06', '2027-12-05'], 'the working year on the 12-05 cut-off');
      const inYear = meetings.map((m) => m.plannedOn >= from && m.plannedOn <= to);
      const year = meetings.filter((_, i) => inYear[i]);
      const members = (m: Meeting, us: string[]) => new Set(us).size;
      const expected: Record<string, number> = {
        scheduled: year.length,
        held: year.filter((m) => held.includes(m.stop)).length,
        participations: year.reduce((n, m) => n + members(m, [...m.byLink, ...m.byStaff]), 0),
        speeches: year.reduce((n, m) => n + members(m, [...m.written, ...m.oral]), 0),
        outcomes_sent: year.filter((m) => sent.includes(m.stop)).length,
        // late: a notice or materials sent after the deadline, or materials never sent with their deadline past
        late: meetings.filter((m, i) => inYear[i] && (m.late !== undefined || (m.stop === 'notified' && FINAL_DAY > dues[i].materialsDue))).length,
        ...Object.fromEntries(consultationForms.map((f) => [`form_${f}`, year.filter((m) => m.form === f).length])),
        topics_proposed: topicsProposed.length,
        plan_items: planItems.length,
        ...Object.fromEntries(consultationForms.map((f) => [`plan_items_${f}`, planItems.filter(([form]) => form === f).length])),
        // an item is carried out once a meeting for it is held
        plan_items_carried_out: meetings.filter((m) => m.item && held.includes(m.stop)).length,
      };
      assert.equal(expected.plan_items_carried_out, 3);
      assert.ok(expected.late === 4 && expected.scheduled === 7, 'the scenario has what it means to test');
      const figures = r.groups.find((g: any) => g.module === 'consultations').figures;
      assert.deepEqual(Object.fromEntries(figures.map((f: any) => [f.key.replace('consultations.', ''), f.value])), expected);
      for (const f of figures) {
        const list = await ok(office.get(`${f.list.api}?${new URLSearchParams(f.list.query)}&pageSize=100`), f.key);
        assert.equal(list.total, f.value, `list behind ${f.key}`);
        assert.equal(list.items.length, f.value, `rows behind ${f.key}`);
      }

      // by lead committee, on the statistics page's own figures
      const stats = await ok(office.get(`/api/consultations/stats?from=${from}&to=${to}`), 'stats');
      const byCommittee = Object.fromEntries(stats.byCommittee.map((f: any) => [f.label, f.value]));
      assert.equal(byCommittee['农业和农村委员会'], year.filter((m) => m.by === 'committee').length);
      assert.equal(byCommittee['提案委员会'], year.filter((m) => m.by === 'office').length);

      // a member's own figures (委员履职): invited, attended, speeches, each with its rows
      const member = await as('member');
      const mine = await ok(member.get(`/api/figures?year=${YEAR}&modules=consultations&userId=${userOf('member')}`), 'member figures');
      const own = mine.groups.find((g: any) => g.module === 'consultations').figures;
      assert.deepEqual(own.map((f: any) => [f.key, f.value]), [
        ['consultations.member.invited', year.filter((m) => m.invite.includes('member')).length],
        ['consultations.member.attended', year.filter((m) => [...m.byLink, ...m.byStaff].includes('member')).length],
        ['consultations.member.speeches', year.filter((m) => [...m.written, ...m.oral].includes('member')).length],
      ]);
      for (const f of own) assert.equal((await ok(member.get(`${f.list.api}?${new URLSearchParams(f.list.query)}&pageSize=100`), f.key)).total, f.value, f.key);
      assert.equal(ids.length, meetings.length);
    });
  });
}
