/**
 * 履职档案: a member's year — proposals by role (from the proposals index), 社情民意 with adoptions, instructions and
 * points (from the opinions index), the summary figures from the figure catalogue (each opening the list of its records),
 * and the figures over the years.
 * Read-only; the data flows one way, from proposals and opinions into this record.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import { can } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { AppError, notFound } from '../../../kernel/universal/errors.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { currentWorkYear, workYearFor, settingsIn, getOrg, isMemberOf, listCommittees, listSectors, memberGroupsOf } from '../../organizations/index.ts';
import { findPeople } from '../../identity/index.ts';
import { memberProposalCounts, memberProposalsOf } from '../../proposals/index.ts';
import { memberReportTrend, memberReportYears, memberReportsOf } from '../../opinions/index.ts';
import type { MemberRecord, TrendPoint } from '../contract.ts';
import { PERM_READ_ALL, PERM_READ_OWN } from '../domain/permissions.ts';
import type { MembersDb } from './tables.ts';

/** The year the figures default to: the CPPCC's working year (工作年度, the same for every module; decision 0037). */
export const currentYear = async (db: AnyModuleDb, tenantId: string) => (await currentWorkYear(settingsIn(db), tenantId)).year;
/** How many years the trend shows at most. */
const TREND_YEARS = 8;

/**
 * Who may read whose record: a member their own; staff with the read-all right any member of their CPPCC. Another
 * member's record is refused (403 FORBIDDEN); a member of another CPPCC, or someone who is not a member, is not found.
 */
export async function authorizeRecord(db: MembersDb, actor: Actor, userId: string): Promise<void> {
  const self = userId === actor.userId;
  if (!(self && can(actor, PERM_READ_OWN)) && !can(actor, PERM_READ_ALL)) {
    throw new AppError('FORBIDDEN', self ? '您无权查看履职档案' : '您无权查看其他委员的履职档案');
  }
  if (!(await isMemberOf(db, actor.tenantId, userId))) throw notFound('委员履职档案');
}

/** One member's profile as the record shows it: name, CPPCC, sector and committees. */
async function profileOf(db: MembersDb, tenantId: string, userId: string) {
  const [people, tenant, sectorRows, committeeRows, sectors, committees] = await Promise.all([
    findPeople(db, [userId]),
    getOrg(db, tenantId),
    db.selectFrom(memberGroupsOf(db, tenantId, 'sector').as('g')).select('g.group_id').where('g.user_id', '=', userId).execute(),
    db.selectFrom(memberGroupsOf(db, tenantId, 'committee').as('g')).select('g.group_id').where('g.user_id', '=', userId).execute(),
    listSectors(db, tenantId),
    listCommittees(db, tenantId),
  ]);
  const sectorName = new Map<string, string>(sectors.map((s) => [String(s.id), String(s.name)]));
  const committeeName = new Map<string, string>(committees.map((c) => [String(c.id), String(c.short_name ?? c.name)]));
  const sectorId = (sectorRows[0] as any)?.group_id as string | undefined;
  return {
    userId, name: people.get(userId)?.name ?? userId, tenantName: tenant?.name ?? '',
    sectorName: sectorId ? sectorName.get(sectorId) ?? null : null,
    committees: (committeeRows as any[]).map((c) => ({ id: String(c.group_id), name: committeeName.get(String(c.group_id)) ?? '专门委员会' })),
  };
}

/** The modules whose member figures (…member.*) make the duty record's summary, in the order it shows them. */
export const MEMBER_RECORD_MODULES = ['proposals', 'opinions', 'consultations', 'inspections', 'activities', 'meetings', 'studios', 'charity'];

export async function memberRecordOf(ctx: ModuleContext, actor: Actor, userId: string, yearAsked?: number): Promise<MemberRecord> {
  const { db } = ctx;
  await authorizeRecord(db, actor, userId);
  const tenantId = actor.tenantId;
  const now = await currentYear(db, tenantId);
  const year = yearAsked ?? now;
  // the year's days: its 工作年度 (decision 0041), the same days as the figures' lists count
  const days = await workYearFor(settingsIn(db), tenantId, year);
  const [member, groups, proposals, opinions, proposalYears, reportYears] = await Promise.all([
    profileOf(db, tenantId, userId),
    // the summary strip: the member's figures from the catalogue, proposals first, then 社情民意, then 协商 (invited,
    // attended, speeches), the same definitions as the lists each figure opens
    ctx.figures.compute(ctx, { tenantId, from: days.startsOn, to: days.endsOn, year, subject: { userId } }, actor, { modules: MEMBER_RECORD_MODULES }),
    memberProposalsOf(ctx, tenantId, userId, year),
    memberReportsOf(db, tenantId, userId, year),
    memberProposalCounts(db, tenantId, { userIds: [userId] }),
    memberReportYears(db, tenantId, userId),
  ]);

  // the trend: from the first year with a record (at most TREND_YEARS back) to this year, or the year asked if later
  const last = Math.max(now, year);
  const active = [...proposalYears.map((p) => p.year), ...reportYears].filter((y) => y <= last);
  const first = Math.max(Math.min(year, ...active), last - TREND_YEARS + 1);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const reportTrend = await memberReportTrend(db, tenantId, userId, years);
  const trend: TrendPoint[] = years.map((y, i) => {
    const p = proposalYears.find((x) => x.year === y);
    const r = reportTrend[i];
    return {
      year: y, led: p?.led ?? 0, cosigned: p?.cosigned ?? 0, merged: p?.merged ?? 0,
      reports: r.submitted, accepted: r.accepted, adopted: r.adopted, instructed: r.instructed, points: r.points,
    };
  });

  const figures = groups.flatMap((g) => g.figures);
  return {
    year, currentYear: now, member, figures,
    proposals, reports: opinions.reports, trend,
    viewer: {
      self: userId === actor.userId,
      openProposals: userId === actor.userId || can(actor, 'proposal.read_all'),
      openReports: userId === actor.userId || can(actor, 'opinion.read_all'),
    },
  };
}
