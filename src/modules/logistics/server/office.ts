/**
 * 接待 (reception plans) and 会务 (activity logistics checklists and their templates): commands and reads. Writes run
 * in one unit of work, guarded by the version the client read (a stale one is a 409 VERSION_CONFLICT) and audited.
 * A checklist may serve a record of another module (entity type + id); its title comes from that module's entity
 * declaration through `ctx.contributions.titles`, never from its tables.
 */
import { requirePermission, type Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { WorkflowSpec } from '../../../kernel/server/workflow-runner.ts';
import { listHistory } from '../../../kernel/server/work-items.ts';
import { AppError, invalid, notFound } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { allowedActions, stateView } from '../../../kernel/universal/workflow.ts';
import type {
  ChecklistBody, ChecklistDetail, ChecklistEditBody, ChecklistListItem, ChecklistListQuery, ReceptionBody, ReceptionDetail, ReceptionEditBody,
  ReceptionListItem, ReceptionListQuery,
} from '../contract.ts';
import { actionLabelOf, logisticsPermissions as P, receptionLifecycle, stateLabelOf } from '../domain/lifecycles.ts';
import { canSeeOfficeRecord, has } from '../domain/policy.ts';
import { logisticsDb, type ChecklistRow, type ReceptionRow } from './tables.ts';

export const RECEPTION_LABEL = '接待方案';
export const CHECKLIST_LABEL = '会务保障清单';

// ---- 接待 ----

/** The totals kept beside a reception's lists: guests, budget and what was spent (元). */
export function receptionTotals(b: Pick<ReceptionBody, 'guests' | 'budget'>) {
  return {
    guest_count: b.guests.reduce((n, g) => n + (g.count ?? 1), 0),
    budget_total: b.budget.reduce((n, l) => n + l.amount, 0),
    actual_total: b.budget.reduce((n, l) => n + (l.actual ?? 0), 0),
  };
}

function checkDates(start: string, end: string) {
  if (end < start) throw invalid('endDate', '「结束日期」', '不能早于开始日期');
}

export function receptionSpec(): WorkflowSpec<ReceptionRow & { [k: string]: unknown }> {
  return {
    workflow: receptionLifecycle as WorkflowSpec<any>['workflow'],
    table: 'logistics_receptions',
    entityLabel: RECEPTION_LABEL,
    titleOf: (r) => r.title,
    canSee: (r, actor) => canSeeOfficeRecord(r, actor),
  };
}

export async function createReception(ctx: ModuleContext, actor: Actor, b: ReceptionBody, ip?: string): Promise<string> {
  requirePermission(actor, P.manage, `新建${RECEPTION_LABEL}`);
  checkDates(b.startDate, b.endDate);
  const id = newId();
  await ctx.uow.run(async (w) => {
    await w.create(receptionSpec(), {
      id, tenant_id: actor.tenantId, title: b.title, guest_unit: b.guestUnit, start_date: b.startDate, end_date: b.endDate,
      guests_json: JSON.stringify(b.guests), programme_json: JSON.stringify(b.programme), rooms_json: JSON.stringify(b.rooms),
      meals_json: JSON.stringify(b.meals), budget_json: JSON.stringify(b.budget), ...receptionTotals(b),
      owner_user_id: actor.userId, owner_name: actor.displayName,
    }, actor, ip);
  });
  return id;
}

/** 修改接待方案: the plan while a draft; once approved only the actual spending (实际支出) of its budget lines. */
export async function editReception(ctx: ModuleContext, actor: Actor, id: string, b: ReceptionEditBody, ip?: string): Promise<void> {
  requirePermission(actor, P.manage, `修改${RECEPTION_LABEL}`);
  const r = await findReception(ctx.db, id);
  if (!r || !canSeeOfficeRecord(r, actor)) throw notFound(RECEPTION_LABEL);
  if (r.state === 'done') throw new AppError('FORBIDDEN', '已完成的接待方案不能再修改');
  const cur = parseReception(r);
  if (r.state === 'approved') {
    const changed = (['title', 'guestUnit', 'startDate', 'endDate', 'guests', 'programme', 'rooms', 'meals'] as const).find((k) => b[k] !== undefined && JSON.stringify(b[k]) !== JSON.stringify(cur[k]));
    if (changed) throw new AppError('FORBIDDEN', '接待方案已审批，只能登记经费的实际支出');
    if (b.budget && (b.budget.length !== cur.budget.length || b.budget.some((l, i) => l.item !== cur.budget[i].item || l.amount !== cur.budget[i].amount))) {
      throw invalid('budget', '「经费预算」', '已审批，只能填写实际支出');
    }
  }
  const next = { ...cur, ...Object.fromEntries(Object.entries(b).filter(([k, v]) => v !== undefined && k !== 'version')) } as typeof cur;
  checkDates(next.startDate, next.endDate);
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('logistics_receptions', id, b.version, {
      title: next.title, guest_unit: next.guestUnit, start_date: next.startDate, end_date: next.endDate,
      guests_json: JSON.stringify(next.guests), programme_json: JSON.stringify(next.programme), rooms_json: JSON.stringify(next.rooms),
      meals_json: JSON.stringify(next.meals), budget_json: JSON.stringify(next.budget), ...receptionTotals(next), updated_at: w.now,
    }, RECEPTION_LABEL);
    await w.audit({ tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'logistics_reception.edit', entityType: 'logistics_reception', entityId: id, data: { fields: Object.keys(b).filter((k) => k !== 'version') }, ip });
  });
}

export async function fireReception(ctx: ModuleContext, req: { id: string; action: string; version: number; input: Record<string, unknown>; actor: Actor; ip?: string }) {
  await ctx.uow.run(async (w) => {
    await w.fire(receptionSpec(), { id: req.id, action: req.action, expectedVersion: req.version, input: req.input, actor: req.actor, ip: req.ip, note: req.input.note as string | undefined });
  });
}

export const findReception = (db: AnyModuleDb, id: string) => logisticsDb(db).selectFrom('logistics_receptions').selectAll().where('id', '=', id).executeTakeFirst();

function parseReception(r: ReceptionRow) {
  return {
    title: r.title, guestUnit: r.guest_unit, startDate: r.start_date, endDate: r.end_date,
    guests: JSON.parse(r.guests_json), programme: JSON.parse(r.programme_json), rooms: JSON.parse(r.rooms_json), meals: JSON.parse(r.meals_json), budget: JSON.parse(r.budget_json),
  } as ReceptionBody;
}

function toReceptionItem(r: ReceptionRow): ReceptionListItem {
  return {
    id: r.id, title: r.title, guestUnit: r.guest_unit, startDate: r.start_date, endDate: r.end_date,
    guestCount: Number(r.guest_count), budgetTotal: Number(r.budget_total), actualTotal: Number(r.actual_total), ownerName: r.owner_name,
    state: r.state, stateLabel: stateLabelOf(receptionLifecycle, r.state), stateTone: stateView(receptionLifecycle, r.state).tone, version: Number(r.version),
  };
}

export async function receptionDetail(db: AnyModuleDb, r: ReceptionRow, actor: Actor): Promise<ReceptionDetail> {
  const history = await listHistory(db, 'logistics_reception', r.id);
  const p = parseReception(r);
  return {
    ...toReceptionItem(r), guests: p.guests, programme: p.programme, rooms: p.rooms, meals: p.meals, budget: p.budget,
    progress: stateView(receptionLifecycle, r.state),
    actions: allowedActions(receptionLifecycle, r.state, { record: r as unknown as ReceptionRow & { [k: string]: unknown }, actor }),
    history: history.map((h) => ({ id: h.id, action: h.action, actionLabel: actionLabelOf(receptionLifecycle, h.action), toStateLabel: stateLabelOf(receptionLifecycle, h.to_state), actorName: h.actor_name, note: h.note ?? null, at: h.at })),
    canEdit: has(actor, P.manage) && r.state !== 'done',
  };
}

/** Receptions by their first day (the figures count the same rows), with the budget and actual totals of all of them. */
export async function listReceptions(db: AnyModuleDb, actor: Actor, q: ReceptionListQuery) {
  let base = logisticsDb(db).selectFrom('logistics_receptions').where('tenant_id', '=', actor.tenantId);
  if (q.state) base = base.where('state', 'in', q.state.split(','));
  if (q.from) base = base.where('start_date', '>=', q.from);
  if (q.to) base = base.where('start_date', '<=', q.to);
  if (q.q) { const like = `%${q.q.replace(/[%_\\]/g, '')}%`; base = base.where((eb) => eb.or([eb('title', 'like', like), eb('guest_unit', 'like', like)])); }
  const [rows, agg] = await Promise.all([
    base.selectAll().orderBy('start_date', 'desc').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('budget_total').as('b'), eb.fn.sum<number>('actual_total').as('a')]).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toReceptionItem), total: Number(agg.n), budgetTotal: Number(agg.b ?? 0), actualTotal: Number(agg.a ?? 0), page: q.page, pageSize: q.pageSize };
}

// ---- 会务 ----

type Item = { id: string; category: string; label: string; owner: string; done: boolean };
const normaliseItems = (items: ChecklistBody['items']): Item[] => items.map((i) => ({ id: i.id || newId(), category: i.category || '其他', label: i.label, owner: i.owner ?? '', done: !!i.done }));

/** The record a checklist serves must be one the platform knows by that type and id (its title says so). */
async function checkLink(ctx: ModuleContext, link: { type: string; id: string } | null) {
  if (!link) return;
  const titles = await ctx.contributions.titles(link.type, [link.id]);
  if (!titles.get(link.id)) throw invalid('link', '「关联记录」', `找不到类型为 ${link.type}、编号为 ${link.id} 的记录`);
}

export async function createChecklist(ctx: ModuleContext, actor: Actor, b: ChecklistBody, ip?: string): Promise<string> {
  requirePermission(actor, P.manage, `新建${CHECKLIST_LABEL}`);
  await checkLink(ctx, b.link);
  let items = normaliseItems(b.items);
  if (b.templateId) {
    const t = await logisticsDb(ctx.db).selectFrom('logistics_checklist_templates').selectAll().where('id', '=', b.templateId).executeTakeFirst();
    if (!t || t.tenant_id !== actor.tenantId) throw invalid('templateId', '「清单模板」', '不存在');
    items = [...normaliseItems(JSON.parse(t.items_json)), ...items];
  }
  const id = newId();
  await ctx.uow.run(async (w) => {
    await logisticsDb(w.trx).insertInto('logistics_checklists').values({
      id, tenant_id: actor.tenantId, title: b.title, event_date: b.eventDate, link_type: b.link?.type ?? null, link_id: b.link?.id ?? null,
      items_json: JSON.stringify(items), items_total: items.length, items_done: items.filter((i) => i.done).length,
      owner_user_id: actor.userId, owner_name: actor.displayName, version: 1, created_at: w.now, updated_at: w.now,
    }).execute();
    await w.audit({ tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'logistics_checklist.create', entityType: 'logistics_checklist', entityId: id, data: { title: b.title }, ip });
  });
  return id;
}

/** 修改清单 (ticking an item is an edit too): under the version the client read. */
export async function editChecklist(ctx: ModuleContext, actor: Actor, id: string, b: ChecklistEditBody, ip?: string): Promise<void> {
  requirePermission(actor, P.manage, `修改${CHECKLIST_LABEL}`);
  const r = await findChecklist(ctx.db, id);
  if (!r || !canSeeOfficeRecord(r, actor)) throw notFound(CHECKLIST_LABEL);
  const set: Record<string, unknown> = {};
  if (b.title !== undefined) set.title = b.title;
  if (b.eventDate !== undefined) set.event_date = b.eventDate;
  if (b.items !== undefined) {
    const items = normaliseItems(b.items);
    Object.assign(set, { items_json: JSON.stringify(items), items_total: items.length, items_done: items.filter((i) => i.done).length });
  }
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('logistics_checklists', id, b.version, { ...set, updated_at: w.now }, CHECKLIST_LABEL);
    await w.audit({ tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'logistics_checklist.edit', entityType: 'logistics_checklist', entityId: id, data: { fields: Object.keys(set) }, ip });
  });
}

export const findChecklist = (db: AnyModuleDb, id: string) => logisticsDb(db).selectFrom('logistics_checklists').selectAll().where('id', '=', id).executeTakeFirst();

async function linkTitles(ctx: ModuleContext, rows: ChecklistRow[]) {
  const byType = new Map<string, string[]>();
  for (const r of rows) if (r.link_type && r.link_id) byType.set(r.link_type, [...(byType.get(r.link_type) ?? []), r.link_id]);
  const out = new Map<string, string>();
  for (const [type, ids] of byType) for (const [k, v] of await ctx.contributions.titles(type, ids)) out.set(`${type}:${k}`, v);
  return out;
}

const toChecklistItem = (r: ChecklistRow, titles: Map<string, string>): ChecklistListItem => ({
  id: r.id, title: r.title, eventDate: r.event_date, itemsTotal: Number(r.items_total), itemsDone: Number(r.items_done),
  link: r.link_type && r.link_id ? { type: r.link_type, id: r.link_id, title: titles.get(`${r.link_type}:${r.link_id}`) ?? null } : null,
  ownerName: r.owner_name, version: Number(r.version),
});

export async function checklistDetail(ctx: ModuleContext, r: ChecklistRow, actor: Actor): Promise<ChecklistDetail> {
  return { ...toChecklistItem(r, await linkTitles(ctx, [r])), items: JSON.parse(r.items_json), canEdit: has(actor, P.manage) };
}

/** Checklists by the activity's day (the figure 有会务保障的活动 counts the same rows). */
export async function listChecklists(ctx: ModuleContext, actor: Actor, q: ChecklistListQuery) {
  let base = logisticsDb(ctx.db).selectFrom('logistics_checklists').where('tenant_id', '=', actor.tenantId);
  if (q.from) base = base.where('event_date', '>=', q.from);
  if (q.to) base = base.where('event_date', '<=', q.to);
  if (q.open) base = base.whereRef('items_done', '<', 'items_total');
  if (q.linkType) base = base.where('link_type', '=', q.linkType);
  if (q.linkId) base = base.where('link_id', '=', q.linkId);
  if (q.q) base = base.where('title', 'like', `%${q.q.replace(/[%_\\]/g, '')}%`);
  const [rows, total] = await Promise.all([
    base.selectAll().orderBy('event_date', 'desc').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const titles = await linkTitles(ctx, rows);
  return { items: rows.map((r) => toChecklistItem(r, titles)), total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

export async function listTemplates(db: AnyModuleDb, tenantId: string) {
  const rows = await logisticsDb(db).selectFrom('logistics_checklist_templates').selectAll().where('tenant_id', '=', tenantId).orderBy('name').execute();
  return rows.map((t) => ({ id: t.id, name: t.name, items: JSON.parse(t.items_json), version: Number(t.version) }));
}

export async function createTemplate(ctx: ModuleContext, actor: Actor, b: { name: string; items: Array<{ category: string; label: string }> }, ip?: string) {
  requirePermission(actor, P.manage, '新建清单模板');
  const id = newId();
  await ctx.uow.run(async (w) => {
    await logisticsDb(w.trx).insertInto('logistics_checklist_templates').values({ id, tenant_id: actor.tenantId, name: b.name, items_json: JSON.stringify(b.items), version: 1, created_at: w.now, updated_at: w.now }).execute();
    await w.audit({ tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'logistics_template.create', entityType: 'logistics_template', entityId: id, data: { name: b.name }, ip });
  });
  return id;
}
