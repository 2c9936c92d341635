/**
 * The lifecycle of a 协商活动 (one consultation held as a meeting) as data (pure: no database, no HTTP).
 *
 * 筹备 (preparing: research, participants) → 已发通知 (the notice, due 15 working days before the meeting) → 已发材料
 * (the materials, due 10 working days before) → 已召开 (held: sign-in, speeches, minutes) → 成果起草 (the outcome — 纪要,
 * 建议案 or 协商专报 — due 7 working days after the meeting) → 待签发 (the secretary-general signs it off) → 已签发 →
 * 已报送 (sent to the party committee and the government; 批示 are recorded as events) → 办结.
 *
 * The lead committee's staff (专委会工作人员, in the record's `lead_committee_id`) and the office run it; the leaders
 * (政协领导, the secretary-general among them) sign the outcome off. Each waiting state opens a work item on the worklist
 * due on the record's own deadline (`dueField`), so the worklist warns as the notice or materials deadline comes near.
 */
import { z } from 'zod';
import { invalid } from '../../../kernel/universal/errors.ts';
import { defineWorkflow, formField, transitionBodySchema, type GuardContext, type StateDef } from '../../../kernel/universal/workflow.ts';
import { consultationPermissions } from './consultation-permissions.ts';

/** The states of a 协商活动. */
export const consultationStates = ['preparing', 'notified', 'materials_sent', 'held', 'drafting', 'signoff', 'signed', 'sent', 'closed'] as const;
export type ConsultationState = (typeof consultationStates)[number];

/** States in which the meeting has been held (counted by the figure 召开协商会议). */
export const heldStates: readonly ConsultationState[] = ['held', 'drafting', 'signoff', 'signed', 'sent', 'closed'];
/** States in which the outcome has gone to the party committee and the government (报送成果). */
export const sentStates: readonly ConsultationState[] = ['sent', 'closed'];
/** States before the meeting: participants may still be invited, answer and hand in written speeches. */
export const beforeMeetingStates: readonly ConsultationState[] = ['preparing', 'notified', 'materials_sent'];

/** 成果形式: the kinds of outcome a consultation produces. */
export const outcomeKinds = ['minutes', 'proposal_report', 'special_report'] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];
export const outcomeKindLabels: Record<OutcomeKind, string> = { minutes: '协商纪要', proposal_report: '建议案', special_report: '协商专报' };

/** The columns the lifecycle's guards and checks read (the repository's row has more). */
export interface ConsultationRecord {
  id: string;
  tenant_id: string;
  state: string;
  version: number;
  lead_committee_id: string;
  outcome_text: string | null;
  recommendation_count: number;
  [k: string]: unknown;
}

export { consultationPermissions } from './consultation-permissions.ts';

/** Roles that run a consultation: the staff of the lead committee, and the office for any committee. */
export const organiserRoles = ['committee_staff', 'office_staff'] as const;
export const signOffRoles = ['leader'] as const;

type Ctx = GuardContext<ConsultationRecord>;
/** The office runs every consultation of its CPPCC; a committee's staff run the ones their committee leads. */
export function organises(record: Pick<ConsultationRecord, 'tenant_id' | 'lead_committee_id'>, actor: { tenantId: string; orgId: string; roles: readonly string[] }): boolean {
  if (record.tenant_id !== actor.tenantId) return false;
  if (actor.roles.includes('office_staff')) return true;
  return actor.roles.includes('committee_staff') && actor.orgId === record.lead_committee_id;
}
const isOrganiser = ({ record, actor }: Ctx) => (organises(record, actor) ? null : '只有牵头专委会或办公室的工作人员可以执行此操作');
const sameTenant = ({ record, actor }: Ctx) => (record.tenant_id === actor.tenantId ? null : '只能签发本级政协的协商成果');

const note = z.string().trim().max(500).optional().describe('备注');
/** 召开: the minutes may be written now or later, while the outcome is drafted. */
const holdInput = z.object({ minutes: formField(z.string().trim().max(20000).optional().describe('会议纪要'), { kind: 'textarea' }) });
/** 开始起草成果: which kind of outcome the committee writes. */
const draftInput = z.object({
  outcomeKind: formField(z.enum(outcomeKinds).describe('成果形式'), { optionLabels: outcomeKindLabels }),
});
const returnInput = z.object({ reason: formField(z.string().trim().min(1).max(2000).describe('退回理由'), { kind: 'textarea' }) });

export const consultationLifecycle = defineWorkflow<ConsultationRecord>({
  id: 'consultation',
  label: '协商活动',
  initial: 'preparing',
  stages: ['筹备', '通知', '材料', '召开', '成果', '签发', '报送', '办结'],
  states: {
    preparing: { label: '筹备中', labelEn: 'Preparing', stage: '筹备', tone: 'default', task: { role: 'committee_staff', orgField: 'lead_committee_id', dueField: 'notice_due', label: '发出协商会议通知' } },
    notified: { label: '已发通知', labelEn: 'Notice sent', stage: '通知', tone: 'processing', task: { role: 'committee_staff', orgField: 'lead_committee_id', dueField: 'materials_due', label: '发送协商会议材料' } },
    materials_sent: { label: '已发材料', labelEn: 'Materials sent', stage: '材料', tone: 'blue', task: { role: 'committee_staff', orgField: 'lead_committee_id', dueField: 'planned_on', label: '召开协商会议' } },
    held: { label: '已召开', labelEn: 'Held', stage: '召开', tone: 'cyan', task: { role: 'committee_staff', orgField: 'lead_committee_id', dueField: 'outcome_due', label: '整理会议纪要' } },
    drafting: { label: '成果起草', labelEn: 'Drafting the outcome', stage: '成果', tone: 'gold', task: { role: 'committee_staff', orgField: 'lead_committee_id', dueField: 'outcome_due', label: '起草协商成果' } },
    signoff: { label: '待签发', labelEn: 'To sign off', stage: '签发', tone: 'orange', task: { role: 'leader', orgField: 'tenant', dueInWorkingDays: 3, label: '签发协商成果' } },
    signed: { label: '已签发', labelEn: 'Signed off', stage: '签发', tone: 'geekblue', task: { role: 'committee_staff', orgField: 'lead_committee_id', dueInWorkingDays: 2, label: '报送协商成果' } },
    sent: { label: '已报送', labelEn: 'Sent', stage: '报送', tone: 'purple' },
    closed: { label: '已办结', labelEn: 'Closed', stage: '办结', tone: 'success', ends: 'finished', terminal: true },
  } satisfies Record<ConsultationState, StateDef>,
  transitions: [
    { name: 'send_notice', label: '发出通知', labelEn: 'Send the notice', from: ['preparing'], to: 'notified', roles: organiserRoles, permission: consultationPermissions.manage, guard: isOrganiser, input: z.object({ note }) },
    { name: 'send_materials', label: '发送材料', labelEn: 'Send the materials', from: ['notified'], to: 'materials_sent', roles: organiserRoles, permission: consultationPermissions.manage, guard: isOrganiser, input: z.object({ note }) },
    { name: 'hold', label: '会议召开', labelEn: 'Record the meeting as held', from: ['materials_sent'], to: 'held', roles: organiserRoles, permission: consultationPermissions.manage, guard: isOrganiser, input: holdInput, confirm: true },
    { name: 'draft_outcome', label: '起草成果', labelEn: 'Draft the outcome', from: ['held'], to: 'drafting', roles: organiserRoles, permission: consultationPermissions.manage, guard: isOrganiser, input: draftInput },
    {
      name: 'submit_outcome', label: '提交签发', labelEn: 'Submit for sign-off', from: ['drafting'], to: 'signoff', roles: organiserRoles, permission: consultationPermissions.manage, guard: isOrganiser,
      // the outcome is written and has at least one recommendation before the secretary-general sees it
      check: (_input, r) => (!r.outcome_text ? invalid('outcomeText', '「成果正文」', '尚未填写')
        : Number(r.recommendation_count) < 1 ? invalid('recommendations', '「建议」', '至少需要一条') : null),
    },
    { name: 'return_outcome', label: '退回修改', labelEn: 'Return for revision', from: ['signoff'], to: 'drafting', roles: signOffRoles, permission: consultationPermissions.signOff, guard: sameTenant, input: returnInput },
    { name: 'sign_off', label: '签发', labelEn: 'Sign off', from: ['signoff'], to: 'signed', roles: signOffRoles, permission: consultationPermissions.signOff, guard: sameTenant, input: z.object({ note }), confirm: true },
    // 报送: the recommendations go to the tracker (建议落实) in the same unit of work
    { name: 'send', label: '报送党委政府', labelEn: 'Send to the party committee and government', from: ['signed'], to: 'sent', roles: organiserRoles, permission: consultationPermissions.manage, guard: isOrganiser, input: z.object({ note }), confirm: true },
    { name: 'close', label: '办结', labelEn: 'Close', from: ['sent'], to: 'closed', roles: organiserRoles, permission: consultationPermissions.manage, guard: isOrganiser, input: z.object({ note }), confirm: true },
  ],
});

/** POST /api/consultations/:id/transitions: a union on `action`, one member per action with its own input. */
export const consultationTransitionBody = transitionBodySchema([consultationLifecycle]);
export type ConsultationTransitionBody = z.infer<typeof consultationTransitionBody>;

export const consultationStateLabel = (s: string) => consultationLifecycle.states[s]?.label ?? s;
/** History rows name their action: the transitions' labels, plus the steps the commands write. */
const stepLabels: Record<string, string> = {
  create: '创建', edit: '修改', invite: '邀请参会', uninvite: '取消邀请', outcome: '修改成果', instruct: '记录批示', links: '关联提案和社情民意', speeches: '安排发言',
  confirm: '确认参会', ask_leave: '请假', approve_leave: '准假', refuse_leave: '不准假',
};
export const consultationActionLabel = (a: string) => stepLabels[a] ?? consultationLifecycle.transitions.find((t) => t.name === a)?.label ?? a;
