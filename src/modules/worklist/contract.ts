/** 待办 worklist: what waits for the signed-in user, ordered by due date, with countdowns in working days. */
import { z } from 'zod';

export const worklistQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数'),
  label: z.string().max(50).optional().describe('待办类型'),
});

export const workItem = z.object({
  id: z.string(),
  entityType: z.string().describe('事项类型'),
  entityId: z.string(),
  title: z.string().describe('标题'),
  label: z.string().describe('待办类型'),
  dueDate: z.string().nullable().describe('办理期限'),
  /** working days left; negative when overdue */
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
  link: z.string(),
});
export type WorkItem = z.infer<typeof workItem>;

export const worklistResponse = z.object({
  counts: z.array(z.object({ label: z.string(), count: z.number().int(), overdue: z.number().int() })),
  items: z.array(workItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type WorklistResponse = z.infer<typeof worklistResponse>;

/** `event: worklist` on GET /api/events/stream: a record moved on, so the worklist of the people concerned changed. */
export interface WorklistPush {
  type: string;
  entityType?: string;
  entityId?: string;
  from?: string | null;
  to?: string;
  action?: string;
  title?: string;
  at: string;
}
