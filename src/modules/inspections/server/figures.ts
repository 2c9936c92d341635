/**
 * The module's figures (统计数字) in the kernel's catalogue (GET /api/figures). Each figure is counted with the very query
 * its list runs, so the list's total is the figure: trips held by kind, members taking part (sign-ins), reports sent,
 * problems and recommendations raised in sent reports, and leaders' instructions. A period counts the trips whose
 * first day falls in it (instructions: their own date). A member's figure (参加调研视察) goes to their duty record.
 */
import { can, type Actor } from '../../../kernel/server/actor.ts';
import type { FigureDecl, FigureSource } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { Figure } from '../../../kernel/universal/figures.ts';
import { API } from '../contract.ts';
import { readsAll } from '../domain/inspection-rules.ts';
import { findingsQuery, inspectionQuery, instructionsQuery, participationQuery } from './repository.ts';

/** Staff who read every member's duty record (委员履职 grants it). */
export const DUTY_RECORD_READ_ALL = 'member.read_all';
const mayReadMemberFigures = (actor: Actor, userId: string) => actor.userId === userId || readsAll(actor) || can(actor, DUTY_RECORD_READ_ALL);

type Period = { from: string; to: string };
interface OrgFigure { name: string; label: string; unit: string; count: (ctx: Pick<ModuleContext, 'db'>, actor: Actor, p: Period) => Promise<Figure['list'] & { n: number }> }

const n = async (q: { select: (f: (eb: any) => any) => { executeTakeFirstOrThrow: () => Promise<{ n: number | string }> } }) => Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

const trips = (query: Record<string, string>): OrgFigure['count'] => async (ctx, actor, p) => {
  const q = { ...query, ...p };
  return { n: await n(inspectionQuery(ctx.db, actor, q as never) as never), api: API, web: '/inspections', query: q, rows: 'inspection' };
};
const findings = (type: 'problem' | 'recommendation'): OrgFigure['count'] => async (ctx, actor, p) => {
  const q = { type, ...p };
  return { n: await n(findingsQuery(ctx.db, actor.tenantId, q) as never), api: `${API}/findings`, web: '/inspections/records/findings', query: q, rows: `inspection_${type}` };
};

export const orgFigures: OrgFigure[] = [
  { name: 'investigations_held', label: '开展调研', unit: '次', count: trips({ kind: 'investigation', stage: 'held' }) },
  { name: 'inspections_held', label: '开展视察', unit: '次', count: trips({ kind: 'inspection', stage: 'held' }) },
  {
    name: 'participations', label: '委员参加调研视察', unit: '人次',
    count: async (ctx, actor, p) => ({ n: await n(participationQuery(ctx.db, actor.tenantId, p) as never), api: `${API}/participations`, web: '/inspections/records/participations', query: { ...p }, rows: 'inspection_participant' }),
  },
  { name: 'reports_sent', label: '报送调研视察报告', unit: '篇', count: trips({ stage: 'sent' }) },
  { name: 'problems', label: '报告反映问题', unit: '个', count: findings('problem') },
  { name: 'recommendations', label: '报告提出建议', unit: '条', count: findings('recommendation') },
  {
    name: 'instructions', label: '获领导批示', unit: '件',
    count: async (ctx, actor, p) => ({ n: await n(instructionsQuery(ctx.db, actor.tenantId, p) as never), api: `${API}/instructions`, web: '/inspections/records/instructions', query: { ...p }, rows: 'inspection_instruction' }),
  },
];

const decl = (name: string, label: string, unit: string, scope: 'organisation' | 'member'): FigureDecl => ({ key: `inspections.${name}`, label, unit, scope });

/** The period's organisation figures (the office and the leaders). */
export async function inspectionFigures(ctx: Pick<ModuleContext, 'db'>, actor: Actor, period: Period): Promise<Figure[]> {
  return Promise.all(orgFigures.map(async (f) => {
    const { n: value, ...list } = await f.count(ctx, actor, period);
    return { key: `inspections.${f.name}`, label: f.label, unit: f.unit, value, list };
  }));
}

/** A member's figure of a period (委员履职): the trips they signed in to. */
export async function memberInspectionFigures(ctx: Pick<ModuleContext, 'db'>, tenantId: string, userId: string, period: Period): Promise<Figure[]> {
  const q = { userId, ...period };
  const value = await n(participationQuery(ctx.db, tenantId, q) as never);
  return [{ key: 'inspections.member.took_part', label: '参加调研视察', unit: '次', value, list: { api: `${API}/participations`, web: '/inspections/records/participations', query: q, rows: 'inspection_participant' } }];
}

export const inspectionFigureSource: FigureSource = {
  figures: [...orgFigures.map((f) => decl(f.name, f.label, f.unit, 'organisation')), decl('member.took_part', '参加调研视察', '次', 'member')],
  async compute(ctx, scope, actor) {
    if (actor.tenantId !== scope.tenantId) return [];
    const period = { from: scope.from, to: scope.to };
    if (scope.subject) {
      if (!mayReadMemberFigures(actor, scope.subject.userId)) return [];
      return memberInspectionFigures(ctx, scope.tenantId, scope.subject.userId, period);
    }
    if (!readsAll(actor)) return [];
    return inspectionFigures(ctx, actor, period);
  },
};
