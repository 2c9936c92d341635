/** Request and response schemas of the 系统管理 module (calendar, settings, audit log), shared by server and web. */
import { z } from 'zod';
import { pageOf } from '../../kernel/universal/pagination.ts';
import { isRealDate } from './domain/dates.ts';

/** A calendar date 'YYYY-MM-DD' that exists (rejects 2026-02-30). */
export const isoDate = (label: string) =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').refine(isRealDate, '不是有效的日期').describe(label);

// ——— 工作日历 (working-day calendar) ———

export const calendarMonthQuery = z.object({
  year: z.coerce.number().int().min(2000, '年份不能早于 2000').max(2100, '年份不能晚于 2100').describe('年份'),
  month: z.coerce.number().int().min(1, '月份应在 1 到 12 之间').max(12, '月份应在 1 到 12 之间').describe('月份'),
});

/** 调休/节假日调整: an administrator's override of the library calendar for one date. */
export const overrideKind = z.enum(['workday', 'holiday']).describe('日期类型');

export const calendarOverride = z.object({
  date: z.string().describe('日期'),
  kind: overrideKind,
  note: z.string().nullable().describe('说明'),
});

export const calendarDay = z.object({
  date: z.string().describe('日期'),
  workday: z.boolean().describe('是否工作日'),
  name: z.string().nullable().describe('节日名称'),
  override: calendarOverride.nullable().describe('管理员调整'),
});

/** 节假日安排 entered by an administrator for a year the bundled calendar lacks. */
export const calendarSchedule = z.object({
  year: z.number().int(), holidays: z.number().int(), workdays: z.number().int(), source: z.string().nullable(),
  enteredBy: z.string(), enteredAt: z.string(),
});

export const calendarMonth = z.object({
  year: z.number().int(),
  month: z.number().int(),
  /** whether the library carries the State Council's published arrangement for this year */
  officialData: z.boolean(),
  /** the schedule an administrator entered for the year, when the library lacks it */
  schedule: calendarSchedule.nullable(),
  days: z.array(calendarDay),
  actions: z.array(z.string()),
});

export const dateParams = z.object({ date: isoDate('日期') });

/** 节假日安排: a year's schedule, as the State Council's notice states it or as simple lines (see the page's help). */
export const scheduleBody = z.object({
  year: z.number().int().min(2000, '年份不能早于 2000').max(2100, '年份不能晚于 2100').describe('年份'),
  text: z.string().trim().min(1, '请粘贴或导入节假日安排').max(20_000, '节假日安排不能超过 20000 字').describe('节假日安排'),
  /** true: read it and show the days without saving */
  preview: z.boolean().optional().describe('仅预览'),
});
export const scheduleDay = z.object({ date: z.string(), kind: overrideKind, name: z.string() });
export const scheduleResult = z.object({
  year: z.number().int(),
  days: z.array(scheduleDay),
  saved: z.boolean(),
  /** deadlines moved to follow the schedule: work items and each module's deadline columns */
  moved: z.array(z.object({ table: z.string(), moved: z.number().int() })),
});
/** Which years deadlines reach into have no holiday schedule yet. */
export const calendarCoverage = z.object({
  today: z.string(),
  missing: z.array(z.number().int()).describe('缺少节假日安排的年份'),
  schedules: z.array(calendarSchedule),
});
export type CalendarCoverage = z.infer<typeof calendarCoverage>;
export type ScheduleResult = z.infer<typeof scheduleResult>;

export const setOverrideBody = z.object({
  kind: overrideKind,
  note: z.string().trim().max(200, '说明不能超过 200 字').optional().nullable().describe('说明'),
});

export const overrideResult = z.object({
  date: z.string(),
  workday: z.boolean(),
  override: calendarOverride.nullable(),
  actions: z.array(z.string()),
});

export const workingDaysQuery = z.object({
  from: isoDate('起始日期'),
  days: z.coerce.number().int().min(0, '工作日数不能为负数').max(1000, '工作日数不能超过 1000').describe('工作日数'),
});

export const workingDaysResult = z.object({
  from: z.string(),
  days: z.number().int(),
  due: z.string().describe('到期日期'),
  /** working days from today until the due date (negative when overdue) */
  daysLeft: z.number().int(),
});

// ——— 系统参数 (settings) ———

export const settingKeyParams = z.object({
  key: z.string().regex(/^[a-z][A-Za-z0-9_.-]{1,80}$/, '参数名格式不正确').describe('参数名'),
});

export const settingView = z.object({
  key: z.string(),
  label: z.string(),
  module: z.string(),
  value: z.unknown(),
  /** true when no value has been stored and the default applies */
  isDefault: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  actions: z.array(z.string()),
});

export const settingList = z.object({ items: z.array(settingView) });

export const putSettingBody = z.object({
  value: z.unknown().describe('参数值'),
  version: z.number().int().min(0).optional().describe('版本号'),
});

// ——— 审计日志 (audit log) ———

export const auditQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数'),
  action: z.string().trim().max(100).optional().describe('操作'),
  actorId: z.string().trim().max(64).optional().describe('操作人'),
  entityType: z.string().trim().max(64).optional().describe('对象类型'),
  entityId: z.string().trim().max(64).optional().describe('对象编号'),
  from: isoDate('开始日期').optional(),
  to: isoDate('结束日期').optional(),
});

export const auditRow = z.object({
  seq: z.number().int(),
  at: z.string(),
  tenantId: z.string().nullable(),
  actorId: z.string(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  /** the kind of record by its Chinese name (提案, 用户), when a module declares the entity type */
  entityLabel: z.string().nullable().describe('对象类型名称'),
  /** what the record is called now (a 提案's number and title, a user's name), when its module can say */
  entityTitle: z.string().nullable().describe('对象名称'),
  /** the record's page in the web app */
  entityLink: z.string().nullable().describe('对象页面'),
  data: z.unknown().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
  actions: z.array(z.string()),
});

export const auditPage = pageOf(auditRow);

export const auditVerifyResult = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  brokenAt: z.number().int().optional(),
  reason: z.string().optional(),
});

export type CalendarMonth = z.infer<typeof calendarMonth>;
export type SettingView = z.infer<typeof settingView>;
export type AuditRowView = z.infer<typeof auditRow>;
