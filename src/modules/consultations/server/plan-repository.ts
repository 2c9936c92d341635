/**
 * Reading 协商选题 and 年度协商计划 (Kysely, both databases), and turning rows into API objects with their `actions`.
 * Every query filters by the actor's CPPCC (tenant): a county sees its own topics and plan only. A draft plan is seen by
 * those who make or approve it; the approved plan by everyone who reads plans.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { listHistory } from '../../../kernel/server/work-items.ts';
import { allowedActions, stateView } from '../../../kernel/universal/workflow.ts';
import { orgTree, listCommittees, listUnits } from '../../organizations/index.ts';
import { consultationFormLabel } from '../domain/consultation-forms.ts';
import { attachmentsOfMany } from '../../attachments/index.ts';
import {
  topicLinkRelationLabels, type PlanChangeView, type PlanDetail, type PlanItemListQuery, type PlanItemView, type PlanSummary, type TopicDetail, type TopicLinked,
  type TopicLinkRelation, type TopicLinkView, type TopicListItem, type TopicListQuery,
} from '../domain/plan-contract.ts';
import type { Contributions } from '../../../kernel/server/contributions-catalogue.ts';
import {
  itemEditMode, planActionLabel, planChangeKindLabels, planLifecycle, planOrder, planPermissions, planStateLabel,
  topicActionLabel, topicLifecycle, topicStateLabel, type PlanChangeKind,
} from '../domain/plan-lifecycle.ts';
import { planDb, type PlanItemRow, type PlanRow, type TopicLinkRow, type TopicRow } from './plan-tables.ts';

const has = (actor: Actor, p: string) => actor.permissions.has('*') || actor.permissions.has(p);
export const mayPropose = (a: Actor) => has(a, planPermissions.propose);
export const mayManage = (a: Actor) => has(a, planPermissions.manage);
export const mayApprove = (a: Actor) => has(a, planPermissions.approve);
export const mayReadPlans = (a: Actor) => has(a, planPermissions.read) || mayManage(a) || mayApprove(a);
/** May the actor use topics and plans at all (the three administrators hold none of these permissions). */
export const usesPlans = (a: Actor) => mayPropose(a) || mayReadPlans(a);

/** A topic: the office and the leaders see all of their CPPCC's; a proposer sees their own body's. */
export function canSeeTopic(r: Pick<TopicRow, 'tenant_id' | 'proposer_org_id' | 'proposer_user_id'>, a: Actor): boolean {
  if (r.tenant_id !== a.tenantId) return false;
  return mayManage(a) || mayApprove(a) || r.proposer_user_id === a.userId || (mayPropose(a) && r.proposer_org_id === a.orgId);
}
/** A plan: its CPPCC only; a draft (or one before the chair's meeting) only for those who make or approve it. */
export function canSeePlan(r: Pick<PlanRow, 'tenant_id' | 'state'>, a: Actor): boolean {
  if (r.tenant_id !== a.tenantId) return false;
  if (r.state === 'approved') return mayReadPlans(a);
  return mayManage(a) || mayApprove(a);
}

export const parseList = (s: string | null | undefined): string[] => { try { const v = JSON.parse(s ?? '[]'); return Array.isArray(v) ? v.map(String) : []; } catch { return []; } };

/* ---------------------------------------------------------------- organisations */

/** The bodies that propose topics: the tenant's committees, parties, groups and offices. */
export async function proposerOrgs(db: AnyModuleDb, tenantId: string): Promise<Array<{ id: string; name: string; kind: string }>> {
  const out: Array<{ id: string; name: string; kind: string }> = [];
  const walk = (nodes: ReadonlyArray<{ id: string; name: string; kind: string; tenant_id: string; children: unknown[] }>) => {
    for (const n of nodes) {
      if (n.tenant_id === tenantId && ['committee', 'party', 'group', 'office'].includes(n.kind)) out.push({ id: n.id, name: n.name, kind: n.kind });
      walk(n.children as typeof nodes);
    }
  };
  walk(await orgTree(db, tenantId) as never);
  const rank = { committee: 0, party: 1, group: 2, office: 3 } as Record<string, number>;
  return out.sort((a, b) => rank[a.kind] - rank[b.kind]);
}
export async function committeesOf(db: AnyModuleDb, tenantId: string) {
  return (await listCommittees(db, tenantId)).map((c) => ({ id: c.id, name: c.name, kind: 'committee' }));
}
export async function unitsOf(db: AnyModuleDb, tenantId: string) {
  return (await listUnits(db, tenantId)).map((u) => ({ id: u.id, name: u.name, kind: 'gov_unit' }));
}

/* ---------------------------------------------------------------- topics */

export async function findTopic(db: AnyModuleDb, id: string): Promise<TopicRow | undefined> {
  return planDb(db).selectFrom('consultation_topics').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listTopics(db: AnyModuleDb, actor: Actor, q: TopicListQuery): Promise<{ rows: TopicRow[]; total: number }> {
  let base = planDb(db).selectFrom('consultation_topics').where('tenant_id', '=', actor.tenantId);
  // proposers who are not the office see their own body's topics (and the ones they entered)
  if (q.mine || !(mayManage(actor) || mayApprove(actor))) base = base.where((eb) => eb.or([eb('proposer_org_id', '=', actor.orgId), eb('proposer_user_id', '=', actor.userId)]));
  if (q.year) base = base.where('year', '=', q.year);
  if (q.form) base = base.where('form', '=', q.form);
  if (q.proposerOrgId) base = base.where('proposer_org_id', '=', q.proposerOrgId);
  if (q.state) base = base.where('state', 'in', q.state.split(','));
  if (q.q) base = base.where('title', 'like', `%${q.q.replace(/[%_\\]/g, '')}%`);
  const [rows, total] = await Promise.all([
    base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export function toTopicItem(r: TopicRow): TopicListItem {
  return {
    id: r.id, year: Number(r.year), title: r.title, form: r.form, formLabel: consultationFormLabel(r.form),
    proposerOrgId: r.proposer_org_id, proposerOrgName: r.proposer_org_name, proposerName: r.proposer_name,
    state: r.state, stateLabel: topicStateLabel(r.state), stateTone: stateView(topicLifecycle, r.state).tone,
    mergedIntoId: r.merged_into_id ?? null, planItemId: r.plan_item_id ?? null, createdAt: r.created_at, version: Number(r.version),
  };
}

/** May the actor change a topic's links: the office, or its proposing body while it is still proposed. */
export function mayLinkTopic(r: Pick<TopicRow, 'tenant_id' | 'proposer_org_id' | 'proposer_user_id' | 'state'>, a: Actor): boolean {
  if (!canSeeTopic(r, a)) return false;
  return mayManage(a) || (r.state === 'proposed' && (r.proposer_user_id === a.userId || (mayPropose(a) && r.proposer_org_id === a.orgId)));
}

/* ---------------------------------------------------------------- 关联提案和社情民意 */

export type LinkOwner = 'topic' | 'plan_item';
type Namer = Pick<Contributions, 'titles' | 'link'>;

/** The link rows of these owners, by owner id, in their order. */
export async function linkRowsOf(db: AnyModuleDb, ownerType: LinkOwner, ownerIds: readonly string[]): Promise<Map<string, TopicLinkRow[]>> {
  const out = new Map<string, TopicLinkRow[]>();
  if (ownerIds.length === 0) return out;
  const rows = await planDb(db).selectFrom('consultation_topic_links').selectAll().where('owner_type', '=', ownerType).where('owner_id', 'in', [...ownerIds])
    .orderBy('relation', 'desc').orderBy('entity_type', 'desc').orderBy('seq').execute();
  for (const r of rows) out.set(r.owner_id, [...(out.get(r.owner_id) ?? []), r]);
  return out;
}

/** The rows as the API shows them: each record's title and page as its own module names them (one query per type). */
export async function namedLinks(names: Namer, rows: readonly TopicLinkRow[]): Promise<Map<TopicLinkRow, TopicLinkView>> {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.entity_type === type).map((r) => r.entity_id))];
  const [proposals, reports] = await Promise.all([names.titles('proposal', ids('proposal')), names.titles('opinion', ids('opinion'))]);
  const out = new Map<TopicLinkRow, TopicLinkView>();
  await Promise.all(rows.map(async (r) => {
    const title = (r.entity_type === 'proposal' ? proposals : reports).get(r.entity_id) ?? r.entity_id;
    const link = (await names.link(r.entity_type, r.entity_id)) ?? '';
    out.set(r, { entityType: r.entity_type === 'proposal' ? 'proposal' : 'opinion', id: r.entity_id, title, link, relation: r.relation === 'outcome' ? 'outcome' : 'source', viaTopic: false });
  }));
  return out;
}

/** 列入协商选题: the topics and plan items linking this record, those the actor may see. */
export async function topicsLinking(db: AnyModuleDb, actor: Actor, entityType: string, entityId: string): Promise<TopicLinked['items']> {
  const t = planDb(db);
  const rows = await t.selectFrom('consultation_topic_links').selectAll().where('entity_type', '=', entityType).where('entity_id', '=', entityId)
    .where('tenant_id', '=', actor.tenantId).execute();
  const topicIds = rows.filter((r) => r.owner_type === 'topic').map((r) => r.owner_id);
  const itemIds = rows.filter((r) => r.owner_type === 'plan_item').map((r) => r.owner_id);
  const [topics, items] = await Promise.all([
    topicIds.length ? t.selectFrom('consultation_topics').selectAll().where('id', 'in', topicIds).execute() : [],
    itemIds.length ? t.selectFrom('consultation_plan_items').innerJoin('consultation_plans', 'consultation_plans.id', 'consultation_plan_items.plan_id')
      .select(['consultation_plan_items.id', 'consultation_plan_items.title', 'consultation_plan_items.year', 'consultation_plan_items.form', 'consultation_plan_items.plan_id',
        'consultation_plan_items.status', 'consultation_plans.tenant_id', 'consultation_plans.state', 'consultation_plans.title as plan_title'])
      .where('consultation_plan_items.id', 'in', itemIds).execute() : [],
  ]);
  const out: TopicLinked['items'] = [];
  for (const r of rows) {
    const relation = (r.relation === 'outcome' ? 'outcome' : 'source') as TopicLinkRelation;
    if (r.owner_type === 'topic') {
      const x = topics.find((y) => y.id === r.owner_id);
      if (!x || !canSeeTopic(x, actor)) continue;
      out.push({ kind: 'topic', id: x.id, title: x.title, year: Number(x.year), relation, relationLabel: topicLinkRelationLabels[relation], note: topicStateLabel(x.state), link: `/consultations/topics/${encodeURIComponent(x.id)}` });
    } else {
      const x = items.find((y) => y.id === r.owner_id);
      if (!x || !canSeePlan({ tenant_id: x.tenant_id, state: x.state }, actor)) continue;
      const note = `${x.plan_title} · ${consultationFormLabel(x.form)}${x.status === 'cancelled' ? ' · 已取消' : ''}`;
      out.push({ kind: 'plan_item', id: x.id, title: x.title, year: Number(x.year), relation, relationLabel: topicLinkRelationLabels[relation], note, link: `/consultations/plans/${encodeURIComponent(x.plan_id)}` });
    }
  }
  return out.sort((a, b) => b.year - a.year || (a.kind === b.kind ? a.title.localeCompare(b.title) : a.kind === 'plan_item' ? -1 : 1));
}

export async function toTopicDetail(db: AnyModuleDb, r: TopicRow, actor: Actor, names: Namer): Promise<TopicDetail> {
  const t = planDb(db);
  const links = (await linkRowsOf(db, 'topic', [r.id])).get(r.id) ?? [];
  const named = await namedLinks(names, links);
  const [history, target, merged, item] = await Promise.all([
    listHistory(db, 'consultation_topic', r.id),
    r.merged_into_id ? findTopic(db, r.merged_into_id) : undefined,
    t.selectFrom('consultation_topics').select(['id', 'title', 'proposer_org_name']).where('merged_into_id', '=', r.id).orderBy('created_at').execute(),
    r.plan_item_id ? t.selectFrom('consultation_plan_items').select('plan_id').where('id', '=', r.plan_item_id).executeTakeFirst() : undefined,
  ]);
  return {
    ...toTopicItem(r), reason: r.reason, contact: r.contact, declineReason: r.decline_reason ?? null,
    mergedIntoTitle: target?.title ?? null,
    mergedTopics: merged.map((m) => ({ id: m.id, title: m.title, proposerOrgName: m.proposer_org_name })),
    planId: item?.plan_id ?? null,
    links: links.map((l) => named.get(l)!),
    canLink: mayLinkTopic(r, actor),
    progress: stateView(topicLifecycle, r.state),
    history: history.map((h) => ({ id: h.id, action: h.action, actionLabel: topicActionLabel(h.action), toStateLabel: topicStateLabel(h.to_state), actorName: h.actor_name, note: h.note ?? null, at: h.at })),
    actions: allowedActions(topicLifecycle, r.state, { record: r as never, actor }),
  };
}

/* ---------------------------------------------------------------- plans */

export async function findPlan(db: AnyModuleDb, id: string): Promise<PlanRow | undefined> {
  return planDb(db).selectFrom('consultation_plans').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function findPlanOfYear(db: AnyModuleDb, tenantId: string, year: number): Promise<PlanRow | undefined> {
  return planDb(db).selectFrom('consultation_plans').selectAll().where('tenant_id', '=', tenantId).where('year', '=', year).executeTakeFirst();
}
export async function itemsOf(db: AnyModuleDb, planId: string): Promise<PlanItemRow[]> {
  return planDb(db).selectFrom('consultation_plan_items').selectAll().where('plan_id', '=', planId).orderBy('sort').execute();
}

export async function listPlans(db: AnyModuleDb, actor: Actor, year?: number): Promise<PlanSummary[]> {
  let q = planDb(db).selectFrom('consultation_plans').selectAll().where('tenant_id', '=', actor.tenantId);
  if (year) q = q.where('year', '=', year);
  const rows = (await q.orderBy('year', 'desc').execute()).filter((p) => canSeePlan(p, actor));
  if (rows.length === 0) return [];
  const counts = await planDb(db).selectFrom('consultation_plan_items').select(['plan_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('plan_id', 'in', rows.map((r) => r.id)).where('status', '=', 'planned').groupBy('plan_id').execute();
  const n = new Map(counts.map((c) => [c.plan_id, Number(c.n)]));
  return rows.map((r) => toPlanSummary(r, n.get(r.id) ?? 0));
}

function toPlanSummary(r: PlanRow, itemCount: number): PlanSummary {
  return {
    id: r.id, year: Number(r.year), title: r.title, state: r.state, stateLabel: planStateLabel(r.state), stateTone: stateView(planLifecycle, r.state).tone,
    itemCount, approvedMeeting: r.approved_meeting ?? null, approvedOn: r.approved_on ?? null, version: Number(r.version),
  };
}

/**
 * The consultations (协商活动) carrying out plan items: rows of `consultations` whose `plan_item_id` is one of them. A
 * consultation counts as held when its `held_on` is set. The table is the consultation meetings' own; while a database
 * does not have those columns yet, no item has consultations.
 */
export async function consultationsOfItems(db: AnyModuleDb, itemIds: readonly string[]): Promise<Map<string, PlanItemView['consultations']>> {
  const out = new Map<string, PlanItemView['consultations']>();
  if (itemIds.length === 0) return out;
  try {
    const rows = await sql<{ id: string; title: string; state: string; held_on: string | null; plan_item_id: string }>`
      select id, title, state, held_on, plan_item_id from consultations where plan_item_id in (${sql.join([...itemIds])}) order by planned_on, id`.execute(db);
    for (const r of rows.rows) {
      const list = out.get(r.plan_item_id) ?? [];
      list.push({ id: r.id, title: r.title, state: r.state, heldOn: r.held_on ?? null });
      out.set(r.plan_item_id, list);
    }
  } catch {
    // no consultations table with plan_item_id yet: nothing carries an item out
  }
  return out;
}

/** The entity type of a plan item's files (附件). */
export const PLAN_ITEM_ENTITY = 'consultation_plan_item';

/** The files of these items, by item id (one query). */
async function itemFiles(db: AnyModuleDb, itemIds: readonly string[]): Promise<Map<string, PlanItemView['attachments']>> {
  const rows = await attachmentsOfMany(db, PLAN_ITEM_ENTITY, itemIds);
  return new Map([...rows].map(([id, list]) => [id, list.map((a) => ({ id: a.id, filename: a.filename }))]));
}

export function toItemView(r: PlanItemRow, consultations: PlanItemView['consultations'] = [], attachments: PlanItemView['attachments'] = [], links: PlanItemView['links'] = []): PlanItemView {
  return {
    id: r.id, planId: r.plan_id, year: Number(r.year), topicId: r.topic_id ?? null, title: r.title, form: r.form, formLabel: consultationFormLabel(r.form),
    leadOrgId: r.lead_org_id, leadOrgName: r.lead_org_name, partnerUnitIds: parseList(r.partner_unit_ids), partnerUnitNames: parseList(r.partner_unit_names),
    plannedMonth: Number(r.planned_month), notes: r.notes ?? null, major: Number(r.major ?? 0) === 1, attachments, status: r.status === 'cancelled' ? 'cancelled' : 'planned',
    addedByChange: Number(r.added_by_change) === 1, consultations, carriedOut: consultations.some((c) => c.heldOn !== null), links, version: Number(r.version),
  };
}

/** Each item's links: its own, then those of the topic it came from (a record linked both ways shows once). Two queries for all the items, then one per linked type. */
async function itemLinks(db: AnyModuleDb, names: Namer, items: ReadonlyArray<Pick<PlanItemRow, 'id' | 'topic_id'>>): Promise<Map<string, TopicLinkView[]>> {
  const out = new Map<string, TopicLinkView[]>();
  if (items.length === 0) return out;
  const [own, ofTopics] = await Promise.all([
    linkRowsOf(db, 'plan_item', items.map((i) => i.id)),
    linkRowsOf(db, 'topic', items.flatMap((i) => (i.topic_id ? [i.topic_id] : []))),
  ]);
  const all = items.map((i) => ({ id: i.id, rows: [...(own.get(i.id) ?? []), ...(i.topic_id ? ofTopics.get(i.topic_id) ?? [] : [])] }));
  const named = await namedLinks(names, all.flatMap((x) => x.rows));
  for (const { id, rows } of all) {
    const seen = new Set<string>();
    out.set(id, rows.map((row) => ({ ...named.get(row)!, viaTopic: row.owner_type === 'topic' })).filter((v) => { const k = `${v.relation}:${v.entityType}:${v.id}`; if (seen.has(k)) return false; seen.add(k); return true; }));
  }
  return out;
}

export async function toPlanDetail(db: AnyModuleDb, r: PlanRow, actor: Actor, names: Namer): Promise<PlanDetail> {
  const [items, changes, history] = await Promise.all([
    itemsOf(db, r.id),
    planDb(db).selectFrom('consultation_plan_changes').selectAll().where('plan_id', '=', r.id).orderBy('at').orderBy('id').execute(),
    listHistory(db, 'consultation_plan', r.id),
  ]);
  const [held, files, links] = await Promise.all([consultationsOfItems(db, items.map((i) => i.id)), itemFiles(db, items.map((i) => i.id)), itemLinks(db, names, items)]);
  const views = planOrder(items.map((i) => ({ ...toItemView(i, held.get(i.id), files.get(i.id), links.get(i.id)), sort: Number(i.sort) }))).map(({ sort: _sort, ...v }) => v);
  const manage = mayManage(actor) && actor.tenantId === r.tenant_id;
  const mode = itemEditMode(r.state);
  return {
    ...toPlanSummary(r, items.filter((i) => i.status === 'planned').length),
    returnReason: r.return_reason ?? null,
    party: r.party_meeting && r.party_approved_on ? { meeting: r.party_meeting, approvedOn: r.party_approved_on, document: r.party_document ?? null } : null,
    majorItems: items.filter((i) => Number(i.major ?? 0) === 1 && i.status === 'planned').length,
    items: views,
    changes: changes.map((c): PlanChangeView => ({
      id: c.id, itemId: c.item_id, itemTitle: c.item_title, kind: c.kind as PlanChangeKind, kindLabel: planChangeKindLabels[c.kind as PlanChangeKind] ?? c.kind,
      before: c.before_text, after: c.after_text, reason: c.reason, actorName: c.actor_name, at: c.at,
    })),
    progress: stateView(planLifecycle, r.state),
    history: history.map((h) => ({ id: h.id, action: h.action, actionLabel: planActionLabel(h.action), toStateLabel: planStateLabel(h.to_state), actorName: h.actor_name, note: h.note ?? null, at: h.at })),
    actions: allowedActions(planLifecycle, r.state, { record: r as never, actor }),
    itemMode: manage ? mode : 'none',
    canManage: manage,
    canDownload: r.state === 'approved' || mayManage(actor) || mayApprove(actor),
  };
}

/* ---------------------------------------------------------------- the figures' list */

type PlanItemSort = PlanItemView & { sort: number };

/** Every item of the year's approved plan the actor may see (cancelled ones left out), in plan order; none without one. */
export async function planItemViewsOf(db: AnyModuleDb, actor: Actor, year: number): Promise<PlanItemSort[]> {
  const plan = await findPlanOfYear(db, actor.tenantId, year);
  if (!plan || plan.state !== 'approved' || !canSeePlan(plan, actor)) return [];
  const items = (await itemsOf(db, plan.id)).filter((i) => i.status === 'planned');
  const [held, files] = await Promise.all([consultationsOfItems(db, items.map((i) => i.id)), itemFiles(db, items.map((i) => i.id))]);
  return planOrder(items.map((i) => ({ ...toItemView(i, held.get(i.id), files.get(i.id)), sort: Number(i.sort) })));
}

/** The items a list query selects among the plan's (by form, carried out or not), in plan order. */
export function selectPlanItems(views: readonly PlanItemSort[], q: Pick<PlanItemListQuery, 'form' | 'carriedOut'>): PlanItemSort[] {
  return views.filter((v) => (!q.form || v.form === q.form) && (q.carriedOut === undefined || v.carriedOut === q.carriedOut));
}

/**
 * The items of the year's approved plan (cancelled ones left out), by form, carried out or not: one page and the total,
 * each item of the page with its links (关联提案和社情民意, as on the plan's page; read for the page's items only).
 */
export async function listPlanItems(db: AnyModuleDb, actor: Actor, q: PlanItemListQuery, names: Namer): Promise<{ rows: PlanItemView[]; total: number }> {
  const views = selectPlanItems(await planItemViewsOf(db, actor, q.year), q);
  const total = views.length;
  const page = views.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const links = await itemLinks(db, names, page.map((v) => ({ id: v.id, topic_id: v.topicId })));
  const rows = page.map(({ sort: _sort, ...v }) => ({ ...v, links: links.get(v.id) ?? [] }));
  return { rows, total };
}
