/**
 * 社情民意 statistics for a period and the per-submitter points: every figure carries the list (path and query) that
 * shows the records behind it. Reports count by the day they were submitted; issues by the day they were compiled.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { DialectName } from '../../../kernel/server/db/dialect.ts';
import { levelLabels, levels, type OpinionStats, type StatFigure } from '../contract.ts';
import { hasEvent, periodBounds, reportFilter } from './report-repository.ts';
import { countMembers, memberIdsOf } from '../../organizations/index.ts';

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 10 : null);

export async function opinionStatsOf(db: Kysely<any>, dialect: DialectName, actor: Actor, q: { year?: number; from?: string; to?: string }): Promise<OpinionStats> {
  const p = periodBounds(q);
  const period = { from: p.from, to: p.to };
  const count = async (extra: Record<string, unknown>) => {
    const r = await db.selectFrom('opinion_reports').select((eb) => eb.fn.countAll().as('n')).where(reportFilter(dialect, actor, { ...period, ...extra } as any)).executeTakeFirst();
    return Number((r as any)?.n ?? 0);
  };
  const fig = (key: string, label: string, n: number, query: Record<string, string>, share: number | null = null, path = '/api/opinions'): StatFigure =>
    ({ key, label, count: n, share, path, query: { ...period, ...query } });

  const [submitted, accepted, retained, returned, sentUp] = await Promise.all([
    count({}), count({ stage: 'accepted' }), count({ state: 'retained' }), count({ stage: 'returned' }), count({ stage: 'sent_up' }),
  ]);
  const issueWhere = (eb: any) => eb.and([eb('tenant_id', '=', actor.tenantId), eb('created_at', '>=', p.lo), eb('created_at', '<', p.hi)]);
  const issues = await db.selectFrom('opinion_issues').select([(eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.sum('piece_count').as('pieces')]).where(issueWhere).executeTakeFirst() as any;
  const adopted = await Promise.all(levels.map((l) => count({ adoptedLevel: l })));
  const instructed = await Promise.all(levels.map((l) => count({ instructionLevel: l })));

  // 委员参与面: members of this CPPCC (their profiles are the organisations module's) who submitted, and who had one adopted
  const members = await countMembers(db, actor.tenantId);
  const memberCount = async (adoptedOnly: boolean) => {
    const base = reportFilter(dialect, actor, { ...period, incoming: false } as any);
    const r = await db.selectFrom('opinion_reports')
      .select((eb) => eb.fn.count('opinion_reports.submitter_user_id').distinct().as('n'))
      .where('opinion_reports.submitter_user_id', 'in', memberIdsOf(db, actor.tenantId))
      .where(base)
      .$if(adoptedOnly, (qb) => qb.where((eb: any) => eb.or([eb('opinion_reports.accepted_at', 'is not', null), hasEvent(eb, 'adoption')])))
      .executeTakeFirst();
    return Number((r as any)?.n ?? 0);
  };
  const [membersSubmitted, membersAdopted] = await Promise.all([memberCount(false), memberCount(true)]);

  return {
    ...period,
    totals: [
      fig('submitted', '收到信息', submitted, {}),
      fig('accepted', '录用', accepted, { stage: 'accepted' }, ratio(accepted, submitted)),
      fig('retained', '留存', retained, { state: 'retained' }, ratio(retained, submitted)),
      fig('returned', '退回', returned, { stage: 'returned' }, ratio(returned, submitted)),
      fig('issues', '编发期数', Number(issues?.n ?? 0), {}, null, '/api/opinions/issues'),
      fig('pieces', '刊发篇目', Number(issues?.pieces ?? 0), {}, null, '/api/opinions/issues'),
      fig('sent_up', '向上级报送', sentUp, { stage: 'sent_up' }),
    ],
    adoptedByLevel: levels.map((l, i) => fig(`adopted_${l}`, `${levelLabels[l]}采用`, adopted[i], { adoptedLevel: l })),
    instructionsByLevel: levels.map((l, i) => fig(`instruction_${l}`, `${levelLabels[l]}领导批示`, instructed[i], { instructionLevel: l })),
    members: [
      fig('members', '委员总数', members, {}, null, '/api/opinions/scores'),
      fig('members_submitted', '报送信息的委员', membersSubmitted, { incoming: 'false' }, ratio(membersSubmitted, members)),
      fig('members_adopted', '有信息被录用或采用的委员', membersAdopted, { incoming: 'false', stage: 'adopted' }, ratio(membersAdopted, members)),
    ],
  };
}

/** Points per submitter for a period (积分), from the events credited to them, highest first. */
export async function scoresOf(db: Kysely<any>, actor: Actor, q: { year?: number; from?: string; to?: string }) {
  const p = periodBounds(q);
  const rows = await db.selectFrom('opinion_events').innerJoin('opinion_reports', 'opinion_reports.id', 'opinion_events.root_report_id')
    .select((eb) => [
      'opinion_events.submitter_user_id', 'opinion_events.submitter_name',
      eb.fn.sum('opinion_events.points').as('points'), eb.fn.countAll().as('events'), eb.fn.count('opinion_events.root_report_id').distinct().as('reports'),
    ])
    .where('opinion_reports.tenant_id', '=', actor.tenantId)
    .where('opinion_events.at', '>=', p.lo).where('opinion_events.at', '<', p.hi)
    .groupBy(['opinion_events.submitter_user_id', 'opinion_events.submitter_name'])
    .orderBy('points', 'desc').orderBy('opinion_events.submitter_user_id').limit(500).execute();
  return {
    from: p.from, to: p.to,
    items: (rows as any[]).map((r) => ({ submitterUserId: r.submitter_user_id, submitterName: r.submitter_name, points: Number(r.points ?? 0), events: Number(r.events), reports: Number(r.reports) })),
  };
}
