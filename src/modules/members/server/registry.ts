/**
 * 委员管理 (the member registry): a CPPCC's members with their 界别, 党派, 届 and posts, 专委会, contact details (masked
 * unless the viewer sees them), 专长 and 关注领域, listed with filters; one member's record; edits under the record's
 * version, audited; the staff's contact log. A county's members are the county's: every read and write is scoped to
 * the caller's own CPPCC (tenant). The data lives in 组织机构's tables and is written through its functions.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import { can } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { AppError, forbidden, invalid, notFound } from '../../../kernel/universal/errors.ts';
import { findPeople } from '../../identity/index.ts';
import {
  addContactLog, checkRegistryPatch, contactKindLabels, contactLogOf, currentWorkYear, getOrg, listCommittees, listSectors, registryRowsOf,
  termLabel, workYearCalendarOf, writeRegistry, type RegistryPatch, type RegistryRow,
} from '../../organizations/index.ts';
import type { ContactLogEntry, MemberTerm, RegistryItem, RegistryListQuery, RegistryRecord, UpdateRegistryBody } from '../../organizations/contract.ts';
import { contactsFor, PERM_REGISTRY_MANAGE, PERM_REGISTRY_READ } from '../domain/registry.ts';
import type { MembersDb } from './tables.ts';

const collator = new Intl.Collator('zh-CN');

export const readsRegistry = (a: Actor) => can(a, PERM_REGISTRY_READ) || can(a, PERM_REGISTRY_MANAGE);
export const managesRegistry = (a: Actor) => can(a, PERM_REGISTRY_MANAGE);

export function requireRegistryReader(a: Actor): Actor {
  if (!readsRegistry(a)) throw forbidden('查看委员管理');
  return a;
}
export function requireRegistryManager(a: Actor): Actor {
  if (!managesRegistry(a)) throw forbidden('维护委员档案');
  return a;
}

/** A member's registry data with names, as the list and the record present it (before masking). */
export interface Assembled { row: RegistryRow; name: string; username: string; sectorName: string | null; committeeNames: Map<string, string> }

/** Every member of the tenant with their account's name; a deactivated account is no longer listed. */
export async function assembleRegistry(db: MembersDb, tenantId: string, userIds?: readonly string[]): Promise<Assembled[]> {
  const [rows, sectors, committees] = await Promise.all([registryRowsOf(db, tenantId, userIds), listSectors(db, tenantId), listCommittees(db, tenantId)]);
  const people = await findPeople(db, rows.map((r) => r.userId));
  const sectorName = new Map(sectors.map((s) => [s.id, s.name]));
  const committeeNames = new Map(committees.map((c) => [c.id, c.short_name ?? c.name]));
  const out: Assembled[] = [];
  for (const row of rows) {
    const p = people.get(row.userId);
    if (!p) continue;
    out.push({ row, name: p.name, username: p.username, sectorName: row.sectorId ? sectorName.get(row.sectorId) ?? null : null, committeeNames });
  }
  return out.sort((a, b) => collator.compare(a.name, b.name) || (a.row.userId < b.row.userId ? -1 : 1));
}

export function presentItem(a: Assembled, viewer: Actor): RegistryItem {
  const r = a.row;
  const latest = r.terms[0];
  return {
    userId: r.userId, username: a.username, name: a.name, gender: r.gender, sectorId: r.sectorId, sectorName: a.sectorName, party: r.party,
    workplace: r.workplace, ...contactsFor(viewer, r.userId, r),
    termNo: latest?.termNo ?? null, termLabel: latest ? termLabel(latest.termNo) : null, standing: latest?.standing ?? false, posts: latest?.posts ?? [],
    committees: r.committees.map((c) => ({ id: c.id, name: a.committeeNames.get(c.id) ?? '专门委员会', role: c.role as RegistryItem['committees'][number]['role'] })),
    active: !!latest && !latest.leftOn, version: r.version,
  };
}

/** The term a member serves in on a day: joined on or before it and not yet left (a term left that day is over). */
export function servingTerm(r: RegistryRow, day: string) {
  return r.terms.find((t) => t.joinedOn <= day && (!t.leftOn || t.leftOn > day));
}

/** The list's filters over the assembled members (the tenant's few hundred members are filtered in memory). */
export async function filterRegistry(ctx: Pick<ModuleContext, 'db' | 'settings'>, tenantId: string, all: Assembled[], q: Omit<RegistryListQuery, 'page' | 'pageSize'>): Promise<Assembled[]> {
  if (q.sector && !all.some((a) => a.row.sectorId === q.sector)) {
    const sectors = await listSectors(ctx.db, tenantId);
    if (!sectors.some((s) => s.id === q.sector)) throw invalid('sector', '「界别」', '不是本级政协的界别');
  }
  if (q.committee) {
    const committees = await listCommittees(ctx.db, tenantId);
    if (!committees.some((c) => c.id === q.committee)) throw invalid('committee', '「专委会」', '不是本级政协的专门委员会');
  }
  const needle = q.q?.trim();
  return all.filter(({ row: r, name, username }) => {
    // the term that counts: the one served on `servingOn`, else the latest
    const term = q.servingOn ? servingTerm(r, q.servingOn) : r.terms[0];
    if (q.servingOn && !term) return false;
    if (needle && !name.includes(needle) && username !== needle) return false;
    if (q.term && !r.terms.some((t) => t.termNo === q.term)) return false;
    if (q.sector && r.sectorId !== q.sector) return false;
    if (q.party && (r.party ?? '无党派') !== q.party) return false;
    if (q.committee && !r.committees.some((c) => c.id === q.committee)) return false;
    if (q.standing && (term?.standing ?? false) !== (q.standing === 'true')) return false;
    if (q.active && (!!term && !term.leftOn) !== (q.active === 'true')) return false;
    if ((q.joinedFrom || q.joinedTo) && !r.terms.some((t) => t.joinedOn >= (q.joinedFrom ?? '') && t.joinedOn <= (q.joinedTo ?? '9999'))) return false;
    if ((q.leftFrom || q.leftTo) && !r.terms.some((t) => t.leftOn && t.leftOn >= (q.leftFrom ?? '') && t.leftOn <= (q.leftTo ?? '9999'))) return false;
    return true;
  });
}

export async function registryPage(ctx: Pick<ModuleContext, 'db' | 'settings'>, viewer: Actor, q: RegistryListQuery) {
  const rows = await filterRegistry(ctx, viewer.tenantId, await assembleRegistry(ctx.db, viewer.tenantId), q);
  const start = (q.page - 1) * q.pageSize;
  return { items: rows.slice(start, start + q.pageSize).map((a) => presentItem(a, viewer)), total: rows.length, page: q.page, pageSize: q.pageSize };
}

const presentTerms = (r: RegistryRow): MemberTerm[] => r.terms.map((t) => ({
  termNo: t.termNo, label: termLabel(t.termNo), joinedOn: t.joinedOn, leftOn: t.leftOn, leftReason: (t.leftReason as MemberTerm['leftReason']) ?? null,
  standing: t.standing, posts: t.posts as MemberTerm['posts'],
}));

/**
 * One member's record: staff who read the registry see any member of their own CPPCC; a member sees their own.
 * Another CPPCC's member is 404 (a county's members are the county's).
 */
export async function registryRecordOf(ctx: Pick<ModuleContext, 'db' | 'settings'>, viewer: Actor, userId: string): Promise<RegistryRecord> {
  if (viewer.userId !== userId) requireRegistryReader(viewer);
  const [a] = await assembleRegistry(ctx.db, viewer.tenantId, [userId]);
  if (!a) throw notFound('委员');
  const tenant = await getOrg(ctx.db, viewer.tenantId);
  const manage = managesRegistry(viewer);
  const actions: RegistryRecord['actions'] = [];
  if (manage) actions.push('edit', 'addContact');
  if (readsRegistry(viewer)) actions.push('readContacts');
  return { ...presentItem(a, viewer), tenantName: tenant?.name ?? '', skills: a.row.skills, fields: a.row.fields, terms: presentTerms(a.row), actions };
}

/** The body's changes as a patch of the stored data. */
export function patchOf(body: Omit<UpdateRegistryBody, 'version'>): RegistryPatch {
  const { terms, ...rest } = body;
  return {
    ...rest,
    terms: terms?.map((t) => ({ termNo: t.termNo, joinedOn: t.joinedOn, leftOn: t.leftOn ?? null, leftReason: t.leftOn ? t.leftReason ?? null : t.leftReason ?? null, standing: t.standing, posts: t.posts })),
  };
}

/** Edit a member's record under its version (stale → 409); audited with the fields changed. */
export async function updateRegistry(ctx: ModuleContext, actor: Actor, userId: string, body: UpdateRegistryBody, ip?: string): Promise<RegistryRecord> {
  requireRegistryManager(actor);
  const [a] = await registryRowsOf(ctx.db, actor.tenantId, [userId]);
  if (!a) throw notFound('委员');
  const { version, ...changes } = body;
  if (Object.keys(changes).length === 0) throw new AppError('VALIDATION_FAILED', '没有要修改的内容');
  const patch = patchOf(changes);
  await checkRegistryPatch(ctx.db, actor.tenantId, patch);
  await ctx.uow.run(async (w) => {
    const next = await writeRegistry(w.trx, actor.tenantId, userId, version, patch, w.now);
    await w.audit({
      tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'member_registry.update', entityType: 'member_registry', entityId: userId,
      data: { changed: Object.keys(changes), version: next }, ip,
    });
  });
  return registryRecordOf(ctx, actor, userId);
}

export const presentContact = (c: Awaited<ReturnType<typeof contactLogOf>>[number]): ContactLogEntry => ({
  id: c.id, kind: c.kind, kindLabel: contactKindLabels[c.kind], contactOn: c.contactOn, staffName: c.staffName, notes: c.notes, createdAt: c.createdAt,
});

/** 联络记录 of a member: for the staff who read the registry. */
export async function contactLog(ctx: Pick<ModuleContext, 'db'>, actor: Actor, userId: string): Promise<ContactLogEntry[]> {
  requireRegistryReader(actor);
  const [a] = await registryRowsOf(ctx.db, actor.tenantId, [userId]);
  if (!a) throw notFound('委员');
  return (await contactLogOf(ctx.db, actor.tenantId, userId)).map(presentContact);
}

export async function addContact(ctx: ModuleContext, actor: Actor, userId: string, body: { kind: 'visit' | 'call' | 'talk'; contactOn: string; notes: string }, ip?: string): Promise<ContactLogEntry> {
  requireRegistryManager(actor);
  const [a] = await registryRowsOf(ctx.db, actor.tenantId, [userId]);
  if (!a) throw notFound('委员');
  if (body.contactOn > ctx.calendar.today()) throw invalid('contactOn', '「联络日期」', '不能晚于今天');
  return presentContact(await ctx.uow.run(async (w) => {
    const row = await addContactLog(w.trx, actor.tenantId, userId, { ...body, staffId: actor.userId, staffName: actor.displayName }, w.now);
    await w.audit({
      tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'member_registry.contact', entityType: 'member_registry', entityId: userId,
      data: { kind: body.kind, contactOn: body.contactOn }, ip,
    });
    return row;
  }));
}

/** The terms (届) of the tenant: those its members served in, and the current one by the working-year calendar. */
export async function registryTerms(ctx: Pick<ModuleContext, 'db' | 'settings'>, tenantId: string) {
  const [rows, wy, cal] = await Promise.all([registryRowsOf(ctx.db, tenantId), currentWorkYear(ctx.settings, tenantId), workYearCalendarOf(ctx.settings, tenantId)]);
  const counts = new Map<number, number>();
  for (const r of rows) for (const t of r.terms) counts.set(t.termNo, (counts.get(t.termNo) ?? 0) + 1);
  const current = cal.termNumber + Math.floor((wy.year - cal.termFirstYear) / cal.termLength);
  const nos = [...new Set([...counts.keys(), current])].sort((a, b) => b - a);
  return nos.map((n) => {
    const firstYear = cal.termFirstYear + (n - cal.termNumber) * cal.termLength;
    return { termNo: n, label: termLabel(n), firstYear, lastYear: firstYear + cal.termLength - 1, current: n === current, members: counts.get(n) ?? 0 };
  });
}
