/** Reads the proposals module's per-tenant settings, falling back to the defaults. */
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { workYearCalendarOf } from '../../organizations/index.ts';
import { defaultProposalSettings, noSignerModes, settingKeys, type NoSignerMode, type ProposalSettings } from '../domain/proposal-settings.ts';
import type { SessionCalendar } from '../domain/proposal-session.ts';

export async function readProposalSettings(ctx: Pick<ModuleContext, 'settings'>, tenantId: string): Promise<ProposalSettings> {
  const d = defaultProposalSettings;
  const [deadlines, notFiledReasons, replyClasses, sessionCalendar, reminders, followUpClasses, replySignOff, workYear] = await Promise.all([
    ctx.settings.get(tenantId, settingKeys.deadlines, d.deadlines),
    ctx.settings.get(tenantId, settingKeys.notFiledReasons, d.notFiledReasons),
    ctx.settings.get(tenantId, settingKeys.replyClasses, d.replyClasses),
    ctx.settings.get(tenantId, settingKeys.sessionCalendar, d.sessionCalendar),
    ctx.settings.get(tenantId, settingKeys.reminders, d.reminders),
    ctx.settings.get(tenantId, settingKeys.followUpClasses, d.followUpClasses),
    ctx.settings.get(tenantId, settingKeys.replySignOff, d.replySignOff),
    workYearCalendarOf(ctx.settings, tenantId),
  ]);
  const noSigner = await ctx.settings.get<string>(tenantId, settingKeys.noSigner, d.noSigner);
  return {
    deadlines: { ...d.deadlines, ...deadlines },
    notFiledReasons,
    replyClasses,
    // the year and session come from the CPPCC's working year (工作年度), the same for every module; only the
    // 大会提案 deadline is the proposals' own
    sessionCalendar: { ...workYear, sessionDeadline: (sessionCalendar as Partial<SessionCalendar>).sessionDeadline ?? d.sessionCalendar.sessionDeadline },
    reminders: { ...d.reminders, ...reminders },
    followUpClasses,
    replySignOff: replySignOff !== false,
    noSigner: (noSignerModes as readonly string[]).includes(noSigner) ? noSigner as NoSignerMode : d.noSigner,
  };
}
