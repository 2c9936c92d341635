/**
 * Commands on 协商选题 and 年度协商计划. Each runs in one unit of work: the rows, the history, the work item, the audit
 * record and the events commit together or not at all. Edits carry the version the client read (stale → 409).
 */
import type { Transaction } from 'kysely';
import { requirePermission, type Actor } from '../../../kernel/server/actor.ts';
import { isUniqueViolation } from '../../../kernel/server/db/dialect.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { Work } from '../../../kernel/server/unit-of-work.ts';
import type { WorkflowSpec } from '../../../kernel/server/workflow-runner.ts';
import { AppError, invalid, notFound } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { orgNames } from '../../organizations/index.ts';
import { consultationFormLabel } from '../domain/consultation-forms.ts';
import type { PlanChangeBody, PlanItemAttachBody, PlanItemBody, PlanItemEditBody, TopicCreateBody, TopicLinksBody } from '../domain/plan-contract.ts';
import { itemEditMode, planChangeKindLabels, planChangeOf, planLifecycle, planPermissions, planReadyProblem, topicLifecycle, type PlanItemFacts, type PlanRecord, type TopicRecord } from '../domain/plan-lifecycle.ts';
import { canSeePlan, canSeeTopic, committeesOf, findPlan, findPlanOfYear, findTopic, itemsOf, mayLinkTopic, mayManage, parseList, PLAN_ITEM_ENTITY, proposerOrgs, unitsOf, type LinkOwner } from './plan-repository.ts';
import type { PlanItemRow, PlanRow, TopicRow } from './plan-tables.ts';
import { linkAttachments } from '../../attachments/index.ts';

export const TOPIC_LABEL = '协商选题';
export const PLAN_LABEL = '年度协商计划';
export const ITEM_LABEL = '计划项';

type Row<T> = T & { [k: string]: unknown };

export function topicSpec(): WorkflowSpec<Row<TopicRow>> {
  return {
    workflow: topicLifecycle as unknown as WorkflowSpec<Row<TopicRow>>['workflow'],
    table: 'consultation_topics',
    entityLabel: TOPIC_LABEL,
    titleOf: (r) => r.title,
    canSee: (r, actor) => canSeeTopic(r, actor),
    async apply({ trx, record, transition, input }) {
      if (transition.name === 'decline') return { decline_reason: input.reason as string };
      if (transition.name === 'merge') {
        // the topic it joins: the same CPPCC and year, itself proposed or in the plan
        const target = await (trx as Transaction<any>).selectFrom('consultation_topics').select(['id', 'tenant_id', 'year', 'state']).where('id', '=', String(input.targetId)).executeTakeFirst();
        if (!target || target.tenant_id !== record.tenant_id) throw invalid('input.targetId', '「合并到的选题」', '不存在');
        if (Number(target.year) !== Number(record.year)) throw invalid('input.targetId', '「合并到的选题」', '应为同一年度的选题');
        if (target.state !== 'proposed' && target.state !== 'accepted') throw invalid('input.targetId', '「合并到的选题」', '已合并或未采纳');
        return { merged_into_id: target.id };
      }
      return {};
    },
  };
}

export function planSpec(): WorkflowSpec<Row<PlanRow>> {
  return {
    workflow: planLifecycle as unknown as WorkflowSpec<Row<PlanRow>>['workflow'],
    table: 'consultation_plans',
    entityLabel: PLAN_LABEL,
    titleOf: (r) => r.title,
    canSee: (r, actor) => canSeePlan(r, actor),
    async apply({ trx, record, transition, input }) {
      // the 重大协商议题 are counted as the plan goes to the chair's meeting (its items are fixed from then on)
      if (transition.name === 'submit') {
        const r = await trx.selectFrom('consultation_plan_items').select((eb) => eb.fn.countAll().as('n')).where('plan_id', '=', record.id).where('major', '=', 1).executeTakeFirst();
        return { major_items: Number(r?.n ?? 0) };
      }
      if (transition.name === 'approve' || transition.name === 'approve_to_party') return { approved_meeting: input.meeting as string, approved_on: input.approvedOn as string, return_reason: null };
      if (transition.name === 'party_approve') return { party_meeting: input.meeting as string, party_approved_on: input.approvedOn as string, party_document: (input.document as string | undefined) || null };
      if (transition.name === 'return') return { return_reason: input.reason as string };
      // the party committee's return sends the plan back to the draft: it goes to the chair's meeting again
      if (transition.name === 'party_return') return { return_reason: input.reason as string, approved_meeting: null, approved_on: null };
      return {};
    },
  };
}

/* ---------------------------------------------------------------- topics */

/** 提出协商选题: a committee's staff for their committee; the office for any body of its CPPCC (a party's, a group's). */
export async function createTopic(ctx: ModuleContext, actor: Actor, body: TopicCreateBody, ip?: string): Promise<string> {
  requirePermission(actor, planPermissions.propose, `提出${TOPIC_LABEL}`);
  const bodies = await proposerOrgs(ctx.db, actor.tenantId);
  const orgId = body.proposerOrgId ?? actor.orgId;
  const org = bodies.find((b) => b.id === orgId);
  if (!org) throw invalid('proposerOrgId', '「提出单位」', '应为本级政协的专委会、党派、团体或机关部门');
  if (orgId !== actor.orgId && !mayManage(actor)) throw new AppError('FORBIDDEN', '只有办公室可以代其他单位提出协商选题');
  const id = newId();
  await ctx.uow.run(async (w) => {
    await w.create(topicSpec(), {
      id, tenant_id: actor.tenantId, year: body.year, title: body.title, reason: body.reason, form: body.form,
      proposer_org_id: org.id, proposer_org_name: org.name, proposer_user_id: actor.userId, proposer_name: actor.displayName, contact: body.contact,
      decline_reason: null, merged_into_id: null, plan_item_id: null,
    }, actor, ip);
    // the topic's supporting material, linked in the same transaction (a file not the proposer's is a 400)
    await linkAttachments(w.trx, { ids: body.attachmentIds ?? [], entityType: 'consultation_topic', entityId: id, actor });
  });
  return id;
}

/** The year's plan, made in draft when it does not exist yet (inside the unit of work). */
async function ensureDraftPlan(w: Work, actor: Actor, values: Awaited<ReturnType<typeof newPlanValues>>, ip?: string): Promise<PlanRow> {
  const existing = await w.trx.selectFrom('consultation_plans').selectAll().where('tenant_id', '=', actor.tenantId).where('year', '=', values.year).executeTakeFirst() as PlanRow | undefined;
  if (existing) return existing;
  return w.create(planSpec(), values, actor, ip) as Promise<PlanRow>;
}

async function newPlanValues(ctx: ModuleContext, actor: Actor, year: number) {
  const tenant = (await orgNames(ctx.db, [actor.tenantId])).get(actor.tenantId)?.name ?? '';
  return { id: newId(), tenant_id: actor.tenantId, year, title: `${tenant}${year}年度协商计划`, approved_meeting: null, approved_on: null, return_reason: null, major_items: 0, party_meeting: null, party_approved_on: null, party_document: null, created_by: actor.userId };
}

/**
 * Fire a topic's action. 列入计划 also adds the topic to the year's plan as an item (the plan is made in draft when
 * there is none); the plan must still be a draft: after approval an item is added by a recorded change.
 */
export async function fireTopic(ctx: ModuleContext, req: { id: string; action: string; version: number; input: Record<string, unknown>; actor: Actor; ip?: string }): Promise<void> {
  const topic = await findTopic(ctx.db, req.id);
  if (!topic || !canSeeTopic(topic, req.actor)) throw notFound(TOPIC_LABEL);
  if (req.action !== 'accept') {
    await ctx.uow.run(async (w) => { await w.fire(topicSpec(), { id: req.id, action: req.action, expectedVersion: req.version, input: req.input, actor: req.actor, ip: req.ip }); });
    return;
  }
  const leadOrgId = typeof req.input.leadOrgId === 'string' ? req.input.leadOrgId : undefined;
  const committees = await committeesOf(ctx.db, req.actor.tenantId);
  if (leadOrgId && !committees.some((c) => c.id === leadOrgId)) throw invalid('input.leadOrgId', '「牵头专委会」', '应为本级政协的专门委员会');
  // a committee's own topic is led by it unless the office names another
  const lead = committees.find((c) => c.id === (leadOrgId ?? topic.proposer_org_id));
  // read before the unit of work: inside it only the transaction may be used
  const values = await newPlanValues(ctx, req.actor, Number(topic.year));
  await ctx.uow.run(async (w) => {
    const plan = await ensureDraftPlan(w, req.actor, values, req.ip);
    if (plan.state !== 'draft') throw invalid('plan', '「年度协商计划」', `${plan.state === 'approved' ? '已审定' : plan.state === 'party_review' ? '已报党委审定' : '已报主席会议审定'}，不能直接列入；请在计划中以计划调整增加计划项`);
    const itemId = newId();
    await w.fire(topicSpec(), { id: req.id, action: 'accept', expectedVersion: req.version, input: req.input, actor: req.actor, ip: req.ip });
    // the same transaction as the transition: the topic names the item it became
    await w.trx.updateTable('consultation_topics').set({ plan_item_id: itemId }).where('id', '=', req.id).execute();
    const sort = await nextSort(w, plan.id);
    await w.trx.insertInto('consultation_plan_items').values({
      id: itemId, plan_id: plan.id, tenant_id: plan.tenant_id, year: Number(plan.year), topic_id: topic.id, title: topic.title, form: topic.form,
      lead_org_id: lead?.id ?? '', lead_org_name: lead?.name ?? '', partner_unit_ids: '[]', partner_unit_names: '[]',
      planned_month: typeof req.input.plannedMonth === 'number' ? req.input.plannedMonth : 0, notes: null, major: req.input.major === true ? 1 : 0, status: 'planned', added_by_change: 0, sort,
      version: 1, created_at: w.now, updated_at: w.now,
    } satisfies PlanItemRow).execute();
    await w.audit({ tenantId: plan.tenant_id, actorId: req.actor.userId, actorName: req.actor.displayName, action: 'consultation_plan.add_item', entityType: 'consultation_plan', entityId: plan.id, data: { itemId, topicId: topic.id }, ip: req.ip });
  });
}

async function nextSort(w: Work, planId: string): Promise<number> {
  const r = await w.trx.selectFrom('consultation_plan_items').select((eb) => eb.fn.max<number>('sort').as('m')).where('plan_id', '=', planId).executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

/* ---------------------------------------------------------------- plans */

/** 新建年度协商计划 (起草中) for a year; one per CPPCC and year (a second is a 409). */
export async function createPlan(ctx: ModuleContext, actor: Actor, year: number, ip?: string): Promise<string> {
  requirePermission(actor, planPermissions.manage, `编制${PLAN_LABEL}`);
  if (await findPlanOfYear(ctx.db, actor.tenantId, year)) throw new AppError('CONFLICT', `${year}年度协商计划已存在`, { field: 'year' });
  const values = await newPlanValues(ctx, actor, year);
  try {
    await ctx.uow.run(async (w) => { await w.create(planSpec(), values, actor, ip); });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', `${year}年度协商计划已存在`, { field: 'year' });
    throw e;
  }
  return values.id;
}

/** 报主席会议审定 needs at least one item, each complete: a 400 naming the items otherwise (checked before the action). */
export async function checkPlanReady(ctx: ModuleContext, actor: Actor, id: string, action: string): Promise<void> {
  const plan = await findPlan(ctx.db, id);
  if (!plan || !canSeePlan(plan, actor) || action !== 'submit' || plan.state !== 'draft') return;
  const problem = planReadyProblem((await itemsOf(ctx.db, plan.id)).map(factsOf));
  if (problem) throw new AppError('VALIDATION_FAILED', problem.message, { field: problem.field });
}

/** Fire a plan's action (the runner checks state, role, permission, guard, input and version). */
export async function firePlan(ctx: ModuleContext, req: { id: string; action: string; version: number; input: Record<string, unknown>; actor: Actor; ip?: string }): Promise<void> {
  const plan = await findPlan(ctx.db, req.id);
  if (!plan || !canSeePlan(plan, req.actor)) throw notFound(PLAN_LABEL);
  await ctx.uow.run(async (w) => {
    await w.fire(planSpec(), { id: req.id, action: req.action, expectedVersion: req.version, input: req.input, actor: req.actor, ip: req.ip });
  });
}

export function factsOf(r: PlanItemRow): PlanItemFacts {
  return {
    title: r.title, form: r.form, leadOrgId: r.lead_org_id, partnerUnitIds: parseList(r.partner_unit_ids), plannedMonth: Number(r.planned_month),
    notes: r.notes ?? null, status: r.status === 'cancelled' ? 'cancelled' : 'planned',
  };
}

/** The plan the actor manages, in the item mode the command needs (read again inside the transaction). */
async function managedPlan(ctx: ModuleContext, actor: Actor, planId: string): Promise<PlanRow> {
  const plan = await findPlan(ctx.db, planId);
  if (!plan || !canSeePlan(plan, actor)) throw notFound(PLAN_LABEL);
  requirePermission(actor, planPermissions.manage, `编制${PLAN_LABEL}`);
  return plan;
}
async function stateInside(w: Work, planId: string, want: 'edit' | 'change'): Promise<PlanRow> {
  const plan = await w.trx.selectFrom('consultation_plans').selectAll().where('id', '=', planId).executeTakeFirstOrThrow() as PlanRow;
  if (itemEditMode(plan.state) !== want) {
    throw new AppError('INVALID_TRANSITION', want === 'edit'
      ? `${PLAN_LABEL}已${plan.state === 'approved' ? '审定，调整计划项请填写调整理由' : plan.state === 'party_review' ? '报党委审定，不能修改计划项' : '报主席会议审定，不能修改计划项'}`
      : plan.state === 'party_review' ? `${PLAN_LABEL}正在报党委审定，审定后方可调整` : `${PLAN_LABEL}尚未审定，计划项可直接修改`);
  }
  return plan;
}

/** The lead committee and partner units of an item, checked against the CPPCC's organisations (400 naming the field). */
async function itemOrgs(ctx: ModuleContext, tenantId: string, leadOrgId: string, unitIds: readonly string[], prefix = '') {
  const [committees, units] = await Promise.all([committeesOf(ctx.db, tenantId), unitsOf(ctx.db, tenantId)]);
  const lead = committees.find((c) => c.id === leadOrgId);
  if (!lead) throw invalid(`${prefix}leadOrgId`, '「牵头专委会」', '应为本级政协的专门委员会');
  const partners = [...new Set(unitIds)].map((id) => units.find((u) => u.id === id));
  if (partners.some((p) => !p)) throw invalid(`${prefix}partnerUnitIds`, '「协同部门」', '应为本级的承办单位');
  return { lead, partners: partners as Array<{ id: string; name: string }> };
}

/** 添加计划项 to a draft. */
export async function addItem(ctx: ModuleContext, actor: Actor, planId: string, body: PlanItemBody, ip?: string): Promise<string> {
  await managedPlan(ctx, actor, planId);
  const { lead, partners } = await itemOrgs(ctx, actor.tenantId, body.leadOrgId, body.partnerUnitIds);
  const id = newId();
  await ctx.uow.run(async (w) => {
    const plan = await stateInside(w, planId, 'edit');
    await insertItem(w, plan, id, body, lead, partners, 0);
    await linkAttachments(w.trx, { ids: body.attachmentIds ?? [], entityType: PLAN_ITEM_ENTITY, entityId: id, actor, field: 'attachmentIds' });
    await w.audit({ tenantId: plan.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'consultation_plan.add_item', entityType: 'consultation_plan', entityId: plan.id, data: { itemId: id, title: body.title }, ip });
  });
  return id;
}

async function insertItem(w: Work, plan: PlanRow, id: string, body: PlanItemBody, lead: { id: string; name: string }, partners: Array<{ id: string; name: string }>, byChange: 0 | 1) {
  await w.trx.insertInto('consultation_plan_items').values({
    id, plan_id: plan.id, tenant_id: plan.tenant_id, year: Number(plan.year), topic_id: body.topicId ?? null, title: body.title, form: body.form,
    lead_org_id: lead.id, lead_org_name: lead.name, partner_unit_ids: JSON.stringify(partners.map((p) => p.id)), partner_unit_names: JSON.stringify(partners.map((p) => p.name)),
    planned_month: body.plannedMonth, notes: body.notes ?? null, major: body.major ? 1 : 0, status: 'planned', added_by_change: byChange, sort: await nextSort(w, plan.id),
    version: 1, created_at: w.now, updated_at: w.now,
  } satisfies PlanItemRow).execute();
}

async function findItemOf(ctx: ModuleContext, planId: string, itemId: string): Promise<PlanItemRow> {
  const item = (await itemsOf(ctx.db, planId)).find((i) => i.id === itemId);
  if (!item) throw notFound(ITEM_LABEL);
  return item;
}

/** 修改计划项 of a draft, under the item's version. */
export async function editItem(ctx: ModuleContext, actor: Actor, planId: string, itemId: string, body: PlanItemEditBody, ip?: string): Promise<void> {
  await managedPlan(ctx, actor, planId);
  const item = await findItemOf(ctx, planId, itemId);
  const set: Record<string, unknown> = {};
  if (body.title !== undefined) set.title = body.title;
  if (body.form !== undefined) set.form = body.form;
  if (body.plannedMonth !== undefined) set.planned_month = body.plannedMonth;
  if (body.notes !== undefined) set.notes = body.notes;
  if (body.major !== undefined) set.major = body.major ? 1 : 0;
  if (body.leadOrgId !== undefined || body.partnerUnitIds !== undefined) {
    const { lead, partners } = await itemOrgs(ctx, actor.tenantId, body.leadOrgId ?? item.lead_org_id, body.partnerUnitIds ?? parseList(item.partner_unit_ids));
    Object.assign(set, { lead_org_id: lead.id, lead_org_name: lead.name, partner_unit_ids: JSON.stringify(partners.map((p) => p.id)), partner_unit_names: JSON.stringify(partners.map((p) => p.name)) });
  }
  await ctx.uow.run(async (w) => {
    const plan = await stateInside(w, planId, 'edit');
    await w.bumpVersion('consultation_plan_items', itemId, body.version, { ...set, updated_at: w.now }, ITEM_LABEL);
    await linkAttachments(w.trx, { ids: body.attachmentIds ?? [], entityType: PLAN_ITEM_ENTITY, entityId: itemId, actor, field: 'attachmentIds' });
    await w.audit({ tenantId: plan.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'consultation_plan.edit_item', entityType: 'consultation_plan', entityId: plan.id, data: { itemId, fields: Object.keys(set) }, ip });
  });
}

/**
 * 补充附件: files added to an item of the plan in any state (a research plan, background material); they are supporting
 * material, not the plan's content, so an approved plan takes them without a recorded change.
 */
export async function attachToItem(ctx: ModuleContext, actor: Actor, planId: string, itemId: string, body: PlanItemAttachBody, ip?: string): Promise<void> {
  await managedPlan(ctx, actor, planId);
  const item = await findItemOf(ctx, planId, itemId);
  await ctx.uow.run(async (w) => {
    await linkAttachments(w.trx, { ids: body.attachmentIds, entityType: PLAN_ITEM_ENTITY, entityId: item.id, actor, field: 'attachmentIds' });
    await w.audit({ tenantId: item.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'consultation_plan.attach', entityType: 'consultation_plan', entityId: planId, data: { itemId, attachmentIds: body.attachmentIds }, ip });
  });
}

/** 删除计划项 of a draft, under the item's version; a topic it came from goes back to 待处理's list as accepted no more. */
export async function removeItem(ctx: ModuleContext, actor: Actor, planId: string, itemId: string, version: number, ip?: string): Promise<void> {
  await managedPlan(ctx, actor, planId);
  const item = await findItemOf(ctx, planId, itemId);
  await ctx.uow.run(async (w) => {
    const plan = await stateInside(w, planId, 'edit');
    const r = await w.trx.deleteFrom('consultation_plan_items').where('id', '=', itemId).where('version', '=', version).executeTakeFirst();
    if (Number(r.numDeletedRows) !== 1) throw new AppError('VERSION_CONFLICT', `${ITEM_LABEL}已被他人修改，请刷新后重试`);
    if (item.topic_id) await w.trx.updateTable('consultation_topics').set({ plan_item_id: null }).where('id', '=', item.topic_id).execute();
    await w.audit({ tenantId: plan.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'consultation_plan.remove_item', entityType: 'consultation_plan', entityId: plan.id, data: { itemId, title: item.title }, ip });
  });
}

/**
 * 计划调整 of an approved plan: move an item's month, change its form, add an item or cancel one, with the reason. The
 * change is a row of the plan's change log, a step in its history and an audit record, under the plan's version.
 */
export async function changePlan(ctx: ModuleContext, actor: Actor, planId: string, body: PlanChangeBody, ip?: string): Promise<void> {
  await managedPlan(ctx, actor, planId);
  let item: PlanItemRow | null = null;
  if (body.kind !== 'add') {
    if (!body.itemId) throw invalid('itemId', '「计划项」', '必须指定');
    item = await findItemOf(ctx, planId, body.itemId);
  } else if (!body.item) {
    throw invalid('item', '「新增计划项」', '必须填写');
  }
  const change = planChangeOf(item ? factsOf(item) : null, { kind: body.kind, reason: body.reason, plannedMonth: body.plannedMonth, form: body.form });
  if (!change.ok) throw invalid(change.field, '', change.message);
  const added = body.kind === 'add' ? await itemOrgs(ctx, actor.tenantId, body.item!.leadOrgId, body.item!.partnerUnitIds, 'item.') : null;
  await ctx.uow.run(async (w) => {
    const plan = await stateInside(w, planId, 'change');
    await w.bumpVersion('consultation_plans', planId, body.version, { updated_at: w.now }, PLAN_LABEL);
    let itemId: string; let title: string; let before = change.before; let after = change.after;
    if (added) {
      itemId = newId(); title = body.item!.title;
      await insertItem(w, plan, itemId, body.item!, added.lead, added.partners, 1);
      await linkAttachments(w.trx, { ids: body.item!.attachmentIds ?? [], entityType: PLAN_ITEM_ENTITY, entityId: itemId, actor, field: 'item.attachmentIds' });
      before = '—'; after = `${body.item!.plannedMonth}月，${consultationFormLabel(body.item!.form)}，${added.lead.name}牵头`;
    } else {
      itemId = item!.id; title = item!.title;
      const set: Record<string, unknown> = {};
      if (change.set.plannedMonth !== undefined) set.planned_month = change.set.plannedMonth;
      if (change.set.form !== undefined) set.form = change.set.form;
      if (change.set.status !== undefined) set.status = change.set.status;
      await w.bumpVersion('consultation_plan_items', itemId, Number(item!.version), { ...set, updated_at: w.now }, ITEM_LABEL);
    }
    await w.trx.insertInto('consultation_plan_changes').values({
      id: newId(), plan_id: planId, tenant_id: plan.tenant_id, item_id: itemId, item_title: title, kind: body.kind, before_text: before, after_text: after,
      reason: body.reason, actor_user_id: actor.userId, actor_name: actor.displayName, at: w.now,
    }).execute();
    const kindLabel = planChangeKindLabels[body.kind];
    await w.record({
      tenantId: plan.tenant_id, entityType: 'consultation_plan', entityId: planId, to: plan.state, action: 'change', actor, ip,
      note: `${kindLabel}「${title}」${before && after ? `：${before} → ${after}` : ''}；理由：${body.reason}`,
      data: { kind: body.kind, itemId, before, after, reason: body.reason },
      event: { type: 'consultation_plan.changed', title: plan.title, version: Number(plan.version) + 1, payload: { kind: body.kind, itemId } },
    });
  });
}

export type { PlanRecord, TopicRecord };

/* ------------------------------------------------------------------ 关联提案和社情民意 */

/**
 * Checks the linked ids of a links body: each a record the actor may read, of the named type (its owning module's
 * `visibleIds`); a 400 naming the field otherwise. Returns the rows to write, each list without repeats.
 */
async function linkRows(ctx: ModuleContext, actor: Actor, owner: { type: LinkOwner; id: string; tenantId: string }, body: TopicLinksBody) {
  const lists = [
    ['source', 'proposal', body.sourceProposalIds, 'sourceProposalIds', '来源提案'],
    ['source', 'opinion', body.sourceReportIds, 'sourceReportIds', '来源社情民意'],
    ['outcome', 'proposal', body.outcomeProposalIds, 'outcomeProposalIds', '形成的提案'],
    ['outcome', 'opinion', body.outcomeReportIds, 'outcomeReportIds', '形成的社情民意'],
  ] as const;
  const rows: Array<{ owner_type: string; owner_id: string; tenant_id: string; relation: string; entity_type: string; entity_id: string; seq: number }> = [];
  for (const [relation, type, ids, field, label] of lists) {
    const uniq = [...new Set(ids)];
    if (!uniq.length) continue;
    const seen = await ctx.contributions.visibleIds(type, actor, uniq);
    const bad = uniq.find((x) => !seen || !seen.has(x));
    if (bad) throw invalid(field, `「${label}」`, `中的 ${bad} 不存在或无权查看`);
    uniq.forEach((x, i) => rows.push({ owner_type: owner.type, owner_id: owner.id, tenant_id: owner.tenantId, relation, entity_type: type, entity_id: x, seq: i + 1 }));
  }
  const count = (relation: string, type: string) => rows.filter((r) => r.relation === relation && r.entity_type === type).length;
  const note = `来源：提案 ${count('source', 'proposal')} 件、社情民意 ${count('source', 'opinion')} 篇；成果：提案 ${count('outcome', 'proposal')} 件、社情民意 ${count('outcome', 'opinion')} 篇`;
  return { rows, note };
}

async function writeLinks(w: Work, owner: { type: LinkOwner; id: string }, rows: Awaited<ReturnType<typeof linkRows>>['rows']) {
  await w.trx.deleteFrom('consultation_topic_links').where('owner_type', '=', owner.type).where('owner_id', '=', owner.id).execute();
  for (let at = 0; at < rows.length; at += 200) await w.trx.insertInto('consultation_topic_links').values(rows.slice(at, at + 200)).execute();
}

/** 关联提案和社情民意 of a topic (来源 and 成果), under the topic's version: the office, or the proposing body while proposed. */
export async function setTopicLinks(ctx: ModuleContext, actor: Actor, id: string, body: TopicLinksBody, ip?: string): Promise<void> {
  const topic = await findTopic(ctx.db, id);
  if (!topic || !canSeeTopic(topic, actor)) throw notFound(TOPIC_LABEL);
  if (!mayLinkTopic(topic, actor)) throw new AppError('FORBIDDEN', `无权修改该${TOPIC_LABEL}的关联提案和社情民意`);
  const { rows, note } = await linkRows(ctx, actor, { type: 'topic', id, tenantId: topic.tenant_id }, body);
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('consultation_topics', id, body.version, { updated_at: w.now }, TOPIC_LABEL);
    await writeLinks(w, { type: 'topic', id }, rows);
    await w.record({
      tenantId: topic.tenant_id, entityType: 'consultation_topic', entityId: id, to: topic.state, action: 'links', actor, note, ip,
      audit: { action: 'consultation_topic.links', data: { version: body.version + 1, links: rows.map((r) => `${r.relation}:${r.entity_type}:${r.entity_id}`) } }, event: { title: topic.title, version: body.version + 1 },
    });
  });
}

/** 关联提案和社情民意 of a plan item, in a plan of any state (links are not the plan's content), under the item's version. */
export async function setItemLinks(ctx: ModuleContext, actor: Actor, planId: string, itemId: string, body: TopicLinksBody, ip?: string): Promise<void> {
  await managedPlan(ctx, actor, planId);
  const item = await findItemOf(ctx, planId, itemId);
  const { rows, note } = await linkRows(ctx, actor, { type: 'plan_item', id: itemId, tenantId: item.tenant_id }, body);
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('consultation_plan_items', itemId, body.version, { updated_at: w.now }, ITEM_LABEL);
    await writeLinks(w, { type: 'plan_item', id: itemId }, rows);
    await w.audit({ tenantId: item.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'consultation_plan.links', entityType: 'consultation_plan', entityId: planId, data: { itemId, title: item.title, note }, ip });
  });
}
