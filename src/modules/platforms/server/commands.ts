/**
 * Commands of 有事来商量. Each runs in one unit of work (`ctx.uow.run`): the rows, their history, the work items (待办),
 * the audit record and the events commit together or not at all, and the events are delivered from the outbox after
 * commit. Every edit is guarded by the version the client read: a stale one is a 409 VERSION_CONFLICT.
 * The five steps of a command: load → authorize → check → one transaction → events after commit.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { Work } from '../../../kernel/server/unit-of-work.ts';
import type { WorkflowSpec } from '../../../kernel/server/workflow-runner.ts';
import { AppError, invalid, notFound } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { chinaToday } from '../../../kernel/universal/working-days.ts';
import { linkAttachments } from '../../attachments/index.ts';
import { findPeople, tenantUsersHoldingRoles } from '../../identity/index.ts';
import type { ActivityCreateBody, PlatformCreateBody, PlatformEditBody, ResultCreateBody, TopicCreateBody, TopicEditBody } from '../contract.ts';
import { assignsTowns, canEditPlatform, canRecordOn, canSeePlatform, managesPlatforms } from '../domain/platform-policy.ts';
import { platformStaffRole, resultLifecycle, type ResultRecord } from '../domain/result-lifecycle.ts';
import { findActivity, findPlatform, findResult, findTopic, scopeOf, staffTownOf, type Scope } from './repository.ts';
import { platformsDb, type PlatformRow, type ResultRow } from './tables.ts';

export const PLATFORM_LABEL = '协商平台';
export const TOPIC_LABEL = '议题';
export const ACTIVITY_LABEL = '协商活动';
export const RESULT_LABEL = '协商成果';

/** How the workflow runner handles a result: its table, the worklist line, who may see it, the columns a step writes. */
export function resultSpec(scope: Scope): WorkflowSpec<ResultRow & ResultRecord> {
  return {
    workflow: resultLifecycle as WorkflowSpec<any>['workflow'],
    table: 'platforms_results',
    entityLabel: RESULT_LABEL,
    titleOf: (r) => `${r.content.slice(0, 40)}（${r.responsible_body}）`,
    canSee: (r, actor) => (r.convener_user_id !== null && r.convener_user_id === actor.userId) || scope.tenants.includes(r.tenant_id),
    async apply({ transition, input, now }) {
      if (transition.name === 'implement') return { feedback: input.feedback as string, implemented_on: (input.implementedOn as string | undefined) ?? chinaToday(new Date(now)) };
      if (transition.name === 'evaluate') return { evaluation: input.evaluation as string };
      return {};
    },
  };
}

/** A platform the actor may see, or 404 (another county's platform is not found, not forbidden). */
export async function visiblePlatform(ctx: ModuleContext, actor: Actor, id: string, scope?: Scope): Promise<{ p: PlatformRow; scope: Scope }> {
  const s = scope ?? await scopeOf(ctx.db, actor);
  const p = await findPlatform(ctx.db, id);
  if (!p || !p.active || !canSeePlatform(p, actor, s.tenants, s.town)) throw notFound(PLATFORM_LABEL);
  return { p, scope: s };
}

/** The convener and attached members must be members of the platform's county or of a CPPCC above it. */
async function checkPeople(ctx: ModuleContext, actor: Actor, body: { convenerUserId?: string | null; memberUserIds?: string[] }) {
  const ids = [...(body.convenerUserId ? [body.convenerUserId] : []), ...(body.memberUserIds ?? [])];
  const people = await findPeople(ctx.db, ids);
  const ok = (id: string) => { const p = people.get(id); return p && p.roles.includes('member'); };
  if (body.convenerUserId && !ok(body.convenerUserId)) throw invalid('convenerUserId', '「召集人（委员）」', '不是有效的委员');
  const bad = (body.memberUserIds ?? []).findIndex((id) => !ok(id));
  if (bad >= 0) throw invalid(`memberUserIds.${bad}`, '「联系委员」', '包含无效的委员');
  return people;
}

const platformEvent = (w: Work, p: { id: string; tenant_id: string; name: string; version: number }, action: string, actor: Actor, ip?: string, data?: Record<string, unknown>) =>
  w.record({ tenantId: p.tenant_id, entityType: 'platforms_platform', entityId: p.id, to: 'active', from: action === 'create' ? null : undefined, action, actor, ip, data, event: { title: p.name, version: p.version } });

/** 登记协商平台: a county's platform staff register a platform in their own county. */
export async function createPlatform(ctx: ModuleContext, actor: Actor, body: PlatformCreateBody, ip?: string): Promise<string> {
  if (!managesPlatforms(actor)) throw new AppError('FORBIDDEN', '只有县（区）有事来商量工作人员可以登记协商平台');
  const town = await staffTownOf(ctx.db, actor.userId);
  if (town && body.town !== town) throw invalid('town', '「乡镇（街道）」', `只能是您负责的${town}`);
  await checkPeople(ctx, actor, body);
  const id = newId();
  await ctx.uow.run(async (w) => {
    const dup = await platformsDb(w.trx).selectFrom('platforms_registry').select('id').where('tenant_id', '=', actor.tenantId).where('town', '=', body.town).where('village', '=', body.village).executeTakeFirst();
    if (dup) throw invalid('village', '「村（社区）」', `${body.town}${body.village}已有协商平台`);
    const row = {
      id, tenant_id: actor.tenantId, town: body.town, village: body.village, name: body.name, convener_user_id: body.convenerUserId ?? null,
      convener_name: body.convenerName, convener_phone: body.convenerPhone ?? null, member_user_ids: (body.memberUserIds ?? []).join(','),
      established_on: body.establishedOn, active: 1, version: 1, created_at: w.now, updated_at: w.now,
    };
    await platformsDb(w.trx).insertInto('platforms_registry').values(row).execute();
    await platformEvent(w, row, 'create', actor, ip);
  });
  return id;
}

/** 修改协商平台: the staff of its county, under the version read. */
export async function editPlatform(ctx: ModuleContext, actor: Actor, id: string, body: PlatformEditBody, ip?: string): Promise<void> {
  const { p, scope } = await visiblePlatform(ctx, actor, id);
  if (!canEditPlatform(p, actor, scope.town)) throw new AppError('FORBIDDEN', '只有本县（区）有事来商量工作人员可以修改协商平台');
  if (scope.town && body.town !== undefined && body.town !== scope.town) throw invalid('town', '「乡镇（街道）」', `只能是您负责的${scope.town}`);
  await checkPeople(ctx, actor, body);
  const town = body.town ?? p.town;
  const village = body.village ?? p.village;
  if (town !== p.town || village !== p.village) {
    const dup = await platformsDb(ctx.db).selectFrom('platforms_registry').select('id').where('tenant_id', '=', p.tenant_id).where('town', '=', town).where('village', '=', village).where('id', '<>', id).executeTakeFirst();
    if (dup) throw invalid('village', '「村（社区）」', `${town}${village}已有协商平台`);
  }
  const set: Record<string, unknown> = {};
  if (body.town !== undefined) set.town = body.town;
  if (body.village !== undefined) set.village = body.village;
  if (body.name !== undefined) set.name = body.name;
  if (body.convenerUserId !== undefined) set.convener_user_id = body.convenerUserId;
  if (body.convenerName !== undefined) set.convener_name = body.convenerName;
  if (body.convenerPhone !== undefined) set.convener_phone = body.convenerPhone;
  if (body.memberUserIds !== undefined) set.member_user_ids = body.memberUserIds.join(',');
  if (body.establishedOn !== undefined) set.established_on = body.establishedOn;
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('platforms_registry', id, body.version, { ...set, updated_at: w.now }, PLATFORM_LABEL);
    await platformEvent(w, { ...p, version: body.version + 1 }, 'edit', actor, ip, { fields: Object.keys(set) });
  });
}

async function recordablePlatform(ctx: ModuleContext, actor: Actor, id: string) {
  const v = await visiblePlatform(ctx, actor, id);
  if (!canRecordOn(v.p, actor, v.scope.town)) throw new AppError('FORBIDDEN', '只有平台召集人或本县（区）有事来商量工作人员可以记录');
  return v;
}

/** 议题清单: add a topic to a platform's list. */
export async function addTopic(ctx: ModuleContext, actor: Actor, platformId: string, body: TopicCreateBody, ip?: string): Promise<string> {
  const { p } = await recordablePlatform(ctx, actor, platformId);
  if (body.raisedOn > ctx.calendar.today()) throw invalid('raisedOn', '「提出日期」', '不能晚于今天');
  const id = newId();
  await ctx.uow.run(async (w) => {
    await platformsDb(w.trx).insertInto('platforms_topics').values({
      id, tenant_id: p.tenant_id, platform_id: p.id, title: body.title, raised_by: body.raisedBy, raised_on: body.raisedOn, status: 'open', version: 1, created_at: w.now, updated_at: w.now,
    }).execute();
    await w.record({ tenantId: p.tenant_id, entityType: 'platforms_topic', entityId: id, from: null, to: 'open', action: 'create', actor, ip, event: { title: body.title, version: 1 } });
  });
  return id;
}

/** A topic's status (已协商, 不予协商), under its version. */
export async function editTopic(ctx: ModuleContext, actor: Actor, topicId: string, body: TopicEditBody, ip?: string): Promise<string> {
  const t = await findTopic(ctx.db, topicId);
  if (!t) throw notFound(TOPIC_LABEL);
  const { p } = await recordablePlatform(ctx, actor, t.platform_id).catch((e) => { throw e instanceof AppError && e.code === 'NOT_FOUND' ? notFound(TOPIC_LABEL) : e; });
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('platforms_topics', t.id, body.version, { status: body.status, updated_at: w.now }, TOPIC_LABEL);
    await w.record({ tenantId: p.tenant_id, entityType: 'platforms_topic', entityId: t.id, from: t.status, to: body.status, action: 'status', actor, ip, event: { title: t.title, version: body.version + 1 } });
  });
  return p.id;
}

async function handResults(ctx: ModuleContext, w: Work, scope: Scope, p: PlatformRow, activityId: string, heldOn: string, results: ResultCreateBody[], actor: Actor, ip?: string) {
  for (const [i, r] of results.entries()) {
    if (r.dueDate < heldOn) throw invalid(`results.${i}.dueDate`, '「落实期限」', '不能早于协商日期');
    await w.create(resultSpec(scope), {
      id: newId(), tenant_id: p.tenant_id, platform_id: p.id, activity_id: activityId, convener_user_id: p.convener_user_id,
      content: r.content, responsible_body: r.responsibleBody, handed_on: heldOn, due_date: r.dueDate,
      feedback: null, implemented_on: null, evaluation: null,
    } as Omit<ResultRow & ResultRecord, 'state' | 'version' | 'created_at' | 'updated_at'>, actor, ip);
  }
}

/** 记录协商活动: a consultation held, with its photos and the results it handed over (each tracked to 已落实). */
export async function recordActivity(ctx: ModuleContext, actor: Actor, platformId: string, body: ActivityCreateBody, ip?: string): Promise<string> {
  const { p, scope } = await recordablePlatform(ctx, actor, platformId);
  if (body.heldOn > ctx.calendar.today()) throw invalid('heldOn', '「协商日期」', '不能晚于今天');
  if (body.heldOn < p.established_on) throw invalid('heldOn', '「协商日期」', '不能早于平台设立日期');
  if (body.topicId) {
    const t = await findTopic(ctx.db, body.topicId);
    if (!t || t.platform_id !== p.id) throw invalid('topicId', '「议题」', '不是本平台议题清单中的议题');
  }
  const id = newId();
  await ctx.uow.run(async (w) => {
    await platformsDb(w.trx).insertInto('platforms_activities').values({
      id, tenant_id: p.tenant_id, platform_id: p.id, topic_id: body.topicId ?? null, topic: body.topic, held_on: body.heldOn,
      members_count: body.membersCount, residents_count: body.residentsCount, participants: body.participants, minutes: body.minutes,
      recorded_by: actor.userId, recorded_by_name: actor.displayName, version: 1, created_at: w.now, updated_at: w.now,
    }).execute();
    if (body.attachmentIds?.length) await linkAttachments(w.trx, { ids: body.attachmentIds, entityType: 'platforms_activity', entityId: id, actor, field: 'attachmentIds' });
    if (body.topicId) {
      await platformsDb(w.trx).updateTable('platforms_topics').set((eb) => ({ status: 'consulted', version: eb('version', '+', 1), updated_at: w.now }))
        .where('id', '=', body.topicId).where('status', '=', 'open').execute();
    }
    await w.record({ tenantId: p.tenant_id, entityType: 'platforms_activity', entityId: id, from: null, to: 'held', action: 'create', actor, ip, event: { title: body.topic, version: 1 }, data: { platformId: p.id, results: body.results.length } });
    await handResults(ctx, w, scope, p, id, body.heldOn, body.results, actor, ip);
  });
  return id;
}

/** One more result of a consultation already recorded. */
export async function addResult(ctx: ModuleContext, actor: Actor, activityId: string, body: ResultCreateBody, ip?: string): Promise<string> {
  const a = await findActivity(ctx.db, activityId);
  if (!a) throw notFound(ACTIVITY_LABEL);
  const { p, scope } = await recordablePlatform(ctx, actor, a.platform_id).catch((e) => { throw e instanceof AppError && e.code === 'NOT_FOUND' ? notFound(ACTIVITY_LABEL) : e; });
  if (body.dueDate < a.held_on) throw invalid('dueDate', '「落实期限」', '不能早于协商日期');
  let id = '';
  await ctx.uow.run(async (w) => {
    await handResults(ctx, w, scope, p, a.id, a.held_on, [body], actor, ip);
    id = (await platformsDb(w.trx).selectFrom('platforms_results').select('id').where('activity_id', '=', a.id).orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
  });
  return id;
}

/** Fire a result's lifecycle action (落实, 评价): the runner checks state, role, guard, input and version. */
export async function fireResult(ctx: ModuleContext, req: { id: string; action: string; version: number; input: Record<string, unknown>; actor: Actor; ip?: string }): Promise<ResultRow> {
  const scope = await scopeOf(ctx.db, req.actor);
  const r = await findResult(ctx.db, req.id);
  if (!r || !resultSpec(scope).canSee(r as ResultRow & ResultRecord, req.actor)) throw notFound(RESULT_LABEL);
  // a town's staff act on the results of their town's platforms only
  if (scope.town && r.convener_user_id !== req.actor.userId && (await findPlatform(ctx.db, r.platform_id))?.town !== scope.town) throw notFound(RESULT_LABEL);
  await ctx.uow.run(async (w) => {
    await w.fire(resultSpec(scope), { id: req.id, action: req.action, expectedVersion: req.version, input: req.input, actor: req.actor, ip: req.ip });
  });
  return (await findResult(ctx.db, req.id))!;
}

/** 乡镇工作人员: limit a platform staff account of the county to one town, or give it the whole county back (null). */
export async function setStaffTown(ctx: ModuleContext, actor: Actor, userId: string, town: string | null, ip?: string): Promise<void> {
  if (!assignsTowns(actor, await staffTownOf(ctx.db, actor.userId))) throw new AppError('FORBIDDEN', '只有县（区）有事来商量工作人员可以设置乡镇工作人员');
  const staff = await tenantUsersHoldingRoles(ctx.db, actor.tenantId, [platformStaffRole]);
  if (!staff.includes(userId)) throw invalid('userId', '「工作人员」', '不是本县（区）的有事来商量工作人员');
  if (userId === actor.userId) throw invalid('userId', '「工作人员」', '不能限定本人');
  await ctx.uow.run(async (w) => {
    const db = platformsDb(w.trx);
    await db.deleteFrom('platforms_staff_towns').where('user_id', '=', userId).execute();
    if (town) await db.insertInto('platforms_staff_towns').values({ user_id: userId, tenant_id: actor.tenantId, town, updated_at: w.now }).execute();
    await w.audit({ tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'platforms_staff.town', entityType: 'user', entityId: userId, data: { town }, ip });
    await w.emit({ type: 'platforms_staff.town_set', tenantId: actor.tenantId, entityType: 'user', entityId: userId, actorId: actor.userId, audience: { userIds: [userId], orgIds: [], roles: [] }, payload: { town } });
  });
}
