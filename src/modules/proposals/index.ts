/** What other modules may use from 提案: a member's proposals by role and the counts per member, for the duty record (履职档案). */
export {
  memberProposalsOf, memberProposalCounts, memberProposalRoles,
  type MemberProposal, type MemberProposalCounts, type MemberProposalRole,
} from './server/member-record.ts';
