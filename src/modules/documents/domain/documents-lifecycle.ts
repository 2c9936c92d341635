/**
 * The 公文 lifecycle as data (pure: no database, no HTTP). A module's lifecycle says which states a record passes
 * through (起草 → 已提交 → 已受理/已退回 → 已办结), who may fire each action (roles plus a permission), who and when
 * (`guard`), what the action asks for (`input`, a zod object whose `.describe()` labels name the fields in Chinese) and
 * the rules on that input against the record (`check`). The runner, the API's transition body, the allowed actions
 * returned with every record and the web's buttons and forms are all derived from this one definition.
 */
import { z } from 'zod';
import { clock } from '../../../kernel/universal/clock.ts';
import { invalid } from '../../../kernel/universal/errors.ts';
import { defineWorkflow, transitionBodySchema, type GuardContext, type StateDef } from '../../../kernel/universal/workflow.ts';
import { documentsPermissions } from './documents-permissions.ts';

/** The states of a 公文; `satisfies Record<DocumentsState, StateDef>` below keeps the list and the lifecycle in step. */
export const documentsStates = ['draft', 'submitted', 'accepted', 'returned', 'done'] as const;
export type DocumentsState = (typeof documentsStates)[number];

/** The columns the lifecycle's guards and checks read (the repository's row has more). */
export interface DocumentsRecord {
  id: string;
  tenant_id: string;
  state: string;
  version: number;
  owner_user_id: string;
  [k: string]: unknown;
}

/** Roles that create and submit 公文 (the 委员 and the office staff), and the role that handles them. */
export const ownerRoles = ['member', 'office_staff'] as const;
export const handlerRoles = ['office_staff'] as const;

export { documentsPermissions } from './documents-permissions.ts';

type Ctx = GuardContext<DocumentsRecord>;
/** A guard returns a Chinese reason why this actor may not act on this record now (a 403), or null. */
const isOwner = ({ record, actor }: Ctx) => (record.owner_user_id === actor.userId && record.tenant_id === actor.tenantId ? null : '只有公文的提交人可以执行此操作');
const sameTenant = ({ record, actor }: Ctx) => (record.tenant_id === actor.tenantId ? null : '只能处理本级政协的公文');

/** 受理: the handler may set the 办理期限 (a date, not before today); without it the module's setting gives one. */
const acceptInput = z.object({
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').optional().describe('办理期限'),
  note: z.string().trim().max(500).optional().describe('受理意见'),
});
/** 退回: the reason is required (a missing one is a 400 naming 「退回理由」). */
const returnInput = z.object({ reason: z.string().trim().min(1).max(2000).describe('退回理由') });
/** 办结: what was done, required. */
const doneInput = z.object({ result: z.string().trim().min(1).max(2000).describe('办理结果') });

export const documentsLifecycle = defineWorkflow<DocumentsRecord>({
  // the entity type stored in tasks, workflow_history and audit records
  id: 'documents_item',
  label: '公文',
  initial: 'draft',
  // the detail page's step bar; each state names its stage
  stages: ['起草', '提交', '受理', '办结'],
  states: {
    draft: { label: '起草中', labelEn: 'Draft', stage: '起草', tone: 'default' },
    // a state with a `task` opens a work item (待办) for whoever must act, due in working days
    submitted: { label: '待受理', labelEn: 'Submitted', stage: '提交', tone: 'processing', task: { role: 'office_staff', orgField: 'tenant', dueInWorkingDays: 3, label: '公文待受理' } },
    returned: { label: '已退回', labelEn: 'Returned', stage: '提交', tone: 'warning', task: { role: 'member', orgField: 'tenant', userField: 'owner_user_id', dueInWorkingDays: 10, label: '公文退回修改' } },
    // the record's own deadline (due_date) is the work item's, however often the record comes back here
    accepted: { label: '办理中', labelEn: 'In progress', stage: '受理', tone: 'blue', task: { role: 'office_staff', orgField: 'tenant', dueField: 'due_date', dueInWorkingDays: 10, label: '公文待办结' } },
    done: { label: '已办结', labelEn: 'Done', stage: '办结', tone: 'success', ends: 'finished', terminal: true },
  } satisfies Record<DocumentsState, StateDef>,
  transitions: [
    { name: 'submit', label: '提交', labelEn: 'Submit', from: ['draft', 'returned'], to: 'submitted', roles: ownerRoles, permission: documentsPermissions.create, guard: isOwner },
    {
      name: 'accept', label: '受理', labelEn: 'Accept', from: ['submitted'], to: 'accepted', roles: handlerRoles, permission: documentsPermissions.handle, guard: sameTenant,
      input: acceptInput,
      // a rule on the parsed input: the deadline may not lie in the past (the field is named as the API sends it)
      check: (input) => (typeof input.dueDate === 'string' && input.dueDate < clock.today() ? invalid('input.dueDate', '「办理期限」', '不能早于今天') : null),
    },
    { name: 'return', label: '退回', labelEn: 'Return', from: ['submitted'], to: 'returned', roles: handlerRoles, permission: documentsPermissions.handle, guard: sameTenant, input: returnInput },
    { name: 'complete', label: '办结', labelEn: 'Complete', from: ['accepted'], to: 'done', roles: handlerRoles, permission: documentsPermissions.handle, guard: sameTenant, input: doneInput, confirm: true },
  ],
});

/** POST /api/documents/:id/transitions: a union on `action`, one member per action with its own input. */
export const documentsTransitionBody = transitionBodySchema([documentsLifecycle]);
export type DocumentsTransitionBody = z.infer<typeof documentsTransitionBody>;

export const documentsStateLabel = (s: string) => documentsLifecycle.states[s]?.label ?? s;
/** History rows name their action: the transitions' labels, plus 'create' (written when the record is made). */
export const documentsActionLabel = (a: string) => (a === 'create' ? '起草' : documentsLifecycle.transitions.find((t) => t.name === a)?.label ?? a);

/** States in which a 公文 is still open (counted by the figure 未办结公文). */
export const openStates: readonly DocumentsState[] = ['draft', 'submitted', 'accepted', 'returned'];
