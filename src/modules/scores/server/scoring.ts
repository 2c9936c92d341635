/**
 * Computing 履职积分 from the figure catalogue: a member's score of a year is the year's rules applied to their member
 * figures (`<module>.member.*`), each item keeping the list of the records it counts (traceability); the whole
 * CPPCC's year is computed from the catalogue's batched counts (`computeMembers`, one grouped query per source) and
 * stored as a snapshot (`scores_results`) under the rule version, for the rankings and the distribution.
 */
import { systemActor, type Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { Figure } from '../../../kernel/universal/figures.ts';
import { findPeople } from '../../identity/index.ts';
import { listCommittees, listSectors, memberGroupsOf, memberIdsOf, memberSectorsOf, sectorNames, workYearFor, currentWorkYear } from '../../organizations/index.ts';
import type { MemberScore, RankingQuery, RankingRow } from '../contract.ts';
import { distributionOf, scoreOf } from '../domain/rules.ts';
import { rulesOf } from './rules-repo.ts';
import { scoresDb } from './tables.ts';

/**
 * Member figures being built in other modules (会议, 工作室, 公益): rules may score them already; until a module declares
 * one it counts 0 and the rules page says 「暂无数据来源」.
 */
export const pendingFigures = [
  { key: 'meetings.member.attended', label: '出席会议', unit: '次', module: 'meetings' },
  { key: 'meetings.member.leave', label: '请假', unit: '次', module: 'meetings' },
  { key: 'meetings.member.absent', label: '无故缺席', unit: '次', module: 'meetings' },
  { key: 'meetings.member.speeches', label: '大会发言', unit: '次', module: 'meetings' },
  { key: 'studios.member.activities', label: '委员工作室活动', unit: '次', module: 'studios' },
  { key: 'studios.member.cases', label: '工作室办理事项', unit: '件', module: 'studios' },
  { key: 'charity.member.donations', label: '公益活动', unit: '次', module: 'charity' },
];

/** Every member figure one may score: those the modules declare, then the pending ones no module declares yet. */
export function figureOptions(ctx: Pick<ModuleContext, 'figures'>) {
  const declared = ctx.figures.modules.flatMap((m) => m.figures.filter((d) => d.scope === 'member').map((d) => ({ key: d.key, label: d.label, unit: d.unit, module: m.name, hasSource: true })));
  const known = new Set(declared.map((d) => d.key));
  return [...declared, ...pendingFigures.filter((p) => !known.has(p.key)).map((p) => ({ ...p, hasSource: false }))];
}

export const yearOf = async (ctx: Pick<ModuleContext, 'settings'>, tenantId: string, year?: number) =>
  year ?? (await currentWorkYear(ctx.settings, tenantId, undefined)).year;

async function scopeOf(ctx: Pick<ModuleContext, 'settings'>, tenantId: string, year: number) {
  const wy = await workYearFor(ctx.settings, tenantId, year);
  return { tenantId, from: wy.startsOn, to: wy.endsOn, year };
}

/**
 * One member's score of a year, live: the figures as the catalogue computes them for that member (the lists each item
 * opens are the figures' own), the rules in force, and the member's place in the last computed ranking.
 */
export async function memberScoreOf(ctx: ModuleContext, tenantId: string, userId: string, year: number): Promise<MemberScore> {
  const scope = await scopeOf(ctx, tenantId, year);
  const [inForce, groups, people, sectors] = await Promise.all([
    rulesOf(ctx.db, tenantId, year),
    // counted as the system: the score is the same whoever looks at it; each list checks its reader when opened
    ctx.figures.compute(ctx, { ...scope, subject: { userId } }, systemActor(tenantId)),
    findPeople(ctx.db, [userId]),
    memberSectorsOf(ctx.db, tenantId),
  ]);
  const figures = new Map<string, Figure>(groups.flatMap((g) => g.figures).map((f) => [f.key, f]));
  const declared = new Set(ctx.figures.modules.flatMap((m) => m.figures.map((d) => d.key)));
  const counts = new Map([...figures].map(([k, f]) => [k, f.value]));
  const score = scoreOf(inForce.rules, counts);
  const sectorId = sectors.get(userId) ?? null;
  const sectorName = sectorId ? (await sectorNames(ctx.db, [sectorId])).get(sectorId) ?? null : null;
  const db = scoresDb(ctx.db);
  const mine = await db.selectFrom('scores_results').select('total').where('tenant_id', '=', tenantId).where('year', '=', year).where('user_id', '=', userId).executeTakeFirst();
  let rank: number | null = null;
  let members: number | null = null;
  if (mine) {
    const [above, all] = await Promise.all([
      db.selectFrom('scores_results').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).where('year', '=', year).where('total', '>', Number(mine.total)).executeTakeFirstOrThrow(),
      db.selectFrom('scores_results').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).where('year', '=', year).executeTakeFirstOrThrow(),
    ]);
    rank = Number(above.n) + 1;
    members = Number(all.n);
  }
  return {
    year, from: scope.from, to: scope.to, userId, name: people.get(userId)?.name ?? userId, sectorName,
    ruleVersion: inForce.version, ruleSource: inForce.source, base: score.base, maxTotal: inForce.rules.maxTotal,
    items: score.items.map((it, i) => {
      const rule = inForce.rules.items[i];
      return { ...it, minCount: rule.min, cap: rule.cap, hasSource: declared.has(it.figure), list: figures.get(it.figure)?.list ?? null };
    }),
    total: score.total, grade: score.grade, unmet: score.unmet, minimum: inForce.rules.minimum, bands: inForce.rules.bands, rank, members,
  };
}

/** The scores of every member of a CPPCC for a year, computed from the batched figures (not stored). */
export async function computeYear(ctx: ModuleContext, tenantId: string, year: number) {
  const [scope, inForce, memberRows, sectors] = await Promise.all([
    scopeOf(ctx, tenantId, year), rulesOf(ctx.db, tenantId, year), memberIdsOf(ctx.db, tenantId).execute(), memberSectorsOf(ctx.db, tenantId),
  ]);
  const userIds = memberRows.map((r) => String(r.user_id));
  const keys = [...new Set(inForce.rules.items.map((i) => i.figure))];
  const [counts, people] = await Promise.all([
    ctx.figures.computeMembers(ctx, scope, userIds, systemActor(tenantId), { keys }),
    findPeople(ctx.db, userIds),
  ]);
  const rows = userIds.map((userId) => {
    const c = counts.get(userId) ?? {};
    const s = scoreOf(inForce.rules, c);
    return { userId, name: people.get(userId)?.name ?? userId, sectorId: sectors.get(userId) ?? null, total: s.total, grade: s.grade, counts: c, points: s.items.map((i) => i.points) };
  });
  return { scope, inForce, rows };
}

/** 重新计算: the year's snapshot replaced as a whole, in one transaction, audited. */
export async function recomputeYear(ctx: ModuleContext, tenantId: string, year: number, actor: Actor = systemActor(tenantId)) {
  const started = performance.now();
  const { inForce, rows } = await computeYear(ctx, tenantId, year);
  let computedAt = '';
  await ctx.uow.run(async (w) => {
    computedAt = w.now;
    const db = scoresDb(w.trx);
    await db.deleteFrom('scores_results').where('tenant_id', '=', tenantId).where('year', '=', year).execute();
    for (let i = 0; i < rows.length; i += 500) {
      await db.insertInto('scores_results').values(rows.slice(i, i + 500).map((r) => ({
        tenant_id: tenantId, year, user_id: r.userId, name: r.name, sector_id: r.sectorId, total: r.total, grade: r.grade,
        rule_version: inForce.version, detail: JSON.stringify({ counts: r.counts, points: r.points }), computed_at: w.now,
      }))).execute();
    }
    await w.audit({ tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'scores.recompute', entityType: 'scores_year', entityId: `${tenantId}:${year}`, data: { year, members: rows.length, ruleVersion: inForce.version } });
  });
  return { year, members: rows.length, ruleVersion: inForce.version, computedAt, ms: Math.round(performance.now() - started) };
}

/** Competition ranking (1, 2, 2, 4): a member's rank is one more than the number of members scoring above them. */
export function ranked<T extends { total: number }>(rows: readonly T[]): Array<T & { rank: number }> {
  const sorted = [...rows].sort((a, b) => b.total - a.total);
  let rank = 0;
  return sorted.map((r, i) => {
    if (i === 0 || r.total !== sorted[i - 1].total) rank = i + 1;
    return { ...r, rank };
  });
}

/** 积分排名: the year's snapshot (computed now if the year has none), ranked over the whole CPPCC, then filtered. */
export async function rankingOf(ctx: ModuleContext, tenantId: string, q: Omit<RankingQuery, 'page' | 'pageSize'> & { year: number }) {
  const db = scoresDb(ctx.db);
  const load = () => db.selectFrom('scores_results').select(['user_id', 'name', 'sector_id', 'total', 'grade', 'rule_version', 'computed_at'])
    .where('tenant_id', '=', tenantId).where('year', '=', q.year).execute();
  let rows = await load();
  if (rows.length === 0) {
    await recomputeYear(ctx, tenantId, q.year);
    rows = await load();
  }
  const inForce = await rulesOf(ctx.db, tenantId, q.year);
  let all = ranked(rows.map((r) => ({ ...r, total: Number(r.total) })));
  if (q.sector) all = all.filter((r) => r.sector_id === q.sector);
  if (q.committee) {
    const inCommittee = new Set((await memberGroupsOf(ctx.db, tenantId, 'committee').execute()).filter((g) => String(g.group_id) === q.committee).map((g) => String(g.user_id)));
    all = all.filter((r) => inCommittee.has(r.user_id));
  }
  const distribution = distributionOf(inForce.rules.bands, all.map((r) => r.grade));
  if (q.grade) all = all.filter((r) => r.grade === q.grade);
  if (q.q) all = all.filter((r) => r.name.includes(q.q!));
  const names = await sectorNames(ctx.db, [...new Set(all.map((r) => r.sector_id).filter((s): s is string => !!s))]);
  const items: RankingRow[] = all.map((r) => ({ rank: r.rank, userId: r.user_id, name: r.name, sectorName: r.sector_id ? names.get(r.sector_id) ?? null : null, total: r.total, grade: r.grade }));
  const version = rows[0] ? Number(rows[0].rule_version) : null;
  return {
    items, distribution, ruleVersion: version, computedAt: rows[0]?.computed_at ?? null, stale: version !== inForce.version,
    average: items.length ? Math.round((items.reduce((s, r) => s + r.total, 0) / items.length) * 10) / 10 : null,
    belowMinimum: items.filter((r) => r.total < inForce.rules.minimum).length, minimum: inForce.rules.minimum,
  };
}

export async function groupOptions(ctx: ModuleContext, tenantId: string) {
  const [sectors, committees] = await Promise.all([listSectors(ctx.db, tenantId), listCommittees(ctx.db, tenantId)]);
  return {
    sectors: sectors.map((s: any) => ({ id: String(s.id), name: String(s.name) })),
    committees: committees.map((c: any) => ({ id: String(c.id), name: String(c.short_name ?? c.name) })),
  };
}
