/** How the kernel's workflow runner handles proposals: table, lifecycle with the tenant's deadlines, visibility and titles. */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { WorkflowSpec } from '../../../kernel/server/workflow-runner.ts';
import { buildProposalLifecycle, defaultLifecycleRules, type LifecycleRules, type ProposalDeadlines } from '../domain/proposal-lifecycle.ts';
import { canSeeProposal, type VisibilityFacts } from '../domain/proposal-policy.ts';
import type { ProposalRow } from './proposal-repository.ts';

export function proposalSpec(deadlines: ProposalDeadlines, facts: VisibilityFacts, apply?: WorkflowSpec<ProposalRow>['apply'], rules: LifecycleRules = defaultLifecycleRules): WorkflowSpec<ProposalRow> {
  return {
    workflow: buildProposalLifecycle(deadlines, rules),
    table: 'proposals',
    entityLabel: '提案',
    titleOf: (r) => (r.number ? `${r.number} ${r.title}` : r.title),
    canSee: (r: ProposalRow, a: Actor) => canSeeProposal(r, a, facts),
    apply,
  };
}
