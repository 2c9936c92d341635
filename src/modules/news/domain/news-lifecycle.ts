/**
 * The 新闻 lifecycle as data (pure): 起草 → 待审核 → 已发布 (→ 已撤回). The author submits; a reviewer who is not the
 * author (审核人不能是作者) publishes it or sends it back with a reason; a published item may be withdrawn (撤回) with a
 * reason and, withdrawn, goes back to its author as a draft. The API's transition body, the actions returned with every
 * record and the web's buttons are derived from this one definition.
 */
import { z } from 'zod';
import { defineWorkflow, transitionBodySchema, type GuardContext, type StateDef } from '../../../kernel/universal/workflow.ts';
import { newsPermissions } from './news-permissions.ts';

export const newsStates = ['draft', 'review', 'published', 'withdrawn'] as const;
export type NewsState = (typeof newsStates)[number];

export interface NewsRecord {
  id: string;
  tenant_id: string;
  state: string;
  version: number;
  owner_user_id: string;
  [k: string]: unknown;
}

export const writerRoles = ['office_staff', 'committee_staff'] as const;
export const reviewerRoles = ['office_staff', 'leader'] as const;

export { newsPermissions } from './news-permissions.ts';

type Ctx = GuardContext<NewsRecord>;
const isOwner = ({ record, actor }: Ctx) => (record.owner_user_id === actor.userId && record.tenant_id === actor.tenantId ? null : '只有新闻的作者可以执行此操作');
/** 审核人不能是作者: the four-eyes rule of publication. */
const reviewerNotAuthor = ({ record, actor }: Ctx) => {
  if (record.tenant_id !== actor.tenantId) return '只能审核本级政协的新闻';
  return record.owner_user_id === actor.userId ? '审核人不能是新闻的作者，请由其他审核人审核发布' : null;
};
const sameTenant = ({ record, actor }: Ctx) => (record.tenant_id === actor.tenantId ? null : '只能处理本级政协的新闻');
const ownerOrReviewer = (c: Ctx) => (isOwner(c) === null || (c.actor.permissions?.has(newsPermissions.review) && sameTenant(c) === null) ? null : '只有作者或审核人可以重新编辑');

const returnInput = z.object({ reason: z.string().trim().min(1).max(2000).describe('退回理由') });
const withdrawInput = z.object({ reason: z.string().trim().min(1).max(2000).describe('撤回理由') });
const publishInput = z.object({ note: z.string().trim().max(500).optional().describe('审核意见') });

export const newsLifecycle = defineWorkflow<NewsRecord>({
  id: 'news_item',
  label: '新闻',
  initial: 'draft',
  stages: ['撰写', '审核', '发布'],
  states: {
    draft: { label: '草稿', labelEn: 'Draft', stage: '撰写', tone: 'default' },
    review: { label: '待审核', labelEn: 'In review', stage: '审核', tone: 'processing', task: { role: 'office_staff', orgField: 'tenant', dueInWorkingDays: 2, label: '新闻待审核' } },
    published: { label: '已发布', labelEn: 'Published', stage: '发布', tone: 'success' },
    withdrawn: { label: '已撤回', labelEn: 'Withdrawn', stage: '发布', tone: 'warning' },
  } satisfies Record<NewsState, StateDef>,
  transitions: [
    { name: 'submit', label: '提交审核', labelEn: 'Submit for review', from: ['draft'], to: 'review', roles: writerRoles, permission: newsPermissions.write, guard: isOwner },
    { name: 'publish', label: '审核发布', labelEn: 'Approve and publish', from: ['review'], to: 'published', roles: reviewerRoles, permission: newsPermissions.review, guard: reviewerNotAuthor, input: publishInput },
    { name: 'return', label: '退回修改', labelEn: 'Return', from: ['review'], to: 'draft', roles: reviewerRoles, permission: newsPermissions.review, guard: reviewerNotAuthor, input: returnInput },
    { name: 'withdraw', label: '撤回', labelEn: 'Withdraw', from: ['published'], to: 'withdrawn', roles: reviewerRoles, permission: newsPermissions.review, guard: sameTenant, input: withdrawInput, confirm: true },
    { name: 'redraft', label: '重新编辑', labelEn: 'Edit again', from: ['withdrawn'], to: 'draft', roles: [...writerRoles, ...reviewerRoles], guard: ownerOrReviewer },
  ],
});

export const newsTransitionBody = transitionBodySchema([newsLifecycle]);
export type NewsTransitionBody = z.infer<typeof newsTransitionBody>;

export const newsStateLabel = (s: string) => newsLifecycle.states[s]?.label ?? s;
export const newsActionLabel = (a: string) => (a === 'create' ? '起草' : a === 'edit' ? '编辑' : newsLifecycle.transitions.find((t) => t.name === a)?.label ?? a);

/** The event every step of a 新闻 writes (published, withdrawn, edited all come through it): the portal listens to it. */
export const NEWS_EVENT = 'news_item.transitioned';
export const NOTICE_EVENT = 'news_notice.transitioned';
/** a CPPCC's 栏目 list saved: the portal's navigation and sections change */
export const NEWS_COLUMNS_EVENT = 'news.columns_changed';
