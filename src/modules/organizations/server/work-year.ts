/**
 * 工作年度 (working year) of a CPPCC: one per tenant, with its cut-off and term numbering, the setting
 * `organizations.workYear`. Every module reads its default year here (`currentWorkYear`) so that pages and figures
 * open on the same year, and the proposals module stamps submissions with it. See decision 0037.
 */
import { z } from 'zod';
import type { SettingDecl } from '../../../kernel/server/contributions.ts';
import type { SettingsReader } from '../../../kernel/server/module.ts';
import { kernelDb, type AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { defaultWorkYearCalendar, workYear, workYearOf, type WorkYear, type WorkYearCalendar } from '../../../kernel/universal/work-year.ts';

export const workYearSettingKey = 'organizations.workYear';

export const workYearSetting: SettingDecl<WorkYearCalendar> = {
  key: workYearSettingKey, label: '工作年度与届次',
  schema: z.object({
    nextYearAfter: z.string().regex(/^\d{2}-\d{2}$/, '应为 MM-DD 格式').describe('工作年度截止日（此日之后计入下一年度）'),
    termFirstYear: z.number().int().min(1950).max(2200).describe('本届第一次会议年份'),
    termNumber: z.number().int().min(1).max(99).describe('届次'),
    termLength: z.number().int().min(1).max(10).describe('每届年数'),
  }),
  default: defaultWorkYearCalendar,
};

/** The tenant's working-year calendar (the setting over the defaults). */
export async function workYearCalendarOf(settings: Pick<SettingsReader, 'get'>, tenantId: string): Promise<WorkYearCalendar> {
  const stored = await settings.get<Partial<WorkYearCalendar>>(tenantId, workYearSettingKey, {});
  return { ...defaultWorkYearCalendar, ...stored };
}

/** The working year the tenant is in today (on the kernel clock), or on a given China-time date. */
export async function currentWorkYear(settings: Pick<SettingsReader, 'get'>, tenantId: string, date = clock.today()): Promise<WorkYear> {
  return workYearOf(date, await workYearCalendarOf(settings, tenantId));
}

/** Working year `year` of the tenant (its session and days). */
export async function workYearFor(settings: Pick<SettingsReader, 'get'>, tenantId: string, year: number): Promise<WorkYear> {
  return workYear(year, await workYearCalendarOf(settings, tenantId));
}

/** The settings as read straight from a database view, for lookups that are handed the caller's `db` only. */
export function settingsIn(db: AnyModuleDb): Pick<SettingsReader, 'get'> {
  return {
    async get<T>(tenantId: string, key: string, fallback: T): Promise<T> {
      const row = await kernelDb(db).selectFrom('settings').select('value').where('tenant_id', '=', tenantId).where('key', '=', key).executeTakeFirst();
      return row ? (JSON.parse(String(row.value)) as T) : fallback;
    },
  };
}
