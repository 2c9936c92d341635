/**
 * The module's per-tenant settings (系统参数): the share of the sessions a member must attend to count present, and how
 * long before a session its sign-in opens.
 */
import { z } from 'zod';
import type { SettingDecl } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';

export const meetingsSettingKeys = { presentShare: 'meetings.presentShare', earlyMinutes: 'meetings.signInEarlyMinutes' } as const;

export interface MeetingsSettings {
  /** 出席比例: a member present at fewer than this share of the sessions counts 缺席 (or 请假 on approved leave) */
  presentShare: number;
  /** 签到提前: minutes before a session's start its sign-in opens */
  earlyMinutes: number;
}
export const defaultMeetingsSettings: MeetingsSettings = { presentShare: 2 / 3, earlyMinutes: 60 };

export async function readMeetingsSettings(ctx: Pick<ModuleContext, 'settings'>, tenantId: string): Promise<MeetingsSettings> {
  const [presentShare, earlyMinutes] = await Promise.all([
    ctx.settings.get(tenantId, meetingsSettingKeys.presentShare, defaultMeetingsSettings.presentShare),
    ctx.settings.get(tenantId, meetingsSettingKeys.earlyMinutes, defaultMeetingsSettings.earlyMinutes),
  ]);
  return { presentShare, earlyMinutes };
}

export const meetingsSettings: SettingDecl<any>[] = [
  {
    key: meetingsSettingKeys.presentShare, label: '会议出席比例（出席会次少于此比例计缺席）',
    schema: z.number().min(0.1).max(1).describe('出席比例'), default: defaultMeetingsSettings.presentShare,
  },
  {
    key: meetingsSettingKeys.earlyMinutes, label: '会议签到提前开放（分钟）',
    schema: z.number().int().min(0).max(240).describe('提前分钟数'), default: defaultMeetingsSettings.earlyMinutes,
  },
];
