/** 重点提案 (nominate, decide with supervising leaders and a plan), 督办记录 and 优秀提案: each one transaction with its audit record. */
import type { Actor } from '../../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../../kernel/server/module.ts';
import { forbidden, invalid, notFound } from '../../../../kernel/universal/errors.ts';
import { newId } from '../../../../kernel/universal/ids.ts';
import { z } from 'zod';
import type { excellentBody, keyDecideBody, keyNominateBody, supervisionNoteBody } from '../../contract.ts';
import { canAddSupervisionNote, canDecideKey, canMarkExcellent, canNominateKey } from '../../domain/key-proposals.ts';
import { canSeeProposal } from '../../domain/proposal-policy.ts';
import { findPeople, tenantUsersHoldingRoles } from '../directory.ts';
import { findProposal, loadFacts, type ProposalRow } from '../proposal-repository.ts';
import { proposalDb, type ProposalDb } from '../tables.ts';

async function visible(ctx: ModuleContext, actor: Actor, id: string): Promise<ProposalRow> {
  const row = await findProposal(ctx.db, id);
  if (!row || !canSeeProposal(row, actor, await loadFacts(ctx.db, id))) throw notFound('提案');
  return row;
}

export async function keyLeaderIds(db: ProposalDb, id: string): Promise<string[]> {
  return (await db.selectFrom('proposal_key_leaders').select('user_id').where('proposal_id', '=', id).execute()).map((r: any) => r.user_id as string);
}

/**
 * Write with the version bumped, so an open page holding the old version gets a 409 on its next write; the write
 * itself is guarded by the version it read, so two people acting at once do not overwrite each other silently.
 */
async function write(ctx: ModuleContext, row: ProposalRow, actor: Actor, action: string, data: Record<string, unknown>, ip: string | undefined,
  body: (trx: ProposalDb, now: string) => Promise<Record<string, unknown>>) {
  await ctx.uow.run(async (w) => {
    const set = await body(proposalDb(w.trx), w.now);
    await w.bumpVersion('proposals', row.id, Number(row.version), { ...set, updated_at: w.now }, '提案');
    await w.audit({ tenantId: row.tenant_id, actorId: actor.userId, actorName: actor.displayName, action, entityType: 'proposal', entityId: row.id, data, ip });
    // list filters (重点, 优秀) and totals change: read again
    await w.emit({ type: action, tenantId: row.tenant_id, entityType: 'proposal', entityId: row.id, actorId: actor.userId, payload: data });
  });
}

export async function nominateKey(ctx: ModuleContext, actor: Actor, id: string, body: z.infer<typeof keyNominateBody>, ip?: string) {
  const row = await visible(ctx, actor, id);
  if (!canNominateKey(row, actor)) throw forbidden('提名重点提案（提案须已立案、未办结，且尚未提名）');
  await write(ctx, row, actor, 'proposal.key_nominated', { reason: body.reason }, ip, async () => ({ key_status: 'candidate', key_plan: null }));
}

export async function decideKey(ctx: ModuleContext, actor: Actor, id: string, body: z.infer<typeof keyDecideBody>, ip?: string) {
  const row = await visible(ctx, actor, id);
  if (!canDecideKey(row, actor)) throw forbidden('决定重点提案（只有主席会议成员可以决定候选提案）');
  if (body.decision === 'decline') {
    await write(ctx, row, actor, 'proposal.key_decided', { decision: 'decline' }, ip, async () => ({ key_status: 'declined' }));
    return;
  }
  const ids = [...new Set(body.leaderUserIds)];
  if (!ids.length) throw invalid('leaderUserIds', '「领衔督办领导」', '列为重点提案时至少选择一位');
  if (!body.plan) throw invalid('plan', '「督办方案」', '列为重点提案时必须填写');
  const leaders = new Set(await tenantUsersHoldingRoles(ctx.db, row.tenant_id, ['leader']));
  if (ids.some((u) => !leaders.has(u))) throw invalid('leaderUserIds', '「领衔督办领导」', '应为本级政协的领导');
  const people = await findPeople(ctx.db, ids);
  await write(ctx, row, actor, 'proposal.key_decided', { decision: 'approve', leaders: ids }, ip, async (trx) => {
    await trx.deleteFrom('proposal_key_leaders').where('proposal_id', '=', id).execute();
    await trx.insertInto('proposal_key_leaders').values(ids.map((u) => ({ proposal_id: id, user_id: u, tenant_id: row.tenant_id, name: people.get(u)?.name ?? u }))).execute();
    return { key_status: 'key', is_key: 1, key_plan: body.plan };
  });
  const told = ids.filter((u) => u !== actor.userId);
  if (told.length) {
    await ctx.notifier.notify({ tenantId: row.tenant_id, userIds: told, kind: 'task', title: '领衔督办重点提案', body: `「${row.number ?? ''} ${row.title}」已列为重点提案，由您领衔督办。`, link: `/proposals/${id}` });
  }
}

export async function addSupervisionNote(ctx: ModuleContext, actor: Actor, id: string, body: z.infer<typeof supervisionNoteBody>, ip?: string) {
  const row = await visible(ctx, actor, id);
  if (!canAddSupervisionNote(row, actor, await keyLeaderIds(ctx.db, id))) throw forbidden('记录督办情况（重点提案的领衔督办领导、提案委和主办单位可以记录）');
  if (Number.isNaN(Date.parse(body.date)) || body.date > ctx.calendar.today()) throw invalid('date', '「日期」', '不能晚于今天');
  await write(ctx, row, actor, 'proposal.supervision_note', { kind: body.kind, date: body.date }, ip, async (trx, now) => {
    await trx.insertInto('proposal_supervision_notes').values({
      id: newId(), tenant_id: row.tenant_id, proposal_id: id, kind: body.kind, date: body.date, content: body.content,
      author_user_id: actor.userId, author_name: actor.displayName, created_at: now,
    }).execute();
    return {};
  });
}

export async function markExcellent(ctx: ModuleContext, actor: Actor, id: string, body: z.infer<typeof excellentBody>, ip?: string) {
  const row = await visible(ctx, actor, id);
  if (!canMarkExcellent(row, actor)) throw forbidden('评选优秀提案（提案须已答复）');
  if (body.excellent && !body.reason) throw invalid('reason', '「评选理由」', '评为优秀提案时必须填写');
  await write(ctx, row, actor, 'proposal.excellent', { excellent: body.excellent }, ip, async () => ({
    is_excellent: body.excellent ? 1 : 0, excellent_reason: body.excellent ? body.reason : null,
    // a direct mark outside a selection round counts for the current year
    excellent_year: body.excellent ? Number(ctx.calendar.today().slice(0, 4)) : null,
  }));
}
