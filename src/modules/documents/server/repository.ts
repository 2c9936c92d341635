/**
 * Reading 公文 (Kysely, both databases): the archive search (文号, type, year, state, text), one document with its
 * versions, comments and receipts, and what an actor may see.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import type { DocumentListQuery } from '../contract.ts';
import { chainSchema, parseNumber, titleGrams, type Chain } from '../domain/document-rules.ts';
import { canSeeByRole, readsAll } from '../domain/documents-policy.ts';
import { documentsDb, type DocumentsDb, type DocumentsItemRow } from './tables.ts';

export const chainOfRow = (r: { chain: string }): Chain => chainSchema.parse(JSON.parse(r.chain));

export async function findItem(db: AnyModuleDb, id: string): Promise<DocumentsItemRow | undefined> {
  return documentsDb(db).selectFrom('documents_items').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The receipt through which the actor received the document (their own, or their organisation's), if any. */
export async function receiptFor(db: AnyModuleDb, documentId: string, actor: Actor) {
  return documentsDb(db).selectFrom('documents_receipts').selectAll().where('document_id', '=', documentId)
    .where('recipient_id', 'in', [actor.userId, actor.orgId]).orderBy('recipient_kind', 'desc').executeTakeFirst();
}

export async function canSee(db: AnyModuleDb, r: DocumentsItemRow, actor: Actor): Promise<boolean> {
  if (r.tenant_id !== actor.tenantId) return false;
  if (canSeeByRole({ ...r, chain: chainOfRow(r) }, actor)) return true;
  return r.state === 'distributed' && !!(await receiptFor(db, r.id, actor));
}

/** A China date's first instant as stored UTC text. */
export const chinaDayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
/** Up to this many documents found through the title index are looked up by id. */
const WORD_IDS = 2000;
const likeText = (s: string) => `%${s.replace(/[%_\\]/g, '')}%`;

/**
 * One page of the archive the actor may see, newest first. Filters: 文种, 状态, 年度 (the 文号's year, or the year
 * drafted before a number exists), 文号 (a prefix or a part), 关键词 (in 文号 and title), 签发 period, 收文.
 */
export async function listItems(db: AnyModuleDb, actor: Actor, q: DocumentListQuery): Promise<{ rows: Array<DocumentsItemRow & { read_at?: string | null }>; total: number }> {
  const tdb = documentsDb(db);
  let base = tdb.selectFrom('documents_items').where('documents_items.tenant_id', '=', actor.tenantId);
  const receiptOf = tdb.selectFrom('documents_receipts').select('documents_receipts.document_id').where('documents_receipts.recipient_id', 'in', [actor.userId, actor.orgId]);
  if (q.inbox) {
    base = base.where('documents_items.id', 'in', receiptOf).where('documents_items.state', '=', 'distributed');
  } else if (q.mine || !readsAll(actor)) {
    // one's drafts, what waits on one's roles in a chain, and what one received
    const roles = actor.roles.filter((r) => /^[a-z_]+$/.test(r));
    base = base.where((eb) => eb.or([
      eb('documents_items.owner_user_id', '=', actor.userId),
      ...(q.mine ? [] : [
        ...roles.map((role) => eb.and([eb('documents_items.state', '!=', 'draft'), eb('documents_items.chain', 'like', `%"${role}"%`)])),
        eb.and([eb('documents_items.state', '=', 'distributed'), eb('documents_items.id', 'in', receiptOf)]),
      ]),
    ]));
  }
  if (q.docType) base = base.where('documents_items.doc_type', 'in', q.docType.split(','));
  if (q.state) base = base.where('documents_items.state', 'in', q.state.split(','));
  if (q.year) {
    const year = q.year;
    base = base.where((eb) => eb.or([
      eb('documents_items.number_year', '=', year),
      eb.and([eb('documents_items.number_year', 'is', null), eb('documents_items.created_at', '>=', chinaDayStart(`${year}-01-01`)), eb('documents_items.created_at', '<', chinaDayStart(`${year + 1}-01-01`))]),
    ]));
  }
  if (q.number) {
    // the parts a 文号 tells (type, year, sequence) go through the number's unique index; the text then narrows
    const n = parseNumber(q.number);
    if (n.type) base = base.where('documents_items.doc_type', '=', n.type);
    if (n.year) base = base.where('documents_items.number_year', '=', n.year);
    if (n.seq) base = base.where('documents_items.number_seq', '=', n.seq);
    base = base.where('documents_items.number', 'like', likeText(q.number));
  }
  if (q.q) {
    const pattern = likeText(q.q);
    // a word of two characters or more: the documents holding its first and last pieces (the title index, one join),
    // then the exact text; a word so common that more than WORD_IDS documents hold both pieces is matched by text alone
    const all = titleGrams(q.q);
    if (all.length > 0) {
      const first = all[0], last = all[all.length - 1];
      const ids = (await tdb.selectFrom('documents_title_grams as g1')
        .innerJoin('documents_title_grams as g2', (j) => j.onRef('g2.document_id', '=', 'g1.document_id').on('g2.gram', '=', last))
        .select('g1.document_id').where('g1.gram', '=', first).limit(WORD_IDS + 1).execute()).map((r) => r.document_id);
      if (ids.length <= WORD_IDS) base = ids.length ? base.where('documents_items.id', 'in', ids) : base.where((eb) => eb.val(1), '=', 0);
    }
    base = base.where((eb) => eb.or([eb('documents_items.title', 'like', pattern), eb('documents_items.number', 'like', pattern)]));
  }
  if (q.signedFrom) base = base.where('documents_items.signed_at', '>=', chinaDayStart(q.signedFrom));
  if (q.signedTo) base = base.where('documents_items.signed_at', '<', chinaDayStart(nextDay(q.signedTo)));
  const [rows, total] = await Promise.all([
    base.selectAll('documents_items').select((eb) => eb.selectFrom('documents_receipts').select((e2) => e2.fn.max('documents_receipts.read_at').as('r'))
      .whereRef('documents_receipts.document_id', '=', 'documents_items.id').where('documents_receipts.recipient_id', 'in', [actor.userId, actor.orgId]).as('read_at'))
      .orderBy('documents_items.created_at', 'desc').orderBy('documents_items.id', 'desc')
      .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as Array<DocumentsItemRow & { read_at?: string | null }>, total: Number(total.n) };
}

export async function versionsOf(db: AnyModuleDb, id: string) {
  return documentsDb(db).selectFrom('documents_versions').selectAll().where('document_id', '=', id).orderBy('no').execute();
}
export async function commentsOf(db: AnyModuleDb, id: string) {
  return documentsDb(db).selectFrom('documents_comments').selectAll().where('document_id', '=', id).orderBy('at').orderBy('id').execute();
}
export async function receiptsOf(db: AnyModuleDb, id: string) {
  return documentsDb(db).selectFrom('documents_receipts').selectAll().where('document_id', '=', id).orderBy('recipient_kind').orderBy('recipient_name').execute();
}

/** Write a document's title pieces (inside its unit of work): after it is drafted, retitled or numbered. */
export async function writeTitleGrams(db: DocumentsDb | AnyModuleDb, rows: ReadonlyArray<{ id: string; title: string; number: string | null }>): Promise<void> {
  if (rows.length === 0) return;
  const tdb = documentsDb(db as AnyModuleDb);
  await tdb.deleteFrom('documents_title_grams').where('document_id', 'in', rows.map((r) => r.id)).execute();
  const values = rows.flatMap((r) => titleGrams(`${r.number ?? ''}${r.title}`).map((gram) => ({ gram, document_id: r.id })));
  for (let i = 0; i < values.length; i += 500) await tdb.insertInto('documents_title_grams').values(values.slice(i, i + 500)).execute();
}
