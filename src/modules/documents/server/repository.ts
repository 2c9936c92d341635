/**
 * Reading 公文 (Kysely, both databases): the archive search (文号, type, year, state, text), one document with its
 * versions, comments and receipts, and what an actor may see.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import type { DocumentListQuery } from '../contract.ts';
import { archiveYear, chainSchema, parseNumber, titleGrams, type Chain } from '../domain/document-rules.ts';
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
/**
 * A word's documents are taken from the title index when its rarest piece is held by at most this many documents of
 * the CPPCC (and year): that piece's entries are read and joined with the next rarest pieces, and only the documents
 * holding all of them are read and matched exactly. A word whose every piece is commoner is matched by text over what
 * the other filters leave. `pieces`: how many of the rarest pieces are joined. (Tests lower `postings` to reach both
 * ways with a few hundred documents.)
 */
export const archiveSearchTuning = { postings: 5000, pieces: 3 };
const likeText = (s: string) => `%${s.replace(/[%_\\]/g, '')}%`;

/**
 * The documents of the CPPCC (and year) whose 文号 and title hold every rarest piece of the word, as a subquery; 'none'
 * when a piece is held by none (nothing can match); null when the word is too short or too common for the index (the
 * caller then matches by text alone). Counting a piece's entries reads the index only.
 */
async function wordCandidates(tdb: DocumentsDb, tenantId: string, word: string, year: number | undefined) {
  const grams = titleGrams(word);
  if (grams.length === 0) return null;
  const scope = <Q extends { where: (...a: any[]) => Q }>(q: Q, alias: string) => {
    let out = q.where(`${alias}.tenant_id`, '=', tenantId);
    if (year) out = out.where(`${alias}.year`, '=', year);
    return out;
  };
  const counts = await Promise.all(grams.map(async (gram) => {
    const inner = scope(tdb.selectFrom('documents_title_grams as g').select('g.document_id').where('g.gram', '=', gram) as any, 'g').limit(archiveSearchTuning.postings + 1);
    const r = await tdb.selectFrom(inner.as('p')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { gram, n: Number(r.n) };
  }));
  counts.sort((a, b) => a.n - b.n);
  if (counts[0].n === 0) return 'none' as const;
  if (counts[0].n > archiveSearchTuning.postings) return null;
  const [first, ...rest] = counts.slice(0, archiveSearchTuning.pieces);
  let sub = scope(tdb.selectFrom('documents_title_grams as g0').select('g0.document_id').where('g0.gram', '=', first.gram) as any, 'g0');
  rest.forEach((p, i) => {
    const alias = `g${i + 1}`;
    sub = sub.innerJoin(`documents_title_grams as ${alias}`, (j: any) => j.onRef(`${alias}.document_id`, '=', 'g0.document_id').on(`${alias}.gram`, '=', p.gram));
  });
  return sub as ReturnType<DocumentsDb['selectFrom']> as never;
}

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
    const word = await wordCandidates(tdb, actor.tenantId, q.q, q.year);
    if (word === 'none') base = base.where((eb) => eb.val(1), '=', 0);
    else if (word) base = base.where('documents_items.id', 'in', word);
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
export async function writeTitleGrams(db: DocumentsDb | AnyModuleDb, rows: ReadonlyArray<Pick<DocumentsItemRow, 'id' | 'tenant_id' | 'title' | 'number' | 'number_year' | 'created_at'>>): Promise<void> {
  if (rows.length === 0) return;
  const tdb = documentsDb(db as AnyModuleDb);
  await tdb.deleteFrom('documents_title_grams').where('document_id', 'in', rows.map((r) => r.id)).execute();
  const values = rows.flatMap((r) => titleGrams(`${r.number ?? ''}${r.title}`).map((gram) => ({ gram, document_id: r.id, tenant_id: r.tenant_id, year: archiveYear(r) })));
  for (let i = 0; i < values.length; i += 500) await tdb.insertInto('documents_title_grams').values(values.slice(i, i + 500)).execute();
}
