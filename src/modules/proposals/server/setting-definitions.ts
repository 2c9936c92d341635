/** The proposals module's configurable parameters (系统参数), declared in its manifest, each with its schema and default. */
import { z } from 'zod';
import type { SettingDecl } from '../../../kernel/server/contributions.ts';
import { defaultProposalSettings, noSignerModes, settingKeys } from '../domain/proposal-settings.ts';

const days = (label: string) => z.number().int().min(1).max(400).describe(label);
const codeLabels = z.array(z.object({
  code: z.string().min(1).max(40).describe('代码'),
  label: z.string().min(1).max(200).describe('名称'),
})).min(1).max(50);
const monthDay = (label: string) => z.string().regex(/^\d{2}-\d{2}$/, '应为 MM-DD 格式').describe(label);

export const proposalSettings: SettingDecl<any>[] = [
  {
    key: settingKeys.deadlines, label: '提案办理期限（工作日）',
    schema: z.object({
      review: days('审查'), assign: days('交办'), sign: days('签收（异议期）'), decide: days('调整或延期审批'),
      handle: days('办理'), signOff: days('领导签发'), replyCheck: days('答复审核'), evaluate: days('评价'), rehandle: days('重新办理'),
      revise: days('退回修改'), extension: days('延期'), coOpinion: days('会办意见'),
    }),
    default: defaultProposalSettings.deadlines,
  },
  { key: settingKeys.notFiledReasons, label: '不予立案理由', schema: codeLabels.describe('不予立案理由'), default: defaultProposalSettings.notFiledReasons },
  {
    key: settingKeys.followUpClasses, label: '跨年度跟踪办理的答复类别（二次交办）',
    schema: z.array(z.string().min(1).max(40).describe('答复类别代码')).max(20).describe('跨年度跟踪的答复类别'),
    default: defaultProposalSettings.followUpClasses,
  },
  {
    key: settingKeys.replySignOff, label: '承办单位答复须经单位领导签发后报送',
    schema: z.boolean().describe('答复须经领导签发'), default: defaultProposalSettings.replySignOff,
  },
  {
    // notify_office: the reply waits for sign-off and the proposal office gets a work item; office_check: it goes to the office's check
    key: settingKeys.noSigner, label: '承办单位无签发人时的处理（notify_office：通知提案委；office_check：转提案委审核）',
    schema: z.enum(noSignerModes).describe('承办单位无签发人时'), default: defaultProposalSettings.noSigner,
  },
  { key: settingKeys.replyClasses, label: '答复类别', schema: codeLabels.describe('答复类别'), default: defaultProposalSettings.replyClasses },
  {
    // the working year's cut-off and the term numbering are the CPPCC's (组织机构 setting 工作年度与届次, decision 0037)
    key: settingKeys.sessionCalendar, label: '大会提案与平时提案的时间界限',
    schema: z.object({
      sessionDeadline: monthDay('大会提案截止日'),
    }),
    default: { sessionDeadline: defaultProposalSettings.sessionCalendar.sessionDeadline },
  },
  {
    key: settingKeys.reminders, label: '催办与超期提醒（工作日）',
    schema: z.object({
      beforeDays: z.number().int().min(0).max(60).describe('到期前提醒天数'),
      boardDays: z.number().int().min(0).max(60).describe('临期看板天数'),
    }),
    default: defaultProposalSettings.reminders,
  },
];
