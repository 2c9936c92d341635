/**
 * The 履职活动 lifecycle as data (pure): 筹备中 → 报名中 → 进行中 → 已结束 → 已归档. Staff, or the 委员之家's convener
 * who created the activity, move it on; sign-up is open while 报名中, sign-in while 报名中 or 进行中 within the time
 * window (activity-rules.ts). 结束 records the outcome; 归档 closes it for good.
 */
import { z } from 'zod';
import { defineWorkflow, transitionBodySchema, type GuardContext, type StateDef } from '../../../kernel/universal/workflow.ts';
import { manages } from './activity-rules.ts';

export const activitiesStates = ['preparing', 'open', 'ongoing', 'ended', 'archived'] as const;
export type ActivitiesState = (typeof activitiesStates)[number];

/** The columns the lifecycle's guards read. */
export interface ActivityRecord {
  id: string;
  tenant_id: string;
  state: string;
  version: number;
  owner_user_id: string;
  [k: string]: unknown;
}

/** Organisers: office and committee staff, and members (a 委员之家's convener, for the activities they created). */
export const organiserRoles = ['office_staff', 'committee_staff', 'member'] as const;

type Ctx = GuardContext<ActivityRecord>;
/** Staff who organise activities, or the one who created this activity (the convener); same CPPCC only. */
const organiser = ({ record, actor }: Ctx) => {
  if (record.tenant_id !== actor.tenantId) return '只能组织本级政协的活动';
  return manages(actor) || record.owner_user_id === actor.userId ? null : '只有活动的组织者可以执行此操作';
};

/** 结束活动: the outcome (成效), required (people served are counted from the members' service records). */
const endInput = z.object({ outcome: z.string().trim().min(1).max(2000).describe('活动成效') });

export const activitiesLifecycle = defineWorkflow<ActivityRecord>({
  id: 'activity',
  label: '履职活动',
  initial: 'preparing',
  stages: ['筹备', '报名', '进行', '结束', '归档'],
  states: {
    preparing: { label: '筹备中', labelEn: 'Preparing', stage: '筹备', tone: 'default' },
    open: { label: '报名中', labelEn: 'Open for sign-up', stage: '报名', tone: 'processing' },
    ongoing: { label: '进行中', labelEn: 'Under way', stage: '进行', tone: 'blue' },
    ended: { label: '已结束', labelEn: 'Ended', stage: '结束', tone: 'success' },
    archived: { label: '已归档', labelEn: 'Archived', stage: '归档', tone: 'default', ends: 'finished', terminal: true },
  } satisfies Record<ActivitiesState, StateDef>,
  transitions: [
    { name: 'publish', label: '发布报名', labelEn: 'Open sign-up', from: ['preparing'], to: 'open', roles: organiserRoles, guard: organiser },
    { name: 'start', label: '开始活动', labelEn: 'Start', from: ['open'], to: 'ongoing', roles: organiserRoles, guard: organiser },
    { name: 'end', label: '结束活动', labelEn: 'End', from: ['open', 'ongoing'], to: 'ended', roles: organiserRoles, guard: organiser, input: endInput },
    { name: 'archive', label: '归档', labelEn: 'Archive', from: ['ended'], to: 'archived', roles: organiserRoles, guard: organiser, confirm: true },
  ],
});

export const activitiesTransitionBody = transitionBodySchema([activitiesLifecycle]);
export type ActivitiesTransitionBody = z.infer<typeof activitiesTransitionBody>;

export const activitiesStateLabel = (s: string) => activitiesLifecycle.states[s]?.label ?? s;
export const activitiesActionLabel = (a: string) => (a === 'create' ? '创建' : activitiesLifecycle.transitions.find((t) => t.name === a)?.label ?? a);
export { activitiesPermissions } from './activities-permissions.ts';
