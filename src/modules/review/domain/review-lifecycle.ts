/**
 * The lifecycle of an annual review (工作回眸) as data (pure: no database, no HTTP): the office drafts the wording
 * (起草), submits it to the leaders for approval (送审定), a leader approves it (审定) or returns it with a reason, and the
 * office publishes it (发布). The runner, the API's transition body, the allowed actions returned with the document and
 * the web's buttons all come from this one definition.
 */
import { z } from 'zod';
import { defineWorkflow, transitionBodySchema, type GuardContext, type StateDef } from '../../../kernel/universal/workflow.ts';
import { reviewPermissions } from './review-permissions.ts';

/** The states of a review document; `satisfies Record<ReviewState, StateDef>` keeps the list and the lifecycle in step. */
export const reviewStates = ['draft', 'submitted', 'approved', 'published'] as const;
export type ReviewState = (typeof reviewStates)[number];

/** The columns the lifecycle's guards read (the repository's row has more). */
export interface ReviewRecord {
  id: string;
  tenant_id: string;
  state: string;
  version: number;
  [k: string]: unknown;
}

/** The office writes and publishes the review; the CPPCC's leaders approve it (审定). */
export const officeRoles = ['office_staff'] as const;
export const leaderRoles = ['leader'] as const;

export { reviewPermissions } from './review-permissions.ts';

type Ctx = GuardContext<ReviewRecord>;
/** A guard returns a Chinese reason why this actor may not act on this record now (a 403), or null. */
const sameTenant = ({ record, actor }: Ctx) => (record.tenant_id === actor.tenantId ? null : '只能处理本级政协的工作回眸');

/** 退回修改: the reason is required (a missing one is a 400 naming 「退回理由」). */
const returnInput = z.object({ reason: z.string().trim().min(1).max(2000).describe('退回理由') });

export const reviewLifecycle = defineWorkflow<ReviewRecord>({
  // the entity type stored in tasks, workflow_history and audit records
  id: 'review_document',
  label: '工作回眸',
  initial: 'draft',
  stages: ['起草', '审定', '发布'],
  states: {
    draft: { label: '起草中', labelEn: 'Draft', stage: '起草', tone: 'default' },
    // the leaders of the CPPCC are asked to approve it (待办)
    submitted: { label: '待审定', labelEn: 'Awaiting approval', stage: '审定', tone: 'processing', task: { role: 'leader', orgField: 'tenant', dueInWorkingDays: 5, label: '工作回眸待审定' } },
    approved: { label: '已审定', labelEn: 'Approved', stage: '审定', tone: 'blue', task: { role: 'office_staff', orgField: 'tenant', dueInWorkingDays: 3, label: '工作回眸待发布' } },
    published: { label: '已发布', labelEn: 'Published', stage: '发布', tone: 'success', ends: 'finished', terminal: true },
  } satisfies Record<ReviewState, StateDef>,
  transitions: [
    { name: 'submit', label: '送审定', labelEn: 'Submit for approval', from: ['draft'], to: 'submitted', roles: officeRoles, permission: reviewPermissions.edit, guard: sameTenant },
    { name: 'approve', label: '审定', labelEn: 'Approve', from: ['submitted'], to: 'approved', roles: leaderRoles, permission: reviewPermissions.approve, guard: sameTenant, confirm: true },
    { name: 'return', label: '退回修改', labelEn: 'Return for revision', from: ['submitted', 'approved'], to: 'draft', roles: leaderRoles, permission: reviewPermissions.approve, guard: sameTenant, input: returnInput },
    { name: 'publish', label: '发布', labelEn: 'Publish', from: ['approved'], to: 'published', roles: officeRoles, permission: reviewPermissions.edit, guard: sameTenant, confirm: true },
  ],
});

/** POST /api/review/documents/:id/transitions: a union on `action`, one member per action with its own input. */
export const reviewTransitionBody = transitionBodySchema([reviewLifecycle]);
export type ReviewTransitionBody = z.infer<typeof reviewTransitionBody>;

export const reviewStateLabel = (s: string) => reviewLifecycle.states[s]?.label ?? s;
/** History rows name their action: the transitions' labels, plus 'create' and 'edit'. */
export const reviewActionLabel = (a: string) => (a === 'create' ? '起草' : a === 'edit' ? '修改文稿' : reviewLifecycle.transitions.find((t) => t.name === a)?.label ?? a);
