/**
 * The lifecycle of a 文史资料 (historical material) as data (pure: no database, no HTTP): 已收到 → 审核中 →
 * 已采用 / 不予采用 → 已编辑 (the editor's revisions, each kept) → 已入辑 (selected into a numbered issue of 《长治文史》).
 * The runner, the API's transition body, the `actions` returned with every record and the web's buttons and forms are
 * all derived from this one definition.
 */
import { z } from 'zod';
import { defineWorkflow, transitionBodySchema, type GuardContext, type StateDef } from '../../../kernel/universal/workflow.ts';
import { wenshiPermissions } from './wenshi-permissions.ts';

/** The states of a material (征集 → 审核 → 采用/不予采用 → 编辑 → 入辑). */
export const wenshiStates = ['received', 'reviewing', 'accepted', 'declined', 'edited', 'selected'] as const;
export type WenshiState = (typeof wenshiStates)[number];

/** The columns the lifecycle's guards and checks read (the repository's row has more). */
export interface WenshiRecord {
  id: string;
  tenant_id: string;
  state: string;
  version: number;
  owner_user_id: string | null;
  [k: string]: unknown;
}

/** 文史委 staff: the special committee's staff and the general office. */
export const handlerRoles = ['committee_staff', 'office_staff'] as const;

export { wenshiPermissions } from './wenshi-permissions.ts';

type Ctx = GuardContext<WenshiRecord>;
const sameTenant = ({ record, actor }: Ctx) => (record.tenant_id === actor.tenantId ? null : '只能处理本级政协的文史资料');

const text = (label: string, max: number) => z.string().trim().min(1).max(max).describe(label);
/** 采用: an optional note. 不予采用: the reason, required. */
const acceptInput = z.object({ note: z.string().trim().max(500).optional().describe('审核意见') });
const declineInput = z.object({ reason: text('不予采用理由', 1000) });
/** 编辑: the editor's revised title and text (each revision is kept), with a note on what changed. */
export const editInput = z.object({
  title: text('标题', 200),
  body: text('正文', 50_000),
  note: z.string().trim().max(500).optional().describe('修改说明'),
});
/** 入辑: the issue and the section (栏目) of its contents. */
const selectInput = z.object({
  issueId: z.string().min(1).max(40).describe('辑刊'),
  section: z.string().trim().min(1).max(40).describe('栏目'),
});

export const wenshiLifecycle = defineWorkflow<WenshiRecord>({
  id: 'wenshi_material',
  label: '文史资料',
  initial: 'received',
  stages: ['征集', '审核', '编辑', '入辑'],
  states: {
    received: { label: '已收到', labelEn: 'Received', stage: '征集', tone: 'default', task: { role: 'committee_staff', orgField: 'tenant', dueInWorkingDays: 5, label: '文史资料待审核' } },
    reviewing: { label: '审核中', labelEn: 'Under review', stage: '审核', tone: 'processing', task: { role: 'committee_staff', orgField: 'tenant', dueInWorkingDays: 10, label: '文史资料审核中' } },
    accepted: { label: '已采用', labelEn: 'Accepted', stage: '审核', tone: 'blue' },
    declined: { label: '不予采用', labelEn: 'Declined', stage: '审核', tone: 'warning', ends: 'stopped', terminal: true },
    edited: { label: '已编辑', labelEn: 'Edited', stage: '编辑', tone: 'cyan' },
    selected: { label: '已入辑', labelEn: 'In an issue', stage: '入辑', tone: 'success' },
  } satisfies Record<WenshiState, StateDef>,
  transitions: [
    { name: 'review', label: '开始审核', labelEn: 'Review', from: ['received'], to: 'reviewing', roles: handlerRoles, permission: wenshiPermissions.handle, guard: sameTenant },
    { name: 'accept', label: '采用', labelEn: 'Accept', from: ['reviewing'], to: 'accepted', roles: handlerRoles, permission: wenshiPermissions.handle, guard: sameTenant, input: acceptInput },
    { name: 'decline', label: '不予采用', labelEn: 'Decline', from: ['reviewing'], to: 'declined', roles: handlerRoles, permission: wenshiPermissions.handle, guard: sameTenant, input: declineInput, confirm: true },
    { name: 'edit', label: '编辑修改', labelEn: 'Edit', from: ['accepted', 'edited'], to: 'edited', roles: handlerRoles, permission: wenshiPermissions.handle, guard: sameTenant, input: editInput },
    { name: 'select', label: '选入辑刊', labelEn: 'Select into an issue', from: ['accepted', 'edited'], to: 'selected', roles: handlerRoles, permission: wenshiPermissions.handle, guard: sameTenant, input: selectInput },
    { name: 'withdraw_from_issue', label: '移出辑刊', labelEn: 'Remove from issue', from: ['selected'], to: 'edited', roles: handlerRoles, permission: wenshiPermissions.handle, guard: sameTenant, confirm: true },
  ],
});

/** POST /api/wenshi/:id/transitions: a union on `action`, one member per action with its own input. */
export const wenshiTransitionBody = transitionBodySchema([wenshiLifecycle]);
export type WenshiTransitionBody = z.infer<typeof wenshiTransitionBody>;

export const wenshiStateLabel = (s: string) => wenshiLifecycle.states[s]?.label ?? s;
/** History rows name their action: the transitions' labels, plus 'create' (written when the material arrives). */
export const wenshiActionLabel = (a: string) => (a === 'create' ? '投稿' : wenshiLifecycle.transitions.find((t) => t.name === a)?.label ?? a);

/** States of an accepted material (采用 and after): counted by the figure 采用文史资料. */
export const acceptedStates: readonly WenshiState[] = ['accepted', 'edited', 'selected'];
