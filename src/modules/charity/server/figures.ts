/**
 * The 公益 figures: the amount donated (万元, the sum of the donations list's `amountWan`), the donations, the students
 * helped (受助学生) and the amount given them; for a member (履职档案, 履职积分) the donations they made. Each counts the
 * very query of its list; a period counts by the date donated or given.
 */
import { can, type Actor } from '../../../kernel/server/actor.ts';
import type { FigureDecl, FigureSource } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { Figure } from '../../../kernel/universal/figures.ts';
import { managesCharity, readsAllCharity, wanOf } from '../domain/charity-rules.ts';
import { beneficiaryQuery, countAndSum, donationQuery } from './repository.ts';

const decl = (name: string, label: string, unit: string, scope: 'organisation' | 'member'): FigureDecl => ({ key: `charity.${name}`, label, unit, scope });
const orgDecls = [
  decl('raised', '公益募集善款', '万元', 'organisation'),
  decl('donations', '公益捐赠', '笔', 'organisation'),
  decl('beneficiaries', '资助学生', '人', 'organisation'),
  decl('given', '发放助学金', '万元', 'organisation'),
];
const memberDecls = [decl('member.donations', '公益捐赠', '笔', 'member')];
const labelOf = (key: string) => [...orgDecls, ...memberDecls].find((d) => d.key === key)!;
const fig = (key: string, value: number, list: Figure['list']): Figure => ({ key, label: labelOf(key).label, unit: labelOf(key).unit, value, list });
const clean = (o: Record<string, string | undefined>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, string>;

export async function orgFigures(ctx: Pick<ModuleContext, 'db'>, tenantId: string, period: { from?: string; to?: string }, driveId?: string): Promise<Figure[]> {
  const f = { from: period.from, to: period.to, driveId };
  const [d, b] = await Promise.all([countAndSum(donationQuery(ctx.db, tenantId, f), 'd.amount_yuan'), countAndSum(beneficiaryQuery(ctx.db, tenantId, f), 'b.amount_yuan')]);
  const query = clean(f);
  const web = driveId ? `/charity/${driveId}` : '/charity';
  return [
    fig('charity.raised', wanOf(d.sum), { api: '/api/charity/donations', web, query, rows: 'charity_donation', sum: 'amountWan' }),
    fig('charity.donations', d.n, { api: '/api/charity/donations', web, query, rows: 'charity_donation' }),
    fig('charity.beneficiaries', b.n, { api: '/api/charity/beneficiaries', web, query, rows: 'charity_beneficiary' }),
    fig('charity.given', wanOf(b.sum), { api: '/api/charity/beneficiaries', web, query, rows: 'charity_beneficiary', sum: 'amountWan' }),
  ];
}

export async function memberFigures(ctx: Pick<ModuleContext, 'db'>, tenantId: string, userId: string, period: { from?: string; to?: string }): Promise<Figure[]> {
  const f = { from: period.from, to: period.to, userId };
  const d = await countAndSum(donationQuery(ctx.db, tenantId, f), 'd.amount_yuan');
  return [fig('charity.member.donations', d.n, { api: '/api/charity/donations', query: clean(f), rows: 'charity_donation' })];
}

/** The organisation's figures are for those who read every record of the CPPCC: the office and leaders. */
export const readsFigures = (actor: Actor) => readsAllCharity(actor) || managesCharity(actor);
export const mayReadMemberFigures = (actor: Actor, userId: string) => actor.userId === userId || readsFigures(actor) || can(actor, 'member.read_all');

export const charityFigureSource: FigureSource = {
  figures: [...orgDecls, ...memberDecls],
  async compute(ctx, scope, actor) {
    if (actor.tenantId !== scope.tenantId) return [];
    const period = { from: scope.from, to: scope.to };
    if (scope.subject) return mayReadMemberFigures(actor, scope.subject.userId) ? memberFigures(ctx, scope.tenantId, scope.subject.userId, period) : [];
    return readsFigures(actor) ? orgFigures(ctx, scope.tenantId, period) : [];
  },
};
