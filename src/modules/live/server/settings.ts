/**
 * The module's per-tenant settings (系统参数): the sensitive-word list (敏感词) the administrator maintains on the
 * settings page. A contribution containing one of them waits for a host whatever the session's moderation.
 */
import { z } from 'zod';
import type { SettingDecl } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';

export const liveSettingKeys = { sensitiveWords: 'live.sensitiveWords' } as const;

/** the demo's list; a CPPCC replaces it with its own */
export const defaultSensitiveWords: readonly string[] = ['赌博', '代开发票', '枪支', '办证'];

export async function readSensitiveWords(ctx: Pick<ModuleContext, 'settings'>, tenantId: string): Promise<string[]> {
  return ctx.settings.get(tenantId, liveSettingKeys.sensitiveWords, [...defaultSensitiveWords]);
}

export const liveSettings: SettingDecl<any>[] = [
  {
    key: liveSettingKeys.sensitiveWords, label: '网络议政敏感词（含有者先审后发）',
    schema: z.array(z.string().trim().min(1).max(30).describe('敏感词')).max(2000).describe('敏感词'), default: [...defaultSensitiveWords],
  },
];
