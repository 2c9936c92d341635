/**
 * Demo 建议落实 data from the seed article's 2025. The 调研/视察 reports (the 浊漳河 专项视察 with 5 problems and 23
 * recommendations in 6 aspects, the 物业管理 and 农村养老 调研 with the leaders' 批示, the 营商环境 调研) reach the tracker
 * as the product sends them: the investigations module's demo data emits `recommendations.requested` for each sent
 * report (this module's seed runs after it), and here the departments and the office then work through them with the
 * module's own commands (replies, assessments, extensions), so their history, work items and notices are the product's.
 * The 民主评议 of 市科技局 and 市商务局 arrive the same way: the appraisals module's demo data sends their 整改 items with
 * the event of 交办整改, and they are worked through after the trips' parts. Only the key proposal on the city museum
 * (重点提案督办), which no module sends yet, is entered as a row, consistent with its history and work items.
 */
import { sql } from 'kysely';
import { appendAudit } from '../../../kernel/server/audit.ts';
import { insertBatches } from '../../../kernel/server/db/bulk.ts';
import type { ModuleContext, SeedContext } from '../../../kernel/server/module.ts';
import { seedWorkflowRows } from '../../../kernel/server/work-items.ts';
import { openTaskRow } from '../../../kernel/server/workflow-runner.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import type { AnySourceType } from '../contract.ts';
import { recommendationsLifecycle, type RecommendationsState } from '../domain/recommendations-lifecycle.ts';
import { loadActor, usersHoldingRoles } from '../../identity/index.ts';
import { decideExtension, EXTENSION_TASK, fireItem, itemSpec, requestExtension } from './commands.ts';
import { recommendationsDb, type RecommendationRow } from './tables.ts';

interface DemoSource {
  type: AnySourceType; title: string; date: string; instruction?: { by: string; text: string; at: string };
  items: Array<[text: string, units: string[]]>;
}

function demoSources(): DemoSource[] {
  return [
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
  await workThroughTrips(ctx, tenantId, office.userId);
  await workThroughAppraisals(ctx, tenantId, office.userId);
}

/**
 * 民主评议 整改, in the order handed over (市科技局's three, then 市商务局's two): two done, one 落实中, one reply awaiting
 * the office's assessment, and one still owed with the department's request for more time awaiting the office.
 */
const APPRAISAL_STEPS = ['implemented', 'implemented', 'in_progress', 'answered', 'extension'] as const;

async function workThroughAppraisals(ctx: ModuleContext, tenantId: string, officeUserId: string): Promise<void> {
  const parts = await recommendationsDb(ctx.db).selectFrom('recommendations').selectAll()
    .where('tenant_id', '=', tenantId).where('source_module', '=', 'appraisals').where('state', '=', 'pending')
    .orderBy('created_at').orderBy('source_id').orderBy(sql`cast(item_key as integer)`).execute();
  if (!parts.length) return;
  const office = await loadActor(ctx.db, officeUserId);
  const today = ctx.calendar.today();
  for (const [i, p] of parts.entries()) {
    const step = APPRAISAL_STEPS[i % APPRAISAL_STEPS.length];
    const [clerkId] = await usersHoldingRoles(ctx.db, [p.unit_id], ['unit_handler']);
    if (!clerkId) continue;
    const clerk = await loadActor(ctx.db, clerkId);
    let version = Number(p.version);
    const fire = async (actor: typeof office, action: string, input: Record<string, unknown>) => {
      await fireItem(ctx, { id: p.id, action, version, input, actor });
      version++;
    };
    if (step === 'extension') {
      await requestExtension(ctx, clerk, p.id, { version, reason: '整改涉及县域物流配送体系建设，需协调多个部门和资金安排，申请延长反馈时间。', dueDate: ctx.calendar.addWorkingDays(today, 20) });
      continue;
    }
    await fire(clerk, 'reply', { feedback: `${p.unit_name}已制定整改方案，明确责任科室和时间节点，${step === 'implemented' ? '整改已完成' : '正在推进'}。` });
    if (step === 'implemented') await fire(office, 'mark_implemented', { note: '整改落实情况属实，予以销号。' });
    if (step === 'in_progress') await fire(office, 'mark_in_progress', { note: '整改取得阶段性进展，请继续推进并按期续报。', nextDueDate: ctx.calendar.addWorkingDays(today, 8) });
  }
}

/**
 * The departments and the office work through the parts the investigations' reports sent, by the module's commands:
 * most replied and assessed (已落实, 落实中 with the next reply due soon, 未落实, one awaiting assessment), some still owed
 * (overdue since 2025), and a few with an extension granted, so 我的待落实 has both overdue and coming items.
 */
async function workThroughTrips(ctx: ModuleContext, tenantId: string, officeUserId: string): Promise<void> {
  const parts = await recommendationsDb(ctx.db).selectFrom('recommendations').selectAll()
    .where('tenant_id', '=', tenantId).where('source_module', '=', 'inspections').where('state', '=', 'pending')
    .orderBy('created_at').orderBy('source_id').orderBy(sql`cast(item_key as integer)`).orderBy('unit_name').execute();
  if (!parts.length) return;
  const office = await loadActor(ctx.db, officeUserId);
  const clerks = new Map<string, Awaited<ReturnType<typeof loadActor>> | null>();
  const clerkOf = async (unitId: string) => {
    if (!clerks.has(unitId)) {
      const [u] = await usersHoldingRoles(ctx.db, [unitId], ['unit_handler']);
      clerks.set(unitId, u ? await loadActor(ctx.db, u) : null);
    }
    return clerks.get(unitId) ?? null;
  };
  const today = ctx.calendar.today();
  for (const [i, p] of parts.entries()) {
    const clerk = await clerkOf(p.unit_id);
    if (!clerk) continue;
    const state = STATE_CYCLE[i % STATE_CYCLE.length];
    let version = Number(p.version);
    const fire = async (actor: typeof office, action: string, input: Record<string, unknown>) => {
      await fireItem(ctx, { id: p.id, action, version, input, actor });
      version++;
    };
    if (state === 'pending') {
      // every third owed part got more time; the others are overdue
      if (i % 3 === 1) {
        await requestExtension(ctx, clerk, p.id, { version, reason: '涉及多个部门协调和资金安排，需延长反馈时间。', dueDate: ctx.calendar.addWorkingDays(today, 10 + (i % 20)) });
        version++;
        await decideExtension(ctx, office, p.id, { version, grant: true, answer: '同意延期，请按期反馈。' });
      }
      continue;
    }
    await fire(clerk, 'reply', { feedback: `${p.unit_name}已制定工作方案，明确责任科室和时间节点，${state === 'implemented' ? '相关工作已完成' : '正在推进'}。` });
    if (state === 'implemented') await fire(office, 'mark_implemented', { note: '落实情况属实，予以销号。' });
    if (state === 'in_progress') await fire(office, 'mark_in_progress', { note: '已取得阶段性进展，请继续推进并按期续报。', nextDueDate: ctx.calendar.addWorkingDays(today, 5 + (i % 15)) });
    if (state === 'not_implemented') await fire(office, 'not_implemented', { reason: '受资金和用地条件限制，本年度未能实施，已列入下年度计划。' });
  }
}
