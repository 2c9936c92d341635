/**
 * The lifecycle of a 网络议政 session (议政会/场次) as data (pure): 筹备 → 进行中 → 已结束 → 已归档. Hosts (the lead
 * committee's staff) open the room, close it and archive it; the runner, the API's transition body, the allowed
 * actions returned with every session and the web's buttons are derived from this one definition.
 */
import { z } from 'zod';
import { defineWorkflow, transitionBodySchema, type GuardContext, type StateDef } from '../../../kernel/universal/workflow.ts';
import { livePermissions } from './live-permissions.ts';

/** The states of a session: 筹备 (preparing), 进行中 (open), 已结束 (closed), 已归档 (archived). */
export const liveStates = ['preparing', 'open', 'closed', 'archived'] as const;
export type LiveState = (typeof liveStates)[number];

/** The columns the lifecycle's guards read (the repository's row has more). */
export interface LiveRecord {
  id: string;
  tenant_id: string;
  state: string;
  version: number;
  host_user_ids: string;
  [k: string]: unknown;
}

/** Roles that host sessions: the committees' and the office's staff. */
export const hostRoles = ['office_staff', 'committee_staff'] as const;

export { livePermissions } from './live-permissions.ts';

type Ctx = GuardContext<LiveRecord>;
/** The session's own hosts act on it (a host list of user ids, JSON). */
export function hostIds(r: { host_user_ids: string }): string[] {
  try { const v = JSON.parse(r.host_user_ids); return Array.isArray(v) ? v.map(String) : []; } catch { return []; }
}
const isHost = ({ record, actor }: Ctx) => (record.tenant_id === actor.tenantId && hostIds(record).includes(actor.userId) ? null : '只有本场议政的主持人可以执行此操作');

const closeInput = z.object({ note: z.string().trim().max(500).optional().describe('结束说明') });

export const liveLifecycle = defineWorkflow<LiveRecord>({
  id: 'live_session',
  label: '网络议政',
  initial: 'preparing',
  stages: ['筹备', '进行', '结束', '归档'],
  states: {
    preparing: { label: '筹备中', labelEn: 'Preparing', stage: '筹备', tone: 'default' },
    open: { label: '进行中', labelEn: 'Live', stage: '进行', tone: 'processing' },
    closed: { label: '已结束', labelEn: 'Closed', stage: '结束', tone: 'warning' },
    archived: { label: '已归档', labelEn: 'Archived', stage: '归档', tone: 'success', ends: 'finished', terminal: true },
  } satisfies Record<LiveState, StateDef>,
  transitions: [
    { name: 'open', label: '开始议政', labelEn: 'Open the room', from: ['preparing'], to: 'open', roles: hostRoles, permission: livePermissions.host, guard: isHost },
    { name: 'close', label: '结束议政', labelEn: 'Close the room', from: ['open'], to: 'closed', roles: hostRoles, permission: livePermissions.host, guard: isHost, input: closeInput, confirm: true },
    { name: 'archive', label: '归档', labelEn: 'Archive', from: ['closed'], to: 'archived', roles: hostRoles, permission: livePermissions.host, guard: isHost, confirm: true },
  ],
});

/** POST /api/live/sessions/:id/transitions: a union on `action`. */
export const liveTransitionBody = transitionBodySchema([liveLifecycle]);
export type LiveTransitionBody = z.infer<typeof liveTransitionBody>;

export const liveStateLabel = (s: string) => liveLifecycle.states[s]?.label ?? s;
export const liveActionLabel = (a: string) => (a === 'create' ? '筹备' : liveLifecycle.transitions.find((t) => t.name === a)?.label ?? a);
