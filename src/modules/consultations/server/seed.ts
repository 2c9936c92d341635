/**
 * Demo data: the city's 2025 consultation meetings the work report names (the 专题议政协商会 on agricultural processing,
 * the 对口协商 + 网络议政 on old-compound renovation, the 产教融合 and 体育产业 consultations, a 提案办理协商会), with
 * invited members, sign-ins, speeches, outcomes with their recommendations and leaders' instructions. Rows are written
 * as the commands would leave them, with their history; no work item is left open (every meeting is over).
 */
import { randomBytes } from 'node:crypto';
import type { ModuleContext, SeedContext } from '../../../kernel/server/module.ts';
import { seedWorkflowRows } from '../../../kernel/server/work-items.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { findPeople } from '../../identity/index.ts';
import type { ConsultationForm } from '../domain/consultation-forms.ts';
import { defaultDeadlines, preparationDeadlines, workingDaysAfter, workingDaysBefore } from '../domain/consultation-rules.ts';
import { consultationsDb } from './tables.ts';

interface DemoMeeting {
  title: string; form: ConsultationForm; committee: string; units: string[]; on: string; place: string; state: 'sent' | 'closed';
  topic: string; outcomeKind: 'minutes' | 'proposal_report' | 'special_report'; outcome: string; recs: Array<{ text: string; units: string[]; days: number }>;
  invited: number; instruction?: { by: string; text: string };
}

const MEETINGS: DemoMeeting[] = [
  {
    title: '促进特色农产品精深加工 提升名特优农副产品质量', form: 'standing_topic', committee: '农业和农村委员会', units: ['市农业农村局', '市商务局'], on: '2025-06-18', place: '市政协三楼会议室', state: 'closed',
    topic: '组织部分常委、委员、智库专家和相关单位业务骨干赴沁源县、沁县实地调研，围绕特色农产品精深加工召开专题议政协商会议。',
    outcomeKind: 'proposal_report', outcome: '《关于“围绕促进特色农产品精深加工提升名特优农产品市场影响力”专题调研报告》：建议延伸产业链条、培育龙头企业、打造区域公用品牌。',
    recs: [
      { text: '支持农产品精深加工龙头企业技术改造，延伸小米、中药材产业链条', units: ['市农业农村局'], days: 60 },
      { text: '打造“上党”区域公用品牌，拓展名特优农产品销售渠道', units: ['市商务局', '市农业农村局'], days: 90 },
    ],
    invited: 36, instruction: { by: '市委主要领导', text: '请市农业农村局牵头研究落实，把协商成果转化为具体举措。' },
  },
  {
    title: '推进城镇老旧小区整治改造（对口协商）', form: 'counterpart', committee: '人口资源环境委员会', units: ['市住建局'], on: '2025-09-10', place: '市政协二楼会议室', state: 'sent',
    topic: '紧扣“实施城市更新行动”主题，首次采用“对口协商+网络议政”模式，市县政协协同调研协商。',
    outcomeKind: 'special_report', outcome: '协商专报：老旧小区整治改造要统筹水电气暖管网改造与加装电梯，建立长效管理机制。',
    recs: [
      { text: '统筹老旧小区水电气暖管网改造，避免反复开挖', units: ['市住建局'], days: 60 },
      { text: '建立老旧小区改造后物业管理长效机制', units: ['市住建局'], days: 90 },
    ],
    invited: 24, instruction: { by: '市政府分管领导', text: '请市住建局认真研究吸纳。' },
  },
  {
    title: '推进城镇老旧小区整治改造（网络议政）', form: 'online', committee: '人口资源环境委员会', units: ['市住建局'], on: '2025-09-10', place: '智慧政协平台', state: 'closed',
    topic: '依托“智慧政协”平台召开网络议政会，委员、部门、群众多方实时互动。',
    outcomeKind: 'minutes', outcome: '网络议政会纪要：汇集委员和群众意见建议，形成系统性改进方案。',
    recs: [{ text: '公开老旧小区改造项目清单和进度，接受群众监督', units: ['市住建局'], days: 30 }],
    invited: 40,
  },
  {
    title: '深化产教融合，推动职业教育高质量发展', form: 'special', committee: '教科卫体和民族宗教委员会', units: ['市教育局', '市人社局'], on: '2025-07-15', place: '市政协三楼会议室', state: 'closed',
    topic: '围绕产教融合提质增效，深入县区、企业、相关单位开展专题调研并召开专题协商会。',
    outcomeKind: 'proposal_report', outcome: '《关于深化产教融合，推动职业教育高质量发展的调研报告》。',
    recs: [{ text: '建立校企合作信息平台，推动专业设置与产业需求对接', units: ['市教育局', '市人社局'], days: 60 }],
    invited: 28,
  },
  {
    title: '重点提案办理协商会', form: 'proposal_handling', committee: '提案委员会', units: ['市住建局', '市交通运输局'], on: '2025-05-20', place: '市政协一楼会议室', state: 'closed',
    topic: '常态化开展提案协商“面对面”活动，推动重点提案办理落实。',
    outcomeKind: 'minutes', outcome: '协商纪要：提案者与承办单位就重点提案办理进行面对面协商。',
    recs: [{ text: '重点提案办理进展每季度向提案者通报', units: ['市住建局', '市交通运输局'], days: 60 }],
    invited: 20,
  },
  {
    title: '推动体育产业高质量发展', form: 'sector', committee: '教科卫体和民族宗教委员会', units: ['市体育局'], on: '2025-11-12', place: '市政协二楼会议室', state: 'sent',
    topic: '围绕体育产业高质量发展开展专题调研，邀请相关界别委员协商。',
    outcomeKind: 'special_report', outcome: '协商专报：推动全民健身设施建设与体育赛事经济融合发展。',
    recs: [{ text: '加快社区全民健身设施补短板', units: ['市体育局'], days: 90 }],
    invited: 22,
  },
];

const at = (date: string, hour: number) => new Date(Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`)).toISOString();

export async function seedConsultations(ctx: ModuleContext, seed: SeedContext): Promise<void> {
  const staff = seed.demoUsers.committee ?? seed.demoUsers.office;
  const leader = seed.demoUsers.leader;
  if (!staff || !leader) return;
  const isWorkday = ctx.calendar.isWorkday;
  const people = await findPeople(ctx.db, [staff.userId, leader.userId, ...seed.memberUserIds.slice(0, 300)]);
  const nameOf = (id: string) => people.get(id)?.name ?? id;
  const consultations: Record<string, unknown>[] = [];
  const participants: Record<string, unknown>[] = [];
  const recommendations: Record<string, unknown>[] = [];
  const instructions: Record<string, unknown>[] = [];
  const history: Record<string, unknown>[] = [];
  MEETINGS.forEach((m, k) => {
    const committeeId = seed.committeeIds[m.committee] ?? Object.values(seed.committeeIds)[0];
    if (!committeeId) return;
    const id = newId();
    const { noticeDue, materialsDue } = preparationDeadlines(isWorkday, m.on, defaultDeadlines);
    const outcomeDue = workingDaysAfter(isWorkday, m.on, defaultDeadlines.outcomeWorkingDays);
    const sentOn = workingDaysAfter(isWorkday, m.on, 5);
    const created = workingDaysBefore(isWorkday, noticeDue, 5);
    const steps: Array<[string | null, string, string, string, { id: string; org: string }]> = [
      [null, 'preparing', 'create', at(created, 9), { id: staff.userId, org: staff.orgId }],
      ['preparing', 'notified', 'send_notice', at(noticeDue, 10), { id: staff.userId, org: staff.orgId }],
      ['notified', 'materials_sent', 'send_materials', at(materialsDue, 10), { id: staff.userId, org: staff.orgId }],
      ['materials_sent', 'held', 'hold', at(m.on, 17), { id: staff.userId, org: staff.orgId }],
      ['held', 'drafting', 'draft_outcome', at(workingDaysAfter(isWorkday, m.on, 1), 9), { id: staff.userId, org: staff.orgId }],
      ['drafting', 'signoff', 'submit_outcome', at(workingDaysAfter(isWorkday, m.on, 3), 16), { id: staff.userId, org: staff.orgId }],
      ['signoff', 'signed', 'sign_off', at(workingDaysAfter(isWorkday, m.on, 4), 11), { id: leader.userId, org: leader.orgId }],
      ['signed', 'sent', 'send', at(sentOn, 10), { id: staff.userId, org: staff.orgId }],
      ...(m.state === 'closed' ? [['sent', 'closed', 'close', at(workingDaysAfter(isWorkday, sentOn, 20), 10), { id: staff.userId, org: staff.orgId }] as [string, string, string, string, { id: string; org: string }]] : []),
    ];
    for (const [from, to, action, when, who] of steps) {
      history.push({ id: newId(), tenant_id: seed.cityId, entity_type: 'consultation', entity_id: id, from_state: from, to_state: to, action, actor_id: who.id, actor_name: nameOf(who.id), actor_org_id: who.org, note: null, data: null, at: when });
    }
    consultations.push({
      id, tenant_id: seed.cityId, title: m.title, form: m.form, topic: m.topic, lead_committee_id: committeeId,
      partner_unit_ids: JSON.stringify(m.units.map((u) => seed.unitIds[u]).filter(Boolean)), planned_on: m.on, planned_time: '09:00', place: m.place, plan_item_id: null,
      notice_due: noticeDue, materials_due: materialsDue, outcome_due: outcomeDue, notice_sent_on: noticeDue, materials_sent_on: materialsDue, held_on: m.on, sent_on: sentOn,
      minutes: `${m.title}会议纪要：会议通报了调研情况，委员提问、部门解答，委员作了发言。`, outcome_kind: m.outcomeKind, outcome_text: m.outcome,
      recommendation_count: m.recs.length, return_reason: null, proposal_ids: '[]', report_ids: '[]', signin_secret: randomBytes(24).toString('base64url'),
      owner_user_id: staff.userId, owner_name: nameOf(staff.userId), state: m.state, version: steps.length, created_at: at(created, 9), updated_at: steps[steps.length - 1][3],
    });
    // the invited members: a window of the city's members, most of them signed in, some on leave, a few speaking
    const pool = seed.memberUserIds;
    for (let i = 0; i < m.invited && pool.length; i++) {
      const userId = pool[(k * 37 + i * 7) % pool.length];
      if (participants.some((p) => p.consultation_id === id && p.user_id === userId)) continue;
      const leave = i % 9 === 8;
      const speech = !leave && i < 6 ? (i % 2 === 0 ? 'oral' : 'written') : null;
      participants.push({
        id: newId(), consultation_id: id, tenant_id: seed.cityId, kind: 'member', user_id: userId, name: nameOf(userId), org_id: null,
        status: leave ? 'leave_approved' : 'confirmed', leave_reason: leave ? '因公出差' : null, signed_in_at: leave ? null : at(m.on, 8), signed_in_by: leave ? null : userId,
        speech_kind: speech, speech_order: speech ? i + 1 : null, speech_text: speech === 'written' ? `关于${m.title}的书面发言：建议进一步加强统筹协调，推动工作落实。` : null,
        speech_at: speech === 'written' ? at(materialsDue, 15) : null, version: 3, created_at: at(created, 9),
      });
    }
    for (const u of m.units) {
      const orgId = seed.unitIds[u];
      if (!orgId) continue;
      participants.push({
        id: newId(), consultation_id: id, tenant_id: seed.cityId, kind: 'department', user_id: null, name: `${u}负责人`, org_id: orgId, status: 'confirmed', leave_reason: null,
        signed_in_at: at(m.on, 8), signed_in_by: staff.userId, speech_kind: 'oral', speech_order: 50, speech_text: null, speech_at: null, version: 2, created_at: at(created, 9),
      });
    }
    m.recs.forEach((r, i) => recommendations.push({ id: newId(), consultation_id: id, seq: i + 1, text: r.text, unit_ids: JSON.stringify(r.units.map((u) => seed.unitIds[u]).filter(Boolean)), due_working_days: r.days }));
    if (m.instruction) instructions.push({ id: newId(), consultation_id: id, by_name: m.instruction.by, text: m.instruction.text, on_date: workingDaysAfter(isWorkday, sentOn, 3), recorded_by: staff.userId, created_at: at(workingDaysAfter(isWorkday, sentOn, 3), 15) });
  });
  await ctx.db.transaction().execute(async (trx) => {
    const db = consultationsDb(trx);
    if (consultations.length) await db.insertInto('consultations').values(consultations as never).execute();
    for (let i = 0; i < participants.length; i += 200) await db.insertInto('consultation_participants').values(participants.slice(i, i + 200) as never).execute();
    if (recommendations.length) await db.insertInto('consultation_recommendations').values(recommendations as never).execute();
    if (instructions.length) await db.insertInto('consultation_instructions').values(instructions as never).execute();
    await seedWorkflowRows(trx, { history, tasks: [] });
  });
}
