/**
 * Demo data for the 2025 working year: the year's plenary session (全体会议, three half-day sessions, every member
 * invited, 大会发言 written and oral), six standing-committee meetings (常委会议, the standing members) and monthly
 * chairs' meetings (主席会议, the leaders), with realistic sign-ins (by QR, some by staff), approved and refused leave
 * and attendance fixed by the rule; and, ahead of today, a notified standing-committee meeting the demo member attends
 * and a chairs' meeting in preparation.
 */
import { insertBatches } from '../../../kernel/server/db/bulk.ts';
import type { ModuleContext, SeedContext } from '../../../kernel/server/module.ts';
import { newSignInSecret } from '../../../kernel/server/sign-in-code.ts';
import { seedWorkflowRows } from '../../../kernel/server/work-items.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { seededRandom } from '../../../kernel/universal/seeded-random.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';
import { findPeople, tenantUsersHoldingRoles } from '../../identity/index.ts';
import { standingMemberIdsOf } from '../../organizations/index.ts';
import { attendanceOf, type LeaveState, type MeetingKind } from '../domain/meeting-rules.ts';
import { defaultMeetingsSettings } from './settings.ts';
import { meetingsDb } from './tables.ts';

type Row = Record<string, unknown>;
const at = (date: string, hhmm: string) => new Date(Date.parse(`${date}T${hhmm}:00+08:00`)).toISOString();

const STANDING = [
  { on: '2025-03-20', title: '市政协十四届第十八次常委会议', agenda: ['学习传达全国两会精神', '审议通过市政协2025年度协商工作计划', '审议通过2025年度常委会工作要点'] },
  { on: '2025-05-22', title: '市政协十四届第十九次常委会议', agenda: ['围绕“推进老旧小区改造”开展专题协商', '审议有关人事事项'] },
  { on: '2025-07-17', title: '市政协十四届第二十次常委会议', agenda: ['听取市政府关于上半年经济运行情况的通报', '围绕“优化营商环境”建言资政'] },
  { on: '2025-08-28', title: '市政协十四届第二十一次常委会议', agenda: ['围绕“发展县域特色产业”开展专题协商', '审议通过专题调研报告'] },
  { on: '2025-10-23', title: '市政协十四届第二十二次常委会议', agenda: ['学习党的二十届四中全会精神', '听取提案办理情况通报'] },
  { on: '2025-11-27', title: '市政协十四届第二十三次常委会议', agenda: ['审议年度履职报告', '审议通过委员履职考核办法（修订）'] },
];
const SPEECHES = [
  '关于推进老旧小区改造提质增效的建议', '关于加快发展县域特色产业的建议', '关于优化营商环境的几点思考', '关于加强基层医疗卫生服务体系建设的建议',
  '关于推动职业教育与产业深度融合的建议', '关于太行山生态保护与绿色发展的建议', '关于促进数字经济赋能传统产业的建议', '关于传承弘扬上党文化的建议',
  '关于加强农村养老服务的建议', '关于推进城乡教育均衡发展的建议', '关于提升城市精细化管理水平的建议', '关于做好新时代“三农”工作的建议',
];
const LEAVE_REASONS = ['因公出差在外', '身体不适住院治疗', '参加上级组织的培训', '单位有紧急公务', '家中有急事'];

export async function seedMeetings(ctx: ModuleContext, seed: SeedContext): Promise<void> {
  const db = meetingsDb(ctx.db);
  const staff = seed.demoUsers.office;
  if (!staff || seed.memberUserIds.length < 20) return;
  if (await db.selectFrom('meetings').select('id').limit(1).executeTakeFirst()) return;
  const rand = seededRandom(2025_0108);
  const tenantId = seed.cityId;
  const [standing, leaders] = await Promise.all([standingMemberIdsOf(ctx.db, tenantId), tenantUsersHoldingRoles(ctx.db, tenantId, ['leader'])]);
  const demoMember = seed.demoUsers.member?.userId;
  const people = await findPeople(ctx.db, [staff.userId, ...seed.memberUserIds, ...leaders, ...(demoMember ? [demoMember] : [])]);
  const nameOf = (id: string) => people.get(id)?.name ?? id;
  const members = [...new Set([...(demoMember ? [demoMember] : []), ...seed.memberUserIds])].filter((u) => people.has(u));
  const standingSet = new Set([...standing, ...(demoMember ? [demoMember] : [])]);

  const meetings: Row[] = [], sessions: Row[] = [], participants: Row[] = [], signins: Row[] = [], speeches: Row[] = [], history: Row[] = [];
  const today = ctx.calendar.today();

  function meeting(m: { kind: MeetingKind; title: string; place: string; agenda: string[]; days: Array<[string, string, string, string]>; who: string[]; state: 'preparing' | 'noticed' | 'closed'; speak?: number }) {
    const id = newId();
    const heldOn = m.days[0][0];
    const created = at(addDays(heldOn, -14), '10:00');
    const noticed = at(addDays(heldOn, -7), '10:00');
    meetings.push({
      id, tenant_id: tenantId, kind: m.kind, title: m.title, place: m.place, body: `请各位参会人员按时出席，会前请认真阅读会议材料。`, agenda: JSON.stringify(m.agenda.map((title) => ({ title }))),
      held_on: heldOn, signin_secret: newSignInSecret(), owner_user_id: staff.userId, owner_name: nameOf(staff.userId), state: m.state,
      version: m.state === 'preparing' ? 1 : m.state === 'noticed' ? 2 : 3, created_at: created, updated_at: created,
    });
    const steps: Array<[string | null, string, string, string]> = [[null, 'preparing', 'create', created]];
    if (m.state !== 'preparing') steps.push(['preparing', 'noticed', 'notify', noticed]);
    if (m.state === 'closed') steps.push(['noticed', 'closed', 'close', at(m.days[m.days.length - 1][0], '18:00')]);
    for (const [from, to, action, when] of steps) history.push({ id: newId(), tenant_id: tenantId, entity_type: 'meeting', entity_id: id, from_state: from, to_state: to, action, actor_id: staff.userId, actor_name: nameOf(staff.userId), actor_org_id: staff.orgId, note: null, data: null, at: when });
    const ss = m.days.map(([on, from, to, label], i) => ({ id: newId(), meeting_id: id, tenant_id: tenantId, seq: i + 1, label, starts_at: at(on, from), ends_at: at(on, to) }));
    sessions.push(...ss);
    for (const u of m.who) {
      let leave: LeaveState | null = null;
      let reason: string | null = null;
      let signed = 0;
      if (m.state !== 'preparing') {
        const r = rand();
        const isDemo = u === demoMember;
        if (!isDemo && r < 0.05) { leave = 'approved'; reason = LEAVE_REASONS[Math.floor(rand() * LEAVE_REASONS.length)]; }
        else if (!isDemo && r < 0.06) { leave = 'rejected'; reason = LEAVE_REASONS[Math.floor(rand() * LEAVE_REASONS.length)]; }
        if (m.state === 'noticed' && !isDemo && r < 0.08 && !leave) { leave = 'requested'; reason = LEAVE_REASONS[0]; }
        if (m.state === 'closed') {
          for (const s of ss) {
            // present at most sessions; on leave rarely; a few miss a session or the whole meeting
            const p = leave === 'approved' ? 0.05 : r > 0.97 ? 0.2 : 0.96;
            if (isDemo || rand() < p) {
              const byStaff = rand() < 0.1;
              signins.push({ id: newId(), session_id: s.id, meeting_id: id, tenant_id: tenantId, user_id: u, signed_in_at: new Date(Date.parse(s.starts_at as string) - Math.floor(rand() * 40) * 60_000).toISOString(), signed_in_by: byStaff ? staff.userId : u, by_staff: byStaff ? 1 : 0 });
              signed++;
            }
          }
        }
      }
      const attendance = m.state === 'closed' ? attendanceOf({ sessions: ss.length, signedIn: signed, leave, presentShare: defaultMeetingsSettings.presentShare }) : null;
      participants.push({
        id: newId(), meeting_id: id, tenant_id: tenantId, user_id: u, name: nameOf(u), source: 'kind', leave_state: leave, leave_reason: reason,
        leave_decided_by: leave === 'approved' || leave === 'rejected' ? staff.userId : null, leave_decided_at: leave === 'approved' || leave === 'rejected' ? noticed : null,
        attendance, kind: m.kind, held_on: heldOn, closed: m.state === 'closed' ? 1 : 0, version: leave ? 2 : 1, created_at: created,
      });
    }
    // 大会发言: written and oral; the staff selected most
    const speakers = [...(demoMember && m.who.includes(demoMember) ? [demoMember] : []), ...m.who.filter((u) => u !== demoMember && !leaders.includes(u)).slice(3, 3 + (m.speak ?? 0))].slice(0, m.speak ?? 0);
    speakers.forEach((u, i) => {
      const oral = i % 4 === 1;
      const state = m.state !== 'closed' ? 'submitted' : u === demoMember || i % 5 !== 4 ? 'selected' : 'declined';
      speeches.push({
        id: newId(), meeting_id: id, tenant_id: tenantId, user_id: u, name: nameOf(u), kind: oral ? 'oral' : 'written', title: SPEECHES[i % SPEECHES.length],
        body: `${SPEECHES[i % SPEECHES.length].replace(/^关于/, '围绕').replace(/的建议$/, '')}，结合调研情况，提出如下意见建议：一是加强统筹协调；二是完善政策支持；三是强化督查落实。`,
        state, held_on: heldOn, decided_by: state === 'submitted' ? null : staff.userId, decided_at: state === 'submitted' ? null : at(heldOn, '08:00'), version: state === 'submitted' ? 1 : 2, created_at: at(addDays(heldOn, -5), '15:00'),
      });
    });
  }

  meeting({
    kind: 'plenary', title: '政协第十四届长治市委员会第五次会议', place: '长治市会议中心大礼堂', state: 'closed', who: members, speak: 24,
    agenda: ['听取和审议市政协常委会工作报告', '听取和审议市政协常委会关于提案工作情况的报告', '列席市十五届人大五次会议，听取并讨论政府工作报告', '大会发言', '通过政治决议'],
    days: [['2025-01-08', '09:00', '11:30', '开幕大会'], ['2025-01-08', '15:00', '17:30', '大会发言'], ['2025-01-09', '09:00', '11:00', '闭幕大会']],
  });
  const standingWho = members.filter((u) => standingSet.has(u));
  for (const s of STANDING) meeting({ kind: 'standing', title: s.title, place: '市政协机关三楼会议室', state: 'closed', who: standingWho, agenda: s.agenda, speak: 3, days: [[s.on, '09:00', '12:00', '全体会议']] });
  for (let mth = 2; mth <= 11; mth++) {
    const on = `2025-${String(mth).padStart(2, '0')}-${mth % 2 ? '12' : '14'}`;
    meeting({ kind: 'chairs', title: `市政协十四届第${40 + mth}次主席会议`, place: '市政协机关五楼会议室', state: 'closed', who: leaders.filter((u) => people.has(u)), agenda: ['研究近期重点工作安排', '审议有关事项'], days: [[on, '15:00', '17:00', '主席会议']] });
  }
  // ahead: a notified standing-committee meeting (leave can still be asked) and a chairs' meeting being prepared
  const next = addDays(today, 10);
  meeting({ kind: 'standing', title: '市政协十四届常委会议（专题协商）', place: '市政协机关三楼会议室', state: 'noticed', who: standingWho, speak: 2, agenda: ['围绕“建设太行山旅游目的地”开展专题协商', '审议有关事项'], days: [[next, '09:00', '12:00', '全体会议'], [next, '15:00', '17:30', '分组讨论']] });
  meeting({ kind: 'chairs', title: '市政协主席会议（筹备）', place: '市政协机关五楼会议室', state: 'preparing', who: leaders.filter((u) => people.has(u)), agenda: ['研究下一年度协商计划（草案）'], days: [[addDays(today, 14), '15:00', '17:00', '主席会议']] });

  await ctx.db.transaction().execute(async (trx) => {
    await insertBatches(trx, 'meetings', meetings);
    await insertBatches(trx, 'meeting_sessions', sessions);
    await insertBatches(trx, 'meeting_participants', participants, 400);
    await insertBatches(trx, 'meeting_signins', signins, 400);
    await insertBatches(trx, 'meeting_speeches', speeches);
    await seedWorkflowRows(trx, { history, tasks: [] });
  });
}
