/** The 社情民意 module's per-tenant settings: the points table, the distribution list and the length guide; declared in the manifest for the settings page. */
import { z } from 'zod';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { SettingDecl } from '../../../kernel/server/contributions.ts';
import { defaultLengthGuide, defaultPoints, type PointsTable } from '../domain/scoring.ts';

export const settingKeys = { points: 'opinions.points', recipients: 'opinions.recipients', lengthGuide: 'opinions.lengthGuide' } as const;

export interface CodeLabel { code: string; label: string }
/** 分发对象: where a signed issue goes, on which line of the issue's foot (报/送/发), and which organisations' users receive it here. */
export interface Recipient extends CodeLabel {
  /** 报 (report), 送 (send) or 发 (issue) */
  line?: 'report' | 'send' | 'issue';
  /** organisations of this CPPCC whose users receive the issue (may download it) */
  orgIds?: string[];
  /** kinds of organisation whose users receive it, e.g. gov_unit for 有关部门 */
  orgKinds?: string[];
}
export const defaultRecipients: Recipient[] = [
  { code: 'party_committee', label: '市委', line: 'report' },
  { code: 'government', label: '市政府', line: 'report' },
  { code: 'higher_cppcc', label: '省政协', line: 'send' },
  { code: 'departments', label: '有关部门', line: 'issue', orgKinds: ['gov_unit'] },
];

export interface OpinionSettings { points: PointsTable; recipients: Recipient[]; lengthGuide: number }

export async function readOpinionSettings(ctx: Pick<ModuleContext, 'settings'>, tenantId: string): Promise<OpinionSettings> {
  const [points, recipients, lengthGuide] = await Promise.all([
    ctx.settings.get(tenantId, settingKeys.points, defaultPoints),
    ctx.settings.get(tenantId, settingKeys.recipients, defaultRecipients),
    ctx.settings.get(tenantId, settingKeys.lengthGuide, defaultLengthGuide),
  ]);
  return { points: { adoption: { ...defaultPoints.adoption, ...points.adoption }, instruction: { ...defaultPoints.instruction, ...points.instruction } }, recipients, lengthGuide };
}

const pts = (label: string) => z.number().min(0).max(1000).describe(label);
const pair = (label: string) => z.object({ single: pts(`${label}单篇采用`), composite: pts(`${label}综合采用`) });

export const opinionSettings: SettingDecl<any>[] = [
  {
    key: settingKeys.points, label: '社情民意积分标准（采用层级 × 单篇/综合，批示领导层级）',
    schema: z.object({
      adoption: z.object({ county: pair('县级'), city: pair('市级'), province: pair('省级'), national: pair('全国') }),
      instruction: z.object({ county: pts('县级领导批示'), city: pts('市级领导批示'), province: pts('省级领导批示'), national: pts('中央领导批示') }),
    }),
    default: defaultPoints,
  },
  {
    key: settingKeys.recipients, label: '社情民意期刊分发对象',
    schema: z.array(z.object({
      code: z.string().min(1).max(40).describe('代码'), label: z.string().min(1).max(100).describe('名称'),
      line: z.enum(['report', 'send', 'issue']).optional().describe('报送方式（报/送/发）'),
      orgIds: z.array(z.string().max(40)).max(200).optional().describe('接收单位'),
      orgKinds: z.array(z.string().max(40)).max(10).optional().describe('接收单位类型'),
    })).min(1).max(20).describe('分发对象'),
    default: defaultRecipients,
  },
  {
    key: settingKeys.lengthGuide, label: '社情民意建议字数',
    schema: z.number().int().min(200).max(20000).describe('建议字数'), default: defaultLengthGuide,
  },
];
