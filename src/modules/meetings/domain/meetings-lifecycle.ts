/**
 * The 会议 lifecycle as data (pure): 筹备中 → 已通知 (the notice goes to the participants) → 已结束 (attendance is
 * fixed). The runner, the API's transition body and the `actions` returned with every meeting derive from it.
 */
import { z } from 'zod';
import { defineWorkflow, transitionBodySchema, type GuardContext, type StateDef } from '../../../kernel/universal/workflow.ts';
import { meetingsPermissions } from './meetings-permissions.ts';

export const meetingStates = ['preparing', 'noticed', 'closed'] as const;
export type MeetingState = (typeof meetingStates)[number];

export interface MeetingRecord {
  id: string;
  tenant_id: string;
  state: string;
  version: number;
  [k: string]: unknown;
}

export { meetingsPermissions } from './meetings-permissions.ts';

const staffRoles = ['office_staff'] as const;
type Ctx = GuardContext<MeetingRecord>;
const sameTenant = ({ record, actor }: Ctx) => (record.tenant_id === actor.tenantId ? null : '只能组织本级政协的会议');

export const meetingsLifecycle = defineWorkflow<MeetingRecord>({
  id: 'meeting',
  label: '会议',
  initial: 'preparing',
  stages: ['筹备', '通知', '结束'],
  states: {
    preparing: { label: '筹备中', labelEn: 'Preparing', stage: '筹备', tone: 'default' },
    noticed: { label: '已通知', labelEn: 'Notified', stage: '通知', tone: 'processing' },
    closed: { label: '已结束', labelEn: 'Closed', stage: '结束', tone: 'success', ends: 'finished', terminal: true },
  } satisfies Record<MeetingState, StateDef>,
  transitions: [
    {
      name: 'notify', label: '发出通知', labelEn: 'Send the notice', from: ['preparing'], to: 'noticed', roles: staffRoles, permission: meetingsPermissions.manage, guard: sameTenant,
      input: z.object({ note: z.string().trim().max(500).optional().describe('通知附言') }),
    },
    { name: 'close', label: '结束会议', labelEn: 'Close', from: ['noticed'], to: 'closed', roles: staffRoles, permission: meetingsPermissions.manage, guard: sameTenant, confirm: true },
  ],
});

export const meetingsTransitionBody = transitionBodySchema([meetingsLifecycle]);
export type MeetingsTransitionBody = z.infer<typeof meetingsTransitionBody>;
export const meetingStateLabel = (s: string) => meetingsLifecycle.states[s]?.label ?? s;
export const meetingActionLabel = (a: string) => (a === 'create' ? '新建' : meetingsLifecycle.transitions.find((t) => t.name === a)?.label ?? a);
