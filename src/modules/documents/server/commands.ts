/**
 * Commands on 公文. Each runs in one unit of work (`ctx.uow.run`): the row under its version (a stale one is a 409),
 * its version (版本), the step's comment, its history, work items (待办), the audit record and the events commit
 * together or not at all. 签发 allocates the 文号 inside the same transaction; the unique index on (CPPCC, type, year,
 * sequence) refuses a duplicate when two signers sign at once, and the unit of work is run again with the next number.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import { isUniqueViolation } from '../../../kernel/server/db/dialect.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { Work } from '../../../kernel/server/unit-of-work.ts';
import { AppError, forbidden, notFound } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { chinaToday } from '../../../kernel/universal/working-days.ts';
import { listCommittees, listUnits, membersAmong } from '../../organizations/index.ts';
import { findPeople } from '../../identity/index.ts';
import type { DocumentActionBody, DocumentCreateBody, DocumentEditBody } from '../contract.ts';
import {
  actionLabels, allCountersigned, allowedActions, chainOf, countChars, documentNumber, nextState, pendingCountersigns, stateLabel, typeDefs,
  type Chain, type DocumentAction, type DocumentState, type DocumentType,
} from '../domain/document-rules.ts';
import { drafts } from '../domain/documents-policy.ts';
import { canSee, chainOfRow, findItem, writeTitleGrams } from './repository.ts';
import { publishDocumentText } from './search-index.ts';
import { readDocumentsSettings } from './settings.ts';
import { documentsDb, type DocumentsItemRow } from './tables.ts';

export const ITEM_LABEL = '公文';
export const ENTITY = 'official_document';

/** The countersign parties that agreed in the document's current round. */
export async function countersignedRoles(ctx: Pick<ModuleContext, 'db'>, r: DocumentsItemRow): Promise<string[]> {
  const rows = await documentsDb(ctx.db).selectFrom('documents_comments').select('party')
    .where('document_id', '=', r.id).where('round', '=', r.round).where('step', '=', 'countersigning').where('decision', '=', 'agree').execute();
  return rows.map((x) => x.party).filter((x): x is string => !!x);
}

/** What the actor may do now with the document (the one decision the API and the web show). */
export async function actionsFor(ctx: Pick<ModuleContext, 'db'>, r: DocumentsItemRow, actor: Actor): Promise<DocumentAction[]> {
  if (r.tenant_id !== actor.tenantId) return [];
  const chain = chainOfRow(r);
  const agreed = r.state === 'countersigning' ? await countersignedRoles(ctx, r) : [];
  return allowedActions({ state: r.state as DocumentState, ownerUserId: r.owner_user_id, chain, countersignedRoles: agreed }, { userId: actor.userId, roles: actor.roles, drafts: drafts(actor) });
}

async function load(ctx: ModuleContext, id: string, actor: Actor): Promise<DocumentsItemRow> {
  const r = await findItem(ctx.db, id);
  if (!r || !(await canSee(ctx.db, r, actor))) throw notFound(ITEM_LABEL);
  return r;
}

/** The work item of the step the document waits on: for the role of the chain, in the CPPCC. */
async function openStepTask(w: Work, r: DocumentsItemRow, state: DocumentState, chain: Chain, actor: Actor, agreed: readonly string[] = []) {
  const base = { tenantId: r.tenant_id, entityType: ENTITY, entityId: r.id, recordType: ENTITY, state, title: r.title, actor: { userId: actor.userId } };
  if (state === 'reviewing') await w.openTask({ ...base, label: '公文待核稿', role: chain.review, orgId: r.tenant_id });
  if (state === 'signing') await w.openTask({ ...base, label: '公文待签发', role: chain.sign, orgId: r.tenant_id });
  if (state === 'countersigning') for (const role of chain.countersign.filter((x) => !agreed.includes(x))) await w.openTask({ ...base, label: '公文待会签', role, orgId: r.tenant_id });
  if (state === 'returned') await w.openTask({ ...base, label: '公文退回修改', userId: r.owner_user_id });
}

/** 拟稿: a draft of a type, from its template unless title and body are given; version 1 is kept. Returns its id. */
export async function createDocument(ctx: ModuleContext, actor: Actor, body: DocumentCreateBody, ip?: string): Promise<string> {
  if (!drafts(actor)) throw forbidden(`拟稿${ITEM_LABEL}`);
  const settings = await readDocumentsSettings(ctx, actor.tenantId);
  const type = body.docType as DocumentType;
  const title = body.title ?? typeDefs[type].template.title;
  const text = body.body ?? typeDefs[type].template.body;
  const id = newId();
  const row: DocumentsItemRow = {
    id, tenant_id: actor.tenantId, doc_type: type, title, body: text, addressee: body.addressee ?? '', chars: countChars(title, text),
    owner_user_id: actor.userId, owner_name: actor.displayName, owner_org_id: actor.orgId, state: 'draft',
    chain: JSON.stringify(chainOf(settings.chains, type)), round: 1, return_reason: null,
    number: null, number_year: null, number_seq: null, signer_name: null, signed_at: null, version_no: 1, version: 1, created_at: '', updated_at: '',
  };
  await ctx.uow.run(async (w) => {
    row.created_at = w.now; row.updated_at = w.now;
    await documentsDb(w.trx).insertInto('documents_items').values(row).execute();
    await documentsDb(w.trx).insertInto('documents_versions').values({ id: newId(), document_id: id, no: 1, title, body: text, author_name: actor.displayName, at: w.now }).execute();
    await writeTitleGrams(w.trx, [row]);
    await w.record({ tenantId: actor.tenantId, entityType: ENTITY, entityId: id, from: null, to: 'draft', action: 'create', actor, ip, event: { title } });
  });
  await publishDocumentText(ctx, row);
  return id;
}

/** 修改: the drafter (拟稿中, 退回修改) or the reviewer (核稿中) edits the text; a new 版本 is kept. */
export async function editDocument(ctx: ModuleContext, actor: Actor, id: string, body: DocumentEditBody, ip?: string): Promise<void> {
  const r = await load(ctx, id, actor);
  if (!(await actionsFor(ctx, r, actor)).includes('edit')) throw new AppError('FORBIDDEN', `只有拟稿人（拟稿中、退回修改时）或核稿人（核稿中）可以修改${ITEM_LABEL}`);
  const title = body.title ?? r.title, text = body.body ?? r.body, addressee = body.addressee ?? r.addressee;
  const textChanged = title !== r.title || text !== r.body;
  const no = textChanged ? r.version_no + 1 : r.version_no;
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('documents_items', id, body.version, { title, body: text, addressee, chars: countChars(title, text), version_no: no, updated_at: w.now }, ITEM_LABEL);
    if (title !== r.title) await writeTitleGrams(w.trx, [{ ...r, title }]);
    if (textChanged) await documentsDb(w.trx).insertInto('documents_versions').values({ id: newId(), document_id: id, no, title, body: text, author_name: actor.displayName, at: w.now }).execute();
    await w.record({ tenantId: r.tenant_id, entityType: ENTITY, entityId: id, from: r.state, to: r.state, action: 'edit', actor, ip, note: textChanged ? `第${no}版` : null, event: false });
  });
  await publishDocumentText(ctx, { ...r, title, body: text });
}

/** 意见: a comment at the current step by anyone who may see the document and has something to do with it. */
export async function commentDocument(ctx: ModuleContext, actor: Actor, id: string, text: string, ip?: string): Promise<void> {
  const r = await load(ctx, id, actor);
  if (!(await actionsFor(ctx, r, actor)).includes('comment')) throw forbidden(`对该${ITEM_LABEL}发表意见`);
  await ctx.uow.run(async (w) => {
    await documentsDb(w.trx).insertInto('documents_comments').values({ id: newId(), document_id: id, step: r.state, round: r.round, decision: null, party: null, user_id: actor.userId, user_name: actor.displayName, text, at: w.now }).execute();
    await w.audit({ tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: `${ENTITY}.comment`, entityType: ENTITY, entityId: id, ip });
  });
}

/** The next free sequence of the type and year (inside the transaction; the unique index settles a race). */
async function nextSeq(w: Work, tenantId: string, type: string, year: number): Promise<number> {
  const row = await documentsDb(w.trx).selectFrom('documents_items').select((eb) => eb.fn.max('number_seq').as('m'))
    .where('tenant_id', '=', tenantId).where('doc_type', '=', type).where('number_year', '=', year).executeTakeFirst();
  return Number(row?.m ?? 0) + 1;
}

/** An action on the chain: 送核稿, 核稿通过, 会签同意, 退回修改, 签发, 分发, 催阅. */
export async function actOnDocument(ctx: ModuleContext, actor: Actor, id: string, body: DocumentActionBody, ip?: string): Promise<void> {
  const r = await load(ctx, id, actor);
  const allowed = await actionsFor(ctx, r, actor);
  if (!allowed.includes(body.action)) {
    // a stale version explains a refusal better than a missing right: the document moved on since it was read
    if (body.version !== Number(r.version)) throw new AppError('VERSION_CONFLICT', `${ITEM_LABEL}已被他人修改，请刷新后重试`);
    throw new AppError('FORBIDDEN', `您现在不能对该${ITEM_LABEL}执行「${actionLabels[body.action]}」（当前：${stateLabel(r.state)}）`);
  }
  const chain = chainOfRow(r);
  const from = r.state as DocumentState;
  const settings = body.action === 'sign' ? await readDocumentsSettings(ctx, r.tenant_id) : null;
  const recipients = body.action === 'distribute' ? await resolveRecipients(ctx, r, body.orgIds, body.userIds) : [];
  const comment = 'comment' in body ? body.comment : undefined;

  const runOnce = () => ctx.uow.run(async (w) => {
    const dz = documentsDb(w.trx);
    const history = (to: DocumentState, note?: string | null) => w.record({ tenantId: r.tenant_id, entityType: ENTITY, entityId: id, from, to, action: body.action, actor, ip, note: note ?? null, event: { title: r.title } });
    const addComment = (decision: string | null, party: string | null, text: string) =>
      dz.insertInto('documents_comments').values({ id: newId(), document_id: id, step: from, round: r.round, decision, party, user_id: actor.userId, user_name: actor.displayName, text, at: w.now }).execute();

    if (body.action === 'submit' || body.action === 'approve') {
      const to = nextState(chain, from);
      await w.bumpVersion('documents_items', id, body.version, { state: to, updated_at: w.now }, ITEM_LABEL);
      if (body.action === 'approve') await addComment('agree', chain.review, comment || '核稿通过');
      else if (comment) await addComment(null, null, comment);
      await w.closeTasks(ENTITY, id);
      await history(to, comment);
      await openStepTask(w, r, to, chain, actor);
    } else if (body.action === 'countersign') {
      const agreedBefore = await countersignedRoles({ db: w.trx }, r);
      const parties = pendingCountersigns({ state: from, ownerUserId: r.owner_user_id, chain, countersignedRoles: agreedBefore }, { userId: actor.userId, roles: actor.roles, drafts: false });
      for (const p of parties) await addComment('agree', p, comment || '同意');
      const agreed = [...agreedBefore, ...parties];
      const done = allCountersigned(chain, agreed);
      const to: DocumentState = done ? 'signing' : 'countersigning';
      await w.bumpVersion('documents_items', id, body.version, { state: to, updated_at: w.now }, ITEM_LABEL);
      await w.closeTasks(ENTITY, id);
      await history(to, comment);
      await openStepTask(w, r, to, chain, actor, agreed);
    } else if (body.action === 'return') {
      await w.bumpVersion('documents_items', id, body.version, { state: 'returned', return_reason: body.comment, round: r.round + 1, updated_at: w.now }, ITEM_LABEL);
      await addComment('return', null, body.comment);
      await w.closeTasks(ENTITY, id);
      await history('returned', body.comment);
      await openStepTask(w, r, 'returned', chain, actor);
    } else if (body.action === 'sign') {
      const year = Number(chinaToday(new Date(w.now)).slice(0, 4));
      const seq = await nextSeq(w, r.tenant_id, r.doc_type, year);
      const number = documentNumber(settings!.issuerAbbr, r.doc_type as DocumentType, year, seq);
      await w.bumpVersion('documents_items', id, body.version, {
        state: 'signed', number, number_year: year, number_seq: seq, signer_name: actor.displayName, signed_at: w.now, updated_at: w.now,
      }, ITEM_LABEL);
      await addComment('agree', chain.sign, comment || '同意印发');
      await writeTitleGrams(w.trx, [{ ...r, number, number_year: year }]);
      await w.closeTasks(ENTITY, id);
      await history('signed', number);
    } else if (body.action === 'distribute') {
      if (recipients.length === 0) throw new AppError('VALIDATION_FAILED', '请选择「分发单位」或「分发委员」', { field: 'orgIds', details: [{ field: 'orgIds', message: '请选择「分发单位」或「分发委员」' }] });
      const existing = new Set((await dz.selectFrom('documents_receipts').select('recipient_id').where('document_id', '=', id).execute()).map((x) => x.recipient_id));
      const fresh = recipients.filter((x) => !existing.has(x.id));
      await w.bumpVersion('documents_items', id, body.version, { state: 'distributed', updated_at: w.now }, ITEM_LABEL);
      if (fresh.length) {
        await dz.insertInto('documents_receipts').values(fresh.map((x) => ({
          id: newId(), document_id: id, tenant_id: r.tenant_id, recipient_kind: x.kind, recipient_id: x.id, recipient_name: x.name, sent_at: w.now, read_at: null, read_by_name: null, reminded_at: null, reminders: 0,
        }))).execute();
      }
      for (const x of fresh) await openReadTask(w, r, x, actor);
      await history('distributed', `分发${fresh.length}个单位和个人`);
    } else if (body.action === 'remind') {
      const unread = await dz.selectFrom('documents_receipts').selectAll().where('document_id', '=', id).where('read_at', 'is', null).execute();
      await w.bumpVersion('documents_items', id, body.version, { updated_at: w.now }, ITEM_LABEL);
      if (unread.length) {
        await dz.updateTable('documents_receipts').set((eb) => ({ reminded_at: w.now, reminders: eb('reminders', '+', 1) })).where('document_id', '=', id).where('read_at', 'is', null).execute();
      }
      for (const x of unread) await openReadTask(w, r, { kind: x.recipient_kind as 'org' | 'user', id: x.recipient_id, name: x.recipient_name, orgKind: null }, actor, true);
      await w.record({ tenantId: r.tenant_id, entityType: ENTITY, entityId: id, from, to: from, action: 'remind', actor, ip, note: `催阅${unread.length}个未读`, event: false });
    }
  });

  // 签发 at the same moment as another signer of the same type: the number was taken; take the next one
  for (let attempt = 1; ; attempt++) {
    try { await runOnce(); break; } catch (e) {
      if (body.action === 'sign' && isUniqueViolation(e) && attempt < 8) continue;
      throw e;
    }
  }
  if (body.action === 'sign') {
    const signed = await findItem(ctx.db, id);
    if (signed) await publishDocumentText(ctx, signed);
  }
}

interface Recipient { kind: 'org' | 'user'; id: string; name: string; orgKind: string | null }

/** The organisations (of this CPPCC) and members named, with their names; an unknown one is a 400 naming the field. */
async function resolveRecipients(ctx: ModuleContext, r: DocumentsItemRow, orgIds: string[], userIds: string[]): Promise<Recipient[]> {
  // units and committees, and members, of the document's own CPPCC only: one of another CPPCC is refused as unknown
  const named = new Set(orgIds);
  const orgs = new Map<string, { name: string; kind: string }>();
  if (named.size) {
    const [committees, units] = await Promise.all([listCommittees(ctx.db, r.tenant_id), listUnits(ctx.db, r.tenant_id)]);
    for (const o of committees) if (named.has(o.id)) orgs.set(o.id, { name: o.short_name ?? o.name, kind: 'committee' });
    for (const o of units) if (named.has(o.id)) orgs.set(o.id, { name: o.short_name ?? o.name, kind: 'gov_unit' });
  }
  const badOrg = orgIds.find((o) => !orgs.has(o));
  if (badOrg) throw new AppError('VALIDATION_FAILED', `「分发单位」中有不属于本政协的单位：${badOrg}`, { field: 'orgIds', details: [{ field: 'orgIds', message: '「分发单位」中有不属于本政协的单位' }] });
  const members = await membersAmong(ctx.db, r.tenant_id, [...new Set(userIds)]);
  const people = await findPeople(ctx.db, [...members]);
  const badUser = userIds.find((u) => !people.has(u));
  if (badUser) throw new AppError('VALIDATION_FAILED', `「分发委员」中有不是本政协委员的人员：${badUser}`, { field: 'userIds', details: [{ field: 'userIds', message: '「分发委员」中有不是本政协委员的人员' }] });
  return [
    ...[...orgs].map(([id, o]) => ({ kind: 'org' as const, id, name: o.name, orgKind: o.kind as string })),
    ...[...people].map(([id, p]) => ({ kind: 'user' as const, id, name: p.name, orgKind: null })),
  ];
}

/** 待阅: a member's own work item, or one for the staff of a unit or committee. */
async function openReadTask(w: Work, r: DocumentsItemRow, x: Recipient, actor: Actor, reminder = false) {
  const base = { tenantId: r.tenant_id, entityType: ENTITY, entityId: r.id, recordType: ENTITY, state: 'distributed', title: r.title, label: reminder ? '公文催阅' : '公文待阅', actor: { userId: actor.userId } };
  if (x.kind === 'user') await w.openTask({ ...base, userId: x.id });
  else await w.openTask({ ...base, orgId: x.id, role: x.orgKind === 'committee' ? 'committee_staff' : 'unit_handler' });
}

/** 阅知回执: a recipient opened the document; the first reading is recorded (their own receipt, or their organisation's). */
export async function markRead(ctx: ModuleContext, actor: Actor, r: DocumentsItemRow): Promise<boolean> {
  if (r.state !== 'distributed') return false;
  const rows = await documentsDb(ctx.db).selectFrom('documents_receipts').select(['id', 'recipient_kind', 'recipient_id'])
    .where('document_id', '=', r.id).where('recipient_id', 'in', [actor.userId, actor.orgId]).where('read_at', 'is', null).execute();
  if (rows.length === 0) return false;
  await ctx.uow.run(async (w) => {
    await documentsDb(w.trx).updateTable('documents_receipts').set({ read_at: w.now, read_by_name: actor.displayName })
      .where('id', 'in', rows.map((x) => x.id)).where('read_at', 'is', null).execute();
    await w.closeTasks(ENTITY, r.id, { userId: actor.userId });
    await w.audit({ tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: `${ENTITY}.read`, entityType: ENTITY, entityId: r.id });
  });
  return true;
}
