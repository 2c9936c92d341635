/**
 * The 建议落实 lifecycle as data (pure: no database, no HTTP). A tracked recommendation (建议) is one department's part
 * of one recommendation (decision 0044): the department owes a reply by its due date (待反馈), replies with what it did
 * and the evidence (已反馈), and the committee's office assesses the reply: 落实中 (in progress, a further reply due by
 * a new date), 已落实 (done), 未落实 (not done, with the reason), or sends the reply back (退回) for a better one.
 * A request for more time (延期申请) is not a state: it is a request on the record the office grants or refuses
 * (`extension.ts`), and a granted one moves the due date of the department's work item.
 */
import { z } from 'zod';
import { clock } from '../../../kernel/universal/clock.ts';
import { invalid } from '../../../kernel/universal/errors.ts';
import { defineWorkflow, transitionBodySchema, type GuardContext, type StateDef } from '../../../kernel/universal/workflow.ts';
import { recommendationsPermissions } from './recommendations-permissions.ts';

/** 待反馈 / 已反馈 / 落实中 / 已落实 / 未落实 */
export const recommendationsStates = ['pending', 'answered', 'in_progress', 'implemented', 'not_implemented'] as const;
export type RecommendationsState = (typeof recommendationsStates)[number];

/** States in which the department owes a reply (its work item is open, the due date runs). */
export const owingStates: readonly RecommendationsState[] = ['pending', 'in_progress'];
/** States in which the recommendation is still open (not assessed as 已落实 or 未落实). */
export const openStates: readonly RecommendationsState[] = ['pending', 'answered', 'in_progress'];

/** The columns the lifecycle's guards and checks read (the repository's row has more). */
export interface RecommendationsRecord {
  id: string;
  tenant_id: string;
  /** 责任单位 (responsible department): the handling unit that owes this part */
  unit_id: string;
  state: string;
  version: number;
  [k: string]: unknown;
}

/** The department's people (承办单位经办人, 分管领导) and the office that assesses (办公室工作人员). */
export const unitRoles = ['unit_handler', 'unit_leader'] as const;
export const officeRoles = ['office_staff'] as const;

export { recommendationsPermissions } from './recommendations-permissions.ts';

type Ctx = GuardContext<RecommendationsRecord>;
/** A guard returns a Chinese reason why this actor may not act on this record now (a 403), or null. */
const isTheUnit = ({ record, actor }: Ctx) => (record.unit_id === actor.orgId && record.tenant_id === actor.tenantId ? null : '只有责任单位可以反馈此建议');
const sameTenant = ({ record, actor }: Ctx) => (record.tenant_id === actor.tenantId ? null : '只能评估本级政协的建议');

const dateField = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);

/** 反馈: what the department did (required) and the evidence (attachments uploaded first, then named here). */
export const replyInput = z.object({
  feedback: z.string().trim().min(1).max(10000).describe('落实情况'),
  attachmentIds: z.array(z.string().min(1).max(64)).max(20).optional().describe('佐证材料'),
});
/** 落实中: the office's note and the date the next reply is due (required, not in the past). */
const progressInput = z.object({
  note: z.string().trim().min(1).max(2000).describe('评估意见'),
  nextDueDate: dateField('下次反馈期限'),
});
const doneInput = z.object({ note: z.string().trim().max(2000).optional().describe('评估意见') });
const notDoneInput = z.object({ reason: z.string().trim().min(1).max(2000).describe('未落实原因') });
const returnInput = z.object({ reason: z.string().trim().min(1).max(2000).describe('退回理由') });

export const recommendationsLifecycle = defineWorkflow<RecommendationsRecord>({
  // the entity type stored in tasks, workflow_history, audit records and attachments
  id: 'recommendation',
  label: '建议落实',
  initial: 'pending',
  stages: ['交办', '反馈', '评估', '办结'],
  states: {
    // the department's work item, due on the record's own due date (moved by a granted extension or a 落实中 assessment)
    pending: { label: '待反馈', labelEn: 'Awaiting reply', stage: '反馈', tone: 'gold', task: { role: 'unit_handler', orgField: 'unit_id', dueField: 'due_date', dueInWorkingDays: 20, label: '建议落实待反馈' } },
    answered: { label: '已反馈', labelEn: 'Replied', stage: '评估', tone: 'processing', task: { role: 'office_staff', orgField: 'tenant', dueInWorkingDays: 5, label: '建议落实待评估' } },
    in_progress: { label: '落实中', labelEn: 'Being implemented', stage: '反馈', tone: 'blue', task: { role: 'unit_handler', orgField: 'unit_id', dueField: 'due_date', dueInWorkingDays: 20, label: '建议落实续报' } },
    implemented: { label: '已落实', labelEn: 'Implemented', stage: '办结', tone: 'success', ends: 'finished', terminal: true },
    not_implemented: { label: '未落实', labelEn: 'Not implemented', stage: '办结', tone: 'error', ends: 'stopped', terminal: true },
  } satisfies Record<RecommendationsState, StateDef>,
  transitions: [
    { name: 'reply', label: '反馈', labelEn: 'Reply', from: ['pending', 'in_progress'], to: 'answered', roles: unitRoles, permission: recommendationsPermissions.reply, guard: isTheUnit, input: replyInput },
    {
      name: 'mark_in_progress', label: '评为落实中', labelEn: 'Mark as being implemented', from: ['answered'], to: 'in_progress', roles: officeRoles, permission: recommendationsPermissions.assess, guard: sameTenant,
      input: progressInput,
      check: (input) => (String(input.nextDueDate) <= clock.today() ? invalid('input.nextDueDate', '「下次反馈期限」', '应晚于今天') : null),
    },
    { name: 'mark_implemented', label: '评为已落实', labelEn: 'Mark implemented', from: ['answered'], to: 'implemented', roles: officeRoles, permission: recommendationsPermissions.assess, guard: sameTenant, input: doneInput, confirm: true },
    { name: 'not_implemented', label: '评为未落实', labelEn: 'Mark not implemented', from: ['answered'], to: 'not_implemented', roles: officeRoles, permission: recommendationsPermissions.assess, guard: sameTenant, input: notDoneInput, confirm: true },
    { name: 'return', label: '退回', labelEn: 'Send back', from: ['answered'], to: 'pending', roles: officeRoles, permission: recommendationsPermissions.assess, guard: sameTenant, input: returnInput },
  ],
});

/** POST /api/recommendations/:id/transitions: a union on `action`, one member per action with its own input. */
export const recommendationsTransitionBody = transitionBodySchema([recommendationsLifecycle]);
export type RecommendationsTransitionBody = z.infer<typeof recommendationsTransitionBody>;

export const recommendationsStateLabel = (s: string) => recommendationsLifecycle.states[s]?.label ?? s;

/** History rows that are not transitions: the record's creation, a later 批示 and the extension requests. */
export const stepLabels: Readonly<Record<string, string>> = {
  create: '交办', instruct: '领导批示', request_extension: '申请延期', grant_extension: '同意延期', refuse_extension: '不同意延期',
};
export const recommendationsActionLabel = (a: string) => stepLabels[a] ?? recommendationsLifecycle.transitions.find((t) => t.name === a)?.label ?? a;

/** Is the department late: it owes a reply and its due date has passed (超期). */
export const isOverdue = (r: { state: string; due_date: string | null }, today: string) =>
  (owingStates as readonly string[]).includes(r.state) && !!r.due_date && r.due_date < today;

/**
 * 按时长 (age): how long a recommendation has been open, in calendar days since it was handed over. The board groups
 * open recommendations by these buckets; the list filters by the same bounds (`ageBounds`).
 */
export const ageBuckets = ['d30', 'd90', 'd180', 'older'] as const;
export type AgeBucket = (typeof ageBuckets)[number];
export const ageBucketLabels: Record<AgeBucket, string> = { d30: '30 天内', d90: '31–90 天', d180: '91–180 天', older: '180 天以上' };
const bucketDays: Record<AgeBucket, [number, number | null]> = { d30: [0, 30], d90: [31, 90], d180: [91, 180], older: [181, null] };

/** The China dates a bucket's records were created on (inclusive): `from` null means no lower bound. */
export function ageBounds(bucket: AgeBucket, today: string): { from: string | null; to: string } {
  const [min, max] = bucketDays[bucket];
  const shift = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  return { from: max === null ? null : shift(max), to: shift(min) };
}

/** The bucket of a record handed over on `createdDay` (a China date). */
export function ageBucketOf(createdDay: string, today: string): AgeBucket {
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${createdDay}T00:00:00Z`)) / 86_400_000);
  return ageBuckets.find((b) => bucketDays[b][1] === null || days <= bucketDays[b][1]!)!;
}
