/**
 * 优秀提案评选 as a yearly round: nominations (by the office, or recommended by a handling unit or a special committee,
 * each with a reason) → review list (审议) → the chair's meeting (主席会议) confirms or drops each nominee → publication
 * (通报), after which the confirmed proposals show 优秀提案 with the year. Pure: the round's workflow and the rules.
 */
import { z } from 'zod';
import { defineWorkflow, type GuardContext, type WorkflowDef } from '../../../kernel/universal/workflow.ts';

export interface ExcellentRoundRecord {
  id: string;
  tenant_id: string;
  year: number;
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
  [k: string]: unknown;
}

export type ExcellentRoundState = 'nominating' | 'reviewing' | 'decided' | 'published';
export type NominationSource = 'office' | 'unit' | 'committee';
export const nominationSourceLabels: Record<NominationSource, string> = { office: '提案委提名', unit: '承办单位推荐', committee: '专委会推荐' };
export type NomineeStatus = 'nominated' | 'confirmed' | 'dropped';
export const nomineeStatusLabels: Record<NomineeStatus, string> = { nominated: '待审定', confirmed: '审定通过', dropped: '未通过' };

interface Who { userId: string; orgId: string; tenantId: string; roles: readonly string[]; permissions: ReadonlySet<string> }
const has = (a: Who, p: string) => a.permissions.has('*') || a.permissions.has(p);
const sameTenant = ({ record, actor }: GuardContext<ExcellentRoundRecord>) => (record.tenant_id === actor.tenantId ? null : '只能处理本级政协的评选');

export const excellentRoundWorkflow: WorkflowDef<ExcellentRoundRecord> = defineWorkflow<ExcellentRoundRecord>({
  id: 'proposal_excellent_round',
  label: '优秀提案评选',
  initial: 'nominating',
  states: {
    nominating: { label: '征集提名', labelEn: 'Nominating', task: { role: 'proposal_staff', orgField: 'tenant', label: '优秀提案征集提名' } },
    reviewing: { label: '主席会议审定', labelEn: 'Chair meeting review', task: { role: 'leader', orgField: 'tenant', dueInWorkingDays: 20, label: '优秀提案审定' } },
    decided: { label: '待通报', labelEn: 'Decided', task: { role: 'proposal_staff', orgField: 'tenant', dueInWorkingDays: 10, label: '优秀提案通报' } },
    published: { label: '已通报', labelEn: 'Published', terminal: true },
  } satisfies Record<ExcellentRoundState, unknown>,
  transitions: [
    { name: 'start_review', label: '提交主席会议审定', labelEn: 'Send to the chair meeting', from: ['nominating'], to: 'reviewing', roles: ['proposal_staff'], permission: 'proposal.review', guard: sameTenant, confirm: true },
    { name: 'decide', label: '主席会议审定', labelEn: 'Decide', from: ['reviewing'], to: 'decided', roles: ['leader'], permission: 'proposal.key_decide', guard: sameTenant,
      input: z.object({
        meetingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式').describe('主席会议日期'),
        decisions: z.array(z.object({ nomineeId: z.string(), decision: z.enum(['confirm', 'drop']), note: z.string().optional() }).loose()).describe('审定结果'),
        meetingNote: z.string().trim().max(500).optional().describe('会议说明'),
      }).loose() },
    { name: 'publish', label: '通报', labelEn: 'Publish', from: ['decided'], to: 'published', roles: ['proposal_staff'], permission: 'proposal.review', guard: sameTenant, input: z.object({ notice: z.string().trim().min(1).max(5000).describe('通报内容') }).loose(), confirm: true },
  ],
});

/** The permission each round action needs on top of the role. */
export const roundActionPermission: Readonly<Record<string, string>> = {
  start_review: 'proposal.review', decide: 'proposal.key_decide', publish: 'proposal.review',
};

export const roundStateLabel = (s: string) => excellentRoundWorkflow.states[s]?.label ?? s;

/** The proposal facts a nomination reads. */
export interface NominationTarget {
  tenant_id: string;
  year: number;
  replied_at?: unknown;
  lead_unit_id: string | null;
  committee_id?: unknown;
  /** units that handled it (主办, 会办, 分办) */
  unitIds: readonly string[];
}

/**
 * In whose name the actor may nominate this proposal in an open round: the office (提案委) any answered proposal of
 * the year; a handling unit one it handled; a special committee's staff one of their committee. Otherwise a reason.
 */
export function nominationSourceFor(round: { state: string; year: number; tenant_id: string }, p: NominationTarget, a: Who): { source: NominationSource } | { refused: string } {
  if (round.state !== 'nominating') return { refused: '评选已结束提名' };
  if (round.tenant_id !== a.tenantId || p.tenant_id !== round.tenant_id) return { refused: '只能提名本级政协的提案' };
  if (!p.replied_at) return { refused: '只有已答复的提案可以参评' };
  if (Number(p.year) !== Number(round.year)) return { refused: `只有 ${round.year} 年度的提案可以参加本次评选` };
  if (has(a, 'proposal.review')) return { source: 'office' };
  if (has(a, 'proposal.handle') && p.unitIds.includes(a.orgId)) return { source: 'unit' };
  if (a.roles.includes('committee_staff') && p.committee_id && p.committee_id === a.orgId) return { source: 'committee' };
  return { refused: '只有提案委、承办该提案的单位或提出该提案的专委会可以推荐' };
}

/** May the actor nominate at all in a round in this state (the button)? */
export function mayNominate(roundState: string, a: Who): boolean {
  return roundState === 'nominating' && (has(a, 'proposal.review') || has(a, 'proposal.handle') || a.roles.includes('committee_staff'));
}

/** 主席会议审定 must decide every nominee once; returns the first problem or null. */
export function checkDecisions(nomineeIds: readonly string[], decisions: ReadonlyArray<{ nomineeId: string }>): string | null {
  const want = new Set(nomineeIds);
  const got = new Set<string>();
  for (const d of decisions) {
    if (!want.has(d.nomineeId)) return '包含不属于本次评选的提名';
    if (got.has(d.nomineeId)) return '同一提名出现了两次';
    got.add(d.nomineeId);
  }
  if (got.size !== want.size) return `还有 ${want.size - got.size} 件提名未审定`;
  return null;
}
