/**
 * The kinds of record the 提案 module owns, as its manifest declares them: where each one's page is, who may find a
 * proposal in the search (and its released reply, 答复) and who may read its attachments. Work items on a proposal's
 * evaluation (待评价), its conversion (转办征询) and its 承办任务 open the proposal's page.
 */
import type { EntityDecl } from '../../../kernel/server/contributions.ts';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { proposalLifecycle } from '../domain/proposal-lifecycle.ts';
import { canSeeProposal } from '../domain/proposal-policy.ts';
import { conversionEntity } from '../domain/proposal-conversion.ts';
import { evaluationEntity } from './commands/fire-transition.ts';
import { findProposal, loadFacts, visibleTo } from './proposal-repository.ts';
import { assignmentEntity } from './assignments.ts';
import { proposalDb } from './tables.ts';

const proposalPage = (id: string) => `/proposals/${encodeURIComponent(id)}`;

/** Search and similar items show a proposal to whoever may see it, by the same rule as the lists, with its state and lead unit (承办单位). */
async function visibleProposals(ctx: ModuleContext, actor: Actor, ids: string[]) {
  const out = new Map<string, { state: string; stateLabel: string; unitId: string | null }>();
  for (let at = 0; at < ids.length; at += 500) {
    const rows = await proposalDb(ctx.db).selectFrom('proposals').select(['proposals.id', 'proposals.state', 'proposals.lead_unit_id'])
      .where('proposals.id', 'in', ids.slice(at, at + 500)).where(visibleTo(actor)).execute();
    for (const r of rows as Array<{ id: string; state: string; lead_unit_id: string | null }>) {
      out.set(r.id, { state: r.state, stateLabel: proposalLifecycle.states[r.state]?.label ?? r.state, unitId: r.lead_unit_id ?? null });
    }
  }
  return out;
}

export const proposalEntities: EntityDecl[] = [
  {
    type: 'proposal', label: '提案', labelEn: 'Proposal', link: proposalPage,
    visibleIds: visibleProposals,
    // a released reply (答复) is indexed under its proposal's id and found by whoever may see the proposal
    searchSources: ['proposal', 'reply'],
    // a proposal's attachments are visible to whoever may see the proposal
    async attachments(ctx, actor, id) {
      const row = await findProposal(ctx.db, id);
      return !!row && canSeeProposal(row, actor, await loadFacts(ctx.db, id));
    },
  },
  { type: evaluationEntity, label: '提案办理评价', labelEn: 'Proposal evaluation', link: proposalPage },
  { type: conversionEntity, label: '提案转社情民意征询', labelEn: 'Proposal conversion', link: proposalPage },
  {
    // 分办/会办 work items are on a 承办任务: open the proposal it belongs to
    type: assignmentEntity, label: '承办任务', labelEn: 'Handling assignment',
    async link(id, ctx) {
      const a = await proposalDb(ctx.db).selectFrom('proposal_assignments').select('proposal_id').where('id', '=', id).executeTakeFirst();
      return a ? proposalPage(String(a.proposal_id)) : '/proposals';
    },
  },
];
