/**
 * Commands on 建议落实. Each runs in one unit of work (`ctx.uow.run`): the rows, their history, their work items (待办),
 * the audit records and the events commit together or not at all, and the events are delivered from the outbox after
 * commit. Every write on an existing record is guarded by the version the client read: a stale one is a 409.
 *
 * Recommendations arrive two ways, both through `trackIn`: another module's `recommendations.requested` event (one
 * part per entry and department, keyed by source, entry key and department, so a repeated delivery creates nothing),
 * and the office entering a report's recommendations by hand.
 */
import { requirePermission, systemActor, type Actor } from '../../../kernel/server/actor.ts';
import type { DomainEvent } from '../../../kernel/server/events.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { Work } from '../../../kernel/server/unit-of-work.ts';
import type { WorkflowSpec } from '../../../kernel/server/workflow-runner.ts';
import { AppError, invalid, notFound } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { linkAttachments } from '../../attachments/index.ts';
import { loadActor, usersHoldingRoles } from '../../identity/index.ts';
import { listUnits } from '../../organizations/index.ts';
import type { AnySourceType, InstructionBody, RecommendationsCreateBody, RecommendationsInstructedPayload, RecommendationsRequestedPayload } from '../contract.ts';
import { owingStates, recommendationsLifecycle, recommendationsPermissions } from '../domain/recommendations-lifecycle.ts';
import { canSeeItem, isUnitActor, readsAll } from '../domain/recommendations-policy.ts';
import { findItem, trackedKeys } from './repository.ts';
import { recommendationsDb } from './tables.ts';
import { readRecommendationsSettings } from './settings.ts';
import type { RecommendationRow } from './tables.ts';

type Row = RecommendationRow & { [k: string]: unknown };

/** The entity's Chinese name, for messages such as 「建议不存在或无权查看」 and 「建议已被他人修改」. */
export const ITEM_LABEL = '建议';
/** The office's work item on an extension request (a side task beside the department's). */
export const EXTENSION_TASK = 'recommendation_extension';

/**
 * How the workflow runner handles this record: its table, its name, the line shown in the worklist, who may see it,
 * and `apply`, the columns a transition writes besides state and version. `apply` runs inside the transaction and
 * writes through `trx` only (the evidence attachments are linked to the record there).
 */
export function itemSpec(): WorkflowSpec<RecommendationRow & { [k: string]: unknown }> {
  return {
    workflow: recommendationsLifecycle as WorkflowSpec<any>['workflow'],
    table: 'recommendations',
    entityLabel: ITEM_LABEL,
    titleOf: (r) => `${r.source_title}：${r.text.length > 40 ? `${r.text.slice(0, 40)}…` : r.text}`,
    canSee: (r, actor) => canSeeItem(r, actor),
    async apply({ trx, record, transition, input, actor, now }) {
      switch (transition.name) {
        case 'reply': {
          const ids = (input.attachmentIds as string[] | undefined) ?? [];
          if (ids.length) await linkAttachments(trx, { ids, entityType: 'recommendation', entityId: record.id, actor, field: 'input.attachmentIds' });
          // a reply answers a pending extension request too: the department has done what it asked time for
          return { feedback: input.feedback as string, replied_at: now, first_reply_at: record.first_reply_at ?? now, ...(record.ext_state === 'requested' ? { ext_state: null } : {}) };
        }
        case 'mark_in_progress': return { assessment: input.note as string, due_date: input.nextDueDate as string };
        case 'mark_implemented': return { assessment: (input.note as string | undefined) ?? null, closed_at: now };
        case 'not_implemented': return { not_done_reason: input.reason as string, closed_at: now };
        case 'return': return { return_reason: input.reason as string };
        default: return {};
      }
    },
  };
}

/** One recommendation to track, for one or several departments. */
interface Entry {
  key: string;
  text: string;
  unitIds: string[];
  dueInWorkingDays: number;
  instruction?: { by: string; text: string; at: string | null };
}
interface Source { module: string; type: AnySourceType; id: string; title: string; link: string | null }

/**
 * Create, in the unit of work, one part per entry and department not tracked yet (`already` holds `key|unitId`).
 * `units` are the tenant's handling units (read before the transaction). Returns the ids created.
 */
async function trackIn(w: Work, ctx: ModuleContext, o: {
  tenantId: string; source: Source; entries: Entry[]; actor: Actor; units: Map<string, string>; already: Set<string>; ip?: string;
  /** when the source sent them on (its event's time): the due date counts from that day, and it is the hand-over time */
  requestedAt?: string;
}): Promise<string[]> {
  const created: string[] = [];
  const today = ctx.calendar.today();
  // a delivery retried later (or a report sent before the tracker existed) counts from the day it was sent, not today
  const requestedAt = o.requestedAt && o.requestedAt < w.now ? o.requestedAt : null;
  const from = requestedAt ? chinaDay(requestedAt) : today;
  for (const e of o.entries) {
    for (const unitId of [...new Set(e.unitIds)]) {
      const unitName = o.units.get(unitId);
      if (!unitName || o.already.has(`${e.key}|${unitId}`)) continue;
      const id = newId();
      await w.create(itemSpec(), {
        id, tenant_id: o.tenantId, source_type: o.source.type, source_module: o.source.module, source_id: o.source.id, source_title: o.source.title,
        source_link: o.source.link, item_key: e.key, text: e.text, unit_id: unitId, unit_name: unitName,
        instruction_by: e.instruction?.by ?? null, instruction_text: e.instruction?.text ?? null, instruction_at: e.instruction?.at ?? null,
        requested_by: o.actor.userId, requested_by_name: o.actor.displayName,
        due_date: ctx.calendar.addWorkingDays(from, e.dueInWorkingDays),
        feedback: null, first_reply_at: null, replied_at: null, assessment: null, not_done_reason: null, return_reason: null,
        ext_state: null, ext_reason: null, ext_due_date: null, ext_answer: null, closed_at: null,
      }, o.actor, o.ip);
      // handed over when it was sent (the figures and the board's age count from then)
      if (requestedAt) await recommendationsDb(w.trx).updateTable('recommendations').set({ created_at: requestedAt, updated_at: requestedAt }).where('id', '=', id).execute();
      o.already.add(`${e.key}|${unitId}`);
      created.push(id);
    }
  }
  return created;
}

/** The China date of a stored UTC instant. */
const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

async function unitsOf(ctx: ModuleContext, tenantId: string): Promise<Map<string, string>> {
  return new Map((await listUnits(ctx.db, tenantId)).map((u) => [u.id, u.short_name ?? u.name]));
}

/**
 * The subscriber of `recommendations.requested`: track every entry once, all in one unit of work. A department that
 * is not a handling unit of the tenant is skipped (and named in the audit record) rather than failing the delivery
 * for ever; a repeated delivery finds its parts tracked and creates nothing.
 */
export async function onRecommendationsRequested(ctx: ModuleContext, e: DomainEvent): Promise<string[]> {
  const p = e.payload as unknown as RecommendationsRequestedPayload;
  const tenantId = p.tenantId ?? e.tenantId;
  // reads first: on SQLite the transaction holds the one connection
  const units = await unitsOf(ctx, tenantId);
  const already = await trackedKeys(ctx.db, tenantId, p.source.type, p.source.id);
  let actor: Actor;
  try { actor = await loadActor(ctx.db, p.requestedBy); } catch { actor = systemActor(tenantId); }
  const skipped = [...new Set(p.items.flatMap((i) => i.unitIds).filter((u) => !units.has(u)))];
  return ctx.uow.run(async (w) => {
    const ids = await trackIn(w, ctx, {
      tenantId, actor, units, already, requestedAt: e.at,
      source: { module: p.source.module, type: p.source.type, id: p.source.id, title: p.source.title, link: p.source.link ?? null },
      entries: p.items.map((i) => ({ key: i.key, text: i.text, unitIds: i.unitIds, dueInWorkingDays: i.dueInWorkingDays, instruction: i.instruction })),
    });
    if (ids.length || skipped.length) {
      await w.audit({
        tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'recommendation.track', entityType: 'recommendation_source', entityId: `${p.source.type}:${p.source.id}`,
        data: { event: e.id ?? null, created: ids.length, ...(skipped.length ? { skippedUnits: skipped } : {}) },
      });
    }
    return ids;
  });
}

/** 录入建议: the office enters one recommendation of a report by hand, one part per responsible department. */
export async function createItems(ctx: ModuleContext, actor: Actor, body: RecommendationsCreateBody, ip?: string): Promise<string[]> {
  requirePermission(actor, recommendationsPermissions.create, `录入${ITEM_LABEL}`);
  const units = await unitsOf(ctx, actor.tenantId);
  const bad = body.unitIds.find((u) => !units.has(u));
  if (bad) throw invalid('unitIds', '「责任单位」', '应为本级政协的承办单位');
  if (!!body.instructionBy !== !!body.instructionText) {
    throw invalid(body.instructionBy ? 'instructionText' : 'instructionBy', body.instructionBy ? '「批示内容」' : '「批示领导」', '填写批示时不能为空');
  }
  const settings = await readRecommendationsSettings(ctx, actor.tenantId);
  // a hand-entered document is its own source: its title names it, an id is given to it
  const sourceId = newId();
  const key = body.itemKey ?? '1';
  const ids = await ctx.uow.run((w) => trackIn(w, ctx, {
    tenantId: actor.tenantId, actor, units, already: new Set(), ip,
    source: { module: 'recommendations', type: body.sourceType, id: sourceId, title: body.sourceTitle, link: null },
    entries: [{
      key, text: body.text, unitIds: body.unitIds, dueInWorkingDays: body.dueInWorkingDays ?? settings.dueWorkingDays,
      instruction: body.instructionBy && body.instructionText ? { by: body.instructionBy, text: body.instructionText, at: body.instructionAt ?? null } : undefined,
    }],
  }));
  return ids;
}

/** Fire a lifecycle action: the runner checks state, role, permission, guard and input, and the version. */
export async function fireItem(ctx: ModuleContext, req: { id: string; action: string; version: number; input: Record<string, unknown>; actor: Actor; ip?: string }): Promise<void> {
  await ctx.uow.run(async (w) => {
    const res = await w.fire(itemSpec(), { id: req.id, action: req.action, expectedVersion: req.version, input: req.input, actor: req.actor, ip: req.ip });
    // a reply settles a pending extension request: the office's work item on it closes
    if (res.transition.name === 'reply') await w.closeTasks(EXTENSION_TASK, req.id);
  });
}

async function loadVisible(ctx: ModuleContext, id: string, actor: Actor): Promise<RecommendationRow> {
  const r = await findItem(ctx.db, id);
  if (!r || !canSeeItem(r, actor)) throw notFound(ITEM_LABEL);
  return r;
}

/** May the department ask for more time now: its own part, a reply owed, no request waiting. */
export const canRequestExtension = (r: RecommendationRow, actor: Actor) =>
  isUnitActor(actor) && r.unit_id === actor.orgId && r.tenant_id === actor.tenantId
  && (owingStates as readonly string[]).includes(r.state) && r.ext_state !== 'requested';
/** May the office decide an extension request now. */
export const canDecideExtension = (r: RecommendationRow, actor: Actor) =>
  r.tenant_id === actor.tenantId && r.ext_state === 'requested' && (actor.permissions.has('*') || actor.permissions.has(recommendationsPermissions.assess)) && readsAll(actor);

/** 延期申请: the department asks for a later due date, with its reason; the office gets a work item to decide it. */
export async function requestExtension(ctx: ModuleContext, actor: Actor, id: string, body: { version: number; reason: string; dueDate: string }, ip?: string): Promise<void> {
  const r = await loadVisible(ctx, id, actor);
  if (!canRequestExtension(r, actor)) {
    throw new AppError('FORBIDDEN', r.ext_state === 'requested' ? '已有延期申请等待审核' : '只有责任单位在反馈期限内可以申请延期');
  }
  if (r.due_date && body.dueDate <= r.due_date) throw invalid('dueDate', '「申请延至」', `应晚于现在的反馈期限 ${r.due_date}`);
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('recommendations', id, body.version, { ext_state: 'requested', ext_reason: body.reason, ext_due_date: body.dueDate, ext_answer: null, updated_at: w.now }, ITEM_LABEL);
    await w.record({ tenantId: r.tenant_id, entityType: 'recommendation', entityId: id, to: r.state, action: 'request_extension', actor, note: `申请延至 ${body.dueDate}：${body.reason}`, data: { dueDate: body.dueDate }, ip, event: { title: itemSpec().titleOf(r as Row), version: body.version + 1 } });
    await w.openTask({
      tenantId: r.tenant_id, entityType: EXTENSION_TASK, entityId: id, recordType: 'recommendation', state: r.state, title: itemSpec().titleOf(r as Row),
      label: '建议落实延期申请', orgId: r.tenant_id, role: 'office_staff', dueDate: ctx.calendar.addWorkingDays(ctx.calendar.today(), 3), actor,
    });
  });
}

/** 审核延期: the office grants (the due date and the department's work item move) or refuses (with its answer). */
export async function decideExtension(ctx: ModuleContext, actor: Actor, id: string, body: { version: number; grant: boolean; dueDate?: string; answer?: string }, ip?: string): Promise<void> {
  const r = await loadVisible(ctx, id, actor);
  requirePermission(actor, recommendationsPermissions.assess, '审核延期申请');
  if (!canDecideExtension(r, actor)) throw new AppError('FORBIDDEN', '没有等待审核的延期申请');
  const today = ctx.calendar.today();
  const due = body.dueDate ?? r.ext_due_date ?? today;
  if (body.grant && due <= today) throw invalid('dueDate', '「延至」', '应晚于今天');
  if (!body.grant && !body.answer) throw invalid('answer', '「审核意见」', '不同意延期时不能为空');
  await ctx.uow.run(async (w) => {
    const set = body.grant
      ? { ext_state: 'granted', ext_answer: body.answer ?? null, ext_due_date: due, due_date: due, updated_at: w.now }
      : { ext_state: 'refused', ext_answer: body.answer ?? null, updated_at: w.now };
    await w.bumpVersion('recommendations', id, body.version, set, ITEM_LABEL);
    await w.record({
      tenantId: r.tenant_id, entityType: 'recommendation', entityId: id, to: r.state, action: body.grant ? 'grant_extension' : 'refuse_extension', actor,
      note: body.grant ? `延至 ${due}${body.answer ? `：${body.answer}` : ''}` : body.answer ?? null, ip, event: { title: itemSpec().titleOf(r as Row), version: body.version + 1 },
    });
    await w.closeTasks(EXTENSION_TASK, id);
    // the department's work item is due on the new date
    if (body.grant) await w.openStateTask(itemSpec(), { ...r, ...set, version: body.version + 1 } as Row);
  });
}

/** May the actor record a leader's instruction (批示) on the record: the office or a leader of its CPPCC. */
export const canRecordInstruction = (r: RecommendationRow, actor: Actor) =>
  r.tenant_id === actor.tenantId && readsAll(actor) && (actor.permissions.has('*') || actor.permissions.has(recommendationsPermissions.instruct));

/**
 * Record a 批示 in the unit of work: one row, and a history step on every part it concerns (no state changes; only the
 * part it was recorded on moves its version, since no one edits an instruction). Returns the parts concerned, for the
 * notices sent after commit.
 */
async function instructIn(w: Work, o: {
  tenantId: string; sourceType: string; sourceId: string; itemKey: string | null; by: string; text: string; onDate: string;
  documentId: string | null; eventId: string | null; actor: Actor; ip?: string; bumped?: { id: string; version: number };
}): Promise<RecommendationRow[]> {
  const db = recommendationsDb(w.trx);
  await db.insertInto('recommendation_instructions').values({
    id: newId(), tenant_id: o.tenantId, source_type: o.sourceType, source_id: o.sourceId, item_key: o.itemKey, by_name: o.by, text: o.text, on_date: o.onDate,
    document_id: o.documentId, event_id: o.eventId, recorded_by: o.actor.userId, recorded_by_name: o.actor.displayName, created_at: w.now,
  }).execute();
  let q = db.selectFrom('recommendations').selectAll().where('tenant_id', '=', o.tenantId).where('source_type', '=', o.sourceType).where('source_id', '=', o.sourceId);
  if (o.itemKey !== null) q = q.where('item_key', '=', o.itemKey);
  const parts = await q.execute();
  // the record's own columns keep the instruction it was handed over with; a part without one takes this (so lists mark it)
  const set = { instruction_by: o.by, instruction_text: o.text, instruction_at: o.onDate };
  if (o.bumped) {
    const own = parts.find((p) => p.id === o.bumped!.id);
    await w.bumpVersion('recommendations', o.bumped.id, o.bumped.version, { ...(own?.instruction_text ? {} : set), updated_at: w.now }, ITEM_LABEL);
  }
  let u = db.updateTable('recommendations').set(set).where('tenant_id', '=', o.tenantId).where('source_type', '=', o.sourceType).where('source_id', '=', o.sourceId).where('instruction_text', 'is', null);
  if (o.itemKey !== null) u = u.where('item_key', '=', o.itemKey);
  if (o.bumped) u = u.where('id', '!=', o.bumped.id);
  await u.execute();
  for (const p of parts) {
    await w.record({
      tenantId: p.tenant_id, entityType: 'recommendation', entityId: p.id, to: p.state, action: 'instruct', actor: o.actor, note: `${o.by}（${o.onDate}）：${o.text}`, ip: o.ip,
      data: { scope: o.itemKey === null ? 'source' : 'recommendation', ...(o.documentId ? { documentId: o.documentId } : {}) },
      event: { title: itemSpec().titleOf(p as Row), version: o.bumped?.id === p.id ? o.bumped.version + 1 : Number(p.version) },
    });
  }
  return parts;
}

/** Tell the clerks and leaders of every department concerned, once per instruction and department. */
async function tellDepartments(ctx: ModuleContext, parts: RecommendationRow[], o: { by: string; text: string; key: string }): Promise<void> {
  const byUnit = new Map<string, RecommendationRow[]>();
  for (const p of parts) {
    if (p.state === 'implemented' || p.state === 'not_implemented') continue;
    byUnit.set(p.unit_id, [...(byUnit.get(p.unit_id) ?? []), p]);
  }
  for (const [unitId, own] of byUnit) {
    const users = await usersHoldingRoles(ctx.db, [unitId], ['unit_handler', 'unit_leader']);
    if (!users.length) continue;
    const first = own[0];
    const what = own.length === 1 ? `「${first.source_title}」的建议：${first.text.length > 30 ? `${first.text.slice(0, 30)}…` : first.text}` : `「${first.source_title}」中本单位承办的 ${own.length} 条建议`;
    await ctx.notifier.notify({
      tenantId: first.tenant_id, userIds: [...new Set(users)], kind: 'instruction', title: `领导批示：${first.source_title}`,
      body: `${o.by}对${what}作出批示：${o.text}`, link: own.length === 1 ? `/recommendations/${first.id}` : '/recommendations/mine', key: `recommendation-instruction|${o.key}|${unitId}`,
    });
  }
}

/** 记录批示: the office (or a leader) records a leader's instruction on a recommendation or its whole report. */
export async function recordInstruction(ctx: ModuleContext, actor: Actor, id: string, body: InstructionBody, ip?: string): Promise<void> {
  const r = await loadVisible(ctx, id, actor);
  requirePermission(actor, recommendationsPermissions.instruct, '记录领导批示');
  if (!canRecordInstruction(r, actor)) throw new AppError('FORBIDDEN', '只有本级政协办公室或领导可以记录批示');
  if (body.onDate > ctx.calendar.today()) throw invalid('onDate', '「批示日期」', '不能晚于今天');
  if (body.onDate < chinaDay(r.created_at)) throw invalid('onDate', '「批示日期」', `不能早于建议交办日期 ${chinaDay(r.created_at)}`);
  const instructionId = newId();
  const parts = await ctx.uow.run(async (w) => {
    if (body.documentId) await linkAttachments(w.trx, { ids: [body.documentId], entityType: 'recommendation', entityId: id, actor, field: 'documentId' });
    return instructIn(w, {
      tenantId: r.tenant_id, sourceType: r.source_type, sourceId: r.source_id, itemKey: body.scope === 'source' ? null : r.item_key,
      by: body.by, text: body.text, onDate: body.onDate, documentId: body.documentId ?? null, eventId: null, actor, ip, bumped: { id, version: body.version },
    });
  });
  await tellDepartments(ctx, parts, { by: body.by, text: body.text, key: instructionId });
}

/** The subscriber of `recommendations.instructed`: a source's later 批示, recorded once per event. */
export async function onRecommendationsInstructed(ctx: ModuleContext, e: DomainEvent): Promise<void> {
  const p = e.payload as unknown as RecommendationsInstructedPayload;
  const tenantId = p.tenantId ?? e.tenantId;
  const eventId = e.id ?? null;
  if (eventId && await recommendationsDb(ctx.db).selectFrom('recommendation_instructions').select('id').where('event_id', '=', eventId).executeTakeFirst()) return;
  let actor: Actor;
  try { actor = await loadActor(ctx.db, p.recordedBy); } catch { actor = systemActor(tenantId); }
  const keys = p.itemKeys?.length ? [...new Set(p.itemKeys)] : [null];
  const parts = await ctx.uow.run(async (w) => {
    const all: RecommendationRow[] = [];
    for (const key of keys) {
      // one row per key; the event's id marks the first, so a repeated delivery finds it and stops
      all.push(...await instructIn(w, {
        tenantId, sourceType: p.source.type, sourceId: p.source.id, itemKey: key, by: p.instruction.by, text: p.instruction.text, onDate: p.instruction.onDate,
        documentId: p.instruction.documentId ?? null, eventId: key === keys[0] ? eventId : null, actor,
      }));
    }
    return all;
  });
  await tellDepartments(ctx, parts, { by: p.instruction.by, text: p.instruction.text, key: eventId ?? newId() });
}
