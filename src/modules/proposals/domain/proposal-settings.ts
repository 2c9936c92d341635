/** The per-tenant settings of the proposals module, with the defaults used when none are configured. */
import { defaultDeadlines, type ProposalDeadlines } from './proposal-lifecycle.ts';
import { defaultSessionCalendar, type SessionCalendar } from './proposal-session.ts';

export interface CodeLabel { code: string; label: string }

/** 不予立案 cases: the national list (全国政协提案审查工作规则) as the default reason codes. */
export const defaultNotFiledReasons: CodeLabel[] = [
  { code: 'secret', label: '涉及党和国家秘密的' },
  { code: 'prohibited', label: '涉及国家明令禁止的' },
  { code: 'party_personnel', label: '中共党员对党内组织人事有意见的' },
  { code: 'party_internal', label: '民主党派成员反映本组织内部问题的' },
  { code: 'litigation', label: '已进入民事、刑事、行政诉讼或仲裁程序的' },
  { code: 'academic', label: '属于学术研讨的' },
  { code: 'personal', label: '为本人或亲属解决个人问题的' },
  { code: 'promotion', label: '宣传推介具体作品、产品的' },
  { code: 'accusation', label: '指名举报的' },
  { code: 'vague', label: '内容空泛、无具体建议的' },
];

/** 答复类别: the common three-class scheme. */
export const defaultReplyClasses: CodeLabel[] = [
  { code: 'A', label: 'A 所提问题已经解决或基本解决' },
  { code: 'B', label: 'B 所提问题列入计划拟解决' },
  { code: 'C', label: 'C 因条件所限留作参考' },
];

/** 催办: remind the unit this many working days before a due date; the office's board shows what falls due within `boardDays`. */
export interface ReminderSettings { beforeDays: number; boardDays: number }
export const defaultReminderSettings: ReminderSettings = { beforeDays: 5, boardDays: 10 };

export const settingKeys = {
  deadlines: 'proposals.deadlines',
  notFiledReasons: 'proposals.notFiledReasons',
  replyClasses: 'proposals.replyClasses',
  sessionCalendar: 'proposals.sessionCalendar',
  reminders: 'proposals.reminders',
  followUpClasses: 'proposals.followUpClasses',
  replySignOff: 'proposals.replySignOff',
  noSigner: 'proposals.noSigner',
} as const;

/**
 * 承办单位无签发人: what happens to a clerk's reply when sign-off is required and the unit has no active leader account
 * who could sign it off. `notify_office` (the default): the reply waits for sign-off as usual and the proposal office
 * gets a work item saying the unit has no signer, so nothing leaves the unit unsigned and nothing waits unseen;
 * `office_check`: the reply goes straight to the office's check (答复审核), noted in the history as unsigned.
 */
export const noSignerModes = ['notify_office', 'office_check'] as const;
export type NoSignerMode = (typeof noSignerModes)[number];

export interface ProposalSettings {
  deadlines: ProposalDeadlines;
  notFiledReasons: CodeLabel[];
  replyClasses: CodeLabel[];
  sessionCalendar: SessionCalendar;
  reminders: ReminderSettings;
  /** 跨年度跟踪: the reply classes whose proposals are followed up in a later year (二次交办) */
  followUpClasses: string[];
  /** 承办单位领导签发: a unit's reply goes to the office's check only once the unit's leader has signed it off */
  replySignOff: boolean;
  /** 承办单位无签发人时 (see `noSignerModes`) */
  noSigner: NoSignerMode;
}

export const defaultProposalSettings: ProposalSettings = {
  deadlines: defaultDeadlines,
  notFiledReasons: defaultNotFiledReasons,
  replyClasses: defaultReplyClasses,
  sessionCalendar: defaultSessionCalendar,
  reminders: defaultReminderSettings,
  followUpClasses: ['B'],
  replySignOff: true,
  noSigner: 'notify_office',
};
