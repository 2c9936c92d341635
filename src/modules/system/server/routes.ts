/** HTTP routes of the 系统管理 module: working-day calendar admin, settings, the audit log. validate → authorize → command → present. */
import { z } from 'zod';
import type { App } from '../../../kernel/server/http/server.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import { can, requirePermission, type Actor } from '../../../kernel/server/actor.ts';
import { AppError } from '../../../kernel/universal/errors.ts';
import {
  auditPage, auditQuery, auditVerifyResult, calendarMonth, calendarMonthQuery, dateParams, overrideResult, putSettingBody,
  setOverrideBody, settingKeyParams, settingList, settingView, workingDaysQuery, workingDaysResult, scheduleBody, scheduleResult,
  calendarCoverage,
} from '../contract.ts';
import { clearCalendarOverride, enterHolidaySchedule, setCalendarOverride } from './calendar-commands.ts';
import { listSettings, readSetting, writeSetting, type StoredSetting } from './settings-commands.ts';
import { listAudit, verifyAudit } from './audit-queries.ts';
import { visibleTenantIds } from '../../organizations/index.ts';

export const PERM = { calendar: 'calendar.manage', settings: 'settings.manage', audit: 'audit.read' } as const;

const errorResponses = {
  400: z.any().describe('请求内容有误'),
  401: z.any().describe('未登录'),
  403: z.any().describe('无权操作'),
  404: z.any().describe('不存在'),
  409: z.any().describe('已被他人修改'),
};

/** Which tenants' audit rows the reader may see: their own CPPCC and every CPPCC below it; undefined = every tenant. */
export type AuditScope = (actor: Actor) => Promise<string[] | undefined>;

export function systemRoutes(app: App, ctx: ModuleContext, opts: { auditScope?: AuditScope } = {}) {
  const auditScope: AuditScope = opts.auditScope ?? (async (a) => visibleTenantIds(ctx.db, a.tenantId));

  const calendarActions = (actor: Actor) => (can(actor, PERM.calendar) ? ['setOverride', 'clearOverride'] : []);
  const presentSetting = (s: StoredSetting, actor: Actor) => ({
    key: s.def.key, label: s.def.label, module: s.def.module, value: s.value, isDefault: s.isDefault, version: s.version,
    updatedAt: s.updatedAt, actions: can(actor, PERM.settings) ? ['update'] : [],
  });

  app.get('/api/admin/calendar', {
    schema: { tags: ['system'], summary: '工作日历：某月每天是否工作日及管理员调整', querystring: calendarMonthQuery, response: { 200: calendarMonth, ...errorResponses } },
  }, async (req) => {
    const actor = requirePermission(actorOf(req), PERM.calendar, '管理工作日历');
    const { year, month } = req.query;
    return {
      year, month, officialData: ctx.calendar.hasOfficialData(year), schedule: ctx.calendar.schedule(year),
      days: ctx.calendar.month(year, month), actions: calendarActions(actor),
    };
  });

  app.get('/api/admin/calendar/coverage', {
    schema: { tags: ['system'], summary: '节假日安排覆盖情况：期限所及年份中缺少节假日安排的年份', response: { 200: calendarCoverage, ...errorResponses } },
  }, async (req) => {
    requirePermission(actorOf(req), PERM.calendar, '管理工作日历');
    const today = ctx.calendar.today();
    const years = [...new Set([Number(today.slice(0, 4)) - 1, Number(today.slice(0, 4)), Number(today.slice(0, 4)) + 1])];
    return { today, missing: ctx.calendar.missingYears(today), schedules: years.map((y) => ctx.calendar.schedule(y)).filter((s) => s !== null) };
  });

  app.post('/api/admin/calendar/schedules', {
    schema: { tags: ['system'], summary: '录入或导入某年节假日安排（可仅预览）；未到期的期限随之顺延或提前', body: scheduleBody, response: { 200: scheduleResult, ...errorResponses } },
  }, async (req) => {
    const actor = requirePermission(actorOf(req), PERM.calendar, '管理工作日历');
    return enterHolidaySchedule(ctx, actor, req.body, req.ip);
  });

  app.put('/api/admin/calendar/overrides/:date', {
    schema: { tags: ['system'], summary: '调整某天为工作日或休息日', params: dateParams, body: setOverrideBody, response: { 200: overrideResult, ...errorResponses } },
  }, async (req) => {
    const actor = requirePermission(actorOf(req), PERM.calendar, '管理工作日历');
    const o = await setCalendarOverride(ctx, actor, { date: req.params.date, kind: req.body.kind, note: req.body.note ?? null }, req.ip);
    return { date: o.date, workday: ctx.calendar.isWorkday(o.date), override: o, actions: calendarActions(actor) };
  });

  app.delete('/api/admin/calendar/overrides/:date', {
    schema: { tags: ['system'], summary: '取消某天的调整，恢复国家公布的安排', params: dateParams, response: { 200: overrideResult, ...errorResponses } },
  }, async (req) => {
    const actor = requirePermission(actorOf(req), PERM.calendar, '管理工作日历');
    const removed = await clearCalendarOverride(ctx, actor, req.params.date, req.ip);
    if (!removed) throw new AppError('NOT_FOUND', `${req.params.date} 没有调整记录`);
    return { date: req.params.date, workday: ctx.calendar.isWorkday(req.params.date), override: null, actions: calendarActions(actor) };
  });

  app.get('/api/calendar/working-days', {
    schema: { tags: ['system'], summary: '按工作日推算到期日（预览期限）', querystring: workingDaysQuery, response: { 200: workingDaysResult, ...errorResponses } },
  }, async (req) => {
    actorOf(req);
    const { from, days } = req.query;
    const due = ctx.calendar.addWorkingDays(from, days);
    return { from, days, due, daysLeft: ctx.calendar.daysLeft(due) };
  });

  app.get('/api/admin/settings', {
    schema: { tags: ['system'], summary: '系统参数列表', response: { 200: settingList, ...errorResponses } },
  }, async (req) => {
    const actor = requirePermission(actorOf(req), PERM.settings, '管理系统参数');
    const all = await listSettings(ctx, actor.tenantId);
    return { items: all.map((s) => presentSetting(s, actor)) };
  });

  app.get('/api/admin/settings/:key', {
    schema: { tags: ['system'], summary: '读取一项系统参数', params: settingKeyParams, response: { 200: settingView, ...errorResponses } },
  }, async (req) => {
    const actor = requirePermission(actorOf(req), PERM.settings, '管理系统参数');
    return presentSetting(await readSetting(ctx, actor.tenantId, req.params.key), actor);
  });

  app.put('/api/admin/settings/:key', {
    schema: { tags: ['system'], summary: '修改一项系统参数（带版本号时做并发检查）', params: settingKeyParams, body: putSettingBody, response: { 200: settingView, ...errorResponses } },
  }, async (req) => {
    const actor = requirePermission(actorOf(req), PERM.settings, '管理系统参数');
    if (!('value' in (req.body as object)) || req.body.value === undefined) {
      throw new AppError('VALIDATION_FAILED', '「参数值」不能为空', { field: 'value', details: [{ field: 'value', message: '「参数值」不能为空' }] });
    }
    return presentSetting(await writeSetting(ctx, actor, req.params.key, req.body.value, req.body.version, req.ip), actor);
  });

  app.get('/api/audit', {
    schema: { tags: ['audit'], summary: '审计日志（仅审计管理员）', querystring: auditQuery, response: { 200: auditPage, ...errorResponses } },
  }, async (req) => {
    const actor = requirePermission(actorOf(req), PERM.audit, '查看审计日志');
    const q = req.query;
    if (q.from && q.to && q.from > q.to) {
      throw new AppError('VALIDATION_FAILED', '「结束日期」不能早于「开始日期」', { field: 'to', details: [{ field: 'to', message: '「结束日期」不能早于「开始日期」' }] });
    }
    return listAudit(ctx.db, { ...q, tenantIds: await auditScope(actor) }, ctx.contributions);
  });

  app.get('/api/audit/verify', {
    schema: { tags: ['audit'], summary: '校验审计日志哈希链是否完整', response: { 200: auditVerifyResult, ...errorResponses } },
  }, async (req) => {
    requirePermission(actorOf(req), PERM.audit, '校验审计日志');
    return verifyAudit(ctx.db);
  });
}
