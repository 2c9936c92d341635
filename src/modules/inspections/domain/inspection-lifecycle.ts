/**
 * The lifecycle of a 调研/视察 (one investigation or inspection trip) as data (pure: no database, no HTTP).
 *
 * 计划 (proposed for the year's plan) → 已批准 (the chair's meeting, 主席会议, approved it) → 进行中 (on the road: sign-in,
 * places visited, photos and notes) → 报告起草 (the 调研报告/视察报告 with its problems and recommendations, due some
 * working days after the trip) → 待签发 (the leaders sign it off or return it) → 已签发 → 已报送 (sent to the party
 * committee and government; its recommendations go to the tracker, 建议落实; 批示 are recorded against it) → 办结.
 * A planned or approved trip may be cancelled (已取消).
 *
 * The lead committee's staff (专委会工作人员 of `lead_committee_id`) and the office run it; each waiting state opens a work
 * item for whoever acts next, due on the record's own date where it has one (`dueField`).
 */
import { z } from 'zod';
import { clock } from '../../../kernel/universal/clock.ts';
import { invalid } from '../../../kernel/universal/errors.ts';
import { defineWorkflow, formField, transitionBodySchema, type GuardContext, type StateDef } from '../../../kernel/universal/workflow.ts';
import { inspectionPermissions } from './inspection-permissions.ts';

export { inspectionPermissions } from './inspection-permissions.ts';

/** The states of a 调研视察. */
export const inspectionStates = ['planned', 'approved', 'underway', 'drafting', 'signoff', 'signed', 'sent', 'closed', 'cancelled'] as const;
export type InspectionState = (typeof inspectionStates)[number];

/** 类型: 调研 (investigation, a study of a topic) or 视察 (inspection, supervision of work on the ground). */
export const inspectionKinds = ['investigation', 'inspection'] as const;
export type InspectionKind = (typeof inspectionKinds)[number];
export const inspectionKindLabels: Record<InspectionKind, string> = { investigation: '调研', inspection: '视察' };
export const inspectionKindLabelsEn: Record<InspectionKind, string> = { investigation: 'Investigation', inspection: 'Inspection' };
/** The report's name by kind: 调研报告 / 视察报告. */
export const reportLabel = (kind: string) => (kind === 'inspection' ? '视察报告' : '调研报告');

/** States in which the trip has taken place (counted by the figures 开展调研 / 开展视察). */
export const heldStates: readonly InspectionState[] = ['underway', 'drafting', 'signoff', 'signed', 'sent', 'closed'];
/** States in which the report has gone to the party committee and government (报送报告). */
export const sentStates: readonly InspectionState[] = ['sent', 'closed'];
/** States in which the plan may still change (itinerary, participants, dates). */
export const planningStates: readonly InspectionState[] = ['planned', 'approved'];
/** States in which participants add photos, notes and documents received (on the trip, and while the report is drafted). */
export const collectingStates: readonly InspectionState[] = ['underway', 'drafting'];

/** The columns the lifecycle's guards and checks read (the repository's row has more). */
export interface InspectionRecord {
  id: string;
  tenant_id: string;
  state: string;
  version: number;
  lead_committee_id: string;
  report_no: number;
  recommendation_count: number;
  [k: string]: unknown;
}

/** Roles that run a trip: the lead committee's staff, and the office for any committee. */
export const organiserRoles = ['committee_staff', 'office_staff'] as const;
export const approverRoles = ['office_staff'] as const;
export const signOffRoles = ['leader'] as const;

/** The office runs every trip of its CPPCC; a committee's staff run the ones their committee leads. */
export function organises(record: { tenant_id: string; lead_committee_id: string }, actor: { tenantId: string; orgId: string; roles: readonly string[] }): boolean {
  if (record.tenant_id !== actor.tenantId) return false;
  if (actor.roles.includes('office_staff')) return true;
  return actor.roles.includes('committee_staff') && actor.orgId === record.lead_committee_id;
}

type Ctx = GuardContext<InspectionRecord>;
const isOrganiser = ({ record, actor }: Ctx) => (organises(record, actor) ? null : '只有牵头专委会或办公室的工作人员可以执行此操作');
const sameTenant = ({ record, actor }: Ctx) => (record.tenant_id === actor.tenantId ? null : '只能处理本级政协的调研视察');

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);
const note = z.string().trim().max(500).optional().describe('备注');
/** 审定: which chair's meeting (主席会议) approved the trip, and when. */
const approveInput = z.object({
  meeting: z.string().trim().min(2).max(100).describe('审定会议'),
  approvedOn: day('审定日期'),
});
const reasonInput = (label: string) => z.object({ reason: formField(z.string().trim().min(1).max(2000).describe(label), { kind: 'textarea' }) });

export const inspectionLifecycle = defineWorkflow<InspectionRecord>({
  id: 'inspection',
  label: '调研视察',
  initial: 'planned',
  stages: ['计划', '审定', '实地', '报告', '签发', '报送', '办结'],
  states: {
    planned: { label: '计划', labelEn: 'Planned', stage: '计划', tone: 'default', task: { role: 'office_staff', orgField: 'tenant', dueInWorkingDays: 10, label: '提请主席会议审定调研视察' } },
    approved: { label: '已批准', labelEn: 'Approved', stage: '审定', tone: 'processing', task: { role: 'committee_staff', orgField: 'lead_committee_id', dueField: 'planned_from', label: '组织开展调研视察' } },
    underway: { label: '进行中', labelEn: 'Under way', stage: '实地', tone: 'cyan', task: { role: 'committee_staff', orgField: 'lead_committee_id', dueField: 'planned_to', label: '完成实地调研视察' } },
    drafting: { label: '报告起草', labelEn: 'Drafting the report', stage: '报告', tone: 'gold', task: { role: 'committee_staff', orgField: 'lead_committee_id', dueField: 'report_due', label: '起草调研视察报告' } },
    signoff: { label: '待签发', labelEn: 'To sign off', stage: '签发', tone: 'orange', task: { role: 'leader', orgField: 'tenant', dueInWorkingDays: 3, label: '签发调研视察报告' } },
    signed: { label: '已签发', labelEn: 'Signed off', stage: '签发', tone: 'geekblue', task: { role: 'committee_staff', orgField: 'lead_committee_id', dueInWorkingDays: 2, label: '报送调研视察报告' } },
    sent: { label: '已报送', labelEn: 'Sent', stage: '报送', tone: 'purple' },
    closed: { label: '已办结', labelEn: 'Closed', stage: '办结', tone: 'success', ends: 'finished', terminal: true },
    cancelled: { label: '已取消', labelEn: 'Cancelled', stage: '审定', tone: 'default', ends: 'stopped', terminal: true },
  } satisfies Record<InspectionState, StateDef>,
  transitions: [
    { name: 'approve', label: '主席会议审定', labelEn: 'Record the chair\'s approval', from: ['planned'], to: 'approved', roles: approverRoles, permission: inspectionPermissions.approve, guard: sameTenant, input: approveInput,
      check: (input) => (typeof input.approvedOn === 'string' && input.approvedOn > clock.today() ? invalid('input.approvedOn', '「审定日期」', '不能晚于今天') : null) },
    { name: 'cancel', label: '取消', labelEn: 'Cancel', from: ['planned', 'approved'], to: 'cancelled', roles: organiserRoles, permission: inspectionPermissions.manage, guard: isOrganiser, input: reasonInput('取消理由'), confirm: true },
    { name: 'start', label: '开始实地调研视察', labelEn: 'Start the trip', from: ['approved'], to: 'underway', roles: organiserRoles, permission: inspectionPermissions.manage, guard: isOrganiser, input: z.object({ note }) },
    { name: 'finish', label: '结束实地，起草报告', labelEn: 'End the trip and draft the report', from: ['underway'], to: 'drafting', roles: organiserRoles, permission: inspectionPermissions.manage, guard: isOrganiser, input: z.object({ note }), confirm: true },
    {
      name: 'submit_report', label: '提交签发', labelEn: 'Submit for sign-off', from: ['drafting'], to: 'signoff', roles: organiserRoles, permission: inspectionPermissions.manage, guard: isOrganiser,
      // the report is written and names at least one recommendation before the leaders see it
      check: (_input, r) => (Number(r.report_no) < 1 ? invalid('report', '「报告」', '尚未起草')
        : Number(r.recommendation_count) < 1 ? invalid('recommendations', '「建议」', '至少需要一条') : null),
    },
    { name: 'return_report', label: '退回修改', labelEn: 'Return for revision', from: ['signoff'], to: 'drafting', roles: signOffRoles, permission: inspectionPermissions.signOff, guard: sameTenant, input: reasonInput('退回理由') },
    { name: 'sign_off', label: '签发', labelEn: 'Sign off', from: ['signoff'], to: 'signed', roles: signOffRoles, permission: inspectionPermissions.signOff, guard: sameTenant, input: z.object({ note }), confirm: true },
    // 报送: the recommendations go to the tracker (建议落实) in the same unit of work
    { name: 'send', label: '报送党委政府', labelEn: 'Send to the party committee and government', from: ['signed'], to: 'sent', roles: organiserRoles, permission: inspectionPermissions.manage, guard: isOrganiser, input: z.object({ note }), confirm: true },
    { name: 'close', label: '办结', labelEn: 'Close', from: ['sent'], to: 'closed', roles: organiserRoles, permission: inspectionPermissions.manage, guard: isOrganiser, input: z.object({ note }), confirm: true },
  ],
});

/** POST /api/supervision/inspections/:id/transitions: a union on `action`, one member per action with its own input. */
export const inspectionTransitionBody = transitionBodySchema([inspectionLifecycle]);
export type InspectionTransitionBody = z.infer<typeof inspectionTransitionBody>;

export const inspectionStateLabel = (s: string) => inspectionLifecycle.states[s]?.label ?? s;
/** History rows name their action: the transitions' labels, plus the steps the commands write. */
export const stepLabels: Record<string, string> = {
  create: '列入计划', edit: '修改计划', participants: '调整参加人员', itinerary: '调整行程', visit: '到达考察点', report: '修改报告', instruct: '记录批示', sign_in: '签到',
};
export const inspectionActionLabel = (a: string) => stepLabels[a] ?? inspectionLifecycle.transitions.find((t) => t.name === a)?.label ?? a;
