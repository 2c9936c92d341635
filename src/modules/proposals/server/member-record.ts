/**
 * 履职档案 (member duty record): a member's proposals of a year by role, and the counts per member for many members at
 * once. Read by the members module through the proposals index; the proposals module never reads members.
 *
 * Roles, as the statistics' participation counts them (proposal-stats.ts):
 * - 领衔 (led): the member is the first proposer of a received proposal (submitted at least once, so drafts do not count);
 * - 附议/联名 (co-signed): the member confirmed a co-signature on a received proposal;
 * - 并案 (merged credit): the member's proposal was merged into this one; shown apart and not added to the other two,
 *   because the member's own (merged) proposal already counts as led.
 */
import { sql } from 'kysely';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { satisfactionLabels, type Satisfaction } from '../contract.ts';
import { stateLabel } from '../domain/proposal-lifecycle.ts';
import { readProposalSettings } from './settings.ts';
import { proposalDb } from './tables.ts';

/** 领衔 / 附议 / 并案 */
export const memberProposalRoles = ['led', 'cosigned', 'merged'] as const;
export type MemberProposalRole = (typeof memberProposalRoles)[number];

export interface MemberProposal {
  id: string;
  year: number;
  /** 提案编号; null until filed */
  number: string | null;
  title: string;
  state: string;
  stateLabel: string;
  proposerName: string;
  replyClass: string | null;
  replyClassLabel: string | null;
  satisfaction: string | null;
  satisfactionLabel: string | null;
  isKey: boolean;
  isExcellent: boolean;
  filed: boolean;
  submittedAt: string | null;
}

export interface MemberProposalCounts { led: number; cosigned: number; merged: number }

/**
 * A member's figures of a year (履职), each with the rows it counts: one definition for the duty record, the figure
 * catalogue and the list each figure opens (GET /api/proposals/members/:userId?figure=).
 */
export const memberProposalFigures = [
  { name: 'led', label: '领衔提案', rows: (p: Record<MemberProposalRole, MemberProposal[]>) => p.led },
  { name: 'cosigned', label: '附议提案', rows: (p: Record<MemberProposalRole, MemberProposal[]>) => p.cosigned },
  { name: 'merged', label: '并案提案', rows: (p: Record<MemberProposalRole, MemberProposal[]>) => p.merged },
  { name: 'filed', label: '领衔立案', rows: (p: Record<MemberProposalRole, MemberProposal[]>) => p.led.filter((x) => x.filed) },
  // 重点 and 优秀 span 领衔 and 附议
  { name: 'key', label: '重点提案', rows: (p: Record<MemberProposalRole, MemberProposal[]>) => [...p.led, ...p.cosigned].filter((x) => x.isKey) },
  { name: 'excellent', label: '优秀提案', rows: (p: Record<MemberProposalRole, MemberProposal[]>) => [...p.led, ...p.cosigned].filter((x) => x.isExcellent) },
] as const;
export type MemberProposalFigure = (typeof memberProposalFigures)[number]['name'];
export const memberProposalFigureNames = memberProposalFigures.map((f) => f.name) as unknown as readonly [MemberProposalFigure, ...MemberProposalFigure[]];

const columns = ['proposals.id', 'proposals.year', 'proposals.number', 'proposals.number_seq', 'proposals.title', 'proposals.state', 'proposals.proposer_name',
  'proposals.released_class', 'proposals.satisfaction', 'proposals.is_key', 'proposals.is_excellent', 'proposals.filed_at', 'proposals.submitted_at'] as const;

/** A member's received proposals of a year, as first proposer, as co-signer and by merger, each newest first. */
export async function memberProposalsOf(
  ctx: Pick<ModuleContext, 'db' | 'settings'>, tenantId: string, userId: string, year: number,
): Promise<Record<MemberProposalRole, MemberProposal[]>> {
  const db = proposalDb(ctx.db);
  const base = () => db.selectFrom('proposals').select([...columns])
    .where('proposals.tenant_id', '=', tenantId).where('proposals.year', '=', year).where('proposals.submitted_at', 'is not', null);
  const signed = (kind: 'merged' | 'invited') => base().innerJoin('proposal_cosigners', 'proposal_cosigners.proposal_id', 'proposals.id')
    .where('proposal_cosigners.user_id', '=', userId).where('proposal_cosigners.confirmed_at', 'is not', null)
    .where('proposal_cosigners.kind', kind === 'merged' ? '=' : '!=', 'merged');
  const [led, cosigned, merged, settings] = await Promise.all([
    base().where('proposals.proposer_user_id', '=', userId).execute(),
    signed('invited').execute(),
    signed('merged').execute(),
    readProposalSettings(ctx, tenantId),
  ]);
  const classLabel = new Map(settings.replyClasses.map((c) => [c.code, c.label]));
  const present = (rows: any[]): MemberProposal[] => rows.map((r) => ({
    id: r.id, year: Number(r.year), number: r.number ?? null, title: r.title, state: r.state, stateLabel: stateLabel(r.state),
    proposerName: r.proposer_name, replyClass: r.released_class ?? null, replyClassLabel: r.released_class ? classLabel.get(r.released_class) ?? r.released_class : null,
    satisfaction: r.satisfaction ?? null, satisfactionLabel: r.satisfaction ? satisfactionLabels[r.satisfaction as Satisfaction] ?? r.satisfaction : null,
    isKey: Number(r.is_key) === 1, isExcellent: Number(r.is_excellent) === 1, filed: !!r.filed_at, submittedAt: r.submitted_at ?? null,
  })).sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? '') || a.id.localeCompare(b.id));
  return { led: present(led), cosigned: present(cosigned), merged: present(merged) };
}

/**
 * Counts of received proposals per member and year by role, in one grouped query over the proposers and the confirmed
 * co-signatures: for one year (`year`) or every year, for the given members (`userIds`) or everyone of the tenant.
 */
export async function memberProposalCounts(
  // a lookup other modules call with their own view: it narrows the handle to this module's
  anyDb: AnyModuleDb, tenantId: string, opts: { year?: number; userIds?: readonly string[] } = {},
): Promise<Array<{ userId: string; year: number } & MemberProposalCounts>> {
  const db = proposalDb(anyDb);
  if (opts.userIds && opts.userIds.length === 0) return [];
  const ids = opts.userIds ? [...new Set(opts.userIds)] : undefined;
  const led = db.selectFrom('proposals')
    .select(['proposals.proposer_user_id as uid', 'proposals.year as year', sql<string>`'led'`.as('role')])
    .where('proposals.tenant_id', '=', tenantId).where('proposals.submitted_at', 'is not', null)
    .$if(opts.year !== undefined, (q) => q.where('proposals.year', '=', opts.year!))
    .$if(!!ids, (q) => q.where('proposals.proposer_user_id', 'in', ids!));
  const signed = db.selectFrom('proposal_cosigners').innerJoin('proposals', 'proposals.id', 'proposal_cosigners.proposal_id')
    .select((eb) => ['proposal_cosigners.user_id as uid', 'proposals.year as year',
      eb.case().when('proposal_cosigners.kind', '=', 'merged').then(sql<string>`'merged'`).else(sql<string>`'cosigned'`).end().as('role')])
    .where('proposals.tenant_id', '=', tenantId).where('proposals.submitted_at', 'is not', null)
    .where('proposal_cosigners.confirmed_at', 'is not', null)
    .$if(opts.year !== undefined, (q) => q.where('proposals.year', '=', opts.year!))
    .$if(!!ids, (q) => q.where('proposal_cosigners.user_id', 'in', ids!));
  const rows = await db.selectFrom(led.unionAll(signed as unknown as typeof led).as('x'))
    .select(['x.uid', 'x.year', 'x.role', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['x.uid', 'x.year', 'x.role']).execute();
  const out = new Map<string, { userId: string; year: number } & MemberProposalCounts>();
  for (const r of rows as any[]) {
    const key = `${r.uid}|${r.year}`;
    let e = out.get(key);
    if (!e) { e = { userId: String(r.uid), year: Number(r.year), led: 0, cosigned: 0, merged: 0 }; out.set(key, e); }
    e[r.role as MemberProposalRole] += Number(r.n);
  }
  return [...out.values()];
}
