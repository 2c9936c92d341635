/**
 * The kinds of record the 提案 module owns, as its manifest declares them: where each one's page is, who may find a
 * proposal in the search (and its released reply, 答复) and who may read its attachments. Work items on a proposal's
 * evaluation (待评价), its conversion (转办征询), its co-signing (待确认联名) and its 承办任务 open the proposal's page.
 */
import type { EntityDecl } from '../../../kernel/server/contributions.ts';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { proposalLifecycle } from '../domain/proposal-lifecycle.ts';
import { canSeeProposal } from '../domain/proposal-policy.ts';
import { conversionEntity } from '../domain/proposal-conversion.ts';
import { evaluationEntity, noSignerEntity } from './commands/fire-transition.ts';
import { cosignEntity } from './commands/confirm-cosign.ts';
import { findProposal, loadFacts, visibleTo } from './proposal-repository.ts';
import { assignmentEntity, partNoSignerEntity } from './assignments.ts';
import { mergedWith, proposalAssignmentHistory } from './assignment-history.ts';
import { proposalDb } from './tables.ts';
import { returnedTaskNotice } from './proposer-notices.ts';

const proposalPage = (id: string) => `/proposals/${encodeURIComponent(id)}`;

/** The page of the proposal a 承办任务 belongs to. */
async function partPage(ctx: ModuleContext, id: string) {
  const a = await proposalDb(ctx.db).selectFrom('proposal_assignments').select('proposal_id').where('id', '=', id).executeTakeFirst();
  return a ? proposalPage(String(a.proposal_id)) : '/proposals';
}

/** 提案 titles, with the number once it has one: 第0038号 关于…的建议 */
async function proposalTitles(ctx: ModuleContext, ids: string[]) {
  const out = new Map<string, string>();
  for (let at = 0; at < ids.length; at += 500) {
    const rows = await proposalDb(ctx.db).selectFrom('proposals').select(['id', 'number', 'title']).where('id', 'in', ids.slice(at, at + 500)).execute();
    for (const r of rows) out.set(r.id, r.number ? `${r.number} ${r.title}` : r.title);
  }
  return out;
}

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
    type: 'proposal', label: '提案', labelEn: 'Proposal', link: proposalPage, titles: proposalTitles,
    visibleIds: visibleProposals,
    // a released reply (答复) is indexed under its proposal's id and found by whoever may see the proposal
    searchSources: ['proposal', 'reply'],
    // a proposal's attachments are visible to whoever may see the proposal
    async attachments(ctx, actor, id) {
      const row = await findProposal(ctx.db, id);
      return !!row && canSeeProposal(row, actor, await loadFacts(ctx.db, id));
    },
    // the unit suggestion (智能交办) learns from the proposals' own 交办 decisions; similar items leave out a 并案 group
    assignmentHistory: (ctx, tenantId) => proposalAssignmentHistory(ctx.db, tenantId),
    sameRecords: (ctx, id) => mergedWith(ctx.db, id),
    // a 退回修改 work item's notice names the reason: the proposer gets one notice carrying the work and the why
    taskNotice: returnedTaskNotice,
  },
  { type: evaluationEntity, label: '提案办理评价', labelEn: 'Proposal evaluation', link: proposalPage },
  { type: conversionEntity, label: '提案转社情民意征询', labelEn: 'Proposal conversion', link: proposalPage },
  { type: cosignEntity, label: '提案联名确认', labelEn: 'Co-signing a proposal', link: proposalPage },
  // 承办单位无签发人: the office is told that a unit's reply has no one to sign it off
  { type: noSignerEntity, label: '承办单位无签发人', labelEn: 'Handling unit without a signer', link: proposalPage },
  // …and of a 分办 unit's part: opens the proposal the part belongs to
  { type: partNoSignerEntity, label: '分办单位无签发人', labelEn: 'Split unit without a signer', link: (id, ctx) => partPage(ctx, id) },
  {
    // 分办/会办 work items are on a 承办任务: open the proposal it belongs to
    type: assignmentEntity, label: '承办任务', labelEn: 'Handling assignment',
    // a 承办任务 is called by its unit and its proposal: 市教育局：关于…的建议
    async titles(ctx, ids) {
      const rows = await proposalDb(ctx.db).selectFrom('proposal_assignments').select(['id', 'proposal_id', 'unit_name']).where('id', 'in', ids).execute();
      const proposals = await proposalTitles(ctx, [...new Set(rows.map((r) => r.proposal_id))]);
      return new Map(rows.map((r) => [r.id, `${r.unit_name}：${proposals.get(r.proposal_id) ?? ''}`]));
    },
    link: (id, ctx) => partPage(ctx, id),
  },
];
