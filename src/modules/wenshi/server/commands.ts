/**
 * Commands on 文史资料 and issues of 《长治文史》. Each runs in one unit of work (`ctx.uow.run`): the rows, the history,
 * the work item, the audit record and the events commit together or not at all. Every write is guarded by the version
 * the client read: a stale one is a 409 VERSION_CONFLICT.
 */
import { requirePermission, systemActor, type Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { Work } from '../../../kernel/server/unit-of-work.ts';
import type { WorkflowSpec } from '../../../kernel/server/workflow-runner.ts';
import { AppError, invalid, notFound } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { linkAttachments } from '../../attachments/index.ts';
import type { TextIndexPayload } from '../../text/index.ts';
import type { PublicSubmissionFields, WenshiCreateBody } from '../contract.ts';
import { issueLabel } from '../domain/wenshi-catalogue.ts';
import { wenshiLifecycle, wenshiPermissions } from '../domain/wenshi-lifecycle.ts';
import { canSeeMaterial } from '../domain/wenshi-policy.ts';
import { findIssue } from './repository.ts';
import { wenshiDb, type WenshiIssueRow, type WenshiMaterialRow } from './tables.ts';

export const ITEM_LABEL = '文史资料';
export const ISSUE_LABEL = '辑刊';
/** The search source of materials in the cross-module search (全文检索). */
export const MATERIAL_SOURCE = 'wenshi_material';

/** A material's text for the search index, sent through the outbox after commit. */
export async function indexMaterial(w: Work, r: Pick<WenshiMaterialRow, 'id' | 'tenant_id' | 'title' | 'body' | 'period' | 'place' | 'people' | 'topic' | 'created_at' | 'state' | 'owner_user_id'>) {
  const meta = [r.period, r.place, r.people, r.topic].filter(Boolean).join(' ');
  const payload: TextIndexPayload = { source: MATERIAL_SOURCE, refId: r.id, title: r.title, body: `${r.body}\n${meta}`, createdAt: r.created_at, state: r.state, ownerUserId: r.owner_user_id };
  await w.emit({ type: 'text.index', tenantId: r.tenant_id, entityType: MATERIAL_SOURCE, entityId: r.id, payload: payload as unknown as Record<string, unknown> });
}

/**
 * How the workflow runner handles a material. `apply` writes the columns a transition sets besides state and
 * version, through `trx` only: the reason of 不予采用, an editor's revision (kept in wenshi_revisions), the issue and
 * place in its contents on 入辑 (an issue of the same CPPCC not yet published), and none on 移出.
 */
export function materialSpec(): WorkflowSpec<WenshiMaterialRow & { [k: string]: unknown }> {
  return {
    workflow: wenshiLifecycle as WorkflowSpec<any>['workflow'],
    table: 'wenshi_materials',
    entityLabel: ITEM_LABEL,
    titleOf: (r) => r.title,
    canSee: (r, actor) => canSeeMaterial(r, actor),
    async apply({ trx, record, transition, input, actor, now }) {
      const db = wenshiDb(trx);
      if (transition.name === 'decline') return { decline_reason: input.reason as string };
      if (transition.name === 'edit') {
        const last = await db.selectFrom('wenshi_revisions').select((eb) => eb.fn.max<number>('no').as('n')).where('material_id', '=', record.id).executeTakeFirst();
        await db.insertInto('wenshi_revisions').values({
          id: newId(), material_id: record.id, no: Number(last?.n ?? 0) + 1, title: input.title as string, body: input.body as string,
          editor_id: actor.userId, editor_name: actor.displayName, note: (input.note as string | undefined) ?? null, created_at: now,
        }).execute();
        return { title: input.title as string, body: input.body as string };
      }
      if (transition.name === 'select') {
        const issue = await db.selectFrom('wenshi_issues').selectAll().where('id', '=', input.issueId as string).executeTakeFirst();
        if (!issue || issue.tenant_id !== record.tenant_id) throw invalid('issueId', '「辑刊」', '不存在');
        if (Number(issue.published) === 1) throw invalid('issueId', '「辑刊」', `${issueLabel(Number(issue.number))}已出版，不能再增加篇目`);
        const last = await db.selectFrom('wenshi_materials').select((eb) => eb.fn.max<number>('seq').as('n')).where('issue_id', '=', issue.id).executeTakeFirst();
        // the issue's version moves too: a contents order read before this is stale
        await db.updateTable('wenshi_issues').set({ version: Number(issue.version) + 1, updated_at: now }).where('id', '=', issue.id).execute();
        return { issue_id: issue.id, section: input.section as string, seq: Number(last?.n ?? 0) + 1 };
      }
      if (transition.name === 'withdraw_from_issue') {
        const issue = record.issue_id ? await db.selectFrom('wenshi_issues').selectAll().where('id', '=', record.issue_id).executeTakeFirst() : undefined;
        if (issue && Number(issue.published) === 1) throw new AppError('CONFLICT', `${issueLabel(Number(issue.number))}已出版，篇目不能移出`);
        if (issue) await db.updateTable('wenshi_issues').set({ version: Number(issue.version) + 1, updated_at: now }).where('id', '=', issue.id).execute();
        return { issue_id: null, section: null, seq: null };
      }
      return {};
    },
  };
}

type NewMaterial = Omit<WenshiMaterialRow, 'state' | 'version' | 'created_at' | 'updated_at'>;

async function insertMaterial(ctx: ModuleContext, actor: Actor, values: NewMaterial, attachmentIds: string[], ip?: string) {
  await ctx.uow.run(async (w) => {
    const row = await w.create(materialSpec(), values, actor, ip);
    await linkAttachments(w.trx, { ids: attachmentIds, entityType: 'wenshi_material', entityId: values.id, actor });
    await indexMaterial(w, row);
  });
}

const metaOf = (b: { period?: string; place?: string; people?: string; topic?: string }) => ({
  period: b.period || null, place: b.place || null, people: b.people || null, topic: b.topic || null,
});

/** 投稿 by a signed-in member (or staff): arrives 已收到, on the 文史委 staff's worklist. Returns its id. */
export async function createMaterial(ctx: ModuleContext, actor: Actor, body: WenshiCreateBody, ip?: string): Promise<string> {
  requirePermission(actor, wenshiPermissions.create, `投稿${ITEM_LABEL}`);
  const id = newId();
  await insertMaterial(ctx, actor, {
    id, tenant_id: actor.tenantId, title: body.title, body: body.body, original_title: body.title, original_body: body.body,
    source: 'member', owner_user_id: actor.userId, contributor_name: actor.displayName, contributor_contact: body.contributorContact || null,
    ...metaOf(body), decline_reason: null, issue_id: null, section: null, seq: null, published: 0,
  }, body.attachmentIds ?? [], ip);
  return id;
}

/** The actor a public submission is made by: no user, the CPPCC it is sent to. */
export function publicActor(tenantId: string, name: string): Actor {
  return { ...systemActor(tenantId), userId: 'public', username: 'public', displayName: `社会公众（${name}）`, roles: ['public'], permissions: new Set() };
}

/** 社会公众投稿: a submission from the public page; its files were stored by the attachments module just before. */
export async function createPublicSubmission(ctx: ModuleContext, tenantId: string, f: PublicSubmissionFields, attachmentIds: string[], ip?: string): Promise<string> {
  const id = newId();
  const actor = publicActor(tenantId, f.contributorName);
  await insertMaterial(ctx, actor, {
    id, tenant_id: tenantId, title: f.title, body: f.body, original_title: f.title, original_body: f.body,
    source: 'public', owner_user_id: null, contributor_name: f.contributorName, contributor_contact: f.contributorContact,
    ...metaOf(f), decline_reason: null, issue_id: null, section: null, seq: null, published: 0,
  }, attachmentIds, ip);
  return id;
}

/** Fire a lifecycle action on a material; an edit is indexed again for the search. */
export async function fireMaterial(ctx: ModuleContext, req: { id: string; action: string; version: number; input: Record<string, unknown>; actor: Actor; ip?: string }): Promise<void> {
  await ctx.uow.run(async (w) => {
    const res = await w.fire(materialSpec(), { id: req.id, action: req.action, expectedVersion: req.version, input: req.input, actor: req.actor, ip: req.ip });
    if (req.action === 'edit') await indexMaterial(w, res.record as unknown as WenshiMaterialRow);
  });
}

// ---- issues ----

function requireHandler(actor: Actor) {
  requirePermission(actor, wenshiPermissions.handle, `编辑${ISSUE_LABEL}`);
}

async function loadIssue(ctx: ModuleContext, actor: Actor, id: string): Promise<WenshiIssueRow> {
  const r = await findIssue(ctx.db, id);
  if (!r || r.tenant_id !== actor.tenantId) throw notFound(ISSUE_LABEL);
  return r;
}

async function numberTaken(ctx: ModuleContext, tenantId: string, number: number, except?: string) {
  const r = await wenshiDb(ctx.db).selectFrom('wenshi_issues').select('id').where('tenant_id', '=', tenantId).where('number', '=', number).executeTakeFirst();
  if (r && r.id !== except) throw new AppError('CONFLICT', `《长治文史》${issueLabel(number)}已存在`, { field: 'number' });
}

export async function createIssue(ctx: ModuleContext, actor: Actor, b: { number: number; year: number; title: string; editor: string }, ip?: string): Promise<string> {
  requireHandler(actor);
  await numberTaken(ctx, actor.tenantId, b.number);
  const id = newId();
  await ctx.uow.run(async (w) => {
    await wenshiDb(w.trx).insertInto('wenshi_issues').values({
      id, tenant_id: actor.tenantId, number: b.number, year: b.year, title: b.title, editor: b.editor, published: 0, published_at: null, version: 1, created_at: w.now, updated_at: w.now,
    }).execute();
    await w.audit({ tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'wenshi_issue.create', entityType: 'wenshi_issue', entityId: id, data: { number: b.number, year: b.year }, ip });
  });
  return id;
}

export async function editIssue(ctx: ModuleContext, actor: Actor, id: string, b: { version: number; number?: number; year?: number; title?: string; editor?: string }, ip?: string) {
  requireHandler(actor);
  const r = await loadIssue(ctx, actor, id);
  if (Number(r.published) === 1) throw new AppError('CONFLICT', `${issueLabel(Number(r.number))}已出版，不能修改`);
  if (b.number !== undefined) await numberTaken(ctx, actor.tenantId, b.number, id);
  const set: Record<string, unknown> = {};
  for (const k of ['number', 'year', 'title', 'editor'] as const) if (b[k] !== undefined) set[k] = b[k];
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('wenshi_issues', id, b.version, { ...set, updated_at: w.now }, ISSUE_LABEL);
    await w.audit({ tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'wenshi_issue.edit', entityType: 'wenshi_issue', entityId: id, data: { fields: Object.keys(set) }, ip });
  });
}

/**
 * 目录排序: the issue's whole contents in their new order, each with its section. The entries must be exactly the
 * materials now in the issue (none added, none left out: 入辑 and 移出 are the material's own actions).
 */
export async function setContents(ctx: ModuleContext, actor: Actor, id: string, b: { version: number; entries: Array<{ materialId: string; section: string }> }, ip?: string) {
  requireHandler(actor);
  const r = await loadIssue(ctx, actor, id);
  if (Number(r.published) === 1) throw new AppError('CONFLICT', `${issueLabel(Number(r.number))}已出版，目录不能修改`);
  const current = await wenshiDb(ctx.db).selectFrom('wenshi_materials').select('id').where('issue_id', '=', id).execute();
  const want = new Set(current.map((c) => c.id));
  const given = b.entries.map((e) => e.materialId);
  if (new Set(given).size !== given.length || given.length !== want.size || given.some((g) => !want.has(g))) {
    throw invalid('entries', '「目录」', '应包含本辑现有的全部篇目，每篇一次（增加篇目请在文史资料中“选入辑刊”）');
  }
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('wenshi_issues', id, b.version, { updated_at: w.now }, ISSUE_LABEL);
    const db = wenshiDb(w.trx);
    for (const [i, e] of b.entries.entries()) {
      await db.updateTable('wenshi_materials').set({ seq: i + 1, section: e.section }).where('id', '=', e.materialId).where('issue_id', '=', id).execute();
    }
    await w.audit({ tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'wenshi_issue.contents', entityType: 'wenshi_issue', entityId: id, data: { order: given }, ip });
  });
}

/** 出版: the issue's materials join the archive (资料库) that every user of the module may browse. */
export async function publishIssue(ctx: ModuleContext, actor: Actor, id: string, version: number, ip?: string) {
  requireHandler(actor);
  const r = await loadIssue(ctx, actor, id);
  if (Number(r.published) === 1) throw new AppError('CONFLICT', `${issueLabel(Number(r.number))}已出版`);
  const n = await wenshiDb(ctx.db).selectFrom('wenshi_materials').select((eb) => eb.fn.countAll<number>().as('n')).where('issue_id', '=', id).executeTakeFirstOrThrow();
  if (Number(n.n) === 0) throw new AppError('CONFLICT', `${issueLabel(Number(r.number))}还没有篇目，不能出版`);
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('wenshi_issues', id, version, { published: 1, published_at: w.now, updated_at: w.now }, ISSUE_LABEL);
    await wenshiDb(w.trx).updateTable('wenshi_materials').set({ published: 1 }).where('issue_id', '=', id).execute();
    await w.audit({ tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'wenshi_issue.publish', entityType: 'wenshi_issue', entityId: id, data: { materials: Number(n.n) }, ip });
  });
}
