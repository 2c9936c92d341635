/**
 * Commands on 委员工作室. Each runs in one unit of work (`ctx.uow.run`): the rows, the audit record and the event commit
 * together or not at all. Edits carry the version read: a stale one is a 409 VERSION_CONFLICT. Who may record is the
 * rule of `studio-rules.ts`: the office, or the studio's members; the convener (or the office) manages its members.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { Work } from '../../../kernel/server/unit-of-work.ts';
import { AppError, forbidden, invalid, notFound } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { findPeople } from '../../identity/index.ts';
import { membersAmong } from '../../organizations/index.ts';
import type { ActivityCreateBody, CaseCreateBody, CaseEditBody, LoanCreateBody, NeedCreateBody, OfferCreateBody, ProjectCreateBody, StudioCreateBody, StudioEditBody } from '../contract.ts';
import { managesStudios, mayManageStudio, mayRecordIn, recordKindsOf } from '../domain/studio-rules.ts';
import { findStudio } from './repository.ts';
import { studiosDb } from './tables.ts';

export const STUDIO_LABEL = '委员工作室';

/** The given user ids as members (委员) of the actor's CPPCC with their names; anyone else is a 400 naming the field. */
async function membersNamed(ctx: ModuleContext, actor: Actor, ids: readonly string[], field: string, label: string): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const [ok, people] = await Promise.all([membersAmong(ctx.db, actor.tenantId, unique), findPeople(ctx.db, unique)]);
  const bad = unique.find((u) => !ok.has(u) || !people.has(u));
  if (bad) throw invalid(field, `「${label}」`, '应为本级政协委员');
  return new Map(unique.map((u) => [u, people.get(u)!.name]));
}

const audit = (w: Work, actor: Actor, action: string, entityType: string, entityId: string, ip?: string, data?: Record<string, unknown>) =>
  w.audit({ tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action, entityType, entityId, ip, ...(data ? { data } : {}) });

/** A studio the actor may see (their CPPCC's), else 404. */
export async function visibleStudio(ctx: ModuleContext, actor: Actor, id: string) {
  const s = await findStudio(ctx.db, id);
  if (!s || s.tenant_id !== actor.tenantId) throw notFound(STUDIO_LABEL);
  return s;
}

async function recordableStudio(ctx: ModuleContext, actor: Actor, id: string, kind?: 'cases' | 'finance' | 'projects') {
  const s = await visibleStudio(ctx, actor, id);
  if (!mayRecordIn(s, actor)) throw forbidden('在本工作室记录（只有工作室成员和办公室工作人员可以记录）');
  if (kind && !recordKindsOf(s.kind).includes(kind)) throw new AppError('VALIDATION_FAILED', '本工作室不记录此类事项', { field: 'studioId' });
  return s;
}

/** 新建工作室 (办公室). */
export async function createStudio(ctx: ModuleContext, actor: Actor, body: StudioCreateBody, ip?: string): Promise<string> {
  if (!managesStudios(actor)) throw forbidden('新建工作室');
  const names = new Map([
    ...(await membersNamed(ctx, actor, body.memberIds ?? [], 'memberIds', '成员')),
    ...(await membersNamed(ctx, actor, body.convenerUserId ? [body.convenerUserId] : [], 'convenerUserId', '召集人')),
  ]);
  const id = newId();
  await ctx.uow.run(async (w) => {
    const db = studiosDb(w.trx);
    await db.insertInto('studios').values({
      id, tenant_id: actor.tenantId, name: body.name, kind: body.kind, intro: body.intro ?? '',
      convener_user_id: body.convenerUserId ?? null, convener_name: body.convenerUserId ? names.get(body.convenerUserId)! : null,
      version: 1, created_at: w.now, updated_at: w.now,
    }).execute();
    const rows = [...names].map(([user_id, name]) => ({ studio_id: id, tenant_id: actor.tenantId, user_id, name, joined_at: w.now }));
    if (rows.length) await db.insertInto('studio_members').values(rows).execute();
    await audit(w, actor, 'studio.create', 'studio', id, ip, { name: body.name, kind: body.kind });
    await w.emit({ type: 'studio.created', tenantId: actor.tenantId, entityType: 'studio', entityId: id, actorId: actor.userId, payload: { kind: body.kind } });
  });
  return id;
}

/** 修改工作室: name, intro, convener (the office; the convener may edit the name and intro but not hand over). */
export async function editStudio(ctx: ModuleContext, actor: Actor, id: string, body: StudioEditBody, ip?: string) {
  const s = await visibleStudio(ctx, actor, id);
  if (!mayManageStudio(s, actor)) throw forbidden('修改工作室');
  if (body.convenerUserId !== undefined && !managesStudios(actor)) throw forbidden('更换召集人');
  const names = body.convenerUserId ? await membersNamed(ctx, actor, [body.convenerUserId], 'convenerUserId', '召集人') : new Map<string, string>();
  await ctx.uow.run(async (w) => {
    const set: Record<string, unknown> = { updated_at: w.now };
    if (body.name !== undefined) set.name = body.name;
    if (body.intro !== undefined) set.intro = body.intro;
    if (body.convenerUserId !== undefined) {
      set.convener_user_id = body.convenerUserId;
      set.convener_name = body.convenerUserId ? names.get(body.convenerUserId)! : null;
    }
    await w.bumpVersion('studios', id, body.version, set, STUDIO_LABEL);
    // a new convener is a member of the studio
    if (body.convenerUserId && !s.memberIds.includes(body.convenerUserId)) {
      await studiosDb(w.trx).insertInto('studio_members').values({ studio_id: id, tenant_id: s.tenant_id, user_id: body.convenerUserId, name: names.get(body.convenerUserId)!, joined_at: w.now }).execute();
    }
    await audit(w, actor, 'studio.edit', 'studio', id, ip);
  });
}

/** 管理成员: the convener or the office sets the member list (the convener stays a member). */
export async function setMembers(ctx: ModuleContext, actor: Actor, id: string, body: { version: number; memberIds: string[] }, ip?: string) {
  const s = await visibleStudio(ctx, actor, id);
  if (!mayManageStudio(s, actor)) throw forbidden('管理工作室成员（只有召集人和办公室工作人员可以）');
  const wanted = [...new Set([...body.memberIds, ...(s.convener_user_id ? [s.convener_user_id] : [])])];
  const names = await membersNamed(ctx, actor, wanted, 'memberIds', '成员');
  await ctx.uow.run(async (w) => {
    const db = studiosDb(w.trx);
    await w.bumpVersion('studios', id, body.version, { updated_at: w.now }, STUDIO_LABEL);
    const gone = s.memberIds.filter((m) => !names.has(m));
    const added = wanted.filter((m) => !s.memberIds.includes(m));
    if (gone.length) await db.deleteFrom('studio_members').where('studio_id', '=', id).where('user_id', 'in', gone).execute();
    if (added.length) await db.insertInto('studio_members').values(added.map((u) => ({ studio_id: id, tenant_id: s.tenant_id, user_id: u, name: names.get(u)!, joined_at: w.now }))).execute();
    await audit(w, actor, 'studio.members', 'studio', id, ip, { added, removed: gone });
  });
}

/** 记录活动 */
export async function addActivity(ctx: ModuleContext, actor: Actor, studioId: string, body: ActivityCreateBody, ip?: string): Promise<string> {
  const s = await recordableStudio(ctx, actor, studioId);
  const names = await membersNamed(ctx, actor, body.memberIds, 'memberIds', '参加委员');
  const id = newId();
  await ctx.uow.run(async (w) => {
    const db = studiosDb(w.trx);
    await db.insertInto('studio_activities').values({
      id, tenant_id: s.tenant_id, studio_id: s.id, held_on: body.heldOn, title: body.title, place: body.place ?? null, others: body.others ?? null,
      people_served: body.peopleServed, summary: body.summary ?? null, recorded_by: actor.userId, recorded_by_name: actor.displayName, created_at: w.now,
    }).execute();
    if (names.size) await db.insertInto('studio_activity_members').values([...names].map(([user_id, name]) => ({ activity_id: id, tenant_id: s.tenant_id, user_id, name, held_on: body.heldOn }))).execute();
    await audit(w, actor, 'studio.activity', 'studio_activity', id, ip, { studioId });
    await w.emit({ type: 'studio.activity_recorded', tenantId: s.tenant_id, entityType: 'studio_activity', entityId: id, actorId: actor.userId, payload: { studioId, memberIds: [...names.keys()] } });
  });
  return id;
}

/** 登记调解案件 */
export async function addCase(ctx: ModuleContext, actor: Actor, studioId: string, body: CaseCreateBody, ip?: string): Promise<string> {
  const s = await recordableStudio(ctx, actor, studioId, 'cases');
  if (body.outcome && !body.closedOn) throw invalid('closedOn', '「结案日期」', '必填：已有调解结果的案件须写明结案日期');
  if (body.closedOn && body.closedOn < body.receivedOn) throw invalid('closedOn', '「结案日期」', '不能早于受理日期');
  const names = await membersNamed(ctx, actor, body.handlerIds, 'handlerIds', '承办委员');
  const id = newId();
  await ctx.uow.run(async (w) => {
    const db = studiosDb(w.trx);
    await db.insertInto('studio_cases').values({
      id, tenant_id: s.tenant_id, studio_id: s.id, matter: body.matter, received_on: body.receivedOn, closed_on: body.closedOn ?? null,
      outcome: body.outcome ?? null, agreement: body.agreement ?? null, parties: JSON.stringify(body.parties), recorded_by: actor.userId,
      version: 1, created_at: w.now, updated_at: w.now,
    }).execute();
    await db.insertInto('studio_case_handlers').values([...names].map(([user_id, name]) => ({ case_id: id, tenant_id: s.tenant_id, user_id, name, received_on: body.receivedOn }))).execute();
    // the audit names the record, never the parties
    await audit(w, actor, 'studio.case', 'studio_case', id, ip, { studioId });
    await w.emit({ type: 'studio.case_recorded', tenantId: s.tenant_id, entityType: 'studio_case', entityId: id, actorId: actor.userId, payload: { studioId } });
  });
  return id;
}

/** 调解结果: outcome, closing date and agreement, under the version read. */
export async function editCase(ctx: ModuleContext, actor: Actor, caseId: string, body: CaseEditBody, ip?: string) {
  const c = await studiosDb(ctx.db).selectFrom('studio_cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!c || c.tenant_id !== actor.tenantId) throw notFound('调解案件');
  await recordableStudio(ctx, actor, c.studio_id, 'cases');
  if (body.closedOn < c.received_on) throw invalid('closedOn', '「结案日期」', '不能早于受理日期');
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('studio_cases', caseId, body.version, { outcome: body.outcome, closed_on: body.closedOn, agreement: body.agreement ?? c.agreement, updated_at: w.now }, '调解案件');
    await audit(w, actor, 'studio.case_outcome', 'studio_case', caseId, ip, { outcome: body.outcome });
  });
}

export async function addNeed(ctx: ModuleContext, actor: Actor, studioId: string, body: NeedCreateBody, ip?: string): Promise<string> {
  const s = await recordableStudio(ctx, actor, studioId, 'finance');
  const id = newId();
  await ctx.uow.run(async (w) => {
    await studiosDb(w.trx).insertInto('studio_needs').values({ id, tenant_id: s.tenant_id, studio_id: s.id, enterprise: body.enterprise, amount_yuan: body.amountYuan, purpose: body.purpose, recorded_on: body.recordedOn, state: 'open', version: 1, created_at: w.now, updated_at: w.now }).execute();
    await audit(w, actor, 'studio.need', 'studio_need', id, ip, { studioId, amountYuan: body.amountYuan });
  });
  return id;
}

export async function addOffer(ctx: ModuleContext, actor: Actor, studioId: string, body: OfferCreateBody, ip?: string): Promise<string> {
  const s = await recordableStudio(ctx, actor, studioId, 'finance');
  const id = newId();
  await ctx.uow.run(async (w) => {
    await studiosDb(w.trx).insertInto('studio_offers').values({ id, tenant_id: s.tenant_id, studio_id: s.id, bank: body.bank, product: body.product, amount_yuan: body.amountYuan, recorded_on: body.recordedOn, created_at: w.now }).execute();
    await audit(w, actor, 'studio.offer', 'studio_offer', id, ip, { studioId, amountYuan: body.amountYuan });
  });
  return id;
}

/** 放贷: a loan granted, matching a need (which turns 已放贷 under the version read) with an offer, or on its own. */
export async function addLoan(ctx: ModuleContext, actor: Actor, studioId: string, body: LoanCreateBody, ip?: string): Promise<string> {
  const s = await recordableStudio(ctx, actor, studioId, 'finance');
  const sdb = studiosDb(ctx.db);
  if (body.needId) {
    const need = await sdb.selectFrom('studio_needs').select(['studio_id', 'state']).where('id', '=', body.needId).executeTakeFirst();
    if (!need || need.studio_id !== s.id) throw invalid('needId', '「融资需求」', '不存在');
    if (body.needVersion === undefined) throw invalid('needVersion', '「需求版本号」', '必填：对接需求时须带上读到的版本号');
  }
  if (body.offerId) {
    const offer = await sdb.selectFrom('studio_offers').select('studio_id').where('id', '=', body.offerId).executeTakeFirst();
    if (!offer || offer.studio_id !== s.id) throw invalid('offerId', '「银行产品」', '不存在');
  }
  const id = newId();
  await ctx.uow.run(async (w) => {
    if (body.needId) await w.bumpVersion('studio_needs', body.needId, body.needVersion!, { state: 'granted', updated_at: w.now }, '融资需求');
    await studiosDb(w.trx).insertInto('studio_loans').values({
      id, tenant_id: s.tenant_id, studio_id: s.id, need_id: body.needId ?? null, offer_id: body.offerId ?? null, enterprise: body.enterprise, bank: body.bank,
      amount_yuan: body.amountYuan, granted_on: body.grantedOn, recorded_by: actor.userId, recorded_by_name: actor.displayName, created_at: w.now,
    }).execute();
    await audit(w, actor, 'studio.loan', 'studio_loan', id, ip, { studioId, amountYuan: body.amountYuan });
    await w.emit({ type: 'studio.loan_recorded', tenantId: s.tenant_id, entityType: 'studio_loan', entityId: id, actorId: actor.userId, payload: { studioId, amountYuan: body.amountYuan } });
  });
  return id;
}

export async function addProject(ctx: ModuleContext, actor: Actor, studioId: string, body: ProjectCreateBody, ip?: string): Promise<string> {
  const s = await recordableStudio(ctx, actor, studioId, 'projects');
  const id = newId();
  await ctx.uow.run(async (w) => {
    await studiosDb(w.trx).insertInto('studio_projects').values({
      id, tenant_id: s.tenant_id, studio_id: s.id, name: body.name, investor: body.investor, amount_yuan: body.amountYuan, status: body.status,
      introduced_on: body.introducedOn, version: 1, created_at: w.now, updated_at: w.now,
    }).execute();
    await audit(w, actor, 'studio.project', 'studio_project', id, ip, { studioId, amountYuan: body.amountYuan });
  });
  return id;
}

/** 项目进展: status (洽谈 → 签约 → 落地) and amount, under the version read. */
export async function editProject(ctx: ModuleContext, actor: Actor, projectId: string, body: { version: number; status: string; amountYuan?: number }, ip?: string) {
  const p = await studiosDb(ctx.db).selectFrom('studio_projects').select(['studio_id', 'tenant_id']).where('id', '=', projectId).executeTakeFirst();
  if (!p || p.tenant_id !== actor.tenantId) throw notFound('引进项目');
  await recordableStudio(ctx, actor, p.studio_id, 'projects');
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('studio_projects', projectId, body.version, { status: body.status, ...(body.amountYuan ? { amount_yuan: body.amountYuan } : {}), updated_at: w.now }, '引进项目');
    await audit(w, actor, 'studio.project_status', 'studio_project', projectId, ip, { status: body.status });
  });
}
