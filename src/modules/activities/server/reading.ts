/**
 * 书香政协 (decision 0083): reading groups (读书群) with their 领读人 and members, book lists with reading plans, members'
 * check-ins with notes (读书打卡·读书心得, one per member, group and day) and the replies that discuss them. Every write is
 * one unit of work with its audit record; a group's edit goes under the version read. The notes are the reading
 * figures: the list query is the count's query (figures open exactly their rows), by the day read.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { AppError, forbidden, invalid, notFound } from '../../../kernel/universal/errors.ts';
import type { Figure } from '../../../kernel/universal/figures.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { findPeople } from '../../identity/index.ts';
import { currentWorkYear, isMemberOf, settingsIn, workYearFor } from '../../organizations/index.ts';
import type { ReadingBookBody, ReadingGroupEditBody, ReadingNoteBody, ReadingNoteQuery } from '../contract.ts';
import { manages, readsAll, takesPart } from '../domain/activity-rules.ts';
import { checkNoteDay, checkPlanDays, keepsGroup } from '../domain/reading-rules.ts';
import { activitiesDb, type ReadingGroupRow, type ReadingNoteRow } from './tables.ts';

export const READING = '读书群';
type Period = { from: string; to: string };
const isUnique = (e: unknown) => !(e instanceof AppError) && /unique|duplicate/i.test(String((e as Error)?.message));

export async function findGroup(db: AnyModuleDb, actor: Actor, id: string): Promise<ReadingGroupRow> {
  const g = await activitiesDb(db).selectFrom('activity_reading_groups').selectAll().where('id', '=', id).executeTakeFirst();
  if (!g || g.tenant_id !== actor.tenantId) throw notFound(READING);
  return g;
}
const isIn = async (db: AnyModuleDb, groupId: string, userId: string) =>
  !!(await activitiesDb(db).selectFrom('activity_reading_members').select('user_id').where('group_id', '=', groupId).where('user_id', '=', userId).executeTakeFirst());

/* ------------------------------------------------------------------ queries */

/** Notes (读书心得) by group, member and the day read: the list and the figures' count. */
export function noteQuery(db: AnyModuleDb, tenantId: string, q: Omit<ReadingNoteQuery, 'page' | 'pageSize'>) {
  let base = activitiesDb(db).selectFrom('activity_reading_notes as n').where('n.tenant_id', '=', tenantId);
  if (q.groupId) base = base.where('n.group_id', '=', q.groupId);
  if (q.userId) base = base.where('n.user_id', '=', q.userId);
  if (q.from) base = base.where('n.on_date', '>=', q.from);
  if (q.to) base = base.where('n.on_date', '<=', q.to);
  return base;
}

export async function countReaders(db: AnyModuleDb, tenantId: string, q: Omit<ReadingNoteQuery, 'page' | 'pageSize' | 'userId'>): Promise<number> {
  const { n } = await noteQuery(db, tenantId, q).select(sql<number>`count(distinct n.user_id)`.as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

export async function listReaders(db: AnyModuleDb, tenantId: string, q: Omit<ReadingNoteQuery, 'userId'>) {
  const grouped = noteQuery(db, tenantId, q).select(['n.user_id', (eb) => eb.fn.max('n.name').as('name'), (eb) => eb.fn.countAll<number>().as('c')]).groupBy('n.user_id');
  const [rows, total] = await Promise.all([
    activitiesDb(db).selectFrom(grouped.as('g')).selectAll().orderBy('g.c', 'desc').orderBy('g.user_id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    countReaders(db, tenantId, q),
  ]);
  return { items: rows.map((r) => ({ userId: r.user_id, name: String(r.name), notes: Number(r.c) })), total };
}

/** A page of notes, newest first, with their groups' names and replies. */
export async function listNotes(db: AnyModuleDb, tenantId: string, q: ReadingNoteQuery) {
  const base = noteQuery(db, tenantId, q);
  const [rows, total] = await Promise.all([
    base.selectAll('n').orderBy('n.on_date', 'desc').orderBy('n.created_at', 'desc').orderBy('n.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('c')).executeTakeFirstOrThrow(),
  ]);
  return { items: await presentNotes(db, rows), total: Number(total.c) };
}

async function presentNotes(db: AnyModuleDb, rows: ReadingNoteRow[]) {
  if (rows.length === 0) return [];
  const tdb = activitiesDb(db);
  const [groups, replies] = await Promise.all([
    tdb.selectFrom('activity_reading_groups').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.group_id))]).execute(),
    tdb.selectFrom('activity_reading_replies').selectAll().where('note_id', 'in', rows.map((r) => r.id)).orderBy('created_at').orderBy('id').execute(),
  ]);
  const name = new Map(groups.map((g) => [g.id, g.name]));
  return rows.map((r) => ({
    id: r.id, groupId: r.group_id, groupName: name.get(r.group_id) ?? '', bookId: r.book_id, bookTitle: r.book_title, userId: r.user_id, name: r.name,
    content: r.content, onDate: r.on_date, createdAt: r.created_at,
    replies: replies.filter((x) => x.note_id === r.id).map((x) => ({ id: x.id, userId: x.user_id, name: x.name, content: x.content, createdAt: x.created_at })),
  }));
}

/** The CPPCC's reading groups with their counts (members, books, all notes) and whether the caller has joined. */
export async function listGroups(db: AnyModuleDb, actor: Actor) {
  const tdb = activitiesDb(db);
  const today = clock.today();
  const groups = await tdb.selectFrom('activity_reading_groups').selectAll().where('tenant_id', '=', actor.tenantId).orderBy('name').orderBy('id').execute();
  if (groups.length === 0) return [];
  const ids = groups.map((g) => g.id);
  const [members, books, notes, mine, current] = await Promise.all([
    tdb.selectFrom('activity_reading_members').select(['group_id', (eb) => eb.fn.countAll<number>().as('c')]).where('group_id', 'in', ids).groupBy('group_id').execute(),
    tdb.selectFrom('activity_reading_books').select(['group_id', (eb) => eb.fn.countAll<number>().as('c')]).where('group_id', 'in', ids).groupBy('group_id').execute(),
    tdb.selectFrom('activity_reading_notes').select(['group_id', (eb) => eb.fn.countAll<number>().as('c')]).where('group_id', 'in', ids).groupBy('group_id').execute(),
    tdb.selectFrom('activity_reading_members').select('group_id').where('user_id', '=', actor.userId).where('group_id', 'in', ids).execute(),
    tdb.selectFrom('activity_reading_books').select(['group_id', 'title']).where('group_id', 'in', ids).where('starts_on', '<=', today).where('ends_on', '>=', today).orderBy('starts_on').execute(),
  ]);
  const count = (xs: { group_id: string; c: number }[]) => new Map(xs.map((x) => [x.group_id, Number(x.c)]));
  const [m, b, n] = [count(members), count(books), count(notes)];
  const joined = new Set(mine.map((x) => x.group_id));
  const reading = new Map<string, string>();
  for (const c of current) if (!reading.has(c.group_id)) reading.set(c.group_id, c.title);
  return groups.map((g) => ({
    id: g.id, name: g.name, intro: g.intro, leaderUserId: g.leader_user_id, leaderName: g.leader_name,
    members: m.get(g.id) ?? 0, books: b.get(g.id) ?? 0, notes: n.get(g.id) ?? 0, currentBook: reading.get(g.id) ?? null, joined: joined.has(g.id), version: Number(g.version),
  }));
}

export async function yearPeriod(db: AnyModuleDb, tenantId: string, year?: number): Promise<Period> {
  const y = year ?? (await currentWorkYear(settingsIn(db), tenantId)).year;
  const days = await workYearFor(settingsIn(db), tenantId, y);
  return { from: days.startsOn, to: days.endsOn };
}

/* ------------------------------------------------------------------ figures */

/** 读书心得 and 参与读书的委员 of a period, for the whole CPPCC or one group. */
export async function readingFigures(db: AnyModuleDb, tenantId: string, period: Period, groupId?: string): Promise<Figure[]> {
  const query: Record<string, string> = { ...period, ...(groupId ? { groupId } : {}) };
  const [notes, readers] = await Promise.all([
    noteQuery(db, tenantId, query).select((eb) => eb.fn.countAll<number>().as('c')).executeTakeFirstOrThrow(),
    countReaders(db, tenantId, query),
  ]);
  return [
    { key: 'activities.reading_notes', label: '读书心得', unit: '篇', value: Number(notes.c), list: { api: '/api/activities/reading/notes', web: '/activities/reading/notes', query, rows: 'activity_reading_note' } },
    { key: 'activities.reading_members', label: '参与读书的委员', unit: '人', value: readers, list: { api: '/api/activities/reading/readers', query, rows: 'member' } },
  ];
}

export async function memberReadingFigure(db: AnyModuleDb, tenantId: string, userId: string, period: Period): Promise<Figure> {
  const query = { ...period, userId };
  const { c } = await noteQuery(db, tenantId, query).select((eb) => eb.fn.countAll<number>().as('c')).executeTakeFirstOrThrow();
  return { key: 'activities.member.reading_notes', label: '读书打卡（读书心得）', unit: '篇', value: Number(c), list: { api: '/api/activities/reading/notes', web: '/activities/reading/notes', query, rows: 'activity_reading_note' } };
}

/* ------------------------------------------------------------------ detail */

export async function groupDetail(ctx: Pick<ModuleContext, 'db'>, actor: Actor, id: string) {
  const g = await findGroup(ctx.db, actor, id);
  const tdb = activitiesDb(ctx.db);
  const today = clock.today();
  const period = await yearPeriod(ctx.db, actor.tenantId);
  const [item] = (await listGroups(ctx.db, actor)).filter((x) => x.id === id);
  const [members, books, bookNotes, figures, mineToday] = await Promise.all([
    tdb.selectFrom('activity_reading_members').selectAll().where('group_id', '=', id).orderBy('joined_at').orderBy('user_id').execute(),
    tdb.selectFrom('activity_reading_books').selectAll().where('group_id', '=', id).orderBy('starts_on', 'desc').orderBy('id').execute(),
    tdb.selectFrom('activity_reading_notes').select(['book_id', (eb) => eb.fn.countAll<number>().as('c')]).where('group_id', '=', id).groupBy('book_id').execute(),
    readingFigures(ctx.db, actor.tenantId, period, id),
    tdb.selectFrom('activity_reading_notes').select('id').where('group_id', '=', id).where('user_id', '=', actor.userId).where('on_date', '=', today).executeTakeFirst(),
  ]);
  const perBook = new Map(bookNotes.map((b) => [b.book_id, Number(b.c)]));
  const joined = item.joined;
  return {
    ...item,
    memberList: members.map((m) => ({ userId: m.user_id, name: m.name, joinedAt: m.joined_at })),
    bookList: books.map((b) => ({ id: b.id, title: b.title, author: b.author, plan: b.plan, startsOn: b.starts_on, endsOn: b.ends_on, notes: perBook.get(b.id) ?? 0 })),
    figures,
    canEdit: keepsGroup(actor, g),
    canChangeLeader: manages(actor),
    canJoin: !joined && takesPart(actor),
    canCheckIn: joined && !mineToday,
    checkedInToday: !!mineToday,
  };
}

/* ------------------------------------------------------------------ commands */

async function leaderOf(ctx: Pick<ModuleContext, 'db'>, actor: Actor, userId: string | null | undefined) {
  if (!userId) return null;
  if (!(await isMemberOf(ctx.db, actor.tenantId, userId))) throw invalid('leaderUserId', '「领读人」', `中的 ${userId} 不是本级政协委员`);
  const p = (await findPeople(ctx.db, [userId])).get(userId);
  return { userId, name: p?.name ?? userId };
}

/** 新建读书群: the office; the 领读人 joins it. */
export async function createGroup(ctx: ModuleContext, actor: Actor, body: { name: string; intro: string; leaderUserId?: string }, ip?: string): Promise<string> {
  if (!manages(actor)) throw forbidden('新建读书群');
  const leader = await leaderOf(ctx, actor, body.leaderUserId);
  const id = newId();
  await ctx.uow.run(async (w) => {
    const db = activitiesDb(w.trx);
    await db.insertInto('activity_reading_groups').values({
      id, tenant_id: actor.tenantId, name: body.name, intro: body.intro, leader_user_id: leader?.userId ?? null, leader_name: leader?.name ?? null, version: 1, created_at: w.now, updated_at: w.now,
    }).execute();
    if (leader) await db.insertInto('activity_reading_members').values({ group_id: id, tenant_id: actor.tenantId, user_id: leader.userId, name: leader.name, joined_at: w.now }).execute();
    await w.audit({ tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'reading_group.create', entityType: 'reading_group', entityId: id, data: { name: body.name }, ip });
  });
  return id;
}

/** 修改读书群: the office or its 领读人 (only the office changes the 领读人), under the version read. */
export async function updateGroup(ctx: ModuleContext, actor: Actor, id: string, body: ReadingGroupEditBody, ip?: string) {
  const g = await findGroup(ctx.db, actor, id);
  if (!keepsGroup(actor, g)) throw forbidden('修改读书群');
  const changesLeader = body.leaderUserId !== undefined && body.leaderUserId !== g.leader_user_id;
  if (changesLeader && !manages(actor)) throw new AppError('FORBIDDEN', '只有工作人员可以更换领读人', { field: 'leaderUserId' });
  const leader = changesLeader ? await leaderOf(ctx, actor, body.leaderUserId) : undefined;
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('activity_reading_groups', id, body.version, {
      name: body.name ?? g.name, intro: body.intro ?? g.intro, updated_at: w.now,
      ...(changesLeader ? { leader_user_id: leader?.userId ?? null, leader_name: leader?.name ?? null } : {}),
    }, READING);
    if (leader && !(await isIn(w.trx, id, leader.userId))) {
      await activitiesDb(w.trx).insertInto('activity_reading_members').values({ group_id: id, tenant_id: g.tenant_id, user_id: leader.userId, name: leader.name, joined_at: w.now }).execute();
    }
    await w.audit({ tenantId: g.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'reading_group.update', entityType: 'reading_group', entityId: id, data: { name: body.name, leaderUserId: changesLeader ? body.leaderUserId : undefined }, ip });
  });
}

/** 加入读书群: a member of the CPPCC, once. */
export async function joinGroup(ctx: ModuleContext, actor: Actor, id: string, ip?: string) {
  const g = await findGroup(ctx.db, actor, id);
  if (!takesPart(actor) || !(await isMemberOf(ctx.db, actor.tenantId, actor.userId))) throw new AppError('FORBIDDEN', '只有本级政协委员可以加入读书群');
  if (await isIn(ctx.db, id, actor.userId)) throw new AppError('CONFLICT', '您已在这个读书群中');
  try {
    await ctx.uow.run(async (w) => {
      await activitiesDb(w.trx).insertInto('activity_reading_members').values({ group_id: id, tenant_id: g.tenant_id, user_id: actor.userId, name: actor.displayName, joined_at: w.now }).execute();
      await w.audit({ tenantId: g.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'reading_group.join', entityType: 'reading_group', entityId: id, ip });
    });
  } catch (e) {
    if (isUnique(e)) throw new AppError('CONFLICT', '您已在这个读书群中');
    throw e;
  }
}

/** 退出读书群: the member's notes stay (they were read and counted); the 领读人 cannot leave while leading. */
export async function leaveGroup(ctx: ModuleContext, actor: Actor, id: string, ip?: string) {
  const g = await findGroup(ctx.db, actor, id);
  if (g.leader_user_id === actor.userId) throw new AppError('CONFLICT', '领读人不能退出读书群，请先请工作人员更换领读人');
  await ctx.uow.run(async (w) => {
    const r = await activitiesDb(w.trx).deleteFrom('activity_reading_members').where('group_id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst();
    if (Number(r.numDeletedRows) !== 1) throw new AppError('CONFLICT', '您不在这个读书群中');
    await w.audit({ tenantId: g.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'reading_group.leave', entityType: 'reading_group', entityId: id, ip });
  });
}

/** 添加书目: the office or the 领读人, with the plan's days. */
export async function addBook(ctx: ModuleContext, actor: Actor, id: string, body: ReadingBookBody, ip?: string): Promise<string> {
  const g = await findGroup(ctx.db, actor, id);
  if (!keepsGroup(actor, g)) throw forbidden('添加书目');
  const bad = checkPlanDays(body.startsOn, body.endsOn);
  if (bad) throw invalid(bad.field, bad.field === 'startsOn' ? '「开始日期」' : '「结束日期」', bad.message);
  const bookId = newId();
  await ctx.uow.run(async (w) => {
    await activitiesDb(w.trx).insertInto('activity_reading_books').values({
      id: bookId, group_id: id, tenant_id: g.tenant_id, title: body.title, author: body.author || null, plan: body.plan || null, starts_on: body.startsOn, ends_on: body.endsOn, created_at: w.now,
    }).execute();
    await w.audit({ tenantId: g.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'reading_group.book', entityType: 'reading_group', entityId: id, data: { bookId, title: body.title }, ip });
  });
  return bookId;
}

/** 读书打卡: a member of the group posts their note for a day (today, or up to 30 days back), once a day per group. */
export async function postNote(ctx: ModuleContext, actor: Actor, body: ReadingNoteBody, ip?: string): Promise<string> {
  const g = await activitiesDb(ctx.db).selectFrom('activity_reading_groups').selectAll().where('id', '=', body.groupId).executeTakeFirst();
  if (!g || g.tenant_id !== actor.tenantId) throw invalid('groupId', '「读书群」', '不存在');
  if (!(await isIn(ctx.db, g.id, actor.userId))) throw new AppError('FORBIDDEN', '请先加入这个读书群再打卡');
  const today = clock.today();
  const onDate = body.onDate ?? today;
  const bad = checkNoteDay(onDate, today);
  if (bad) throw invalid('onDate', '「打卡日期」', bad);
  let bookTitle: string | null = null;
  if (body.bookId) {
    const b = await activitiesDb(ctx.db).selectFrom('activity_reading_books').select(['title', 'group_id']).where('id', '=', body.bookId).executeTakeFirst();
    if (!b || b.group_id !== g.id) throw invalid('bookId', '「书目」', '不是这个读书群的书目');
    bookTitle = b.title;
  }
  const twice = () => new AppError('CONFLICT', `您 ${onDate} 已在「${g.name}」打过卡`);
  if (await activitiesDb(ctx.db).selectFrom('activity_reading_notes').select('id').where('group_id', '=', g.id).where('user_id', '=', actor.userId).where('on_date', '=', onDate).executeTakeFirst()) throw twice();
  const id = newId();
  try {
    await ctx.uow.run(async (w) => {
      await activitiesDb(w.trx).insertInto('activity_reading_notes').values({
        id, tenant_id: g.tenant_id, group_id: g.id, book_id: body.bookId ?? null, book_title: bookTitle, user_id: actor.userId, name: actor.displayName, content: body.content, on_date: onDate, created_at: w.now,
      }).execute();
      await w.audit({ tenantId: g.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'reading_note.create', entityType: 'activity_reading_note', entityId: id, data: { groupId: g.id, onDate }, ip });
      await w.emit({ type: 'reading_note.posted', tenantId: g.tenant_id, entityType: 'activity_reading_note', entityId: id, actorId: actor.userId, payload: { groupId: g.id, userId: actor.userId, onDate } });
    });
  } catch (e) {
    if (isUnique(e)) throw twice();
    throw e;
  }
  return id;
}

/** 交流讨论: a member of the note's group, or the office, replies to a note. */
export async function replyToNote(ctx: ModuleContext, actor: Actor, noteId: string, content: string, ip?: string): Promise<void> {
  const n = await activitiesDb(ctx.db).selectFrom('activity_reading_notes').select(['id', 'tenant_id', 'group_id']).where('id', '=', noteId).executeTakeFirst();
  if (!n || n.tenant_id !== actor.tenantId) throw notFound('读书心得');
  if (!manages(actor) && !(await isIn(ctx.db, n.group_id, actor.userId))) throw new AppError('FORBIDDEN', '只有读书群的成员可以参与交流');
  await ctx.uow.run(async (w) => {
    const id = newId();
    await activitiesDb(w.trx).insertInto('activity_reading_replies').values({ id, tenant_id: n.tenant_id, note_id: n.id, user_id: actor.userId, name: actor.displayName, content, created_at: w.now }).execute();
    await w.audit({ tenantId: n.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'reading_note.reply', entityType: 'activity_reading_note', entityId: n.id, data: { replyId: id }, ip });
  });
}

export { readsAll };
