/** 暂存: a member creates a proposal draft, with the co-signers they invite, in one unit of work with its history, audit and events. */
import type { Actor } from '../../../../kernel/server/actor.ts';
import { requirePermission } from '../../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../../kernel/server/module.ts';
import { invalid } from '../../../../kernel/universal/errors.ts';
import { newId } from '../../../../kernel/universal/ids.ts';
import { chinaToday } from '../../../../kernel/universal/working-days.ts';
import type { ProposalCreateBody } from '../../contract.ts';
import { stampSubmission } from '../../domain/proposal-session.ts';
import { readProposalSettings } from '../settings.ts';
import { resolveCosigners, resolveGroupRefs } from './resolve-refs.ts';
import { linkAttachments } from '../../../attachments/index.ts';
import { resolveTopicRef } from '../topics.ts';
import { clock } from '../../../../kernel/universal/clock.ts';
import { openCosignTasks } from './confirm-cosign.ts';
import { proposalDb } from '../tables.ts';

export async function createProposal(ctx: ModuleContext, actor: Actor, body: ProposalCreateBody, ip?: string): Promise<string> {
  requirePermission(actor, 'proposal.create', '提出提案');
  if (body.type === 'joint' && body.cosignerUserIds.length === 0) throw invalid('cosignerUserIds', '「联名委员」', '联名提案至少需要一位');
  const cosigners = await resolveCosigners(ctx.db, actor, body.cosignerUserIds);
  await resolveGroupRefs(ctx.db, actor, body);
  const topic = await resolveTopicRef(ctx.db, actor, body.topicId);
  const settings = await readProposalSettings(ctx, actor.tenantId);
  const stamp = stampSubmission(chinaToday(), settings.sessionCalendar);
  const now = clock.iso();
  const id = newId();
  // one unit of work: the draft with its co-signers, its history entry, audit record and events (from the outbox)
  await ctx.uow.run(async (w) => {
    const trx = proposalDb(w.trx);
    await trx.insertInto('proposals').values({
      id, tenant_id: actor.tenantId, year: stamp.year, session_label: stamp.sessionLabel, number_seq: null, number: null,
      title: body.title, background: body.background, analysis: body.analysis, suggestions: body.suggestions,
      type: body.type, category: null, proposer_user_id: actor.userId, proposer_name: actor.displayName,
      proposer_org_id: body.proposerOrgId ?? null, sector_id: body.sectorId ?? null, committee_id: body.committeeId ?? null,
      cosigner_count: cosigners.length, cosigners_pending: cosigners.length,
      is_public: body.isPublic ? 1 : 0, is_key: 0, is_excellent: 0, topic_id: topic?.id ?? null, topic_title: topic?.title ?? null,
      state: 'draft', version: 1, created_at: now, updated_at: now,
    }).execute();
    if (cosigners.length) {
      await trx.insertInto('proposal_cosigners').values(cosigners.map((c) => ({
        proposal_id: id, user_id: c.id, tenant_id: actor.tenantId, name: c.name, kind: 'invited', confirmed_at: null,
      }))).execute();
    }
    await linkAttachments(trx, { ids: body.attachmentIds, entityType: 'proposal', entityId: id, actor });
    await w.record({
      tenantId: actor.tenantId, entityType: 'proposal', entityId: id, from: null, to: 'draft', action: 'create', actor, ip,
      audit: { action: 'proposal.create', data: { title: body.title, type: body.type, cosigners: cosigners.length } },
      event: { type: 'proposal.created', payload: { title: body.title } },
    });
    if (cosigners.length) {
      await w.emit({
        type: 'proposal.cosign_invited', tenantId: actor.tenantId, entityType: 'proposal', entityId: id, actorId: actor.userId,
        audience: { userIds: cosigners.map((c) => c.id) }, payload: { title: body.title },
      });
      // each co-signer's 待确认联名 work item
      await openCosignTasks(w, { tenantId: actor.tenantId, proposalId: id, state: 'draft', title: body.title, userIds: cosigners.map((c) => c.id), actor });
    }
  });
  return id;
}
