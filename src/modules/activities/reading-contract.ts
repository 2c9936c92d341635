/**
 * The 书香政协 API's shapes (zod): reading groups (读书群) with their members, book lists and reading plans (书目与阅读计划),
 * members' check-ins with notes (读书打卡·读书心得) and the replies that discuss them (交流讨论). Every field has a Chinese
 * label, so a bad request is a 400 naming it.
 */
import { z } from 'zod';
import { figure } from '../../kernel/universal/figures.ts';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);
const id = (label: string) => z.string().min(1).max(40).describe(label);

export const readingGroupParams = z.object({ id: id('读书群编号') });
export const readingNoteParams = z.object({ id: id('读书心得编号') });

export const readingGroupCreateBody = z.object({
  name: z.string().trim().min(2).max(100).describe('读书群名称'),
  intro: z.string().trim().min(1).max(2000).describe('简介'),
  /** 领读人: a member of the CPPCC, who joins the group and keeps its book list */
  leaderUserId: id('领读人').optional(),
});
export const readingGroupEditBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  name: z.string().trim().min(2).max(100).optional().describe('读书群名称'),
  intro: z.string().trim().min(1).max(2000).optional().describe('简介'),
  leaderUserId: id('领读人').nullable().optional(),
});
export type ReadingGroupEditBody = z.infer<typeof readingGroupEditBody>;

export const readingBookBody = z.object({
  title: z.string().trim().min(1).max(200).describe('书名'),
  author: z.string().trim().max(100).optional().describe('作者'),
  plan: z.string().trim().max(2000).optional().describe('阅读计划'),
  startsOn: day('开始日期'),
  endsOn: day('结束日期'),
});
export type ReadingBookBody = z.infer<typeof readingBookBody>;

export const readingNoteBody = z.object({
  groupId: id('读书群'),
  bookId: id('书目').optional(),
  content: z.string().trim().min(10).max(5000).describe('读书心得'),
  /** the day read; today when absent */
  onDate: day('打卡日期').optional(),
});
export type ReadingNoteBody = z.infer<typeof readingNoteBody>;
export const readingReplyBody = z.object({ content: z.string().trim().min(1).max(1000).describe('回复内容') });

/** GET /api/activities/reading/notes: a figure's list is this query with the figure's `list.query`. */
export const readingNoteQuery = pageQuery.extend({
  groupId: id('读书群').optional(),
  userId: id('委员').optional(),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export type ReadingNoteQuery = z.infer<typeof readingNoteQuery>;
/** GET /api/activities/reading/readers: members who posted notes (distinct), each with their count. */
export const readingReaderQuery = readingNoteQuery.omit({ userId: true });

export const readingGroupItem = z.object({
  id: z.string(),
  name: z.string(),
  intro: z.string(),
  leaderUserId: z.string().nullable(),
  leaderName: z.string().nullable(),
  members: z.number().int(),
  books: z.number().int(),
  notes: z.number().int(),
  /** the book read today (its plan's days include today), if any */
  currentBook: z.string().nullable(),
  joined: z.boolean(),
  version: z.number().int(),
});
export type ReadingGroupItem = z.infer<typeof readingGroupItem>;
export const readingGroupPage = pageOf(readingGroupItem);

export const readingBookItem = z.object({
  id: z.string(), title: z.string(), author: z.string().nullable(), plan: z.string().nullable(), startsOn: z.string(), endsOn: z.string(), notes: z.number().int(),
});
export const readingReplyItem = z.object({ id: z.string(), userId: z.string(), name: z.string(), content: z.string(), createdAt: z.string() });
export const readingNoteItem = z.object({
  id: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  bookId: z.string().nullable(),
  bookTitle: z.string().nullable(),
  userId: z.string(),
  name: z.string(),
  content: z.string(),
  onDate: z.string(),
  createdAt: z.string(),
  replies: z.array(readingReplyItem),
});
export type ReadingNoteItem = z.infer<typeof readingNoteItem>;
export const readingNotePage = pageOf(readingNoteItem);
export const readingReaderPage = pageOf(z.object({ userId: z.string(), name: z.string(), notes: z.number().int() }));

export const readingGroupDetail = readingGroupItem.extend({
  memberList: z.array(z.object({ userId: z.string(), name: z.string(), joinedAt: z.string() })),
  bookList: z.array(readingBookItem),
  /** the group's figures of the current 工作年度, each opening its rows */
  figures: z.array(figure),
  /** may edit the group and its book list: the office, or its 领读人 */
  canEdit: z.boolean(),
  /** may change the 领读人 (the office) */
  canChangeLeader: z.boolean(),
  canJoin: z.boolean(),
  /** may check in today: a member of the group who has not yet today */
  canCheckIn: z.boolean(),
  checkedInToday: z.boolean(),
});
export type ReadingGroupDetail = z.infer<typeof readingGroupDetail>;

export const readingStatsQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100).optional().describe('年度') });
export const readingStats = z.object({
  from: z.string(), to: z.string(),
  totals: z.array(figure),
  byGroup: z.array(z.object({ key: z.string(), label: z.string(), figures: z.array(figure) })),
});
