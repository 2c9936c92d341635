/**
 * Demo 建议落实 data from the seed article's 2025: the 浊漳河 专项视察 whose report named 5 problems and made 23
 * recommendations in 6 aspects, the 物业管理 and 农村养老 调研 reports (with the leaders' 批示), the 营商环境 调研 at the
 * 行政审批服务管理局, the 民主评议 of 市科技局 and 市商务局 (their 整改 items), and the key proposal on the city museum
 * (重点提案督办). Each recommendation goes to one or two departments; the parts stand in every state, some overdue and
 * one with an extension request, so the board, the worklists and the figures have something to show. Rows, history and
 * work items are inserted in one transaction, each consistent with its part's state.
 */
import { appendAudit } from '../../../kernel/server/audit.ts';
import { insertBatches } from '../../../kernel/server/db/bulk.ts';
import type { ModuleContext, SeedContext } from '../../../kernel/server/module.ts';
import { seedWorkflowRows } from '../../../kernel/server/work-items.ts';
import { openTaskRow } from '../../../kernel/server/workflow-runner.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import type { AnySourceType } from '../contract.ts';
import { recommendationsLifecycle, type RecommendationsState } from '../domain/recommendations-lifecycle.ts';
import { EXTENSION_TASK, itemSpec } from './commands.ts';
import type { RecommendationRow } from './tables.ts';

interface DemoSource {
  type: AnySourceType; title: string; date: string; instruction?: { by: string; text: string; at: string };
  items: Array<[text: string, units: string[]]>;
}

/** The article's inspection: 5 problems, 6 aspects, 23 recommendations. */
const RIVER_ASPECTS: Array<[string, string[], string[]]> = [
  ['加强统筹协调', ['建立浊漳河“生态走廊”建设市级联席会议制度', '编制流域生态保护与高质量发展专项规划', '明确沿线县区和部门的责任清单', '将入河排污口整治纳入年度目标考核'], ['市发改委', '市生态环境局']],
  ['推动部门联动', ['建立生态环境、水务、住建部门信息共享平台', '开展入河排污口联合执法检查', '完善跨县区河段上下游协作机制', '建立问题线索移交和反馈闭环'], ['市生态环境局', '市水务局']],
  ['强化污染治理', ['完成沿河企业排污口规范化整治', '加快城镇污水处理厂提标改造', '推进雨污分流管网改造', '加强工业园区污水集中处理设施建设'], ['市生态环境局', '市住建局']],
  ['保障建设要素', ['统筹安排生态走廊建设资金', '保障重点工程建设用地指标', '破解工程建设审批堵点'], ['市财政局', '市自然资源局']],
  ['防范水体污染风险', ['完善水质自动监测站点布局', '制定突发水污染事件应急预案并开展演练', '加强农业面源污染防治', '规范沿河畜禽养殖废弃物处理'], ['市水务局', '市农业农村局']],
  ['引导社会参与', ['开展浊漳河保护宣传进社区进学校', '设立民间河长和志愿者队伍', '畅通群众举报和监督渠道', '建立生态保护社会共治激励机制'], ['市生态环境局', '市水务局']],
];

function demoSources(): DemoSource[] {
  let n = 0;
  const river = RIVER_ASPECTS.flatMap(([, texts, units]) => texts.map((t): [string, string[]] => [t, [units[n++ % units.length]]]));
  return [
    {
      type: 'inspection', title: '关于“大力提升企业河排污口管理水平，推进浊漳河‘生态走廊’建设”的专项视察报告', date: '2025-06-20',
      instruction: { by: '市委主要领导', text: '视察报告提出的问题和建议很有针对性，请市政府组织相关部门逐条研究落实。', at: '2025-07-02' }, items: river,
    },
    {
      type: 'investigation', title: '关于提升物业管理质量的调研报告', date: '2025-05-16',
      instruction: { by: '市政府主要领导', text: '请市住建局牵头，结合实际认真研究吸纳。', at: '2025-05-28' },
      items: [
        ['建立物业服务质量星级评价和公示制度', ['市住建局']], ['推动老旧小区引入专业化物业服务', ['市住建局']],
        ['规范住宅专项维修资金使用程序', ['市住建局', '市财政局']], ['将物业管理纳入社区治理体系', ['市民政局']],
      ],
    },
    {
      type: 'investigation', title: '关于优化农村养老体系建设的调研报告', date: '2025-08-12',
      instruction: { by: '市政府分管领导', text: '请市民政局会同有关部门研究落实。', at: '2025-08-25' },
      items: [
        ['推进农村互助幸福院提质增效', ['市民政局']], ['加强乡镇卫生院医养结合服务能力', ['市卫健委']],
        ['探索农村集体经济收益用于养老服务', ['市农业农村局']], ['培育农村养老服务专业人才', ['市人社局', '市民政局']],
      ],
    },
    {
      type: 'investigation', title: '关于优化营商环境的调研报告（市行政审批服务管理局）', date: '2025-04-18',
      items: [['推行企业开办“一件事一次办”', ['市行政审批服务管理局']], ['扩大电子证照应用场景', ['市行政审批服务管理局']], ['完善政务服务“好差评”整改机制', ['市行政审批服务管理局']]],
    },
    {
      type: 'appraisal', title: '对市科学技术局工作的民主评议意见', date: '2025-10-15',
      items: [['完善科技成果转化激励政策', ['市科技局']], ['加强企业研发投入后补助兑现', ['市科技局']], ['提高科技项目评审透明度', ['市科技局']]],
    },
    {
      type: 'appraisal', title: '对市商务局工作的民主评议意见', date: '2025-10-22',
      items: [['加大外贸企业帮扶力度', ['市商务局']], ['推动县域商业体系建设', ['市商务局']]],
    },
    {
      type: 'key_proposal', title: '重点提案督办：关于推进长治市博物馆高质量发展的建议', date: '2025-09-10',
      items: [['推进上党战役纪念馆筹备和展陈提升', ['市文旅局']]],
    },
  ];
}

/** The states the parts stand in, in turn: most handled, some still owed (every tenth one overdue), one extension. */
const STATE_CYCLE: RecommendationsState[] = ['implemented', 'implemented', 'in_progress', 'answered', 'pending', 'implemented', 'not_implemented', 'pending', 'in_progress', 'implemented'];

export async function seedRecommendations(ctx: ModuleContext, seed: SeedContext): Promise<void> {
  const tenantId = seed.cityId;
  const office = seed.demoUsers.office;
  if (!office) return;
  const today = ctx.calendar.today();
  const rows: RecommendationRow[] = [];
  const history: Array<Record<string, unknown>> = [];
  const tasks: Array<Record<string, unknown>> = [];
  const at = (date: string, hour = 2) => `${date}T0${hour}:00:00.000Z`;
  const step = (r: RecommendationRow, from: string | null, to: string, action: string, when: string, who: { id: string; name: string; org: string | null }, note: string | null = null) => {
    history.push({ id: newId(), tenant_id: tenantId, entity_type: 'recommendation', entity_id: r.id, from_state: from, to_state: to, action, actor_id: who.id, actor_name: who.name, actor_org_id: who.org, note, data: null, at: when });
  };
  const officeWho = { id: office.userId, name: '办公室工作人员', org: office.orgId };
  let i = 0;
  for (const s of demoSources()) {
    s.items.forEach(([text, units], k) => {
      for (const unitName of units) {
        const unitId = seed.unitIds[unitName];
        if (!unitId) continue;
        const state = STATE_CYCLE[i % STATE_CYCLE.length];
        // the demo unit account's department has work waiting on its worklist
        const owed = state === 'pending' || state === 'in_progress';
        const overdue = owed && i % 3 === 0;
        const handedOver = ctx.calendar.addWorkingDays(s.instruction?.at ?? s.date, 3);
        const due = owed ? (overdue ? ctx.calendar.addWorkingDays(handedOver, 20) : ctx.calendar.addWorkingDays(today, 5 + (i % 15))) : ctx.calendar.addWorkingDays(handedOver, 20);
        const replyDay = ctx.calendar.addWorkingDays(handedOver, 12);
        const assessDay = ctx.calendar.addWorkingDays(replyDay, 5);
        const unitWho = { id: 'system', name: `${unitName}经办人`, org: unitId };
        const r: RecommendationRow = {
          id: newId(), tenant_id: tenantId, source_type: s.type, source_module: 'recommendations', source_id: `demo-${s.date}-${s.type}`, source_title: s.title,
          source_link: null, item_key: String(k + 1), text, unit_id: unitId, unit_name: unitName,
          instruction_by: s.instruction?.by ?? null, instruction_text: s.instruction?.text ?? null, instruction_at: s.instruction?.at ?? null,
          requested_by: office.userId, requested_by_name: '办公室工作人员', due_date: due,
          feedback: state === 'pending' ? null : `${unitName}已制定工作方案，明确责任科室和时间节点，${state === 'implemented' ? '相关工作已完成' : '正在推进'}。`,
          first_reply_at: state === 'pending' ? null : at(replyDay), replied_at: state === 'pending' ? null : at(replyDay),
          assessment: state === 'in_progress' ? '已取得阶段性进展，请继续推进并按期续报。' : state === 'implemented' ? '落实情况属实，予以销号。' : null,
          not_done_reason: state === 'not_implemented' ? '受资金和用地条件限制，本年度未能实施，已列入下年度计划。' : null, return_reason: null,
          ext_state: null, ext_reason: null, ext_due_date: null, ext_answer: null,
          closed_at: state === 'implemented' || state === 'not_implemented' ? at(assessDay) : null,
          state, version: 1, created_at: at(handedOver), updated_at: at(state === 'pending' ? handedOver : assessDay),
        };
        if (state === 'pending' && !overdue && i % 4 === 0) {
          r.ext_state = 'requested'; r.ext_reason = '涉及多个部门协调，需延长反馈时间。'; r.ext_due_date = ctx.calendar.addWorkingDays(due, 15);
        }
        rows.push(r);
        step(r, null, 'pending', 'create', r.created_at, officeWho, s.instruction ? `批示：${s.instruction.text}` : null);
        if (state !== 'pending') step(r, 'pending', 'answered', 'reply', at(replyDay), unitWho, r.feedback);
        if (state === 'in_progress') step(r, 'answered', 'in_progress', 'mark_in_progress', at(assessDay), officeWho, r.assessment);
        if (state === 'implemented') step(r, 'answered', 'implemented', 'mark_implemented', at(assessDay), officeWho, r.assessment);
        if (state === 'not_implemented') step(r, 'answered', 'not_implemented', 'not_implemented', at(assessDay), officeWho, r.not_done_reason);
        const task = openTaskRow(recommendationsLifecycle, r as unknown as RecommendationRow & Record<string, unknown>, ctx.calendar, { title: itemSpec().titleOf(r as any), since: r.updated_at.slice(0, 10), now: r.updated_at });
        if (task) tasks.push(task);
        if (r.ext_state === 'requested') {
          tasks.push({
            id: newId(), tenant_id: tenantId, entity_type: EXTENSION_TASK, entity_id: r.id, state: r.state, title: itemSpec().titleOf(r as any), label: '建议落实延期申请',
            assignee_user_id: null, assignee_org_id: tenantId, assignee_role: 'office_staff', due_date: ctx.calendar.addWorkingDays(today, 3), status: 'open', created_at: r.updated_at, closed_at: null,
          });
        }
        i++;
      }
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await insertBatches(trx, 'recommendations', rows as unknown as Record<string, unknown>[], 100);
    await seedWorkflowRows(trx, { history, tasks });
    await appendAudit(trx, ctx.dialect, { tenantId, actorId: 'system', actorName: '系统', action: 'recommendation.seed', entityType: 'recommendation', entityId: null, data: { recommendations: rows.length } });
  });
}
