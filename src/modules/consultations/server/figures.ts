/**
 * The module's figures (统计数字) in the kernel's catalogue (GET /api/figures) and on its statistics page. Each figure
 * is counted with the very query its list runs (`consultationQuery`, `participationQuery`), so the list's total is the
 * figure. A period counts the meetings whose date falls in it. Organisation figures are for the staff who read all;
 * a member's (委员履职: invited, attended, speeches) for the member and the staff who read duty records.
 */
import { can, type Actor } from '../../../kernel/server/actor.ts';
import type { FigureDecl, FigureSource } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { Figure } from '../../../kernel/universal/figures.ts';
import { listCommittees } from '../../organizations/index.ts';
import type { ConsultationListQuery } from '../contract.ts';
import { consultationForms, consultationFormLabels } from '../domain/consultation-forms.ts';
import { readsAll } from '../domain/consultation-rules.ts';
import { consultationQuery, participationQuery } from './repository.ts';
import { perPeriod, periodOfDate, spanOf, type Period } from '../../../kernel/server/db/periods.ts';
import { sql } from 'kysely';

/** Staff who read every member's duty record (委员履职 grants it). */
export const DUTY_RECORD_READ_ALL = 'member.read_all';
export const mayReadMemberFigures = (actor: Actor, userId: string) => actor.userId === userId || readsAll(actor) || can(actor, DUTY_RECORD_READ_ALL);

type ListQuery = Omit<ConsultationListQuery, 'page' | 'pageSize'>;
interface OrgFigure { name: string; label: string; unit: string; query: Partial<Record<keyof ListQuery, string>>; participations?: 'attended' | 'speeches' }
const orgFigures: OrgFigure[] = [
  { name: 'scheduled', label: '协商活动', unit: '次', query: {} },
  { name: 'held', label: '召开协商会议', unit: '次', query: { stage: 'held' } },
  { name: 'participations', label: '委员参加协商', unit: '人次', query: {}, participations: 'attended' },
  { name: 'speeches', label: '委员发言', unit: '人次', query: {}, participations: 'speeches' },
  { name: 'outcomes_sent', label: '报送协商成果', unit: '件', query: { stage: 'sent' } },
  { name: 'late', label: '通知或材料逾期', unit: '次', query: { late: 'any' } },
];
const formFigures: OrgFigure[] = consultationForms.map((f) => ({ name: `form_${f}`, label: consultationFormLabels[f], unit: '次', query: { form: f } }));
const memberFigures = [
  { name: 'invited', label: '受邀参加协商', figure: 'invited' },
  { name: 'attended', label: '参加协商会议', figure: 'attended' },
  { name: 'speeches', label: '协商会议发言', figure: 'speeches' },
] as const;

const decl = (name: string, label: string, unit: string, scope: 'organisation' | 'member'): FigureDecl => ({ key: `consultations.${name}`, label, unit, scope });

/**
 * One organisation figure in each of several periods, counted by its list's own query over their whole span and
 * grouped by the period of the meeting's date (one query however many periods; each period's count is its list's).
 */
async function orgFigurePeriods(ctx: Pick<ModuleContext, 'db'>, actor: Actor, f: OrgFigure, periods: readonly Period[], today: string): Promise<Figure[]> {
  const span = spanOf(periods);
  if (f.participations) {
    const rows = await participationQuery(ctx.db, actor.tenantId, { figure: f.participations, ...span })
      .select((eb) => [periodOfDate('c.planned_on', periods).as('period'), eb.fn.countAll<number>().as('n')]).groupBy(sql`1`).execute();
    const counts = perPeriod(rows, periods.length);
    return periods.map((p, i) => {
      const q = { figure: f.participations!, from: p.from, to: p.to };
      return { key: `consultations.${f.name}`, label: f.label, unit: f.unit, value: counts[i], list: { api: '/api/consultations/participations', query: q, rows: 'consultation_participant' } };
    });
  }
  const rows = await consultationQuery(ctx.db, actor, { ...f.query, ...span } as ListQuery, today)
    .select((eb) => [periodOfDate('consultations.planned_on', periods).as('period'), eb.fn.countAll<number>().as('n')]).groupBy(sql`1`).execute();
  const counts = perPeriod(rows, periods.length);
  return periods.map((p, i) => {
    const query = { ...f.query, from: p.from, to: p.to } as Record<string, string>;
    return { key: `consultations.${f.name}`, label: f.label, unit: f.unit, value: counts[i], list: { api: '/api/consultations', web: '/consultations', query, rows: 'consultation' } };
  });
}

/** One organisation figure of a period, counted by its list's own query. */
async function orgFigure(ctx: Pick<ModuleContext, 'db'>, actor: Actor, f: OrgFigure, period: Period, today: string): Promise<Figure> {
  return (await orgFigurePeriods(ctx, actor, f, [period], today))[0];
}

/** The organisation figures (totals and by form) of each period, in declared order. */
async function organisationFiguresOf(ctx: Pick<ModuleContext, 'db'>, actor: Actor, periods: readonly Period[], today: string): Promise<Figure[][]> {
  const byFigure = await Promise.all([...orgFigures, ...formFigures].map((f) => orgFigurePeriods(ctx, actor, f, periods, today)));
  return periods.map((_, i) => byFigure.map((figs) => figs[i]));
}

/** The period's figures for the office and the leaders: totals, by form, by lead committee. */
export async function consultationStats(ctx: Pick<ModuleContext, 'db'>, actor: Actor, period: { from: string; to: string }, today: string) {
  const committees = await listCommittees(ctx.db, actor.tenantId);
  const [totals, byForm, byCommittee] = await Promise.all([
    Promise.all(orgFigures.map((f) => orgFigure(ctx, actor, f, period, today))),
    Promise.all(formFigures.map((f) => orgFigure(ctx, actor, f, period, today))),
    Promise.all(committees.map((c) => orgFigure(ctx, actor, { name: `committee.${c.id}`, label: c.short_name ?? c.name, unit: '次', query: { committeeId: c.id } }, period, today))),
  ]);
  return { from: period.from, to: period.to, totals, byForm, byCommittee };
}

/** A member's consultation figures (委员履职) of a period. */
export async function memberConsultationFigures(ctx: Pick<ModuleContext, 'db'>, tenantId: string, userId: string, period: { from: string; to: string }): Promise<Figure[]> {
  return Promise.all(memberFigures.map(async (f) => {
    const q = { userId, figure: f.figure, ...period };
    const { n } = await participationQuery(ctx.db, tenantId, q).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { key: `consultations.member.${f.name}`, label: f.label, unit: '次', value: Number(n), list: { api: '/api/consultations/participations', query: q, rows: 'consultation_participant' } };
  }));
}

export const consultationFigureSource: FigureSource = {
  figures: [
    ...orgFigures.map((f) => decl(f.name, f.label, f.unit, 'organisation')),
    ...formFigures.map((f) => decl(f.name, f.label, f.unit, 'organisation')),
    ...memberFigures.map((f) => decl(`member.${f.name}`, f.label, '次', 'member')),
  ],
  async compute(ctx, scope, actor) {
    if (actor.tenantId !== scope.tenantId) return [];
    const period = { from: scope.from, to: scope.to };
    if (scope.subject) {
      if (!mayReadMemberFigures(actor, scope.subject.userId)) return [];
      return memberConsultationFigures(ctx, scope.tenantId, scope.subject.userId, period);
    }
    if (!readsAll(actor)) return [];
    return (await organisationFiguresOf(ctx, actor, [period], ctx.calendar.today()))[0];
  },
  async computePeriods(ctx, scopes, actor) {
    if (scopes[0].subject) return Promise.all(scopes.map((sc) => consultationFigureSource.compute(ctx, sc, actor)));
    if (actor.tenantId !== scopes[0].tenantId || !readsAll(actor)) return scopes.map(() => []);
    return organisationFiguresOf(ctx, actor, scopes.map((sc) => ({ from: sc.from, to: sc.to })), ctx.calendar.today());
  },
};
