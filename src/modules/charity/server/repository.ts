/**
 * Reading 公益 (Kysely, both databases). Every list query filters by what the actor may see (`canSeeItem` says the same
 * for one record): their own records, or every record of their CPPCC for staff who read all.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import type { CharityListQuery } from '../contract.ts';
import { readsAll } from '../domain/charity-policy.ts';
import { charityDb, type CharityItemRow } from './tables.ts';
import { listHistory } from '../../../kernel/server/work-items.ts';

export async function findItem(db: AnyModuleDb, id: string): Promise<CharityItemRow | undefined> {
  return charityDb(db).selectFrom('charity_items').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A China date's first instant as stored UTC text (timestamps are UTC; a China day starts 8 hours earlier). */
export const chinaDayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** One page of the records the actor may see that match the query, newest first, with the total for 共 N 条. */
export async function listItems(db: AnyModuleDb, actor: Actor, q: CharityListQuery): Promise<{ rows: CharityItemRow[]; total: number }> {
  const tdb = charityDb(db);
  let base = tdb.selectFrom('charity_items').where('tenant_id', '=', actor.tenantId);
  if (q.mine || !readsAll(actor)) base = base.where('owner_user_id', '=', actor.userId);
  if (q.state) base = base.where('state', 'in', q.state.split(','));
  if (q.q) base = base.where('title', 'like', `%${q.q.replace(/[%_\\]/g, '')}%`);
  // a period of China dates on the creation time (the figures count over the same bounds)
  if (q.from) base = base.where('created_at', '>=', chinaDayStart(q.from));
  if (q.to) base = base.where('created_at', '<', chinaDayStart(nextDay(q.to)));
  const [rows, total] = await Promise.all([
    base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** The record's history (办理过程) as the workflow runner wrote it, oldest first. */
export async function historyOf(db: AnyModuleDb, id: string) {
  // the kernel owns its tables: a module reads a record's history through work-items.ts
  return listHistory(db, 'charity_item', id);
}
