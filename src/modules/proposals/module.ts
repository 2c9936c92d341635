/** Manifest of the 提案 module: roles, permissions, settings, entities, tables (migrations 1000–1099), lifecycle, the 催办 job, routes and demo data. */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { proposalLifecycle } from './domain/proposal-lifecycle.ts';
import { assignmentWorkflow } from './domain/assignment-workflow.ts';
import { proposalMigrations } from './server/migrations.ts';
import { reviewMigrations } from './server/review-migrations.ts';
import { proposalRoutes } from './server/routes.ts';
import { seedProposals } from './server/seed.ts';
import { proposalSettings } from './server/setting-definitions.ts';
import { reminderJob } from './server/deadlines-board.ts';
import { proposalEntities } from './server/entities.ts';
import { topicMigrations } from './server/topic-migrations.ts';
import { seedProposalTopics } from './server/seed-topics.ts';
import { statsMigrations } from './server/stats-migrations.ts';
import { signOffMigrations } from './server/signoff-migrations.ts';
import { releasedReplyMigrations } from './server/released-reply-migrations.ts';
import { proposalFigureSource } from './server/figures.ts';
import { noticesAfterTransition } from './server/commands/fire-transition.ts';
import { subscribeProposerNotices } from './server/proposer-notices.ts';
import { publicProposalSection } from './server/public-section.ts';

/** Every business role reads proposals (each within its visibility); the three admin roles do not (三员分立). */
const readers = ['member', 'informant', 'proposal_staff', 'info_editor', 'committee_staff', 'office_staff', 'unit_handler', 'unit_leader', 'leader'];

export const proposalsModule: ModuleManifest = {
  name: 'proposals',
  label: '提案',
  // the 提案委 (proposal office) and the government units that handle proposals (承办单位)
  roles: [
    { code: 'proposal_staff', name: '提案委工作人员', nameEn: 'Proposal office staff' },
    { code: 'unit_handler', name: '承办单位经办人', nameEn: 'Handling unit clerk' },
    { code: 'unit_leader', name: '承办单位分管领导', nameEn: 'Handling unit leader' },
  ],
  permissions: [
    { code: 'proposal.read', name: '查看提案', defaultRoles: readers },
    { code: 'proposal.create', name: '提出提案', defaultRoles: ['member'] },
    { code: 'proposal.read_all', name: '查看本级全部提案', defaultRoles: ['proposal_staff', 'leader', 'office_staff'] },
    { code: 'proposal.review', name: '审查提案（立案、退回、不予立案、并案、答复审核）', defaultRoles: ['proposal_staff'] },
    { code: 'proposal.assign', name: '交办提案（交办、调整、延期审批）', defaultRoles: ['proposal_staff'] },
    { code: 'proposal.key_decide', name: '决定重点提案（主席会议）、领衔督办', defaultRoles: ['leader'] },
    { code: 'proposal.topic_manage', name: '发布和修改选题参考目录', defaultRoles: ['proposal_staff'] },
    { code: 'proposal.handle', name: '办理提案（签收、申请调整、申请延期、答复）', defaultRoles: ['unit_handler', 'unit_leader'] },
  ],
  migrations: [...proposalMigrations, ...topicMigrations, ...reviewMigrations, ...statsMigrations, ...signOffMigrations, ...releasedReplyMigrations],
  workflows: [proposalLifecycle, assignmentWorkflow],
  /** 办理期限 of a proposal and of each unit's part: moved with the work items when a holiday schedule is entered */
  dueDates: [{ table: 'proposals', column: 'due_date' }, { table: 'proposal_assignments', column: 'due_date' }],
  settings: proposalSettings,
  entities: proposalEntities,
  /** 催办: the periodic reminder job (each reminder claimed once, so several instances may run it) */
  jobs: [reminderJob],
  subscribe: (ctx) => {
    // notices that follow a proposal's steps, delivered from the outbox
    ctx.events.on('proposal.transitioned', (e) => noticesAfterTransition(ctx, e));
    // the proposer and co-signers are told of each step that changes what they see
    subscribeProposerNotices(ctx);
  },
  routes: proposalRoutes,
  /** 统计数字: the statistics' headline figures of a year, and a member's figures (履职) */
  figures: proposalFigureSource,
  /** 门户: 已公开提案 with their replies */
  public: { sections: [publicProposalSection] },
  seed: async (ctx, seed) => { await seedProposals(ctx, seed); await seedProposalTopics(ctx, seed); },
};
