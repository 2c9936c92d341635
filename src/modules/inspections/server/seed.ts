/**
 * Demo data: the city's 2025 investigations and inspections the work report names, each sent with its report: the
 * 浊漳河 专项视察 (5 problems, 23 recommendations in 6 aspects), the 物业管理 and 农村养老 重点课题调研 (10 problems and 33
 * recommendations between them, instructed by the city's leaders) and the 营商环境 调研 at the 行政审批服务管理局
 * (recommendations in 6 aspects). Participants signed in, stops visited, notes taken, two drafts of each report and the
 * history are written as the commands would leave them; no work item is left open (every trip is over). Each report's
 * recommendations then go to the tracker (建议落实) as 报送 sends them, by the `recommendations.requested` event on the day
 * the report was sent, and each later 批示 by `recommendations.instructed` on its day, so the tracker's items, their
 * departments and deadlines come through the same path as the product's.
 */
import { randomBytes } from 'node:crypto';
import type { ModuleContext, SeedContext } from '../../../kernel/server/module.ts';
import { seedWorkflowRows } from '../../../kernel/server/work-items.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { findPeople } from '../../identity/index.ts';
import type { InspectionKind } from '../domain/inspection-lifecycle.ts';
import { recommendationsInstructedEvent, recommendationsRequestedEvent } from '../../recommendations/contract.ts';
import { instructedPayload, requestedPayload } from './commands.ts';
import { defaultInspectionSettings } from './settings.ts';
import { inspectionsDb, type InspectionRow } from './tables.ts';

interface DemoTrip {
  kind: InspectionKind; title: string; report: string; committee: string; proposer: string; from: string; to: string; sent: string; state: 'sent' | 'closed';
  places: string[]; topic: string; summary: string; problems: string[]; recs: Array<[text: string, units: string[]]>; members: number;
  instructions: Array<{ by: string; text: string; on: string }>;
}

/** The article's inspection: 5 problems; 23 recommendations in 6 aspects (the tracker's demo lists the same ones). */
const RIVER: Array<[string, string[], string[]]> = [
  ['加强统筹协调', ['建立浊漳河“生态走廊”建设市级联席会议制度', '编制流域生态保护与高质量发展专项规划', '明确沿线县区和部门的责任清单', '将入河排污口整治纳入年度目标考核'], ['市发改委', '市生态环境局']],
  ['推动部门联动', ['建立生态环境、水务、住建部门信息共享平台', '开展入河排污口联合执法检查', '完善跨县区河段上下游协作机制', '建立问题线索移交和反馈闭环'], ['市生态环境局', '市水务局']],
  ['强化污染治理', ['完成沿河企业排污口规范化整治', '加快城镇污水处理厂提标改造', '推进雨污分流管网改造', '加强工业园区污水集中处理设施建设'], ['市生态环境局', '市住建局']],
  ['保障建设要素', ['统筹安排生态走廊建设资金', '保障重点工程建设用地指标', '破解工程建设审批堵点'], ['市财政局', '市自然资源局']],
  ['防范水体污染风险', ['完善水质自动监测站点布局', '制定突发水污染事件应急预案并开展演练', '加强农业面源污染防治', '规范沿河畜禽养殖废弃物处理'], ['市水务局', '市农业农村局']],
  ['引导社会参与', ['开展浊漳河保护宣传进社区进学校', '设立民间河长和志愿者队伍', '畅通群众举报和监督渠道', '建立生态保护社会共治激励机制'], ['市生态环境局', '市水务局']],
];

function trips(): DemoTrip[] {
  let n = 0;
  const river = RIVER.flatMap(([, texts, units]) => texts.map((t): [string, string[]] => [t, [units[n++ % units.length]]]));
  const housing = (t: string): [string, string[]] => [t, ['市住建局']];
  const care = (t: string, u = '市民政局'): [string, string[]] => [t, [u]];
  const permits = (t: string): [string, string[]] => [t, ['市行政审批服务管理局']];
  return [
    {
      kind: 'inspection', title: '大力提升企业河排污口管理水平，推进浊漳河“生态走廊”建设', report: '关于“大力提升企业河排污口管理水平，推进浊漳河‘生态走廊’建设”的专项视察报告',
      committee: '人口资源环境委员会', proposer: '人口资源环境委员会', from: '2025-06-10', to: '2025-06-11', sent: '2025-06-20', state: 'sent',
      places: ['潞州区', '屯留区', '襄垣县'], topic: '围绕企业入河排污口管理和浊漳河“生态走廊”建设开展专项视察监督，线上线下相结合，实地察看并召开座谈会听取意见。',
      summary: '视察组深入浊漳河沿线实地察看入河排污口、污水处理厂和生态修复工程，召开座谈会听取市生态环境局、市水务局等部门情况介绍。',
      problems: ['工程建设存在堵点，部分项目审批和施工进度滞后', '要素保障存在短板，资金和用地保障不足', '水体污染风险依然存在，部分排污口监测不到位', '部门之间协同联动不够，信息共享不充分', '社会参与程度不高，群众监督渠道不畅'],
      recs: river, members: 18,
      instructions: [{ by: '市委主要领导', text: '视察报告提出的问题和建议很有针对性，请市政府组织相关部门逐条研究落实。', on: '2025-07-02' }],
    },
    {
      kind: 'investigation', title: '提升物业管理质量', report: '关于提升物业管理质量的调研报告', committee: '社会法制委员联络和港澳台侨外事委员会', proposer: '主席会议',
      from: '2025-04-22', to: '2025-04-23', sent: '2025-05-16', state: 'closed', places: ['潞州区英雄南路街道', '上党区', '市住建局'],
      topic: '围绕物业服务质量、专项维修资金使用和老旧小区物业管理开展重点课题调研。',
      summary: '调研组走访住宅小区、物业企业和街道社区，召开业主代表、物业企业和相关部门座谈会。',
      problems: ['物业服务质量参差不齐，收费与服务不匹配', '老旧小区物业管理覆盖不足', '专项维修资金使用程序繁琐', '业主委员会组建率低、作用发挥不充分', '物业管理与社区治理衔接不够'],
      recs: [
        housing('建立物业服务质量星级评价和公示制度'), housing('推动老旧小区引入专业化物业服务'), ['规范住宅专项维修资金使用程序', ['市住建局', '市财政局']], care('将物业管理纳入社区治理体系'),
        housing('制定物业服务收费与服务标准对应清单'), housing('建立物业企业信用档案和黑名单制度'), housing('推行物业服务合同示范文本'), care('指导业主大会和业主委员会依法组建'),
        care('建立社区党组织领导下的物业议事协调机制'), housing('开展物业服务质量专项整治行动'), housing('简化专项维修资金紧急使用审批'), housing('推动物业管理信息平台建设'),
        housing('加强物业从业人员职业技能培训'), care('探索“红色物业”服务模式'), housing('明确前期物业管理承接查验责任'), ['畅通物业纠纷人民调解渠道', ['市司法局']], housing('将物业管理纳入城市管理考核'),
      ],
      members: 14, instructions: [{ by: '市政府主要领导', text: '请市住建局牵头，结合实际认真研究吸纳。', on: '2025-05-28' }],
    },
    {
      kind: 'investigation', title: '优化农村养老体系建设', report: '关于优化农村养老体系建设的调研报告', committee: '社会法制委员联络和港澳台侨外事委员会', proposer: '主席会议',
      from: '2025-07-15', to: '2025-07-17', sent: '2025-08-12', state: 'closed', places: ['沁源县', '长子县', '平顺县'],
      topic: '围绕农村互助养老、医养结合和养老服务人才开展重点课题调研。',
      summary: '调研组深入三个县的乡镇敬老院、农村互助幸福院和乡镇卫生院，与老人、村干部和基层工作人员座谈。',
      problems: ['农村互助幸福院运营可持续性差', '医养结合服务能力薄弱', '养老服务资金来源单一', '专业养老服务人才匮乏', '农村留守老人关爱服务不足'],
      recs: [
        care('推进农村互助幸福院提质增效'), care('加强乡镇卫生院医养结合服务能力', '市卫健委'), care('探索农村集体经济收益用于养老服务', '市农业农村局'), ['培育农村养老服务专业人才', ['市人社局', '市民政局']],
        care('建立农村互助幸福院运营补贴机制'), care('推动乡镇敬老院转型为区域养老服务中心'), care('落实家庭医生签约服务覆盖农村老人', '市卫健委'), care('建立农村留守老人定期探访制度'),
        care('鼓励社会力量参与农村养老服务'), care('将农村养老服务设施纳入村庄规划', '市自然资源局'), care('发展农村老年助餐服务'), care('加强农村养老服务志愿者队伍建设'),
        care('推广“时间银行”互助养老模式'), care('提高农村特困人员供养标准', '市财政局'), care('推进农村适老化改造'), care('建立农村养老服务质量评价体系'),
      ],
      members: 12, instructions: [{ by: '市政府分管领导', text: '请市民政局会同有关部门研究落实。', on: '2025-08-25' }],
    },
    {
      kind: 'investigation', title: '优化营商环境（市行政审批服务管理局）', report: '关于优化营商环境的调研报告（市行政审批服务管理局）', committee: '社会法制委员联络和港澳台侨外事委员会', proposer: '社会法制委员联络和港澳台侨外事委员会',
      from: '2025-03-27', to: '2025-03-27', sent: '2025-04-18', state: 'closed', places: ['市政务服务中心'],
      topic: '紧扣法治建设与民生关切，赴市行政审批服务管理局调研优化营商环境工作。',
      summary: '调研组察看政务服务大厅，听取市行政审批服务管理局工作情况汇报，与企业代表座谈。',
      problems: [],
      recs: [
        permits('推行企业开办“一件事一次办”'), permits('扩大电子证照应用场景'), permits('完善政务服务“好差评”整改机制'),
        permits('深化工程建设项目审批制度改革'), permits('推进政务服务向基层延伸'), permits('加强审批服务人员业务培训'),
      ],
      members: 10, instructions: [],
    },
  ];
}

const at = (date: string, hour: number) => new Date(Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`)).toISOString();

export async function seedInspections(ctx: ModuleContext, seed: SeedContext): Promise<void> {
  const staff = seed.demoUsers.office;
  const leader = seed.demoUsers.leader;
  const member = seed.demoUsers.member;
  if (!staff || !leader) return;
  const wd = (d: string, n: number) => ctx.calendar.addWorkingDays(d, n);
  const pool = seed.memberUserIds;
  const people = await findPeople(ctx.db, [staff.userId, leader.userId, ...pool.slice(0, 200), ...(member ? [member.userId] : [])]);
  const nameOf = (id: string) => people.get(id)?.name ?? id;
  const rows = { inspections: [] as Record<string, unknown>[], participants: [] as Record<string, unknown>[], stops: [] as Record<string, unknown>[], notes: [] as Record<string, unknown>[], versions: [] as Record<string, unknown>[], findings: [] as Record<string, unknown>[], instructions: [] as Record<string, unknown>[] };
  const history: Record<string, unknown>[] = [];
  trips().forEach((t, k) => {
    const committeeId = seed.committeeIds[t.committee];
    if (!committeeId) return;
    const id = newId();
    const created = wd(`${t.from.slice(0, 4)}-01-05`, k);
    const approved = wd(created, 8);
    const reportDue = wd(t.to, 15);
    // two drafts, submitted and signed off within the week after the trip, sent on the report's date
    const submitted = wd(t.to, 5);
    const signed = wd(t.to, 6);
    const who = { id: staff.userId, org: staff.orgId };
    const lead = { id: leader.userId, org: leader.orgId };
    const steps: Array<[string | null, string, string, string, { id: string; org: string }, string | null]> = [
      [null, 'planned', 'create', at(created, 9), who, null],
      ['planned', 'approved', 'approve', at(approved, 16), who, `十届主席会议第${k + 3}次会议（${approved}）`],
      ['approved', 'underway', 'start', at(t.from, 8), who, null],
      ['underway', 'drafting', 'finish', at(t.to, 18), who, null],
      ['drafting', 'drafting', 'report', at(wd(t.to, 2), 17), who, '第 1 稿'],
      ['drafting', 'drafting', 'report', at(wd(t.to, 4), 17), who, '第 2 稿'],
      ['drafting', 'signoff', 'submit_report', at(submitted, 10), who, null],
      ['signoff', 'signed', 'sign_off', at(signed, 11), lead, null],
      ['signed', 'sent', 'send', at(t.sent, 10), who, null],
      ...t.instructions.map((i): [string, string, string, string, { id: string; org: string }, string] => ['sent', 'sent', 'instruct', at(i.on, 15), who, `${i.by}：${i.text}`]),
      ...(t.state === 'closed' ? [['sent', 'closed', 'close', at(wd(t.sent, 30), 10), who, null] as [string, string, string, string, { id: string; org: string }, null]] : []),
    ];
    for (const [from, to, action, when, actor, note] of steps) {
      history.push({ id: newId(), tenant_id: seed.cityId, entity_type: 'inspection', entity_id: id, from_state: from === to ? to : from, to_state: to, action, actor_id: actor.id, actor_name: nameOf(actor.id), actor_org_id: actor.org, note, data: null, at: when });
    }
    rows.inspections.push({
      id, tenant_id: seed.cityId, year: Number(t.from.slice(0, 4)), kind: t.kind, title: t.title, topic: t.topic, proposer: t.proposer, lead_committee_id: committeeId,
      places: JSON.stringify(t.places), planned_from: t.from, planned_to: t.to, approved_meeting: `十届主席会议第${k + 3}次会议`, approved_on: approved, started_on: t.from, ended_on: t.to,
      report_due: reportDue, report_no: 2, report_title: t.report, report_body: `${t.summary}\n${t.topic}`, problem_count: t.problems.length, recommendation_count: t.recs.length,
      signed_on: signed, sent_on: t.sent, return_reason: null, signin_secret: randomBytes(24).toString('base64url'), owner_user_id: staff.userId, owner_name: nameOf(staff.userId),
      state: t.state, version: steps.length, created_at: at(created, 9), updated_at: steps[steps.length - 1][3],
    });
    // the members on the trip: a window of the city's members (the demo member on the inspection), nearly all signed in
    const ids = new Set<string>(k === 0 && member ? [member.userId] : []);
    for (let i = 0; ids.size < t.members && i < pool.length; i++) ids.add(pool[(k * 41 + i * 5) % pool.length]);
    [...ids].forEach((u, i) => rows.participants.push({
      id: newId(), inspection_id: id, tenant_id: seed.cityId, user_id: u, name: nameOf(u), signed_in_at: i % 7 === 6 ? null : at(t.from, 8), signed_in_by: i % 7 === 6 ? null : u, version: i % 7 === 6 ? 1 : 2, created_at: at(approved, 17),
    }));
    const stopIds: string[] = [];
    t.places.forEach((p, i) => {
      const sid = newId();
      stopIds.push(sid);
      const onDate = t.from === t.to ? t.from : i === 0 ? t.from : t.to;
      rows.stops.push({ id: sid, inspection_id: id, seq: i + 1, on_date: onDate, place: p, purpose: `实地察看${t.title}相关工作`, visited_at: at(onDate, 10 + i) });
    });
    rows.notes.push({ id: newId(), inspection_id: id, tenant_id: seed.cityId, kind: 'note', stop_id: stopIds[0] ?? null, text: `${t.places[0]}：现场察看，听取情况介绍，记录群众反映的问题。`, attachment_ids: '[]', author_user_id: [...ids][0], author_name: nameOf([...ids][0]), created_at: at(t.from, 11) });
    rows.notes.push({ id: newId(), inspection_id: id, tenant_id: seed.cityId, kind: 'document', stop_id: null, text: `收到有关部门《关于${t.title}工作情况的汇报》。`, attachment_ids: '[]', author_user_id: staff.userId, author_name: nameOf(staff.userId), created_at: at(t.to, 16) });
    const recJson = t.recs.map(([text, units]) => ({ text, unitIds: units.map((u) => seed.unitIds[u]).filter(Boolean), dueWorkingDays: 60 }));
    [1, 2].forEach((no) => rows.versions.push({
      id: newId(), inspection_id: id, no, title: t.report, body: `${t.summary}\n${t.topic}`, problems: JSON.stringify(t.problems.map((p) => ({ text: p }))),
      recommendations: JSON.stringify(no === 1 ? recJson.slice(0, Math.max(1, recJson.length - 2)) : recJson), note: no === 1 ? '初稿' : '吸收委员意见后的修改稿',
      author_user_id: staff.userId, author_name: nameOf(staff.userId), created_at: at(wd(t.to, no * 2), 17),
    }));
    t.problems.forEach((p, i) => rows.findings.push({ id: newId(), inspection_id: id, tenant_id: seed.cityId, type: 'problem', seq: i + 1, text: p, unit_ids: '[]', due_working_days: null }));
    recJson.forEach((r, i) => rows.findings.push({ id: newId(), inspection_id: id, tenant_id: seed.cityId, type: 'recommendation', seq: i + 1, text: r.text, unit_ids: JSON.stringify(r.unitIds), due_working_days: r.dueWorkingDays }));
    t.instructions.forEach((i) => rows.instructions.push({ id: newId(), inspection_id: id, tenant_id: seed.cityId, by_name: i.by, text: i.text, on_date: i.on, recorded_by: staff.userId, created_at: at(i.on, 15) }));
  });
  await ctx.db.transaction().execute(async (trx) => {
    const db = inspectionsDb(trx);
    const put = async (table: 'inspections' | 'inspection_participants' | 'inspection_stops' | 'inspection_notes' | 'inspection_report_versions' | 'inspection_findings' | 'inspection_instructions', values: Record<string, unknown>[]) => {
      for (let i = 0; i < values.length; i += 100) await db.insertInto(table).values(values.slice(i, i + 100) as never).execute();
    };
    await put('inspections', rows.inspections);
    await put('inspection_participants', rows.participants);
    await put('inspection_stops', rows.stops);
    await put('inspection_notes', rows.notes);
    await put('inspection_report_versions', rows.versions);
    await put('inspection_findings', rows.findings);
    await put('inspection_instructions', rows.instructions);
    await seedWorkflowRows(trx, { history, tasks: [] });
  });
  // 报送 and the later 批示, as events on their own days (the tracker's subscriber creates its parts and records them)
  for (const row of rows.inspections as unknown as InspectionRow[]) {
    const recs = rows.findings.filter((f) => f.inspection_id === row.id && f.type === 'recommendation') as unknown as Array<{ seq: number; text: string; unit_ids: string; due_working_days: number | null }>;
    const payload = requestedPayload(row, recs, staff.userId, defaultInspectionSettings.replyWorkingDays);
    await ctx.uow.run((w) => w.emit({ type: recommendationsRequestedEvent, tenantId: row.tenant_id, entityType: 'inspection', entityId: row.id, actorId: staff.userId, at: at(row.sent_on!, 10), payload: payload as unknown as Record<string, unknown> }));
    for (const i of rows.instructions.filter((x) => x.inspection_id === row.id)) {
      const p = instructedPayload(row, staff.userId, { by: String(i.by_name), text: String(i.text), onDate: String(i.on_date) });
      await ctx.uow.run((w) => w.emit({ type: recommendationsInstructedEvent, tenantId: row.tenant_id, entityType: 'inspection', entityId: row.id, actorId: staff.userId, at: at(String(i.on_date), 15), payload: p as unknown as Record<string, unknown> }));
    }
  }
}
