/**
 * The proposals module's figures in the catalogue (统计数字目录): the organisation's figures of a year are the
 * statistics' own (`proposalStatsOf`, the same keys and values as 提案统计), a member's are their duty-record figures
 * (`memberProposalFigures`). Proposals belong to the year of their session, so a period other than a 工作年度 has none.
 */
import { sql } from 'kysely';
import { can, type Actor } from '../../../kernel/server/actor.ts';
import type { FigureDecl, FigureSource } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { Figure } from '../../../kernel/universal/figures.ts';
import { chinaToday } from '../../../kernel/universal/working-days.ts';
import { formatDate } from '../../../kernel/universal/china-time.ts';
import { memberProposalFigures, memberProposalsOf } from './member-record.ts';
import { proposalStatsOf } from './proposal-stats.ts';
import { readProposalSettings } from './settings.ts';
import { proposalDb } from './tables.ts';
import { stateLabel } from '../domain/proposal-lifecycle.ts';

/** Staff who read every member's duty record (委员履职 grants it); members read their own. */
export const DUTY_RECORD_READ_ALL = 'member.read_all';

/** May the actor read this member's figures and the proposals behind them: the member, the proposal office, or duty-record staff. */
export function mayReadMemberFigures(actor: Actor, userId: string): boolean {
  return actor.userId === userId || can(actor, 'proposal.read_all') || can(actor, DUTY_RECORD_READ_ALL);
}

const org = (name: string, label: string, unit = '件'): FigureDecl => ({ key: `proposals.${name}`, label, unit, scope: 'organisation' });
const organisationFigures: FigureDecl[] = [
  org('received', '收到提案'), org('filed', '立案'), org('not_filed', '不予立案'), org('merged', '并案'),
  org('converted', '转为社情民意或参考'), org('withdrawn', '撤回'), org('pending', '审查中'), org('key', '重点提案'),
  org('excellent', '优秀提案'), org('replied', '已答复'), org('on_time', '按期答复'),
  // 需关注: replies given late and replies overdue now (decision 0046)
  { ...org('late', '逾期答复'), attention: true }, { ...org('overdue', '当前超期'), attention: true },
  org('members', '委员总数', '人'), org('participants', '提交提案的委员', '人'), org('absent', '未提交提案的委员', '人'),
  // 各专委会: the received proposals of each special committee, as the statistics count them (decision 0087)
  { ...org('committee.*', '各专委会收到提案'), per: 'committee' },
];
const memberFigures: FigureDecl[] = memberProposalFigures.map((f) => ({ key: `proposals.member.${f.name}`, label: f.label, unit: '件', scope: 'member' }));

/** A member's proposal figures of a year, each opening GET /api/proposals/members/:userId with its name. */
export async function memberProposalFiguresOf(ctx: Pick<ModuleContext, 'db' | 'settings'>, tenantId: string, userId: string, year: number): Promise<Figure[]> {
  const rows = await memberProposalsOf(ctx, tenantId, userId, year);
  return memberProposalFigures.map((f) => ({
    key: `proposals.member.${f.name}`, label: f.label, value: f.rows(rows).length, unit: '件',
    list: { api: `/api/proposals/members/${encodeURIComponent(userId)}`, query: { year: String(year), figure: f.name }, rows: 'proposal' },
  }));
}

export const proposalFigureSource: FigureSource = {
  figures: [...organisationFigures, ...memberFigures],
  async compute(ctx, scope, actor) {
    if (scope.year === undefined) return [];
    if (scope.subject) {
      if (!mayReadMemberFigures(actor, scope.subject.userId)) return [];
      return memberProposalFiguresOf(ctx, scope.tenantId, scope.subject.userId, scope.year);
    }
    // the statistics are for the office and the leaders, who read every proposal of the CPPCC
    // the lists behind the figures show the actor's own CPPCC's proposals, so another CPPCC's figures could not be followed
    if (!can(actor, 'proposal.read_all') || actor.tenantId !== scope.tenantId) return [];
    const settings = await readProposalSettings(ctx, scope.tenantId);
    const stats = await proposalStatsOf(ctx.db, scope.tenantId, { year: scope.year }, settings.replyClasses, chinaToday());
    const shown = [...stats.totals, stats.replies.replied, stats.replies.onTime, stats.replies.late,
      stats.participation.members, stats.participation.participants, stats.participation.absent];
    const wanted = new Set(organisationFigures.map((d) => d.key));
    const byKey = new Map(shown.map((f) => [f.key, f]));
    // each committee's received proposals: the statistics page's figure (same key and list), named with the committee
    const committees = stats.byCommittee.map((f) => ({
      ...f, label: `${f.label}收到提案`, part: { kind: 'committee' as const, id: f.key.slice('proposals.committee.'.length), name: f.label },
    }));
    return [...[...wanted].map((k) => byKey.get(k)!).filter(Boolean), ...committees];
  },
  highlights: (ctx, scope, actor, limit) => proposalHighlights(ctx, scope, actor, limit),
  // many members' figures of a year at once (the duty score, decision 0062): the rows `memberProposalsOf` reads, counted
  // in two grouped queries (as proposer; as confirmed co-signer or by merger) instead of three queries per member
  async computeMembers(ctx, scope, userIds) {
    const out = new Map<string, Record<string, number>>();
    if (scope.year === undefined) return out;
    const db = proposalDb(ctx.db);
    const wanted = new Set(userIds);
    const flag = (col: string) => sql<number>`sum(case when ${sql.ref(col)} = 1 then 1 else 0 end)`;
    const base = () => db.selectFrom('proposals').where('proposals.tenant_id', '=', scope.tenantId).where('proposals.year', '=', scope.year!).where('proposals.submitted_at', 'is not', null);
    const [led, signed] = await Promise.all([
      base().select(['proposals.proposer_user_id as user_id', (eb) => eb.fn.countAll<number>().as('n'),
        sql<number>`sum(case when proposals.filed_at is not null then 1 else 0 end)`.as('filed'),
        flag('proposals.is_key').as('key'), flag('proposals.is_excellent').as('excellent')]).groupBy('proposals.proposer_user_id').execute(),
      base().innerJoin('proposal_cosigners', 'proposal_cosigners.proposal_id', 'proposals.id').where('proposal_cosigners.confirmed_at', 'is not', null)
        .select(['proposal_cosigners.user_id as user_id',
          sql<number>`sum(case when proposal_cosigners.kind = 'merged' then 1 else 0 end)`.as('merged'),
          sql<number>`sum(case when proposal_cosigners.kind <> 'merged' then 1 else 0 end)`.as('cosigned'),
          sql<number>`sum(case when proposal_cosigners.kind <> 'merged' and proposals.is_key = 1 then 1 else 0 end)`.as('key'),
          sql<number>`sum(case when proposal_cosigners.kind <> 'merged' and proposals.is_excellent = 1 then 1 else 0 end)`.as('excellent')])
        .groupBy('proposal_cosigners.user_id').execute(),
    ]);
    const rec = (u: string) => {
      let r = out.get(u);
      if (!r) out.set(u, (r = { 'proposals.member.led': 0, 'proposals.member.cosigned': 0, 'proposals.member.merged': 0, 'proposals.member.filed': 0, 'proposals.member.key': 0, 'proposals.member.excellent': 0 }));
      return r;
    };
    for (const r of led) {
      if (!r.user_id || !wanted.has(r.user_id)) continue;
      const x = rec(r.user_id);
      x['proposals.member.led'] = Number(r.n); x['proposals.member.filed'] = Number(r.filed);
      x['proposals.member.key'] += Number(r.key); x['proposals.member.excellent'] += Number(r.excellent);
    }
    for (const r of signed) {
      if (!wanted.has(r.user_id)) continue;
      const x = rec(r.user_id);
      x['proposals.member.merged'] = Number(r.merged); x['proposals.member.cosigned'] = Number(r.cosigned);
      x['proposals.member.key'] += Number(r.key); x['proposals.member.excellent'] += Number(r.excellent);
    }
    return out;
  },
};

/**
 * 重点记录 of a year for the annual review: the key proposals (重点提案) of the year's session, each with how it stands
 * (its state and, once released, the reply's class); for those who read every proposal of the CPPCC.
 */
export const proposalHighlights: NonNullable<FigureSource['highlights']> = async (ctx, scope, actor, limit) => {
  if (scope.year === undefined || !can(actor, 'proposal.read_all') || actor.tenantId !== scope.tenantId) return [];
  const settings = await readProposalSettings(ctx, scope.tenantId);
  const classLabel = new Map(settings.replyClasses.map((c) => [c.code, c.label]));
  const rows = await proposalDb(ctx.db).selectFrom('proposals')
    .select(['id', 'title', 'state', 'released_class', 'filed_at', 'replied_at', 'lead_unit_name'])
    .where('tenant_id', '=', scope.tenantId).where('year', '=', scope.year).where('is_key', '=', 1)
    .orderBy('filed_at', 'desc').orderBy('id').limit(limit).execute();
  return rows.map((r) => {
    const released = r.released_class ? `，答复为${classLabel.get(r.released_class) ?? r.released_class}` : '';
    const unit = r.lead_unit_name ? `${r.lead_unit_name}主办，` : '';
    return {
      key: 'proposals.key', kind: '重点提案', title: r.title, outcome: `${unit}${stateLabel(r.state)}${released}`,
      date: formatDate(r.replied_at ?? r.filed_at) || null, link: `/proposals/${r.id}`,
    };
  });
};
