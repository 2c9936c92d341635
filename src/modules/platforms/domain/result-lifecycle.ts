/**
 * The lifecycle of a 协商成果 (an entry of a platform's 成果清单) as data (pure: no database, no HTTP): handed to the
 * responsible body (已交办) → implemented (已落实, with the body's feedback) → evaluated by the residents (已评价: 满意,
 * 基本满意 or 不满意). While it waits, the platform's convener has it on their worklist (待落实 until the due date, then
 * 待评价). The convener or the county's platform staff record each step.
 */
import { z } from 'zod';
import { clock } from '../../../kernel/universal/clock.ts';
import { invalid } from '../../../kernel/universal/errors.ts';
import { defineWorkflow, transitionBodySchema, type GuardContext, type StateDef } from '../../../kernel/universal/workflow.ts';
import { platformsPermissions } from './result-permissions.ts';

/** 成果状态: 已交办, 已落实, 已评价. */
export const resultStates = ['handed', 'implemented', 'evaluated'] as const;
export type ResultState = (typeof resultStates)[number];

/** 群众评价. */
export const evaluations = ['satisfied', 'basically', 'unsatisfied'] as const;
export type Evaluation = (typeof evaluations)[number];
export const evaluationLabels: Record<Evaluation, string> = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' };

/** The columns the lifecycle's guards and checks read. */
export interface ResultRecord {
  id: string;
  tenant_id: string;
  state: string;
  version: number;
  convener_user_id: string | null;
  handed_on: string;
  [k: string]: unknown;
}

export { platformsPermissions } from './result-permissions.ts';

/** 有事来商量工作人员: the county's (and its towns') staff who keep the registry; declared by this module. */
export const platformStaffRole = 'platform_staff';
export const recorderRoles = ['member', 'platform_staff', 'office_staff'] as const;

type Ctx = GuardContext<ResultRecord>;
const has = (actor: Ctx['actor'], p: string) => !actor.permissions || actor.permissions.has('*') || actor.permissions.has(p);
/** The platform's convener, or the platform staff of the platform's own county (the permissions are checked here, one of two). */
export const mayRecord = ({ record, actor }: Ctx) =>
  (record.convener_user_id && record.convener_user_id === actor.userId && has(actor, platformsPermissions.convene)) || (record.tenant_id === actor.tenantId && has(actor, platformsPermissions.manage))
    ? null : '只有平台召集人或本县（区）有事来商量工作人员可以记录成果落实情况';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);
const implementInput = z.object({
  feedback: z.string().trim().min(1).max(2000).describe('落实情况'),
  implementedOn: day('落实日期').optional(),
});
const evaluateInput = z.object({
  evaluation: z.enum(evaluations).describe('群众评价'),
  note: z.string().trim().max(500).optional().describe('评价说明'),
});

export const resultLifecycle = defineWorkflow<ResultRecord>({
  // the entity type stored in tasks, workflow_history and audit records
  id: 'platforms_result',
  label: '协商成果',
  initial: 'handed',
  stages: ['交办', '落实', '评价'],
  states: {
    handed: { label: '已交办', labelEn: 'Handed over', stage: '交办', tone: 'processing', task: { role: platformStaffRole, orgField: 'tenant', userField: 'convener_user_id', dueField: 'due_date', dueInWorkingDays: 20, label: '协商成果待落实' } },
    implemented: { label: '已落实', labelEn: 'Implemented', stage: '落实', tone: 'blue', task: { role: platformStaffRole, orgField: 'tenant', userField: 'convener_user_id', dueInWorkingDays: 10, label: '协商成果待评价' } },
    evaluated: { label: '已评价', labelEn: 'Evaluated', stage: '评价', tone: 'success', ends: 'finished', terminal: true },
  } satisfies Record<ResultState, StateDef>,
  transitions: [
    {
      name: 'implement', label: '落实', labelEn: 'Implemented', from: ['handed'], to: 'implemented', roles: recorderRoles, guard: mayRecord,
      input: implementInput,
      // the day it was implemented lies between the hand-over and today
      check: (input, record) => {
        const on = input.implementedOn as string | undefined;
        if (on && on > clock.today()) return invalid('input.implementedOn', '「落实日期」', '不能晚于今天');
        if (on && on < record.handed_on) return invalid('input.implementedOn', '「落实日期」', '不能早于交办日期');
        return null;
      },
    },
    { name: 'evaluate', label: '评价', labelEn: 'Evaluate', from: ['implemented'], to: 'evaluated', roles: recorderRoles, guard: mayRecord, input: evaluateInput },
  ],
});

/** POST /api/platforms/results/:id/transitions: a union on `action`, one member per action with its own input. */
export const resultTransitionBody = transitionBodySchema([resultLifecycle]);
export type ResultTransitionBody = z.infer<typeof resultTransitionBody>;

export const resultStateLabel = (s: string) => resultLifecycle.states[s]?.label ?? s;
export const resultActionLabel = (a: string) => (a === 'create' ? '交办' : resultLifecycle.transitions.find((t) => t.name === a)?.label ?? a);
/** States in which a result counts as implemented (落实). */
export const implementedStates: readonly ResultState[] = ['implemented', 'evaluated'];
