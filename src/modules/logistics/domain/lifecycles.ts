/**
 * The lifecycles of 接待方案 (reception plan) and 用车申请 (vehicle request / trip), as data (pure). The runner, the API's
 * transition bodies, the `actions` returned with every record and the web's buttons and forms all come from here.
 *
 * 接待: 起草 (draft) → 已审批 (approved) → 已完成 (done).
 * 用车: 待审批 (requested) → 已批准 (approved, waiting for 派车) → 已派车 (assigned) → 已完成 (done, with mileage);
 *       or 未批准 (rejected), or 已取消 (cancelled by the requester before the car leaves).
 */
import { z } from 'zod';
import { invalid } from '../../../kernel/universal/errors.ts';
import { mileage } from './schedule.ts';
import { defineWorkflow, transitionBodySchema, type GuardContext, type StateDef } from '../../../kernel/universal/workflow.ts';
import { logisticsPermissions as P } from './logistics-permissions.ts';

export { logisticsPermissions } from './logistics-permissions.ts';

export interface LogisticsRecord {
  id: string;
  tenant_id: string;
  state: string;
  version: number;
  owner_user_id: string;
  [k: string]: unknown;
}
type Ctx = GuardContext<LogisticsRecord>;
const sameTenant = ({ record, actor }: Ctx) => (record.tenant_id === actor.tenantId ? null : '只能处理本级政协的记录');
const isOwner = ({ record, actor }: Ctx) => (record.owner_user_id === actor.userId && record.tenant_id === actor.tenantId ? null : '只有申请人可以执行此操作');

/** Business roles of the CPPCC's staff (who may ask for a car) and the office that runs logistics. */
export const staffRoles = ['office_staff', 'committee_staff', 'proposal_staff', 'info_editor', 'leader'] as const;
export const officeRoles = ['office_staff'] as const;
export const approverRoles = ['office_staff', 'leader'] as const;

// ---- 接待 ----
export const receptionStates = ['draft', 'approved', 'done'] as const;
export type ReceptionState = (typeof receptionStates)[number];

export const receptionLifecycle = defineWorkflow<LogisticsRecord>({
  id: 'logistics_reception',
  label: '接待方案',
  initial: 'draft',
  stages: ['起草', '审批', '完成'],
  states: {
    draft: { label: '起草中', labelEn: 'Draft', stage: '起草', tone: 'default' },
    approved: { label: '已审批', labelEn: 'Approved', stage: '审批', tone: 'processing' },
    done: { label: '已完成', labelEn: 'Done', stage: '完成', tone: 'success', ends: 'finished', terminal: true },
  } satisfies Record<ReceptionState, StateDef>,
  transitions: [
    {
      name: 'approve', label: '审批通过', labelEn: 'Approve', from: ['draft'], to: 'approved', roles: approverRoles, permission: P.approveReception, guard: sameTenant,
      input: z.object({ note: z.string().trim().max(500).optional().describe('审批意见') }),
    },
    {
      name: 'complete', label: '接待完成', labelEn: 'Complete', from: ['approved'], to: 'done', roles: officeRoles, permission: P.manage, guard: sameTenant,
      input: z.object({ note: z.string().trim().max(500).optional().describe('接待小结') }), confirm: true,
    },
  ],
});
export const receptionTransitionBody = transitionBodySchema([receptionLifecycle]);

// ---- 用车 ----
export const tripStates = ['requested', 'approved', 'assigned', 'done', 'rejected', 'cancelled'] as const;
export type TripState = (typeof tripStates)[number];

/** 派车: the vehicle and the driver (their ids; the server refuses ones already booked at an overlapping time). */
export const assignInput = z.object({
  vehicleId: z.string().trim().min(1).max(40).describe('车辆'),
  driverId: z.string().trim().min(1).max(40).describe('驾驶员'),
  note: z.string().trim().max(500).optional().describe('派车说明'),
});
/** 出车完成: the odometer readings (公里数) at departure and return. */
export const finishInput = z.object({
  startKm: z.number().int().min(0).max(9_999_999).describe('出车里程'),
  endKm: z.number().int().min(0).max(9_999_999).describe('收车里程'),
  note: z.string().trim().max(500).optional().describe('出车记录'),
});

export const tripLifecycle = defineWorkflow<LogisticsRecord>({
  id: 'logistics_trip',
  label: '用车申请',
  initial: 'requested',
  stages: ['申请', '审批', '派车', '出车'],
  states: {
    requested: { label: '待审批', labelEn: 'To approve', stage: '申请', tone: 'processing', task: { role: 'office_staff', orgField: 'tenant', dueInWorkingDays: 1, label: '用车待审批' } },
    approved: { label: '待派车', labelEn: 'To dispatch', stage: '审批', tone: 'blue', task: { role: 'office_staff', orgField: 'tenant', dueInWorkingDays: 1, label: '用车待派车' } },
    assigned: { label: '已派车', labelEn: 'Dispatched', stage: '派车', tone: 'cyan' },
    done: { label: '已出车', labelEn: 'Done', stage: '出车', tone: 'success', ends: 'finished', terminal: true },
    rejected: { label: '未批准', labelEn: 'Rejected', stage: '审批', tone: 'error', ends: 'stopped', terminal: true },
    cancelled: { label: '已取消', labelEn: 'Cancelled', stage: '申请', tone: 'default', ends: 'stopped', terminal: true },
  } satisfies Record<TripState, StateDef>,
  transitions: [
    {
      name: 'approve', label: '批准', labelEn: 'Approve', from: ['requested'], to: 'approved', roles: approverRoles, permission: P.approveTrip, guard: sameTenant,
      input: z.object({ note: z.string().trim().max(500).optional().describe('审批意见') }),
    },
    {
      name: 'reject', label: '不批准', labelEn: 'Reject', from: ['requested'], to: 'rejected', roles: approverRoles, permission: P.approveTrip, guard: sameTenant,
      input: z.object({ reason: z.string().trim().min(1).max(500).describe('不批准理由') }),
    },
    { name: 'assign', label: '派车', labelEn: 'Dispatch', from: ['approved', 'assigned'], to: 'assigned', roles: officeRoles, permission: P.dispatch, guard: sameTenant, input: assignInput },
    {
      name: 'finish', label: '出车完成', labelEn: 'Trip done', from: ['assigned'], to: 'done', roles: officeRoles, permission: P.dispatch, guard: sameTenant, input: finishInput,
      check: (input) => {
        const m = mileage(input.startKm as number, input.endKm as number);
        return 'problem' in m ? invalid('input.endKm', '「收车里程」', m.problem.replace(/^「[^」]+」/, '')) : null;
      },
    },
    {
      name: 'withdraw', label: '取消申请', labelEn: 'Withdraw', from: ['requested', 'approved', 'assigned'], to: 'cancelled', roles: staffRoles, permission: P.requestTrip, guard: isOwner,
      input: z.object({ reason: z.string().trim().max(500).optional().describe('取消原因') }), confirm: true,
    },
  ],
});
export const tripTransitionBody = transitionBodySchema([tripLifecycle]);

/** States in which a trip holds its vehicle and driver (the board shows them; a new assignment may not overlap them). */
export const bookedStates: readonly TripState[] = ['assigned', 'done'];

export const stateLabelOf = (wf: typeof tripLifecycle, s: string) => wf.states[s]?.label ?? s;
export const actionLabelOf = (wf: typeof tripLifecycle, a: string) => (a === 'create' ? '登记' : wf.transitions.find((t) => t.name === a)?.label ?? a);
