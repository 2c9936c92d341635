/**
 * The 网络征集 (问卷) lifecycle as data (pure): 草稿 → 征集中 (已发布) → 已截止 → 已归档. Staff edit a survey only while it
 * is a draft; publishing checks the form and the dates; 截止 ends collecting before the close date (answers are also
 * refused on their own once the close date has passed); 归档 files it away. The runner, the API's transition body, the
 * allowed actions returned with every record and the web's buttons are all derived from this one definition.
 */
import { z } from 'zod';
import { clock } from '../../../kernel/universal/clock.ts';
import { invalid } from '../../../kernel/universal/errors.ts';
import { defineWorkflow, transitionBodySchema, type GuardContext, type StateDef } from '../../../kernel/universal/workflow.ts';
import { checkForm, type Question } from './survey-form.ts';
import { surveysPermissions } from './surveys-permissions.ts';

/** The states of a 网络征集 (问卷). */
export const surveysStates = ['draft', 'published', 'closed', 'archived'] as const;
export type SurveysState = (typeof surveysStates)[number];

/** The columns the lifecycle's guards and checks read (the repository's row has more). */
export interface SurveysRecord {
  id: string;
  tenant_id: string;
  state: string;
  version: number;
  owner_user_id: string;
  questions: string;
  opens_on: string | null;
  closes_on: string | null;
  [k: string]: unknown;
}

/** The role that runs surveys (the office staff); the system closes a survey whose close date has passed. */
export const managerRoles = ['office_staff'] as const;

export { surveysPermissions } from './surveys-permissions.ts';

type Ctx = GuardContext<SurveysRecord>;
const sameTenant = ({ record, actor }: Ctx) => (record.tenant_id === actor.tenantId ? null : '只能处理本级政协的网络征集');

const parseQuestions = (r: SurveysRecord): Question[] => { try { return JSON.parse(r.questions) as Question[]; } catch { return []; } };

/** 发布: the form must have a question and be sound, and the dates must leave time to answer. */
function checkPublish(_input: Record<string, unknown>, r: SurveysRecord) {
  const questions = parseQuestions(r);
  if (questions.length === 0) return invalid('questions', '「题目」', '至少要有一道题才能发布');
  const problem = checkForm(questions);
  if (problem) return invalid(problem.field, '「题目」', problem.message);
  if (!r.opens_on || !r.closes_on) return invalid('closesOn', '「征集时间」', '请先填写开始和截止日期');
  if (r.closes_on < r.opens_on) return invalid('closesOn', '「截止日期」', '不能早于开始日期');
  if (r.closes_on < clock.today()) return invalid('closesOn', '「截止日期」', '已经过去，请修改后再发布');
  return null;
}

export const surveysLifecycle = defineWorkflow<SurveysRecord>({
  // the entity type stored in workflow_history and audit records
  id: 'survey',
  label: '网络征集',
  initial: 'draft',
  stages: ['草稿', '征集', '截止', '归档'],
  states: {
    draft: { label: '草稿', labelEn: 'Draft', stage: '草稿', tone: 'default' },
    published: { label: '征集中', labelEn: 'Collecting', stage: '征集', tone: 'processing' },
    closed: { label: '已截止', labelEn: 'Closed', stage: '截止', tone: 'warning' },
    archived: { label: '已归档', labelEn: 'Archived', stage: '归档', tone: 'success', ends: 'finished', terminal: true },
  } satisfies Record<SurveysState, StateDef>,
  transitions: [
    { name: 'publish', label: '发布', labelEn: 'Publish', from: ['draft'], to: 'published', roles: managerRoles, permission: surveysPermissions.create, guard: sameTenant, check: checkPublish, confirm: true },
    {
      name: 'close', label: '截止', labelEn: 'Close', from: ['published'], to: 'closed', roles: [...managerRoles, 'system'], permission: surveysPermissions.create, guard: sameTenant, confirm: true,
      input: z.object({ note: z.string().trim().max(500).optional().describe('说明') }),
    },
    { name: 'archive', label: '归档', labelEn: 'Archive', from: ['closed'], to: 'archived', roles: managerRoles, permission: surveysPermissions.create, guard: sameTenant },
  ],
});

/** POST /api/surveys/:id/transitions: a union on `action`, one member per action with its own input. */
export const surveysTransitionBody = transitionBodySchema([surveysLifecycle]);
export type SurveysTransitionBody = z.infer<typeof surveysTransitionBody>;

export const surveysStateLabel = (s: string) => surveysLifecycle.states[s]?.label ?? s;
/** History rows name their action: the transitions' labels, plus 'create' (written when the record is made). */
export const surveysActionLabel = (a: string) => (a === 'create' ? '起草' : surveysLifecycle.transitions.find((t) => t.name === a)?.label ?? a);

/** Is the survey taking answers today: published, and today (China date) within its open and close dates. */
export function isCollecting(r: Pick<SurveysRecord, 'state' | 'opens_on' | 'closes_on'>, today: string): boolean {
  return r.state === 'published' && !!r.opens_on && !!r.closes_on && r.opens_on <= today && today <= r.closes_on;
}
