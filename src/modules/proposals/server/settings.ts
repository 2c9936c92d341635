/** Reads the proposals module's per-tenant settings, falling back to the defaults. */
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { defaultProposalSettings, settingKeys, type ProposalSettings } from '../domain/proposal-settings.ts';

export async function readProposalSettings(ctx: Pick<ModuleContext, 'settings'>, tenantId: string): Promise<ProposalSettings> {
  const d = defaultProposalSettings;
  const [deadlines, notFiledReasons, replyClasses, sessionCalendar, reminders, followUpClasses, replySignOff] = await Promise.all([
    ctx.settings.get(tenantId, settingKeys.deadlines, d.deadlines),
    ctx.settings.get(tenantId, settingKeys.notFiledReasons, d.notFiledReasons),
    ctx.settings.get(tenantId, settingKeys.replyClasses, d.replyClasses),
    ctx.settings.get(tenantId, settingKeys.sessionCalendar, d.sessionCalendar),
    ctx.settings.get(tenantId, settingKeys.reminders, d.reminders),
    ctx.settings.get(tenantId, settingKeys.followUpClasses, d.followUpClasses),
    ctx.settings.get(tenantId, settingKeys.replySignOff, d.replySignOff),
  ]);
  return {
    deadlines: { ...d.deadlines, ...deadlines },
    notFiledReasons,
    replyClasses,
    sessionCalendar: { ...d.sessionCalendar, ...sessionCalendar },
    reminders: { ...d.reminders, ...reminders },
    followUpClasses,
    replySignOff: replySignOff !== false,
  };
}
